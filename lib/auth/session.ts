// requireUser(): the signed-in, enabled user whose session version is current — or a redirect to sign-in.
import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { findSessionUser } from "@/lib/auth/data";
import { authOptions } from "@/lib/auth/options";
import { requireEngagementAccess, type EngagementAccess } from "@/lib/auth/access";
import type { Capability } from "@/lib/auth/access-matrix";
import { AppError, databaseUnavailableError, isDatabaseUnavailable } from "@/lib/errors";
import { notFound } from "next/navigation";

export type CurrentUser = { id: string; email: string; name: string; organizationId: string; isOrgAdmin: boolean };

/** The current user, or null (no session, expired, disabled, or signed out everywhere). Cached per request. */
export const loadCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  // Every page loads the user first: with the database down, this is where the page fails, with the
  // digest app/error.tsx recognises (production hides messages from error boundaries).
  const user = await findSessionUser(id).catch((err: unknown) => {
    if (isDatabaseUnavailable(err)) throw databaseUnavailableError();
    throw err;
  });
  if (!user || user.disabledAt || user.sessionVersion !== session.user?.sv) return null;
  return { id: user.id, email: user.email, name: user.name, organizationId: user.organizationId, isOrgAdmin: user.isOrgAdmin };
});

/** For pages and actions: the user, or a redirect to /sign-in (with a same-origin callbackUrl). */
export async function requireUser(): Promise<CurrentUser> {
  const user = await loadCurrentUser();
  if (!user) {
    const h = await headers();
    const path = h.get("x-pathname") ?? "/engagements";
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  }
  return user;
}

/** For pages: the user and their access to the engagement; non-members and forbidden roles see 404. */
export async function requirePageAccess(engagementId: string, capability: Capability): Promise<{ user: CurrentUser; access: EngagementAccess }> {
  const user = await requireUser();
  try {
    const access = await requireEngagementAccess(user.id, engagementId, capability);
    return { user, access };
  } catch (err) {
    if (err instanceof AppError && (err.code === "NOT_FOUND" || err.code === "FORBIDDEN")) notFound();
    throw err;
  }
}
