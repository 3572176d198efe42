// The engagement's likelihood × impact matrix (Engagement.riskMatrix, RiskMatrixSchema in the contract):
// defaults per size, a tolerant reader for stored JSON, and the edit form's schema (client + server).
import { z } from "zod";
import { RiskMatrixSchema, type RiskMatrix } from "@/lib/engagement-format/schema";
import { decimalNumber, requiredText, wholeNumber } from "@/lib/form-fields";

export const MATRIX_MIN_SIZE = 3;
export const MATRIX_MAX_SIZE = 7;
export const MATRIX_SIZES = [3, 4, 5, 6, 7] as const;

// Default scales per size. 5 is the contract's default; the others follow common 3×3…7×7 practice
// (ISO 31000-style ordinal scales). Probabilities are the estimate's fallback when a risk gives none.
const DEFAULTS: Record<number, { likelihood: string[]; impact: string[]; probabilities: number[] }> = {
  3: { likelihood: ["Unlikely", "Possible", "Likely"], impact: ["Minor", "Moderate", "Major"], probabilities: [0.1, 0.35, 0.7] },
  4: { likelihood: ["Unlikely", "Possible", "Likely", "Almost certain"], impact: ["Minor", "Moderate", "Major", "Severe"], probabilities: [0.1, 0.3, 0.55, 0.85] },
  5: { likelihood: ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"], impact: ["Minimal", "Minor", "Moderate", "Major", "Severe"], probabilities: [0.05, 0.15, 0.35, 0.6, 0.85] },
  6: {
    likelihood: ["Very rare", "Rare", "Unlikely", "Possible", "Likely", "Almost certain"],
    impact: ["Negligible", "Minimal", "Minor", "Moderate", "Major", "Severe"],
    probabilities: [0.02, 0.07, 0.15, 0.35, 0.6, 0.85],
  },
  7: {
    likelihood: ["Extremely rare", "Very rare", "Rare", "Unlikely", "Possible", "Likely", "Almost certain"],
    impact: ["Negligible", "Minimal", "Minor", "Moderate", "Major", "Severe", "Catastrophic"],
    probabilities: [0.01, 0.03, 0.08, 0.18, 0.35, 0.6, 0.85],
  },
};

export function defaultRiskMatrix(size = 5): RiskMatrix {
  const s = Math.min(MATRIX_MAX_SIZE, Math.max(MATRIX_MIN_SIZE, Math.round(size)));
  const d = DEFAULTS[s]!;
  return { size: s, likelihoodLabels: [...d.likelihood], impactLabels: [...d.impact], likelihoodProbabilities: [...d.probabilities] };
}

/**
 * The stored matrix, made consistent: `{}` (never edited) gives the 5×5 default; label and probability
 * lists shorter or longer than `size` are filled from the defaults for that size or cut.
 */
export function normalizeRiskMatrix(raw: unknown): RiskMatrix {
  const parsed = RiskMatrixSchema.safeParse(raw ?? {});
  const m = parsed.success ? parsed.data : defaultRiskMatrix(5);
  const d = defaultRiskMatrix(m.size);
  const fit = <T,>(xs: T[], fallback: T[]) => Array.from({ length: m.size }, (_, i) => (i < xs.length ? xs[i]! : fallback[i]!));
  return {
    size: m.size,
    likelihoodLabels: fit(m.likelihoodLabels, d.likelihoodLabels),
    impactLabels: fit(m.impactLabels, d.impactLabels),
    likelihoodProbabilities: fit(m.likelihoodProbabilities, d.likelihoodProbabilities),
  };
}

// ---------- the edit form ----------
// Probabilities are edited as percentages (35 = 0.35) and stored as fractions.
export const RiskMatrixFormSchema = z
  .strictObject({
    size: wholeNumber({ min: MATRIX_MIN_SIZE, max: MATRIX_MAX_SIZE }),
    likelihoodLabels: z.array(requiredText(40)).min(MATRIX_MIN_SIZE).max(MATRIX_MAX_SIZE),
    impactLabels: z.array(requiredText(40)).min(MATRIX_MIN_SIZE).max(MATRIX_MAX_SIZE),
    likelihoodPercents: z.array(decimalNumber({ min: 0, max: 100 })).min(MATRIX_MIN_SIZE).max(MATRIX_MAX_SIZE),
  })
  .superRefine((v, ctx) => {
    for (const key of ["likelihoodLabels", "impactLabels", "likelihoodPercents"] as const) {
      if (v[key].length !== v.size) ctx.addIssue({ code: "custom", path: [key], message: `Give exactly ${v.size} values, one per level` });
    }
    for (const key of ["likelihoodLabels", "impactLabels"] as const) {
      const seen = new Map<string, number>();
      v[key].forEach((label, i) => {
        const k = label.toLowerCase();
        if (seen.has(k)) ctx.addIssue({ code: "custom", path: [key, i], message: "Each level needs its own label" });
        else seen.set(k, i);
      });
    }
    v.likelihoodPercents.forEach((p, i) => {
      if (i > 0 && p < v.likelihoodPercents[i - 1]!) ctx.addIssue({ code: "custom", path: ["likelihoodPercents", i], message: "Must be at least the level below" });
    });
  });
export type RiskMatrixFormInput = z.input<typeof RiskMatrixFormSchema>;
export type RiskMatrixFormValues = z.output<typeof RiskMatrixFormSchema>;

export function matrixFromForm(v: RiskMatrixFormValues): RiskMatrix {
  return RiskMatrixSchema.parse({
    size: v.size,
    likelihoodLabels: v.likelihoodLabels,
    impactLabels: v.impactLabels,
    likelihoodProbabilities: v.likelihoodPercents.map((p) => Math.round(p * 100) / 10_000),
  });
}

export function formFromMatrix(m: RiskMatrix): RiskMatrixFormInput {
  return {
    size: m.size,
    likelihoodLabels: [...m.likelihoodLabels],
    impactLabels: [...m.impactLabels],
    likelihoodPercents: m.likelihoodProbabilities.map((p) => Math.round(p * 10_000) / 100),
  };
}

export const RiskMatrixUpdateSchema = z.strictObject({
  engagementId: z.string().min(1).max(64),
  version: z.coerce.number().int().min(1),
  values: RiskMatrixFormSchema,
  // when the new size is smaller than levels in use: false → refuse and list them; true → clamp them
  clampOutOfRange: z.boolean().default(false),
});

// ---------- risks vs a matrix ----------
export type RatedRisk = {
  id: string;
  title: string;
  likelihood: number;
  impact: number;
  residualLikelihood: number | null;
  residualImpact: number | null;
};

export type OutOfRangeRisk = RatedRisk & { fields: ("likelihood" | "impact" | "residualLikelihood" | "residualImpact")[] };

/** Risks rated at a level the matrix of `size` does not have. */
export function risksOutOfRange<T extends RatedRisk>(risks: readonly T[], size: number): (T & { fields: OutOfRangeRisk["fields"] })[] {
  const out: (T & { fields: OutOfRangeRisk["fields"] })[] = [];
  for (const r of risks) {
    const fields = (["likelihood", "impact", "residualLikelihood", "residualImpact"] as const).filter((f) => r[f] !== null && (r[f] as number) > size);
    if (fields.length) out.push({ ...r, fields });
  }
  return out;
}

/** A risk's levels clamped to the matrix (levels above `size` become `size`). */
export function clampRisk<T extends RatedRisk>(r: T, size: number): T {
  const c = (v: number | null) => (v === null ? null : Math.min(v, size));
  return { ...r, likelihood: Math.min(r.likelihood, size), impact: Math.min(r.impact, size), residualLikelihood: c(r.residualLikelihood), residualImpact: c(r.residualImpact) };
}
