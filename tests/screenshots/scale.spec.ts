// Screenshots of the large engagement's pages (npm run seed:large) for a human look, not assertions:
//   LARGE_ID=<id> [FAILED=1] npm run screenshots -- scale   → PNGs in /tmp/shots/scale-*.png
// FAILED=1: the estimate of the current inputs is expected to fail (e.g. a server started with
// ESTIMATE_BUDGET_MS=50 after an input change): the estimate page and the overview show the failure.
import { test } from "@playwright/test";
import { signIn } from "../e2e/support/world";

const id = process.env.LARGE_ID ?? "";
const failed = process.env.FAILED === "1";

test("screenshots of the large engagement's estimate and overview", async ({ page }) => {
  test.skip(!id, "set LARGE_ID to the large engagement's id (npm run seed:large prints it)");
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await signIn(page, "dana.lead@sounding.demo", "sounding-demo-2026");
  const tag = failed ? "failed" : "ok";
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 1000 });
    await page.goto(`/engagements/${id}/estimate`);
    if (failed) await page.getByTestId("estimate-failed").waitFor({ timeout: 120_000 });
    else await page.locator("#drivers").scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `/tmp/shots/scale-estimate-${tag}-${width}.png`, fullPage: failed });
    await page.goto(`/engagements/${id}`);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `/tmp/shots/scale-overview-${tag}-${width}.png` });
  }
});
