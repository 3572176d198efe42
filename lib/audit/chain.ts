// Hash chain for the append-only audit log (TRUST.md): hash = sha256(prev_hash || canonical_json(entry)).
// Pure: used when appending and by the verify command.
import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

export const GENESIS_HASH = "0".repeat(64);

export type ChainedEntry = {
  chainKey: string;
  organizationId: string | null;
  engagementId: string | null;
  actorId: string | null;
  actorEmail: string;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string;
  changes: unknown;
  requestId: string;
  outcome: string;
  createdAt: string; // ISO 8601, UTC
};

export function hashEntry(prevHash: string, entry: ChainedEntry): string {
  const canonical = canonicalize(entry) ?? "";
  return createHash("sha256").update(prevHash).update(canonical).digest("hex");
}

export type StoredChainRow = ChainedEntry & { id: bigint | number; prevHash: string; hash: string };

/**
 * Returns the first broken link of one chain (rows in id order), or null when the chain is intact.
 * `prev` is the hash before the first row (GENESIS_HASH from the start; the last checked hash when a long
 * chain is verified in batches).
 */
export function findBrokenLink(rows: StoredChainRow[], prev: string = GENESIS_HASH): { id: string; reason: string } | null {
  for (const row of rows) {
    if (row.prevHash !== prev) return { id: String(row.id), reason: "prev_hash does not match the previous entry's hash" };
    const { id: _id, prevHash: _p, hash, ...entry } = row;
    if (hashEntry(prev, entry) !== hash) return { id: String(row.id), reason: "hash does not match the entry's content" };
    prev = hash;
  }
  return null;
}
