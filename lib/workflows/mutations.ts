// Where the workflow inventory's writes differ from the generic ones (lib/inventories/mutations.ts).
// INVARIANT: reviewStatus is never written here — the clinical review (lib/workflow-review) owns it; a new
// item starts "not_reviewed" (the column default) and an edit keeps whatever the review set.
import "server-only";
import { workflowToColumns } from "@/lib/inventories/registry";
import type { RowWriteHooks } from "@/lib/inventories/mutations";
import type { WorkflowFormValues } from "@/lib/workflows/schema";
import { notifyChangesAnswered } from "@/lib/notifications/mutations";
import { WORKFLOW_DEFINITION } from "@/lib/inventories/definitions/workflows";

export const workflowWriteHooks: RowWriteHooks<WorkflowFormValues> = {
  // the form's values are compared with the stored row without its review status
  comparable: ({ reviewStatus: _review, ...values }) => values,
  columns: (values) => {
    const { reviewStatus: _owned, ...c } = workflowToColumns({ ...(values as WorkflowFormValues), reviewStatus: "not_reviewed" });
    return c;
  },
  // an edit of an item whose changes were requested answers the request → the reviewer who asked is told
  afterUpdate: async (tx, engagementId, actor, saved) => {
    if (saved.before.reviewStatus !== "changes_requested") return;
    const fields = WORKFLOW_DEFINITION.fields as Record<string, { label: string }>;
    const changed = Object.keys(fields).filter((k) => k !== "reviewStatus" && saved.after[k] !== undefined && saved.after[k] !== saved.before[k]);
    const what = changed.map((k) => fields[k]!.label.toLowerCase()).join(", ");
    await notifyChangesAnswered(tx, engagementId, actor.id, { id: saved.id, name: String(saved.after.name ?? saved.before.name) }, `Edited the item${what ? ` (${what})` : ""}.`);
  },
};
