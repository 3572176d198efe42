// Reads behind authentication and authorization (the only place lib/auth touches the database).
import "server-only";
import { db } from "@/lib/db";

export function findMembershipForAccess(engagementId: string, userId: string) {
  return db.membership.findUnique({
    where: { engagementId_userId: { engagementId, userId } },
    select: { role: true, engagement: { select: { archivedAt: true } }, user: { select: { disabledAt: true } } },
  });
}

export function findUserIdentity(userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: { organizationId: true, email: true } });
}

export function findSessionUser(userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, organizationId: true, isOrgAdmin: true, disabledAt: true, sessionVersion: true },
  });
}

export function findUserForSignIn(email: string) {
  return db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, organizationId: true, passwordHash: true, disabledAt: true, sessionVersion: true },
  });
}
