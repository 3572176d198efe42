// The probability of meeting a target read from what the estimate reports (client + server, pure):
// from an S-curve (41 points, linear between them) or, as a bracket, from the reported percentiles.

/** P(outcome ≤ value) read from an S-curve (linear between its points). */
export function probabilityAtOrBelow(points: { probability: number; value: number }[], value: number): number {
  if (points.length === 0) return 0;
  if (value < (points[0] as { value: number }).value) return 0;
  let best = 0;
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as { probability: number; value: number };
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
