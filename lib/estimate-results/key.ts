// The identity of a stored estimate (pure; client-safe types only): a SHA-256 of the canonical
// engagement document (RFC 8785 JSON canonicalization, without the `exportedAt` stamp, which changes on
// every load, nor the type-decision checklist answers, which the engine does not read) + seed + iterations + engine version. Same key ⇒ the engine would return the same numbers,
// so the stored result is reused; any input, seed, iteration count or engine change gives a new key.
// INVARIANT: the engine is deterministic in (document, seed, iterations) — lib/estimate has no clock
// and no Math.random (ARCHITECTURE.md) — which is what makes a stored result safe to reuse.
import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import type { EngagementDocument } from "@/lib/engagement-format/schema";
import { ENGINE_VERSION, type Distribution, type Estimate } from "@/lib/estimate";
import type { CommitmentSource } from "@/lib/estimates/commitment";

/**
 * The engine version results are keyed on. INVARIANT: re-exported from lib/estimate, where i9's engine
 * work bumps it whenever the output changes (shape or numbers): every stored result of an older version
 * is then recomputed on first read.
 */
export const RESULT_ENGINE_VERSION = ENGINE_VERSION;

export type EstimateRunKey = { seed: number; iterations: number; engineVersion: string };

export function estimateInputHash(doc: EngagementDocument, run: EstimateRunKey): string {
  // the type-decision checklist is carried by the document but is no estimate input: answering it recomputes nothing
  const { exportedAt: _exportedAt, typeDecision: _typeDecision, ...inputs } = doc;
  const canonical = canonicalize({ inputs, seed: run.seed, iterations: run.iterations, engineVersion: run.engineVersion });
  if (canonical === undefined) throw new Error("the engagement document cannot be canonicalized");
  return createHash("sha256").update(canonical).digest("hex");
}

/** Headline numbers kept beside a stored result, so lists (the portfolio) never read the whole estimate. */
export type EstimateSummary = {
  p50Months: number | null;
  p80Months: number | null;
  p50CostCents: number | null;
  p80CostCents: number | null;
  /** input confidence score, 0..100 (the engine's inputConfidence.score) */
  confidence: number | null;
  criticalFlags: { code: string; message: string }[];
  warningFlagCount: number;
  currency: string;
  migrationType: string;
};

export function summarizeEstimate(e: Estimate): EstimateSummary {
  const pct = (p: Record<string, number>, k: string) => (typeof p[k] === "number" ? p[k] : null);
  return {
    p50Months: pct(e.duration.totalMonths.percentiles, "P50"),
    p80Months: pct(e.duration.totalMonths.percentiles, "P80"),
    p50CostCents: pct(e.cost.totalCents.percentiles, "P50"),
    p80CostCents: pct(e.cost.totalCents.percentiles, "P80"),
    confidence: typeof e.inputConfidence?.score === "number" ? e.inputConfidence.score : null,
    criticalFlags: e.flags.filter((f) => f.severity === "critical").map((f) => ({ code: f.code, message: f.message })),
    warningFlagCount: e.flags.filter((f) => f.severity === "warning").length,
    currency: e.input.currency,
    migrationType: e.input.migrationType,
  };
}

/**
 * What the overview shows of a stored estimate — the commitment's inputs (the P50/P80 distributions of go-live,
 * duration and cost, their S-curves, the base plan, the contingency, the engine's target probabilities and the
 * two target flags), the input confidence and the number of critical flags — stored beside the full result
 * (EstimateResult.headline, a few KB instead of ~300 KB on a large engagement). buildCommitment reads it as it
 * reads the whole estimate (tests/unit/estimate-results/headline.test.ts checks they agree).
 * Totals only: no rate, fee or per-unit money (the same for every role that may read the estimate).
 */
export type EstimateHeadline = CommitmentSource & {
  /** the engine's inputConfidence.score, 0..100 */
  confidence: number;
  criticalFlagCount: number;
};

/** the flags buildCommitment reads (their probability when the engine has no target probabilities) */
const COMMITMENT_FLAGS = new Set(["TARGET_DATE_BEFORE_P50", "TARGET_BUDGET_BELOW_P50"]);

export function headlineOf(e: Estimate): EstimateHeadline {
  const dist = (d: Distribution): Distribution => ({ base: d.base, mean: d.mean, min: d.min, max: d.max, percentiles: d.percentiles });
  const b = e.basePlan;
  return {
    input: { plannedStart: e.input.plannedStart, currency: e.input.currency },
    duration: { finalGoLiveWeeks: dist(e.duration.finalGoLiveWeeks), totalWeeks: dist(e.duration.totalWeeks), totalMonths: dist(e.duration.totalMonths) },
    cost: { totalCents: dist(e.cost.totalCents) },
    basePlan: { totalWeeks: b.totalWeeks, totalMonths: b.totalMonths, finalGoLiveWeeks: b.finalGoLiveWeeks, finalGoLiveDate: b.finalGoLiveDate, endDate: b.endDate, totalCostCents: b.totalCostCents },
    sCurves: { durationWeeks: e.sCurves.durationWeeks, costCents: e.sCurves.costCents, ...(e.sCurves.finalGoLiveWeeks ? { finalGoLiveWeeks: e.sCurves.finalGoLiveWeeks } : {}) },
    contingency: { costCents: e.contingency.costCents, durationWeeks: e.contingency.durationWeeks },
    flags: e.flags.filter((f) => COMMITMENT_FLAGS.has(f.code)).map((f) => ({ code: f.code, severity: f.severity, message: f.message, ...(typeof f.probability === "number" ? { probability: f.probability } : {}), data: {} })),
    ...(e.targets ? { targets: e.targets } : {}),
    confidence: e.inputConfidence.score,
    criticalFlagCount: e.flags.filter((f) => f.severity === "critical").length,
  };
}
