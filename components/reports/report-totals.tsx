// Totals of the report inventory: regulatory reports and those without a reproducibility plan.
import { formatNumber } from "@/components/ui/format";
import { InventoryTotals, segmentsFrom } from "@/components/inventory/totals";
import { WORK_STATUS_TONES, type Tone } from "@/components/inventory/badges";
import { REPORT_KIND_LABELS, WORK_STATUS_LABELS } from "@/lib/inventories/labels";
import type { ReportTotals as Totals } from "@/lib/reports/schema";

const KIND_TONES: Record<string, Tone> = { operational: "brand", financial: "green", clinical_dashboard: "amber", regulatory: "violet" };

export function ReportTotals({ totals: t }: { totals: Totals }) {
  return (
    <InventoryTotals
      label="Report inventory totals"
      count={t.reports}
      stats={[
        { label: "Reports", value: formatNumber(t.reports) },
        { label: "Regulatory", value: formatNumber(t.regulatory), detail: "CMS quality measures, MIPS, state registries…" },
        {
          label: "Regulatory without a plan",
          value: formatNumber(t.regulatoryWithoutPlan),
          tone: t.regulatoryWithoutPlan ? "danger" : "good",
          detail: t.regulatoryWithoutPlan ? "submissions at risk" : "every one has a plan",
        },
        { label: "Any report without a plan", value: formatNumber(t.withoutPlan), tone: t.withoutPlan ? "warning" : "good" },
        { label: "Validated in parallel", value: formatNumber(t.parallelValidation), detail: `of ${formatNumber(t.reports)}` },
      ]}
      breakdowns={[
        { title: "By kind", segments: segmentsFrom(REPORT_KIND_LABELS, KIND_TONES, t.byKind) },
        { title: "By status", segments: segmentsFrom(WORK_STATUS_LABELS, WORK_STATUS_TONES, t.byStatus) },
      ]}
    />
  );
}
