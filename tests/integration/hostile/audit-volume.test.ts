// Issue 12 item 4: each refused probe used to append one or two hash-chained audit rows (1,659 from one
// user's probing). Refusals are now aggregated per actor + target + hour (count, first/last seen), with a
// chained row only for the first refusal of a window and at most REFUSAL_CHAIN_CAP targets per actor.
import { beforeAll, describe, expect, it } from "vitest";
import { mockNextRuntime } from "../support/session";
mockNextRuntime();

import { db } from "@/lib/db";
import { requireEngagementAccess } from "@/lib/auth/access";
import { REFUSAL_CHAIN_CAP, REFUSAL_WINDOW_MS, recordRefusedAccess } from "@/lib/audit/mutations";
import { createEngagementWorld } from "@/lib/factories";
import { findBrokenLink, type StoredChainRow } from "@/lib/audit/chain";

let world: Awaited<ReturnType<typeof createEngagementWorld>>;
beforeAll(async () => {
  world = await createEngagementWorld(db);
});

describe("refused access is aggregated", () => {
  it("200 probes of one engagement by a non-member: one chained row, a count of 200", async () => {
    const before = await db.auditEvent.count();
    for (let i = 0; i < 200; i++) await expect(requireEngagementAccess(world.outsider.id, world.engagement.id, "engagement.view")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.auditEvent.count()).toBe(before + 1);
    const rows = await db.refusedAccess.findMany({ where: { actorId: world.outsider.id, targetId: world.engagement.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ count: 200, targetType: "engagement", reason: "not_member", capability: "engagement.view", organizationId: world.outsider.organizationId });
    expect(rows[0]!.lastSeenAt.getTime()).toBeGreaterThanOrEqual(rows[0]!.firstSeenAt.getTime());
  }, 60_000);

  it("a role refusal (FORBIDDEN) is counted the same way", async () => {
    for (let i = 0; i < 5; i++) await expect(requireEngagementAccess(world.executive.id, world.engagement.id, "engagement.edit")).rejects.toMatchObject({ code: "FORBIDDEN" });
    const row = await db.refusedAccess.findFirstOrThrow({ where: { actorId: world.executive.id, targetId: world.engagement.id } });
    expect(row).toMatchObject({ count: 5, reason: "role_executive" });
  });

  it(`probing many ids chains at most ${REFUSAL_CHAIN_CAP} rows per actor and hour; the rest is counted`, async () => {
    const actorId = world.outsider.id;
    const now = new Date(Date.UTC(2030, 0, 1, 10, 30));
    const before = await db.auditEvent.count({ where: { actorId, action: "access.denied" } });
    for (let i = 0; i < REFUSAL_CHAIN_CAP + 30; i++) await recordRefusedAccess({ organizationId: world.outsider.organizationId, actorId, targetType: "engagement", targetId: `probe-${i}`, reason: "not_member" }, now);
    expect((await db.auditEvent.count({ where: { actorId, action: "access.denied" } })) - before).toBe(REFUSAL_CHAIN_CAP);
    expect(await db.refusedAccess.count({ where: { actorId, windowStart: new Date(Date.UTC(2030, 0, 1, 10)) } })).toBe(REFUSAL_CHAIN_CAP + 30);
    // the next window starts over: the first refusal is chained again
    const later = new Date(now.getTime() + REFUSAL_WINDOW_MS);
    expect(await recordRefusedAccess({ organizationId: null, actorId, targetType: "engagement", targetId: "probe-0", reason: "not_member" }, later)).toEqual({ count: 1, chained: true });
    expect(await recordRefusedAccess({ organizationId: null, actorId, targetType: "engagement", targetId: "probe-0", reason: "not_member" }, later)).toEqual({ count: 2, chained: false });
  }, 60_000);

  it("concurrent probes neither lose counts nor fork the chain", async () => {
    const actorId = world.outsider.id;
    const now = new Date(Date.UTC(2031, 5, 1, 8));
    const results = await Promise.all(Array.from({ length: 20 }, () => recordRefusedAccess({ organizationId: world.outsider.organizationId, actorId, targetType: "engagement", targetId: "race", reason: "not_member" }, now)));
    expect(results.filter((r) => r.chained)).toHaveLength(1);
    expect((await db.refusedAccess.findFirstOrThrow({ where: { actorId, targetId: "race" } })).count).toBe(20);
    const chain = await db.auditEvent.findMany({ where: { chainKey: `org:${world.outsider.organizationId}` }, orderBy: { id: "asc" } });
    expect(findBrokenLink(chain.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) as unknown as StoredChainRow[])).toBeNull();
  });

  it("an engagement id with a NUL is simply not found (no database error, nothing stored)", async () => {
    await expect(requireEngagementAccess(world.lead.id, `${world.engagement.id}\u0000`, "engagement.view")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
