// Clinical review writes: comments, verdicts (approve / request changes) and sign-offs of the whole
// workflow inventory. Explicit ids, tenant-scoped, audit entry in the same transaction.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import type { Role } from "@/lib/auth/access-matrix";
import { appendAuditEvent } from "@/lib/audit/mutations";
import { findChangedSinceApprovalIds, findInventorySnapshot, inventoryFingerprint } from "@/lib/workflow-review/data";
import { unapprovedForSignOff, type ReviewStatus, type SnapshotItem } from "@/lib/workflow-review/schema";
import { REVIEW_STATUS_LABELS } from "@/lib/inventories/labels";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notifyChangesAnswered, notifyChangesRequested, notifySignOffRequested } from "@/lib/notifications/mutations";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

export type ReviewActor = { id: string; email: string; name: string; role: Role; organizationId: string };

const auditActor = (a: ReviewActor) => ({ id: a.id, email: a.email, role: a.role });

async function findItemOrThrow(tx: Tx, engagementId: AuthorizedEngagementId, workflowItemId: string) {
  // INVARIANT: the item must belong to this engagement — another engagement's id is NOT_FOUND, never a hint.
  const item = await tx.workflowItem.findFirst({
    where: { id: workflowItemId, engagementId },
    select: { id: true, name: true, kind: true, department: true, reviewStatus: true, version: true, updatedAt: true },
  });
  if (!item) throw new AppError("NOT_FOUND", "That workflow item does not exist (it may have been deleted).");
  return item;
}

/** A plain comment: the item and its review status do not change. */
export async function addWorkflowComment(engagementId: AuthorizedEngagementId, actor: ReviewActor, input: { workflowItemId: string; body: string }, requestId = "") {
  return db.$transaction(async (tx) => {
    const item = await findItemOrThrow(tx, engagementId, input.workflowItemId);
    const comment = await tx.workflowComment.create({
      data: { engagementId, workflowItemId: item.id, authorId: actor.id, authorName: actor.name, body: input.body, verdict: "comment" },
      select: { id: true, createdAt: true },
    });
    await appendAuditEvent(tx, {
      organizationId: actor.organizationId,
      engagementId,
      actor: auditActor(actor),
      action: "workflow.comment",
      entityType: "workflow_item",
      entityId: item.id,
      changes: { comment: input.body, item: item.name },
      requestId,
    });
    // a consultant's answer in the thread of an item whose changes were requested → the reviewer who asked
    if (item.reviewStatus === "changes_requested" && (actor.role === "lead" || actor.role === "consultant")) {
      await notifyChangesAnswered(tx, engagementId, actor.id, item, input.body);
    }
    return { commentId: comment.id };
  });
}

/**
 * Approve or request changes. The reviewer's verdict covers the version they looked at: if the item
 * changed meanwhile, CONFLICT with the current item (they must look again). The verdict comment and
 * the item's new review status share one timestamp, so "edited after approval" (updatedAt > approval
 * time) is exact.
 */
export async function reviewWorkflowItem(
  engagementId: AuthorizedEngagementId,
  actor: ReviewActor,
  input: { workflowItemId: string; version: number; verdict: "approved" | "changes_requested"; body: string },
  requestId = "",
) {
  return db.$transaction(async (tx) => {
    const before = await findItemOrThrow(tx, engagementId, input.workflowItemId);
    const at = new Date();
    const { count } = await tx.workflowItem.updateMany({
      where: { id: before.id, engagementId, version: input.version },
      data: { reviewStatus: input.verdict, version: { increment: 1 }, updatedAt: at },
    });
    if (count === 0) {
      throw new AppError(
        "CONFLICT",
        `“${before.name}” was changed by someone else after you opened it. Review the current version before giving a verdict.`,
        { id: before.id, version: before.version, reviewStatus: before.reviewStatus, updatedAt: before.updatedAt.toISOString() },
      );
    }
    const defaultBody = input.verdict === "approved" ? "Approved." : "";
    const comment = await tx.workflowComment.create({
      data: { engagementId, workflowItemId: before.id, authorId: actor.id, authorName: actor.name, body: input.body || defaultBody, verdict: input.verdict, createdAt: at },
      select: { id: true },
    });
    await appendAuditEvent(tx, {
      organizationId: actor.organizationId,
      engagementId,
      actor: auditActor(actor),
      action: input.verdict === "approved" ? "workflow.approve" : "workflow.request_changes",
      entityType: "workflow_item",
      entityId: before.id,
      changes: {
        reviewStatus: { from: before.reviewStatus, to: input.verdict },
        item: before.name,
        ...(input.body ? { comment: input.body } : {}),
      },
      requestId,
    });
    if (input.verdict === "changes_requested") await notifyChangesRequested(tx, engagementId, actor.id, before, input.body);
    return { commentId: comment.id, version: input.version + 1, reviewStatus: input.verdict as ReviewStatus, label: REVIEW_STATUS_LABELS[input.verdict] };
  });
}

/**
 * Sign off the whole inventory: freeze it as it is now. The signer was shown the inventory with
 * `fingerprint`; if it changed since, CONFLICT — they sign what they saw, or nothing.
 * Sign-offs are immutable: nothing in the app updates or deletes a WorkflowSignOff row.
 */
export async function signOffWorkflowInventory(engagementId: AuthorizedEngagementId, actor: ReviewActor, input: { note: string; fingerprint: string }, requestId = "") {
  // approvals edited since (read before the lock; the fingerprint check below refuses any later change)
  const stale = new Set(await findChangedSinceApprovalIds(engagementId));
  // Under a per-engagement advisory lock, so two simultaneous sign-offs are serialized (each is recorded).
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`workflow-signoff:${engagementId}`}, 0))`;
    const snapshot: SnapshotItem[] = await findInventorySnapshot(engagementId, tx);
    if (snapshot.length === 0) throw new AppError("INVALID", "There is nothing to sign off: the workflow inventory is empty.", { _form: ["The workflow inventory is empty."] });
    if (inventoryFingerprint(snapshot) !== input.fingerprint) {
      throw new AppError("CONFLICT", "The workflow inventory changed while you were looking at it. Reload to see the current inventory, then sign off again.");
    }
    // signing off what is not (or no longer) approved needs a reason, and the record names those items
    const unapproved = unapprovedForSignOff(snapshot.map((i) => ({ name: i.name, reviewStatus: i.reviewStatus, stale: stale.has(i.id) })));
    if (unapproved.length > 0 && !input.note.trim()) {
      const n = unapproved.length;
      throw new AppError("INVALID", "Say why you sign off with items that are not approved.", {
        note: [`${n} ${n === 1 ? "item is" : "items are"} not approved: say why you sign off anyway (it is kept with the sign-off).`],
      });
    }
    const counts = {
      approved: snapshot.filter((i) => i.reviewStatus === "approved").length,
      changesRequested: snapshot.filter((i) => i.reviewStatus === "changes_requested").length,
      notReviewed: snapshot.filter((i) => i.reviewStatus === "not_reviewed").length,
    };
    const created = await tx.workflowSignOff.create({
      data: { engagementId, signedById: actor.id, signedByName: actor.name, signedByRole: actor.role, note: input.note, snapshot: snapshot as unknown as Prisma.InputJsonValue },
      select: { id: true, createdAt: true },
    });
    await appendAuditEvent(tx, {
      organizationId: actor.organizationId,
      engagementId,
      actor: auditActor(actor),
      action: "workflow.signoff",
      entityType: "workflow_signoff",
      entityId: created.id,
      changes: { items: snapshot.length, ...counts, ...(input.note ? { note: input.note } : {}), ...(unapproved.length ? { unapproved: unapproved.slice(0, 200), unapprovedCount: unapproved.length } : {}) },
      requestId,
    });
    return { id: created.id, at: created.createdAt.toISOString(), itemCount: snapshot.length };
  });
}

/**
 * Ask the engagement's clinical reviewers to sign off the workflow inventory: each gets a notification
 * (and the next e-mail digest). Refused when there is nothing to sign off or nobody to ask.
 */
export async function requestWorkflowSignOff(engagementId: AuthorizedEngagementId, actor: ReviewActor, input: { note: string }, requestId = ""): Promise<{ notified: number }> {
  return db.$transaction(async (tx) => {
    const items = await tx.workflowItem.count({ where: { engagementId } });
    if (items === 0) throw new AppError("INVALID", "There is nothing to sign off yet: the workflow inventory is empty.", { _form: ["The workflow inventory is empty."] });
    const notified = await notifySignOffRequested(tx, engagementId, actor.id, input.note);
    if (notified === 0) throw new AppError("INVALID", "This engagement has no clinical reviewer yet: add one on the Members page.", { _form: ["No clinical reviewer to ask: add one on the Members page."] });
    await appendAuditEvent(tx, {
      organizationId: actor.organizationId,
      engagementId,
      actor: auditActor(actor),
      action: "workflow.signoff_request",
      entityType: "workflow_inventory",
      entityId: engagementId,
      changes: { items, notified, ...(input.note ? { note: input.note } : {}) },
      requestId,
    });
    return { notified };
  });
}
