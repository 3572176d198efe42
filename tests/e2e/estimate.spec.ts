// The estimate journey: a consultant opens the estimate of an engagement with real inventories, sees
// the headline numbers and every chart, opens an "Explain", follows it to the assumption, changes it and
// sees the number change, saves a baseline and reads the comparison. Plus what a clinical reviewer and an
// executive may do. (Screenshots of every estimate page: tests/screenshots/estimate.spec.ts.)
import { expect, test, type Page } from "@playwright/test";
import { createWorld, signIn, type E2eWorld } from "./support/world";
import { seedFixture } from "./support/fixtures";

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
  return (await page.getByRole("region", { name: "Duration", exact: true }).getByTestId("duration-p50").innerText()).trim();
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
  await expect(page.getByRole("region", { name: "Cost", exact: true })).toContainText(/\$\d/);
  await expect(page.getByRole("region", { name: "License overlap", exact: true })).toContainText("% of P50 cost");
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
  await page.getByRole("region", { name: "How “Phase 1 — foundation” is computed" }).getByRole("link", { name: "Team (FTE)" }).click();
  await expect(page).toHaveURL(/\/assumptions#field-teamFte$/);
  const team = page.getByRole("textbox", { name: "Team size (FTE)" });
  await expect(team).toHaveValue("12");
  await expect(team).toBeFocused();
  await team.fill("6");
  await expect(page.getByText("1 unsaved change")).toBeVisible();
  await page.getByRole("button", { name: "Save assumptions" }).click();
  await expect(page.getByText(/Assumptions saved \(1 change\)/)).toBeVisible();

  // the estimate follows (recomputed as a background job: until it is done the page shows the previous result
  // marked "updating", so reload until the new one is there)
  await expect
    .poll(
      async () => {
        await page.goto(`/engagements/${eid}/estimate`);
        return parseFloat(await p50Months(page));
      },
      { timeout: 60_000, intervals: [1_000, 2_000, 5_000] },
    )
    .toBeGreaterThan(parseFloat(before));

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
  await expect(page.getByText("Data migration", { exact: true }).first()).toBeVisible();
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

test("the estimate shows the go-live tracks, blackouts and the binding lane with what one more person saves", async ({ page }) => {
  test.setTimeout(90_000);
  const eid = world.engagement.id;
  await signIn(page, world.consultant.email);
  await page.goto(`/engagements/${eid}/estimate`);
  const tracks = page.getByRole("heading", { name: "Go-live tracks and blackouts" });
  await expect(tracks).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("figure", { name: /Go-live tracks — \d+ waves? on/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Blackout windows" })).toBeVisible();
  const lanes = page.getByRole("region", { name: "Phase 1 lanes" });
  await expect(lanes.getByRole("rowheader", { name: /Interface engineers/ })).toBeVisible();
  await expect(lanes.locator("tr[data-binding='true']")).toHaveCount(1);
  await expect(lanes.locator("tr[data-binding='true']")).toContainText("Binding");
  await expect(page.getByTestId("one-more-person")).toContainText(/sooner|no time saved|No time saved/);
  // no raw keys on the page
  await expect(page.locator("main")).not.toContainText(/cutover\.\w|tco\.\w|oneMorePerson|sequentialCutoverWeeks/);
});

test("scenarios: which type to choose — cost of ownership per type, break-even and the fit checklist", async ({ page }) => {
  test.setTimeout(90_000);
  const eid = world.engagement.id;
  await signIn(page, world.consultant.email);
  await page.goto(`/engagements/${eid}/estimate/scenarios`);
  await expect(page.getByRole("heading", { name: "Which type should this client choose?" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("figure", { name: /Cumulative cost of ownership over 10 years/ }).locator("svg.recharts-surface").first()).toBeVisible();
  const table = page.getByRole("table", { name: "Cost of ownership per type" });
  await expect(table.getByRole("rowheader", { name: /Type A/ })).toBeVisible();
  await expect(table.getByRole("rowheader", { name: /Type B/ })).toBeVisible();
  await expect(table).toContainText(/Year \d+|Not within 10 years|Never costs more/);
  const fit = page.getByRole("form", { name: "Fit criteria" });
  await expect(fit).toContainText("not answered yet");
  await fit.getByRole("group", { name: /Specialty workflow fit/ }).getByLabel("Yes", { exact: true }).check();
  await fit.getByRole("group", { name: /A 5\+ year horizon/ }).getByLabel("No", { exact: true }).check();
  await fit.getByRole("group", { name: /A 5\+ year horizon/ }).getByLabel("Why (optional)").fill("Board plans a merger in three years");
  await fit.getByRole("button", { name: "Save answers" }).click();
  await expect(page.getByText("Fit checklist saved")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("form", { name: "Fit criteria" }).getByRole("group", { name: /A 5\+ year horizon/ }).getByLabel("No", { exact: true })).toBeChecked();
  await expect(page.getByRole("form", { name: "Fit criteria" })).toContainText("1 of the four fit criteria does not hold");
});
