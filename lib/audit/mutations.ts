// Appends to the audit log under a per-chain advisory lock so concurrent writers cannot fork the chain.
import "server-only";
import { db } from "@/lib/db";
import { GENESIS_HASH, hashEntry, type ChainedEntry } from "@/lib/audit/chain";

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
