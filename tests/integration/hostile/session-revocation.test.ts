// Issue 12 item 3: /api/auth/session answered a revoked cookie (after sign-out everywhere, a password reset
// or disabling the user) with the user and re-issued the cookie. next-auth runs the jwt callback for that
// endpoint (and for getServerSession); it now checks sessionVersion and the account state like every page.
// The endpoint itself, cookie and all, is covered end to end in tests/e2e/hostile.spec.ts.
import { beforeAll, describe, expect, it } from "vitest";
import { mockNextRuntime } from "../support/session";
mockNextRuntime();

import type { JWT } from "next-auth/jwt";
import { db } from "@/lib/db";
import { authOptions } from "@/lib/auth/options";
import { createOrganization, createUser } from "@/lib/factories";

type JwtCallback = (args: { token: JWT }) => Promise<JWT>;
const jwt = authOptions.callbacks!.jwt as unknown as JwtCallback;
const now = () => Math.floor(Date.now() / 1000);

let orgId: string;
beforeAll(async () => {
  orgId = (await createOrganization(db)).id;
});

async function tokenFor(userId: string): Promise<JWT> {
  const u = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
  return { uid: userId, sv: u.sessionVersion, authTime: now(), lastSeen: now() } as JWT;
}

describe("the session endpoint's jwt check", () => {
  it("keeps a current session", async () => {
    const u = await createUser(db, { organizationId: orgId });
    await expect(jwt({ token: await tokenFor(u.id) })).resolves.toMatchObject({ uid: u.id });
  });

  it("ends a session whose sessionVersion was bumped (sign-out everywhere, password reset)", async () => {
    const u = await createUser(db, { organizationId: orgId });
    const token = await tokenFor(u.id);
    await db.user.update({ where: { id: u.id }, data: { sessionVersion: { increment: 1 } } });
    await expect(jwt({ token })).rejects.toThrow("session revoked");
  });

  it("ends the session of a disabled user", async () => {
    const u = await createUser(db, { organizationId: orgId });
    const token = await tokenFor(u.id);
    await db.user.update({ where: { id: u.id }, data: { disabledAt: new Date() } });
    await expect(jwt({ token })).rejects.toThrow("session revoked");
  });

  it("ends the session of a deleted user", async () => {
    await expect(jwt({ token: { uid: "no-such-user", sv: 1, authTime: now(), lastSeen: now() } as JWT })).rejects.toThrow("session revoked");
  });

  it("the redirect callback never throws on hostile callback URLs", async () => {
    const redirect = authOptions.callbacks!.redirect!;
    for (const url of ["\\/evil.com", "%2F%2Fevil.com", "http://[::1", "//evil.com"]) {
      const out = await redirect({ url, baseUrl: "http://localhost:3000" });
      expect(new URL(out).origin).toBe("http://localhost:3000");
    }
  });
});
