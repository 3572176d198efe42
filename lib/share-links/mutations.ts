// Share-link writes: create (token shown once, only its hash stored), revoke, and record an opening — each
// with its audit entry in the same transaction.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import type { Role } from "@/lib/auth/access-matrix";
import { appendAuditEvent } from "@/lib/audit/mutations";
import type { CreatedShareLink, ShareLinkFormValues } from "@/lib/share-links/schema";
import type { ValidShareLink } from "@/lib/share-links/data";
import { generateShareToken, hashShareToken, sharePath } from "@/lib/share-links/token";

export type ShareActor = { id: string; email: string; role: Role; organizationId: string };

const DAY_MS = 24 * 60 * 60 * 1000;

export async function createShareLink(engagementId: AuthorizedEngagementId, actor: ShareActor, values: ShareLinkFormValues, requestId = "", now: Date = new Date()): Promise<CreatedShareLink> {
  const token = generateShareToken();
  const expiresAt = new Date(now.getTime() + values.days * DAY_MS);
  return db.$transaction(async (tx) => {
    const link = await tx.shareLink.create({
      data: { engagementId, tokenHash: hashShareToken(token), label: values.label, createdById: actor.id, expiresAt, createdAt: now },
      select: { id: true },
    });
    // INVARIANT: the token never reaches the audit log or any table — only its hash is stored.
    await appendAuditEvent(tx, {
      organizationId: actor.organizationId,
      engagementId,
      actor: { id: actor.id, email: actor.email, role: actor.role },
      action: "share.create",
      entityType: "share_link",
      entityId: link.id,
      changes: { label: values.label, days: values.days, expiresAt: expiresAt.toISOString() },
      requestId,
    });
    return { id: link.id, path: sharePath(token), expiresAt: expiresAt.toISOString() };
  });
}

/** Revoke at once; revoking a revoked link changes nothing. A link of another engagement is NOT_FOUND. */
export async function revokeShareLink(engagementId: AuthorizedEngagementId, actor: ShareActor, shareLinkId: string, requestId = "", now: Date = new Date()): Promise<{ revokedAt: string }> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.shareLink.updateMany({ where: { id: shareLinkId, engagementId, revokedAt: null }, data: { revokedAt: now } });
    if (count === 0) {
      const existing = await tx.shareLink.findFirst({ where: { id: shareLinkId, engagementId }, select: { revokedAt: true } });
      if (!existing) throw new AppError("NOT_FOUND", "That share link does not exist (any more).");
      return { revokedAt: (existing.revokedAt ?? now).toISOString() };
    }
    await appendAuditEvent(tx, {
      organizationId: actor.organizationId,
      engagementId,
      actor: { id: actor.id, email: actor.email, role: actor.role },
      action: "share.revoke",
      entityType: "share_link",
      entityId: shareLinkId,
      changes: { revokedAt: now.toISOString() },
      requestId,
    });
    return { revokedAt: now.toISOString() };
  });
}

/** One opening of a valid link by someone without an account: ShareLinkAccess + audit entry (share.open). */
export async function recordShareOpen(link: ValidShareLink, visitor: { ip: string; userAgent: string }, requestId = ""): Promise<void> {
  const ip = visitor.ip.slice(0, 64);
  const userAgent = visitor.userAgent.slice(0, 512);
  await db.$transaction(async (tx) => {
    await tx.shareLinkAccess.create({ data: { shareLinkId: link.id, ip, userAgent } });
    await appendAuditEvent(tx, {
      organizationId: link.organizationId,
      engagementId: link.engagementId,
      actor: null,
      action: "share.open",
      entityType: "share_link",
      entityId: link.id,
      changes: { ip, userAgent },
      requestId,
    });
  });
}
