// Engagement writes: explicit ids, optimistic concurrency on `version`, an audit entry in the same transaction.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import type { Role } from "@/lib/auth/access-matrix";
import { appendAuditEvent, diffFields } from "@/lib/audit/mutations";
import { engagementSelect, toEngagementDto } from "@/lib/engagements/data";
import { assumptionsFromQuoteInputs, type EngagementCreateValues, type EngagementFormValues } from "@/lib/engagements/schema";
import { AssumptionsSchema } from "@/lib/engagement-format/schema";
import { readAssumptions } from "@/lib/assumptions/data";
import { diffAssumptions } from "@/lib/assumptions/diff";

export type Actor = { id: string; email: string; role?: Role | ""; organizationId: string };

function toColumns(values: EngagementFormValues) {
  return { ...values, plannedStart: new Date(`${values.plannedStart}T00:00:00.000Z`) };
}

/**
 * A new engagement with its creator as lead. The optional inputs of the create form (license fees, waves,
 * team, audit policy, clinical reviewer) are written in the same transaction: assumptions as overrides, the
 * audit-trail policy row when one was chosen, the reviewer's membership — each with its own audit entry.
 */
export async function createEngagement(actor: Actor, input: EngagementFormValues | EngagementCreateValues, requestId = "") {
  const { destinationFee, destinationFeeBasis, sourceFee, sourceFeeBasis, waves, auditPolicy, teamFte, reviewerEmail, ...values } = {
    destinationFee: null, destinationFeeBasis: "per_provider_month", sourceFee: null, sourceFeeBasis: "per_provider_month",
    waves: [], auditPolicy: "undecided", teamFte: null, reviewerEmail: "", ...input,
  } as EngagementCreateValues;
  const assumptions = assumptionsFromQuoteInputs({ destinationFee, destinationFeeBasis, sourceFee, sourceFeeBasis, waves, teamFte }, values);
  // INVARIANT: the stored document is a valid contract Assumptions (the form's ranges are the contract's)
  const contract = AssumptionsSchema.safeParse(assumptions);
  if (!contract.success) throw new AppError("INVALID", "These inputs are outside the estimate's ranges.", { _form: contract.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) });
  return db.$transaction(async (tx) => {
    const reviewer = reviewerEmail
      ? await tx.user.findFirst({ where: { email: reviewerEmail, organizationId: actor.organizationId, disabledAt: null }, select: { id: true } })
      : null;
    if (reviewerEmail && !reviewer) throw new AppError("INVALID", "No active user with that email in your organization.", { reviewerEmail: ["No active user with that email in your organization"] });
    if (reviewer?.id === actor.id) throw new AppError("INVALID", "You are the lead of this engagement.", { reviewerEmail: ["That is you: you become the lead. Enter the clinical lead's email, or leave it blank"] });
    const created = await tx.engagement.create({
      data: {
        ...toColumns(values),
        assumptions: assumptions as object,
        organizationId: actor.organizationId,
        createdById: actor.id,
        memberships: { create: [{ userId: actor.id, role: "lead" }, ...(reviewer ? [{ userId: reviewer.id, role: "clinical_reviewer" as const }] : [])] },
      },
      select: { id: true },
    });
    const who = { id: actor.id, email: actor.email, role: "lead" as const };
    const base = { organizationId: actor.organizationId, engagementId: created.id, actor: who, requestId };
    await appendAuditEvent(tx, { ...base, action: "engagement.create", entityType: "engagement", entityId: created.id, changes: values });
    if (Object.keys(assumptions).length > 0) {
      await appendAuditEvent(tx, { ...base, action: "assumptions.update", entityType: "engagement", entityId: created.id, changes: diffAssumptions(readAssumptions({}), contract.data) });
    }
    if (auditPolicy !== "undecided") {
      const policy = await tx.auditTrailPolicy.create({ data: { engagementId: created.id, policy: auditPolicy }, select: { id: true } });
      await appendAuditEvent(tx, { ...base, action: "audit_policy.create", entityType: "audit_policy", entityId: policy.id, changes: { policy: { from: null, to: auditPolicy } } });
    }
    if (reviewer) {
      await appendAuditEvent(tx, { ...base, action: "member.add", entityType: "membership", entityId: reviewer.id, changes: { role: { from: null, to: "clinical_reviewer" }, email: reviewerEmail } });
    }
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
