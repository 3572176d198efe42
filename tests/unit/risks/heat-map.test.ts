import { describe, expect, it } from "vitest";
import { buildHeatMap, positionOf, severityOf, type HeatMapRisk } from "@/lib/risk-matrix/heat-map";
import { clampRisk, defaultRiskMatrix, normalizeRiskMatrix, risksOutOfRange, RiskMatrixFormSchema, matrixFromForm, formFromMatrix } from "@/lib/risk-matrix/schema";
import { rescaleLevel } from "@/lib/risk-library/schema";

const risk = (id: string, l: number, i: number, rl: number | null = null, ri: number | null = null): HeatMapRisk => ({
  id, title: `Risk ${id}`, likelihood: l, impact: i, residualLikelihood: rl, residualImpact: ri,
});

describe("severityOf: bands by share of the largest score", () => {
  it.each([
    // 5×5: the usual 1–4 low, 5–9 medium, 10–16 high, 20–25 critical
    [1, 1, 5, "low"], [2, 2, 5, "low"], [1, 4, 5, "low"], [1, 5, 5, "medium"], [3, 3, 5, "medium"], [2, 5, 5, "high"],
    [4, 4, 5, "high"], [4, 5, 5, "critical"], [5, 5, 5, "critical"],
    // 3×3
    [1, 1, 3, "low"], [1, 2, 3, "medium"], [2, 2, 3, "high"], [2, 3, 3, "high"], [3, 3, 3, "critical"],
    // 7×7
    [1, 7, 7, "low"], [3, 4, 7, "medium"], [5, 5, 7, "high"], [7, 7, 7, "critical"],
  ] as const)("L%i × I%i on %i×%i → %s", (l, i, size, band) => {
    expect(severityOf(l, i, size)).toBe(band);
  });

  it("never decreases when likelihood or impact rises", () => {
    const order = ["low", "medium", "high", "critical"];
    for (const size of [3, 4, 5, 6, 7]) {
      for (let l = 1; l <= size; l++) {
        for (let i = 1; i <= size; i++) {
          const here = order.indexOf(severityOf(l, i, size));
          if (l < size) expect(order.indexOf(severityOf(l + 1, i, size))).toBeGreaterThanOrEqual(here);
          if (i < size) expect(order.indexOf(severityOf(l, i + 1, size))).toBeGreaterThanOrEqual(here);
        }
      }
    }
  });
});

describe("buildHeatMap", () => {
  const risks = [risk("a", 5, 5, 2, 3), risk("b", 5, 5, null, null), risk("c", 1, 2, 1, 1), risk("d", 6, 2)];

  it("lays out rows from the highest likelihood down and columns from the lowest impact up", () => {
    const m = buildHeatMap({ size: 5 }, [], "inherent");
    expect(m.rows).toHaveLength(5);
    expect(m.rows[0]!.map((c) => [c.likelihood, c.impact])).toEqual([[5, 1], [5, 2], [5, 3], [5, 4], [5, 5]]);
    expect(m.rows[4]![0]).toMatchObject({ likelihood: 1, impact: 1, score: 1, severity: "low" });
  });

  it("counts inherent positions per cell; levels outside the matrix are listed apart", () => {
    const m = buildHeatMap({ size: 5 }, risks, "inherent");
    const cell = (l: number, i: number) => m.rows[5 - l]![i - 1]!;
    expect(cell(5, 5).risks.map((r) => r.id)).toEqual(["a", "b"]);
    expect(cell(1, 2).risks.map((r) => r.id)).toEqual(["c"]);
    expect(m.outside.map((r) => r.id)).toEqual(["d"]);
    expect(m.bySeverity).toEqual({ low: 1, medium: 0, high: 0, critical: 2 });
    expect(m.total).toBe(4);
    expect(m.fallbackCount).toBe(0);
  });

  it("residual mode uses residual levels and falls back to inherent (counted) when not rated", () => {
    const m = buildHeatMap({ size: 5 }, risks, "residual");
    const cell = (l: number, i: number) => m.rows[5 - l]![i - 1]!;
    expect(cell(2, 3).risks.map((r) => r.id)).toEqual(["a"]);
    expect(cell(5, 5).risks.map((r) => r.id)).toEqual(["b"]);
    expect(cell(1, 1).risks.map((r) => r.id)).toEqual(["c"]);
    expect(m.fallbackCount).toBe(1);
    expect(positionOf(risk("x", 4, 4, 2, null), "residual")).toEqual({ likelihood: 2, impact: 4, isFallback: true });
  });

  it("the cell counts add up to the risks inside the matrix", () => {
    for (const size of [3, 5, 7]) {
      const many = Array.from({ length: 60 }, (_, k) => risk(String(k), (k % 7) + 1, ((k * 3) % 7) + 1));
      const m = buildHeatMap({ size }, many, "inherent");
      const inCells = m.rows.flat().reduce((s, c) => s + c.risks.length, 0);
      expect(inCells + m.outside.length).toBe(60);
    }
  });
});

describe("the matrix configuration", () => {
  it("an empty stored matrix is the 5×5 default; short or long lists are fitted to the size", () => {
    expect(normalizeRiskMatrix({})).toEqual(defaultRiskMatrix(5));
    expect(normalizeRiskMatrix(null)).toEqual(defaultRiskMatrix(5));
    const m = normalizeRiskMatrix({ size: 3 });
    expect(m.likelihoodLabels).toHaveLength(3);
    expect(m.impactLabels).toHaveLength(3);
    expect(m.likelihoodProbabilities).toHaveLength(3);
    const seven = normalizeRiskMatrix({ size: 7, likelihoodLabels: ["A", "B"] });
    expect(seven.likelihoodLabels.slice(0, 2)).toEqual(["A", "B"]);
    expect(seven.likelihoodLabels).toHaveLength(7);
  });

  it("defaults exist for every size 3..7 with increasing probabilities", () => {
    for (const size of [3, 4, 5, 6, 7]) {
      const d = defaultRiskMatrix(size);
      expect(d.likelihoodLabels).toHaveLength(size);
      expect(d.impactLabels).toHaveLength(size);
      expect([...d.likelihoodProbabilities].sort((a, b) => a - b)).toEqual(d.likelihoodProbabilities);
    }
  });

  it("the form: percentages in, fractions out; one value per level; labels distinct; probabilities non-decreasing", () => {
    const ok = RiskMatrixFormSchema.parse({ size: "3", likelihoodLabels: ["Low", "Mid", "High"], impactLabels: ["Minor", "Moderate", "Major"], likelihoodPercents: ["10", "35.5", "70"] });
    expect(matrixFromForm(ok).likelihoodProbabilities).toEqual([0.1, 0.355, 0.7]);
    expect(formFromMatrix(matrixFromForm(ok)).likelihoodPercents).toEqual([10, 35.5, 70]);
    const bad = RiskMatrixFormSchema.safeParse({ size: "4", likelihoodLabels: ["Low", "low", "High"], impactLabels: ["", "B", "C", "D"], likelihoodPercents: ["50", "20", "70", "101"] });
    const paths = bad.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["likelihoodLabels", "likelihoodLabels.1", "impactLabels.0", "likelihoodPercents.1", "likelihoodPercents.3"]));
  });

  it("finds risks out of range and clamps them", () => {
    const rs = [risk("a", 5, 2, 4, 1), risk("b", 3, 3), risk("c", 2, 2, 2, 5)];
    expect(risksOutOfRange(rs, 3).map((r) => [r.id, r.fields])).toEqual([["a", ["likelihood", "residualLikelihood"]], ["c", ["residualImpact"]]]);
    expect(clampRisk(rs[0]!, 3)).toMatchObject({ likelihood: 3, impact: 2, residualLikelihood: 3, residualImpact: 1 });
  });

  it("rescales library levels between matrix sizes, keeping the ends", () => {
    expect([1, 2, 3, 4, 5].map((l) => rescaleLevel(l, 5, 3))).toEqual([1, 2, 2, 3, 3]);
    expect([1, 2, 3, 4, 5].map((l) => rescaleLevel(l, 5, 7))).toEqual([1, 3, 4, 6, 7]);
    expect([1, 2, 3, 4, 5].map((l) => rescaleLevel(l, 5, 5))).toEqual([1, 2, 3, 4, 5]);
    expect(rescaleLevel(3, 3, 5)).toBe(5);
  });
});
