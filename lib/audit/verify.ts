// Verifies every audit hash chain in batches; reports the first broken link of each broken chain.
import "server-only";
import { findBrokenLink, GENESIS_HASH, type StoredChainRow } from "@/lib/audit/chain";
import { findAuditChainBatch, findAuditChainKeys } from "@/lib/audit/data";

export type ChainReport = { chainKey: string; entries: number; broken: { id: string; reason: string } | null };

export async function verifyAuditChains(batchSize = 5_000): Promise<ChainReport[]> {
  const reports: ChainReport[] = [];
  for (const chainKey of await findAuditChainKeys()) {
    let prev = GENESIS_HASH;
    let afterId: bigint | null = null;
    let entries = 0;
    let broken: ChainReport["broken"] = null;
    for (;;) {
      const rows = await findAuditChainBatch(chainKey, afterId, batchSize);
      if (rows.length === 0) break;
      broken = findBrokenLink(rows as unknown as StoredChainRow[], prev);
      entries += rows.length;
      if (broken) break;
      prev = rows[rows.length - 1]!.hash;
      afterId = rows[rows.length - 1]!.id;
    }
    reports.push({ chainKey, entries, broken });
  }
  return reports;
}
