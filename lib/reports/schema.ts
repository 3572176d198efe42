// Report inventory: form, action and table-query schemas (client + server).
// A regulatory report without a reproducibility plan is the failure mode PRODUCT.md names ("reporting not
// rebuilt: quality-measure submissions fail, penalties accrue"): it is counted and flagged everywhere.
import { z } from "zod";
import type { REPORT_KINDS, WORK_STATUSES, Report } from "@/lib/engagement-format/schema";
import type { RowMeta } from "@/lib/inventories/table-query";
import { REPORT_DEFINITION } from "@/lib/inventories/definitions";
import type { FormStateOf } from "@/lib/inventories/derive";
import { inventorySchemas } from "@/lib/inventories/schemas";

export type ReportRow = Report & RowMeta;
export type ReportFormState = FormStateOf<typeof REPORT_DEFINITION.fields>;

/** A regulatory report with no plan for reproducing it on the destination. */
export function isRegulatoryWithoutPlan(r: { kind: string; reproducibilityPlan: string }): boolean {
  return r.kind === "regulatory" && r.reproducibilityPlan.trim() === "";
}

export const REPORT_FLAGS = ["regulatory_without_plan", "without_plan", "parallel_validation"] as const;
export const REPORT_FLAG_LABELS: Record<(typeof REPORT_FLAGS)[number], string> = {
  regulatory_without_plan: "Regulatory without a plan",
  without_plan: "Any report without a plan",
  parallel_validation: "Validated in parallel",
};

export const {
  form: ReportFormSchema, create: ReportCreateSchema, update: ReportUpdateSchema,
  empty: emptyReportForm, toForm: reportToForm, query: ReportQuerySchema,
} = inventorySchemas(REPORT_DEFINITION, { flags: REPORT_FLAGS });
// INVARIANT: the form's output is a contract row (compile-time check).
const _formIsContract: (v: z.output<typeof ReportFormSchema>) => Report = (v) => v;
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
