// Scenario variants from the URL: allowed fields, bounds, rates hidden for reviewers; applying them.
import { describe, expect, it } from "vitest";
import { estimate, DEFAULT_SEED as ENGINE_DEFAULT_SEED } from "@/lib/estimate";
import { applyScenarioChanges, parseVariantsParam, summarizeScenario, variantsParam } from "@/lib/estimates/scenarios";
import { DEFAULT_SEED, parseSeedParam } from "@/lib/estimates/schema";
import { fixture } from "./helpers";

describe("parseVariantsParam", () => {
  it("round-trips variants through the URL parameter", () => {
    const variants = [{ name: "Smaller team", changes: { teamFte: 8, "license.sourceRampsDownPerWave": true, "constants.phase.P2.likely": 8 } }];
    expect(parseVariantsParam(variantsParam(variants), { canSeeRates: true })).toEqual({ variants, errors: [] });
  });

  it("drops unknown fields, bad values and rate/fee fields for a viewer without rates.view — and says so", () => {
    const raw = JSON.stringify([{ name: "V", changes: { teamFte: 0.1, "ratesCents.build": 20_000, "license.destinationFeeCents": 1, engagementId: "x", "license.sourceNoticeMonths": 6 } }]);
    const r = parseVariantsParam(raw, { canSeeRates: false });
    expect(r.variants).toEqual([{ name: "V", changes: { "license.sourceNoticeMonths": 6 } }]);
    expect(r.errors).toEqual([
      "“V”: Team size (FTE) — Must be at least 0.5; ignored.",
      "“V”: Labor rate — Custom build is hidden for your role; ignored.",
      "“V”: Destination license fee is hidden for your role; ignored.",
      "“V”: “engagementId” cannot be changed in a scenario; ignored.",
    ]);
    expect(parseVariantsParam(raw, { canSeeRates: true }).variants[0]!.changes).toEqual({ "ratesCents.build": 20_000, "license.destinationFeeCents": 1, "license.sourceNoticeMonths": 6 });
  });

  it("unreadable, too long, too many and duplicate names", () => {
    expect(parseVariantsParam("{nope", { canSeeRates: true }).errors).toEqual(["The variants in the link are not readable."]);
    expect(parseVariantsParam("x".repeat(5000), { canSeeRates: true }).errors[0]).toMatch(/too long/);
    const many = JSON.stringify(Array.from({ length: 6 }, (_, i) => ({ name: `V${i}`, changes: {} })));
    expect(parseVariantsParam(many, { canSeeRates: true }).variants).toHaveLength(4);
    const dup = JSON.stringify([{ name: "A", changes: {} }, { name: "a", changes: {} }]);
    expect(parseVariantsParam(dup, { canSeeRates: true }).variants).toHaveLength(1);
  });
});

describe("applyScenarioChanges + summarizeScenario", () => {
  it("applies changes and re-validates with the contract", () => {
    const r = applyScenarioChanges(fixture(), { migrationType: "C", teamFte: 20, "constants.testing.share": 0.3, "ratesCents.testing": 9_000, "license.sourceRampsDownPerWave": true });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.engagement.migrationType).toBe("C");
    expect(r.doc.assumptions).toMatchObject({ teamFte: 20, constants: { "testing.share": 0.3 }, ratesCents: { testing: 9_000 }, license: { sources: [{ rampsDownPerWave: true }] } });
    expect(fixture().assumptions.teamFte).toBe(12); // the input is not mutated
  });

  it("a summary carries the headline numbers and top drivers", () => {
    const e = estimate(fixture(), { seed: 1, iterations: 2_000 });
    const s = summarizeScenario(e);
    expect(s.p50Months).toBe(e.duration.totalMonths.percentiles.P50);
    expect(s.p80Cost).toBe(e.cost.totalCents.percentiles.P80);
    expect(s.topDurationDrivers).toHaveLength(3);
    expect(s.p50GoLive).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe("seed parameter", () => {
  it("the restated default seed is the engine's", () => {
    expect(DEFAULT_SEED).toBe(ENGINE_DEFAULT_SEED);
  });
  it("accepts whole numbers in range, explains anything else", () => {
    expect(parseSeedParam(undefined)).toEqual({ seed: DEFAULT_SEED, error: null });
    expect(parseSeedParam("42")).toEqual({ seed: 42, error: null });
    expect(parseSeedParam("-3").error).toMatch(/not a seed/);
    expect(parseSeedParam("99999999999").error).toMatch(/not a seed/);
    expect(parseSeedParam(["7", "8"]).seed).toBe(7);
  });
});
