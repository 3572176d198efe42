// Notification reads: the signed-in user's own inbox. The recipient is the tenant here — every query carries
// recipientId — and a notification is shown only while its recipient is still a member of its engagement.
import "server-only";
import { db } from "@/lib/db";
import { INBOX_PAGE_SIZE, type NotificationDto, type NotificationKind } from "@/lib/notifications/schema";

const visibleTo = (recipientId: string) => ({ recipientId, engagement: { memberships: { some: { userId: recipientId } } } });

const select = {
  id: true,
  engagementId: true,
  kind: true,
  subjectId: true,
  subjectName: true,
  actorName: true,
  excerpt: true,
  readAt: true,
  createdAt: true,
  engagement: { select: { clientName: true, name: true } },
} as const;

type Row = { id: string; engagementId: string; kind: string; subjectId: string; subjectName: string; actorName: string; excerpt: string; readAt: Date | null; createdAt: Date; engagement: { clientName: string; name: string } };

function toDto(r: Row): NotificationDto {
  return {
    id: r.id,
    engagementId: r.engagementId,
    engagementLabel: `${r.engagement.clientName} — ${r.engagement.name}`,
    kind: r.kind as NotificationKind,
    subjectId: r.subjectId,
    subjectName: r.subjectName,
    actorName: r.actorName,
    excerpt: r.excerpt,
    readAt: r.readAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

/** The newest notifications of a user (unread first when asked), with the unread count: two queries. */
export async function findNotifications(recipientId: string, opts: { unreadOnly?: boolean; limit?: number } = {}): Promise<{ items: NotificationDto[]; unread: number }> {
  const where = { ...visibleTo(recipientId), ...(opts.unreadOnly ? { readAt: null } : {}) };
  const [rows, unread] = await Promise.all([
    db.notification.findMany({ where, select, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: Math.min(opts.limit ?? INBOX_PAGE_SIZE, 200) }),
    countUnreadNotifications(recipientId),
  ]);
  return { items: rows.map(toDto), unread };
}

export async function countUnreadNotifications(recipientId: string): Promise<number> {
  return db.notification.count({ where: { ...visibleTo(recipientId), readAt: null } });
}

export type DigestBatch = { recipient: { id: string; email: string; name: string }; items: NotificationDto[] };

/** Unread notifications not e-mailed yet, per active recipient (for the digest). */
export async function findDigestBatches(limitPerRecipient = 100): Promise<DigestBatch[]> {
  const rows = await db.notification.findMany({
    where: { readAt: null, emailedAt: null, recipient: { disabledAt: null }, engagement: { memberships: { some: {} } } },
    select: { ...select, recipientId: true, recipient: { select: { id: true, email: true, name: true } }, engagement: { select: { clientName: true, name: true, memberships: { select: { userId: true } } } } },
    orderBy: [{ recipientId: "asc" }, { createdAt: "asc" }],
    take: 10_000,
  });
  const out = new Map<string, DigestBatch>();
  for (const r of rows) {
    if (!r.engagement.memberships.some((m) => m.userId === r.recipientId)) continue; // no longer a member
    const batch = out.get(r.recipientId) ?? { recipient: r.recipient, items: [] };
    if (batch.items.length < limitPerRecipient) batch.items.push(toDto(r));
    out.set(r.recipientId, batch);
  }
  return [...out.values()];
}
