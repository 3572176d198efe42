// Reads of share links: the lead's list (tenant-scoped) and the lookup behind /share/<token>.
import "server-only";
import { db } from "@/lib/db";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { SHARE_TOKEN_PATTERN, shareLinkStatus, type ShareLinkDto } from "@/lib/share-links/schema";
import { hashShareToken } from "@/lib/share-links/token";

/** Every link of the engagement, newest first, with its access count and last opening (three queries). */
export async function findShareLinks(engagementId: AuthorizedEngagementId, now: Date = new Date()): Promise<ShareLinkDto[]> {
  const links = await db.shareLink.findMany({
    where: { engagementId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, label: true, createdAt: true, createdById: true, expiresAt: true, revokedAt: true },
  });
  if (links.length === 0) return [];
  const ids = links.map((l) => l.id);
  const creatorIds = [...new Set(links.map((l) => l.createdById).filter((id): id is string => id !== null))];
  const [stats, creators] = await Promise.all([
    db.shareLinkAccess.groupBy({ by: ["shareLinkId"], where: { shareLinkId: { in: ids }, shareLink: { engagementId } }, _count: { _all: true }, _max: { createdAt: true } }),
    creatorIds.length ? db.user.findMany({ where: { id: { in: creatorIds } }, select: { id: true, name: true } }) : Promise.resolve([]),
  ]);
  const statsBy = new Map(stats.map((s) => [s.shareLinkId, s]));
  const nameBy = new Map(creators.map((u) => [u.id, u.name]));
  return links.map((l) => {
    const st = statsBy.get(l.id);
    return {
      id: l.id,
      label: l.label,
      createdAt: l.createdAt.toISOString(),
      createdByName: (l.createdById && nameBy.get(l.createdById)) || "",
      expiresAt: l.expiresAt.toISOString(),
      revokedAt: l.revokedAt?.toISOString() ?? null,
      status: shareLinkStatus(l, now),
      accessCount: st?._count._all ?? 0,
      lastOpenedAt: st?._max.createdAt?.toISOString() ?? null,
    };
  });
}

export type ValidShareLink = {
  id: string;
  /** INVARIANT: authorized by the token itself — a valid (unrevoked, unexpired) link grants read access to its engagement's report */
  engagementId: AuthorizedEngagementId;
  expiresAt: string;
  organizationId: string;
};

/**
 * The link behind a presented token, or null when the token is malformed, unknown, revoked or expired —
 * one answer for all four, so a caller cannot tell them apart. Lookup by the token's hash (unique index).
 */
export async function findValidShareLink(token: string, now: Date = new Date()): Promise<ValidShareLink | null> {
  if (typeof token !== "string" || !SHARE_TOKEN_PATTERN.test(token)) return null;
  const link = await db.shareLink.findUnique({
    where: { tokenHash: hashShareToken(token) },
    select: { id: true, engagementId: true, expiresAt: true, revokedAt: true, engagement: { select: { organizationId: true, archivedAt: true } } },
  });
  if (!link || shareLinkStatus(link, now) !== "active") return null;
  return { id: link.id, engagementId: link.engagementId as AuthorizedEngagementId, expiresAt: link.expiresAt.toISOString(), organizationId: link.engagement.organizationId };
}
