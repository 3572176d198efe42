// Heat-map cells of a likelihood × impact matrix: which risks sit where, and how severe each cell is.
// Pure (client + server); components/risks/heat-map.tsx renders it.
import type { RiskMatrix } from "@/lib/engagement-format/schema";
import type { RatedRisk } from "@/lib/risk-matrix/schema";

export type HeatMapMode = "inherent" | "residual";
export type HeatMapRisk = RatedRisk;

export const SEVERITY_BANDS = ["low", "medium", "high", "critical"] as const;
export type SeverityBand = (typeof SEVERITY_BANDS)[number];
export const SEVERITY_LABELS: Record<SeverityBand, string> = { low: "Low", medium: "Medium", high: "High", critical: "Critical" };

/**
 * Severity of a cell from its score (likelihood × impact) relative to the largest score (size²):
 * below 20% low, below 40% medium, below 70% high, else critical. On a 5×5 matrix that is the usual
 * 1–4 low, 5–9 medium, 10–16 high, 20–25 critical banding; the same shares carry to 3×3…7×7.
 */
export function severityOf(likelihood: number, impact: number, size: number): SeverityBand {
  const share = (likelihood * impact) / (size * size);
  if (share < 0.2) return "low";
  if (share < 0.4) return "medium";
  if (share < 0.7) return "high";
  return "critical";
}

/** Where a risk sits in the given mode. Residual falls back to inherent for a level not rated yet. */
export function positionOf(r: HeatMapRisk, mode: HeatMapMode): { likelihood: number; impact: number; isFallback: boolean } {
  if (mode === "inherent") return { likelihood: r.likelihood, impact: r.impact, isFallback: false };
  const isFallback = r.residualLikelihood === null || r.residualImpact === null;
  return { likelihood: r.residualLikelihood ?? r.likelihood, impact: r.residualImpact ?? r.impact, isFallback };
}

export type HeatMapCell = {
  likelihood: number; // 1..size
  impact: number; // 1..size
  score: number;
  severity: SeverityBand;
  risks: HeatMapRisk[];
};

export type HeatMapModel = {
  size: number;
  /** rows from the highest likelihood (top) to the lowest; each row's cells from the lowest impact to the highest */
  rows: HeatMapCell[][];
  /** risks whose levels are outside this matrix (e.g. imported with a larger scale) */
  outside: HeatMapRisk[];
  /** residual mode: risks shown at their inherent position because they have no residual rating */
  fallbackCount: number;
  total: number;
  bySeverity: Record<SeverityBand, number>;
};

export function buildHeatMap(matrix: Pick<RiskMatrix, "size">, risks: readonly HeatMapRisk[], mode: HeatMapMode): HeatMapModel {
  const size = matrix.size;
  const cells = new Map<string, HeatMapCell>();
  const rows: HeatMapCell[][] = [];
  for (let l = size; l >= 1; l--) {
    const row: HeatMapCell[] = [];
    for (let i = 1; i <= size; i++) {
      const cell: HeatMapCell = { likelihood: l, impact: i, score: l * i, severity: severityOf(l, i, size), risks: [] };
      cells.set(`${l}:${i}`, cell);
      row.push(cell);
    }
    rows.push(row);
  }
  const outside: HeatMapRisk[] = [];
  const bySeverity: Record<SeverityBand, number> = { low: 0, medium: 0, high: 0, critical: 0 };
  let fallbackCount = 0;
  for (const r of risks) {
    const p = positionOf(r, mode);
    const cell = cells.get(`${p.likelihood}:${p.impact}`);
    if (!cell) {
      outside.push(r);
      continue;
    }
    if (p.isFallback) fallbackCount++;
    cell.risks.push(r);
    bySeverity[cell.severity]++;
  }
  return { size, rows, outside, fallbackCount, total: risks.length, bySeverity };
}
