// Decision-grade UX journeys (issue 11): an executive on a phone (390 px) reaches the report through the
// engagement menu, reads the P80 commitment and opens the PDF, and no page scrolls sideways on the way; a
// clinical reviewer finds what awaits them; a consultant follows the checklist to a quotable estimate.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { createWorld, signIn, type E2eWorld } from "./support/world";
import { seedFixture } from "./support/fixtures";
import { e2eDb } from "./support/db";

let world: E2eWorld;
test.beforeAll(async () => {
  world = await createWorld({ clientName: `Cedar Valley Medical Group ${Date.now()}` });
  await seedFixture(world.engagement.id, "mid-size-type-a.json");
});

async function expectNoSidewaysScroll(page: Page) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll, `${page.url()} is ${scroll}px wide on a ${width}px screen`).toBeLessThanOrEqual(width);
}

// The sideways scroll at 390 px (the estimate page was 678 px, the assumptions page 813 px) came from sr-only
// header spans escaping their scroller; ScrollRegion is `relative` now.
test("an executive on a phone opens the engagement menu, reads the P80 commitment and opens the PDF", async ({ page }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, world.executive.email);
  await page.getByRole("link", { name: world.engagement.clientName }).click();
  await expectNoSidewaysScroll(page);

  // the sidebar is hidden on a phone: the Sections menu lists the same sections
  await expect(page.getByRole("navigation", { name: "Engagement sections", exact: true })).toBeHidden();
  const menu = page.getByRole("button", { name: "Sections" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  const nav = page.getByRole("navigation", { name: "Engagement sections (menu)" });
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0); // not for an executive
  await nav.getByRole("link", { name: "Estimate", exact: true }).click();
  await expect(page).toHaveURL(/\/estimate$/);
  await expect(nav).toBeHidden(); // the menu closes on navigation

  // the estimate leads with what to commit to
  const commit = page.getByRole("region", { name: /Commit to/ });
  await expect(commit.getByTestId("commit-go-live")).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/, { timeout: 60_000 }); // computed on the request
  await expect(commit.getByTestId("commit-cost")).toHaveText(/^\$\d\.\d\dM$/);
  await expect(page.getByTestId("commit-recommendation")).toContainText("Commit to go-live by");
  await expectNoSidewaysScroll(page);
  // on a phone the charts show their data tables
  await expect(page.getByRole("img", { name: /Final go-live .* at P50/ })).toBeHidden();
  await expect(page.getByRole("table", { name: "Gantt — phases and cutover waves" }).first()).toBeVisible();

  await page.goto(`/engagements/${world.engagement.id}/assumptions`);
  await expectNoSidewaysScroll(page);

  // the report: P80 first, the recommendation, then the PDF
  await page.getByRole("button", { name: "Sections" }).click();
  await page.getByRole("navigation", { name: "Engagement sections (menu)" }).getByRole("link", { name: "Executive report" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "The figure to commit to" })).toBeVisible();
  const p80Cost = (await page.getByTestId("headline-p80-cost").innerText()).trim();
  const p80GoLive = (await page.getByTestId("headline-p80-go-live").innerText()).trim();
  const recommendation = (await page.getByTestId("report-recommendation").innerText()).trim();
  expect(recommendation).toContain(`Commit to go-live by ${p80GoLive} and a budget of ${p80Cost} (P80)`);
  await expectNoSidewaysScroll(page);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download PDF" }).click()]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ux-e2e-")), "report.pdf");
  await download.saveAs(file);
  const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  expect(text).toContain(`Commit to go-live by ${p80GoLive} and a budget of ${p80Cost} (P80)`);
  expect(text).toContain("What moves the numbers most (drivers)");
  expect(text).not.toContain("npm run");
});

test("no engagement page is wider than a 390 px phone", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, world.lead.email); // the lead sees every section
  const eid = world.engagement.id;
  const paths = ["", "/estimate", "/estimate/scenarios", "/estimate/baselines", "/assumptions", "/report", "/data", "/workflows", "/workflows/review", "/workflows/sign-off", "/integrations", "/reports", "/audit-trail", "/risks", "/risks/heat-map", "/risks/library", "/risks/matrix", "/import", "/members", "/activity", "/settings"];
  for (const p of paths) {
    await page.goto(`/engagements/${eid}${p}`);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible({ timeout: 60_000 });
    await expectNoSidewaysScroll(page);
  }
  await page.goto("/engagements");
  await expectNoSidewaysScroll(page);
});

test("a clinical reviewer finds what awaits them: list count, overview, and the queue opens on it", async ({ page }) => {
  test.setTimeout(120_000);
  const w = await createWorld({ clientName: `Review Clinic ${Date.now()}` });
  const db = e2eDb();
  await db.workflowItem.createMany({
    data: [
      { engagementId: w.engagement.id, kind: "order_set", name: "Chest pain order set" },
      { engagementId: w.engagement.id, kind: "order_set", name: "Stroke order set", reviewStatus: "approved" },
      // approved by an import, edited since: its approval no longer covers it
      { engagementId: w.engagement.id, kind: "alert_rule", name: "Sepsis alert", reviewStatus: "approved", version: 2 },
    ],
  });
  await signIn(page, w.reviewer.email);
  const row = page.getByTestId("portfolio-row").filter({ hasText: w.engagement.clientName });
  const awaiting = row.getByRole("link", { name: "2 to review" });
  await expect(awaiting).toBeVisible();
  await expect(page.getByTestId("total-awaiting-you")).toHaveText("2");

  await page.getByRole("link", { name: w.engagement.clientName }).click();
  await expect(page.getByTestId("overview-awaiting")).toContainText("2 workflow items await your review");

  await page.getByTestId("overview-awaiting").getByRole("link", { name: "Open the review queue" }).click();
  await expect(page.getByRole("link", { name: /^Needs review\s*2$/ })).toHaveAttribute("aria-current", "page");
  const list = page.getByRole("list", { name: "Workflow items to review" });
  await expect(list.getByRole("button")).toHaveCount(2);
  await expect(list).not.toContainText("Stroke order set");
  // alerts sort before order sets: the stale approval is first
  await expect(page.getByRole("heading", { level: 2, name: "Sepsis alert" })).toBeVisible();

  // one thumb on a phone: the verdict buttons are at the bottom of the screen
  await page.setViewportSize({ width: 390, height: 844 });
  const bar = page.getByRole("group", { name: "Verdict on Sepsis alert" });
  await expect(bar.getByRole("button", { name: "Approve" })).toBeInViewport();
  await bar.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText("Approved “Sepsis alert”")).toBeVisible();
  await expect(page.getByRole("link", { name: /^Needs review\s*1$/ })).toBeVisible();
});

test("a consultant creates an engagement with what the estimate cannot guess; the checklist ticks it", async ({ page }) => {
  test.setTimeout(120_000);
  const w = await createWorld({ clientName: `Form Clinic ${Date.now()}` });
  const client = `Birch Family Practice ${Date.now()}`;
  await signIn(page, w.consultant.email);
  await page.getByRole("link", { name: "New engagement" }).click();
  const form = page.getByRole("form", { name: "New engagement" });
  await form.getByLabel("Client organization").fill(client);
  await form.getByLabel("Engagement name").fill("EMR replacement");
  await form.getByRole("radio", { name: /Type A — vendor switch/ }).check();
  for (const [label, value] of [["Providers", "40"], ["Locations", "3"], ["Specialties", "2"], ["EMR users (staff)", "210"], ["Active patients", "52,000"], ["Years of data", "9"]] as const) {
    await form.getByLabel(label).fill(value);
  }
  // the optional part: fees with their basis, sites, audit policy, team and the clinical lead
  await form.getByLabel("Destination license fee (dollars)").fill("520");
  await form.getByLabel("Source license fee (dollars)").fill("14,000");
  await form.getByLabel("Source fee basis").selectOption({ label: "flat per month" });
  await form.getByLabel("Cutover waves or sites").fill("Main campus\nNorth clinic");
  await form.getByLabel("Audit-trail policy").selectOption("archive");
  await form.getByLabel("Clinical lead's email").fill(w.reviewer.email);
  // keyboard only: Enter submits; an out-of-range team size is refused in words and gets the focus
  const team = form.getByLabel("Migration team (FTE)");
  await team.fill("0.2");
  await team.press("Enter");
  await expect(form.getByText("Must be a number from 0.5 to 500 FTE")).toBeVisible();
  await expect(team).toBeFocused();
  await team.fill("6");
  await team.press("Enter");

  await expect(page).toHaveURL(/\/engagements\/[a-z0-9]+$/, { timeout: 30_000 });
  await expect(page.getByText(client).first()).toBeVisible();
  const checklist = page.getByRole("region", { name: "Towards a quotable estimate" });
  await expect(checklist.getByTestId("checklist-progress")).toHaveText("5 of 11 done");
  for (const key of ["profile", "license", "waves", "team", "audit"]) await expect(checklist.getByTestId(`checklist-${key}`)).toHaveAttribute("data-done", "true");
  await expect(checklist.getByTestId("checklist-license")).toContainText("Destination per provider per month, source flat per month");
  await expect(checklist.getByTestId("checklist-waves")).toContainText("2 waves entered");
  await expect(checklist.getByTestId("checklist-data")).toHaveAttribute("data-done", "false");
  // the clinical lead is a member with the reviewer's role
  await page.goto(page.url() + "/members");
  await expect(page.getByLabel(`Role of ${w.reviewer.name}`)).toHaveValue("clinical_reviewer");
});

test("a consultant goes from an empty engagement to a quotable estimate through the checklist", async ({ page }) => {
  test.setTimeout(180_000);
  const w = await createWorld({ clientName: `Quotable Clinic ${Date.now()}` });
  await signIn(page, w.consultant.email);
  await page.goto(`/engagements/${w.engagement.id}`);
  const checklist = page.getByRole("region", { name: "Towards a quotable estimate" });
  await expect(checklist.getByTestId("checklist-progress")).toHaveText("1 of 11 done");
  await expect(checklist.getByTestId("checklist-license")).toContainText("Not entered");
  // the estimate says "not entered" rather than $0 for the overlap
  await page.goto(`/engagements/${w.engagement.id}/estimate`);
  await expect(page.getByTestId("overlap-not-entered")).toBeVisible();

  // follow the checklist to the license fees and enter them with their basis
  await page.goto(`/engagements/${w.engagement.id}`);
  await checklist.getByRole("link", { name: "License fees and their basis" }).click();
  await expect(page).toHaveURL(/\/assumptions#license$/);
  await page.getByLabel("Destination license fee (dollars)").fill("520");
  // a new engagement has no source system yet: add one (the assumptions page lists one row per licensed source)
  await page.getByRole("button", { name: /^Add a (source system|legacy platform)$/ }).click();
  await page.getByLabel("Source license fee (dollars)").fill("500");
  await page.getByRole("button", { name: /^Save/ }).first().click();
  await expect(page.getByText(/saved/i).first()).toBeVisible({ timeout: 20_000 });
  await page.goto(`/engagements/${w.engagement.id}`);
  await expect(checklist.getByTestId("checklist-license")).toHaveAttribute("data-done", "true");

  // the rest of the inputs (inventories, waves, team, audit policy) arrive as the golden fixture would from
  // the client's spreadsheets (the import journeys have their own tests); then the clinical sign-off
  await seedFixture(w.engagement.id, "mid-size-type-a.json");
  // …with the fixture's open questions answered (it is a realistic, not a finished, scoping)
  const db = e2eDb();
  await db.workflowItem.updateMany({ where: { engagementId: w.engagement.id, disposition: "undecided" }, data: { disposition: "may_change" } });
  await db.workflowItem.updateMany({ where: { engagementId: w.engagement.id }, data: { reviewStatus: "approved" } });
  await db.integration.updateMany({ where: { engagementId: w.engagement.id, transitionStrategy: "undecided" }, data: { transitionStrategy: "cut_and_switch" } });
  await db.report.updateMany({ where: { engagementId: w.engagement.id, kind: "regulatory", reproducibilityPlan: "" }, data: { reproducibilityPlan: "Rebuilt in the destination's measure engine; parallel submission in Q1." } });
  await db.risk.updateMany({ where: { engagementId: w.engagement.id, owner: "" }, data: { owner: "Engagement lead" } });
  await page.context().clearCookies();
  await signIn(page, w.reviewer.email);
  await page.goto(`/engagements/${w.engagement.id}/workflows/sign-off`);
  await page.getByRole("button", { name: "Sign off the workflow inventory…" }).click();
  const dialog = page.getByRole("dialog", { name: "Sign off the workflow inventory?" });
  await dialog.getByRole("button", { name: /^Sign off \d+ items$/ }).click();
  await expect(page.getByText(/Signed off .* by Clinical Reviewer/)).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, w.consultant.email);
  await page.goto(`/engagements/${w.engagement.id}`);
  await expect(page.getByRole("region", { name: /^Quotable estimate/ }).getByTestId("checklist-progress")).toHaveText("11 of 11 done");
  await expect(page.getByTestId("overview-headline").getByTestId("commit-cost")).toHaveText(/^\$\d\.\d\dM$/);
});

test("notifications: a change request reaches the consultant, the answer the reviewer, a sign-off request the reviewer", async ({ page }) => {
  test.setTimeout(150_000);
  const w = await createWorld({ clientName: `Notify Clinic ${Date.now()}` });
  const db = e2eDb();
  await db.workflowItem.createMany({
    data: [
      { engagementId: w.engagement.id, kind: "alert_rule", name: "Sepsis alert" },
      { engagementId: w.engagement.id, kind: "order_set", name: "Chest pain order set" },
    ],
  });
  const bell = page.getByTestId("notification-bell");

  // the reviewer asks for changes on the order set (the second item of the queue)
  await signIn(page, w.reviewer.email);
  await expect(bell).toHaveAccessibleName("Notifications, none unread");
  await page.goto(`/engagements/${w.engagement.id}/workflows/review`);
  await page.getByRole("list", { name: "Workflow items to review" }).getByRole("button", { name: /Chest pain order set/ }).click();
  const form = page.getByRole("form", { name: "Review Chest pain order set" });
  await form.getByLabel("Comment or reason").fill("Split the troponin orders by age group");
  await form.getByRole("button", { name: "Request changes" }).click();
  await expect(page.getByText("Changes requested on “Chest pain order set”")).toBeVisible();

  // the consultant sees it on the bell, opens the inbox and follows the link to that very item
  await page.context().clearCookies();
  await signIn(page, w.consultant.email);
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread");
  await bell.click();
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
  const note = page.getByTestId("notification").first();
  await expect(note).toHaveAttribute("data-read", "false");
  await expect(note).toContainText("“Split the troponin orders by age group”");
  await note.getByRole("link", { name: "Clinical Reviewer requested changes on “Chest pain order set”" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Chest pain order set" })).toBeVisible();
  await expect(bell).toHaveAccessibleName("Notifications, none unread", { timeout: 15_000 });
  const answer = page.getByRole("form", { name: "Review Chest pain order set" });
  await answer.getByLabel("Comment").fill("Done: under 40 and 40 and over");
  await answer.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(page.getByText("Comment added")).toBeVisible();

  // …and asks for the sign-off
  await page.goto(`/engagements/${w.engagement.id}/workflows/sign-off`);
  await page.getByLabel("Note to the clinical reviewers (optional)").fill("Both items are ready");
  await page.getByRole("button", { name: "Ask the clinical reviewers to sign off" }).click();
  await expect(page.getByText("Asked 1 clinical reviewer to sign off")).toBeVisible();

  // the reviewer has both; marks one read, then all
  await page.context().clearCookies();
  await signIn(page, w.reviewer.email);
  await expect(bell).toHaveAccessibleName("Notifications, 2 unread");
  await page.goto("/notifications");
  const items = page.getByTestId("notification");
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText("Consultant asks you to sign off the workflow inventory");
  await expect(items.nth(1)).toContainText("Consultant answered your change request on “Chest pain order set”");
  await items.nth(1).getByRole("button", { name: /^Mark read/ }).click();
  await expect(items.nth(1)).toHaveAttribute("data-read", "true");
  await expect(page.getByTestId("inbox-unread")).toHaveText("1 unread");
  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(page.getByTestId("inbox-unread")).toHaveText("Everything is read.");
  await expect(bell).toHaveAccessibleName("Notifications, none unread");
  await items.nth(0).getByRole("link").click();
  await expect(page).toHaveURL(/\/workflows\/sign-off$/);
});
