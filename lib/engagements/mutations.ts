// Engagement writes: explicit ids, optimistic concurrency on `version`, an audit entry in the same transaction.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import type { Role } from "@/lib/auth/access-matrix";
import { appendAuditEvent, diffFields } from "@/lib/audit/mutations";
import { engagementSelect, toEngagementDto } from "@/lib/engagements/data";
import type { EngagementFormValues } from "@/lib/engagements/schema";

export type Actor = { id: string; email: string; role?: Role | ""; organizationId: string };

function toColumns(values: EngagementFormValues) {
  return { ...values, plannedStart: new Date(`${values.plannedStart}T00:00:00.000Z`) };
}

export async function createEngagement(actor: Actor, values: EngagementFormValues, requestId = "") {
  return db.$transaction(async (tx) => {
    const created = await tx.engagement.create({
      data: {
        ...toColumns(values),
        organizationId: actor.organizationId,
        createdById: actor.id,
        memberships: { create: { userId: actor.id, role: "lead" } },
      },
      select: { id: true },
    });
    await appendAuditEvent(tx, {
      organizationId: actor.organizationId,
      engagementId: created.id,
      actor: { id: actor.id, email: actor.email, role: "lead" },
      action: "engagement.create",
      entityType: "engagement",
      entityId: created.id,
      changes: values,
      requestId,
    });
    return created;
  });
}

export async function updateEngagement(
  engagementId: AuthorizedEngagementId,
  actor: Actor,
  version: number,
  values: EngagementFormValues,
  requestId = "",
) {
  return db.$transaction(async (tx) => {
    const before = await tx.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: engagementSelect });
    const { count } = await tx.engagement.updateMany({
      where: { id: engagementId, version },
      data: { ...toColumns(values), version: { increment: 1 } },
    });
    if (count === 0) {
      const current = await tx.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: engagementSelect });
      throw new AppError("CONFLICT", "Someone else saved this engagement while you were editing. Their version is shown below; review it and save again.", toEngagementDto(current));
    }
    const changes = diffFields(before as unknown as Record<string, unknown>, toColumns(values));
    await appendAuditEvent(tx, {
      organizationId: actor.organizationId,
      engagementId,
      actor: { id: actor.id, email: actor.email, role: actor.role },
      action: "engagement.update",
      entityType: "engagement",
      entityId: engagementId,
      changes,
      requestId,
    });
    return { version: version + 1 };
  });
}

export async function setEngagementArchived(engagementId: AuthorizedEngagementId, actor: Actor, archived: boolean, requestId = "") {
  await db.$transaction(async (tx) => {
    await tx.engagement.update({ where: { id: engagementId }, data: { archivedAt: archived ? new Date() : null, version: { increment: 1 } } });
    await appendAuditEvent(tx, {
      organizationId: actor.organizationId,
      engagementId,
      actor: { id: actor.id, email: actor.email, role: actor.role },
      action: archived ? "engagement.archive" : "engagement.restore",
      entityType: "engagement",
      entityId: engagementId,
      requestId,
    });
  });
}

export async function addMember(engagementId: AuthorizedEngagementId, actor: Actor, email: string, role: Role, requestId = "") {
  return db.$transaction(async (tx) => {
    // Only people of the same firm can be added; an unknown email gets the same answer as a foreign one.
    const user = await tx.user.findFirst({ where: { email, organizationId: actor.organizationId, disabledAt: null }, select: { id: true } });
    if (!user) throw new AppError("INVALID", "No active user with that email in your organization.", { email: ["No active user with that email in your organization"] });
    const existing = await tx.membership.findUnique({ where: { engagementId_userId: { engagementId, userId: user.id } } });
    if (existing) throw new AppError("INVALID", "Already a member.", { email: ["This person is already a member"] });
    await tx.membership.create({ data: { engagementId, userId: user.id, role } });
    await appendAuditEvent(tx, {
      organizationId: actor.organizationId,
      engagementId,
      actor: { id: actor.id, email: actor.email, role: actor.role },
      action: "member.add",
      entityType: "membership",
      entityId: user.id,
      changes: { role: { from: null, to: role }, email },
      requestId,
    });
    return { userId: user.id };
  });
}

async function assertAnotherLeadRemains(tx: Parameters<Parameters<typeof db.$transaction>[0]>[0], engagementId: string, userId: string) {
  const leads = await tx.membership.count({ where: { engagementId, role: "lead", userId: { not: userId } } });
  if (leads === 0) throw new AppError("CONFLICT", "An engagement needs at least one lead. Make someone else lead first.");
}

export async function setMemberRole(engagementId: AuthorizedEngagementId, actor: Actor, userId: string, role: Role, requestId = "") {
  await db.$transaction(async (tx) => {
    const current = await tx.membership.findUnique({ where: { engagementId_userId: { engagementId, userId } }, select: { role: true } });
    if (!current) throw new AppError("NOT_FOUND", "That person is not a member.");
    if (current.role === role) return;
    if (current.role === "lead") await assertAnotherLeadRemains(tx, engagementId, userId);
    await tx.membership.update({ where: { engagementId_userId: { engagementId, userId } }, data: { role } });
    await appendAuditEvent(tx, {
      organizationId: actor.organizationId,
      engagementId,
      actor: { id: actor.id, email: actor.email, role: actor.role },
      action: "member.role",
      entityType: "membership",
      entityId: userId,
      changes: { role: { from: current.role, to: role } },
      requestId,
    });
  });
}

export async function removeMember(engagementId: AuthorizedEngagementId, actor: Actor, userId: string, requestId = "") {
  await db.$transaction(async (tx) => {
    const current = await tx.membership.findUnique({ where: { engagementId_userId: { engagementId, userId } }, select: { role: true } });
    if (!current) throw new AppError("NOT_FOUND", "That person is not a member.");
    if (current.role === "lead") await assertAnotherLeadRemains(tx, engagementId, userId);
    await tx.membership.delete({ where: { engagementId_userId: { engagementId, userId } } });
    await appendAuditEvent(tx, {
      organizationId: actor.organizationId,
      engagementId,
      actor: { id: actor.id, email: actor.email, role: actor.role },
      action: "member.remove",
      entityType: "membership",
      entityId: userId,
      changes: { role: { from: current.role, to: null } },
      requestId,
    });
  });
}
