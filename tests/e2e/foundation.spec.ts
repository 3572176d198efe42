// Foundation journeys: sign-in per role against the access matrix, engagement create/edit, field errors,
// cross-tenant 404s, anonymous redirects, sign-out.
import { expect, test } from "@playwright/test";
import { createWorld, signIn, type E2eWorld } from "./support/world";
import { e2eDb } from "./support/db";

let world: E2eWorld;
test.beforeAll(async () => {
  world = await createWorld({ clientName: `Harbor Clinic ${Date.now()}` });
});

const sections = (id: string) => [`/engagements/${id}`, `/engagements/${id}/data`, `/engagements/${id}/members`, `/engagements/${id}/estimate`];

test("anonymous requests to every page redirect to sign-in", async ({ page }) => {
  for (const path of ["/engagements", `/engagements/${world.engagement.id}`, `/engagements/${world.engagement.id}/risks`, "/admin/users"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    await expect(page.getByRole("heading", { name: "Sign in to Sounding" })).toBeVisible();
  }
});

test("a wrong password is refused with a generic message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(world.consultant.email);
  await page.getByLabel("Password").fill("not-the-right-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "incorrect" })).toHaveText("Email or password is incorrect.");
});

const expectations = {
  lead: { settings: true, activity: true, members: "Add member" },
  consultant: { settings: true, activity: true, members: null },
  reviewer: { settings: false, activity: false, members: null },
  executive: { settings: false, activity: false, members: null },
} as const;

for (const role of Object.keys(expectations) as (keyof typeof expectations)[]) {
  test(`${role} signs in and sees what the matrix allows`, async ({ page }) => {
    const exp = expectations[role];
    await signIn(page, world[role].email);
    await expect(page.getByRole("link", { name: world.engagement.clientName })).toBeVisible();
    await page.getByRole("link", { name: world.engagement.clientName }).click();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Engagement sections" });
    await expect(nav.getByRole("link", { name: "Overview" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(exp.settings ? 1 : 0);
    await expect(nav.getByRole("link", { name: "Activity log" })).toHaveCount(exp.activity ? 1 : 0);
    const settings = await page.goto(`/engagements/${world.engagement.id}/settings`);
    if (exp.settings) await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
    else {
      expect(settings?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    }
    await page.goto(`/engagements/${world.engagement.id}/members`);
    await expect(page.getByRole("button", { name: "Add member" })).toHaveCount(exp.members ? 1 : 0);
  });
}

test("a consultant creates an engagement, sees field errors for bad input (nothing saved), then edits it", async ({ page }) => {
  await signIn(page, world.consultant.email);
  await page.getByRole("link", { name: "New engagement" }).first().click();
  const client = `Bayside Recovery ${Date.now()}`;
  await page.getByLabel("Client organization").fill(client);
  await page.getByLabel("Engagement name").fill("Custom EMR build");
  await page.getByText("Type B — custom replacement").click();
  await page.getByLabel("Providers").fill("thirty");
  await page.getByLabel("Locations").fill("6");
  await page.getByLabel("Specialties").fill("2");
  await page.getByLabel("EMR users (staff)").fill("150");
  await page.getByLabel("Active patients").fill("150,000");
  await page.getByLabel("Years of data").fill("9");
  await page.getByRole("button", { name: "Create engagement" }).click();
  await expect(page.getByText("Enter a whole number")).toBeVisible();
  await expect(page.getByLabel("Providers")).toHaveAttribute("aria-invalid", "true");
  expect(await e2eDb().engagement.count({ where: { clientName: client } })).toBe(0);

  await page.getByLabel("Providers").fill("30");
  await page.getByRole("button", { name: "Create engagement" }).click();
  await expect(page).toHaveURL(/\/engagements\/[a-z0-9]+$/);
  await expect(page.getByText(client).first()).toBeVisible();
  const created = await e2eDb().engagement.findFirstOrThrow({ where: { clientName: client } });
  expect(created).toMatchObject({ providers: 30, activePatients: 150_000, migrationType: "B" });

  await page.getByRole("link", { name: "Edit details" }).click();
  await page.getByLabel("Providers").fill("34");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved")).toBeVisible();
  await expect.poll(async () => (await e2eDb().engagement.findUniqueOrThrow({ where: { id: created.id } })).providers).toBe(34);
});

test("a consultant who is not a member gets 404 on every page of the engagement", async ({ page }) => {
  await signIn(page, world.outsider.email);
  await expect(page.getByText(world.engagement.clientName)).toHaveCount(0);
  for (const path of sections(world.engagement.id)) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
  // a member still gets 200
  await page.context().clearCookies();
  await signIn(page, world.lead.email);
  const ok = await page.goto(`/engagements/${world.engagement.id}`);
  expect(ok?.status()).toBe(200);
});

test("sign-out ends the session", async ({ page }) => {
  await signIn(page, world.executive.email);
  await page.getByRole("button", { name: /Executive/ }).click();
  await page.getByRole("menuitem", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/engagements");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a page view prefetches only the links the reader reaches for (pointer or keyboard), not every link in sight", async ({ page }) => {
  await signIn(page, world.lead.email);
  const prefetches: string[] = [];
  page.on("request", (r) => {
    if (r.headers()["next-router-prefetch"]) prefetches.push(new URL(r.url()).pathname);
  });
  const base = `/engagements/${world.engagement.id}`;
  await page.goto(base);
  await page.waitForLoadState("networkidle");
  // the sidebar, the engagement menu and the page's own links are all in sight: none of them was fetched
  expect(prefetches).toEqual([]);
  const nav = page.getByRole("navigation", { name: "Engagement sections" });
  await nav.getByRole("link", { name: "Estimate" }).hover();
  await expect.poll(() => prefetches).toContain(`${base}/estimate`);
  await nav.getByRole("link", { name: "Risk register" }).focus();
  await expect.poll(() => prefetches).toContain(`${base}/risks`);
  expect(new Set(prefetches).size).toBe(2);
  // and the click still navigates
  await nav.getByRole("link", { name: "Risk register" }).click();
  await expect(page).toHaveURL(`${base}/risks`);
});
