// Percentiles, S-curves and tornado from the simulation's raw arrays.
import { percentileSorted } from "./distributions";
import { DRIVER_STAT_SIZE, type SimulationResult } from "./simulate";
import type { Distribution, SCurvePoint, TornadoBar } from "./types";

export function pLabel(p: number): string {
  return `P${Number.isInteger(p) ? p : Number(p.toFixed(3))}`;
}

/** Metrics that need a full sort (S-curves, probabilities of targets); the rest use selection. */
const FULL_SORT = new Set(["totalWeeks", "totalCost"]);

/**
 * Put the elements of ranks `ranks` (ascending) of a[lo..hi] in their sorted positions
 * (multi-quickselect, Hoare partition, median-of-three pivot): O(n log r) instead of a full sort.
 */
function multiSelect(a: Float64Array, lo: number, hi: number, ranks: number[], rlo: number, rhi: number): void {
  while (lo < hi && rlo <= rhi) {
    const mid = (lo + hi) >>> 1;
    // median of three as pivot
    let x = a[lo] as number, y = a[mid] as number;
    const z = a[hi] as number;
    if (x > y) { const t = x; x = y; y = t; }
    if (y > z) { y = z; if (x > y) y = x; }
    const pivot = y;
    let i = lo, j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    // now a[lo..j] ≤ pivot ≤ a[i..hi], and j < i; elements between j and i equal the pivot
    let split = rlo;
    while (split <= rhi && (ranks[split] as number) <= j) split++;
    let after = split;
    while (after <= rhi && (ranks[after] as number) < i) after++; // ranks inside (j, i) are in place
    if (split - 1 >= rlo && after <= rhi) {
      multiSelect(a, lo, j, ranks, rlo, split - 1);
      lo = i;
      rlo = after;
    } else if (split - 1 >= rlo) {
      hi = j;
      rhi = split - 1;
    } else {
      lo = i;
      rlo = after;
    }
  }
}

export interface Summarizer {
  /** sorted copy of a metric (cached) */
  sorted(key: string): Float64Array;
  /** unsorted per-iteration values of a metric */
  raw(key: string): Float64Array;
  mean(key: string): number;
  dist(key: string, base: number, round: (v: number) => number): Distribution;
  quantile(key: string, p: number): number;
  /** share of iterations with value ≤ x */
  cdfAt(key: string, x: number): number;
}

export function summarizer(sim: SimulationResult, percentiles: number[]): Summarizer {
  const n = sim.iterations;
  const index = new Map(sim.metricKeys.map((k, i) => [k, i]));
  const cache = new Map<string, Float64Array>();
  const selected = new Map<string, Map<number, number>>();
  const scratch = new Float64Array(n);
  /** percentile p of a metric, exact (same interpolation as percentileSorted) */
  const selectPercentiles = (key: string, ps: number[]): number[] => {
    if (FULL_SORT.has(key)) return ps.map((p) => percentileSorted(sorted(key), p));
    const [, lo, hi] = stats(key);
    if (lo === hi) return ps.map(() => lo); // constant metric (e.g. a workstream with no items)
    let memo = selected.get(key);
    if (!memo) {
      memo = new Map();
      selected.set(key, memo);
    }
    const missing = ps.filter((p) => !memo!.has(p));
    if (missing.length > 0 && n > 0) {
      const positions = missing.map((p) => (Math.min(100, Math.max(0, p)) / 100) * (n - 1));
      const ranks = [...new Set(positions.flatMap((x) => [Math.floor(x), Math.min(n - 1, Math.floor(x) + 1)]))].sort((x, y) => x - y);
      scratch.set(raw(key));
      multiSelect(scratch, 0, n - 1, ranks, 0, ranks.length - 1);
      missing.forEach((p, idx) => {
        const x = positions[idx] as number;
        const i = Math.floor(x);
        const lo = scratch[i] as number;
        memo!.set(p, i >= n - 1 ? lo : lo + ((scratch[i + 1] as number) - lo) * (x - i));
      });
    }
    return ps.map((p) => (n === 0 ? 0 : (memo!.get(p) as number)));
  };
  const extremes = (key: string): [number, number] => {
    const [, lo, hi] = stats(key);
    return [lo, hi];
  };
  const raw = (key: string) => {
    const m = index.get(key);
    if (m === undefined) throw new Error(`unknown metric ${key}`);
    return sim.metrics.subarray(m * n, (m + 1) * n);
  };
  const sorted = (key: string) => {
    let s = cache.get(key);
    if (!s) {
      s = raw(key).slice().sort();
      cache.set(key, s);
    }
    return s;
  };
  // one pass per metric for mean, min and max
  const moments = new Map<string, [number, number, number]>();
  const stats = (key: string): [number, number, number] => {
    let m = moments.get(key);
    if (!m) {
      const r = raw(key);
      let t = 0, lo = Infinity, hi = -Infinity;
      for (let i = 0; i < r.length; i++) {
        const v = r[i] as number;
        t += v;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      m = r.length > 0 ? [t / r.length, lo, hi] : [0, 0, 0];
      moments.set(key, m);
    }
    return m;
  };
  const mean = (key: string) => stats(key)[0];
  return {
    sorted,
    raw,
    mean,
    quantile: (key, p) => selectPercentiles(key, [p])[0] as number,
    dist(key, base, round) {
      const values = selectPercentiles(key, percentiles);
      const out: Record<string, number> = {};
      percentiles.forEach((p, i) => (out[pLabel(p)] = round(values[i] as number)));
      const [lo, hi] = extremes(key);
      return { base: round(base), mean: round(mean(key)), min: round(lo), max: round(hi), percentiles: out };
    },
    cdfAt(key, x) {
      // share of iterations at or below x (one pass; no sort needed)
      const r = raw(key);
      let count = 0;
      for (let i = 0; i < r.length; i++) if ((r[i] as number) <= x) count++;
      return r.length > 0 ? count / r.length : 0;
    },
  };
}

/** S-curve: `points` values at evenly spaced cumulative probabilities from 0 to 1. */
export function sCurve(sorted: Float64Array, points: number, round: (v: number) => number): SCurvePoint[] {
  const out: SCurvePoint[] = [];
  for (let i = 0; i < points; i++) {
    const p = i / (points - 1);
    out.push({ probability: Math.round(p * 1e4) / 1e4, value: round(percentileSorted(sorted, p * 100)) });
  }
  return out;
}

/** Tornado bars for one output (0 = duration, 1 = cost), ranked by |swing|. */
export function tornado(sim: SimulationResult, output: 0 | 1, round: (v: number) => number): TornadoBar[] {
  const n = sim.iterations;
  const sy = sim.outputSums[output * 2] as number, syy = sim.outputSums[output * 2 + 1] as number;
  const meanY = sy / n;
  const varY = Math.max(0, syy / n - meanY * meanY);
  const bars: TornadoBar[] = [];
  sim.drivers.forEach((d, j) => {
    const base = j * 2 * DRIVER_STAT_SIZE;
    const o = output === 0 ? 0 : 7;
    const lowSum = sim.driverStats[base + o] as number, lowN = sim.driverStats[base + o + 1] as number;
    const highSum = sim.driverStats[base + o + 2] as number, highN = sim.driverStats[base + o + 3] as number;
    if (lowN === 0 || highN === 0) return; // the driver never varied (e.g. an empty workstream, a risk that never occurs)
    const sx = sim.driverStats[base + 4] as number, sxx = sim.driverStats[base + 5] as number;
    const sxy = sim.driverStats[base + (output === 0 ? 6 : 13)] as number;
    const meanX = sx / n;
    const varX = Math.max(0, sxx / n - meanX * meanX);
    const cov = sxy / n - meanX * meanY;
    const corr = varX > 0 && varY > 0 ? cov / Math.sqrt(varX * varY) : 0;
    const low = lowSum / lowN, high = highSum / highN;
    bars.push({
      driver: d.key,
      label: d.label,
      kind: d.kind,
      low: round(low),
      high: round(high),
      swing: round(high - low),
      correlation: Math.round(corr * 1000) / 1000,
      lowLabel: d.kind === "risk" ? "does not occur" : "at or below its P10",
      highLabel: d.kind === "risk" ? "occurs" : "at or above its P90",
    });
  });
  bars.sort((a, b) => Math.abs(b.swing) - Math.abs(a.swing) || a.driver.localeCompare(b.driver));
  return bars;
}
