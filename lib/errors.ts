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

/** Is this a Prisma/pg error meaning the database can't be reached? */
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: string; message?: string; cause?: { code?: string } } | null;
  const code = e?.code ?? e?.cause?.code;
  if (code && ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "57P01", "57P03", "P1001", "P1002", "P1017"].includes(code)) return true;
  return /ECONNREFUSED|Connection terminated|connect ETIMEDOUT|Can't reach database/i.test(e?.message ?? "");
}

export function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string } | null)?.code === "P2002";
}
