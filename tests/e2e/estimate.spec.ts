// The estimate journey: a consultant opens the estimate of an engagement with real inventories, sees
// the headline numbers and every chart, opens an "Explain", follows it to the assumption, changes it and
// sees the number change, saves a baseline and reads the comparison. Plus what a clinical reviewer and an
// executive may do, and (SCREENSHOTS=1) full-page screenshots of every estimate page in /tmp/shots/.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { createWorld, signIn, type E2eWorld } from "./support/world";
import { e2eDb } from "./support/db";
import { ROOT } from "./support/paths";
import { EngagementDocumentSchema } from "@/lib/engagement-format/schema";
import { auditPolicyToColumns, INVENTORIES } from "@/lib/inventories/registry";

/** Put a golden fixture's profile, assumptions and inventories on the world's engagement (rows through the registry's toColumns). */
async function seedFixture(engagementId: string, file: "mid-size-type-a.json" | "mid-size-type-b.json") {
  const doc = EngagementDocumentSchema.parse(JSON.parse(readFileSync(path.join(ROOT, "tests/fixtures/engagements", file), "utf8")));
  const db = e2eDb();
  const e = doc.engagement;
  await db.engagement.update({
    where: { id: engagementId },
    data: {
      name: e.name,
      migrationType: e.migrationType,
      sourceSystem: e.sourceSystem,
      destinationSystem: e.destinationSystem,
      plannedStart: new Date(`${e.plannedStart}T00:00:00.000Z`),
      currency: e.currency,
      ...e.profile,
      riskMatrix: doc.riskMatrix as object,
      assumptions: doc.assumptions as object,
    },
  });
  const rows = <T,>(list: T[], toColumns: (r: T) => object) => list.map((r) => ({ engagementId, ...toColumns(r) }));
  const dropNullJson = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).filter(([k, v]) => !(v === null && (k === "scheduleImpactWeeks" || k === "costImpact"))));
  await db.dataEntity.createMany({ data: rows(doc.dataEntities, INVENTORIES.data.toColumns) as never });
  await db.workflowItem.createMany({ data: rows(doc.workflows, INVENTORIES.workflows.toColumns) as never });
  await db.integration.createMany({ data: rows(doc.integrations, INVENTORIES.integrations.toColumns) as never });
  await db.report.createMany({ data: rows(doc.reports, INVENTORIES.reports.toColumns) as never });
  await db.risk.createMany({ data: rows(doc.risks, (r) => dropNullJson(INVENTORIES.risks.toColumns(r) as Record<string, unknown>)) as never });
  if (doc.auditTrail) await db.auditTrailPolicy.create({ data: { engagementId, ...auditPolicyToColumns(doc.auditTrail) } as never });
}

const CHARTS = [
  "Gantt — phases and cutover waves",
  "S-curve — total duration",
  "S-curve — total cost",
  "Cost by workstream",
  "Cost by role",
  "Cost by phase",
  "Cost by month (base plan)",
  "Tornado — what moves the duration",
];

async function p50Months(page: Page): Promise<string> {
  const text = await page.getByRole("region", { name: "Duration", exact: true }).getByRole("definition").first().innerText();
  return text.trim();
}

let world: E2eWorld;
test.beforeAll(async () => {
  world = await createWorld({ clientName: `Cedar Valley Medical Group ${Date.now()}` });
  await seedFixture(world.engagement.id, "mid-size-type-a.json");
});

test("a consultant reads the estimate, explains a line, changes an assumption, saves a baseline and compares", async ({ page }) => {
  test.setTimeout(120_000);
  const eid = world.engagement.id;
  await signIn(page, world.consultant.email);
  await page.goto(`/engagements/${eid}/estimate`);

  // headline numbers
  await expect(page.getByRole("heading", { level: 1 })).toContainText("athenaOne");
  const before = await p50Months(page);
  expect(before).toMatch(/^\d+\.\d months$/);
  await expect(page.getByRole("region", { name: "Cost" })).toContainText(/\$\d/);
  await expect(page.getByRole("region", { name: "License overlap" })).toContainText("% of P50 cost");
  await expect(page.getByText(/10,000 Monte Carlo runs · seed 1 \(default\)/)).toBeVisible();

  // every chart renders an SVG with a title and a data table
  for (const title of CHARTS) {
    const figure = page.getByRole("figure", { name: title });
    await figure.scrollIntoViewIfNeeded();
    await expect(figure.locator("svg.recharts-surface").first()).toBeVisible();
    await expect(figure.getByText("Data table")).toBeVisible();
  }
  await page.getByRole("button", { name: "Cost", exact: true }).click();
  await expect(page.getByRole("figure", { name: "Tornado — what moves the cost" }).locator("svg.recharts-surface").first()).toBeVisible();
  await expect(page.locator("[data-flag]").first()).toBeVisible();

  // Explain on Phase 1: the formula, its inputs, and a link to the team-size assumption
  await page.getByLabel("Explain: Phase 1 — foundation").click();
  const explain = page.getByRole("region", { name: "How “Phase 1 — foundation” is computed" });
  await expect(explain).toBeVisible();
  await expect(explain).toContainText("Formula");
  await expect(explain).toContainText("team FTE × productive hours");

  // save a baseline of the estimate as it is
  await page.getByRole("link", { name: "Save a baseline" }).click();
  await page.getByLabel("Baseline name").fill("Scoping baseline");
  await page.getByRole("button", { name: "Save baseline" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Now vs “Scoping baseline”" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("No input changed since this baseline.")).toBeVisible();
  // the same name again is a field error
  await page.goto(`/engagements/${eid}/estimate/baselines`);
  await page.getByLabel("Baseline name").fill("scoping baseline");
  await page.getByRole("button", { name: "Save baseline" }).click();
  await expect(page.getByText(/already exists on this engagement/)).toBeVisible();

  // follow the Explain link to the team-size field, halve the team, save
  await page.goto(`/engagements/${eid}/estimate`);
  await page.getByLabel("Explain: Phase 1 — foundation").click();
  await page.getByRole("region", { name: "How “Phase 1 — foundation” is computed" }).getByRole("link", { name: "Team FTE" }).click();
  await expect(page).toHaveURL(/\/assumptions#field-teamFte$/);
  const team = page.getByRole("textbox", { name: "Team size (FTE)" });
  await expect(team).toHaveValue("12");
  await expect(team).toBeFocused();
  await team.fill("6");
  await expect(page.getByText("1 unsaved change")).toBeVisible();
  await page.getByRole("button", { name: "Save assumptions" }).click();
  await expect(page.getByText(/Assumptions saved \(1 change\)/)).toBeVisible();

  // the estimate follows
  await page.goto(`/engagements/${eid}/estimate`);
  const after = await p50Months(page);
  expect(parseFloat(after)).toBeGreaterThan(parseFloat(before));

  // the comparison names the cause
  await page.getByRole("navigation", { name: "Estimate views" }).getByRole("link", { name: /Baselines/ }).click();
  await page.getByRole("link", { name: "Compare with now →" }).click();
  await expect(page.getByText("Team size (FTE): 12 → 6.")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(/^P50 duration rose from/)).toBeVisible();
  await expect(page.getByRole("figure", { name: "S-curve — duration, baseline vs now" }).locator("svg.recharts-surface").first()).toBeVisible();
});

test("assumptions: inline errors, reset to default", async ({ page }) => {
  const eid = world.engagement.id;
  await signIn(page, world.lead.email);
  await page.goto(`/engagements/${eid}/assumptions#constant-phase.P2.likely`);
  const pilot = page.getByRole("textbox", { name: "Phase 2 pilot (never compressed by staffing) — most likely" });
  await expect(pilot).toBeFocused();
  await pilot.fill("3");
  await page.getByRole("button", { name: "Save assumptions" }).click();
  await expect(page.getByText("Needs minimum ≤ most likely ≤ maximum (now 4 / 3 / 8)")).toBeVisible();
  await expect(pilot).toBeFocused();
  await pilot.fill("7");
  await page.getByRole("button", { name: /Reset “Phase 2 pilot \(never compressed by staffing\) — most likely” to its default/ }).click();
  await expect(pilot).toHaveValue("6");
  await expect(page.getByText("All changes saved.")).toBeVisible();
});

test("a clinical reviewer reads the estimate and the assumptions without rates, fees or controls", async ({ page }) => {
  const eid = world.engagement.id;
  await signIn(page, world.reviewer.email);
  await page.goto(`/engagements/${eid}/assumptions`);
  await expect(page.getByText("Labor rates are hidden for your role.")).toBeVisible();
  await expect(page.getByText("Fee hidden for your role.", { exact: false }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Save assumptions" })).toHaveCount(0);
  await expect(page.getByRole("textbox")).toHaveCount(0);
  await expect(page.getByRole("searchbox")).toHaveCount(1); // only "Find a constant"
  await page.goto(`/engagements/${eid}/estimate`);
  await expect(page.getByRole("figure", { name: "Effort by workstream (hours)" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Save a baseline" })).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText("$/h");
  await expect(page.getByText("Labor (all workstreams; rates hidden for your role)")).toBeVisible();
});

test("an executive reads everything but cannot change assumptions or save baselines", async ({ page }) => {
  const eid = world.engagement.id;
  await signIn(page, world.executive.email);
  await page.goto(`/engagements/${eid}/assumptions`);
  await expect(page.getByText("Data migration").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Save assumptions" })).toHaveCount(0);
  await page.goto(`/engagements/${eid}/estimate/baselines`);
  await expect(page.getByRole("form", { name: "Save a baseline" })).toHaveCount(0);
});

test("scenarios: types side by side and a named variant from the URL", async ({ page }) => {
  test.setTimeout(90_000);
  const eid = world.engagement.id;
  await signIn(page, world.consultant.email);
  await page.goto(`/engagements/${eid}/estimate/scenarios`);
  await expect(page.getByRole("columnheader", { name: /Current inputs/ })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("columnheader", { name: /As Type B/ })).toBeVisible();
  await page.getByRole("button", { name: "Add a variant" }).click();
  await page.getByLabel("Variant name").fill("Bigger team");
  await page.getByLabel("Change 1: what").selectOption("teamFte");
  await page.getByLabel("Change 1: new value").fill("20");
  await page.getByRole("button", { name: "Run this variant" }).click();
  await expect(page.getByRole("columnheader", { name: /Bigger team/ })).toBeVisible({ timeout: 20_000 });
  await expect(page).toHaveURL(/variants=/);
  await expect(page.getByRole("figure", { name: "Duration by scenario" }).locator("svg.recharts-surface").first()).toBeVisible();
});

test("screenshots of every estimate page", async ({ page }) => {
  test.skip(!process.env.SCREENSHOTS, "screenshots only on request (SCREENSHOTS=1)");
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
