// Full-page screenshots of every estimate page with the golden fixtures, for a human look (not assertions):
//   npm run screenshots -- estimate   → PNGs in /tmp/shots/
import { test } from "@playwright/test";
import { createWorld, signIn, type E2eWorld } from "../e2e/support/world";
import { seedFixture } from "../e2e/support/fixtures";

let world: E2eWorld;
test.beforeAll(async () => {
  world = await createWorld({ clientName: `Cedar Valley Medical Group ${Date.now()}` });
  await seedFixture(world.engagement.id, "mid-size-type-a.json");
});

test("screenshots of every estimate page", async ({ page }) => {
  test.setTimeout(240_000);
  const eid = world.engagement.id;
  const b = await createWorld({ clientName: `Riverbend Recovery Health ${Date.now()}` });
  await seedFixture(b.engagement.id, "mid-size-type-b.json");
  await page.setViewportSize({ width: 1440, height: 1000 });
  await signIn(page, world.lead.email);
  // full page, plus 1,100-pixel slices that can be looked at one by one
  const shot = async (name: string) => {
    await page.waitForTimeout(400);
    await page.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0, i = 1; y < height; y += 1100, i++) {
      await page.screenshot({ path: `/tmp/shots/${name}-${i}.png`, fullPage: true, clip: { x: 0, y, width: 1440, height: Math.min(1100, height - y) } });
    }
  };
  await page.goto(`/engagements/${eid}/estimate`);
  await shot("estimate-a");
  await page.getByLabel("Explain: Phase 1 — foundation").click();
  await page.getByRole("region", { name: "How “Phase 1 — foundation” is computed" }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/shots/estimate-explain.png" });
  await page.goto(`/engagements/${eid}/assumptions`);
  await shot("assumptions-a");
  await page.goto(`/engagements/${eid}/assumptions#constant-phase.P1.min`);
  await page.waitForTimeout(600);
  await page.screenshot({ path: "/tmp/shots/assumptions-anchor.png" });
  await page.goto(`/engagements/${eid}/estimate/scenarios?variants=${encodeURIComponent(JSON.stringify([{ name: "Source ramps down", changes: { "license.sourceRampsDownPerWave": true, "license.sourceNoticeMonths": 2 } }, { name: "Team of 16", changes: { teamFte: 16, interfaceEngineers: 4 } }]))}`);
  await shot("scenarios");
  await page.goto(`/engagements/${eid}/estimate/baselines`);
  await shot("baselines");
  const first = page.getByRole("link", { name: "Compare with now →" }).first();
  if (await first.count()) {
    await first.click();
    await page.getByRole("heading", { level: 1 }).waitFor();
    await shot("baseline-compare");
  }
  await page.context().clearCookies();
  await signIn(page, b.lead.email);
  await page.goto(`/engagements/${b.engagement.id}/estimate`);
  await shot("estimate-b");
  await page.goto(`/engagements/${b.engagement.id}/assumptions`);
  await shot("assumptions-b");
  await page.context().clearCookies();
  await signIn(page, world.reviewer.email);
  await page.goto(`/engagements/${eid}/estimate`);
  await shot("estimate-reviewer");
  await page.goto(`/engagements/${eid}/assumptions`);
  await shot("assumptions-reviewer");
});
