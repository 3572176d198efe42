// One error vocabulary: domain code throws AppError(code); actions turn every error into an ActionResult.
import { z } from "zod";

export type ErrorCode = "NOT_FOUND" | "FORBIDDEN" | "UNAUTHENTICATED" | "CONFLICT" | "INVALID" | "RATE_LIMITED" | "UNAVAILABLE" | "INTERNAL";

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message?: string,
    public readonly details?: unknown,
  ) {
    super(message ?? defaultMessage(code));
    this.name = "AppError";
  }
}

export function defaultMessage(code: ErrorCode): string {
  switch (code) {
    case "NOT_FOUND": return "Not found.";
    case "FORBIDDEN": return "Your role on this engagement does not allow that.";
    case "UNAUTHENTICATED": return "Please sign in again.";
    case "CONFLICT": return "Someone else changed this meanwhile.";
    case "INVALID": return "Some fields need attention.";
    case "RATE_LIMITED": return "Too many attempts. Please wait and try again.";
    case "UNAVAILABLE": return "The database is not reachable right now. Please try again in a moment.";
    default: return "Something went wrong. Please try again.";
  }
}

export type FieldErrors = Record<string, string[]>;

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; code: "INVALID"; message: string; fieldErrors: FieldErrors }
  | { ok: false; code: Exclude<ErrorCode, "INVALID">; message: string; current?: unknown; requestId?: string };

export function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export function invalid(error: z.ZodError): ActionResult<never> {
  return { ok: false, code: "INVALID", message: defaultMessage("INVALID"), fieldErrors: fieldErrorsFrom(error) };
}

// SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, crash, cannot
// connect now), 53300 (too many connections); Node socket errors; Prisma's "can't reach" codes.
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "ECONNABORTED", "EAI_AGAIN",
  "08000", "08001", "08003", "08004", "08006", "57P01", "57P02", "57P03", "53300",
  "P1001", "P1002", "P1008", "P1017", "P2024",
]);
const UNAVAILABLE_MESSAGE = /ECONNREFUSED|ECONNRESET|Connection terminated|connect ETIMEDOUT|Can't reach database|timeout exceeded when trying to connect|Query read timeout|terminating connection due to administrator command|the database system is (shutting down|starting up|in recovery mode)|Connection (closed|ended)|Client has encountered a connection error|server closed the connection unexpectedly/i;

/** Is this a Prisma/pg error meaning the database can't be reached (down, restarting, frozen)? */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== "object" || depth > 4) return false;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown; kind?: unknown };
  for (const code of [e.code, e.originalCode]) if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
  if (typeof e.message === "string" && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}

/** PostgreSQL refused a value (SQLSTATE class 22: NUL in text, out-of-range number or date, bad encoding). */
export function isInvalidDatabaseInput(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== "object" || depth > 4) return false;
  const e = err as { code?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown };
  for (const code of [e.code, e.originalCode]) if (typeof code === "string" && /^22[0-9A-Z]{3}$/.test(code)) return true;
  if (typeof e.message === "string" && /invalid byte sequence for encoding|out of range for type|value too long for type|date\/time field value out of range|numeric field overflow|unsupported Unicode escape sequence|\\u0000 cannot be converted/i.test(e.message)) return true;
  return isInvalidDatabaseInput(e.cause, depth + 1);
}

export const INVALID_VALUE_MESSAGE = "A value could not be stored: remove unusual characters (such as control characters) and keep numbers and dates within their ranges.";

/** The digest pages throw with when the database is down, so app/error.tsx can say so in production too. */
export const DATABASE_UNAVAILABLE_DIGEST = "SOUNDING_DATABASE_UNAVAILABLE";

/** An error for pages (error boundaries only see the digest in production). */
export function databaseUnavailableError(): Error & { digest: string } {
  return Object.assign(new Error(defaultMessage("UNAVAILABLE")), { digest: DATABASE_UNAVAILABLE_DIGEST });
}

export function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string } | null)?.code === "P2002";
}
