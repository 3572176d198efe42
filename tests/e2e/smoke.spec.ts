// Smoke: the production build starts on a fresh embedded database and serves the sign-in page, and
// the e2e database helper reaches the same database (the seed's demo user exists there).
import { expect, test } from "@playwright/test";
import { e2eDb } from "./support/db";

test("the sign-in page renders", async ({ page }) => {
  const response = await page.goto("/sign-in");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to Sounding" })).toBeVisible();
  await expect(page.getByLabel("Email")).toBeVisible();
  await expect(page.getByLabel("Password")).toBeVisible();
});

test("e2e tests can reach the app's database", async () => {
  const db = e2eDb();
  const [{ ok }] = await db.$queryRaw<{ ok: number }[]>`SELECT 1 AS ok`;
  expect(ok).toBe(1);
  // the server seeded this same database: the demo lead exists
  expect(await db.user.count({ where: { email: "dana.lead@sounding.demo" } })).toBe(1);
});
