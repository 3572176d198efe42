// Totals of the risk register: open risks, overdue reviews, high-or-worse scores, by status and treatment.
import { formatMoneyCents, formatNumber } from "@/components/ui/format";
import { InventoryTotals, segmentsFrom } from "@/components/inventory/totals";
import { RISK_STATUS_TONES, type Tone } from "@/components/inventory/badges";
import { RISK_STATUS_LABELS, TREATMENT_LABELS } from "@/lib/inventories/labels";
import type { RiskTotals as Totals } from "@/lib/risks/schema";

const TREATMENT_TONES: Record<string, Tone> = { mitigate: "brand", accept: "amber", transfer: "violet", avoid: "green" };

export function RiskTotals({ totals: t, currency }: { totals: Totals; currency: string }) {
  const notClosed = t.byStatus.open + t.byStatus.monitoring;
  return (
    <InventoryTotals
      label="Risk register totals"
      count={t.risks}
      stats={[
        { label: "Open risks", value: formatNumber(notClosed), detail: `${formatNumber(t.byStatus.open)} open · ${formatNumber(t.byStatus.monitoring)} monitoring · ${formatNumber(t.byStatus.closed)} closed` },
        { label: "Review overdue", value: formatNumber(t.overdue), tone: t.overdue ? "danger" : "good", detail: t.overdue ? "next review date has passed" : "all reviews on time" },
        { label: "High or critical", value: formatNumber(t.highOrWorse), tone: t.highOrWorse ? "warning" : "default", detail: "inherent score, open risks" },
        { label: "Without owner", value: formatNumber(t.withoutOwner), tone: t.withoutOwner ? "warning" : "good", detail: `${formatNumber(t.residualNotAssessed)} without residual assessment` },
        { label: "Mitigation budget", value: formatMoneyCents(t.openMitigationCents, currency, t.openMitigationCents >= 100_000_00), detail: "open risks" },
      ]}
      breakdowns={[
        { title: "By status", segments: segmentsFrom(RISK_STATUS_LABELS, RISK_STATUS_TONES, t.byStatus) },
        { title: "Open risks by treatment", segments: segmentsFrom(TREATMENT_LABELS, TREATMENT_TONES, t.byTreatment) },
      ]}
    />
  );
}
