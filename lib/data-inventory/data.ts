// Data-inventory reads, tenant-scoped. A table page is a constant three queries whatever the row count:
// findMany (50 rows) + count (matching rows) + one aggregate for the totals.
import "server-only";
import { db } from "@/lib/db";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import type { Prisma } from "@/lib/generated/prisma/client";
import { dataEntityFromRecord } from "@/lib/inventories/registry";
import { pageWindow, toPage, type Page } from "@/lib/inventories/table-query";
import { compareText, findVocabularySortedPage } from "@/lib/inventories/paging";
import { DATA_ENTITY_KINDS, MAPPING_STATUSES, MIGRATE_DECISIONS } from "@/lib/engagement-format/schema";
import type { DataEntityQuery, DataEntityRow, DataEntityTotals } from "@/lib/data-inventory/schema";

export const dataEntitySelect = {
  id: true,
  version: true,
  updatedAt: true,
  entity: true,
  sourceObject: true,
  recordCount: true,
  yearsCovered: true,
  decision: true,
  destinationEntity: true,
  mappingStatus: true,
  cleanupInScope: true,
  decider: true,
  notes: true,
  quirks: true,
} satisfies Prisma.DataEntitySelect;

type DataEntityRecord = Prisma.DataEntityGetPayload<{ select: typeof dataEntitySelect }>;

export function toDataEntityRow(r: DataEntityRecord): DataEntityRow {
  return { id: r.id, version: r.version, updatedAt: r.updatedAt.toISOString(), ...dataEntityFromRecord(r) };
}

export function dataEntityWhere(engagementId: AuthorizedEngagementId, q: Omit<DataEntityQuery, "page" | "sort" | "dir">): Prisma.DataEntityWhereInput {
  const and: Prisma.DataEntityWhereInput[] = [{ engagementId }];
  if (q.entity) and.push({ entity: q.entity });
  if (q.decision) and.push({ decision: q.decision });
  if (q.mapping) and.push({ mappingStatus: q.mapping });
  if (q.flag === "unknown_count") and.push({ recordCount: null });
  if (q.flag === "undecided") and.push({ decision: "undecided" });
  if (q.flag === "has_quirks") and.push({ NOT: { quirks: { equals: [] } } });
  if (q.flag === "critical_quirks") and.push({ quirks: { array_contains: [{ severity: "critical" }] } });
  if (q.q) {
    const contains = { contains: q.q, mode: "insensitive" as const };
    and.push({ OR: [{ sourceObject: contains }, { destinationEntity: contains }, { decider: contains }, { notes: contains }] });
  }
  return { AND: and };
}

const VOCABULARY_SORTS = { entity: DATA_ENTITY_KINDS, decision: MIGRATE_DECISIONS, mappingStatus: MAPPING_STATUSES } as const;
type VocabularySort = keyof typeof VOCABULARY_SORTS;
const isVocabularySort = (s: string): s is VocabularySort => s in VOCABULARY_SORTS;
const withinOrder: Prisma.DataEntityOrderByWithRelationInput[] = [{ entity: "asc" }, { sourceObject: "asc" }, { id: "asc" }];
const withinSegment: Prisma.DataEntityOrderByWithRelationInput[] = [{ sourceObject: "asc" }, { id: "asc" }];

export async function findDataEntityPage(engagementId: AuthorizedEngagementId, q: DataEntityQuery): Promise<Page<DataEntityRow>> {
  const where = dataEntityWhere(engagementId, q);
  const { skip, take } = pageWindow(q.page);
  if (isVocabularySort(q.sort)) {
    // sorted in the vocabulary's order (e.g. migrate → archive only → do not migrate → undecided)
    const column = q.sort;
    const { rows, total } = await findVocabularySortedPage({
      vocabulary: VOCABULARY_SORTS[column],
      dir: q.dir,
      skip,
      take,
      groupCounts: async () => {
        const groups = await db.dataEntity.groupBy({ by: [column], where, _count: { _all: true } });
        return groups.map((g) => ({ value: String(g[column]), count: g._count._all }));
      },
      fetch: (values, s, t) => db.dataEntity.findMany({ where: { AND: [where, { [column]: { in: values } }] }, orderBy: withinSegment, skip: s, take: t, select: dataEntitySelect }),
      valueOf: (r) => r[column],
      within: (a, b) => compareText(a.sourceObject, b.sourceObject) || a.id.localeCompare(b.id),
    });
    return toPage(rows.map(toDataEntityRow), total, q.page);
  }
  const primary: Prisma.DataEntityOrderByWithRelationInput =
    q.sort === "recordCount" || q.sort === "yearsCovered" ? { [q.sort]: { sort: q.dir, nulls: "last" } } : { [q.sort]: q.dir };
  const [rows, total] = await Promise.all([
    db.dataEntity.findMany({ where, orderBy: [primary, ...withinOrder], skip, take, select: dataEntitySelect }),
    db.dataEntity.count({ where }),
  ]);
  return toPage(rows.map(toDataEntityRow), total, q.page);
}

/** One row by id, scoped by engagement (null when it is not this engagement's). */
export async function findDataEntity(engagementId: AuthorizedEngagementId, id: string): Promise<DataEntityRow | null> {
  const r = await db.dataEntity.findFirst({ where: { id, engagementId }, select: dataEntitySelect });
  return r ? toDataEntityRow(r) : null;
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
