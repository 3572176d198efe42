import { describe, expect, it } from "vitest";
import { countChanges, diffInventory, diffItem } from "@/lib/workflow-review/diff";
import { SnapshotItemSchema, type SnapshotItem } from "@/lib/workflow-review/schema";

const row = (id: string, over: Partial<SnapshotItem> = {}): SnapshotItem =>
  SnapshotItemSchema.parse({ id, kind: "order_set", name: `Item ${id}`, department: "Cardiology", ...over });

type Case = {
  name: string;
  before: SnapshotItem[];
  after: SnapshotItem[];
  added: string[];
  removed: string[];
  changed: Record<string, string[]>; // id → changed fields
  unchanged: number;
};

const cases: Case[] = [
  { name: "identical inventories", before: [row("a"), row("b")], after: [row("a"), row("b")], added: [], removed: [], changed: {}, unchanged: 2 },
  { name: "both empty", before: [], after: [], added: [], removed: [], changed: {}, unchanged: 0 },
  { name: "order does not matter", before: [row("a"), row("b")], after: [row("b"), row("a")], added: [], removed: [], changed: {}, unchanged: 2 },
  { name: "one added", before: [row("a")], after: [row("a"), row("b")], added: ["b"], removed: [], changed: {}, unchanged: 1 },
  { name: "one removed", before: [row("a"), row("b")], after: [row("a")], added: [], removed: ["b"], changed: {}, unchanged: 1 },
  { name: "everything removed", before: [row("a"), row("b")], after: [], added: [], removed: ["a", "b"], changed: {}, unchanged: 0 },
  { name: "first sign-off of a new inventory", before: [], after: [row("a")], added: ["a"], removed: [], changed: {}, unchanged: 0 },
  {
    name: "one field changed",
    before: [row("a", { quantity: 1 })],
    after: [row("a", { quantity: 4 })],
    added: [], removed: [], changed: { a: ["quantity"] }, unchanged: 0,
  },
  {
    name: "several fields changed, reported in display order",
    before: [row("a", { notes: "x", disposition: "undecided", name: "Old" })],
    after: [row("a", { notes: "y", disposition: "must_survive", name: "New" })],
    added: [], removed: [], changed: { a: ["name", "disposition", "notes"] }, unchanged: 0,
  },
  {
    name: "review status is part of what was signed",
    before: [row("a", { reviewStatus: "approved" })],
    after: [row("a", { reviewStatus: "changes_requested" })],
    added: [], removed: [], changed: { a: ["reviewStatus"] }, unchanged: 0,
  },
  {
    name: "renamed item (same id) is a change, not remove + add",
    before: [row("a", { name: "Sepsis alert" })],
    after: [row("a", { name: "Sepsis alert v2" })],
    added: [], removed: [], changed: { a: ["name"] }, unchanged: 0,
  },
  {
    name: "deleted and re-created with the same natural key (new id) is matched by key",
    before: [row("a", { name: "Chest pain", notes: "" })],
    after: [row("z", { name: " chest  PAIN ", notes: "re-imported" })],
    added: [], removed: [], changed: { z: ["name", "notes"] }, unchanged: 0,
  },
  {
    name: "same name in another department is a different item",
    before: [row("a", { name: "Heparin", department: "ICU" })],
    after: [row("z", { name: "Heparin", department: "Cardiology" })],
    added: ["z"], removed: ["a"], changed: {}, unchanged: 0,
  },
  {
    name: "mixed: add, remove, change, unchanged",
    before: [row("a"), row("b"), row("c", { complexity: "low" })],
    after: [row("a"), row("c", { complexity: "high" }), row("d")],
    added: ["d"], removed: ["b"], changed: { c: ["complexity"] }, unchanged: 1,
  },
];

describe("diffInventory (sign-off snapshot → current inventory)", () => {
  for (const c of cases) {
    it(c.name, () => {
      const d = diffInventory(c.before, c.after);
      expect(d.added.map((x) => x.id)).toEqual(c.added);
      expect(d.removed.map((x) => x.id)).toEqual(c.removed);
      expect(Object.fromEntries(d.changed.map((x) => [x.id, x.changes.map((f) => f.field)]))).toEqual(c.changed);
      expect(d.unchanged).toBe(c.unchanged);
      expect(countChanges(d)).toBe(c.added.length + c.removed.length + Object.keys(c.changed).length);
      // every item is accounted for exactly once on each side
      expect(d.unchanged + d.changed.length + d.added.length).toBe(c.after.length);
      expect(d.unchanged + d.changed.length + d.removed.length).toBe(c.before.length);
    });
  }

  it("reports before → after values", () => {
    expect(diffItem(row("a", { quantity: 2 }), row("a", { quantity: 5 }))).toEqual([{ field: "quantity", before: 2, after: 5 }]);
  });

  it("does not mutate its inputs", () => {
    const before = [row("a"), row("b")];
    const after = [row("b", { notes: "x" })];
    const copy = JSON.stringify([before, after]);
    diffInventory(before, after);
    expect(JSON.stringify([before, after])).toBe(copy);
  });
});
