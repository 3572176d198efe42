// The probability of meeting any target date or budget, computed in the engine (lib/estimate/targets.ts).
import { describe, expect, it } from "vitest";
import { addWeeks } from "@/lib/estimate/calendar";
import { estimate, probabilityOfBudget, probabilityOfCompletionBy, probabilityOfGoLiveBy } from "@/lib/estimate";
import { fixtureWith, loadFixture, TYPE_A_FIXTURE } from "./helpers";

describe("target probabilities in the engine", () => {
  const e = estimate(loadFixture(TYPE_A_FIXTURE), { iterations: 4_000 });
  const start = e.input.plannedStart;

  it("reports the entered targets exactly, whether or not they are below P50 (the flag agrees when raised)", () => {
    const p50 = e.duration.finalGoLiveWeeks.percentiles.P50!;
    const early = addWeeks(start, p50 - 6);
    const late = addWeeks(start, p50 + 6);
    for (const date of [early, late]) {
      const t = estimate(fixtureWith(TYPE_A_FIXTURE, (d) => (d.assumptions!.targetGoLive = date)), { iterations: 4_000 });
      expect(t.targets.goLive?.date).toBe(date);
      const flag = t.flags.find((f) => f.code === "TARGET_DATE_BEFORE_P50");
      if (flag) expect(t.targets.goLive!.probability).toBeCloseTo(flag.probability!, 3);
      // the curve's reading is close to the exact count
      expect(Math.abs(probabilityOfGoLiveBy({ ...t, targets: { goLive: null, budget: null } }, date)! - t.targets.goLive!.probability)).toBeLessThan(0.03);
      expect(probabilityOfGoLiveBy(t, date)).toBe(t.targets.goLive!.probability);
    }
    const budget = estimate(fixtureWith(TYPE_A_FIXTURE, (d) => (d.assumptions!.targetBudgetCents = 250_000_000)), { iterations: 4_000 });
    expect(budget.targets.budget?.cents).toBe(250_000_000);
    expect(probabilityOfBudget(budget, 250_000_000)).toBe(budget.targets.budget!.probability);
    expect(e.targets).toEqual({ goLive: null, budget: null });
  });

  it("any date or budget: monotone, 0 before the earliest outcome and 1 after the latest", () => {
    const dates = [-20, -5, 0, 5, 20, 80].map((d) => addWeeks(start, e.duration.finalGoLiveWeeks.percentiles.P50! + d));
    const ps = dates.map((d) => probabilityOfGoLiveBy(e, d)!);
    for (let i = 1; i < ps.length; i++) expect(ps[i]).toBeGreaterThanOrEqual(ps[i - 1]!);
    expect(probabilityOfGoLiveBy(e, addWeeks(start, 1))).toBe(0);
    expect(probabilityOfGoLiveBy(e, addWeeks(start, e.duration.finalGoLiveWeeks.max + 1))).toBe(1);
    expect(probabilityOfCompletionBy(e, addWeeks(start, e.duration.totalWeeks.max + 1))).toBe(1);
    expect(probabilityOfBudget(e, e.cost.totalCents.percentiles.P80!)).toBeCloseTo(0.8, 1);
    expect(e.sCurves.finalGoLiveWeeks).toHaveLength(41);
  });
});
