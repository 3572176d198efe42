// Staffing by role (issue 9 item 3): optional per-role FTE; an entered role is its own Phase 1 lane, a role
// not entered stays in the pooled team lane (derived from the team size by its Phase 1 effort). Entering
// nothing is the engine of before; more people in the binding lane never lengthen Phase 1; the estimate
// names the binding lane and what one more person there saves.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EngagementDocumentSchema, type EngagementDocument, type Staffing } from "@/lib/engagement-format/schema";
import { estimate, EstimateInputError } from "@/lib/estimate";
import { loadFixture, smallDoc, TYPE_A_FIXTURE, TYPE_B_FIXTURE } from "./helpers";

const ITER = 200;

function withStaffing(doc: EngagementDocument, staffing: Partial<Staffing>): EngagementDocument {
  return EngagementDocumentSchema.parse({ ...doc, assumptions: { ...doc.assumptions, staffing: { ...doc.assumptions.staffing, ...staffing } } });
}

const arb = fc.record({
  type: fc.constantFrom("A" as const, "B" as const, "C" as const),
  providers: fc.integer({ min: 1, max: 600 }),
  users: fc.integer({ min: 5, max: 4000 }),
  team: fc.double({ min: 0.5, max: 60, noNaN: true }),
  fp: fc.integer({ min: 50, max: 2500 }),
  dataFte: fc.option(fc.double({ min: 0.5, max: 4, noNaN: true }), { nil: null }),
  workflowFte: fc.option(fc.double({ min: 0.5, max: 3, noNaN: true }), { nil: null }),
  trainerFte: fc.option(fc.double({ min: 0.5, max: 2, noNaN: true }), { nil: null }),
  buildFte: fc.option(fc.double({ min: 0.5, max: 40, noNaN: true }), { nil: null }),
});

function docOf(r: typeof arb extends fc.Arbitrary<infer T> ? T : never): EngagementDocument {
  // the golden fixtures (real inventories, so every role has Phase 1 work to bind on), varied
  const d = structuredClone(loadFixture(r.type === "A" ? TYPE_A_FIXTURE : TYPE_B_FIXTURE));
  d.engagement.migrationType = r.type;
  d.engagement.profile = { ...d.engagement.profile, providers: r.providers, staffUsers: r.users };
  d.assumptions.teamFte = r.team;
  d.assumptions.buildFunctionPoints = r.type === "A" ? null : r.fp;
  d.assumptions.staffing = { dataFte: r.dataFte, workflowFte: r.workflowFte, trainerFte: r.trainerFte, buildFte: r.type === "A" ? null : r.buildFte };
  return EngagementDocumentSchema.parse(d);
}

const STAFF_FIELD = { data: "dataFte", workflow: "workflowFte", training: "trainerFte", build: "buildFte" } as const;

describe("staffing by role", { timeout: 120_000 }, () => {
  it("entering nothing is the engine of before: one pooled team lane, the same numbers as an explicit all-null staffing", () => {
    for (const file of [TYPE_A_FIXTURE, TYPE_B_FIXTURE]) {
      const doc = loadFixture(file);
      expect(doc.assumptions.staffing).toEqual({ dataFte: null, workflowFte: null, trainerFte: null, buildFte: null });
      const e = estimate(doc, { iterations: 2000 });
      expect(e.lanes.lanes.map((l) => l.key)).toEqual(doc.engagement.migrationType === "A" ? ["minimum", "team", "interfaces"] : ["minimum", "team", "interfaces", "build"]);
      expect(e.lanes.lanes.find((l) => l.key === "team")!.fte).toBe(doc.assumptions.teamFte);
      expect(Object.keys(e.basePlan.phase1.candidatesWeeks)).toHaveLength(4);
      // the derived staffing is reported, and nothing is marked entered except the interface engineers
      const roles = e.lanes.staffing.filter((r) => ["data", "workflow", "training"].includes(r.role));
      expect(roles.every((r) => !r.entered && (r.fte ?? 0) >= 0)).toBe(true);
      expect(e.lanes.staffing.find((r) => r.role === "project_management")!.fte).toBeNull();
    }
  });

  it("a role entered at about its derived FTE leaves the base plan's Phase 1 where it was", () => {
    const doc = loadFixture(TYPE_A_FIXTURE);
    const before = estimate(doc, { iterations: ITER });
    const derived = before.lanes.staffing.find((r) => r.role === "data")!.fte!;
    const after = estimate(withStaffing(doc, { dataFte: derived }), { iterations: ITER });
    expect(after.lanes.lanes.some((l) => l.key === "data")).toBe(true);
    expect(after.basePlan.phases.P1).toBeCloseTo(before.basePlan.phases.P1, 0);
  });

  it("too few data engineers: the data lane binds, Phase 1 gets longer, and one more person there saves weeks", () => {
    const doc = withStaffing(loadFixture(TYPE_A_FIXTURE), { dataFte: 0.5 });
    const pooled = estimate(loadFixture(TYPE_A_FIXTURE), { iterations: ITER });
    const e = estimate(doc, { iterations: ITER });
    expect(e.lanes.binding).toBe("data");
    expect(e.basePlan.phase1.binding).toBe("data migration lane");
    expect(e.basePlan.phases.P1).toBeGreaterThan(pooled.basePlan.phases.P1);
    expect(e.lanes.oneMorePerson.lane).toBe("data");
    expect(e.lanes.oneMorePerson.weeksSaved).toBeGreaterThan(0);
    const more = estimate(withStaffing(doc, { dataFte: 1.5 }), { iterations: ITER });
    expect(e.basePlan.totalWeeks - more.basePlan.totalWeeks).toBeCloseTo(e.lanes.oneMorePerson.weeksSaved, 1);
    expect(e.lanes.oneMorePerson.explanation).toContain("data migration engineers");
    expect(e.lanes.lanes.find((l) => l.key === "team")!.label).toMatch(/^Rest of the migration team/);
  });

  it("when an entered go-live date sets the end, one more person in the binding lane says Phase 1 shortens but the plan does not", () => {
    const base = loadFixture(TYPE_A_FIXTURE);
    const doc = withStaffing(
      EngagementDocumentSchema.parse({ ...base, assumptions: { ...base.assumptions, waves: base.assumptions.waves.map((w, i, all) => (i === all.length - 1 ? { ...w, goLiveDate: "2031-06-02" } : w)) } }),
      { dataFte: 0.5 },
    );
    const e = estimate(doc, { iterations: ITER });
    expect(e.lanes.binding).toBe("data");
    expect(e.lanes.oneMorePerson.weeksSaved).toBe(0);
    expect(e.lanes.oneMorePerson.explanation).toMatch(/shortens Phase 1 by [\d.]+ weeks, but the plan does not end sooner/);
  });

  it("build developers: fewer than COCOMO II uses lengthen the build lane; more never beat its 75% floor", () => {
    const doc = loadFixture(TYPE_B_FIXTURE);
    const cocomo = estimate(doc, { iterations: ITER });
    const few = estimate(withStaffing(doc, { buildFte: 0.5 }), { iterations: ITER });
    const many = estimate(withStaffing(doc, { buildFte: 200 }), { iterations: ITER });
    const buildWeeks = (e: typeof cocomo) => e.lanes.lanes.find((l) => l.key === "build")!.weeks;
    expect(buildWeeks(few)).toBeGreaterThan(buildWeeks(cocomo));
    expect(buildWeeks(many)).toBeCloseTo(buildWeeks(cocomo), 1);
    expect(few.lanes.binding).toBe("build");
    expect(few.lanes.oneMorePerson.weeksSaved).toBeGreaterThan(0);
  });

  it("property: more FTE in any entered lane — the binding one included — never lengthens Phase 1 or the plan", () => {
    fc.assert(
      fc.property(arb, fc.double({ min: 0.5, max: 10, noNaN: true }), (r, extra) => {
        const doc = docOf(r);
        let e: ReturnType<typeof estimate>;
        try {
          e = estimate(doc, { iterations: ITER });
        } catch (err) {
          // a half-FTE building 2,500 function points is a plan beyond the engine's 30 years: refused, plainly
          expect(err).toBeInstanceOf(EstimateInputError);
          return;
        }
        expect(e.lanes.oneMorePerson.weeksSaved).toBeGreaterThanOrEqual(0);
        const lanes = (Object.keys(STAFF_FIELD) as (keyof typeof STAFF_FIELD)[]).filter((k) => doc.assumptions.staffing[STAFF_FIELD[k]] !== null);
        for (const lane of lanes) {
          const f = STAFF_FIELD[lane];
          const more = estimate(withStaffing(doc, { [f]: Math.min(200, doc.assumptions.staffing[f]! + extra) }), { iterations: ITER });
          expect(more.basePlan.phases.P1, `${lane} +${extra}`).toBeLessThanOrEqual(e.basePlan.phases.P1 + 1e-6);
          expect(more.basePlan.totalWeeks).toBeLessThanOrEqual(e.basePlan.totalWeeks + 1e-6);
        }
        // the binding lane by name: one more person there never lengthens Phase 1
        const b = e.lanes.binding;
        if (b in STAFF_FIELD && doc.assumptions.staffing[STAFF_FIELD[b as keyof typeof STAFF_FIELD]] !== null) {
          const f = STAFF_FIELD[b as keyof typeof STAFF_FIELD];
          const one = estimate(withStaffing(doc, { [f]: Math.min(200, doc.assumptions.staffing[f]! + 1) }), { iterations: ITER });
          expect(one.basePlan.phases.P1).toBeLessThanOrEqual(e.basePlan.phases.P1 + 1e-6);
          expect(e.basePlan.totalWeeks - one.basePlan.totalWeeks).toBeCloseTo(e.lanes.oneMorePerson.weeksSaved, 1);
        }
      }),
      { numRuns: 30 },
    );
  });

  it("the contract bounds each role: 0.5–200 FTE or null, with the range in the message", () => {
    const d = smallDoc();
    for (const bad of [0, 0.4, 201, Number.NaN]) {
      const r = EngagementDocumentSchema.safeParse({ ...d, assumptions: { ...d.assumptions, staffing: { dataFte: bad } } });
      expect(r.success, String(bad)).toBe(false);
      if (!r.success) expect(r.error.issues[0]!.message).toBe("Must be a number from 0.5 to 200 FTE");
    }
  });
});
