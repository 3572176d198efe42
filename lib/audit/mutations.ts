// Appends to the audit log under a per-chain advisory lock so concurrent writers cannot fork the chain.
import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { GENESIS_HASH, hashEntry, type ChainedEntry } from "@/lib/audit/chain";
import { logError } from "@/lib/log";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

export type AuditInput = {
  organizationId?: string | null;
  engagementId?: string | null;
  actor?: { id: string | null; email?: string; role?: string } | null;
  action: string; // e.g. "engagement.update", "auth.sign_in_failed"
  entityType?: string;
  entityId?: string;
  changes?: Record<string, unknown>;
  requestId?: string;
  outcome?: "success" | "failure" | "denied";
};

export function chainKeyFor(input: Pick<AuditInput, "engagementId" | "organizationId">): string {
  if (input.engagementId) return `engagement:${input.engagementId}`;
  if (input.organizationId) return `org:${input.organizationId}`;
  return "system";
}

/** Append inside the caller's transaction (the change and its audit entry commit together). */
export async function appendAuditEvent(tx: Tx, input: AuditInput): Promise<void> {
  const chainKey = chainKeyFor(input);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${chainKey}, 0))`;
  const last = await tx.auditEvent.findFirst({ where: { chainKey }, orderBy: { id: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const createdAt = new Date();
  const entry: ChainedEntry = {
    chainKey,
    organizationId: input.organizationId ?? null,
    engagementId: input.engagementId ?? null,
    actorId: input.actor?.id ?? null,
    actorEmail: input.actor?.email ?? "",
    actorRole: input.actor?.role ?? "",
    action: input.action,
    entityType: input.entityType ?? "",
    entityId: input.entityId ?? "",
    changes: JSON.parse(JSON.stringify(input.changes ?? {}, (_k, v) => (typeof v === "bigint" ? v.toString() : v))),
    requestId: input.requestId ?? "",
    outcome: input.outcome ?? "success",
    createdAt: createdAt.toISOString(),
  };
  const hash = hashEntry(prevHash, entry);
  await tx.auditEvent.create({
    data: { ...entry, changes: entry.changes as object, createdAt, prevHash, hash },
  });
}

/** Append on its own (sign-ins, refused access, exports). */
export async function recordAuditEvent(input: AuditInput): Promise<void> {
  await db.$transaction((tx) => appendAuditEvent(tx, input));
}

/** Field-level before → after for the fields that changed. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    const a = before[key];
    const b = after[key];
    const norm = (v: unknown) => (v instanceof Date ? v.toISOString() : typeof v === "bigint" ? v.toString() : v);
    if (JSON.stringify(norm(a)) !== JSON.stringify(norm(b))) out[key as string] = { from: norm(a), to: norm(b) };
  }
  return out;
}

// ---- refused access, aggregated (issue 12: probing must not inflate the hash-chained log) ----

/** One aggregate row per actor + target per hour. */
export const REFUSAL_WINDOW_MS = 60 * 60 * 1000;
/** Distinct targets per actor and window that still get a chained "access.denied" row; beyond: counted only. */
export const REFUSAL_CHAIN_CAP = 20;

export type RefusalInput = {
  organizationId: string | null;
  /** A user id, or `address:<ip>` for an anonymous sign-in attempt. */
  actorId: string;
  actorEmail?: string;
  targetType: string;
  targetId: string;
  capability?: string;
  reason: string;
  /** The chained row's action for the first refusal of a window (default "access.denied"). */
  action?: string;
  changes?: Record<string, unknown>;
};

/**
 * Counts a refusal in its actor+target+hour row (count, first/last seen) and, only for the first refusal of
 * that row and while the actor has at most REFUSAL_CHAIN_CAP targets in the window, appends one chained
 * audit event. Returns the window's count and whether a chained row was written.
 */
export async function recordRefusedAccess(input: RefusalInput, now: Date = new Date()): Promise<{ count: number; chained: boolean }> {
  const windowStart = new Date(Math.floor(now.getTime() / REFUSAL_WINDOW_MS) * REFUSAL_WINDOW_MS);
  const targetId = input.targetId.slice(0, 64);
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RefusedAccess" ("id", "organizationId", "actorId", "actorEmail", "targetType", "targetId", "windowStart", "capability", "reason", "count", "firstSeenAt", "lastSeenAt")
    VALUES (${randomUUID()}, ${input.organizationId}, ${input.actorId}, ${input.actorEmail ?? ""}, ${input.targetType}, ${targetId}, ${windowStart}, ${input.capability ?? ""}, ${input.reason}, 1, ${now}, ${now})
    ON CONFLICT ("actorId", "targetType", "targetId", "windowStart") DO UPDATE
      SET "count" = "RefusedAccess"."count" + 1, "lastSeenAt" = EXCLUDED."lastSeenAt", "capability" = EXCLUDED."capability", "reason" = EXCLUDED."reason"
    RETURNING "count"`;
  const count = Number(rows[0]?.count ?? 1);
  if (count !== 1) return { count, chained: false };
  const targets = await db.refusedAccess.count({ where: { actorId: input.actorId, windowStart } });
  if (targets > REFUSAL_CHAIN_CAP) return { count, chained: false };
  await recordAuditEvent({
    organizationId: input.organizationId,
    actor: input.actorId.startsWith("address:") ? null : { id: input.actorId, email: input.actorEmail ?? "" },
    action: input.action ?? "access.denied",
    entityType: input.targetType,
    entityId: targetId,
    outcome: "denied",
    changes: {
      ...input.changes,
      ...(input.capability ? { capability: input.capability } : {}),
      reason: input.reason,
      countedFrom: windowStart.toISOString(),
      ...(targets === REFUSAL_CHAIN_CAP ? { note: `further refusals of this actor until ${new Date(windowStart.getTime() + REFUSAL_WINDOW_MS).toISOString()} are counted, not chained` } : {}),
    },
  });
  return { count, chained: true };
}

// ---------- access events (views, downloads, exports): never fail the request they record ----------
const ACCESS_RETRY_DELAYS_MS = [250, 1_000, 4_000, 15_000];
/** How long an access event waits for the chain lock or a pool connection before it is deferred. */
const ACCESS_LOCK_WAIT_MS = 1_500;

/** One short transaction: waits at most ACCESS_LOCK_WAIT_MS for the engagement's chain lock (lock_timeout). */
async function appendAccessEvent(input: AuditInput): Promise<void> {
  await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '${ACCESS_LOCK_WAIT_MS}ms'`);
      await appendAuditEvent(tx, input);
    },
    { maxWait: ACCESS_LOCK_WAIT_MS, timeout: ACCESS_LOCK_WAIT_MS * 3 },
  );
}

function isTransient(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  // P2028: transaction API timeout (waiting for a pool connection); 55P03: lock_timeout on the chain lock; P1001/P1017: server gone
  return e?.code === "P2028" || e?.code === "P1001" || e?.code === "P1017" || e?.code === "55P03" || /timed? ?out|timeout|lock_not_available|too many clients|connection/i.test(e?.message ?? "");
}

/**
 * Record that someone viewed or downloaded something. Unlike recordAuditEvent it never throws: the
 * download has happened and must be delivered even when the audit chain is busy (20 people downloading
 * the PDF of one engagement queue behind its per-engagement chain lock). The first attempt is awaited
 * (so the entry is normally there when the response is), waiting at most 1.5 s for the chain lock or a
 * connection; if it fails for a transient reason (lock wait or pool timeout, database briefly away) it is retried in the background with backoff, each attempt a
 * fresh short transaction (no lock is held across the request). An entry still not written after the
 * last retry is logged in full (level error) so it can be replayed: it is never dropped silently.
 * Returns whether the entry was written by the awaited attempt.
 */
export async function recordAccessEvent(input: AuditInput): Promise<boolean> {
  try {
    await appendAccessEvent(input);
    return true;
  } catch (err) {
    if (!isTransient(err)) {
      logError("access audit entry could not be written (kept in this log line)", err, { auditEvent: input });
      return false;
    }
    void retryAccessEvent(input, 0);
    return false;
  }
}

async function retryAccessEvent(input: AuditInput, attempt: number): Promise<void> {
  const delay = ACCESS_RETRY_DELAYS_MS[attempt];
  if (delay === undefined) {
    logError("access audit entry could not be written after retries (kept in this log line)", new Error("audit retries exhausted"), { auditEvent: input });
    return;
  }
  await new Promise((r) => setTimeout(r, delay));
  try {
    await appendAccessEvent(input);
  } catch (err) {
    if (isTransient(err)) return retryAccessEvent(input, attempt + 1);
    logError("access audit entry could not be written (kept in this log line)", err, { auditEvent: input });
  }
}
