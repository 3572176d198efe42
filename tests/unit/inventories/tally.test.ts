import { describe, expect, it } from "vitest";
import { tallyFromRows } from "@/lib/inventories/tally";

describe("Tally", () => {
  const t = tallyFromRows([
    { key: "rows", n: 12n },
    { key: "decision:migrate", n: "7" },
    { key: "decision:undecided", n: 5 },
    { key: "decision:retired", n: 0 },
    { key: "decisionNote", n: 3 },
    { key: "knownRecords", n: 9_007_199_254_740_000n },
  ]);

  it("reads a key, 0 when the tally has none", () => {
    expect(t.get("rows")).toBe(12);
    expect(t.get("decision:archive_only")).toBe(0);
    expect(t.get("knownRecords")).toBe(9_007_199_254_740_000);
  });

  it("lists the values under a prefix with a non-zero count, and only those (not a longer key sharing the prefix)", () => {
    expect(t.under("decision").sort((a, b) => a.value.localeCompare(b.value))).toEqual([
      { value: "migrate", count: 7 },
      { value: "undecided", count: 5 },
    ]);
    expect(t.under("entity")).toEqual([]);
  });
});
