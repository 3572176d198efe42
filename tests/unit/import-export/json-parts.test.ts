import { describe, expect, it } from "vitest";
import { jsonArrayParts } from "@/lib/import-export/json-parts";

describe("jsonArrayParts (big JSON in pieces for the database)", () => {
  const items = Array.from({ length: 1_000 }, (_, i) => ({ i, text: `row ${i} ${"é".repeat(i % 37)}`, none: undefined, nothing: null }));

  it("splits into JSON arrays no longer than the limit that together hold every item, in order", () => {
    const parts = [...jsonArrayParts(items, (x) => x, 2_000)];
    expect(parts.length).toBeGreaterThan(10);
    for (const p of parts) expect(p.json.length).toBeLessThanOrEqual(2_000);
    const back = parts.flatMap((p) => JSON.parse(p.json) as unknown[]);
    expect(back).toEqual(JSON.parse(JSON.stringify(items)));
    expect(parts.reduce((n, p) => n + p.count, 0)).toBe(items.length);
  });

  it("maps each item with its index; undefined becomes null", () => {
    const parts = [...jsonArrayParts(["a", "b", "c"], (x, i) => (i === 1 ? undefined : `${x}${i}`))];
    expect(parts).toEqual([{ json: '["a0",null,"c2"]', count: 3 }]);
  });

  it("an item longer than the limit is a piece of its own; nothing for no items", () => {
    const parts = [...jsonArrayParts(["x", "y".repeat(50), "z"], (x) => x, 20)];
    expect(parts.map((p) => JSON.parse(p.json))).toEqual([["x"], ["y".repeat(50)], ["z"]]);
    expect([...jsonArrayParts([])]).toEqual([]);
  });
});
