// Risk-register reads, tenant-scoped. A page is findMany + count, or — sorted by a score (likelihood × impact,
// which SQL through Prisma cannot order by) or a vocabulary — one groupBy + at most three findMany.
// Totals are one aggregate query. `today` (YYYY-MM-DD) is passed in so "overdue" is testable.
import "server-only";
import { db } from "@/lib/db";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PHASES, RISK_CATEGORIES, RISK_STATUSES, TREATMENTS, type RiskMatrix } from "@/lib/engagement-format/schema";
import { riskFromRecord } from "@/lib/inventories/registry";
import { pageWindow, toPage, type Page } from "@/lib/inventories/table-query";
import { compareText, fetchSegmentedPage, findVocabularySortedPage, type Segment } from "@/lib/inventories/paging";
import { highScoreThreshold, readRiskMatrix } from "@/lib/risks/score";
import type { RiskQuery, RiskRow, RiskTotals } from "@/lib/risks/schema";

export const riskSelect = {
  id: true,
  version: true,
  updatedAt: true,
  title: true,
  cause: true,
  effect: true,
  category: true,
  likelihood: true,
  impact: true,
  residualLikelihood: true,
  residualImpact: true,
  probability: true,
  residualProbability: true,
  scope: true,
  treatment: true,
  mitigationPlan: true,
  mitigationCostCents: true,
  scheduleImpactWeeks: true,
  costImpact: true,
  phase: true,
  owner: true,
  nextReviewDate: true,
  status: true,
  libraryKey: true,
} satisfies Prisma.RiskSelect;

type RiskRecord = Prisma.RiskGetPayload<{ select: typeof riskSelect }>;

export function toRiskRow(r: RiskRecord): RiskRow {
  return { id: r.id, version: r.version, updatedAt: r.updatedAt.toISOString(), ...riskFromRecord(r) };
}

const dateOf = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

export function riskWhere(engagementId: AuthorizedEngagementId, q: Omit<RiskQuery, "page" | "sort" | "dir">, today: string): Prisma.RiskWhereInput {
  const and: Prisma.RiskWhereInput[] = [{ engagementId }];
  if (q.category) and.push({ category: q.category });
  if (q.status) and.push({ status: q.status });
  if (q.treatment) and.push({ treatment: q.treatment });
  if (q.phase) and.push({ phase: q.phase });
  if (q.flag === "overdue") and.push({ status: { not: "closed" }, nextReviewDate: { lt: dateOf(today) } });
  if (q.flag === "no_owner") and.push({ status: { not: "closed" }, owner: "" });
  if (q.flag === "no_residual") and.push({ status: { not: "closed" }, OR: [{ residualLikelihood: null }, { residualImpact: null }] });
  if (q.flag === "no_review_date") and.push({ status: { not: "closed" }, nextReviewDate: null });
  if (q.q) {
    const contains = { contains: q.q, mode: "insensitive" as const };
    and.push({ OR: [{ title: contains }, { cause: contains }, { effect: contains }, { owner: contains }, { mitigationPlan: contains }] });
  }
  return { AND: and };
}

const VOCABULARY_SORTS = { category: RISK_CATEGORIES, treatment: TREATMENTS, phase: PHASES, status: RISK_STATUSES } as const;
type VocabularySort = keyof typeof VOCABULARY_SORTS;
const isVocabularySort = (s: string): s is VocabularySort => s in VOCABULARY_SORTS;
const withinOrder: Prisma.RiskOrderByWithRelationInput[] = [{ title: "asc" }, { id: "asc" }];
const within = (a: RiskRecord, b: RiskRecord) => compareText(a.title, b.title) || a.id.localeCompare(b.id);

type Pair = { l: number | null; i: number | null };

/** Score segments: all (likelihood, impact) pairs with the same product form one segment; unassessed last. */
async function findScoreSortedPage(where: Prisma.RiskWhereInput, residual: boolean, dir: "asc" | "desc", skip: number, take: number) {
  const groups = residual
    ? (await db.risk.groupBy({ by: ["residualLikelihood", "residualImpact"], where, _count: { _all: true } })).map((g) => ({ l: g.residualLikelihood, i: g.residualImpact, n: g._count._all }))
    : (await db.risk.groupBy({ by: ["likelihood", "impact"], where, _count: { _all: true } })).map((g) => ({ l: g.likelihood as number | null, i: g.impact as number | null, n: g._count._all }));
  const byScore = new Map<number | null, { pairs: Pair[]; count: number }>();
  for (const g of groups) {
    const score = g.l !== null && g.i !== null ? g.l * g.i : null;
    const seg = byScore.get(score) ?? { pairs: [], count: 0 };
    seg.pairs.push({ l: g.l, i: g.i });
    seg.count += g.n;
    byScore.set(score, seg);
  }
  const ordered = [...byScore.entries()].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : dir === "asc" ? a - b : b - a));
  const segments: Segment<Pair[]>[] = ordered.map(([, s]) => ({ key: s.pairs, count: s.count }));
  const scoreIndex = new Map(ordered.map(([score], idx) => [score, idx]));
  const pairWhere = (p: Pair): Prisma.RiskWhereInput => (residual ? { residualLikelihood: p.l, residualImpact: p.i } : { likelihood: p.l ?? 0, impact: p.i ?? 0 });
  const rows = await fetchSegmentedPage({
    segments,
    skip,
    take,
    fetch: (keys, s, t) => db.risk.findMany({ where: { AND: [where, { OR: keys.flat().map(pairWhere) }] }, orderBy: withinOrder, skip: s, take: t, select: riskSelect }),
    segmentOf: (r) => {
      const l = residual ? r.residualLikelihood : r.likelihood;
      const i = residual ? r.residualImpact : r.impact;
      return scoreIndex.get(l !== null && i !== null ? l * i : null) ?? segments.length;
    },
    within,
  });
  return { rows, total: segments.reduce((n, s) => n + s.count, 0) };
}

export async function findRiskPage(engagementId: AuthorizedEngagementId, q: RiskQuery, today: string): Promise<Page<RiskRow>> {
  const where = riskWhere(engagementId, q, today);
  const { skip, take } = pageWindow(q.page);
  if (q.sort === "score" || q.sort === "residualScore") {
    const { rows, total } = await findScoreSortedPage(where, q.sort === "residualScore", q.dir, skip, take);
    return toPage(rows.map(toRiskRow), total, q.page);
  }
  if (isVocabularySort(q.sort)) {
    const column = q.sort;
    const { rows, total } = await findVocabularySortedPage({
      vocabulary: VOCABULARY_SORTS[column],
      dir: q.dir,
      skip,
      take,
      groupCounts: async () => {
        const groups = await db.risk.groupBy({ by: [column], where, _count: { _all: true } });
        return groups.map((g) => ({ value: String(g[column]), count: g._count._all }));
      },
      fetch: (values, s, t) => db.risk.findMany({ where: { AND: [where, { [column]: { in: values } }] }, orderBy: withinOrder, skip: s, take: t, select: riskSelect }),
      valueOf: (r) => r[column],
      within,
    });
    return toPage(rows.map(toRiskRow), total, q.page);
  }
  const primary: Prisma.RiskOrderByWithRelationInput = q.sort === "nextReviewDate" ? { nextReviewDate: { sort: q.dir, nulls: "last" } } : { [q.sort]: q.dir };
  const [rows, total] = await Promise.all([
    db.risk.findMany({ where, orderBy: [primary, ...withinOrder], skip, take, select: riskSelect }),
    db.risk.count({ where }),
  ]);
  return toPage(rows.map(toRiskRow), total, q.page);
}

export async function findRisk(engagementId: AuthorizedEngagementId, id: string): Promise<RiskRow | null> {
  const r = await db.risk.findFirst({ where: { id, engagementId }, select: riskSelect });
  return r ? toRiskRow(r) : null;
}

/** The engagement's risk matrix (RiskMatrixSchema defaults when unset) and currency. */
export async function findRiskSettings(engagementId: AuthorizedEngagementId): Promise<{ matrix: RiskMatrix; currency: string }> {
  const e = await db.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: { riskMatrix: true, currency: true } });
  return { matrix: readRiskMatrix(e.riskMatrix), currency: e.currency };
}

type TotalsRecord = {
  risks: number;
  open: number;
  monitoring: number;
  closed: number;
  overdue: number;
  withoutOwner: number;
  residualNotAssessed: number;
  highOrWorse: number;
  mitigate: number;
  accept: number;
  transfer: number;
  avoid: number;
  openMitigationCents: number;
};

/** Totals over the whole register in one query. */
export async function findRiskTotals(engagementId: AuthorizedEngagementId, today: string, matrixSize: number): Promise<RiskTotals> {
  const high = highScoreThreshold(matrixSize);
  const [t] = await db.$queryRaw<TotalsRecord[]>`
    SELECT
      count(*)::int                                                                             AS "risks",
      count(*) FILTER (WHERE "status" = 'open')::int                                            AS "open",
      count(*) FILTER (WHERE "status" = 'monitoring')::int                                      AS "monitoring",
      count(*) FILTER (WHERE "status" = 'closed')::int                                          AS "closed",
      count(*) FILTER (WHERE "status" <> 'closed' AND "nextReviewDate" < ${today}::date)::int   AS "overdue",
      count(*) FILTER (WHERE "status" <> 'closed' AND btrim("owner") = '')::int                 AS "withoutOwner",
      count(*) FILTER (WHERE "status" <> 'closed' AND ("residualLikelihood" IS NULL OR "residualImpact" IS NULL))::int AS "residualNotAssessed",
      count(*) FILTER (WHERE "status" <> 'closed' AND "likelihood" * "impact" >= ${high})::int  AS "highOrWorse",
      count(*) FILTER (WHERE "status" <> 'closed' AND "treatment" = 'mitigate')::int            AS "mitigate",
      count(*) FILTER (WHERE "status" <> 'closed' AND "treatment" = 'accept')::int              AS "accept",
      count(*) FILTER (WHERE "status" <> 'closed' AND "treatment" = 'transfer')::int            AS "transfer",
      count(*) FILTER (WHERE "status" <> 'closed' AND "treatment" = 'avoid')::int               AS "avoid",
      coalesce(sum("mitigationCostCents") FILTER (WHERE "status" <> 'closed'), 0)::float8       AS "openMitigationCents"
    FROM "Risk"
    WHERE "engagementId" = ${engagementId}`;
  return {
    risks: t.risks,
    byStatus: { open: t.open, monitoring: t.monitoring, closed: t.closed },
    overdue: t.overdue,
    withoutOwner: t.withoutOwner,
    residualNotAssessed: t.residualNotAssessed,
    highOrWorse: t.highOrWorse,
    byTreatment: { mitigate: t.mitigate, accept: t.accept, transfer: t.transfer, avoid: t.avoid },
    openMitigationCents: t.openMitigationCents,
  };
}
