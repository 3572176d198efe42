// User administration: create, reset password, disable/enable, sign out everywhere. Admin-only callers.
import "server-only";
import { db } from "@/lib/db";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { appendAuditEvent } from "@/lib/audit/mutations";

type Admin = { id: string; email: string; organizationId: string };

export async function createUser(
  organizationId: string,
  input: { name: string; email: string; password: string; isOrgAdmin: boolean },
  admin: Admin | null,
  requestId = "",
) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { organizationId, name: input.name, email: input.email, passwordHash, isOrgAdmin: input.isOrgAdmin },
        select: { id: true, email: true, name: true },
      });
      await appendAuditEvent(tx, {
        organizationId,
        actor: admin ? { id: admin.id, email: admin.email, role: "org_admin" } : null,
        action: "user.create",
        entityType: "user",
        entityId: user.id,
        changes: { email: input.email, name: input.name, isOrgAdmin: input.isOrgAdmin },
        requestId,
      });
      return user;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("INVALID", "That email is taken.", { email: ["A user with this email already exists"] });
    throw err;
  }
}

async function requireSameOrgUser(admin: Admin, userId: string) {
  const user = await db.user.findFirst({ where: { id: userId, organizationId: admin.organizationId }, select: { id: true, email: true } });
  if (!user) throw new AppError("NOT_FOUND");
  return user;
}

export async function resetPassword(admin: Admin, userId: string, password: string, requestId = "") {
  await requireSameOrgUser(admin, userId);
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    // A reset also ends the user's existing sessions.
    await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await appendAuditEvent(tx, { organizationId: admin.organizationId, actor: { id: admin.id, email: admin.email, role: "org_admin" }, action: "user.password_reset", entityType: "user", entityId: userId, requestId });
  });
}

export async function setUserDisabled(admin: Admin, userId: string, disabled: boolean, requestId = "") {
  if (userId === admin.id && disabled) throw new AppError("CONFLICT", "You cannot disable your own account.");
  await requireSameOrgUser(admin, userId);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { disabledAt: disabled ? new Date() : null, sessionVersion: { increment: 1 } } });
    await appendAuditEvent(tx, { organizationId: admin.organizationId, actor: { id: admin.id, email: admin.email, role: "org_admin" }, action: disabled ? "user.disable" : "user.enable", entityType: "user", entityId: userId, requestId });
  });
}

/** Sign-out everywhere: every existing session of the user stops working on its next request. */
export async function endAllSessions(userId: string, organizationId: string, actor: { id: string; email: string }, requestId = "") {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    await appendAuditEvent(tx, { organizationId, actor, action: "user.sign_out_everywhere", entityType: "user", entityId: userId, requestId });
  });
}
