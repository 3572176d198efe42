// Screenshots of entered wave go-live dates (issue 9 item 1): the assumptions form's waves editor with dates
// entered by keyboard (one the plan cannot make, one far ahead) and the estimate page's cutover section
// showing the entered date beside the planned one, at 1440 and 390 px:
//   npm run screenshots -- i9-dates   → PNGs in /tmp/shots/i9-dates-*.png
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { createWorld, signIn, type E2eWorld } from "../e2e/support/world";
import { seedFixture } from "../e2e/support/fixtures";

let world: E2eWorld;
test.beforeAll(async () => {
  fs.mkdirSync("/tmp/shots", { recursive: true });
  world = await createWorld({ clientName: `Cedar Valley Medical Group ${Date.now()}` });
  await seedFixture(world.engagement.id, "mid-size-type-a.json");
});

async function shot(page: Page, name: string, width: number) {
  await page.waitForTimeout(500);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  console.log(`${name} @ ${width}: horizontal overflow ${overflow} px`);
  await page.screenshot({ path: `/tmp/shots/i9-dates-${name}-${width}.png`, fullPage: false });
}

test.describe.configure({ mode: "serial" });

test("enter the dates on the assumptions form (keyboard), then look at both pages", async ({ page }) => {
  test.setTimeout(300_000);
  page.setDefaultTimeout(20_000);
  const eid = world.engagement.id;
  await page.setViewportSize({ width: 1440, height: 1000 });
  await signIn(page, world.lead.email);
  await page.goto(`/engagements/${eid}/assumptions`);
  // the fixture's wave plan (three waves); when it has none, enter three (60 providers, 350 users)
  await page.getByRole("heading", { name: /Cutover plan/ }).waitFor();
  for (let i = 1; i <= 3 && (await page.getByLabel("Wave 1 go-live not before (optional date)").count()) === 0; i++) {
    await page.getByRole("button", { name: "Add a wave" }).click();
    await page.getByLabel(`Wave ${i} providers`).fill("20");
    await page.getByLabel(`Wave ${i} users`).fill(i === 1 ? "120" : "115");
  }
  const first = page.getByLabel("Wave 1 go-live not before (optional date)");
  await first.focus();
  await first.fill("2026-03-02");
  await page.keyboard.press("Tab");
  await page.getByLabel("Wave 2 go-live not before (optional date)").fill("2028-06-05");
  // team by role (collapsed by default): open it from the keyboard, enter one data engineer
  await page.locator("summary", { hasText: "Team by role" }).focus();
  await page.keyboard.press("Enter");
  await page.getByLabel("Data migration engineers (FTE)").fill("1");
  await page.getByRole("button", { name: "Save assumptions" }).click();
  await expect(page.getByText(/Assumptions saved/)).toBeVisible({ timeout: 30_000 });
  for (const width of [1440, 390] as const) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 1000 });
    await page.goto(`/engagements/${eid}/assumptions#field-waves`);
    await page.locator("#field-waves").scrollIntoViewIfNeeded();
    await shot(page, "assumptions-waves", width);
    await page.locator("#team").scrollIntoViewIfNeeded();
    await page.getByLabel("Data migration engineers (FTE)").scrollIntoViewIfNeeded();
    await shot(page, "assumptions-team-by-role", width);
    await page.goto(`/engagements/${eid}/estimate`);
    await page.getByRole("heading", { name: "Team lanes" }).waitFor({ timeout: 90_000 });
    await page.locator("#tracks").scrollIntoViewIfNeeded();
    await shot(page, "estimate-tracks", width);
    await page.getByRole("table", { name: "Waves by go-live track" }).scrollIntoViewIfNeeded().catch(() => undefined);
    await shot(page, "estimate-tracks-table", width);
    await page.getByRole("heading", { name: "Team lanes" }).scrollIntoViewIfNeeded();
    await shot(page, "estimate-lanes", width);
  }
});
