// The commitment: P80 is what to commit to, P50 what to expect; the base plan and targets carry their chance;
// the recommendation names the P80 date and budget and warns when a target or the base plan is unlikely.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EngagementDocumentSchema, type EngagementDocument } from "@/lib/engagement-format/schema";
import { estimate } from "@/lib/estimate";
import { addWeeksIso } from "@/lib/estimates/compare";
import { buildCommitment, chanceWords } from "@/lib/estimates/commitment";
import { toEstimateView } from "@/lib/estimates/view";
import { formatMoneyShort, formatReportDate } from "@/lib/report/format";

const ROOT = path.resolve(__dirname, "../../..");
const doc = (): EngagementDocument => EngagementDocumentSchema.parse(JSON.parse(fs.readFileSync(path.join(ROOT, "tests/fixtures/engagements/mid-size-type-a.json"), "utf8")));

describe("buildCommitment", () => {
  const d = doc();
  const est = estimate(d, { seed: 1, iterations: 2000 });
  const start = est.input.plannedStart;

  it("commits to P80 and expects P50, dates and cost read from the estimate's percentiles", () => {
    const c = buildCommitment(est, { goLive: null, budgetCents: null });
    expect(c.commit.costCents).toBe(est.cost.totalCents.percentiles.P80);
    expect(c.expect.costCents).toBe(est.cost.totalCents.percentiles.P50);
    expect(c.commit.goLive).toBe(addWeeksIso(start, est.duration.finalGoLiveWeeks.percentiles.P80!));
    expect(c.expect.goLive).toBe(addWeeksIso(start, est.duration.finalGoLiveWeeks.percentiles.P50!));
    expect(c.commit.months).toBe(est.duration.totalMonths.percentiles.P80);
    expect(c.commit.goLive >= c.expect.goLive).toBe(true);
    expect(c.recommendation).toContain(formatReportDate(c.commit.goLive));
    expect(c.recommendation).toContain(formatMoneyShort(c.commit.costCents));
    expect(c.targets).toEqual({ goLive: null, budget: null });
  });

  it("gives the base plan its (small) chance and says not to quote it", () => {
    const c = buildCommitment(est, { goLive: null, budgetCents: null });
    // the base plan has no risk event and everything at its most likely: well below P50
    expect(c.basePlan.completionChance.probability).not.toBeNull();
    expect(c.basePlan.completionChance.probability!).toBeLessThan(0.5);
    expect(c.basePlan.months).toBe(est.basePlan.totalMonths);
    if (c.basePlan.completionChance.probability! < 0.2) expect(c.recommendation).toMatch(/Do not quote the base plan/);
  });

  it("an early target date and a small budget get their chance and a warning; generous ones do not", () => {
    const early = addWeeksIso(start, est.duration.finalGoLiveWeeks.percentiles.P10! - 4);
    const budget = Math.round(est.cost.totalCents.percentiles.P10! * 0.9);
    // the engine's exact probability comes with its flag when the targets are in the document
    const withTargets = estimate({ ...d, assumptions: { ...d.assumptions, targetGoLive: early, targetBudgetCents: budget } }, { seed: 1, iterations: 2000 });
    const tight = buildCommitment(withTargets, { goLive: early, budgetCents: budget });
    expect(tight.targets.goLive?.probability).toBeLessThan(0.1);
    expect(tight.targets.goLive?.unlikely).toBe(true);
    expect(tight.targets.budget?.probability).toBeLessThan(0.1);
    expect(tight.recommendation).toMatch(/target go-live .* is unlikely \(chance .*\): move it or cut scope/);
    expect(tight.recommendation).toMatch(/target budget .* is unlikely to be enough/);

    const late = addWeeksIso(start, est.duration.finalGoLiveWeeks.percentiles.P90! + 10);
    const easy = buildCommitment(est, { goLive: late, budgetCents: Math.round(est.cost.totalCents.percentiles.P90! * 1.5) });
    // the engine (2.1+) gives any date its probability from the go-live S-curve, not only the entered target
    expect(easy.targets.goLive?.probability).toBeGreaterThan(0.95);
    expect(easy.targets.goLive?.unlikely).toBe(false);
    const curve = buildCommitment(est, { goLive: early, budgetCents: null });
    expect(curve.targets.goLive).toMatchObject({ unlikely: true });
    expect(curve.targets.goLive!.probability).toBeLessThan(0.1);
    // an estimate of an older engine (no targets, no go-live curve): the bracket, as before
    const { targets: _t, ...old } = est;
    const bracket = buildCommitment({ ...old, sCurves: { durationWeeks: est.sCurves.durationWeeks, costCents: est.sCurves.costCents } }, { goLive: early, budgetCents: null });
    expect(bracket.targets.goLive).toMatchObject({ probability: null, words: "below 10%", unlikely: true });
    expect(easy.targets.budget?.probability).toBe(1);
    expect(easy.recommendation).not.toMatch(/target/);
  });

  it("reads the same from the estimate and from a redacted view (reviewers see the same commitment)", () => {
    const t = { goLive: "2027-06-01", budgetCents: 200_000_000 };
    expect(buildCommitment(toEstimateView(est, { canSeeRates: false }), t)).toEqual(buildCommitment(est, t));
  });

  it("chance words never claim more precision than the curve has", () => {
    expect(chanceWords(0)).toBe("under 3%");
    expect(chanceWords(0.351)).toBe("about 35%");
    expect(chanceWords(0.99)).toBe("over 97%");
  });
});
