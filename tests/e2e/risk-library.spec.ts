// Risk library and heat map journey: a consultant adds a library risk with one click (then sees
// "In register"), adds all suggested for the type, and finds them on the heat map; the matrix page
// refuses to shrink below levels in use until the user chooses to clamp.
import { expect, test } from "@playwright/test";
import { createWorld, signIn, type E2eWorld } from "./support/world";
import { e2eDb } from "./support/db";
import { DEFAULT_RISK_LIBRARY } from "@/lib/estimate/risk-library";

let world: E2eWorld;

test.beforeAll(async () => {
  world = await createWorld({ clientName: `Lakeside Family Medicine ${Date.now()}`, migrationType: "A" });
});

test("one click adds a library risk; bulk add; heat map; matrix shrink", async ({ page }) => {
  test.setTimeout(120_000); // one long journey on a 2-core machine
  const base = `/engagements/${world.engagement.id}/risks`;
  const suggested = DEFAULT_RISK_LIBRARY.filter((e) => e.appliesTo.includes("A"));
  await signIn(page, world.consultant.email);
  await page.goto(`${base}/library`);
  await expect(page.getByRole("link", { name: new RegExp(`Suggested for Type A\\s*${suggested.length}`) })).toHaveAttribute("aria-current", "page");
  // a Type B-only entry is hidden by default, shown with "All migration types"
  await expect(page.getByRole("heading", { name: "Feature gap found at pilot (custom build)" })).toHaveCount(0);

  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Legacy data export delayed" }) });
  await expect(card).toContainText("35% chance");
  await expect(card).toContainText("Adds 2–10 weeks, most likely 4 to Phase 1 (foundation)");
  await card.getByRole("button", { name: "Add “Legacy data export delayed” to the register" }).click();
  await expect(page.getByText("Added “Legacy data export delayed” to the register")).toBeVisible();
  await expect(card.getByRole("link", { name: /In register/ })).toBeVisible();

  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: `Add all ${suggested.length - 1} suggested for Type A` }).click();
  await expect(page.getByText(`Added ${suggested.length - 1} risks`)).toBeVisible();
  await expect(page.getByRole("button", { name: "All suggested for Type A are in the register" })).toBeDisabled();
  expect(await e2eDb().risk.count({ where: { engagementId: world.engagement.id } })).toBe(suggested.length);

  await page.getByRole("link", { name: "All migration types" }).click();
  await expect(page.getByRole("heading", { name: "Feature gap found at pilot (custom build)" })).toBeVisible();

  // heat map: "Source data worse than assessed" is Possible × Major (3 × 4) on the default 5×5
  await page.goto(`${base}/heat-map`);
  const inherent = page.getByRole("table", { name: /^Inherent risk/ });
  const cell = inherent.getByRole("button", { name: /^Possible likelihood × Major impact: \d+ risks?, high severity$/ });
  await cell.click();
  await expect(page.getByRole("heading", { name: "Possible likelihood × Major impact" }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Source data worse than assessed" }).first()).toBeVisible();
  // a listed risk links to the register (?risk=<id>), which opens its panel and marks its row
  await page.getByRole("link", { name: "Source data worse than assessed" }).first().click();
  await expect(page).toHaveURL(/\/risks\?risk=/);
  await expect(page.getByRole("dialog", { name: "Edit risk" })).toBeVisible();
  await expect(page.getByRole("dialog", { name: "Edit risk" }).getByText("Source data worse than assessed").first()).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.locator('tr[aria-current="true"]')).toContainText("Source data worse than assessed");

  // matrix: shrinking to 3×3 lists the risks above level 3 and needs an explicit choice
  await page.goto(`${base}/matrix`);
  await page.getByText("3×3", { exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "rated above level 3" })).toBeVisible();
  await page.getByRole("button", { name: "Save matrix" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Choose below how to handle" })).toBeVisible();
  expect((await e2eDb().engagement.findUniqueOrThrow({ where: { id: world.engagement.id } })).riskMatrix).toEqual({});
  await page.getByText("Clamp them to level 3").click();
  await page.getByRole("button", { name: /^Save and clamp \d+ risks?$/ }).click();
  await expect(page.getByText(/Matrix saved; \d+ risks? clamped to level 3/)).toBeVisible();
  const max = await e2eDb().risk.aggregate({ where: { engagementId: world.engagement.id }, _max: { likelihood: true, impact: true } });
  expect(max._max.likelihood).toBeLessThanOrEqual(3);
  expect(max._max.impact).toBeLessThanOrEqual(3);
});

test("an executive reads the library and the matrix but cannot change them", async ({ page }) => {
  await signIn(page, world.executive.email);
  await page.goto(`/engagements/${world.engagement.id}/risks/library`);
  await expect(page.getByRole("heading", { name: "Built-in library" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Add to register|Add all/ })).toHaveCount(0);
  await page.goto(`/engagements/${world.engagement.id}/risks/matrix`);
  await expect(page.getByRole("button", { name: "Save matrix" })).toHaveCount(0);
  // ?risk=<id> opens the risk read-only for a role without risks.edit; an unknown id is ignored
  const risk = await e2eDb().risk.findFirstOrThrow({ where: { engagementId: world.engagement.id }, select: { id: true, title: true } });
  await page.goto(`/engagements/${world.engagement.id}/risks?risk=${risk.id}`);
  const panel = page.getByRole("dialog", { name: risk.title });
  await expect(panel).toBeVisible();
  await expect(panel.getByText("Read only.")).toBeVisible();
  const res = await page.goto(`/engagements/${world.engagement.id}/risks?risk=not-a-risk-here`);
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("table", { name: "Risks" })).toBeVisible();
  await expect(page.getByRole("dialog")).toHaveCount(0);
});

test("an outsider gets 404 on the library, matrix and heat-map pages", async ({ page }) => {
  await signIn(page, world.outsider.email);
  for (const path of ["library", "matrix", "heat-map"]) {
    const res = await page.goto(`/engagements/${world.engagement.id}/risks/${path}`);
    expect(res?.status()).toBe(404);
  }
});
