// Aggregation of three-point effort items into sampling terms.
// INVARIANT: all items of one workstream are sampled comonotonically (one uniform per workstream
// per iteration). Items with the same PERT shape then add up exactly: Σ (minᵢ + rangeᵢ·Q(u)) =
// Σminᵢ + Σrangeᵢ·Q(u), so a workstream costs one table lookup per shape per iteration, whatever the
// number of rows — and adding a row can only add hours (monotone by construction).
import * as dist from "./distributions";

const pertQuantileTable = dist.pertQuantileTable;
const tableQuantile = dist.tableQuantile; // local binding: hot path

export interface Term {
  table: Float64Array;
  min: number;
  range: number;
  likely: number;
}

export interface Component {
  label: string;
  likelyHours: number;
  minHours: number;
  maxHours: number;
}

export class TermAccumulator {
  private readonly byShape = new Map<number, Term>();
  readonly components: Component[] = [];

  /** add `scale` × the three-point (min, likely, max); returns the likely hours added */
  add(label: string, scale: number, min: number, likely: number, max: number): number {
    if (!(scale > 0)) return 0;
    const a = scale * min, m = scale * likely, b = scale * max;
    const range = b - a;
    const shape = range > 0 ? Math.round(((m - a) / range) * 1e6) / 1e6 : 0.5;
    let term = this.byShape.get(shape);
    if (!term) {
      term = { table: pertQuantileTable(shape), min: 0, range: 0, likely: 0 };
      this.byShape.set(shape, term);
    }
    term.min += a;
    term.range += range;
    term.likely += m;
    this.components.push({ label, likelyHours: m, minHours: a, maxHours: b });
    return m;
  }

  terms(): Term[] {
    return [...this.byShape.entries()].sort((x, y) => x[0] - y[0]).map(([, t]) => t);
  }

  get likely(): number {
    let s = 0;
    for (const t of this.byShape.values()) s += t.likely;
    return s;
  }
  get min(): number {
    let s = 0;
    for (const t of this.byShape.values()) s += t.min;
    return s;
  }
  get max(): number {
    let s = 0;
    for (const t of this.byShape.values()) s += t.min + t.range;
    return s;
  }
}

/** Sample the sum of terms at uniform u. */
export function sampleTerms(terms: readonly Term[], u: number): number {
  let s = 0;
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i] as Term;
    s += t.min + t.range * tableQuantile(t.table, u);
  }
  return s;
}
