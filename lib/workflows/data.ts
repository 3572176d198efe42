// Workflow-inventory reads, tenant-scoped: the generic page (lib/inventories/data.ts) + one groupBy for the totals.
import "server-only";
import { db } from "@/lib/db";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { COMPLEXITIES, DISPOSITIONS, REVIEW_STATUSES } from "@/lib/engagement-format/schema";
import { WORKFLOW_DEFINITION } from "@/lib/inventories/definitions";
import { workflowFromRecord, workflowToColumns } from "@/lib/inventories/registry";
import { findRowById, findRowPage, rowStore } from "@/lib/inventories/data";
import type { Page } from "@/lib/inventories/table-query";
import type { WorkflowQuery, WorkflowRow, WorkflowTotals } from "@/lib/workflows/schema";

export const workflowStore = rowStore(WORKFLOW_DEFINITION, (c) => c.workflowItem, { fromRecord: workflowFromRecord, toColumns: workflowToColumns });

export function findWorkflowPage(engagementId: AuthorizedEngagementId, q: WorkflowQuery): Promise<Page<WorkflowRow>> {
  return findRowPage(workflowStore, engagementId, q);
}

export function findWorkflowItem(engagementId: AuthorizedEngagementId, id: string): Promise<WorkflowRow | null> {
  return findRowById(workflowStore, engagementId, id);
}

function zeroCounts<T extends readonly string[]>(values: T) {
  return Object.fromEntries(values.map((v) => [v, { items: 0, quantity: 0 }])) as Record<T[number], { items: number; quantity: number }>;
}

/** Totals over the whole inventory in one query (groups are bounded by the vocabularies: ≤ 36 rows). */
export async function findWorkflowTotals(engagementId: AuthorizedEngagementId): Promise<WorkflowTotals> {
  const groups = await db.workflowItem.groupBy({
    by: ["disposition", "reviewStatus", "complexity"],
    where: { engagementId },
    _count: { _all: true },
    _sum: { quantity: true },
  });
  const totals: WorkflowTotals = {
    items: 0,
    quantity: 0,
    byDisposition: zeroCounts(DISPOSITIONS),
    byReviewStatus: zeroCounts(REVIEW_STATUSES),
    byComplexity: zeroCounts(COMPLEXITIES),
  };
  for (const g of groups) {
    const items = g._count._all;
    const quantity = g._sum.quantity ?? 0;
    totals.items += items;
    totals.quantity += quantity;
    for (const [bucket, key] of [
      [totals.byDisposition, g.disposition],
      [totals.byReviewStatus, g.reviewStatus],
      [totals.byComplexity, g.complexity],
    ] as const) {
      const slot = (bucket as Record<string, { items: number; quantity: number }>)[key];
      if (slot) {
        slot.items += items;
        slot.quantity += quantity;
      }
    }
  }
  return totals;
}
