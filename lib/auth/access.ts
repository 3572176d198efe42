// Authorization in one function. Every page, action and route handler that touches an engagement calls
// requireEngagementAccess; data functions accept only the branded AuthorizedEngagementId it returns.
import "server-only";
import { findMembershipForAccess, findUserIdentity } from "@/lib/auth/data";
import { AppError } from "@/lib/errors";
import { can, type Capability, type Role } from "@/lib/auth/access-matrix";
import { recordRefusedAccess } from "@/lib/audit/mutations";
import { hasControlCharacter } from "@/lib/input-rules";
import { logError } from "@/lib/log";

// Refused attempts are audited in the actor's organization (never in the engagement's chain: a non-member's
// probe must not touch the engagement's records), aggregated per actor + engagement + hour
// (lib/audit/mutations.ts recordRefusedAccess): repeated probes raise a counter instead of the chain.
async function recordRefusal(userId: string, engagementId: string, capability: Capability, reason: string) {
  try {
    const user = await findUserIdentity(userId);
    await recordRefusedAccess({
      organizationId: user?.organizationId ?? null,
      actorId: userId,
      actorEmail: user?.email ?? "",
      targetType: "engagement",
      targetId: engagementId,
      capability,
      reason,
    });
  } catch (err) {
    logError("could not audit a refused access attempt", err);
  }
}

declare const authorized: unique symbol;
export type AuthorizedEngagementId = string & { readonly [authorized]: true };

export type EngagementAccess = {
  engagementId: AuthorizedEngagementId;
  userId: string;
  role: Role;
  isArchived: boolean;
};

/**
 * Non-members (and unknown ids) get NOT_FOUND — never a hint that the engagement exists.
 * Members whose role lacks the capability get FORBIDDEN.
 */
export async function requireEngagementAccess(
  userId: string,
  engagementId: string,
  capability: Capability,
): Promise<EngagementAccess> {
  // An id with a control character cannot exist (and PostgreSQL refuses NUL): not found, without a query.
  if (typeof engagementId !== "string" || engagementId.length === 0 || engagementId.length > 64 || hasControlCharacter(engagementId)) {
    throw new AppError("NOT_FOUND");
  }
  const membership = await findMembershipForAccess(engagementId, userId);
  if (!membership || membership.user.disabledAt) {
    await recordRefusal(userId, engagementId, capability, "not_member");
    throw new AppError("NOT_FOUND");
  }
  const role = membership.role as Role;
  if (!can(role, capability)) {
    await recordRefusal(userId, engagementId, capability, `role_${role}`);
    throw new AppError("FORBIDDEN");
  }
  return {
    engagementId: engagementId as AuthorizedEngagementId,
    userId,
    role,
    isArchived: membership.engagement.archivedAt !== null,
  };
}
