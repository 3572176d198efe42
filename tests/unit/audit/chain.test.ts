import { describe, expect, it } from "vitest";
import { GENESIS_HASH, findBrokenLink, hashEntry, type ChainedEntry, type StoredChainRow } from "@/lib/audit/chain";

function entry(i: number): ChainedEntry {
  return {
    chainKey: "engagement:e1", organizationId: "o1", engagementId: "e1", actorId: "u1", actorEmail: "a@x.test", actorRole: "lead",
    action: "engagement.update", entityType: "engagement", entityId: "e1", changes: { b: i, a: { z: 1, y: 2 } }, requestId: `r${i}`,
    outcome: "success", createdAt: `2027-01-0${i}T00:00:00.000Z`,
  };
}

function chain(n: number): StoredChainRow[] {
  const rows: StoredChainRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const e = entry(i);
    const hash = hashEntry(prev, e);
    rows.push({ ...e, id: BigInt(i), prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe("audit hash chain", () => {
  it("hashes canonical JSON: key order does not matter", () => {
    const a = entry(1);
    const b = { ...a, changes: { a: { y: 2, z: 1 }, b: 1 } };
    expect(hashEntry(GENESIS_HASH, a)).toBe(hashEntry(GENESIS_HASH, b));
  });
  it("an intact chain verifies", () => {
    expect(findBrokenLink(chain(5))).toBeNull();
  });
  it("reports the first tampered entry", () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, changes: { b: 999 } };
    expect(findBrokenLink(rows)).toEqual({ id: "3", reason: expect.stringContaining("content") });
  });
  it("reports a deleted entry as a broken link", () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(findBrokenLink(rows)?.id).toBe("3");
  });
});
