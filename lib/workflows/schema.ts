// Workflow inventory: form, action and table-query schemas (client + server).
// The form owns kind, name, department, quantity, complexity, disposition and notes. reviewStatus belongs to
// the clinical review (lib/workflow-review): shown here, never set by this form.
import { z } from "zod";
import { COMPLEXITIES, DISPOSITIONS, REVIEW_STATUSES, WORKFLOW_KINDS, type WorkflowItem } from "@/lib/engagement-format/schema";
import { enumField, optionalText, requiredText, wholeNumber } from "@/lib/form-fields";
import { createInput, updateInput } from "@/lib/inventories/action-input";
import { enumFilter, tableQuerySchema, type RowMeta } from "@/lib/inventories/table-query";
import { numberToInput } from "@/lib/inventories/form-fields";

export const WorkflowFormSchema = z.strictObject({
  kind: enumField(WORKFLOW_KINDS, "Choose the kind of workflow"),
  name: requiredText(200),
  department: optionalText(200),
  quantity: wholeNumber({ min: 1, max: 1_000_000 }),
  complexity: enumField(COMPLEXITIES),
  disposition: enumField(DISPOSITIONS),
  notes: optionalText(2000),
});
export type WorkflowFormValues = z.output<typeof WorkflowFormSchema>;
// INVARIANT: the form's output plus the review status is a contract row (compile-time check).
const _formIsContract: (v: WorkflowFormValues) => WorkflowItem = (v) => ({ ...v, reviewStatus: "not_reviewed" });

export const WorkflowCreateSchema = createInput(WorkflowFormSchema);
export const WorkflowUpdateSchema = updateInput(WorkflowFormSchema);

export type WorkflowRow = WorkflowItem & RowMeta;

export type WorkflowFormState = { kind: string; name: string; department: string; quantity: string; complexity: string; disposition: string; notes: string };

export const emptyWorkflowForm: WorkflowFormState = { kind: "", name: "", department: "", quantity: "1", complexity: "medium", disposition: "undecided", notes: "" };

export function workflowToForm(row: WorkflowItem): WorkflowFormState {
  return {
    kind: row.kind,
    name: row.name,
    department: row.department,
    quantity: numberToInput(row.quantity),
    complexity: row.complexity,
    disposition: row.disposition,
    notes: row.notes,
  };
}

export const WORKFLOW_SORTS = ["kind", "name", "department", "quantity", "complexity", "disposition", "reviewStatus", "updatedAt"] as const;

export const WorkflowQuerySchema = tableQuerySchema({
  sorts: WORKFLOW_SORTS,
  defaultSort: "kind",
  filters: {
    kind: enumFilter(WORKFLOW_KINDS),
    disposition: enumFilter(DISPOSITIONS),
    review: enumFilter(REVIEW_STATUSES),
    complexity: enumFilter(COMPLEXITIES),
  },
});
export type WorkflowQuery = z.output<typeof WorkflowQuerySchema>;

type Counts<T extends readonly string[]> = Record<T[number], { items: number; quantity: number }>;

export type WorkflowTotals = {
  items: number;
  quantity: number;
  byDisposition: Counts<typeof DISPOSITIONS>;
  byReviewStatus: Counts<typeof REVIEW_STATUSES>;
  byComplexity: Counts<typeof COMPLEXITIES>;
};

export function workflowKeyMessage() {
  return "This engagement already has a workflow of this kind with this name in this department";
}
