// One shape for every server action's error handling: AppError → its code; database down → UNAVAILABLE;
// anything else is logged with a request id and shown generically. Next's redirect/notFound pass through.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import { headers } from "next/headers";
import { randomUUID } from "node:crypto";
import { AppError, defaultMessage, INVALID_VALUE_MESSAGE, isDatabaseUnavailable, isInvalidDatabaseInput, type ActionResult } from "@/lib/errors";
import { logError } from "@/lib/log";

export async function requestId(): Promise<string> {
  try {
    const h = await headers();
    return h.get("x-request-id") ?? randomUUID();
  } catch {
    return randomUUID();
  }
}

export async function runAction<T>(fn: (requestId: string) => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  const rid = await requestId();
  try {
    return await fn(rid);
  } catch (err) {
    unstable_rethrow(err);
    if (err instanceof AppError) {
      if (err.code === "INVALID") return { ok: false, code: "INVALID", message: err.message, fieldErrors: (err.details as Record<string, string[]>) ?? {} };
      return { ok: false, code: err.code, message: err.message, current: err.details };
    }
    if (isDatabaseUnavailable(err)) return { ok: false, code: "UNAVAILABLE", message: defaultMessage("UNAVAILABLE") };
    // A value the schemas let through but PostgreSQL refuses (defence in depth behind lib/input-rules.ts):
    // the transaction rolled back, so nothing was written; the person gets a 4xx-style answer.
    if (isInvalidDatabaseInput(err)) {
      logError("database refused a value after validation", err, { requestId: rid });
      return { ok: false, code: "INVALID", message: INVALID_VALUE_MESSAGE, fieldErrors: {} };
    }
    logError("action failed", err, { requestId: rid });
    return { ok: false, code: "INTERNAL", message: `${defaultMessage("INTERNAL")} (reference ${rid.slice(0, 8)})`, requestId: rid };
  }
}
