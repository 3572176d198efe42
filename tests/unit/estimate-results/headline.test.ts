// The stored headline (EstimateResult.headline) is what the overview reads instead of the whole estimate:
// the commitment built from it equals the one built from the estimate (and from the view of a role without
// rates.view), with and without targets (the engine's target probabilities and the target flags), and it is
// a small fraction of the estimate's JSON with no per-unit money in it.
import { describe, expect, it } from "vitest";
import { estimate } from "@/lib/estimate";
import { addWeeksIso } from "@/lib/estimates/compare";
import { buildCommitment } from "@/lib/estimates/commitment";
import { toEstimateView } from "@/lib/estimates/view";
import { headlineOf } from "@/lib/estimate-results/key";
import { fixture } from "../estimates/helpers";

describe("headlineOf", () => {
  const doc = fixture();
  const plain = estimate(doc, { seed: 1, iterations: 2000 });
  // targets before the P50 go-live and below the P50 cost: the engine's probabilities and both target flags
  const goLive = addWeeksIso(plain.input.plannedStart, plain.duration.finalGoLiveWeeks.percentiles.P10!);
  const budgetCents = Math.round(plain.cost.totalCents.percentiles.P10!);
  const targeted = estimate({ ...doc, assumptions: { ...doc.assumptions, targetGoLive: goLive, targetBudgetCents: budgetCents } }, { seed: 1, iterations: 2000 });

  it.each([
    ["no targets", plain, { goLive: null, budgetCents: null }],
    ["targets", targeted, { goLive, budgetCents }],
  ] as const)("gives the same commitment as the whole estimate and as a reviewer's view (%s)", (_name, est, targets) => {
    const h = headlineOf(est);
    const fromHeadline = buildCommitment(h, targets);
    expect(fromHeadline).toEqual(buildCommitment(est, targets));
    expect(fromHeadline).toEqual(buildCommitment(toEstimateView(est, { canSeeRates: false }), targets));
    // the stored form is JSON: the same after a round trip
    expect(buildCommitment(JSON.parse(JSON.stringify(h)), targets)).toEqual(fromHeadline);
    expect(h.confidence).toBe(est.inputConfidence.score);
    expect(h.criticalFlagCount).toBe(est.flags.filter((f) => f.severity === "critical").length);
  });

  it("the targeted case exercises the target flags and probabilities", () => {
    const h = headlineOf(targeted);
    expect(h.flags.map((f) => f.code).sort()).toEqual(["TARGET_BUDGET_BELOW_P50", "TARGET_DATE_BEFORE_P50"]);
    expect(h.targets?.goLive?.probability).toBeLessThan(0.5);
    const c = buildCommitment(h, { goLive, budgetCents });
    expect(c.targets.goLive?.unlikely).toBe(true);
    expect(c.targets.budget?.unlikely).toBe(true);
  });

  it("is a few KB — a small fraction of the estimate — and carries no rate or fee", () => {
    const h = JSON.stringify(headlineOf(plain));
    const full = JSON.stringify(plain);
    expect(h.length).toBeLessThan(12_000);
    expect(h.length / full.length).toBeLessThan(0.1);
    expect(h).not.toMatch(/rateCents|monthlyCents|perProvider|explanations|breakdown/);
  });
});
