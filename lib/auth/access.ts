// Authorization in one function. Every page, action and route handler that touches an engagement calls
// requireEngagementAccess; data functions accept only the branded AuthorizedEngagementId it returns.
import "server-only";
import { findMembershipForAccess, findUserIdentity } from "@/lib/auth/data";
import { AppError } from "@/lib/errors";
import { can, type Capability, type Role } from "@/lib/auth/access-matrix";
import { recordAuditEvent } from "@/lib/audit/mutations";
import { logError } from "@/lib/log";

// Refused attempts are audited in the actor's organization chain (never in the engagement's: a
// non-member's probe must not touch the engagement's records).
async function recordRefusal(userId: string, engagementId: string, capability: Capability, reason: string) {
  try {
    const user = await findUserIdentity(userId);
    await recordAuditEvent({
      organizationId: user?.organizationId ?? null,
      actor: { id: userId, email: user?.email ?? "" },
      action: "access.denied",
      entityType: "engagement",
      entityId: engagementId.slice(0, 64),
      outcome: "denied",
      changes: { capability, reason },
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
  if (typeof engagementId !== "string" || engagementId.length === 0 || engagementId.length > 64) {
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
