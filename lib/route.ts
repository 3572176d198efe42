// The one shape for route handlers (beside lib/action.ts for server actions): answers in JSON, never redirects.
// Anonymous → 401; non-member or unknown engagement → 404 (never a hint that it exists); a member whose role
// lacks the capability → 403. Every error becomes a small JSON body; stack traces stay in the server log.
import "server-only";
import { randomUUID } from "node:crypto";
import { loadCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { requireEngagementAccess, type EngagementAccess } from "@/lib/auth/access";
import type { Capability } from "@/lib/auth/access-matrix";
import { AppError, defaultMessage, INVALID_VALUE_MESSAGE, isDatabaseUnavailable, isInvalidDatabaseInput, type ErrorCode } from "@/lib/errors";
import { logError } from "@/lib/log";

const STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export function jsonError(code: ErrorCode, message = defaultMessage(code), extra: Record<string, unknown> = {}): Response {
  return Response.json({ error: code, message, ...extra }, { status: STATUS[code], headers: { "Cache-Control": "no-store" } });
}

export async function requireRouteUser(): Promise<CurrentUser> {
  const user = await loadCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED");
  return user;
}

export async function requireRouteAccess(engagementId: string, capability: Capability): Promise<{ user: CurrentUser; access: EngagementAccess }> {
  const user = await requireRouteUser();
  const access = await requireEngagementAccess(user.id, engagementId, capability);
  return { user, access };
}

type Handler<P> = (request: Request, context: { params: Promise<P> }, requestId: string) => Promise<Response>;

/** Wraps a route handler: AppError → its status; database down → 503; anything else → logged, 500. */
export function routeHandler<P>(fn: Handler<P>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const requestId = request.headers.get("x-request-id") ?? randomUUID();
    try {
      return await fn(request, context, requestId);
    } catch (err) {
      if (err instanceof AppError) return jsonError(err.code, err.message);
      if (isDatabaseUnavailable(err)) return jsonError("UNAVAILABLE");
      if (isInvalidDatabaseInput(err)) {
        logError("database refused a value after validation", err, { requestId, url: request.url });
        return jsonError("INVALID", INVALID_VALUE_MESSAGE);
      }
      logError("route handler failed", err, { requestId, url: request.url });
      return jsonError("INTERNAL", `${defaultMessage("INTERNAL")} (reference ${requestId.slice(0, 8)})`);
    }
  };
}

/**
 * Mutating route handlers refuse a foreign or missing Origin (TRUST.md "Headers and CSRF"), as Next does for
 * server actions: the Origin's host must be the host the request was sent to.
 */
export function requireSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  let originHost: string | null = null;
  try {
    originHost = origin ? new URL(origin).host : null;
  } catch {
    originHost = null;
  }
  if (!originHost || originHost !== host) throw new AppError("FORBIDDEN", "This request must come from a Sounding page.");
}
