// The maintained totals of the inventories ("InventoryTally", kept by PostgreSQL triggers: see the
// *_inventory_tally migration and docs/performance.md). Reading a total costs one row per key, whatever the
// number of inventory rows: the pages' totals, the overview's completeness, a table's row count and the
// segment counts of a sort by meaning come from here instead of counting the rows.
// Keys per inventory ("data", "workflows", "integrations", "reports", "risks"):
//   rows · <column>:<value> for every vocabulary column a table sorts or filters by (e.g. decision:migrate)
//   data: knownRecords, unknownCounts, incomplete, quirks, quirks:<severity>, sourceSystem:<name>
//   workflows: quantity, incomplete, quantity:<column>:<value> (disposition, reviewStatus, complexity),
//              changedSinceApproval (approved, edited after its latest approval: WorkflowItem.approvedAt)
//   reports: regulatoryWithoutPlan
//   risks: open:withoutOwner, open:residualNotAssessed, open:incomplete, open:review:<YYYY-MM-DD>

export type TallyInventory = "data" | "workflows" | "integrations" | "reports" | "risks";

/** One inventory's tally: a key's value (0 when absent) and the values under a prefix. */
export class Tally {
  constructor(private readonly values: ReadonlyMap<string, number>) {}

  get(key: string): number {
    return this.values.get(key) ?? 0;
  }

  /** `prefix:<value>` keys with a non-zero count, as { value, count } (unordered). */
  under(prefix: string): { value: string; count: number }[] {
    const p = `${prefix}:`;
    const out: { value: string; count: number }[] = [];
    for (const [k, n] of this.values) if (k.startsWith(p) && n !== 0) out.push({ value: k.slice(p.length), count: n });
    return out;
  }
}

export function tallyFromRows(rows: readonly { key: string; n: bigint | number | string }[]): Tally {
  return new Tally(new Map(rows.map((r) => [r.key, Number(r.n)])));
}

/** What the generic table page reads instead of counting rows when the table is not filtered. */
export type TallyCounts = { total: () => Promise<number>; groups: (column: string) => Promise<{ value: string; count: number }[]> };
