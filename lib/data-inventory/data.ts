// Data-inventory reads, tenant-scoped. A table page is the generic one (lib/inventories/data.ts) plus this
// inventory's flags; the totals are one aggregate query.
import "server-only";
import { db } from "@/lib/db";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { DATA_DEFINITION } from "@/lib/inventories/definitions";
import { dataEntityFromRecord, dataEntityToColumns } from "@/lib/inventories/registry";
import { findFilterValues, findRowById, findRowPage, rowStore, type Where } from "@/lib/inventories/data";
import type { Page } from "@/lib/inventories/table-query";
import type { DataEntityQuery, DataEntityRow, DataEntityTotals } from "@/lib/data-inventory/schema";

export const dataEntityStore = rowStore(DATA_DEFINITION, (c) => c.dataEntity, { fromRecord: dataEntityFromRecord, toColumns: dataEntityToColumns });

/** The "needs attention" filter. */
function flagWhere(flag: DataEntityQuery["flag"]): Where[] {
  if (flag === "unknown_count") return [{ recordCount: null }];
  if (flag === "undecided") return [{ decision: "undecided" }];
  if (flag === "has_quirks") return [{ NOT: { quirks: { equals: [] } } }];
  if (flag === "critical_quirks") return [{ quirks: { array_contains: [{ severity: "critical" }] } }];
  return [];
}

export function findDataEntityPage(engagementId: AuthorizedEngagementId, q: DataEntityQuery): Promise<Page<DataEntityRow>> {
  return findRowPage(dataEntityStore, engagementId, q, { where: flagWhere(q.flag) });
}

/** One row by id, scoped by engagement (null when it is not this engagement's). */
export function findDataEntity(engagementId: AuthorizedEngagementId, id: string): Promise<DataEntityRow | null> {
  return findRowById(dataEntityStore, engagementId, id);
}

/** The source systems this engagement's data entities name: the options of the table's source-system filter. */
export function findDataEntitySourceSystems(engagementId: AuthorizedEngagementId): Promise<string[]> {
  return findFilterValues(dataEntityStore, engagementId, "sourceSystem");
}

type TotalsRecord = {
  entities: number;
  knownRecords: number;
  unknownCounts: number;
  undecided: number;
  migrate: number;
  archiveOnly: number;
  doNotMigrate: number;
  quirks: number;
  low: number;
  medium: number;
  high: number;
  critical: number;
};

/** Totals over the whole inventory (not the filtered page), in one query. */
export async function findDataEntityTotals(engagementId: AuthorizedEngagementId): Promise<DataEntityTotals> {
  const [t] = await db.$queryRaw<TotalsRecord[]>`
    SELECT
      count(*)::int                                                   AS "entities",
      coalesce(sum(d."recordCount"), 0)::float8                       AS "knownRecords",
      count(*) FILTER (WHERE d."recordCount" IS NULL)::int            AS "unknownCounts",
      count(*) FILTER (WHERE d."decision" = 'undecided')::int         AS "undecided",
      count(*) FILTER (WHERE d."decision" = 'migrate')::int           AS "migrate",
      count(*) FILTER (WHERE d."decision" = 'archive_only')::int      AS "archiveOnly",
      count(*) FILTER (WHERE d."decision" = 'do_not_migrate')::int    AS "doNotMigrate",
      coalesce(sum(qs.n), 0)::int                                     AS "quirks",
      coalesce(sum(qs.low), 0)::int                                   AS "low",
      coalesce(sum(qs.medium), 0)::int                                AS "medium",
      coalesce(sum(qs.high), 0)::int                                  AS "high",
      coalesce(sum(qs.critical), 0)::int                              AS "critical"
    FROM "DataEntity" d
    LEFT JOIN LATERAL (
      SELECT
        count(*)                                                AS n,
        count(*) FILTER (WHERE q->>'severity' = 'low')          AS low,
        count(*) FILTER (WHERE q->>'severity' = 'medium')       AS medium,
        count(*) FILTER (WHERE q->>'severity' = 'high')         AS high,
        count(*) FILTER (WHERE q->>'severity' = 'critical')     AS critical
      FROM jsonb_array_elements(CASE WHEN jsonb_typeof(d."quirks") = 'array' THEN d."quirks" ELSE '[]'::jsonb END) AS q
    ) qs ON true
    WHERE d."engagementId" = ${engagementId}`;
  return {
    entities: t.entities,
    knownRecords: t.knownRecords,
    unknownCounts: t.unknownCounts,
    undecided: t.undecided,
    quirks: t.quirks,
    quirksBySeverity: { low: t.low, medium: t.medium, high: t.high, critical: t.critical },
    byDecision: { migrate: t.migrate, archive_only: t.archiveOnly, do_not_migrate: t.doNotMigrate, undecided: t.undecided },
  };
}
