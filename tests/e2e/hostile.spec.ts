// Issue 12 against the running app (npm start: Next.js with the peer-address preload):
// - item 1: a rotating X-Forwarded-For no longer resets login throttling;
// - item 3: hostile sign-out callback URLs never 500 and never leave the origin; /api/auth/session with a
//   revoked cookie answers without the user and does not re-issue the cookie.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { e2eDb } from "./support/db";
import { E2E_BASE_URL } from "./support/paths";
import { createOrganization, createUser, TEST_PASSWORD } from "@/lib/factories";

async function csrf(request: APIRequestContext): Promise<string> {
  const r = await request.get("/api/auth/csrf");
  return ((await r.json()) as { csrfToken: string }).csrfToken;
}

async function signIn(request: APIRequestContext, email: string, password: string, headers: Record<string, string> = {}) {
  const res = await request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken: await csrf(request), json: "true", callbackUrl: "/engagements" },
    headers,
    maxRedirects: 0,
  });
  expect(res.status()).toBeLessThan(500);
  const body = (await res.json().catch(() => ({}))) as { url?: string };
  return new URL(body.url ?? res.headers().location ?? "/", E2E_BASE_URL).searchParams.get("error");
}

test.describe("issue 12 on the running app", () => {
  test("rotating X-Forwarded-For does not reset login throttling (the peer address counts)", async ({ playwright }) => {
    test.setTimeout(90_000);
    const db = e2eDb();
    const org = await createOrganization(db);
    const victim = await createUser(db, { organizationId: org.id });
    const request = await playwright.request.newContext({ baseURL: E2E_BASE_URL });
    for (let i = 0; i < 10; i++) expect(await signIn(request, victim.email, "not-the-password", { "X-Forwarded-For": `198.51.100.${i + 1}` })).toBe("CredentialsSignin");
    expect(await signIn(request, victim.email, TEST_PASSWORD, { "X-Forwarded-For": "203.0.113.77" })).toBe("RATE_LIMITED");
    const audit = await db.auditEvent.findFirst({ where: { entityId: victim.id, action: "auth.sign_in_failed" }, orderBy: { id: "desc" } });
    expect((audit?.changes as { ip?: string }).ip).toMatch(/^(127\.0\.0\.1|::1)$/);
    await request.dispose();
  });

  test("sign-out with hostile callback URLs answers without a 500 and stays on this origin", async ({ playwright }) => {
    const request = await playwright.request.newContext({ baseURL: E2E_BASE_URL });
    for (const callbackUrl of ["\\/evil.com", "%2F%2Fevil.com", "//evil.com", "https://evil.com", "http://[::1"]) {
      const res = await request.post("/api/auth/signout", { form: { csrfToken: await csrf(request), callbackUrl, json: "true" }, maxRedirects: 0 });
      expect(res.status(), callbackUrl).toBeLessThan(500);
      const url = ((await res.json()) as { url: string }).url;
      expect(new URL(url).origin, callbackUrl).toBe(new URL(E2E_BASE_URL).origin);
    }
    // the callback-url cookie is client-controlled too
    const withCookie = await playwright.request.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders: { cookie: "next-auth.callback-url=%5C%2Fevil.com" } });
    const res = await withCookie.get("/api/auth/signin", { maxRedirects: 0 });
    expect(res.status()).toBeLessThan(500);
    const post = await withCookie.post("/api/auth/signout", { form: { csrfToken: await csrf(withCookie), json: "true" }, maxRedirects: 0 });
    expect(post.status()).toBeLessThan(500);
    await withCookie.dispose();
    await request.dispose();
  });

  // A hostile callbackUrl in the QUERY STRING reached next-auth's own assertConfig check (500 "server
  // configuration"); the route (app/api/auth/[...nextauth]/route.ts) now hands next-auth a same-origin path.
  test("sign-out with a hostile callbackUrl in the query string answers without a 500", async ({ playwright }) => {
    const request = await playwright.request.newContext({ baseURL: E2E_BASE_URL });
    for (const callbackUrl of ["\\/evil.com", "%2F%2Fevil.com"]) {
      const viaQuery = await request.post(`/api/auth/signout?callbackUrl=${callbackUrl}`, { form: { csrfToken: await csrf(request), json: "true" }, maxRedirects: 0 });
      expect(viaQuery.status(), `query ${callbackUrl}`).toBeLessThan(500);
    }
    await request.dispose();
  });

  test("/api/auth/session with a revoked cookie: no user, no re-issued cookie", async ({ playwright }) => {
    const db = e2eDb();
    const org = await createOrganization(db);
    const user = await createUser(db, { organizationId: org.id });
    const request = await playwright.request.newContext({ baseURL: E2E_BASE_URL });
    expect(await signIn(request, user.email, TEST_PASSWORD)).toBeNull();
    const before = await request.get("/api/auth/session");
    expect(((await before.json()) as { user?: { id: string } }).user?.id).toBe(user.id);

    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } }); // sign-out everywhere
    const after = await request.get("/api/auth/session");
    expect(after.status()).toBe(200);
    expect(((await after.json()) as { user?: unknown }).user).toBeUndefined();
    const reissued = after.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie" && /session-token=[^;]+/.test(h.value) && !/session-token=;/.test(h.value) && !/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(h.value));
    expect(reissued).toEqual([]);
    await request.dispose();
  });
});
