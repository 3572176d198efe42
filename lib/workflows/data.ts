// Workflow-inventory reads, tenant-scoped: the generic page (lib/inventories/data.ts) + the totals from the maintained tally.
import "server-only";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { COMPLEXITIES, DISPOSITIONS, REVIEW_STATUSES } from "@/lib/engagement-format/schema";
import { WORKFLOW_DEFINITION } from "@/lib/inventories/definitions";
import { workflowFromRecord, workflowToColumns } from "@/lib/inventories/registry";
import { findRowById, findRowPage, findTally, rowStore, tallyCounts } from "@/lib/inventories/data";

import type { Page } from "@/lib/inventories/table-query";
import type { WorkflowQuery, WorkflowRow, WorkflowTotals } from "@/lib/workflows/schema";

export const workflowStore = rowStore(WORKFLOW_DEFINITION, (c) => c.workflowItem, { fromRecord: workflowFromRecord, toColumns: workflowToColumns });

export function findWorkflowPage(engagementId: AuthorizedEngagementId, q: WorkflowQuery): Promise<Page<WorkflowRow>> {
  return findRowPage(workflowStore, engagementId, q, { tally: tallyCounts(engagementId, "workflows") });
}

export function findWorkflowItem(engagementId: AuthorizedEngagementId, id: string): Promise<WorkflowRow | null> {
  return findRowById(workflowStore, engagementId, id);
}

/** Totals over the whole inventory, from the maintained tally (one query, one row per key, whatever the rows). */
export async function findWorkflowTotals(engagementId: AuthorizedEngagementId): Promise<WorkflowTotals> {
  const t = await findTally(engagementId, "workflows");
  const by = <T extends readonly string[]>(column: string, values: T) =>
    Object.fromEntries(values.map((v) => [v, { items: t.get(`${column}:${v}`), quantity: t.get(`quantity:${column}:${v}`) }])) as Record<T[number], { items: number; quantity: number }>;
  return {
    items: t.get("rows"),
    quantity: t.get("quantity"),
    byDisposition: by("disposition", DISPOSITIONS),
    byReviewStatus: by("reviewStatus", REVIEW_STATUSES),
    byComplexity: by("complexity", COMPLEXITIES),
  };
}
