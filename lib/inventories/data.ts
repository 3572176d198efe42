// The reads every inventory shares, built from its definition: the Prisma select, the tenant-scoped where
// (vocabulary filters, text search, the inventory's own flags), and one sorted page with a constant number
// of queries — findMany + count, or for a vocabulary sort one groupBy + at most three findMany
// (lib/inventories/paging.ts). Each inventory's data.ts makes its RowStore and keeps its totals.
import "server-only";
import { db } from "@/lib/db";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import type { Fields, InventoryDefinition } from "@/lib/inventories/definition";
import { filtersOf, searchFieldsOf, vocabularySortsOf } from "@/lib/inventories/derive";
import { compareText, findVocabularySortedPage } from "@/lib/inventories/paging";
import { pageWindow, toPage, type Page, type RowMeta, type TableQueryBase } from "@/lib/inventories/table-query";
import { tallyFromRows, type Tally, type TallyCounts, type TallyInventory } from "@/lib/inventories/tally";

export type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];
/** The client or a transaction. */
export type Client = Tx | typeof db;
type Args = Record<string, unknown>;
export type DbRecord = Record<string, unknown> & { id: string; version: number; updatedAt: Date };
export type Where = Record<string, unknown>;

/** What the generic reads and writes call on one inventory's Prisma model. */
export type RowDelegate = {
  findMany(a: Args): Promise<DbRecord[]>;
  findFirst(a: Args): Promise<DbRecord | null>;
  count(a: Args): Promise<number>;
  groupBy(a: Args): Promise<(Record<string, unknown> & { _count: { _all: number } })[]>;
  create(a: Args): Promise<{ id: string; version: number }>;
  updateMany(a: Args): Promise<{ count: number }>;
  deleteMany(a: Args): Promise<{ count: number }>;
};

export type RowStore<R extends object> = {
  definition: InventoryDefinition<Fields>;
  /** The model, on the client or inside a transaction (looked up per call). */
  delegate: (c: Client) => RowDelegate;
  select: Record<string, true>;
  fromRecord: (r: Record<string, unknown>) => R;
  /** A contract row → its database columns (lib/inventories/registry.ts). */
  toColumns: (row: Record<string, unknown>) => Record<string, unknown>;
  toRow: (r: DbRecord) => R & RowMeta;
  /** What messages call one row ("data entity", "interface"). */
  what: string;
};

export function rowStore<R extends object>(
  definition: InventoryDefinition<Fields>,
  delegate: (c: Client) => unknown,
  mapping: { fromRecord: (r: Record<string, unknown>) => R; toColumns: (row: R) => object },
  what = definition.noun,
): RowStore<R> {
  const { fromRecord } = mapping;
  const select: Record<string, true> = { id: true, version: true, updatedAt: true };
  for (const name of Object.keys(definition.fields)) select[name] = true;
  return {
    definition,
    delegate: delegate as (c: Client) => RowDelegate,
    select,
    fromRecord,
    toColumns: (row) => ({ ...mapping.toColumns(row as R) }),
    toRow: (r) => ({ id: r.id, version: r.version, updatedAt: r.updatedAt.toISOString(), ...fromRecord(r) }),
    what,
  };
}

/** The where of a table query: this engagement, the vocabulary filters, the text search and the inventory's own conditions. */
export function rowWhere(store: RowStore<object>, engagementId: AuthorizedEngagementId, q: Record<string, unknown>, extra: Where[] = []): Where {
  const and: Where[] = [{ engagementId }];
  for (const f of filtersOf(store.definition)) {
    const v = q[f.param];
    if (typeof v === "string") and.push({ [f.field]: f.vocabulary ? v : { equals: v, mode: "insensitive" } });
  }
  and.push(...extra);
  if (typeof q.q === "string" && q.q) {
    const contains = { contains: q.q, mode: "insensitive" as const };
    and.push({ OR: searchFieldsOf(store.definition).map((field) => ({ [field]: contains })) });
  }
  return { AND: and };
}

/** A sort the definition cannot express (a risk's score): returns the page's records and the total. */
export type CustomSort = (where: Where, dir: "asc" | "desc", skip: number, take: number) => Promise<{ rows: DbRecord[]; total: number }>;

/**
 * One page of an inventory's table. Ties break on the natural key, then the id; inside a vocabulary segment on
 * the key's text parts.
 */
export async function findRowPage<R extends object>(
  store: RowStore<R>,
  engagementId: AuthorizedEngagementId,
  q: TableQueryBase & Record<string, unknown>,
  opts: { where?: Where[]; sorts?: Record<string, CustomSort>; tally?: TallyCounts } = {},
): Promise<Page<R & RowMeta>> {
  const d = store.definition;
  const model = store.delegate(db);
  const where = rowWhere(store, engagementId, q, opts.where);
  // Unfiltered, the row count and a vocabulary column's counts are the maintained tally's (one row per
  // key) instead of a count over every row of the engagement (lib/inventories/tally.ts).
  const tally = opts.tally && (where.AND as Where[]).length === 1 ? opts.tally : null;
  const { skip, take } = pageWindow(q.page);
  const textKeys = d.keyFields.filter((k) => d.fields[k]!.kind !== "enum");
  const custom = opts.sorts?.[q.sort];
  if (custom) {
    const { rows, total } = await custom(where, q.dir, skip, take);
    return toPage(rows.map(store.toRow), total, q.page);
  }
  const vocabulary = vocabularySortsOf(d)[q.sort];
  if (vocabulary) {
    const column = q.sort;
    const { rows, total } = await findVocabularySortedPage({
      vocabulary,
      dir: q.dir,
      skip,
      take,
      groupCounts: async () => {
        if (tally) {
          const [groups, total] = await Promise.all([tally.groups(column), tally.total()]);
          // a column the tally does not keep (its counts would not add up): count the rows instead
          if (groups.reduce((n, g) => n + g.count, 0) === total) return groups;
        }
        const groups = await model.groupBy({ by: [column], where, _count: { _all: true } });
        return groups.map((g) => ({ value: String(g[column]), count: g._count._all }));
      },
      fetch: (values, s, t) =>
        model.findMany({ where: { AND: [where, { [column]: { in: values } }] }, orderBy: [...textKeys.map((k) => ({ [k]: "asc" })), { id: "asc" }], skip: s, take: t, select: store.select }),
      valueOf: (r) => String(r[column]),
      within: (a, b) => textKeys.reduce((c, k) => c || compareText(String(a[k]), String(b[k])), 0) || a.id.localeCompare(b.id),
    });
    return toPage(rows.map(store.toRow), total, q.page);
  }
  const primary = d.fields[q.sort]?.nullable ? { [q.sort]: { sort: q.dir, nulls: "last" } } : { [q.sort]: q.dir };
  const orderBy = [primary, ...d.keyFields.map((k) => ({ [k]: "asc" })), { id: "asc" }];
  const [rows, total] = await Promise.all([model.findMany({ where, orderBy, skip, take, select: store.select }), tally ? tally.total() : model.count({ where })]);
  return toPage(rows.map(store.toRow), total, q.page);
}

/** One row by id, scoped by engagement (null when it is not this engagement's). */
export async function findRowById<R extends object>(store: RowStore<R>, engagementId: AuthorizedEngagementId, id: string): Promise<(R & RowMeta) | null> {
  const r = await store.delegate(db).findFirst({ where: { id, engagementId }, select: store.select });
  return r ? store.toRow(r) : null;
}

/** The values a text filter offers: the distinct non-empty values of that field in this engagement (one groupBy). */
export async function findFilterValues(store: RowStore<object>, engagementId: AuthorizedEngagementId, field: string, limit = 200): Promise<string[]> {
  const groups = await store.delegate(db).groupBy({ by: [field], where: { engagementId, NOT: { [field]: "" } }, _count: { _all: true }, orderBy: { [field]: "asc" }, take: limit });
  return groups.map((g) => String(g[field]));
}

// ---------- the maintained tally (lib/inventories/tally.ts) ----------

/** One inventory's tally for one engagement (one indexed query; rows read = that inventory's keys). */
export async function findTally(engagementId: AuthorizedEngagementId, inventory: TallyInventory): Promise<Tally> {
  const rows = await db.inventoryTally.findMany({ where: { engagementId, inventory }, select: { key: true, n: true } });
  return tallyFromRows(rows);
}

/**
 * What the generic table page (findRowPage) reads instead of counting rows when the
 * table is not filtered: the row count and the counts per value of a vocabulary column.
 */
export function tallyCounts(engagementId: AuthorizedEngagementId, inventory: TallyInventory): TallyCounts {
  let tally: Promise<Tally> | null = null;
  const read = () => (tally ??= findTally(engagementId, inventory));
  return {
    total: async () => (await read()).get("rows"),
    groups: async (column: string) => (await read()).under(column),
  };
}
