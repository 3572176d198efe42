// Where the workflow inventory's writes differ from the generic ones (lib/inventories/mutations.ts).
// INVARIANT: reviewStatus is never written here — the clinical review (lib/workflow-review) owns it; a new
// item starts "not_reviewed" (the column default) and an edit keeps whatever the review set.
import "server-only";
import { workflowToColumns } from "@/lib/inventories/registry";
import type { RowWriteHooks } from "@/lib/inventories/mutations";
import type { WorkflowFormValues } from "@/lib/workflows/schema";

export const workflowWriteHooks: RowWriteHooks<WorkflowFormValues> = {
  // the form's values are compared with the stored row without its review status
  comparable: ({ reviewStatus: _review, ...values }) => values,
  columns: (values) => {
    const { reviewStatus: _owned, ...c } = workflowToColumns({ ...(values as WorkflowFormValues), reviewStatus: "not_reviewed" });
    return c;
  },
};
