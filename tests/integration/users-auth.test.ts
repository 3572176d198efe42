// Sign-in (argon2id, throttling, audit) and organization user administration, including cross-firm isolation.
import { beforeAll, describe, expect, it } from "vitest";
import { mockNextRuntime, signInAs } from "./support/session";
mockNextRuntime();

import { db } from "@/lib/db";
import { createOrganization, createUser, TEST_PASSWORD, uniqueSuffix } from "@/lib/factories";
import { authorizeCredentials } from "@/lib/auth/options";
import { createUserAction, resetPasswordAction, setUserDisabledAction, signOutEverywhereAction } from "@/lib/users/actions";

let admin: Awaited<ReturnType<typeof createUser>>;
let member: Awaited<ReturnType<typeof createUser>>;
let foreignUser: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  const org = await createOrganization(db);
  admin = await createUser(db, { organizationId: org.id, isOrgAdmin: true });
  member = await createUser(db, { organizationId: org.id });
  foreignUser = await createUser(db, { organizationId: (await createOrganization(db)).id });
});

describe("credentials sign-in", () => {
  it("accepts the right password (email case-insensitive) and audits it", async () => {
    const user = await authorizeCredentials({ email: member.email.toUpperCase(), password: TEST_PASSWORD }, `10.0.0.${Math.floor(Math.random() * 200)}`);
    expect(user).toMatchObject({ id: member.id, email: member.email });
    expect(await db.auditEvent.count({ where: { actorId: member.id, action: "auth.sign_in" } })).toBeGreaterThan(0);
  });

  it("refuses a wrong password and an unknown email with the same answer", async () => {
    expect(await authorizeCredentials({ email: member.email, password: "wrong-password-123" }, "10.1.0.1")).toBeNull();
    expect(await authorizeCredentials({ email: `nobody-${uniqueSuffix()}@x.test`, password: "wrong-password-123" }, "10.1.0.1")).toBeNull();
    expect(await db.auditEvent.count({ where: { entityId: member.id, action: "auth.sign_in_failed" } })).toBeGreaterThan(0);
  });

  it("blocks an account+IP after 10 consecutive failures, even with the right password", async () => {
    const victim = await createUser(db, { organizationId: admin.organizationId });
    const ip = `10.2.${Math.floor(Math.random() * 200)}.1`;
    for (let i = 0; i < 10; i++) expect(await authorizeCredentials({ email: victim.email, password: "not-the-password" }, ip)).toBeNull();
    await expect(authorizeCredentials({ email: victim.email, password: TEST_PASSWORD }, ip)).rejects.toThrow("RATE_LIMITED");
    // another IP is not blocked for that account
    expect(await authorizeCredentials({ email: victim.email, password: TEST_PASSWORD }, "10.3.0.1")).toMatchObject({ id: victim.id });
  });

  it("refuses a disabled user", async () => {
    const u = await createUser(db, { organizationId: admin.organizationId });
    await db.user.update({ where: { id: u.id }, data: { disabledAt: new Date() } });
    expect(await authorizeCredentials({ email: u.email, password: TEST_PASSWORD }, "10.4.0.1")).toBeNull();
  });
});

describe("user administration", () => {
  it("non-admins get NOT_FOUND from every admin action", async () => {
    signInAs(member);
    expect(await createUserAction({ name: "X", email: `x-${uniqueSuffix()}@x.test`, password: "a-strong-password-1" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await resetPasswordAction({ userId: admin.id, password: "a-strong-password-1" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await setUserDisabledAction({ userId: admin.id }, true)).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("an admin creates a user who can then sign in; duplicates and weak passwords get field errors", async () => {
    signInAs({ ...admin, isOrgAdmin: true });
    const email = `new-${uniqueSuffix()}@x.test`;
    expect(await createUserAction({ name: "New Person", email, password: "short" })).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { password: expect.any(Array) } });
    const res = await createUserAction({ name: "New Person", email, password: "a-strong-password-1" });
    expect(res).toMatchObject({ ok: true });
    expect(await authorizeCredentials({ email, password: "a-strong-password-1" }, "10.5.0.1")).toMatchObject({ email });
    expect(await createUserAction({ name: "Again", email, password: "a-strong-password-1" })).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { email: expect.any(Array) } });
  });

  it("an admin resets a password (ending existing sessions) and disables a user — only in their own firm", async () => {
    signInAs({ ...admin, isOrgAdmin: true });
    const before = await db.user.findUniqueOrThrow({ where: { id: member.id }, select: { sessionVersion: true } });
    expect(await resetPasswordAction({ userId: member.id, password: "another-strong-pass-2" })).toMatchObject({ ok: true });
    const after = await db.user.findUniqueOrThrow({ where: { id: member.id }, select: { sessionVersion: true } });
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await authorizeCredentials({ email: member.email, password: "another-strong-pass-2" }, "10.6.0.1")).toMatchObject({ id: member.id });

    expect(await resetPasswordAction({ userId: foreignUser.id, password: "another-strong-pass-2" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await setUserDisabledAction({ userId: foreignUser.id }, true)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await setUserDisabledAction({ userId: admin.id }, true)).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("sign out everywhere bumps the session version", async () => {
    signInAs(member);
    const before = await db.user.findUniqueOrThrow({ where: { id: member.id }, select: { sessionVersion: true } });
    expect(await signOutEverywhereAction()).toMatchObject({ ok: true });
    const after = await db.user.findUniqueOrThrow({ where: { id: member.id }, select: { sessionVersion: true } });
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
  });
});
