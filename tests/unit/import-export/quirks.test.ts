import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatQuirks, parseQuirks } from "@/lib/import-export/quirks";
import { CLEANUP_DECISIONS, QUIRK_KINDS, QuirkSchema, SEVERITIES, type Quirk } from "@/lib/engagement-format/schema";

describe("quirks in one cell", () => {
  it("reads the short form from the docs", () => {
    const r = parseQuirks("unmerged_patients:high:1200; icd9_unconverted:medium:15%");
    expect(r).toEqual({
      ok: true,
      value: [
        QuirkSchema.parse({ kind: "unmerged_patients", severity: "high", affectedCount: 1200 }),
        QuirkSchema.parse({ kind: "icd9_unconverted", severity: "medium", affectedShare: 0.15 }),
      ],
    });
  });
  it("reads labels, both counts, all fields, escapes and line breaks", () => {
    const r = parseQuirks("Unmerged patients : High : 3,100 (3.1%) : Clean up before migration : HIM director : Dupes\\; mostly from: Lakeside\nscanned_paper:low");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value[0]).toMatchObject({ kind: "unmerged_patients", severity: "high", affectedCount: 3100, affectedShare: 0.031, cleanupDecision: "cleanup_before", decider: "HIM director", description: "Dupes; mostly from: Lakeside" });
    expect(r.value[1]).toMatchObject({ kind: "scanned_paper", severity: "low", affectedCount: null });
  });
  it("says which quirk is wrong and shows the format", () => {
    const r = parseQuirks("unmerged_patients:high; icd9:sometimes");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/^quirk 2 \(“icd9:sometimes”\): severity “sometimes” is not one of: Low, Medium, High, Critical/);
    expect(r.message).toMatch(/e\.g\. unmerged_patients:high:1200/);
    expect(parseQuirks("unmerged_patients").ok).toBe(false);
  });
  it("formats compactly and parses back to the same quirks (property)", () => {
    const text = fc.string({ maxLength: 30 }).map((s) => s.trim());
    const quirk = fc.record({
      kind: fc.constantFrom(...QUIRK_KINDS),
      severity: fc.constantFrom(...SEVERITIES),
      cleanupDecision: fc.constantFrom(...CLEANUP_DECISIONS),
      affectedCount: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }),
      affectedShare: fc.option(fc.integer({ min: 0, max: 10_000 }).map((n) => n / 10_000), { nil: null }),
      decider: text,
      description: text,
    }).map((q) => QuirkSchema.parse(q) as Quirk);
    fc.assert(
      fc.property(fc.array(quirk, { maxLength: 4 }), (quirks) => {
        const cell = formatQuirks(quirks);
        const back = quirks.length === 0 ? { ok: true, value: [] } : parseQuirks(cell);
        expect(back).toEqual({ ok: true, value: quirks });
      }),
      { numRuns: 300 },
    );
    expect(formatQuirks([QuirkSchema.parse({ kind: "unmerged_patients", severity: "high", affectedCount: 1200 })])).toBe("unmerged_patients:high:1200");
  });
});
