// Notification writes. The notify* functions run inside the transaction of the write that causes them
// (a verdict, a comment, an edit, a sign-off request), so a notification exists exactly when its cause does.
// Recipients are current, active members of the engagement with the right role; never the actor.
import "server-only";
import { db } from "@/lib/db";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { CAPABILITIES, type Role } from "@/lib/auth/access-matrix";
import { excerptOf, type NotificationKind } from "@/lib/notifications/schema";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];
type Subject = { id: string; name: string };

const APPROVERS = CAPABILITIES["workflow.approve"] as readonly Role[];
/** Who answers a change request: the engagement's consultants (and its lead). */
const ANSWERERS: Role[] = ["lead", "consultant"];

async function actorName(tx: Tx, actorId: string): Promise<string> {
  const u = await tx.user.findUnique({ where: { id: actorId }, select: { name: true, email: true } });
  return u?.name || u?.email || "";
}

async function members(tx: Tx, engagementId: string, roles: readonly Role[], exceptUserId: string): Promise<string[]> {
  const rows = await tx.membership.findMany({
    where: { engagementId, role: { in: [...roles] }, userId: { not: exceptUserId }, user: { disabledAt: null } },
    select: { userId: true },
  });
  return rows.map((r) => r.userId);
}

async function create(tx: Tx, engagementId: string, recipients: string[], kind: NotificationKind, actorId: string, subject: Subject | null, text: string): Promise<number> {
  if (recipients.length === 0) return 0;
  const name = await actorName(tx, actorId);
  const { count } = await tx.notification.createMany({
    data: recipients.map((recipientId) => ({
      recipientId,
      engagementId,
      kind,
      subjectType: subject ? "workflow_item" : "workflow_inventory",
      subjectId: subject?.id ?? "",
      subjectName: subject?.name ?? "",
      actorName: name,
      excerpt: excerptOf(text),
    })),
  });
  return count;
}

/** A reviewer requested changes on an item → the engagement's consultants and lead. */
export async function notifyChangesRequested(tx: Tx, engagementId: AuthorizedEngagementId, actorId: string, item: Subject, comment: string): Promise<number> {
  return create(tx, engagementId, await members(tx, engagementId, ANSWERERS, actorId), "changes_requested", actorId, item, comment);
}

/**
 * A consultant answered (commented on) or edited an item whose changes were requested → the reviewer who
 * requested them (the latest such verdict), if they may still review. One unread notice per item is enough:
 * repeated edits do not pile up.
 */
export async function notifyChangesAnswered(tx: Tx, engagementId: AuthorizedEngagementId, actorId: string, item: Subject, text: string): Promise<number> {
  const ask = await tx.workflowComment.findFirst({
    where: { engagementId, workflowItemId: item.id, verdict: "changes_requested" },
    orderBy: { createdAt: "desc" },
    select: { authorId: true },
  });
  if (!ask?.authorId || ask.authorId === actorId) return 0;
  const [reviewer] = await tx.membership.findMany({
    where: { engagementId, userId: ask.authorId, role: { in: [...APPROVERS] }, user: { disabledAt: null } },
    select: { userId: true },
  });
  if (!reviewer) return 0;
  const pending = await tx.notification.count({ where: { recipientId: reviewer.userId, engagementId, kind: "changes_answered", subjectId: item.id, readAt: null } });
  if (pending > 0) return 0;
  return create(tx, engagementId, [reviewer.userId], "changes_answered", actorId, item, text);
}

/** Sign-off of the workflow inventory was requested → the engagement's clinical reviewers. */
export async function notifySignOffRequested(tx: Tx, engagementId: AuthorizedEngagementId, actorId: string, note: string): Promise<number> {
  return create(tx, engagementId, await members(tx, engagementId, ["clinical_reviewer"], actorId), "signoff_requested", actorId, null, note);
}

/** Mark the recipient's own notifications read (others' ids match nothing). Returns how many changed. */
export async function markNotificationsRead(recipientId: string, which: { ids: string[] } | { all: true }): Promise<number> {
  const { count } = await db.notification.updateMany({
    where: { recipientId, readAt: null, ...("ids" in which ? { id: { in: which.ids } } : {}) },
    data: { readAt: new Date() },
  });
  return count;
}

/** The digest was sent: these notifications are not e-mailed again. */
export async function markNotificationsEmailed(recipientId: string, ids: string[], at: Date): Promise<number> {
  const { count } = await db.notification.updateMany({ where: { recipientId, id: { in: ids }, emailedAt: null }, data: { emailedAt: at } });
  return count;
}
