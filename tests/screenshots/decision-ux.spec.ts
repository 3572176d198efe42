// Screenshots of the pages issue 11 changed, at 1440 and 390 px, for a human look (not assertions):
//   npm run screenshots -- decision-ux   → PNGs in /tmp/shots/ux-*.png
import { test, type Page } from "@playwright/test";
import { createWorld, signIn, type E2eWorld } from "../e2e/support/world";
import { seedFixture } from "../e2e/support/fixtures";

let world: E2eWorld;
test.beforeAll(async () => {
  world = await createWorld({ clientName: `Cedar Valley Medical Group ${Date.now()}` });
  await seedFixture(world.engagement.id, "mid-size-type-a.json");
});

const WIDTHS = [1440, 390] as const;

async function shot(page: Page, name: string, width: number) {
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/shots/ux-${name}-${width}.png`, fullPage: true });
}

for (const width of WIDTHS) {
  test(`pages at ${width} px`, async ({ page }) => {
    test.setTimeout(300_000);
    const eid = world.engagement.id;
    await page.setViewportSize({ width, height: width === 390 ? 844 : 1000 });
    await signIn(page, world.lead.email);
    const pages: [string, string][] = [
      ["list", "/engagements"],
      ["overview", `/engagements/${eid}`],
      ["estimate", `/engagements/${eid}/estimate`],
      ["assumptions", `/engagements/${eid}/assumptions`],
      ["report", `/engagements/${eid}/report`],
      ["review", `/engagements/${eid}/workflows/review`],
      ["activity", `/engagements/${eid}/activity`],
      ["new", "/engagements/new"],
      ["data", `/engagements/${eid}/data`],
    ];
    for (const [name, path] of pages) {
      await page.goto(path);
      await shot(page, name, width);
    }
    if (width === 390) {
      await page.goto(`/engagements/${eid}/estimate`);
      await page.getByRole("button", { name: "Sections" }).click();
      await page.screenshot({ path: `/tmp/shots/ux-menu-390.png` });
    }
  });
}
