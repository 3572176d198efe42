// E2E helpers: each test makes its own firm, users and engagement on the e2e database, and signs in
// through the real sign-in page.
import { expect, type Page } from "@playwright/test";
import { createEngagementWorld, TEST_PASSWORD } from "@/lib/factories";
import type { EngagementFormValues } from "@/lib/engagements/schema";
import { e2eDb } from "./db";

export type E2eWorld = Awaited<ReturnType<typeof createEngagementWorld>>;

export function createWorld(values: Partial<EngagementFormValues> = {}): Promise<E2eWorld> {
  return createEngagementWorld(e2eDb(), values);
}

export async function signIn(page: Page, email: string, password = TEST_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 30_000 }); // password hashing is slow on a loaded machine
}
