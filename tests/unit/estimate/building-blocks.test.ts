// The engine's small parts: PRNG, distributions, calendar, constants, risk library.
import { describe, expect, it } from "vitest";
import { RiskSchema } from "@/lib/engagement-format/schema";
import { CONSTANT_DEFINITIONS, DEFAULT_CONSTANTS, DEFAULT_RISK_LIBRARY, mulberry32, resolveConstants, riskLibraryFor, toRiskInput } from "@/lib/estimate";
import { addWeeks, civilFromDays, daysFromCivil, monthSpans, weeksBetween } from "@/lib/estimate/calendar";
import { binomialCdf, discreteQuantile, pertMean, percentileSorted, samplePert } from "@/lib/estimate/distributions";
import { StreamBank, streamSeed } from "@/lib/estimate/rng";

describe("rng", () => {
  it("mulberry32 is deterministic and uniform-ish", () => {
    const a = mulberry32(1), b = mulberry32(1);
    const xs = Array.from({ length: 10_000 }, () => a());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1);
  });
  it("streams are keyed by name and seed", () => {
    expect(streamSeed(1, "ws.data_migration")).toBe(streamSeed(1, "ws.data_migration"));
    expect(streamSeed(1, "ws.data_migration")).not.toBe(streamSeed(2, "ws.data_migration"));
    expect(streamSeed(1, "ws.data_migration")).not.toBe(streamSeed(1, "ws.workflow"));
    const bank = new StreamBank([streamSeed(1, "x"), streamSeed(1, "y")]);
    const single = mulberry32(streamSeed(1, "y"));
    bank.next(0);
    expect(bank.next(1)).toBe(single());
  });
});

describe("beta-PERT by inverse CDF", () => {
  const cases = [
    { min: 30, likely: 60, max: 120 },
    { min: 16, likely: 32, max: 60 },
    { min: 0.9, likely: 1, max: 1.5 },
    { min: 4, likely: 6, max: 8 },
    { min: 0, likely: 0, max: 10 },
    { min: 5, likely: 5, max: 5 },
  ];
  it.each(cases)("mean of %o matches (min + 4·likely + max)/6", (t) => {
    const n = 20_000;
    let s = 0;
    for (let i = 0; i < n; i++) s += samplePert(t, (i + 0.5) / n);
    expect(s / n).toBeCloseTo(pertMean(t), t.max - t.min > 10 ? 0 : 2);
  });
  it("is monotone in the uniform and stays within [min, max]", () => {
    const t = { min: 30, likely: 60, max: 120 };
    let prev = -Infinity;
    for (let i = 0; i <= 1000; i++) {
      const v = samplePert(t, i / 1000);
      expect(v).toBeGreaterThanOrEqual(prev);
      expect(v).toBeGreaterThanOrEqual(30);
      expect(v).toBeLessThanOrEqual(120);
      prev = v;
    }
  });
  it("binomial inverse CDF: occurrences grow with p and n for the same uniform", () => {
    for (const u of [0.1, 0.5, 0.9, 0.99]) {
      expect(discreteQuantile(binomialCdf(20, 0.05), u)).toBeLessThanOrEqual(discreteQuantile(binomialCdf(20, 0.2), u));
      expect(discreteQuantile(binomialCdf(10, 0.1), u)).toBeLessThanOrEqual(discreteQuantile(binomialCdf(30, 0.1), u));
    }
    expect(discreteQuantile(binomialCdf(1, 0.35), 0.64)).toBe(0);
    expect(discreteQuantile(binomialCdf(1, 0.35), 0.66)).toBe(1);
    expect(discreteQuantile(binomialCdf(0, 0.5), 0.99)).toBe(0);
  });
  it("percentiles interpolate linearly", () => {
    expect(percentileSorted([1, 2, 3, 4, 5], 50)).toBe(3);
    expect(percentileSorted([1, 2], 50)).toBe(1.5);
    expect(percentileSorted([], 50)).toBe(0);
  });
});

describe("calendar (UTC, no Date)", () => {
  it("round-trips civil dates", () => {
    for (const [y, m, d] of [[1970, 1, 1], [2024, 2, 29], [2026, 3, 2], [2100, 12, 31]] as const) {
      expect(civilFromDays(daysFromCivil(y, m, d))).toEqual({ y, m, d });
    }
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
  });
  it("adds weeks across month and leap-year boundaries", () => {
    expect(addWeeks("2026-03-02", 1)).toBe("2026-03-09");
    expect(addWeeks("2028-02-22", 1)).toBe("2028-02-29");
    expect(addWeeks("2026-12-28", 1)).toBe("2027-01-04");
    expect(weeksBetween("2026-03-02", "2026-03-16")).toBe(2);
  });
  it("splits weeks into calendar months", () => {
    const spans = monthSpans("2026-03-16", 8);
    expect(spans.map((s) => s.month)).toEqual(["2026-03", "2026-04", "2026-05"]);
    expect(spans[0]!.startWeek).toBe(0);
    expect(spans[1]!.startWeek).toBeCloseTo(16 / 7);
  });
});

describe("constants", () => {
  it("every definition has a unit, a label and a basis; keys are unique", () => {
    const keys = CONSTANT_DEFINITIONS.map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const d of CONSTANT_DEFINITIONS) {
      expect(d.unit.length, d.key).toBeGreaterThan(0);
      expect(d.label.length, d.key).toBeGreaterThan(3);
      expect(d.basis.length, d.key).toBeGreaterThan(3);
    }
    expect(DEFAULT_CONSTANTS["systemic.max"]).toBe(1.5);
    expect(DEFAULT_CONSTANTS["rate.project_management"]).toBe(16_000);
  });
  it("overrides, rates and repairs", () => {
    const r = resolveConstants({
      assumptions: {
        constants: { "pm.share": 0.2, "nope": 1, "phase.P2.max": 3 },
        ratesCents: { build: 9_000 },
      } as never,
    });
    expect(r.values["pm.share"]).toBe(0.2);
    expect(r.values["rate.build"]).toBe(9_000);
    expect(r.issues.map((i) => i.problem).sort()).toEqual(["three_point_order", "unknown_key"]);
    expect([r.values["phase.P2.min"], r.values["phase.P2.likely"], r.values["phase.P2.max"]]).toEqual([3, 4, 6]);
    expect(r.overridden).toEqual(expect.arrayContaining(["pm.share", "rate.build"]));
  });
});

describe("default risk library", () => {
  it("every entry is a valid RiskSchema input with a stable, unique key", () => {
    const keys = DEFAULT_RISK_LIBRARY.map((e) => e.libraryKey);
    expect(new Set(keys).size).toBe(keys.length);
    for (const e of DEFAULT_RISK_LIBRARY) {
      const parsed = RiskSchema.parse(toRiskInput(e));
      expect(parsed.libraryKey).toBe(e.libraryKey);
      expect(parsed.probability).not.toBeNull();
      expect(parsed.scheduleImpactWeeks !== null || parsed.costImpact !== null).toBe(true);
      expect(e.appliesTo.length).toBeGreaterThan(0);
    }
  });
  it("seeds the ESTIMATION.md and PRODUCT.md failure modes", () => {
    const byKey = Object.fromEntries(DEFAULT_RISK_LIBRARY.map((e) => [e.libraryKey, e]));
    expect(byKey.interface_partner_delay!.scope).toBe("per_interface");
    expect(byKey.interface_partner_delay!.probability).toBe(0.01);
    expect(byKey.wave_slip!.scope).toBe("per_wave");
    expect(byKey.data_worse_than_assessed!.costImpact).toMatchObject({ kind: "effort_share", workstream: "data_migration", likely: 0.25 });
    expect(byKey.c_hidden_business_rules!.costImpact).toMatchObject({ kind: "effort_share", workstream: "build" });
    expect(byKey.c_hidden_business_rules!.appliesTo).toEqual(["C"]);
    expect(byKey.b_feature_gap_at_pilot!.appliesTo).toEqual(["B"]);
    for (const k of ["vendor_ps_data_only", "cutover_compressed_by_overlap_cost", "audit_trail_gap", "reporting_not_rebuilt", "pilot_skipped_or_truncated", "custom_scope_creep", "legacy_export_delay", "key_staff_loss", "pilot_repeat", "c_audit_trail_continuity"]) {
      expect(byKey[k], k).toBeDefined();
    }
    expect(riskLibraryFor("A").some((r) => r.libraryKey === "c_hidden_business_rules")).toBe(false);
    expect(riskLibraryFor("C").some((r) => r.libraryKey === "c_hidden_business_rules")).toBe(true);
  });
});
