// Risk-register reads, tenant-scoped. A page is the generic one (lib/inventories/data.ts), plus the sort by a
// score (likelihood × impact, which SQL through Prisma cannot order by): one groupBy + at most three findMany.
// Totals are one aggregate query. `today` (YYYY-MM-DD) is passed in so "overdue" is testable.
import "server-only";
import { db } from "@/lib/db";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import type { RiskMatrix } from "@/lib/engagement-format/schema";
import { RISK_DEFINITION } from "@/lib/inventories/definitions";
import { riskFromRecord, riskToColumns } from "@/lib/inventories/registry";
import { findRowById, findRowPage, rowStore, tallyCounts, type CustomSort, type DbRecord, type Where } from "@/lib/inventories/data";
import type { Page } from "@/lib/inventories/table-query";
import { compareText, fetchSegmentedPage, type Segment } from "@/lib/inventories/paging";
import { highScoreThreshold, readRiskMatrix } from "@/lib/risks/score";
import type { RiskQuery, RiskRow, RiskTotals } from "@/lib/risks/schema";

export const riskStore = rowStore(RISK_DEFINITION, (c) => c.risk, { fromRecord: riskFromRecord, toColumns: riskToColumns });

const dateOf = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/** The "needs attention" filter (overdue is relative to `today`). */
function flagWhere(flag: RiskQuery["flag"], today: string): Where[] {
  if (flag === "overdue") return [{ status: { not: "closed" }, nextReviewDate: { lt: dateOf(today) } }];
  if (flag === "no_owner") return [{ status: { not: "closed" }, owner: "" }];
  if (flag === "no_residual") return [{ status: { not: "closed" }, OR: [{ residualLikelihood: null }, { residualImpact: null }] }];
  if (flag === "no_review_date") return [{ status: { not: "closed" }, nextReviewDate: null }];
  return [];
}

const withinOrder = [{ title: "asc" }, { id: "asc" }];
const within = (a: DbRecord, b: DbRecord) => compareText(String(a.title), String(b.title)) || a.id.localeCompare(b.id);

type Pair = { l: number | null; i: number | null };
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** Score segments: all (likelihood, impact) pairs with the same product form one segment; unassessed last. */
function scoreSort(residual: boolean): CustomSort {
  const [lf, imf] = residual ? (["residualLikelihood", "residualImpact"] as const) : (["likelihood", "impact"] as const);
  return async (where, dir, skip, take) => {
    const model = riskStore.delegate(db);
    const groups = (await model.groupBy({ by: [lf, imf], where, _count: { _all: true } })).map((g) => ({ l: num(g[lf]), i: num(g[imf]), n: g._count._all }));
    const byScore = new Map<number | null, { pairs: Pair[]; count: number }>();
    for (const g of groups) {
      const score = g.l !== null && g.i !== null ? g.l * g.i : null;
      const seg = byScore.get(score) ?? { pairs: [], count: 0 };
      seg.pairs.push({ l: g.l, i: g.i });
      seg.count += g.n;
      byScore.set(score, seg);
    }
    const ordered = [...byScore.entries()].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : dir === "asc" ? a - b : b - a));
    const segments: Segment<Pair[]>[] = ordered.map(([, seg]) => ({ key: seg.pairs, count: seg.count }));
    const scoreIndex = new Map(ordered.map(([score], idx) => [score, idx]));
    const pairWhere = (p: Pair): Where => (residual ? { residualLikelihood: p.l, residualImpact: p.i } : { likelihood: p.l ?? 0, impact: p.i ?? 0 });
    const rows = await fetchSegmentedPage({
      segments,
      skip,
      take,
      fetch: (keys, s, t) => model.findMany({ where: { AND: [where, { OR: keys.flat().map(pairWhere) }] }, orderBy: withinOrder, skip: s, take: t, select: riskStore.select }),
      segmentOf: (r) => {
        const l = num(r[lf]);
        const i = num(r[imf]);
        return scoreIndex.get(l !== null && i !== null ? l * i : null) ?? segments.length;
      },
      within,
    });
    return { rows, total: segments.reduce((n, seg) => n + seg.count, 0) };
  };
}

const SCORE_SORTS = { score: scoreSort(false), residualScore: scoreSort(true) };

export function findRiskPage(engagementId: AuthorizedEngagementId, q: RiskQuery, today: string): Promise<Page<RiskRow>> {
  return findRowPage(riskStore, engagementId, q, { where: flagWhere(q.flag, today), sorts: SCORE_SORTS, tally: tallyCounts(engagementId, "risks") });
}

export function findRisk(engagementId: AuthorizedEngagementId, id: string): Promise<RiskRow | null> {
  return findRowById(riskStore, engagementId, id);
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
