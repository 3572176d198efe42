// What changed in the workflow inventory between a frozen sign-off snapshot and another state of it.
// Pure: no database, no clock. Items are matched by id first; an item deleted and re-created with the
// same natural key (kind + department + name, e.g. by a re-import) is matched by that key, so it shows
// as changed (or unchanged), not as one removal plus one addition.
import { INVENTORIES } from "@/lib/inventories/registry";
import type { WorkflowItem } from "@/lib/engagement-format/schema";
import type { SnapshotItem } from "@/lib/workflow-review/schema";

/** The fields compared, in display order. */
export const DIFF_FIELDS = ["kind", "name", "department", "quantity", "complexity", "disposition", "reviewStatus", "notes"] as const satisfies readonly (keyof WorkflowItem)[];
export type DiffField = (typeof DIFF_FIELDS)[number];

export type FieldChange = { field: DiffField; before: unknown; after: unknown };
export type ChangedItem = { id: string; before: SnapshotItem; after: SnapshotItem; changes: FieldChange[] };
export type InventoryDiff = {
  added: SnapshotItem[];
  removed: SnapshotItem[];
  changed: ChangedItem[];
  unchanged: number;
};

const naturalKey = (item: SnapshotItem) => INVENTORIES.workflows.naturalKey(item);

export function diffItem(before: SnapshotItem, after: SnapshotItem): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of DIFF_FIELDS) {
    if (!Object.is(before[field], after[field])) changes.push({ field, before: before[field], after: after[field] });
  }
  return changes;
}

/** Added / removed / changed items from `before` to `after`, each list in the order of `after` (or `before` for removals). */
export function diffInventory(before: readonly SnapshotItem[], after: readonly SnapshotItem[]): InventoryDiff {
  const beforeById = new Map(before.map((b) => [b.id, b]));
  const matchedBefore = new Set<string>();
  const pairs: [SnapshotItem, SnapshotItem][] = [];
  const unmatchedAfter: SnapshotItem[] = [];

  for (const a of after) {
    const b = beforeById.get(a.id);
    if (b && !matchedBefore.has(b.id)) {
      matchedBefore.add(b.id);
      pairs.push([b, a]);
    } else unmatchedAfter.push(a);
  }

  // second pass: same natural key, different id (deleted and re-created)
  const remainingByKey = new Map<string, SnapshotItem>();
  for (const b of before) if (!matchedBefore.has(b.id) && !remainingByKey.has(naturalKey(b))) remainingByKey.set(naturalKey(b), b);
  const added: SnapshotItem[] = [];
  for (const a of unmatchedAfter) {
    const key = naturalKey(a);
    const b = remainingByKey.get(key);
    if (b) {
      remainingByKey.delete(key);
      matchedBefore.add(b.id);
      pairs.push([b, a]);
    } else added.push(a);
  }

  const removed = before.filter((b) => !matchedBefore.has(b.id));
  const changed: ChangedItem[] = [];
  let unchanged = 0;
  for (const [b, a] of pairs) {
    const changes = diffItem(b, a);
    if (changes.length) changed.push({ id: a.id, before: b, after: a, changes });
    else unchanged++;
  }
  // keep the display order of `after` for changed items regardless of which pass matched them
  const order = new Map(after.map((a, i) => [a.id, i]));
  changed.sort((x, y) => (order.get(x.id) ?? 0) - (order.get(y.id) ?? 0));
  return { added, removed, changed, unchanged };
}

/** Number of items that differ (added + removed + changed). */
export function countChanges(diff: InventoryDiff): number {
  return diff.added.length + diff.removed.length + diff.changed.length;
}
