// Bounded and finite (docs/estimation.md): the engine refuses a document holding a number that is not
// finite, a plan beyond the horizon it models, a run over its time budget, and never returns an output
// with a NaN or infinite number in it. Each refusal is an EstimateInputError with a plain message naming
// the field (or the output path) — the CLI prints it and exits 1, the app shows it.

export class EstimateInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EstimateInputError";
  }
}

/** Longest plan the engine models (base plan, weeks): 30 years. Anything longer is an input mistake. */
export const MAX_PLAN_WEEKS = 30 * 52;

/**
 * Default time budget: 10 s of wall-clock time per 10,000 iterations (at least 10 s). A backstop, measured
 * in wall-clock time because a worker thread has no CPU clock of its own: within the documented input
 * ranges the engine needs ~30 ms per 10k iterations on one idle core (npm run bench), and a shared machine
 * under load stretches that tenfold, so the budget only ends runs that something unforeseen made slow.
 */
export function defaultTimeBudgetMs(iterations: number): number {
  return Math.max(10_000, (iterations / 10_000) * 10_000);
}

function firstNonFinite(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === "number") return Number.isFinite(value) ? null : path || "(root)";
  if (value === null || typeof value !== "object" || depth > 12) return null;
  if (ArrayBuffer.isView(value)) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = firstNonFinite(value[i], `${path}.${i}`, depth + 1);
      if (p) return p;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const p = firstNonFinite(v, path ? `${path}.${k}` : k, depth + 1);
    if (p) return p;
  }
  return null;
}

/** Throws when any number of the engagement document is NaN or infinite. */
export function assertFiniteDocument(doc: unknown): void {
  const at = firstNonFinite(doc, "");
  if (at) throw new EstimateInputError(`${at} is not a finite number; every number of an engagement must be finite and within its documented range (docs/engagement-format.md)`);
}

/** Throws when any number of the estimate is NaN or infinite (a model defect: never returned silently). */
export function assertFiniteOutput(out: unknown): void {
  const at = firstNonFinite(out, "");
  if (at) throw new EstimateInputError(`the estimate produced a number that is not finite at ${at}; check the inputs behind it (this should not happen within the documented ranges — please report it)`);
}

/** A clock check for the Monte Carlo loop: throws once the budget is spent. */
export class TimeBudget {
  private readonly deadline: number;
  constructor(private readonly budgetMs: number, private readonly now: () => number) {
    this.deadline = now() + budgetMs;
  }
  check(done: number, total: number): void {
    if (this.now() > this.deadline) {
      throw new EstimateInputError(`the estimate ran out of its time budget (${Math.round(this.budgetMs)} ms) after ${done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} iterations; the engagement is larger than the engine is sized for — check the inventories for duplicated or oversized rows`);
    }
  }
}
