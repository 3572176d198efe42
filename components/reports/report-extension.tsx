// What the report inventory's view adds to its definition: the consumers under the name, and a regulatory
// report without a reproducibility plan flagged in red — in the table, its row, and under the form as it is typed.
import { AlertTriangle, FileBarChart } from "lucide-react";
import { defineExtension } from "@/components/inventories/extension";
import { REPORT_FLAG_LABELS, isRegulatoryWithoutPlan, type ReportFormState, type ReportRow } from "@/lib/reports/schema";

export const REPORT_EXTENSION = defineExtension<ReportRow, ReportFormState>({
  rowName: (r) => r.name,
  subtitle: (r) => (r.consumers ? `For ${r.consumers}` : null),
  cells: {
    reproducibilityPlan: (r) =>
      isRegulatoryWithoutPlan(r) ? (
        <span className="inline-flex items-center gap-1 whitespace-nowrap font-medium text-red-700">
          <AlertTriangle className="size-4" aria-hidden /> Missing — regulatory
        </span>
      ) : r.reproducibilityPlan ? (
        <span className="line-clamp-2 max-w-72 text-ink-600" title={r.reproducibilityPlan}>{r.reproducibilityPlan}</span>
      ) : (
        <span className="text-amber-700">Not yet</span>
      ),
  },
  descFirst: ["kind"],
  flags: REPORT_FLAG_LABELS,
  rowClassName: (r) => (isRegulatoryWithoutPlan(r) ? "bg-red-50/60" : undefined),
  empty: {
    icon: <FileBarChart className="size-8" />,
    title: "No reports yet",
    addLabel: "Add the first report",
    body: (
      <>
        List custom reports, dashboards and regulatory submissions (CMS quality measures, MIPS), who consumes each, and how it will be reproduced on the
        destination. Regulatory reports without a plan are flagged.
      </>
    ),
  },
  formNote: (_row, state) =>
    isRegulatoryWithoutPlan(state) ? (
      <p className="flex items-start gap-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" role="status">
        <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
        A regulatory report with no reproducibility plan: if it is not rebuilt before cutover, submissions fail and penalties accrue.
      </p>
    ) : null,
});
