// Report-inventory reads, tenant-scoped: a page is findMany + count (or groupBy + ≤ 3 findMany for a
// vocabulary sort); totals are one aggregate query.
import "server-only";
import { db } from "@/lib/db";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import type { Prisma } from "@/lib/generated/prisma/client";
import { COMPLEXITIES, FREQUENCIES, REPORT_KINDS, WORK_STATUSES } from "@/lib/engagement-format/schema";
import { reportFromRecord } from "@/lib/inventories/registry";
import { pageWindow, toPage, type Page } from "@/lib/inventories/table-query";
import { compareText, findVocabularySortedPage } from "@/lib/inventories/paging";
import type { ReportQuery, ReportRow, ReportTotals } from "@/lib/reports/schema";

export const reportSelect = {
  id: true,
  version: true,
  updatedAt: true,
  name: true,
  kind: true,
  consumers: true,
  frequency: true,
  complexity: true,
  reproducibilityPlan: true,
  parallelValidation: true,
  status: true,
} satisfies Prisma.ReportSelect;

type ReportRecord = Prisma.ReportGetPayload<{ select: typeof reportSelect }>;

export function toReportRow(r: ReportRecord): ReportRow {
  return { id: r.id, version: r.version, updatedAt: r.updatedAt.toISOString(), ...reportFromRecord(r) };
}

// "No plan" means empty or only whitespace; contract rows are trimmed, so "" covers what this app writes.
const noPlan: Prisma.ReportWhereInput = { reproducibilityPlan: { equals: "" } };

export function reportWhere(engagementId: AuthorizedEngagementId, q: Omit<ReportQuery, "page" | "sort" | "dir">): Prisma.ReportWhereInput {
  const and: Prisma.ReportWhereInput[] = [{ engagementId }];
  if (q.kind) and.push({ kind: q.kind });
  if (q.frequency) and.push({ frequency: q.frequency });
  if (q.status) and.push({ status: q.status });
  if (q.flag === "regulatory_without_plan") and.push({ kind: "regulatory" }, noPlan);
  if (q.flag === "without_plan") and.push(noPlan);
  if (q.flag === "parallel_validation") and.push({ parallelValidation: true });
  if (q.q) {
    const contains = { contains: q.q, mode: "insensitive" as const };
    and.push({ OR: [{ name: contains }, { consumers: contains }, { reproducibilityPlan: contains }] });
  }
  return { AND: and };
}

const VOCABULARY_SORTS = { kind: REPORT_KINDS, frequency: FREQUENCIES, complexity: COMPLEXITIES, status: WORK_STATUSES } as const;
type VocabularySort = keyof typeof VOCABULARY_SORTS;
const isVocabularySort = (s: string): s is VocabularySort => s in VOCABULARY_SORTS;
const withinOrder: Prisma.ReportOrderByWithRelationInput[] = [{ name: "asc" }, { id: "asc" }];

export async function findReportPage(engagementId: AuthorizedEngagementId, q: ReportQuery): Promise<Page<ReportRow>> {
  const where = reportWhere(engagementId, q);
  const { skip, take } = pageWindow(q.page);
  if (isVocabularySort(q.sort)) {
    const column = q.sort;
    const { rows, total } = await findVocabularySortedPage({
      vocabulary: VOCABULARY_SORTS[column],
      dir: q.dir,
      skip,
      take,
      groupCounts: async () => {
        const groups = await db.report.groupBy({ by: [column], where, _count: { _all: true } });
        return groups.map((g) => ({ value: String(g[column]), count: g._count._all }));
      },
      fetch: (values, s, t) => db.report.findMany({ where: { AND: [where, { [column]: { in: values } }] }, orderBy: withinOrder, skip: s, take: t, select: reportSelect }),
      valueOf: (r) => r[column],
      within: (a, b) => compareText(a.name, b.name) || a.id.localeCompare(b.id),
    });
    return toPage(rows.map(toReportRow), total, q.page);
  }
  const [rows, total] = await Promise.all([
    db.report.findMany({ where, orderBy: [{ [q.sort]: q.dir }, ...withinOrder], skip, take, select: reportSelect }),
    db.report.count({ where }),
  ]);
  return toPage(rows.map(toReportRow), total, q.page);
}

export async function findReport(engagementId: AuthorizedEngagementId, id: string): Promise<ReportRow | null> {
  const r = await db.report.findFirst({ where: { id, engagementId }, select: reportSelect });
  return r ? toReportRow(r) : null;
}

type TotalsRecord = { kind: string; status: string; reports: number; withoutPlan: number; parallelValidation: number };

const zeros = <T extends readonly string[]>(values: T) => Object.fromEntries(values.map((v) => [v, 0])) as Record<T[number], number>;

/** Totals over the whole inventory in one query (grouped by kind × status: at most 16 rows). */
export async function findReportTotals(engagementId: AuthorizedEngagementId): Promise<ReportTotals> {
  const groups = await db.$queryRaw<TotalsRecord[]>`
    SELECT "kind", "status",
      count(*)::int                                                        AS "reports",
      count(*) FILTER (WHERE btrim("reproducibilityPlan") = '')::int       AS "withoutPlan",
      count(*) FILTER (WHERE "parallelValidation")::int                    AS "parallelValidation"
    FROM "Report"
    WHERE "engagementId" = ${engagementId}
    GROUP BY "kind", "status"`;
  const totals: ReportTotals = {
    reports: 0,
    regulatory: 0,
    regulatoryWithoutPlan: 0,
    withoutPlan: 0,
    parallelValidation: 0,
    byKind: zeros(REPORT_KINDS),
    byStatus: zeros(WORK_STATUSES),
  };
  for (const g of groups) {
    totals.reports += g.reports;
    totals.withoutPlan += g.withoutPlan;
    totals.parallelValidation += g.parallelValidation;
    if (g.kind === "regulatory") {
      totals.regulatory += g.reports;
      totals.regulatoryWithoutPlan += g.withoutPlan;
    }
    if (g.kind in totals.byKind) totals.byKind[g.kind as keyof typeof totals.byKind] += g.reports;
    if (g.status in totals.byStatus) totals.byStatus[g.status as keyof typeof totals.byStatus] += g.reports;
  }
  return totals;
}
