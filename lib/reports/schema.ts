// Report inventory: form, action and table-query schemas (client + server).
// A regulatory report without a reproducibility plan is the failure mode PRODUCT.md names ("reporting not
// rebuilt: quality-measure submissions fail, penalties accrue"): it is counted and flagged everywhere.
import { z } from "zod";
import { COMPLEXITIES, FREQUENCIES, REPORT_KINDS, WORK_STATUSES, type Report } from "@/lib/engagement-format/schema";
import { enumField, optionalText, requiredText } from "@/lib/form-fields";
import { checkboxField } from "@/lib/inventories/form-fields";
import { createInput, updateInput } from "@/lib/inventories/action-input";
import { enumFilter, tableQuerySchema, type RowMeta } from "@/lib/inventories/table-query";

export const ReportFormSchema = z.strictObject({
  name: requiredText(200),
  kind: enumField(REPORT_KINDS, "Choose the kind of report"),
  consumers: optionalText(500),
  frequency: enumField(FREQUENCIES),
  complexity: enumField(COMPLEXITIES),
  reproducibilityPlan: optionalText(2000),
  parallelValidation: checkboxField(),
  status: enumField(WORK_STATUSES),
});
export type ReportFormValues = z.output<typeof ReportFormSchema>;
// INVARIANT: the form's output is a contract row (compile-time check).
const _formIsContract: (v: ReportFormValues) => Report = (v) => v;

export const ReportCreateSchema = createInput(ReportFormSchema);
export const ReportUpdateSchema = updateInput(ReportFormSchema);

export type ReportRow = Report & RowMeta;

export type ReportFormState = Omit<Record<keyof Report, string>, "parallelValidation"> & { parallelValidation: boolean };

export const emptyReportForm: ReportFormState = {
  name: "",
  kind: "",
  consumers: "",
  frequency: "monthly",
  complexity: "medium",
  reproducibilityPlan: "",
  parallelValidation: false,
  status: "not_started",
};

export function reportToForm(row: Report): ReportFormState {
  return { ...row };
}

/** A regulatory report with no plan for reproducing it on the destination. */
export function isRegulatoryWithoutPlan(r: { kind: string; reproducibilityPlan: string }): boolean {
  return r.kind === "regulatory" && r.reproducibilityPlan.trim() === "";
}

export const REPORT_SORTS = ["name", "kind", "consumers", "frequency", "complexity", "status", "updatedAt"] as const;
export const REPORT_FLAGS = ["regulatory_without_plan", "without_plan", "parallel_validation"] as const;
export const REPORT_FLAG_LABELS: Record<(typeof REPORT_FLAGS)[number], string> = {
  regulatory_without_plan: "Regulatory without a plan",
  without_plan: "Any report without a plan",
  parallel_validation: "Validated in parallel",
};

export const ReportQuerySchema = tableQuerySchema({
  sorts: REPORT_SORTS,
  defaultSort: "name",
  filters: {
    kind: enumFilter(REPORT_KINDS),
    frequency: enumFilter(FREQUENCIES),
    status: enumFilter(WORK_STATUSES),
    flag: enumFilter(REPORT_FLAGS),
  },
});
export type ReportQuery = z.output<typeof ReportQuerySchema>;

export type ReportTotals = {
  reports: number;
  regulatory: number;
  regulatoryWithoutPlan: number;
  withoutPlan: number;
  parallelValidation: number;
  byKind: Record<(typeof REPORT_KINDS)[number], number>;
  byStatus: Record<(typeof WORK_STATUSES)[number], number>;
};

export function reportKeyMessage() {
  return "This engagement already has a report with this name";
}
