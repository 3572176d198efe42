// What the workflow inventory's view adds to its definition: organization-wide rows say so, undecided
// dispositions are tinted, and the clinical review status (set on the review page) is shown under the form.
import { GitBranch } from "lucide-react";
import { ReviewBadge } from "@/components/inventory/badges";
import { defineExtension } from "@/components/inventories/extension";
import type { WorkflowFormState, WorkflowRow } from "@/lib/workflows/schema";

export const WORKFLOW_EXTENSION = defineExtension<WorkflowRow, WorkflowFormState>({
  rowName: (r) => (r.department ? `${r.name} (${r.department})` : r.name),
  cells: { department: (r) => r.department || <span className="text-ink-400">All</span> },
  rowClassName: (r) => (r.disposition === "undecided" ? "bg-amber-50/40" : undefined),
  empty: {
    icon: <GitBranch className="size-8" />,
    title: "No workflows yet",
    addLabel: "Add the first workflow item",
    body: (
      <>
        Inventory the order sets, alerting rules, document routing, encounter templates, role and permission sets and reporting pipelines — one row can
        stand for many (“42 cardiology order sets”). Clinical reviewers then decide what must survive cutover.
      </>
    ),
  },
  formNote: (row) =>
    row ? (
      <div className="flex items-center gap-2 rounded-md bg-ink-50 px-3 py-2 text-sm text-ink-600">
        Clinical review: <ReviewBadge value={row.reviewStatus} />
        <span className="text-xs text-ink-500">Set by clinical reviewers on the review page.</span>
      </div>
    ) : null,
});
