// Type decision (issue 9 item 9): 5- and 10-year total cost of ownership per type and the break-even year.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { EngagementDocumentSchema, type EngagementDocument } from "@/lib/engagement-format/schema";
import { estimate } from "@/lib/estimate";
import { breakEvenYears, cumulativeAt, redactTypeDecision, tcoInputOf, typeDecision, TCO_HORIZON_YEARS, type TcoTypeInput } from "@/lib/estimate/tco";
import path from "node:path";
import { FIXTURE_DIR, loadFixture, smallDoc, WEEKS_PER_MONTH } from "./helpers";
import { DEFAULT_CONSTANTS } from "@/lib/estimate/defaults";

const WEEKS_PER_YEAR = WEEKS_PER_MONTH * 12;

function withLicence(doc: EngagementDocument, destinationFeeCents: number, basis: "per_provider_month" | "flat_month" = "per_provider_month", constants: Record<string, number> = {}): EngagementDocument {
  return EngagementDocumentSchema.parse({
    ...doc,
    assumptions: { ...doc.assumptions, license: { ...doc.assumptions.license, destinationFeeCents, destinationFeeBasis: basis }, constants: { ...doc.assumptions.constants, ...constants } },
  });
}

const typeInput = (type: "A" | "B" | "C") =>
  fc.record({
    type: fc.constant(type),
    migrationCents: fc.integer({ min: 0, max: 5_000_000_000 }),
    goLiveWeeks: fc.double({ min: 4, max: 300, noNaN: true }),
    extraWeeks: fc.double({ min: 0, max: 30, noNaN: true }),
    buildCents: type === "A" ? fc.constant(0) : fc.integer({ min: 0, max: 2_000_000_000 }),
  }).map(({ extraWeeks, ...r }): TcoTypeInput => ({ ...r, completionWeeks: r.goLiveWeeks + extraWeeks }));

describe("typeDecision", () => {
  const docA = smallDoc({ type: "A" }); // 25 providers, 2 interfaces, destination fee $400 per provider per month

  it("prices the parts of each type from the inputs and the documented constants", () => {
    const d = typeDecision(docA, [
      { type: "A", migrationCents: 100_000_000, goLiveWeeks: 52, completionWeeks: 60, buildCents: 0 },
      { type: "B", migrationCents: 300_000_000, goLiveWeeks: 70, completionWeeks: 78, buildCents: 150_000_000 },
    ])!;
    const a = d.types.find((t) => t.type === "A")!;
    const b = d.types.find((t) => t.type === "B")!;
    // entered destination fee for the engagement's own type: $400 × 25 providers × 12
    expect(a.run.find((p) => p.key === "licence")!.cents).toBe(40_000 * 25 * 12);
    expect(a.run.find((p) => p.key === "vendor_fees")!.cents).toBe(2 * 300_000);
    // Type B uses the default hosting (no hosting fee entered for a custom platform), 20% maintenance, $150k regulatory
    expect(b.run.find((p) => p.key === "hosting")!.cents).toBe(25 * 10_000 * 12);
    expect(b.run.find((p) => p.key === "maintenance")!.cents).toBe(30_000_000);
    expect(b.run.find((p) => p.key === "regulatory")!.cents).toBe(15_000_000);
    expect(b.oneTimeCents).toBe(300_000_000 + 20_000_000);
    expect(a.cumulativeCents).toHaveLength(TCO_HORIZON_YEARS + 1);
    expect(a.cumulativeCents[0]).toBe(0);
    // after completion and go-live: one-time + run × years since go-live
    expect(a.at10Cents).toBe(Math.round(100_000_000 + a.runPerYearCents * (10 - 52 / WEEKS_PER_YEAR)));
    expect(d.cheapestAt10).toBe("A");
    expect(d.breakEven).toEqual([expect.objectContaining({ type: "B", years: null, year: null })]);
  });

  it("finds the break-even year where the custom curve crosses the vendor's", () => {
    // A: $1M one-time, $1M a year from year 1; B: $3M one-time, $0.2M a year from year 1 → crossing at 1 + 2/0.8 = 3.5 years
    const doc = withLicence(docA, 0, "per_provider_month", { "tco.A.interfaceFeePerYearCents": 0, "tco.custom.certificationCents": 0, "tco.custom.regulatoryPerYearCents": 0, "tco.custom.maintenanceShareOfBuild": 0, "tco.custom.minMaintenancePerYearCents": 0, "tco.A.licencePerProviderMonthCents": 100_000_000 / 12 / 25, "tco.custom.hostingPerProviderMonthCents": 20_000_000 / 12 / 25 });
    const d = typeDecision(doc, [
      { type: "A", migrationCents: 100_000_000, goLiveWeeks: WEEKS_PER_YEAR, completionWeeks: WEEKS_PER_YEAR, buildCents: 0 },
      { type: "B", migrationCents: 300_000_000, goLiveWeeks: WEEKS_PER_YEAR, completionWeeks: WEEKS_PER_YEAR, buildCents: 0 },
    ])!;
    const be = d.breakEven[0]!;
    expect(be.years).toBeCloseTo(3.5, 6);
    expect(be.year).toBe(4);
    expect(be.words).toMatch(/breaks even with Type A in year 4/);
    expect(d.cheapestAt5).toBe("B");
    expect(d.cheapestAt10).toBe("B");
  });

  it("a custom platform's maintenance is never less than the standing team it needs (a small build's 20% is not its run cost)", () => {
    const doc = withLicence(docA, 0, "per_provider_month", {});
    const run = (buildCents: number) =>
      typeDecision(doc, [
        { type: "A", migrationCents: 100_000_000, goLiveWeeks: WEEKS_PER_YEAR, completionWeeks: WEEKS_PER_YEAR, buildCents: 0 },
        { type: "C", migrationCents: 100_000_000, goLiveWeeks: WEEKS_PER_YEAR, completionWeeks: WEEKS_PER_YEAR, buildCents },
      ])!.types[1]!.run.find((p) => p.key === "maintenance")!;
    const small = run(50_000_000); // 20% = $100k < $300k
    expect(small.cents).toBe(DEFAULT_CONSTANTS["tco.custom.minMaintenancePerYearCents"]);
    expect(small.basis).toMatch(/minimum standing team/);
    const big = run(5_000_000_000); // 20% = $10M
    expect(big.cents).toBe(1_000_000_000);
    expect(big.basis).toMatch(/20% of the P50 build cost/);
  });

  it("mid-size Type A golden: staying on a commercial EMR is the cheapest over 5 and 10 years (no legacy rebuild wins on a 300-FP assumption)", () => {
    const golden = loadFixture(path.join(FIXTURE_DIR, "mid-size-type-a.json"));
    const asType = (t: "A" | "B" | "C") => estimate({ ...golden, engagement: { ...golden.engagement, migrationType: t } }, { seed: 1, iterations: 1_000 });
    const d = typeDecision(golden, (["A", "B", "C"] as const).map((t) => tcoInputOf(asType(t))))!;
    expect(d.cheapestAt5).toBe("A");
    expect(d.cheapestAt10).toBe("A");
  });

  it("estimates the same engagement as A, B and C end to end", () => {
    const inputs = (["A", "B", "C"] as const).map((t) => tcoInputOf(estimate(smallDoc({ type: t }), { iterations: 300 })));
    const d = typeDecision(docA, inputs)!;
    expect(d.types.map((t) => t.type)).toEqual(["A", "B", "C"]);
    expect(d.breakEven.map((b) => b.type)).toEqual(["B", "C"]);
    for (const t of d.types) for (const v of [t.oneTimeCents, t.runPerYearCents, ...t.cumulativeCents]) expect(Number.isFinite(v) && v >= 0).toBe(true);
    expect(inputs[1]!.buildCents).toBeGreaterThan(0);
    expect(d.summary).toMatch(/costs the least/);
  });

  it("returns null without any estimate and no break-even without Type A", () => {
    expect(typeDecision(docA, [])).toBeNull();
    const d = typeDecision(docA, [{ type: "B", migrationCents: 1, goLiveWeeks: 10, completionWeeks: 12, buildCents: 1 }])!;
    expect(d.breakEven).toEqual([]);
  });

  it("hides every amount from viewers without rates.view", () => {
    const d = typeDecision(docA, [
      { type: "A", migrationCents: 123_456_789, goLiveWeeks: 52, completionWeeks: 60, buildCents: 0 },
      { type: "B", migrationCents: 987_654_321, goLiveWeeks: 70, completionWeeks: 78, buildCents: 150_000_000 },
    ])!;
    const r = JSON.stringify(redactTypeDecision(d));
    for (const t of d.types) for (const v of [t.runPerYearCents, t.at10Cents, t.at5Cents, ...t.run.map((p) => p.cents)]) expect(r).not.toContain(String(v));
    expect(r).not.toMatch(/\$\d/);
    expect(r).toContain("hidden for your role");
  });
});

describe("properties", () => {
  // an entered fee is ≥ 1 cent: 0 means "not entered", and the documented default licence applies instead
  it("a higher licence fee never makes Type A cheaper", { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(typeInput("A"), fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 1, max: 5_000_000 }), fc.constantFrom("per_provider_month" as const, "flat_month" as const), (a, f1, f2, basis) => {
        const [lo, hi] = f1 <= f2 ? [f1, f2] : [f2, f1];
        const cheap = typeDecision(withLicence(freshA(), lo, basis), [a])!.types[0]!;
        const dear = typeDecision(withLicence(freshA(), hi, basis), [a])!.types[0]!;
        expect(dear.at5Cents).toBeGreaterThanOrEqual(cheap.at5Cents);
        expect(dear.at10Cents).toBeGreaterThanOrEqual(cheap.at10Cents);
        dear.cumulativeCents.forEach((v, y) => expect(v).toBeGreaterThanOrEqual(cheap.cumulativeCents[y]!));
        // and the default licence constant when no fee is entered
        const c1 = typeDecision(withLicence(freshA(), 0, basis, { "tco.A.licencePerProviderMonthCents": lo - 1 }), [a])!.types[0]!;
        const c2 = typeDecision(withLicence(freshA(), 0, basis, { "tco.A.licencePerProviderMonthCents": hi - 1 }), [a])!.types[0]!;
        expect(c2.at10Cents).toBeGreaterThanOrEqual(c1.at10Cents);
      }),
      { numRuns: 100 },
    );
  });

  it("the break-even is consistent with the curves", { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(typeInput("A"), fc.constantFrom("B" as const, "C" as const).chain(typeInput), fc.integer({ min: 0, max: 2_000_000 }), (a, b, fee) => {
        const d = typeDecision(withLicence(freshA(), fee), [a, b])!;
        const [ta, tb] = [d.types[0]!, d.types[1]!];
        const be = d.breakEven[0]!;
        const diff = (t: number) => cumulativeAt(tb, t) - cumulativeAt(ta, t);
        const tol = 1e-6 * Math.max(1, ta.at10Cents, tb.at10Cents);
        if (be.years === null) {
          expect(diff(TCO_HORIZON_YEARS)).toBeGreaterThan(0);
          expect(be.year).toBeNull();
          return;
        }
        expect(be.years).toBeGreaterThanOrEqual(0);
        expect(be.years).toBeLessThanOrEqual(TCO_HORIZON_YEARS);
        // from the break-even on, the custom type never costs more …
        for (let k = 0; k <= 200; k++) {
          const t = be.years + ((TCO_HORIZON_YEARS - be.years) * k) / 200;
          expect(diff(t)).toBeLessThanOrEqual(tol);
        }
        // … and just before it, it did
        if (be.years > 0) {
          expect(diff(Math.max(0, be.years - 1e-3))).toBeGreaterThan(-tol);
          expect(be.year).toBe(Math.max(1, Math.ceil(be.years - 1e-9)));
        } else expect(be.year).toBe(0);
        // the yearly points agree with the curve
        tb.cumulativeCents.forEach((v, y) => expect(Math.abs(v - cumulativeAt(tb, y))).toBeLessThanOrEqual(0.5));
      }),
      { numRuns: 200 },
    );
  });

  it("breakEvenYears is exact on a crossing inside a piece", () => {
    const base = { type: "A" as const, name: "", oneTime: [], run: [], cumulativeCents: [], at5Cents: 0, at10Cents: 0 };
    const vendor = { ...base, oneTimeCents: 0, runPerYearCents: 100, goLiveYears: 0, completionYears: 0 };
    const custom = { ...base, type: "B" as const, oneTimeCents: 250, runPerYearCents: 0, goLiveYears: 0, completionYears: 0 };
    expect(breakEvenYears(custom, vendor)).toBeCloseTo(2.5, 9);
    expect(breakEvenYears({ ...custom, oneTimeCents: 2000 }, vendor)).toBeNull();
    expect(breakEvenYears({ ...custom, oneTimeCents: 0 }, vendor)).toBe(0);
  });
});

let baseA: EngagementDocument | null = null;
/** the small Type A engagement (parsed once; withLicence copies it) */
function freshA(): EngagementDocument {
  return (baseA ??= smallDoc({ type: "A" }));
}

describe("build overhead (engine 2.3)", () => {
  it("testing and project management are not added on top of the build's whole-lifecycle hours (unless the share says so)", () => {
    const doc = loadFixture(path.join(FIXTURE_DIR, "small-type-b.json"));
    const withShare = (v: number) => estimate({ ...doc, assumptions: { ...doc.assumptions, constants: { ...doc.assumptions.constants, "build.lifecycleOverheadShare": v } } }, { seed: 1, iterations: 200 });
    const now = withShare(0);
    const h = now.basePlan.hours;
    expect(h.build).toBeGreaterThan(1_000);
    expect(h.testing).toBeCloseTo(0.2 * (h.workflow + h.integrations), -1);
    const others = h.data_migration + h.workflow + h.integrations + h.reports + h.audit_trail + h.training + h.testing;
    expect(h.project_management).toBeCloseTo(0.15 * others, -1);
    const before = withShare(1); // the engine before 2.3
    expect(before.basePlan.hours.testing).toBeCloseTo(0.2 * (h.workflow + h.integrations + h.build), -1);
    expect(before.basePlan.totalCostCents).toBeGreaterThan(now.basePlan.totalCostCents);
    expect(before.basePlan.totalWeeks).toBeCloseTo(now.basePlan.totalWeeks, 6); // Phase 1 is bound by the COCOMO build track, not testing or PM
  });
});
