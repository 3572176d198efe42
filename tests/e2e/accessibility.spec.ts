// Accessibility: axe (WCAG 2.0/2.1/2.2 A and AA rules) on every page of the app — sign-in, the engagements
// list, new/import engagement, admin, the shared report, and every engagement page for each role that can
// open it (the pages differ by role: controls, rates, review actions). Zero violations allowed.
// The engagement holds the mid-size Type A golden fixture (imported with the engagement CLI), a baseline and
// a share link, so the pages show real content rather than empty states.
import { createHash, randomBytes } from "node:crypto";
import { AxeBuilder } from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createWorld, signIn, type E2eWorld } from "./support/world";
import { e2eDb } from "./support/db";
import { importFixture } from "./support/fixture-import";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
/** Best-practice rules held to as well: headings in order, and a page that can be skipped to its content. */
const EXTRA_RULES = ["heading-order", "skip-link"];

// the roles' passes are independent: spread them over the workers (each worker imports its own engagement)
test.describe.configure({ mode: "parallel" });

let world: E2eWorld;
let eid: string;
let baselineId: string;
let shareToken: string;

type RoleKey = "lead" | "consultant" | "reviewer" | "executive";

/** Every engagement page and the roles that may open it (lib/auth/access-matrix.ts). */
function engagementPages(): { path: string; roles: RoleKey[] }[] {
  const all: RoleKey[] = ["lead", "consultant", "reviewer", "executive"];
  const editors: RoleKey[] = ["lead", "consultant"];
  const b = `/engagements/${eid}`;
  return [
    { path: b, roles: all },
    { path: `${b}/data`, roles: all },
    { path: `${b}/workflows`, roles: all },
    { path: `${b}/workflows/review`, roles: all },
    { path: `${b}/workflows/sign-off`, roles: all },
    { path: `${b}/integrations`, roles: all },
    { path: `${b}/reports`, roles: all },
    { path: `${b}/audit-trail`, roles: all },
    { path: `${b}/risks`, roles: all },
    { path: `${b}/risks/matrix`, roles: all },
    { path: `${b}/risks/heat-map`, roles: all },
    { path: `${b}/risks/library`, roles: all },
    { path: `${b}/assumptions`, roles: all },
    { path: `${b}/estimate`, roles: all },
    { path: `${b}/estimate/scenarios`, roles: all },
    { path: `${b}/estimate/baselines`, roles: all },
    { path: `${b}/estimate/baselines/${baselineId}`, roles: all },
    { path: `${b}/report`, roles: all },
    { path: `${b}/members`, roles: all },
    { path: `${b}/import`, roles: editors },
    { path: `${b}/import/data`, roles: editors },
    { path: `${b}/activity`, roles: editors },
    { path: `${b}/settings`, roles: editors },
  ];
}

async function expectNoViolations(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), `${path} opens`).toBeLessThan(400);
  await page.waitForLoadState("networkidle");
  // one axe pass: the WCAG tags, plus the best-practice rules switched on by name (axe runs a rule enabled in
  // `rules` whatever its tags)
  const results = await new AxeBuilder({ page })
    .options({ runOnly: { type: "tag", values: WCAG_TAGS }, rules: Object.fromEntries(EXTRA_RULES.map((id) => [id, { enabled: true }])) })
    .analyze();
  const ran = new Set([...results.passes, ...results.violations, ...results.incomplete, ...results.inapplicable].map((r) => r.id));
  for (const id of EXTRA_RULES) expect(ran.has(id), `axe ran ${id} on ${path}`).toBe(true);
  const found = results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 4).map((n) => `${n.target.join(" ")} — ${n.failureSummary?.split("\n").slice(1, 2).join("").trim()}`),
  }));
  expect.soft(found, `axe violations on ${path}`).toEqual([]);
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  world = await createWorld();
  eid = importFixture(world.lead.email);
  const db = e2eDb();
  await db.membership.createMany({
    data: [
      { engagementId: eid, userId: world.consultant.id, role: "consultant" },
      { engagementId: eid, userId: world.reviewer.id, role: "clinical_reviewer" },
      { engagementId: eid, userId: world.executive.id, role: "executive" },
    ],
  });
  shareToken = randomBytes(32).toString("base64url");
  // a baseline, saved through the page, so its comparison page can be checked too
  const page = await browser.newPage();
  await signIn(page, world.lead.email);
  await page.goto(`/engagements/${eid}/estimate/baselines`);
  await page.getByLabel("Baseline name").fill("Axe baseline");
  await page.getByRole("button", { name: "Save baseline" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Now vs/ })).toBeVisible({ timeout: 90_000 });
  baselineId = new URL(page.url()).pathname.split("/").pop()!;
  await page.close();
  await db.shareLink.create({ data: { engagementId: eid, tokenHash: createHash("sha256").update(shareToken, "utf8").digest("hex"), label: "axe", expiresAt: new Date(Date.now() + 86_400_000) } });
  // an inbox with content (one unread, one read) for the notifications page
  for (const recipientId of [world.lead.id, world.reviewer.id]) {
    await db.notification.createMany({
      data: [
        { recipientId, engagementId: eid, kind: "signoff_requested", subjectType: "workflow_inventory", actorName: "Consultant", excerpt: "Cardiology order sets were reworked." },
        { recipientId, engagementId: eid, kind: "changes_requested", subjectType: "workflow_item", subjectId: "x", subjectName: "Sepsis alert", actorName: "Clinical Reviewer", excerpt: "Split the threshold by age group.", readAt: new Date() },
      ],
    });
  }
});

test("sign-in page and the shared report have no WCAG A/AA violations", async ({ page }) => {
  await expectNoViolations(page, "/sign-in");
  await expectNoViolations(page, `/share/${shareToken}`);
});

test("lead: list, new, import, admin and every engagement page have no WCAG A/AA violations", async ({ page }) => {
  test.setTimeout(600_000);
  await signIn(page, world.lead.email);
  for (const path of ["/engagements", "/engagements/new", "/engagements/import", "/admin/users", "/notifications"]) await expectNoViolations(page, path);
  for (const p of engagementPages()) await expectNoViolations(page, p.path);
});

for (const role of ["consultant", "reviewer", "executive"] as const) {
  test(`${role}: every engagement page they can open has no WCAG A/AA violations`, async ({ page }) => {
    test.setTimeout(600_000);
    await signIn(page, world[role].email);
    await expectNoViolations(page, "/engagements");
    await expectNoViolations(page, "/notifications");
    for (const p of engagementPages().filter((x) => x.roles.includes(role))) await expectNoViolations(page, p.path);
  });
}

test("phone width (390 px): list, overview, estimate, assumptions, report and review queue have no violations", async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, world.lead.email);
  for (const path of ["/engagements", "/notifications", "/engagements/new", `/engagements/${eid}`, `/engagements/${eid}/estimate`, `/engagements/${eid}/assumptions`, `/engagements/${eid}/report`, `/engagements/${eid}/workflows/review`]) {
    await expectNoViolations(page, path);
  }
});
