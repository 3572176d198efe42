// Three-point (beta-PERT) and binomial sampling by inverse CDF.
// Sampling by inverse CDF from one uniform per driver keeps the number of random draws fixed and
// makes every sample monotone in its inputs for a fixed uniform (common random numbers).

/** Points in a quantile table (linear interpolation between them). */
const TABLE_SIZE = 2048;
/** Integration grid for the beta CDF. */
const GRID = 8192;
/** PERT weight of the most likely value (classic beta-PERT, λ = 4). */
const PERT_LAMBDA = 4;

const tableCache = new Map<number, Float64Array>();

/**
 * Quantile table of the standard beta-PERT on [0, 1] with its mode at `r` = (likely − min)/(max − min).
 * Cached by shape: every three-point estimate with the same shape shares one table.
 */
export function pertQuantileTable(r: number): Float64Array {
  const shape = Math.round(Math.min(1, Math.max(0, r)) * 1e6) / 1e6;
  const cached = tableCache.get(shape);
  if (cached) return cached;
  const alpha = 1 + PERT_LAMBDA * shape; // beta-PERT shape parameters (Malcolm et al. 1959; Vose)
  const beta = 1 + PERT_LAMBDA * (1 - shape);
  // CDF on a uniform grid by the trapezoid rule on the (unnormalised) density
  const cdf = new Float64Array(GRID + 1);
  let prev = density(0, alpha, beta);
  for (let i = 1; i <= GRID; i++) {
    const x = i / GRID;
    const d = density(x, alpha, beta);
    cdf[i] = (cdf[i - 1] as number) + (prev + d) / (2 * GRID);
    prev = d;
  }
  const total = cdf[GRID] as number;
  for (let i = 0; i <= GRID; i++) cdf[i] = (cdf[i] as number) / total;
  // invert: for each probability find x by a monotone walk with linear interpolation
  const table = new Float64Array(TABLE_SIZE + 1);
  let j = 0;
  for (let k = 0; k <= TABLE_SIZE; k++) {
    const p = k / TABLE_SIZE;
    while (j < GRID && (cdf[j + 1] as number) < p) j++;
    if (j >= GRID) {
      table[k] = 1;
      continue;
    }
    const c0 = cdf[j] as number, c1 = cdf[j + 1] as number;
    const f = c1 > c0 ? (p - c0) / (c1 - c0) : 0;
    table[k] = (j + Math.min(1, Math.max(0, f))) / GRID;
  }
  table[0] = 0;
  table[TABLE_SIZE] = 1;
  tableCache.set(shape, table);
  return table;
}

function density(x: number, alpha: number, beta: number): number {
  const a = alpha - 1, b = beta - 1;
  const left = a === 0 ? 1 : Math.pow(x, a);
  const right = b === 0 ? 1 : Math.pow(1 - x, b);
  return left * right;
}

/** Quantile in [0, 1] of a standard PERT table at uniform u ∈ [0, 1). */
export function tableQuantile(table: Float64Array, u: number): number {
  const x = u * TABLE_SIZE;
  const i = x | 0;
  if (i >= TABLE_SIZE) return table[TABLE_SIZE] as number;
  const lo = table[i] as number;
  return lo + ((table[i + 1] as number) - lo) * (x - i);
}

export interface ThreePointLike {
  min: number;
  likely: number;
  max: number;
}

/** Shape (position of the mode) of a three-point estimate. */
export function pertShape(t: ThreePointLike): number {
  const range = t.max - t.min;
  return range > 0 ? (t.likely - t.min) / range : 0.5;
}

/** Mean of a beta-PERT: (min + 4·likely + max) / 6. */
export function pertMean(t: ThreePointLike): number {
  return (t.min + PERT_LAMBDA * t.likely + t.max) / (PERT_LAMBDA + 2);
}

/** Sample a three-point estimate at uniform u (inverse CDF). */
export function samplePert(t: ThreePointLike, u: number): number {
  const range = t.max - t.min;
  if (range <= 0) return t.min;
  return t.min + range * tableQuantile(pertQuantileTable(pertShape(t)), u);
}

/**
 * Cumulative distribution of Binomial(n, p), truncated once it reaches 1 − 1e-12.
 * Used for risks that apply per interface or per wave: the number of occurrences in an iteration.
 */
export function binomialCdf(n: number, p: number): Float64Array {
  const out: number[] = [];
  if (n <= 0 || p <= 0) return Float64Array.of(1);
  if (p >= 1) {
    const a = new Float64Array(n + 1);
    a[n] = 1;
    return a;
  }
  // pmf by recurrence, in log space for the first term to avoid underflow for large n
  let logPmf = n * Math.log1p(-p);
  let cum = 0;
  for (let k = 0; k <= n; k++) {
    const pmf = Math.exp(logPmf);
    cum += pmf;
    out.push(Math.min(1, cum));
    if (cum >= 1 - 1e-12) break;
    logPmf += Math.log((n - k) / (k + 1)) + Math.log(p) - Math.log1p(-p);
  }
  out[out.length - 1] = 1;
  return Float64Array.from(out);
}

/** Inverse CDF of a discrete distribution: smallest k with u < F(k). */
export function discreteQuantile(cdf: Float64Array, u: number): number {
  let k = 0;
  const last = cdf.length - 1;
  while (k < last && u >= (cdf[k] as number)) k++;
  return k;
}

/** Linear-interpolated percentile (p in 0..100) of an ascending-sorted array. */
export function percentileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const x = (Math.min(100, Math.max(0, p)) / 100) * (n - 1);
  const i = Math.floor(x);
  const lo = sorted[i] as number;
  if (i >= n - 1) return lo;
  return lo + ((sorted[i + 1] as number) - lo) * (x - i);
}
