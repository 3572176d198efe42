import { describe, expect, it } from "vitest";
import { approximateCount, approximateNumber, booleanWord, isNotKnown, yearsSpan } from "@/lib/import-export/transforms";
import { normalizeDate } from "@/lib/import-export/normalize";

const NOW = new Date("2026-12-07T00:00:00Z");
const value = <T,>(r: { ok: boolean; value?: T }) => (r.ok ? (r as { value: T }).value : "FAIL");

describe("approximations and units", () => {
  it.each([
    ["148,212", 148212, "exact"],
    ["~5k", 5000, "approximate"],
    ["1.2M", 1_200_000, "approximate"],
    ["2,310,000", 2_310_000, "exact"],
    ["~410k", 410_000, "approximate"],
    ["5,000+ records", 5000, "approximate"],
    ["about 1.2 million", 1_200_000, "approximate"],
    ["5-10k", 7500, "approximate"],
    ["~60k future", 60_000, "approximate"],
    ["3.4M docs / ~22M pages", 3_400_000, "approximate"],
    ["$35k (viewer license)", 35_000, "approximate"],
  ])("%s → %d (%s)", (text, n, confidence) => {
    const r = approximateNumber(text);
    expect(r.ok && r.value).toBe(n);
    expect(r.ok && r.confidence).toBe(confidence);
  });

  it("counts round approximations but refuse an exact fraction", () => {
    expect(value(approximateCount("~2.5"))).toBe(3);
    expect(approximateCount("2.5").ok).toBe(false);
  });

  it("refuses text that holds no number", () => {
    expect(approximateNumber("continuous").ok).toBe(false);
    expect(approximateNumber("daily batch").ok).toBe(false);
  });
});

describe("not known", () => {
  it.each(["n/a", "N/A", "TBD", "unknown", "Unknown (vendor to confirm)", "?", "tbc", "-"])("%s is not known", (w) => {
    expect(isNotKnown(w)).toBe(true);
    const r = approximateNumber(w);
    expect(r.ok && r.value).toBe(null);
    expect(r.ok && r.confidence).toBe("not_known");
  });
  it("words that are values are not 'not known'", () => {
    expect(isNotKnown("Unknown Street Clinic records are missing")).toBe(false);
    expect(isNotKnown("None of the above")).toBe(false);
    expect(isNotKnown(12)).toBe(false);
  });
});

describe("years of history", () => {
  it.each([
    ["12", 12],
    ["10+ years", 10],
    ["20+", 20],
    ["2009-2026", 17],
    ["2009 – 2026", 17],
    ["2014-present", 12],
    ["since 2012", 14],
    ["18 months", 1.5],
    ["2011", 15],
    ["1994-06-01", 32],
    ["Jun-1994", 32],
  ])("%s → %d years", (text, years) => {
    expect(value(yearsSpan(text, NOW))).toBe(years);
  });
  it("a year stored as a number is the first year of data", () => {
    expect(value(yearsSpan(2009, NOW))).toBe(17);
    expect(value(yearsSpan(12, NOW))).toBe(12);
  });
  it("not-known words and nonsense", () => {
    expect(yearsSpan("n/a", NOW)).toMatchObject({ ok: true, value: null, confidence: "not_known" });
    expect(yearsSpan("?", NOW)).toMatchObject({ ok: true, value: null, confidence: "not_known" });
    expect(yearsSpan("ages ago", NOW).ok).toBe(false);
  });
});

describe("booleans in every spelling", () => {
  it.each([
    ["Y", true], ["y", true], ["Yes", true], ["YES", true], ["x", true], ["X", true], ["TRUE", true], ["✓", true], ["1", true], [1, true], [true, true],
    ["N", false], ["no", false], ["NO", false], ["FALSE", false], ["0", false], [0, false], ["Yes - in scope", true], ["No (retired)", false],
  ])("%s → %s", (cell, b) => {
    expect(value(booleanWord(cell as never))).toBe(b);
  });
  it("n/a is not known; gibberish fails", () => {
    expect(booleanWord("n/a")).toMatchObject({ ok: true, value: null, confidence: "not_known" });
    expect(booleanWord("purple").ok).toBe(false);
  });
});

describe("Excel serial dates", () => {
  it("serials as numbers and as text", () => {
    expect(normalizeDate(45366)).toEqual({ ok: true, value: "2024-03-15" });
    expect(normalizeDate("45366")).toEqual({ ok: true, value: "2024-03-15" });
  });
});
