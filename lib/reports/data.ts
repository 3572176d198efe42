// Report-inventory reads, tenant-scoped: the generic page (lib/inventories/data.ts) plus this inventory's
// flags; totals are one aggregate query.
import "server-only";
import { db } from "@/lib/db";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { REPORT_KINDS, WORK_STATUSES } from "@/lib/engagement-format/schema";
import { REPORT_DEFINITION } from "@/lib/inventories/definitions";
import { reportFromRecord, reportToColumns } from "@/lib/inventories/registry";
import { findRowById, findRowPage, rowStore, tallyCounts, type Where } from "@/lib/inventories/data";
import type { Page } from "@/lib/inventories/table-query";
import type { ReportQuery, ReportRow, ReportTotals } from "@/lib/reports/schema";

export const reportStore = rowStore(REPORT_DEFINITION, (c) => c.report, { fromRecord: reportFromRecord, toColumns: reportToColumns });

// "No plan" means empty or only whitespace; contract rows are trimmed, so "" covers what this app writes.
const noPlan: Where = { reproducibilityPlan: { equals: "" } };

/** The "needs attention" filter. */
function flagWhere(flag: ReportQuery["flag"]): Where[] {
  if (flag === "regulatory_without_plan") return [{ kind: "regulatory" }, noPlan];
  if (flag === "without_plan") return [noPlan];
  if (flag === "parallel_validation") return [{ parallelValidation: true }];
  return [];
}

export function findReportPage(engagementId: AuthorizedEngagementId, q: ReportQuery): Promise<Page<ReportRow>> {
  return findRowPage(reportStore, engagementId, q, { where: flagWhere(q.flag), tally: tallyCounts(engagementId, "reports") });
}

export function findReport(engagementId: AuthorizedEngagementId, id: string): Promise<ReportRow | null> {
  return findRowById(reportStore, engagementId, id);
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
