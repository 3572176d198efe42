// The number to commit to, in one place for the estimate page, the report and the PDF: P80 (date and cost)
// is the commitment, P50 the expectation; the base plan and any target date or budget with the probability
// of meeting it; and one recommendation in words. Pure (client + server): it reads what the estimate
// reports (percentiles, S-curves, flags) and formats with lib/report/format, so every surface says the same.
import type { Distribution, Estimate, HonestyFlag, SCurvePoint } from "@/lib/estimate";
import { addWeeksIso } from "@/lib/estimates/compare";
import { percentileBracket, probabilityAtOrBelow, probabilityOfBudget, probabilityOfGoLiveBy } from "@/lib/estimates/targets";
import { formatMoneyShort, formatMonths, formatReportDate } from "@/lib/report/format";

const WEEKS_PER_MONTH = 365.25 / 12 / 7;

/** What the commitment needs from an estimate (an Estimate and an EstimateView both have it). */
export type CommitmentSource = {
  input: { plannedStart: string; currency: string };
  duration: { finalGoLiveWeeks: Distribution; totalWeeks: Distribution; totalMonths: Distribution };
  cost: { totalCents: Distribution };
  basePlan: { totalWeeks: number; totalMonths: number; finalGoLiveWeeks: number; finalGoLiveDate: string; endDate: string; totalCostCents: number };
  sCurves: { durationWeeks: SCurvePoint[]; costCents: SCurvePoint[]; finalGoLiveWeeks?: SCurvePoint[] };
  contingency: { costCents: number; durationWeeks: number };
  flags: HonestyFlag[];
  /** the engine's target probabilities (engine 2.1+) */
  targets?: Estimate["targets"];
};

export type Outcome = { goLive: string; completion: string; months: number; costCents: number };

export type Chance = {
  /** P(outcome ≤ value), 0..1, when it can be read; null when only a bracket is known */
  probability: number | null;
  /** "about 35%", "under 3%", "between 80% and 90%" */
  words: string;
};

export type Commitment = {
  /** P80: four in five simulated outcomes are at or below it */
  commit: Outcome;
  /** P50: as likely to come in under as over */
  expect: Outcome;
  basePlan: Outcome & { completionChance: Chance; costChance: Chance };
  /** P80 minus the base plan */
  contingency: { costCents: number; months: number };
  targets: {
    /** `unlikely`: under an even chance (before the P50 go-live / below the P50 cost) */
    goLive: null | ({ date: string; unlikely: boolean } & Chance);
    budget: null | ({ cents: number; unlikely: boolean } & Chance);
  };
  /** one sentence a decision maker can act on */
  recommendation: string;
};

const pct = (d: Distribution, p: number) => d.percentiles[`P${p}`] ?? d.mean;

function dayNumber(iso: string) {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}

/** A probability for people: "under 3%" / "about 35%" / "over 97%" (a 41-point S-curve is not finer than that). */
export function chanceWords(p: number): string {
  if (p < 0.025) return "under 3%";
  if (p > 0.975) return "over 97%";
  return `about ${Math.round(p * 100)}%`;
}

function chanceFromCurve(points: SCurvePoint[], value: number): Chance {
  const probability = probabilityAtOrBelow(points, value);
  return { probability, words: chanceWords(probability) };
}

export function buildCommitment(est: CommitmentSource, targets: { goLive: string | null; budgetCents: number | null }): Commitment {
  const start = est.input.plannedStart;
  const cur = est.input.currency;
  const at = (weeks: number) => addWeeksIso(start, weeks);
  const outcome = (p: number): Outcome => ({
    goLive: at(pct(est.duration.finalGoLiveWeeks, p)),
    completion: at(pct(est.duration.totalWeeks, p)),
    months: pct(est.duration.totalMonths, p),
    costCents: pct(est.cost.totalCents, p),
  });
  const commit = outcome(80);
  const expect = outcome(50);
  const basePlan = {
    goLive: est.basePlan.finalGoLiveDate,
    completion: est.basePlan.endDate,
    months: est.basePlan.totalMonths,
    costCents: est.basePlan.totalCostCents,
    completionChance: chanceFromCurve(est.sCurves.durationWeeks, est.basePlan.totalWeeks),
    costChance: chanceFromCurve(est.sCurves.costCents, est.basePlan.totalCostCents),
  };

  let goLive: Commitment["targets"]["goLive"] = null;
  if (targets.goLive) {
    // the engine's probability for any date (exact for the entered target); estimates before engine 2.1:
    // the flag's probability when it raised one (target before P50), otherwise the bracket
    const flag = est.flags.find((f) => f.code === "TARGET_DATE_BEFORE_P50");
    const targetWeeks = (dayNumber(targets.goLive) - dayNumber(start)) / 7;
    const unlikely = targetWeeks < pct(est.duration.finalGoLiveWeeks, 50);
    const engine = est.targets ? probabilityOfGoLiveBy(est, targets.goLive) : null;
    if (engine !== null) goLive = { date: targets.goLive, unlikely, probability: engine, words: chanceWords(engine) };
    else if (flag && typeof flag.probability === "number") goLive = { date: targets.goLive, unlikely, probability: flag.probability, words: chanceWords(flag.probability) };
    else goLive = { date: targets.goLive, unlikely, probability: null, words: percentileBracket(est.duration.finalGoLiveWeeks.percentiles, targetWeeks) };
  }
  let budget: Commitment["targets"]["budget"] = null;
  if (targets.budgetCents !== null) {
    const flag = est.flags.find((f) => f.code === "TARGET_BUDGET_BELOW_P50");
    const probability = est.targets ? probabilityOfBudget(est, targets.budgetCents) : flag && typeof flag.probability === "number" ? flag.probability : probabilityAtOrBelow(est.sCurves.costCents, targets.budgetCents);
    budget = { cents: targets.budgetCents, unlikely: targets.budgetCents < pct(est.cost.totalCents, 50), probability, words: chanceWords(probability) };
  }

  const money = (c: number) => formatMoneyShort(c, cur);
  const parts = [`Commit to go-live by ${formatReportDate(commit.goLive)} and a budget of ${money(commit.costCents)} (P80); plan the work for ${formatReportDate(expect.goLive)} (P50).`];
  if (goLive?.unlikely) parts.push(`The target go-live ${formatReportDate(goLive.date)} is unlikely (chance ${goLive.words}): move it or cut scope.`);
  if (budget?.unlikely) parts.push(`The target budget ${money(budget.cents)} is unlikely to be enough (chance ${budget.words}).`);
  if (basePlan.completionChance.probability !== null && basePlan.completionChance.probability < 0.2) {
    parts.push(`Do not quote the base plan (${formatMonths(basePlan.months)}): its chance is ${basePlan.completionChance.words}.`);
  }

  return {
    commit,
    expect,
    basePlan,
    contingency: { costCents: est.contingency.costCents, months: est.contingency.durationWeeks / WEEKS_PER_MONTH },
    targets: { goLive, budget },
    recommendation: parts.join(" "),
  };
}
