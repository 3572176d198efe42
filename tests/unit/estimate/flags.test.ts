// Honesty flags (ESTIMATION.md "Honesty flags"): the tool must say so.
import { describe, expect, it } from "vitest";
import { estimate, type Estimate } from "@/lib/estimate";
import { fixtureWith, smallDoc, TYPE_A_FIXTURE, TYPE_B_FIXTURE } from "./helpers";

const ITER = 2000;
const flag = (e: Estimate, code: string) => e.flags.find((f) => f.code === code);

describe("quotes below P50", () => {
  it("a 3-month target go-live for a mid-size migration is flagged with its probability", () => {
    const e = estimate(fixtureWith(TYPE_A_FIXTURE, (d) => (d.assumptions!.targetGoLive = "2026-06-01")), { iterations: ITER });
    const f = flag(e, "TARGET_DATE_BEFORE_P50")!;
    expect(f).toBeDefined();
    expect(f.severity).toBe("critical");
    expect(f.probability).toBe(0);
    expect(f.message).toMatch(/2026-06-01/);
    expect(f.message).toMatch(/0% probability/);
    expect(f.data.p50FinalGoLive).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("a target between P10 and P50 is a warning with the simulated probability", () => {
    const base = fixtureWith(TYPE_A_FIXTURE, () => {});
    const e0 = estimate(base, { iterations: ITER });
    // target = P20 of the final go-live, as a date
    const p20Week = e0.sCurves.durationWeeks.find((p) => p.probability >= 0.2)!.value - (e0.duration.totalWeeks.percentiles.P50! - e0.duration.finalGoLiveWeeks.percentiles.P50!);
    const day = Math.round(p20Week * 7);
    const date = new Date(Date.UTC(2026, 2, 2 + day)).toISOString().slice(0, 10);
    const e = estimate(fixtureWith(TYPE_A_FIXTURE, (d) => (d.assumptions!.targetGoLive = date)), { iterations: ITER });
    const f = flag(e, "TARGET_DATE_BEFORE_P50")!;
    expect(f.probability).toBeGreaterThan(0.05);
    expect(f.probability).toBeLessThan(0.5);
  });

  it("a target after P80 raises nothing", () => {
    const e = estimate(fixtureWith(TYPE_A_FIXTURE, (d) => (d.assumptions!.targetGoLive = "2027-12-31")), { iterations: ITER });
    expect(flag(e, "TARGET_DATE_BEFORE_P50")).toBeUndefined();
  });

  it("a budget below P50 is flagged with its probability", () => {
    const e = estimate(fixtureWith(TYPE_A_FIXTURE, (d) => (d.assumptions!.targetBudgetCents = 150_000_000)), { iterations: ITER });
    const f = flag(e, "TARGET_BUDGET_BELOW_P50")!;
    expect(f.severity).toBe("critical");
    expect(f.probability).toBeLessThan(0.05);
    expect(f.message).toMatch(/\$1,500,000/);
  });

  it("a tiny 3-month plan for a mid-size organization is below the field range", () => {
    // someone shortened every phase in the assumptions to make the number look good
    const e = estimate(
      smallDoc({
        assumptions: {
          teamFte: 40,
          constants: {
            "phase.P0.min": 1, "phase.P0.likely": 1, "phase.P0.max": 2,
            "phase.P1.min": 3, "phase.P1.likely": 3, "phase.P1.max": 4,
            "phase.P2.min": 1, "phase.P2.likely": 2, "phase.P2.max": 2,
            "phase.wave.min": 1, "phase.wave.likely": 2, "phase.wave.max": 2,
            "phase.stabilisation.min": 0, "phase.stabilisation.likely": 0, "phase.stabilisation.max": 1,
            "phase.P4.min": 1, "phase.P4.likely": 1, "phase.P4.max": 1,
          },
        },
        risks: [],
      }),
      { iterations: ITER },
    );
    const p50 = e.duration.totalMonths.percentiles.P50!;
    expect(p50).toBeLessThan(6);
    const f = flag(e, "BELOW_FIELD_RANGE")!;
    expect(f.severity).toBe("critical");
    expect(f.data.fieldMinMonths).toBe(6);
    expect(f.message).toMatch(/not honest/);
    expect(flag(e, "PILOT_TOO_SHORT")?.severity).toBe("critical");
    expect(flag(e, "PHASE_BELOW_FIELD_MINIMUM")).toBeDefined();
  });
});

describe("inventory and policy flags", () => {
  it("no audit-trail policy decided", () => {
    expect(flag(estimate(smallDoc({ auditTrail: null }), { iterations: 200 }), "AUDIT_POLICY_UNDECIDED")?.severity).toBe("warning");
    expect(flag(estimate(smallDoc({ type: "C", auditTrail: { policy: "undecided" } }), { iterations: 200 }), "AUDIT_POLICY_UNDECIDED")?.severity).toBe("critical");
    expect(flag(estimate(smallDoc(), { iterations: 200 }), "AUDIT_POLICY_UNDECIDED")).toBeUndefined();
  });

  it("regulatory reports without a reproducibility plan", () => {
    const e = estimate(TYPE_A(), { iterations: 200 });
    const f = flag(e, "REGULATORY_REPORTS_WITHOUT_PLAN")!;
    expect(f.data.count).toBe(4);
    expect(f.message).toMatch(/CMS69/);
  });

  it("empty integration and data inventories", () => {
    const e = estimate(smallDoc({ integrations: [], dataEntities: [] }), { iterations: 200 });
    expect(flag(e, "EMPTY_INTEGRATION_INVENTORY")).toBeDefined();
    expect(flag(e, "EMPTY_DATA_INVENTORY")).toBeDefined();
  });

  it("B/C build that cannot fit the requested timeline under COCOMO bounds", () => {
    const e = estimate(fixtureWith(TYPE_B_FIXTURE, (d) => (d.assumptions!.targetGoLive = "2026-12-01")), { iterations: ITER });
    const f = flag(e, "BUILD_DOES_NOT_FIT_TIMELINE")!;
    expect(f.severity).toBe("critical");
    expect(f.message).toMatch(/COCOMO/);
    const ok = estimate(fixtureWith(TYPE_B_FIXTURE, (d) => (d.assumptions!.targetGoLive = "2027-09-01")), { iterations: 200 });
    expect(flag(ok, "BUILD_DOES_NOT_FIT_TIMELINE")).toBeUndefined();
  });

  it("a B/C build without a size is assumed and flagged", () => {
    const e = estimate(smallDoc({ type: "B", assumptions: { buildFunctionPoints: null, teamFte: 6 } }), { iterations: 200 });
    expect(flag(e, "BUILD_SIZE_ASSUMED")?.severity).toBe("critical");
    expect(e.basePlan.hours.build).toBeGreaterThan(0);
  });

  it("license overlap shorter than the cutover", () => {
    const e = estimate(fixtureWith(TYPE_A_FIXTURE, (d) => (d.assumptions!.constants = { "license.sourceContractEndMonths": 8 })), { iterations: ITER });
    const f = flag(e, "OVERLAP_SHORTER_THAN_CUTOVER")!;
    expect(f.severity).toBe("critical");
    expect(f.probability).toBeLessThan(0.05);
  });

  it("seats released before the wave's support period ends leave no rollback window", () => {
    const e = estimate(fixtureWith(TYPE_A_FIXTURE, (d) => (d.assumptions!.license = { ...d.assumptions!.license, sourceRampsDownPerWave: true, sourceNoticeMonths: 0 })), { iterations: 200 });
    expect(flag(e, "NO_ROLLBACK_WINDOW")).toBeDefined();
  });

  it("unquantified risks are assumed from their impact level and flagged", () => {
    const e = estimate(smallDoc({ risks: [{ title: "Something vague", likelihood: 4, impact: 3 }] }), { iterations: 500 });
    expect(flag(e, "RISKS_UNQUANTIFIED")).toBeDefined();
    expect(e.risks[0]!.scheduleImpactAssumed).toBe(true);
    expect(e.risks[0]!.meanWeeksAdded).toBeGreaterThan(0);
  });

  it("bad constant overrides are reported, not silently used", () => {
    // the contract refuses an out-of-range constant at save/import/CLI; a document built in code (or stored
    // before the ranges existed) still reaches the engine, which clamps and reports it
    const doc = smallDoc({ assumptions: { constants: { "no.such.constant": 3, "phase.P2.min": 9 } } });
    doc.assumptions.constants["data.volumeExponent"] = 7;
    const e = estimate(doc, { iterations: 200 });
    const problems = e.flags.filter((f) => f.code === "CONSTANT_OVERRIDE_ISSUE").map((f) => f.data.problem);
    expect(problems).toEqual(expect.arrayContaining(["unknown_key", "out_of_range", "three_point_order"]));
    expect(e.assumptions.overridden.map((o) => o.key)).toContain("data.volumeExponent");
  });

  it("low input confidence is flagged with its worst components", () => {
    const e = estimate(
      smallDoc({
        dataEntities: [{ entity: "encounters", sourceObject: "enc", recordCount: null }],
        workflows: [{ kind: "order_set", name: "x", quantity: 10 }],
        integrations: [{ name: "Lab", kind: "lab_orders", standard: "hl7v2", direction: "inbound" }],
        auditTrail: null,
        risks: [{ title: "r", likelihood: 2, impact: 2 }],
      }),
      { iterations: 200 },
    );
    expect(e.inputConfidence.score).toBeLessThan(40);
    expect(flag(e, "LOW_INPUT_CONFIDENCE")).toBeDefined();
    const byKey = Object.fromEntries(e.inputConfidence.components.map((c) => [c.key, c.value]));
    expect(byKey.data_counts).toBe(0);
    expect(byKey.workflows_reviewed).toBe(0);
    expect(byKey.risks_assessed).toBe(0);
    expect(e.inputConfidence.components.reduce((s, c) => s + c.weight, 0)).toBeCloseTo(1);
  });

  it("the golden fixtures have high input confidence", () => {
    expect(estimate(TYPE_A(), { iterations: 200 }).inputConfidence.score).toBeGreaterThan(80);
  });
});

function TYPE_A() {
  return fixtureWith(TYPE_A_FIXTURE, () => {});
}
