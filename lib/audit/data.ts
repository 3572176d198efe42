// Audit-log reads for one engagement, newest first, cursor-paginated by id.
import "server-only";
import { db } from "@/lib/db";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ACTIVITY_KINDS } from "@/lib/audit/labels";
import type { ActivityFilter } from "@/lib/audit/schema";

const DAY_MS = 86_400_000;

/** The WHERE of an activity filter: person (actor e-mail), kind (action prefixes), UTC days from..to inclusive. */
function filterWhere(engagementId: AuthorizedEngagementId, f: ActivityFilter & { action?: string }): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [{ engagementId }];
  if (f.action) and.push({ action: { startsWith: f.action } });
  if (f.person) and.push({ actorEmail: f.person === "system" ? "" : f.person });
  if (f.kind) and.push({ OR: ACTIVITY_KINDS[f.kind].prefixes.map((p) => ({ action: { startsWith: p } })) });
  if (f.from) and.push({ createdAt: { gte: new Date(`${f.from}T00:00:00.000Z`) } });
  if (f.to) and.push({ createdAt: { lt: new Date(new Date(`${f.to}T00:00:00.000Z`).getTime() + DAY_MS) } });
  return { AND: and };
}

const EVENT_SELECT = { id: true, createdAt: true, actorEmail: true, actorRole: true, action: true, entityType: true, entityId: true, changes: true, outcome: true } as const;

export async function findAuditEvents(engagementId: AuthorizedEngagementId, opts: { before?: string; take?: number; action?: string } & ActivityFilter = {}) {
  const take = Math.min(opts.take ?? 50, 200);
  const before = opts.before && /^\d+$/.test(opts.before) ? BigInt(opts.before) : undefined;
  const where = filterWhere(engagementId, opts);
  const rows = await db.auditEvent.findMany({
    where: before !== undefined ? { AND: [where, { id: { lt: before } }] } : where,
    orderBy: { id: "desc" },
    take: take + 1,
    select: EVENT_SELECT,
  });
  const page = rows.slice(0, take);
  return {
    events: page.map((r) => ({ ...r, id: r.id.toString(), createdAt: r.createdAt.toISOString(), changes: r.changes as Record<string, unknown> })),
    nextCursor: rows.length > take ? page[page.length - 1]!.id.toString() : null,
  };
}

/** Everyone who appears in the engagement's activity (for the person filter), by e-mail; "" is the system. */
export async function findAuditActors(engagementId: AuthorizedEngagementId): Promise<string[]> {
  const rows = await db.auditEvent.findMany({ where: { engagementId }, distinct: ["actorEmail"], select: { actorEmail: true }, orderBy: { actorEmail: "asc" } });
  return rows.map((r) => r.actorEmail);
}

/** The filtered activity for an export, newest first, at most `limit` rows (+1 to tell that there were more). */
export async function findAuditEventsForExport(engagementId: AuthorizedEngagementId, filter: ActivityFilter, limit: number) {
  const rows = await db.auditEvent.findMany({ where: filterWhere(engagementId, filter), orderBy: { id: "desc" }, take: limit + 1, select: EVENT_SELECT });
  return {
    events: rows.slice(0, limit).map((r) => ({ ...r, id: r.id.toString(), createdAt: r.createdAt.toISOString(), changes: r.changes as Record<string, unknown> })),
    truncated: rows.length > limit,
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
