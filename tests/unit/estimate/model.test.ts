// Sanity properties of the model (ESTIMATION.md "Sanity properties") and the A/B/C differences.
import { describe, expect, it } from "vitest";
import { estimate } from "@/lib/estimate";
import { allDistributions, fixtureWith, largeTypeA, loadFixture, smallDoc, TYPE_A_FIXTURE, TYPE_B_FIXTURE } from "./helpers";

const ITER = 2000;

describe("determinism", () => {
  const doc = loadFixture(TYPE_A_FIXTURE);
  it("same input + seed → deep-equal output", () => {
    expect(estimate(doc, { seed: 42, iterations: ITER })).toEqual(estimate(doc, { seed: 42, iterations: ITER }));
  });
  it("does not mutate its input", () => {
    const before = structuredClone(doc);
    estimate(doc, { iterations: 200 });
    expect(doc).toEqual(before);
  });
  it("a different seed gives a different but close result", () => {
    const a = estimate(doc, { seed: 1 });
    const b = estimate(doc, { seed: 2 });
    expect(a).not.toEqual(b);
    const rel = (x: number, y: number) => Math.abs(x - y) / y;
    expect(rel(a.cost.totalCents.percentiles.P50!, b.cost.totalCents.percentiles.P50!)).toBeLessThan(0.01);
    expect(rel(a.duration.totalWeeks.percentiles.P50!, b.duration.totalWeeks.percentiles.P50!)).toBeLessThan(0.01);
    expect(rel(a.duration.totalWeeks.percentiles.P80!, b.duration.totalWeeks.percentiles.P80!)).toBeLessThan(0.02);
    // the deterministic base plan does not depend on the seed
    expect(a.basePlan).toEqual(b.basePlan);
  });
  it("uses the documented defaults", () => {
    const e = estimate(doc);
    expect(e.run).toEqual({ seed: 1, iterations: 10_000, percentiles: [10, 50, 80, 90] });
  });
});

describe("percentiles are monotone", () => {
  for (const [name, doc] of [
    ["Type A", loadFixture(TYPE_A_FIXTURE)],
    ["Type B", loadFixture(TYPE_B_FIXTURE)],
    ["small C", smallDoc({ type: "C" })],
  ] as const) {
    it(`${name}: min ≤ P10 ≤ P50 ≤ P80 ≤ P90 ≤ max for every distribution`, () => {
      const e = estimate(doc, { iterations: ITER });
      const dists = allDistributions(e);
      expect(dists.length).toBeGreaterThan(40);
      for (const { path, d } of dists) {
        const ps = [d.min, d.percentiles.P10!, d.percentiles.P50!, d.percentiles.P80!, d.percentiles.P90!, d.max];
        for (let i = 1; i < ps.length; i++) expect(ps[i], path).toBeGreaterThanOrEqual(ps[i - 1]!);
      }
      for (const curve of [e.sCurves.durationWeeks, e.sCurves.costCents]) {
        expect(curve.length).toBeGreaterThanOrEqual(21);
        expect(curve.length).toBeLessThanOrEqual(51);
        for (let i = 1; i < curve.length; i++) {
          expect(curve[i]!.value).toBeGreaterThanOrEqual(curve[i - 1]!.value);
          expect(curve[i]!.probability).toBeGreaterThan(curve[i - 1]!.probability);
        }
      }
    });
  }
  it("honours custom percentiles", () => {
    const e = estimate(loadFixture(TYPE_A_FIXTURE), { iterations: 500, percentiles: [95, 5, 50, 97.5] });
    expect(e.run.percentiles).toEqual([5, 50, 95, 97.5]);
    expect(Object.keys(e.cost.totalCents.percentiles)).toEqual(["P5", "P50", "P95", "P97.5"]);
  });
  it("rejects invalid options", () => {
    const doc = loadFixture(TYPE_A_FIXTURE);
    expect(() => estimate(doc, { iterations: 0 })).toThrow(/iterations/);
    expect(() => estimate(doc, { iterations: 100_001 })).toThrow(/iterations/);
    expect(() => estimate(doc, { iterations: 1.5 })).toThrow(/iterations/);
    expect(() => estimate(doc, { seed: -1 })).toThrow(/seed/);
    expect(() => estimate(doc, { percentiles: [0, 50] })).toThrow(/percentiles/);
    expect(() => estimate(doc, { percentiles: [100] })).toThrow(/percentiles/);
  });
});

describe("phases", () => {
  for (const [name, doc] of [
    ["Type A", loadFixture(TYPE_A_FIXTURE)],
    ["Type B", loadFixture(TYPE_B_FIXTURE)],
    ["large Type A", largeTypeA()],
  ] as const) {
    it(`${name}: every phase ≥ its field minimum in every iteration`, () => {
      const e = estimate(doc, { iterations: ITER });
      for (const [key, phase] of Object.entries(e.duration.phases)) {
        expect(phase.min, key).toBeGreaterThanOrEqual(phase.fieldMinimumWeeks);
        expect(phase.base, key).toBeGreaterThanOrEqual(phase.fieldMinimumWeeks);
      }
    });
  }

  it("adding team FTE never shortens the pilot (and never lengthens foundation)", () => {
    const pilots: number[][] = [];
    const foundations: number[] = [];
    for (const fte of [0.5, 2, 6, 12, 40, 200]) {
      const doc = fixtureWith(TYPE_A_FIXTURE, (d) => (d.assumptions!.teamFte = fte));
      const e = estimate(doc, { iterations: ITER });
      const p2 = e.duration.phases.P2;
      pilots.push([p2.base, p2.min, p2.percentiles.P10!, p2.percentiles.P50!, p2.percentiles.P90!, p2.max]);
      foundations.push(e.duration.phases.P1.percentiles.P50!);
    }
    for (const p of pilots) expect(p).toEqual(pilots[0]);
    for (let i = 1; i < foundations.length; i++) expect(foundations[i]).toBeLessThanOrEqual(foundations[i - 1]!);
  });

  it("a large Type A (300 providers) lands at P50 within 12–24 months", () => {
    const e = estimate(largeTypeA(), { iterations: ITER });
    expect(e.input.sizeClass).toBe("large");
    expect(e.duration.totalMonths.percentiles.P50).toBeGreaterThanOrEqual(12);
    expect(e.duration.totalMonths.percentiles.P50).toBeLessThanOrEqual(24);
    const ratio = e.duration.totalWeeks.percentiles.P80! / e.basePlan.totalWeeks;
    expect(ratio).toBeGreaterThanOrEqual(1.2);
    expect(ratio).toBeLessThanOrEqual(1.6);
  });

  it("the systemic factor widens the spread (P80 is not glued to P50)", () => {
    const doc = loadFixture(TYPE_A_FIXTURE);
    const withFactor = estimate(doc, { iterations: ITER });
    const without = estimate(fixtureWith(TYPE_A_FIXTURE, (d) => (d.assumptions!.constants = { "systemic.min": 1, "systemic.likely": 1, "systemic.max": 1 })), { iterations: ITER });
    const spread = (e: typeof withFactor) => e.cost.totalCents.percentiles.P80! - e.cost.totalCents.percentiles.P50!;
    expect(spread(withFactor)).toBeGreaterThan(spread(without) * 1.1);
  });
});

describe("migration types change the model", () => {
  const asType = (type: "A" | "B" | "C") =>
    estimate(
      fixtureWith(TYPE_A_FIXTURE, (d) => {
        d.engagement.migrationType = type;
        d.assumptions!.buildFunctionPoints = 300;
      }),
      { iterations: 500 },
    );
  const [a, b, c] = [asType("A"), asType("B"), asType("C")];

  it("data migration: A 0.7, B 1.0, C 0.5", () => {
    expect(a.basePlan.hours.data_migration / b.basePlan.hours.data_migration).toBeCloseTo(0.7, 1);
    expect(c.basePlan.hours.data_migration / b.basePlan.hours.data_migration).toBeCloseTo(0.5, 1);
  });
  it("B/C move half of workflow reconstruction into the build track", () => {
    expect(b.basePlan.hours.workflow / a.basePlan.hours.workflow).toBeCloseTo(0.5 / 0.8, 1);
    expect(c.basePlan.hours.workflow).toBeCloseTo(b.basePlan.hours.workflow, 0);
  });
  it("C re-points interfaces (≈0.6)", () => {
    expect(c.basePlan.hours.integrations / a.basePlan.hours.integrations).toBeCloseTo(0.6, 2);
    expect(b.basePlan.hours.integrations).toBe(a.basePlan.hours.integrations);
  });
  it("only B/C carry a build track, bounded by COCOMO II", () => {
    expect(a.basePlan.hours.build).toBe(0);
    expect(b.basePlan.hours.build).toBeGreaterThan(0);
    expect(b.basePlan.phase1.candidatesWeeks["COCOMO II build schedule"]).toBeGreaterThan(0);
    expect(a.flags.map((f) => f.code)).toContain("BUILD_IGNORED_FOR_TYPE_A");
    // C adds coexistence while cohorts are split (3 waves here)
    expect(c.basePlan.hours.build / b.basePlan.hours.build).toBeCloseTo(1.15, 2);
  });
  it("C always carries an audit-trail continuity item", () => {
    expect(c.basePlan.hours.audit_trail).toBeGreaterThan(a.basePlan.hours.audit_trail + 40);
  });
  it("overlap semantics are described per type", () => {
    expect(a.licenseOverlap.semantics).toMatch(/two vendor/);
    expect(b.licenseOverlap.semantics).toMatch(/hosting/);
    expect(c.licenseOverlap.semantics).toMatch(/legacy infrastructure/);
  });
  it("derived waves: per location for A/B, per user cohort for C", () => {
    const derive = (type: "A" | "C") =>
      estimate(smallDoc({ type, engagement: { ...smallDoc().engagement, migrationType: type, profile: { ...smallDoc().engagement.profile, locations: 7, staffUsers: 460 } } }), { iterations: 200 });
    expect(derive("A").waves.waves.length).toBe(3); // 7 locations / 3 per wave
    expect(derive("C").waves.waves.length).toBe(4); // 460 users / 150 per cohort
    expect(derive("C").waves.basis).toMatch(/cohort/);
  });
});

describe("risk events", () => {
  const base = loadFixture(TYPE_A_FIXTURE);
  it("closed risks are ignored", () => {
    const e = estimate(base, { iterations: 500 });
    expect(e.risks.map((r) => r.title)).not.toContain("Destination contract not signed before foundation");
  });
  it("mitigated risks use residual probability/impact and add their mitigation cost", () => {
    const e = estimate(base, { iterations: 2000 });
    const r = e.risks.find((x) => x.libraryKey === "data_worse_than_assessed")!;
    expect(r.mitigated).toBe(true);
    expect(r.probability).toBe(0.3);
    expect(r.probabilitySource).toBe("residual_explicit");
    expect(r.impactScale).toBeCloseTo(3 / 4);
    expect(e.basePlan.lines.risk_mitigation).toBe(1_800_000 + 600_000 + 500_000);
  });
  it("probability falls back to the matrix", () => {
    const e = estimate(base, { iterations: 500 });
    const r = e.risks.find((x) => x.title === "Cardiology device interface certification")!;
    expect(r.probabilitySource).toBe("matrix");
    expect(r.probability).toBe(0.15);
  });
  it("per-interface and per-wave scopes apply the probability to each instance", () => {
    const e = estimate(base, { iterations: 20_000 });
    const partner = e.risks.find((x) => x.libraryKey === "interface_partner_delay")!;
    expect(partner.instances).toBe(20);
    expect(partner.probabilityAnyOccurrence).toBeCloseTo(1 - 0.99 ** 20, 3);
    expect(partner.simulatedOccurrence).toBeCloseTo(partner.probabilityAnyOccurrence, 1);
    const slip = e.risks.find((x) => x.libraryKey === "wave_slip")!;
    expect(slip.instances).toBe(3);
  });
  it("schedule slips cost burn rate × extra weeks", () => {
    const e = estimate(base, { iterations: 2000 });
    expect(e.cost.lines.schedule_slip.base).toBe(0);
    expect(e.cost.lines.schedule_slip.mean).toBeGreaterThan(0);
    const noRisk = estimate(fixtureWith(TYPE_A_FIXTURE, (d) => (d.risks = d.risks!.map((r) => ({ ...r, status: "closed" as const })))), { iterations: 2000 });
    expect(noRisk.cost.lines.schedule_slip.max).toBe(0);
    expect(noRisk.flags.map((f) => f.code)).toContain("NO_OPEN_RISKS");
  });
  it("an empty register assumes the default library and says so", () => {
    const e = estimate(fixtureWith(TYPE_A_FIXTURE, (d) => (d.risks = [])), { iterations: 500 });
    expect(e.risks.length).toBeGreaterThan(5);
    expect(e.risks.every((r) => r.source === "default_library")).toBe(true);
    expect(e.flags.find((f) => f.code === "RISK_REGISTER_EMPTY")?.severity).toBe("warning");
  });
});
