// Field builders for form schemas: the same schema validates FormData-shaped input in the browser and on
// the server (empty strings are "missing"). Numbers are read by lib/number-parse.ts (thousands separators
// yes, hex or a stray comma no); text refuses control characters and dates stay within 1900–2100
// (lib/input-rules.ts), exactly as the importer and the JSON contract do.
import { z } from "zod";
import { isBlankNumberText, parseNumber } from "@/lib/number-parse";
import { isoDateInRange, plainText } from "@/lib/input-rules";

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** FormData string → number (NaN when it is not one, so the schema says "Enter a number"); blank → undefined. */
export const toNumber = (v: unknown) => {
  if (typeof v === "string") return isBlankNumberText(v) ? undefined : (parseNumber(v) ?? Number.NaN);
  return v;
};

export function wholeNumber(opts: { min?: number; max?: number; label?: string } = {}) {
  const { min = 0, max = 1_000_000_000 } = opts;
  return z.preprocess(
    toNumber,
    z
      .number({ error: (iss) => (iss.input === undefined ? "Required" : "Enter a whole number") })
      .int("Enter a whole number")
      .min(min, `Must be at least ${min.toLocaleString("en-US")}`)
      .max(max, `Must be at most ${max.toLocaleString("en-US")}`),
  );
}

export function decimalNumber(opts: { min?: number; max?: number } = {}) {
  const { min = 0, max = 1_000_000_000 } = opts;
  return z.preprocess(
    toNumber,
    z
      .number({ error: (iss) => (iss.input === undefined ? "Required" : "Enter a number") })
      .min(min, `Must be at least ${min}`)
      .max(max, `Must be at most ${max}`),
  );
}

export function requiredText(max = 200) {
  return z.preprocess((v) => (typeof v === "string" ? v.trim() : v), plainText(z.string({ error: "Required" }).min(1, "Required").max(max, `Use at most ${max} characters`)));
}

export function optionalText(max = 2000) {
  return z.preprocess((v) => (v == null ? "" : typeof v === "string" ? v.trim() : v), plainText(z.string().max(max, `Use at most ${max} characters`)));
}

export function isoDateField() {
  return z.preprocess(emptyToUndefined, isoDateInRange({ error: (iss) => (iss.input === undefined ? "Required" : "Enter a date (YYYY-MM-DD)") }));
}

export function enumField<const T extends readonly [string, ...string[]]>(values: T, message = "Choose one of the options") {
  return z.preprocess(emptyToUndefined, z.enum(values, { error: message }));
}
