// Engine v2 properties (issue 9 "Done when"): overlapping waves never finish later than sequential ones;
// one more go-live track or one more person in the binding lane never lengthens the plan; more function
// points never shorten it; no output number is NaN or infinite for random valid engagements, extreme
// valid values included (or the engine refuses with its plain EstimateInputError — never a bad number).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EngagementDocument } from "@/lib/engagement-format/schema";
import { estimate, EstimateInputError } from "@/lib/estimate";
import { smallDoc } from "./helpers";

const ITER = 200;

function withTracks(doc: EngagementDocument, tracks: number): EngagementDocument {
  return { ...doc, assumptions: { ...doc.assumptions, constants: { ...doc.assumptions.constants, "cutover.goLiveTracks": tracks } } };
}

const arbDoc = fc
  .record({
    type: fc.constantFrom("A" as const, "B" as const, "C" as const),
    providers: fc.integer({ min: 1, max: 800 }),
    locations: fc.integer({ min: 1, max: 60 }),
    users: fc.integer({ min: 5, max: 5000 }),
    team: fc.double({ min: 0.5, max: 80, noNaN: true }),
    fp: fc.integer({ min: 0, max: 3000 }),
    start: fc.constantFrom("2026-01-05", "2026-10-19", "2027-12-01"),
  })
  .map((r) => {
    const d = smallDoc({ type: r.type });
    d.engagement.profile = { ...d.engagement.profile, providers: r.providers, locations: r.locations, staffUsers: r.users };
    d.engagement.plannedStart = r.start;
    d.assumptions.teamFte = r.team;
    d.assumptions.buildFunctionPoints = r.type === "A" ? null : r.fp;
    return d;
  });

const total = (d: EngagementDocument) => estimate(d, { iterations: ITER }).basePlan.totalWeeks;

describe("engine v2 properties", { timeout: 120_000 }, () => {
  it("overlapping waves never finish later than sequential ones; one more track never lengthens", () => {
    fc.assert(
      fc.property(arbDoc, fc.integer({ min: 1, max: 8 }), (doc, k) => {
        const seq = estimate(withTracks(doc, 1), { iterations: ITER });
        const par = estimate(withTracks(doc, k), { iterations: ITER });
        const more = estimate(withTracks(doc, k + 1), { iterations: ITER });
        expect(par.basePlan.totalWeeks).toBeLessThanOrEqual(seq.basePlan.totalWeeks + 1e-6);
        expect(more.basePlan.totalWeeks).toBeLessThanOrEqual(par.basePlan.totalWeeks + 1e-6);
        expect(par.duration.totalWeeks.percentiles.P80!).toBeLessThanOrEqual(seq.duration.totalWeeks.percentiles.P80! + 1e-6);
        expect(par.cutover.sequentialCutoverWeeks).toBeGreaterThanOrEqual(par.basePlan.phases.P3 - 1e-6);
      }),
      { numRuns: 25 },
    );
  });

  it("one more person in the binding lane never lengthens the plan", () => {
    fc.assert(
      fc.property(arbDoc, (doc) => {
        const e = estimate(doc, { iterations: ITER });
        expect(e.lanes.oneMorePerson.weeksSaved).toBeGreaterThanOrEqual(0);
        const more = structuredClone(doc);
        if (e.lanes.binding === "interfaces") more.assumptions.interfaceEngineers = Math.min(50, Math.ceil(e.lanes.lanes.find((l) => l.key === "interfaces")!.fte! + 1));
        else more.assumptions.teamFte = Math.min(500, doc.assumptions.teamFte + 1);
        expect(total(more)).toBeLessThanOrEqual(e.basePlan.totalWeeks + 1e-6);
      }),
      { numRuns: 25 },
    );
  });

  it("more function points never shorten the plan (B and C)", () => {
    fc.assert(
      fc.property(arbDoc.filter((d) => d.engagement.migrationType !== "A"), fc.integer({ min: 1, max: 2000 }), (doc, extra) => {
        const more = structuredClone(doc);
        more.assumptions.buildFunctionPoints = (doc.assumptions.buildFunctionPoints ?? 0) + extra;
        expect(total(more)).toBeGreaterThanOrEqual(total(doc) - 1e-6);
      }),
      { numRuns: 25 },
    );
  });

  it("no output number is NaN or infinite, extreme valid values included", () => {
    const walk = (v: unknown, path: string): void => {
      if (typeof v === "number") expect(Number.isFinite(v), path).toBe(true);
      else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}.${i}`));
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    };
    const extreme = fc.record({
      doc: arbDoc,
      providers: fc.constantFrom(0, 1, 100_000),
      users: fc.constantFrom(0, 1, 1_000_000),
      locations: fc.constantFrom(0, 10_000),
      team: fc.constantFrom(0.5, 500),
      hours: fc.constantFrom(10, 60),
      systemicMax: fc.constantFrom(1, 10),
      rate: fc.constantFrom(0, 1_000_000),
    });
    fc.assert(
      fc.property(extreme, (x) => {
        const d = structuredClone(x.doc);
        d.engagement.profile = { ...d.engagement.profile, providers: x.providers, staffUsers: x.users, locations: x.locations };
        d.assumptions.teamFte = x.team;
        d.assumptions.productiveHoursPerWeek = x.hours;
        d.assumptions.constants = { "systemic.max": x.systemicMax };
        d.assumptions.ratesCents = { data_migration: x.rate };
        try {
          walk(estimate(d, { iterations: ITER }), "estimate");
        } catch (e) {
          expect(e).toBeInstanceOf(EstimateInputError);
        }
      }),
      { numRuns: 30 },
    );
  });
});
