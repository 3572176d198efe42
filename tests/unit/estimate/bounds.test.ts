// Bounded and finite (issue 9 item 7, docs/estimation.md "Bounded and finite"): every model constant and
// numeric input has a documented range enforced by the contract (save, JSON import, CLI); the engine
// refuses non-finite numbers, plans beyond its horizon and runs over its time budget.
import { describe, expect, it } from "vitest";
import { AssumptionsFormSchema, toFormValues } from "@/lib/assumptions/schema";
import { AssumptionsSchema, EngagementDocumentSchema } from "@/lib/engagement-format/schema";
import { INPUT_LIMITS } from "@/lib/engagement-format/limits";
import { makeRiskFormSchema } from "@/lib/risks/schema";
import { CONSTANT_DEFINITIONS, estimate, EstimateInputError, UNIT_BOUNDS } from "@/lib/estimate";
import { readFixtureInput, smallDoc, TYPE_A_FIXTURE } from "./helpers";

const issuesOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.map(String).join("."), i.message]));

describe("ranges", () => {
  it("every model constant has a finite range holding its default", () => {
    for (const d of CONSTANT_DEFINITIONS) {
      expect(Number.isFinite(d.min) && Number.isFinite(d.max), d.key).toBe(true);
      expect(d.min <= d.value && d.value <= d.max, `${d.key}: ${d.min} ≤ ${d.value} ≤ ${d.max}`).toBe(true);
    }
    for (const [unit, [lo, hi]] of Object.entries(UNIT_BOUNDS)) expect(lo < hi, unit).toBe(true);
  });

  it("every numeric input limit is a finite range", () => {
    for (const [k, l] of Object.entries(INPUT_LIMITS)) expect(Number.isFinite(l.min) && Number.isFinite(l.max) && l.min < l.max, k).toBe(true);
  });
});

describe("a constant or a risk impact of 1e308 is refused", () => {
  it("at save: the assumptions form names the field and its range", () => {
    const values = toFormValues(AssumptionsSchema.parse({}), { canSeeRates: true });
    values.constants["systemic.max"] = "1e308";
    const errors = issuesOf(AssumptionsFormSchema.safeParse(values));
    expect(errors["constants.systemic.max"]).toBe("Must be a number from 0 to 10 (×)");
  });

  it("at save: the risk form refuses a schedule impact of 1e308 weeks", () => {
    const r = makeRiskFormSchema(5).safeParse({
      title: "Huge", cause: "", effect: "", category: "other", likelihood: "3", impact: "3", residualLikelihood: "", residualImpact: "",
      probability: "", residualProbability: "", scope: "once", treatment: "accept", mitigationPlan: "", mitigationCost: "",
      scheduleMin: "1", scheduleLikely: "2", scheduleMax: "1e308", costKind: "none", costWorkstream: "", costMin: "", costLikely: "", costMax: "",
      phase: "P3", owner: "", nextReviewDate: "", status: "open",
    });
    expect(r.success).toBe(false);
    expect(Object.keys(issuesOf(r))).toContain("scheduleMax");
  });

  it("at JSON import (the contract): the issue path names the field, the message the range", () => {
    const input = structuredClone(readFixtureInput(TYPE_A_FIXTURE)) as unknown as {
      assumptions: { constants: Record<string, number> };
      risks: Record<string, unknown>[];
      engagement: { profile: Record<string, number> };
    };
    input.assumptions.constants = { ...input.assumptions.constants, "systemic.max": 1e308 };
    input.risks[0]!.scheduleImpactWeeks = { min: 1, likely: 2, max: 1e308 };
    input.risks[1]!.costImpact = { kind: "amount", min: 0, likely: 1, max: 1e308 };
    input.engagement.profile.providers = 1e308;
    const errors = issuesOf(EngagementDocumentSchema.safeParse(input));
    expect(errors["assumptions.constants.systemic.max"]).toBe("Must be a number from 0 to 10 (×) (got 1e+308)");
    expect(errors["risks.0.scheduleImpactWeeks.max"]).toBe("Must be a number from 0 to 520 weeks");
    expect(errors["risks.1.costImpact.max"]).toBe("Must be a whole number from 0 to 1,000,000,000,000 cents");
    expect(errors["engagement.profile.providers"]).toBe("Must be a whole number from 0 to 100,000 providers");
  });

  it("non-finite numbers never pass the contract", () => {
    for (const bad of [Infinity, -Infinity, NaN]) {
      expect(AssumptionsSchema.safeParse({ teamFte: bad }).success).toBe(false);
      expect(AssumptionsSchema.safeParse({ constants: { "no.such.key": bad } }).success).toBe(false);
    }
  });
});

describe("the engine", () => {
  it("refuses a document holding a non-finite number (built in code, past the contract)", () => {
    const doc = smallDoc();
    doc.assumptions.constants["systemic.max"] = Infinity;
    (doc.dataEntities[0] as { recordCount: number | null }).recordCount = NaN;
    expect(() => estimate(doc, { iterations: 100 })).toThrow(EstimateInputError);
    expect(() => estimate(doc, { iterations: 100 })).toThrow(/dataEntities\.0\.recordCount is not a finite number/);
  });

  it("clamps an out-of-range constant that reaches it and stays finite", () => {
    const doc = smallDoc();
    doc.assumptions.constants["systemic.max"] = 1e308;
    doc.assumptions.constants["data.volumeReferenceRecords"] = 0;
    const e = estimate(doc, { iterations: 200 });
    expect(e.assumptions.issues.map((i) => i.key)).toEqual(expect.arrayContaining(["systemic.max", "data.volumeReferenceRecords"]));
    expect(Number.isFinite(e.cost.totalCents.percentiles.P90)).toBe(true);
  });

  it("refuses a plan beyond its horizon with a plain message", () => {
    const doc = smallDoc();
    doc.assumptions.teamFte = 0.5;
    doc.assumptions.productiveHoursPerWeek = 10;
    doc.dataEntities = Array.from({ length: 40 }, (_, i) => ({ ...doc.dataEntities[1]!, sourceObject: `t${i}`, recordCount: 1e12 }));
    expect(() => estimate(doc, { iterations: 100 })).toThrow(/beyond the 30 years the engine models/);
  });

  it("has a time budget: a run past it throws instead of holding the CPU", () => {
    let t = 0;
    const clock = () => (t += 100); // every look at the clock: 100 ms later
    expect(() => estimate(smallDoc(), { iterations: 5000, timeBudgetMs: 250, now: clock })).toThrow(/ran out of its time budget \(250 ms\)/);
    expect(estimate(smallDoc(), { iterations: 5000, timeBudgetMs: 0, now: clock }).run.iterations).toBe(5000);
  });
});
