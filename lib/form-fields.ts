// Field builders for form schemas: the same schema validates FormData-shaped input in the browser and on
// the server (empty strings are "missing", numbers accept thousands separators).
import { z } from "zod";

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const toNumber = (v: unknown) => {
  if (typeof v === "string") {
    const cleaned = v.replace(/[,\s_]/g, "");
    return cleaned === "" ? undefined : Number(cleaned);
  }
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
  return z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.string({ error: "Required" }).min(1, "Required").max(max, `Use at most ${max} characters`));
}

export function optionalText(max = 2000) {
  return z.preprocess((v) => (v == null ? "" : typeof v === "string" ? v.trim() : v), z.string().max(max, `Use at most ${max} characters`));
}

export function isoDateField() {
  return z.preprocess(emptyToUndefined, z.iso.date({ error: (iss) => (iss.input === undefined ? "Required" : "Enter a date (YYYY-MM-DD)") }));
}

export function enumField<const T extends readonly [string, ...string[]]>(values: T, message = "Choose one of the options") {
  return z.preprocess(emptyToUndefined, z.enum(values, { error: message }));
}
