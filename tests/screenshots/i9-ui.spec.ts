// Screenshots of the pages issue 9's decision/UI half changed (estimate: tracks, blackouts, lanes; scenarios:
// type decision; report), at 1440 and 390 px, plus horizontal-overflow numbers, for a human look:
//   npm run screenshots -- i9-ui   → PNGs in /tmp/shots/i9-*.png
import fs from "node:fs";
import { test, type Page } from "@playwright/test";
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
  await page.screenshot({ path: `/tmp/shots/i9-${name}-${width}.png`, fullPage: true });
}

for (const width of [1440, 390] as const) {
  test(`estimate, scenarios and report at ${width} px`, async ({ page }) => {
    test.setTimeout(300_000);
    const eid = world.engagement.id;
    await page.setViewportSize({ width, height: width === 390 ? 844 : 1000 });
    await signIn(page, world.lead.email);
    await page.goto(`/engagements/${eid}/estimate`);
    await page.getByRole("heading", { name: "Team lanes" }).waitFor({ timeout: 60_000 });
    await shot(page, "estimate", width);
    await page.locator("#tracks").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/shots/i9-estimate-tracks-${width}.png`, clip: await sectionClip(page, "Go-live tracks and blackouts", "Team lanes") });
    await page.goto(`/engagements/${eid}/estimate/scenarios`);
    await page.getByRole("heading", { name: "Which type should this client choose?" }).waitFor({ timeout: 60_000 });
    await shot(page, "scenarios", width);
    await page.goto(`/engagements/${eid}/report`);
    await page.getByRole("heading", { name: "Which type should this client choose?" }).waitFor({ timeout: 60_000 });
    await shot(page, "report", width);
  });
}

/** The page area from one section heading to (the bottom of) the next, for a close look. */
async function sectionClip(page: Page, from: string, to: string) {
  const a = await page.getByRole("heading", { name: from }).boundingBox();
  const b = await page.getByRole("heading", { name: to }).boundingBox();
  const width = page.viewportSize()?.width ?? 1440;
  const y = Math.max(0, (a?.y ?? 0) - 20);
  return { x: 0, y, width, height: Math.max(200, (b?.y ?? y + 900) + 700 - y) };
}
