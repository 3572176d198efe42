// Workflow-inventory reads, tenant-scoped: findMany (one page) + count + one groupBy for the totals.
import "server-only";
import { db } from "@/lib/db";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import type { Prisma } from "@/lib/generated/prisma/client";
import { COMPLEXITIES, DISPOSITIONS, REVIEW_STATUSES } from "@/lib/engagement-format/schema";
import { workflowFromRecord } from "@/lib/inventories/registry";
import { pageWindow, toPage, type Page } from "@/lib/inventories/table-query";
import { compareText, findVocabularySortedPage } from "@/lib/inventories/paging";
import { WORKFLOW_KINDS } from "@/lib/engagement-format/schema";
import type { WorkflowQuery, WorkflowRow, WorkflowTotals } from "@/lib/workflows/schema";

export const workflowSelect = {
  id: true,
  version: true,
  updatedAt: true,
  kind: true,
  name: true,
  department: true,
  quantity: true,
  complexity: true,
  disposition: true,
  reviewStatus: true,
  notes: true,
} satisfies Prisma.WorkflowItemSelect;

type WorkflowRecord = Prisma.WorkflowItemGetPayload<{ select: typeof workflowSelect }>;

export function toWorkflowRow(r: WorkflowRecord): WorkflowRow {
  return { id: r.id, version: r.version, updatedAt: r.updatedAt.toISOString(), ...workflowFromRecord(r) };
}

export function workflowWhere(engagementId: AuthorizedEngagementId, q: Omit<WorkflowQuery, "page" | "sort" | "dir">): Prisma.WorkflowItemWhereInput {
  const and: Prisma.WorkflowItemWhereInput[] = [{ engagementId }];
  if (q.kind) and.push({ kind: q.kind });
  if (q.disposition) and.push({ disposition: q.disposition });
  if (q.review) and.push({ reviewStatus: q.review });
  if (q.complexity) and.push({ complexity: q.complexity });
  if (q.q) {
    const contains = { contains: q.q, mode: "insensitive" as const };
    and.push({ OR: [{ name: contains }, { department: contains }, { notes: contains }] });
  }
  return { AND: and };
}

const VOCABULARY_SORTS = { kind: WORKFLOW_KINDS, complexity: COMPLEXITIES, disposition: DISPOSITIONS, reviewStatus: REVIEW_STATUSES } as const;
type VocabularySort = keyof typeof VOCABULARY_SORTS;
const isVocabularySort = (s: string): s is VocabularySort => s in VOCABULARY_SORTS;
const withinSegment: Prisma.WorkflowItemOrderByWithRelationInput[] = [{ department: "asc" }, { name: "asc" }, { id: "asc" }];

export async function findWorkflowPage(engagementId: AuthorizedEngagementId, q: WorkflowQuery): Promise<Page<WorkflowRow>> {
  const where = workflowWhere(engagementId, q);
  const { skip, take } = pageWindow(q.page);
  if (isVocabularySort(q.sort)) {
    const column = q.sort;
    const { rows, total } = await findVocabularySortedPage({
      vocabulary: VOCABULARY_SORTS[column],
      dir: q.dir,
      skip,
      take,
      groupCounts: async () => {
        const groups = await db.workflowItem.groupBy({ by: [column], where, _count: { _all: true } });
        return groups.map((g) => ({ value: String(g[column]), count: g._count._all }));
      },
      fetch: (values, s, t) => db.workflowItem.findMany({ where: { AND: [where, { [column]: { in: values } }] }, orderBy: withinSegment, skip: s, take: t, select: workflowSelect }),
      valueOf: (r) => r[column],
      within: (a, b) => compareText(a.department, b.department) || compareText(a.name, b.name) || a.id.localeCompare(b.id),
    });
    return toPage(rows.map(toWorkflowRow), total, q.page);
  }
  const orderBy: Prisma.WorkflowItemOrderByWithRelationInput[] = [{ [q.sort]: q.dir }, { kind: "asc" }, ...withinSegment];
  const [rows, total] = await Promise.all([
    db.workflowItem.findMany({ where, orderBy, skip, take, select: workflowSelect }),
    db.workflowItem.count({ where }),
  ]);
  return toPage(rows.map(toWorkflowRow), total, q.page);
}

export async function findWorkflowItem(engagementId: AuthorizedEngagementId, id: string): Promise<WorkflowRow | null> {
  const r = await db.workflowItem.findFirst({ where: { id, engagementId }, select: workflowSelect });
  return r ? toWorkflowRow(r) : null;
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
