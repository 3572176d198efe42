// Audit-log reads for one engagement, newest first, cursor-paginated by id.
import "server-only";
import { db } from "@/lib/db";
import type { AuthorizedEngagementId } from "@/lib/auth/access";

export async function findAuditEvents(engagementId: AuthorizedEngagementId, opts: { before?: string; take?: number; action?: string } = {}) {
  const take = Math.min(opts.take ?? 50, 200);
  const before = opts.before && /^\d+$/.test(opts.before) ? BigInt(opts.before) : undefined;
  const rows = await db.auditEvent.findMany({
    where: { engagementId, ...(before !== undefined ? { id: { lt: before } } : {}), ...(opts.action ? { action: { startsWith: opts.action } } : {}) },
    orderBy: { id: "desc" },
    take: take + 1,
    select: { id: true, createdAt: true, actorEmail: true, actorRole: true, action: true, entityType: true, entityId: true, changes: true, outcome: true },
  });
  const page = rows.slice(0, take);
  return {
    events: page.map((r) => ({ ...r, id: r.id.toString(), createdAt: r.createdAt.toISOString(), changes: r.changes as Record<string, unknown> })),
    nextCursor: rows.length > take ? page[page.length - 1]!.id.toString() : null,
  };
}
export type AuditEventDto = Awaited<ReturnType<typeof findAuditEvents>>["events"][number];

// ---- operator reads for `npm run audit:verify` (every chain, not tenant-scoped: never call from a page) ----

export async function findAuditChainKeys(): Promise<string[]> {
  const rows = await db.auditEvent.findMany({ distinct: ["chainKey"], select: { chainKey: true }, orderBy: { chainKey: "asc" } });
  return rows.map((r) => r.chainKey);
}

export async function findAuditChainBatch(chainKey: string, afterId: bigint | null, take: number) {
  const rows = await db.auditEvent.findMany({
    where: { chainKey, ...(afterId !== null ? { id: { gt: afterId } } : {}) },
    orderBy: { id: "asc" },
    take,
  });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
