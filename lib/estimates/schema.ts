// Estimate-page inputs (client + server): the seed in the URL, the baseline form, the scenario variants.
import { z } from "zod";
import { plainText } from "@/lib/input-rules";
import { parseNumber } from "@/lib/number-parse";

/**
 * The engine's default seed, restated so client code does not pull in the engine.
 * INVARIANT: equals DEFAULT_SEED of lib/estimate (tests/unit/estimates/schema.test.ts).
 */
export const DEFAULT_SEED = 1;
/** Iterations of every estimate the app shows (ESTIMATION.md: never lowered for speed). */
export const PAGE_ITERATIONS = 10_000;
export const MAX_SEED = 0xffffffff;

/** `?seed=` → a valid seed, or the default with a message for an unusable value. */
export function parseSeedParam(raw: string | string[] | undefined): { seed: number; error: string | null } {
  const v = Array.isArray(raw) ? raw[0] : raw;
  if (v === undefined || v.trim() === "") return { seed: DEFAULT_SEED, error: null };
  if (!/^\d+$/.test(v.trim()) || Number(v) > MAX_SEED) return { seed: DEFAULT_SEED, error: `“${v.slice(0, 20)}” is not a seed (a whole number from 0 to ${MAX_SEED.toLocaleString("en-US")}); the default seed ${DEFAULT_SEED} is used.` };
  return { seed: Number(v), error: null };
}

/** How long the estimate took on the request path (shown on the page; measured in lib/estimates/data.ts). */
export type EstimateTimings = {
  /** loading the engagement document from the database (0 when the stored result was found without it) */
  loadMs: number;
  /** the engine itself (when the result was stored: the time it took when it was computed) */
  engineMs: number;
  /** the engine call (or the stored-result read) as seen by the request */
  estimateMs: number;
  totalMs: number;
  /** stored: read back from the stored results (lib/estimate-results), no engine run on this request */
  mode: "worker" | "inline" | "stored";
  /** when the shown result was computed (ISO) */
  computedAt?: string;
};

export const IdSchema = z.string().min(1).max(64);

export const BaselineFormSchema = z.strictObject({
  name: z.preprocess((v) => (typeof v === "string" ? v.trim().replace(/\s+/g, " ") : v), plainText(z.string({ error: "Required" }).min(1, "Give the baseline a name").max(100, "Use at most 100 characters"))),
  seed: z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? (parseNumber(v) ?? Number.NaN) : v === "" ? undefined : v), z.int("The seed is a whole number").min(0).max(MAX_SEED).default(DEFAULT_SEED)),
});
export type BaselineFormInput = z.input<typeof BaselineFormSchema>;

export const BaselineCreateSchema = z.strictObject({ engagementId: IdSchema, values: BaselineFormSchema });

export function baselineNameTakenMessage(name: string) {
  return `A baseline named “${name}” already exists on this engagement. Baselines are never overwritten: choose another name.`;
}
