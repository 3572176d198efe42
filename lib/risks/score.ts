// Risk scores on the engagement's likelihood × impact matrix, score bands, and "overdue". Client-safe, pure.
// The matrix itself (size, labels, probabilities) is configured by lib/risk-matrix; this file only reads it,
// through RiskMatrixSchema (normalizeRiskMatrix) so a missing or older JSON gets the contract's 5 × 5 defaults,
// and bands scores exactly as the heat map does (severityOf).
import type { Risk, RiskMatrix } from "@/lib/engagement-format/schema";
import { normalizeRiskMatrix } from "@/lib/risk-matrix/schema";
import { severityOf } from "@/lib/risk-matrix/heat-map";

/** The engagement's matrix from its stored JSON; `{}` or anything unreadable gives the 5 × 5 defaults. */
export function readRiskMatrix(json: unknown): RiskMatrix {
  return normalizeRiskMatrix(json);
}

/** Labels for levels 1..size ("Level 6" where the matrix has no label for a level). */
export function levelLabels(matrix: RiskMatrix, axis: "likelihood" | "impact"): string[] {
  const labels = axis === "likelihood" ? matrix.likelihoodLabels : matrix.impactLabels;
  return Array.from({ length: matrix.size }, (_, i) => labels[i] ?? `Level ${i + 1}`);
}

export function levelLabel(matrix: RiskMatrix, axis: "likelihood" | "impact", level: number | null | undefined): string {
  if (level === null || level === undefined) return "—";
  const labels = axis === "likelihood" ? matrix.likelihoodLabels : matrix.impactLabels;
  return level >= 1 && level <= matrix.size ? labels[level - 1] ?? `Level ${level}` : `Level ${level} (outside the ${matrix.size} × ${matrix.size} matrix)`;
}

/** Inherent score: likelihood × impact. */
export function riskScore(likelihood: number, impact: number): number {
  return likelihood * impact;
}

/** Residual score, or null while the residual position is not assessed. */
export function residualScore(r: Pick<Risk, "residualLikelihood" | "residualImpact">): number | null {
  return r.residualLikelihood !== null && r.residualImpact !== null ? r.residualLikelihood * r.residualImpact : null;
}

export const SCORE_BANDS = ["low", "medium", "high", "critical"] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number];

/** Band of a score on a matrix of `size` — the heat map's banding (5 × 5: 1–4 low, 5–9 medium, 10–16 high, 20–25 critical). */
export function scoreBand(score: number, size: number): ScoreBand {
  return severityOf(score, 1, size);
}

/** The smallest score that is "high" or worse on a matrix of this size (for counting top risks in SQL). */
export function highScoreThreshold(size: number): number {
  for (let s = 1; s <= size * size; s++) if (scoreBand(s, size) === "high" || scoreBand(s, size) === "critical") return s;
  return size * size;
}

/** A risk whose next review date has passed while it is still open or monitored. `today` is YYYY-MM-DD. */
export function isOverdue(r: Pick<Risk, "nextReviewDate" | "status">, today: string): boolean {
  return r.status !== "closed" && r.nextReviewDate !== null && r.nextReviewDate < today;
}
