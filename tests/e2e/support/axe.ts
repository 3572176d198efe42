// One axe check for the whole e2e suite: WCAG 2.0/2.1/2.2 A and AA, plus the heading-order and skip-link best
// practices. Zero violations allowed; soft, so one page's findings do not hide the next page's. Every axe
// check of the e2e suite goes through here.
import { AxeBuilder } from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
/** Best-practice rules held to as well: headings in order, and a page that can be skipped to its content. */
export const EXTRA_RULES = ["heading-order", "skip-link"];

/** What one check did and where its time went (ms): opening the page, letting the network settle, axe. */
export type AxeCheck = { path: string; openMs: number; settleMs: number; axeMs: number };

/**
 * axe on the page as it is now (no navigation): the WCAG tags plus the best-practice rules switched on by
 * name (axe runs a rule enabled in `rules` whatever its tags). resultTypes: only violations carry every node —
 * passes and the rest are cut to one node each, which makes axe cheaper on long tables and charts without
 * changing which rules run or what counts as a violation. `exclude`: a region left out (e.g. a toast measured
 * mid fade-in).
 */
export async function expectNoViolationsHere(page: Page, label: string, opts: { exclude?: string } = {}): Promise<void> {
  // Legacy mode: axe.run inside the page. The default (runPartial per frame, then finishRun in a new blank
  // page) ships every node's partial results through Node to that page — about 40% of the check's time on
  // our pages — to support cross-origin iframes, which no Sounding page has.
  let builder = new AxeBuilder({ page }).setLegacyMode(true).options({
    runOnly: { type: "tag", values: WCAG_TAGS },
    rules: Object.fromEntries(EXTRA_RULES.map((id) => [id, { enabled: true }])),
    resultTypes: ["violations"],
  });
  if (opts.exclude) builder = builder.exclude(opts.exclude);
  const results = await builder.analyze();
  const ran = new Set([...results.passes, ...results.violations, ...results.incomplete, ...results.inapplicable].map((r) => r.id));
  for (const id of EXTRA_RULES) expect(ran.has(id), `axe ran ${id} on ${label}`).toBe(true);
  const found = results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 4).map((n) => `${n.target.join(" ")} — ${n.failureSummary?.split("\n").slice(1, 2).join("").trim()}`),
  }));
  expect.soft(found, `axe violations on ${label}`).toEqual([]);
}

/** Opens `path`, lets the network settle, and expects no axe violations there. */
export async function expectNoViolations(page: Page, path: string): Promise<AxeCheck> {
  const t0 = Date.now();
  const response = await page.goto(path);
  expect(response?.status(), `${path} opens`).toBeLessThan(400);
  const t1 = Date.now();
  await page.waitForLoadState("networkidle");
  const t2 = Date.now();
  await expectNoViolationsHere(page, path);
  return { path, openMs: t1 - t0, settleMs: t2 - t1, axeMs: Date.now() - t2 };
}
