// Integration-inventory reads, tenant-scoped. A page is findMany + count (text sorts) or groupBy + ≤ 3
// findMany (vocabulary sorts, in the vocabulary's order); totals are one groupBy.
import "server-only";
import { db } from "@/lib/db";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  DIRECTIONS,
  INTEGRATION_KINDS,
  INTEGRATION_STANDARDS,
  INTERFACE_COMPLEXITIES,
  SEVERITIES,
  TRANSITION_STRATEGIES,
  WORK_STATUSES,
} from "@/lib/engagement-format/schema";
import { integrationFromRecord } from "@/lib/inventories/registry";
import { pageWindow, toPage, type Page } from "@/lib/inventories/table-query";
import { compareText, findVocabularySortedPage } from "@/lib/inventories/paging";
import type { IntegrationQuery, IntegrationRow, IntegrationTotals } from "@/lib/integrations/schema";

export const integrationSelect = {
  id: true,
  version: true,
  updatedAt: true,
  name: true,
  kind: true,
  standard: true,
  messageTypes: true,
  direction: true,
  partner: true,
  sourceEndpoint: true,
  replacementPlan: true,
  transitionStrategy: true,
  clinicalImpact: true,
  complexity: true,
  status: true,
} satisfies Prisma.IntegrationSelect;

type IntegrationRecord = Prisma.IntegrationGetPayload<{ select: typeof integrationSelect }>;

export function toIntegrationRow(r: IntegrationRecord): IntegrationRow {
  return { id: r.id, version: r.version, updatedAt: r.updatedAt.toISOString(), ...integrationFromRecord(r) };
}

export function integrationWhere(engagementId: AuthorizedEngagementId, q: Omit<IntegrationQuery, "page" | "sort" | "dir">): Prisma.IntegrationWhereInput {
  const and: Prisma.IntegrationWhereInput[] = [{ engagementId }];
  if (q.kind) and.push({ kind: q.kind });
  if (q.standard) and.push({ standard: q.standard });
  if (q.strategy) and.push({ transitionStrategy: q.strategy });
  if (q.impact) and.push({ clinicalImpact: q.impact });
  if (q.complexity) and.push({ complexity: q.complexity });
  if (q.status) and.push({ status: q.status });
  if (q.q) {
    const contains = { contains: q.q, mode: "insensitive" as const };
    and.push({ OR: [{ name: contains }, { partner: contains }, { messageTypes: contains }, { sourceEndpoint: contains }, { replacementPlan: contains }] });
  }
  return { AND: and };
}

const VOCABULARY_SORTS = {
  kind: INTEGRATION_KINDS,
  standard: INTEGRATION_STANDARDS,
  direction: DIRECTIONS,
  transitionStrategy: TRANSITION_STRATEGIES,
  clinicalImpact: SEVERITIES,
  complexity: INTERFACE_COMPLEXITIES,
  status: WORK_STATUSES,
} as const;
type VocabularySort = keyof typeof VOCABULARY_SORTS;
const isVocabularySort = (s: string): s is VocabularySort => s in VOCABULARY_SORTS;

const withinOrder: Prisma.IntegrationOrderByWithRelationInput[] = [{ name: "asc" }, { id: "asc" }];

export async function findIntegrationPage(engagementId: AuthorizedEngagementId, q: IntegrationQuery): Promise<Page<IntegrationRow>> {
  const where = integrationWhere(engagementId, q);
  const { skip, take } = pageWindow(q.page);
  if (isVocabularySort(q.sort)) {
    const column = q.sort;
    const { rows, total } = await findVocabularySortedPage({
      vocabulary: VOCABULARY_SORTS[column],
      dir: q.dir,
      skip,
      take,
      groupCounts: async () => {
        const groups = await db.integration.groupBy({ by: [column], where, _count: { _all: true } });
        return groups.map((g) => ({ value: String(g[column]), count: g._count._all }));
      },
      fetch: (values, s, t) => db.integration.findMany({ where: { AND: [where, { [column]: { in: values } }] }, orderBy: withinOrder, skip: s, take: t, select: integrationSelect }),
      valueOf: (r) => r[column],
      within: (a, b) => compareText(a.name, b.name) || a.id.localeCompare(b.id),
    });
    return toPage(rows.map(toIntegrationRow), total, q.page);
  }
  const [rows, total] = await Promise.all([
    db.integration.findMany({ where, orderBy: [{ [q.sort]: q.dir }, ...withinOrder], skip, take, select: integrationSelect }),
    db.integration.count({ where }),
  ]);
  return toPage(rows.map(toIntegrationRow), total, q.page);
}

export async function findIntegration(engagementId: AuthorizedEngagementId, id: string): Promise<IntegrationRow | null> {
  const r = await db.integration.findFirst({ where: { id, engagementId }, select: integrationSelect });
  return r ? toIntegrationRow(r) : null;
}

const zeros = <T extends readonly string[]>(values: T) => Object.fromEntries(values.map((v) => [v, 0])) as Record<T[number], number>;

/** Totals over the whole inventory in one groupBy (at most 3 × 4 × 4 × 4 groups). */
export async function findIntegrationTotals(engagementId: AuthorizedEngagementId): Promise<IntegrationTotals> {
  const groups = await db.integration.groupBy({
    by: ["complexity", "clinicalImpact", "transitionStrategy", "status"],
    where: { engagementId },
    _count: { _all: true },
  });
  const totals: IntegrationTotals = {
    interfaces: 0,
    byComplexity: zeros(INTERFACE_COMPLEXITIES),
    byClinicalImpact: zeros(SEVERITIES),
    byTransitionStrategy: zeros(TRANSITION_STRATEGIES),
    byStatus: zeros(WORK_STATUSES),
  };
  const add = (bucket: Record<string, number>, key: string, n: number) => {
    if (key in bucket) bucket[key] += n;
  };
  for (const g of groups) {
    const n = g._count._all;
    totals.interfaces += n;
    add(totals.byComplexity, g.complexity, n);
    add(totals.byClinicalImpact, g.clinicalImpact, n);
    add(totals.byTransitionStrategy, g.transitionStrategy, n);
    add(totals.byStatus, g.status, n);
  }
  return totals;
}
