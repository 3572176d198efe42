// The input vocabulary every schema shares (forms, spreadsheet import, JSON import, CLI): what a text may
// contain and which dates make sense. The zod building blocks in lib/form-fields.ts and the contract
// (lib/engagement-format/schema.ts) apply these; see docs/security.md for the full list of limits.
// Client-safe and pure.
import { z } from "zod";

// C0 controls except tab, line feed and carriage return; DEL; C1 controls. PostgreSQL refuses NUL in text,
// and none of the others has a meaning in a consultant's notes.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export const CONTROL_CHARACTER_MESSAGE = "Must not contain control characters (such as NUL); retype or paste it as plain text";

export function hasControlCharacter(s: string): boolean {
  return CONTROL_CHARACTER.test(s);
}

/** Row ids (cuids) as they reach routes in a URL: anything else names no row and must not reach a query. */
const RECORD_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function isRecordId(s: unknown): s is string {
  return typeof s === "string" && RECORD_ID.test(s);
}

/** Adds the control-character rule to a string schema (keeps the schema's type, so .min/.max still chain). */
export function plainText<T extends z.ZodString>(schema: T): T {
  return schema.refine((s) => !hasControlCharacter(s), { message: CONTROL_CHARACTER_MESSAGE, abort: true }) as T;
}

/** Dates outside these years are typing mistakes (or probes): PostgreSQL and people both choke on year 0. */
export const MIN_DATE = "1900-01-01";
export const MAX_DATE = "2100-12-31";
export const DATE_RANGE_MESSAGE = "Must be a date between 1900 and 2100";

/** An ISO date (YYYY-MM-DD, already checked as a calendar date) within MIN_DATE..MAX_DATE. */
export function isDateInRange(iso: string): boolean {
  const day = iso.slice(0, 10);
  return day >= MIN_DATE && day <= MAX_DATE;
}

/** A calendar date YYYY-MM-DD within 1900–2100. */
export function isoDateInRange(params?: Parameters<typeof z.iso.date>[0]) {
  return z.iso.date(params).refine(isDateInRange, { message: DATE_RANGE_MESSAGE });
}
