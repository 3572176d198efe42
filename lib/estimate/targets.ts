// The probability of meeting a target date or budget — any target, not only the entered ones (pure,
// client + server). The engine reports the entered targets exactly (a counting pass over every
// iteration: `Estimate.targets`) and S-curves of the final go-live, the completion and the total cost
// (41 points each); any other date or budget is read from those curves, linearly between their points.
import { weeksBetween } from "./calendar";
import type { Estimate, SCurvePoint } from "./types";

/** P(outcome ≤ value) read from an S-curve (linear between its points). */
export function probabilityAtOrBelow(points: readonly SCurvePoint[], value: number): number {
  if (points.length === 0) return 0;
  if (value < (points[0] as SCurvePoint).value) return 0;
  let best = 0;
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as SCurvePoint;
    if (p.value <= value) best = p.probability;
    const n = points[i + 1];
    if (n && p.value <= value && value < n.value && n.value > p.value) return p.probability + ((value - p.value) / (n.value - p.value)) * (n.probability - p.probability);
  }
  return best;
}

/** "between 80% and 90%" from the reported percentiles of a distribution. */
export function percentileBracket(percentiles: Record<string, number>, value: number): string {
  const ps = Object.entries(percentiles)
    .map(([k, v]) => [Number(k.slice(1)), v] as const)
    .sort((a, b) => a[0] - b[0]);
  if (ps.length === 0) return "unknown";
  if (value < (ps[0] as readonly [number, number])[1]) return `below ${(ps[0] as readonly [number, number])[0]}%`;
  for (let i = ps.length - 1; i >= 0; i--) {
    const [p, v] = ps[i] as readonly [number, number];
    if (value >= v) return i === ps.length - 1 ? `above ${p}%` : `between ${p}% and ${(ps[i + 1] as readonly [number, number])[0]}%`;
  }
  return "unknown";
}

/** What the functions read: an Estimate (or a view of one, or a stored result of an older engine). */
export type TargetSource = {
  input: { plannedStart: string };
  sCurves: { durationWeeks: SCurvePoint[]; costCents: SCurvePoint[]; finalGoLiveWeeks?: SCurvePoint[] };
  targets?: Estimate["targets"];
};

/**
 * Probability that the final go-live is on or before `date` (YYYY-MM-DD). The entered target is exact;
 * another date is read from the go-live S-curve. null for an estimate without that curve (engine < 2.1).
 */
export function probabilityOfGoLiveBy(est: TargetSource, date: string): number | null {
  if (est.targets?.goLive && est.targets.goLive.date === date) return est.targets.goLive.probability;
  const curve = est.sCurves.finalGoLiveWeeks;
  if (!curve) return null;
  return probabilityAtOrBelow(curve, weeksBetween(est.input.plannedStart, date));
}

/** Probability that the whole project (decommission included) is done on or before `date`. */
export function probabilityOfCompletionBy(est: TargetSource, date: string): number {
  return probabilityAtOrBelow(est.sCurves.durationWeeks, weeksBetween(est.input.plannedStart, date));
}

/** Probability that the total cost stays at or below `cents`. The entered target budget is exact. */
export function probabilityOfBudget(est: TargetSource, cents: number): number {
  if (est.targets?.budget && est.targets.budget.cents === cents) return est.targets.budget.probability;
  return probabilityAtOrBelow(est.sCurves.costCents, cents);
}
