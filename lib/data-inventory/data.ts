// Data-inventory reads, tenant-scoped. A table page is the generic one (lib/inventories/data.ts) plus this
// inventory's flags; the totals and the source systems come from the maintained tally (lib/inventories/tally.ts).
import "server-only";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { DATA_DEFINITION } from "@/lib/inventories/definitions";
import { dataEntityFromRecord, dataEntityToColumns } from "@/lib/inventories/registry";
import { findRowById, findRowPage, findTally, rowStore, tallyCounts, type Where } from "@/lib/inventories/data";
import type { Tally } from "@/lib/inventories/tally";
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
  return findRowPage(dataEntityStore, engagementId, q, { where: flagWhere(q.flag), tally: tallyCounts(engagementId, "data") });
}

/** One row by id, scoped by engagement (null when it is not this engagement's). */
export function findDataEntity(engagementId: AuthorizedEngagementId, id: string): Promise<DataEntityRow | null> {
  return findRowById(dataEntityStore, engagementId, id);
}

/**
 * The source systems this engagement's data entities name: the options of the table's source-system filter
 * (from the maintained tally: one row per system, whatever the number of entities; at most 200).
 */
export async function findDataEntitySourceSystems(engagementId: AuthorizedEngagementId): Promise<string[]> {
  const tally = await findTally(engagementId, "data");
  return tally
    .under("sourceSystem")
    .filter((g) => g.count > 0)
    .map((g) => g.value)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, 200);
}

/** Totals over the whole inventory (not the filtered page), from the maintained tally (one query, one row per key). */
export async function findDataEntityTotals(engagementId: AuthorizedEngagementId): Promise<DataEntityTotals> {
  return dataEntityTotalsOf(await findTally(engagementId, "data"));
}

export function dataEntityTotalsOf(t: Tally): DataEntityTotals {
  return {
    entities: t.get("rows"),
    knownRecords: t.get("knownRecords"),
    unknownCounts: t.get("unknownCounts"),
    undecided: t.get("decision:undecided"),
    quirks: t.get("quirks"),
    quirksBySeverity: { low: t.get("quirks:low"), medium: t.get("quirks:medium"), high: t.get("quirks:high"), critical: t.get("quirks:critical") },
    byDecision: { migrate: t.get("decision:migrate"), archive_only: t.get("decision:archive_only"), do_not_migrate: t.get("decision:do_not_migrate"), undecided: t.get("decision:undecided") },
  };
}
