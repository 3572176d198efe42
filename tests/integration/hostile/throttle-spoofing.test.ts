// Issue 12 item 1: login throttling keyed on a header the client sets was bypassed by rotating
// X-Forwarded-For. Through the real next-auth provider (authorize(credentials, req)), the address is now
// the TCP peer (the per-run header scripts/lib/peer-address.cjs sets), and an account is also throttled
// whatever the address.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { mockNextRuntime } from "../support/session";

const PEER_HEADER = vi.hoisted(() => {
  const name = "x-sounding-peer-0123456789abcdef01234567";
  process.env.SOUNDING_PEER_HEADER = name;
  delete process.env.TRUST_PROXY;
  return name;
});
mockNextRuntime();

import { db } from "@/lib/db";
import { authOptions } from "@/lib/auth/options";
import { LOGIN_LIMITS } from "@/lib/auth/throttle";
import { createOrganization, createUser, TEST_PASSWORD } from "@/lib/factories";

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
const provider = authOptions.providers[0] as unknown as { options: { authorize: Authorize } };
const authorize = (email: string, password: string, headers: Record<string, string>) => provider.options.authorize({ email, password }, { headers });

let orgId: string;
beforeAll(async () => {
  orgId = (await createOrganization(db)).id;
});

const rnd = () => Math.floor(Math.random() * 250) + 1;

describe("client address", () => {
  it("a rotating X-Forwarded-For does not reset the per-account+address counter", async () => {
    const victim = await createUser(db, { organizationId: orgId });
    const peer = `10.77.${rnd()}.${rnd()}`;
    for (let i = 0; i < LOGIN_LIMITS.perAccountAndAddress; i++) {
      expect(await authorize(victim.email, "not-the-password", { "x-forwarded-for": `198.51.100.${i + 1}`, [PEER_HEADER]: peer })).toBeNull();
    }
    await expect(authorize(victim.email, TEST_PASSWORD, { "x-forwarded-for": "203.0.113.250", [PEER_HEADER]: peer })).rejects.toThrow("RATE_LIMITED");
  }, 60_000);

  it("the audit log records the peer address, not the spoofed one", async () => {
    const u = await createUser(db, { organizationId: orgId });
    const peer = `10.78.${rnd()}.${rnd()}`;
    await authorize(u.email, "not-the-password", { "x-forwarded-for": "6.6.6.6", [PEER_HEADER]: peer });
    const row = await db.auditEvent.findFirst({ where: { entityId: u.id, action: "auth.sign_in_failed" }, orderBy: { id: "desc" } });
    expect((row?.changes as { ip?: string } | null)?.ip).toBe(peer);
  });

  it("a client cannot name itself with the peer header of another run", async () => {
    const u = await createUser(db, { organizationId: orgId });
    const peer = `10.79.${rnd()}.${rnd()}`;
    await authorize(u.email, "not-the-password", { "x-sounding-peer-ffffffffffffffffffffffff": "1.1.1.1", [PEER_HEADER]: peer });
    const row = await db.auditEvent.findFirst({ where: { entityId: u.id, action: "auth.sign_in_failed" }, orderBy: { id: "desc" } });
    expect((row?.changes as { ip?: string } | null)?.ip).toBe(peer);
  });
});

describe("per-account throttling regardless of address", () => {
  it(`after ${LOGIN_LIMITS.perAccountPerHour} failures from as many addresses, the account is blocked everywhere for the hour`, async () => {
    const victim = await createUser(db, { organizationId: orgId });
    const base = rnd();
    for (let i = 0; i < LOGIN_LIMITS.perAccountPerHour; i++) {
      expect(await authorize(victim.email, "not-the-password", { [PEER_HEADER]: `10.${base}.${i}.1` })).toBeNull();
    }
    await expect(authorize(victim.email, TEST_PASSWORD, { [PEER_HEADER]: `10.${base}.250.9` })).rejects.toThrow("RATE_LIMITED");
    // another account from the same addresses is not affected
    const other = await createUser(db, { organizationId: orgId });
    expect(await authorize(other.email, TEST_PASSWORD, { [PEER_HEADER]: `10.${base}.1.1` })).toMatchObject({ id: other.id });
  }, 120_000);
});
