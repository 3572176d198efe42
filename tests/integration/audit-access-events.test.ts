// Access events (downloads, exports) never fail the request they record: with the engagement's audit
// chain held longer than a transaction may wait, recordAccessEvent returns (no throw) and the entry is
// written by a background retry once the chain is free — it is not lost.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createEngagementWorld } from "@/lib/factories";
import { chainKeyFor, recordAccessEvent } from "@/lib/audit/mutations";

describe("recordAccessEvent", { timeout: 60_000 }, () => {
  it("does not throw while the chain lock is held past the transaction timeout, and writes the entry afterwards", async () => {
    const world = await createEngagementWorld(db);
    const engagementId = world.engagement.id;
    const chainKey = chainKeyFor({ engagementId });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    // another writer holds the engagement's chain lock for a long time
    const holder = db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${chainKey}, 0))`;
        locked();
        await held;
      },
      { timeout: 30_000, maxWait: 5_000 },
    );
    await isLocked;
    const t0 = Date.now();
    const written = await recordAccessEvent({ organizationId: world.org.id, engagementId, actor: { id: world.lead.id, email: world.lead.email, role: "lead" }, action: "report.pdf_download", entityType: "engagement", entityId: engagementId, changes: { format: "pdf" } });
    expect(written).toBe(false);
    expect(Date.now() - t0).toBeLessThan(6_000);
    release();
    await holder;
    for (let i = 0; i < 80; i++) {
      const n = await db.auditEvent.count({ where: { engagementId, action: "report.pdf_download" } });
      if (n === 1) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error("the access event was never written");
  });
});
