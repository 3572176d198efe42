// Form-field builders the inventories need beyond lib/form-fields.ts: optional numbers ("" = unknown = null),
// money typed in dollars and stored in integer cents, percentages stored as shares, checkboxes, levels.
// Same conventions as lib/form-fields.ts: input is FormData-shaped (strings), thousands separators are fine.
// Client-safe. Pure conversions are exported for the forms and the unit tests.
import { z } from "zod";
import { isBlankNumberText, parseNumber } from "@/lib/number-parse";
import { isoDateInRange } from "@/lib/input-rules";

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/**
 * "12,500.50" / "$ 12 500" / "25%" → number; blank → undefined; anything else → NaN (→ "Enter a number").
 * The reading itself is lib/number-parse.ts, shared with every other form and the importer.
 */
export function parseLooseNumber(v: unknown, opts: { allow?: "$" | "%" } = {}): unknown {
  if (typeof v === "number") return v;
  if (typeof v !== "string") return v;
  if (isBlankNumberText(v)) return undefined;
  return parseNumber(v, { currency: opts.allow === "$", percent: opts.allow === "%" }) ?? Number.NaN;
}

const numberMessage = (whole: boolean) => (iss: { input: unknown }) =>
  iss.input === undefined ? "Required" : whole ? "Enter a whole number" : "Enter a number";

/** A whole number that may be unknown: blank → null. */
export function optionalWholeNumber(opts: { min?: number; max?: number } = {}) {
  const { min = 0, max = 1_000_000_000_000 } = opts;
  return z.preprocess(
    (v) => (isBlank(v) ? null : parseLooseNumber(v)),
    z
      .number({ error: numberMessage(true) })
      .int("Enter a whole number")
      .min(min, `Must be at least ${min.toLocaleString("en-US")}`)
      .max(max, `Must be at most ${max.toLocaleString("en-US")}`)
      .nullable(),
  );
}

/** A decimal number that may be unknown: blank → null. */
export function optionalDecimal(opts: { min?: number; max?: number } = {}) {
  const { min = 0, max = 1_000_000_000 } = opts;
  return z.preprocess(
    (v) => (isBlank(v) ? null : parseLooseNumber(v)),
    z.number({ error: numberMessage(false) }).min(min, `Must be at least ${min}`).max(max, `Must be at most ${max}`).nullable(),
  );
}

/** Dollars (or the engagement's currency units) → integer cents. */
export function dollarsToCents(dollars: number): number {
  return Math.round(dollars * 100);
}

/** Integer cents → what a person types back: "12,500" or "12,500.50"; null → "". */
export function centsToDollarsInput(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return "";
  const whole = cents % 100 === 0;
  return new Intl.NumberFormat("en-US", { minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 }).format(cents / 100);
}

/**
 * Money typed in currency units, stored in integer cents. `blank` says what an empty field means:
 * "zero" (e.g. no mitigation cost) or "required".
 */
export function moneyCents(opts: { maxDollars?: number; blank?: "zero" | "required" } = {}) {
  const { maxDollars = 10_000_000_000, blank = "required" } = opts;
  return z.preprocess(
    (v) => (isBlank(v) ? (blank === "zero" ? 0 : undefined) : parseLooseNumber(v, { allow: "$" })),
    z
      .number({ error: numberMessage(false) })
      .min(0, "Must be at least 0")
      .max(maxDollars, `Must be at most ${maxDollars.toLocaleString("en-US")}`)
      .transform(dollarsToCents),
  );
}

/** A percentage typed by a person ("25" or "25%") → a share (0.25). */
export function percentToShare(percent: number): number {
  return Number((percent / 100).toFixed(6));
}

/** A share (0.25) → "25"; null → "". */
export function shareToPercentInput(share: number | null | undefined): string {
  if (share === null || share === undefined) return "";
  return String(Number((share * 100).toFixed(4)));
}

/** A percentage that may be unknown: blank → null; otherwise a share of 0..max/100. */
export function optionalPercentShare(opts: { max?: number } = {}) {
  const { max = 100 } = opts;
  return z.preprocess(
    (v) => (isBlank(v) ? null : parseLooseNumber(v, { allow: "%" })),
    z.number({ error: numberMessage(false) }).min(0, "Must be at least 0%").max(max, `Must be at most ${max}%`).transform(percentToShare).nullable(),
  );
}

/** A required percentage → share. */
export function percentShare(opts: { max?: number } = {}) {
  const { max = 100 } = opts;
  return z.preprocess(
    (v) => parseLooseNumber(v, { allow: "%" }),
    z.number({ error: numberMessage(false) }).min(0, "Must be at least 0%").max(max, `Must be at most ${max}%`).transform(percentToShare),
  );
}

/** A checkbox: true / "on" / "true" → true; false / "" / missing / "false" → false. */
export function checkboxField() {
  return z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());
}

/** A date that may be unset: blank → null, otherwise YYYY-MM-DD. */
export function optionalIsoDateField() {
  return z.preprocess((v) => (isBlank(v) ? null : v), isoDateInRange({ error: "Enter a date (YYYY-MM-DD)" }).nullable());
}

/** A level on a likelihood × impact matrix (select value "1".."size"). */
export function levelField(size = 7, message = "Choose a level") {
  return z.preprocess((v) => (isBlank(v) ? undefined : typeof v === "string" ? (parseNumber(v) ?? Number.NaN) : v), z.int({ error: message }).min(1, message).max(size, message));
}

/** An optional level: blank → null. */
export function optionalLevelField(size = 7, message = "Choose a level") {
  return z.preprocess((v) => (isBlank(v) ? null : typeof v === "string" ? (parseNumber(v) ?? Number.NaN) : v), z.int({ error: message }).min(1, message).max(size, message).nullable());
}

/** A number shown in an input: null → "", otherwise the plain number with thousands separators for big ones. */
export function numberToInput(n: number | null | undefined): string {
  if (n === null || n === undefined) return "";
  return Math.abs(n) >= 10_000 ? new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 }).format(n) : String(n);
}
