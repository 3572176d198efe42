// Workflow inventory: form, action and table-query schemas (client + server).
// The form owns kind, name, department, quantity, complexity, disposition and notes. reviewStatus belongs to
// the clinical review (lib/workflow-review): shown here, never set by this form.
import { z } from "zod";
import type { COMPLEXITIES, DISPOSITIONS, REVIEW_STATUSES, WorkflowItem } from "@/lib/engagement-format/schema";
import type { RowMeta } from "@/lib/inventories/table-query";
import { WORKFLOW_DEFINITION } from "@/lib/inventories/definitions";
import type { FormStateOf } from "@/lib/inventories/derive";
import { inventorySchemas } from "@/lib/inventories/schemas";

export const {
  form: WorkflowFormSchema, create: WorkflowCreateSchema, update: WorkflowUpdateSchema,
  empty: emptyWorkflowForm, toForm: workflowToForm, query: WorkflowQuerySchema,
} = inventorySchemas(WORKFLOW_DEFINITION);
export type WorkflowFormValues = z.output<typeof WorkflowFormSchema>;
// INVARIANT: the form's output plus the review status is a contract row (compile-time check).
const _formIsContract: (v: WorkflowFormValues) => WorkflowItem = (v) => ({ ...v, reviewStatus: "not_reviewed" });

export type WorkflowRow = WorkflowItem & RowMeta;
export type WorkflowFormState = FormStateOf<typeof WORKFLOW_DEFINITION.fields>;
export type WorkflowQuery = z.output<typeof WorkflowQuerySchema>;

type Counts<T extends readonly string[]> = Record<T[number], { items: number; quantity: number }>;

export type WorkflowTotals = {
  items: number;
  quantity: number;
  byDisposition: Counts<typeof DISPOSITIONS>;
  byReviewStatus: Counts<typeof REVIEW_STATUSES>;
  byComplexity: Counts<typeof COMPLEXITIES>;
};
