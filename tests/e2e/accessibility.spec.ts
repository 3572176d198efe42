// Accessibility: axe (WCAG 2.0/2.1/2.2 A and AA rules) on every page of the app — sign-in, the engagements
// list, new/import engagement, admin, the shared report, every engagement page as the lead (who sees every
// control), and for the other roles every page whose markup differs for them: a page's markup depends on the
// capabilities listed beside it (controls, redacted amounts, review actions), so a role with the same
// capabilities there as a role already crawled sees the same markup (pagesFor). Zero violations allowed.
// The engagement holds the mid-size Type A golden fixture (imported with the engagement CLI), a baseline and
// a share link, so the pages show real content rather than empty states.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { CAPABILITIES, can, type Capability, type Role } from "@/lib/auth/access-matrix";
import { expectNoViolations, type AxeCheck } from "./support/axe";
import { createWorld, signIn } from "./support/world";
import { e2eDb } from "./support/db";
import { importFixture } from "./support/fixture-import";

// the roles' passes are independent: spread them over the workers (one engagement for the run, see beforeAll)
test.describe.configure({ mode: "parallel" });

let eid: string;
let baselineId: string;
let shareToken: string;

type RoleKey = "lead" | "consultant" | "reviewer" | "executive";
const MATRIX_ROLE: Record<RoleKey, Role> = { lead: "lead", consultant: "consultant", reviewer: "clinical_reviewer", executive: "executive" };
/** The order the roles' markups are covered in: the lead sees every control; then the most different role. */
const ROLE_ORDER: RoleKey[] = ["lead", "reviewer", "consultant", "executive"];

type EngagementPage = { path: string; roles: RoleKey[]; rendersBy: Capability[] | "all" };

/**
 * Every engagement page, the roles that may open it (lib/auth/access-matrix.ts), and the capabilities its
 * markup depends on (controls shown or hidden, amounts redacted, review actions) — read from the page and its
 * components. "all": the overview, which shows something for nearly every capability.
 */
function engagementPages(): EngagementPage[] {
  const all: RoleKey[] = ["lead", "consultant", "reviewer", "executive"];
  const editors: RoleKey[] = ["lead", "consultant"];
  const inventory: Capability[] = ["inventory.edit", "data.import", "data.export", "profile.run"];
  const money: Capability[] = ["rates.view", "assumptions.edit", "baseline.create"];
  const b = `/engagements/${eid}`;
  return [
    { path: b, roles: all, rendersBy: "all" },
    { path: `${b}/data`, roles: all, rendersBy: inventory },
    { path: `${b}/workflows`, roles: all, rendersBy: [...inventory, "workflow.approve", "workflow.comment"] },
    { path: `${b}/workflows/review`, roles: all, rendersBy: ["workflow.approve", "workflow.comment"] },
    { path: `${b}/workflows/sign-off`, roles: all, rendersBy: ["workflow.signoff", "workflow.request_signoff"] },
    { path: `${b}/integrations`, roles: all, rendersBy: inventory },
    { path: `${b}/reports`, roles: all, rendersBy: inventory },
    { path: `${b}/audit-trail`, roles: all, rendersBy: inventory },
    { path: `${b}/risks`, roles: all, rendersBy: ["risks.edit", ...inventory] },
    { path: `${b}/risks/matrix`, roles: all, rendersBy: ["risks.edit"] },
    { path: `${b}/risks/heat-map`, roles: all, rendersBy: ["risks.edit"] },
    { path: `${b}/risks/library`, roles: all, rendersBy: ["risks.edit"] },
    { path: `${b}/assumptions`, roles: all, rendersBy: money },
    { path: `${b}/estimate`, roles: all, rendersBy: money },
    { path: `${b}/estimate/scenarios`, roles: all, rendersBy: money },
    { path: `${b}/estimate/baselines`, roles: all, rendersBy: money },
    { path: `${b}/estimate/baselines/${baselineId}`, roles: all, rendersBy: money },
    { path: `${b}/report`, roles: all, rendersBy: [...money, "report.share", "data.export"] },
    { path: `${b}/members`, roles: all, rendersBy: ["members.manage"] },
    { path: `${b}/import`, roles: editors, rendersBy: ["data.import", "data.export"] },
    { path: `${b}/import/data`, roles: editors, rendersBy: ["data.import"] },
    { path: `${b}/activity`, roles: editors, rendersBy: ["audit.view"] },
    { path: `${b}/settings`, roles: editors, rendersBy: ["engagement.edit", "engagement.archive"] },
  ];
}

/** What a role's markup of a page depends on: its capabilities among those the page renders by. */
function signature(role: RoleKey, p: EngagementPage): string {
  const caps = p.rendersBy === "all" ? (Object.keys(CAPABILITIES) as Capability[]) : p.rendersBy;
  return caps.filter((c) => can(MATRIX_ROLE[role], c)).sort().join(",");
}

/**
 * The pages a role's crawl checks: those it may open whose markup differs from every earlier role's (same
 * capabilities on the page → the same markup, already checked). The lead's crawl is every page; a
 * consultant's is where consultants lack a lead's control, and so on. Each role also checks its own
 * engagement list and notifications (its navigation differs).
 */
function pagesFor(role: RoleKey): string[] {
  const earlier = ROLE_ORDER.slice(0, ROLE_ORDER.indexOf(role));
  return engagementPages()
    .filter((p) => p.roles.includes(role))
    .filter((p) => !earlier.some((r) => p.roles.includes(r) && signature(r, p) === signature(role, p)))
    .map((p) => p.path);
}

/** The engagement every crawl checks, made once per run (the first worker makes it, the other reads it). */
type Crawled = { emails: Record<RoleKey, string>; eid: string; baselineId: string; shareToken: string };
let emails: Record<RoleKey, string>;

async function makeEngagement(browser: Browser): Promise<Crawled> {
  const world = await createWorld();
  const eid = importFixture(world.lead.email);
  const db = e2eDb();
  await db.membership.createMany({
    data: [
      { engagementId: eid, userId: world.consultant.id, role: "consultant" },
      { engagementId: eid, userId: world.reviewer.id, role: "clinical_reviewer" },
      { engagementId: eid, userId: world.executive.id, role: "executive" },
    ],
  });
  const shareToken = randomBytes(32).toString("base64url");
  // a baseline, saved through the page, so its comparison page can be checked too
  const page = await browser.newPage();
  await signIn(page, world.lead.email);
  await page.goto(`/engagements/${eid}/estimate/baselines`);
  await page.getByLabel("Baseline name").fill("Axe baseline");
  await page.getByRole("button", { name: "Save baseline" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Now vs/ })).toBeVisible({ timeout: 90_000 });
  const baselineId = new URL(page.url()).pathname.split("/").pop()!;
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
  return { emails: { lead: world.lead.email, consultant: world.consultant.email, reviewer: world.reviewer.email, executive: world.executive.email }, eid, baselineId, shareToken };
}

test.beforeAll(async ({ browser }, testInfo) => {
  test.setTimeout(300_000);
  // test-results/ is emptied at the start of each run; a retry's new worker reads what the run made
  const file = path.join(testInfo.project.outputDir, "a11y-engagement.json");
  const claim = `${file}.claim`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let crawled: Crawled;
  let mine = false;
  try {
    fs.closeSync(fs.openSync(claim, "wx"));
    mine = true;
  } catch {
    // another worker is making it
  }
  if (mine) {
    try {
      crawled = await makeEngagement(browser);
    } catch (e) {
      fs.rmSync(claim, { force: true }); // a retry may try again
      fs.writeFileSync(`${file}.failed`, String(e));
      throw e;
    }
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(crawled));
    fs.renameSync(`${file}.tmp`, file);
  } else {
    const until = Date.now() + 280_000;
    while (!fs.existsSync(file)) {
      if (fs.existsSync(`${file}.failed`)) throw new Error(`the other worker could not make the engagement: ${fs.readFileSync(`${file}.failed`, "utf8")}`);
      if (Date.now() > until) throw new Error("the other worker did not make the engagement in time");
      await new Promise((r) => setTimeout(r, 500));
    }
    crawled = JSON.parse(fs.readFileSync(file, "utf8")) as Crawled;
  }
  ({ emails, eid, baselineId, shareToken } = crawled);
});

/** Checks each path; notes in the report where the time went. */
async function checkAll(page: Page, paths: string[]) {
  const checks: AxeCheck[] = [];
  for (const path of paths) checks.push(await expectNoViolations(page, path));
  const sum = (k: "openMs" | "settleMs" | "axeMs") => Math.round(checks.reduce((n, c) => n + c[k], 0) / 1000);
  test.info().annotations.push({
    type: "axe",
    description: `${checks.length} pages; seconds opening ${sum("openMs")}, settling ${sum("settleMs")}, in axe ${sum("axeMs")}`,
  });
}

// The lead's crawl is split in two so the two workers share the load evenly.
const LEAD_PAGES = () => ["/engagements", "/engagements/new", "/engagements/import", "/admin/users", "/notifications", ...pagesFor("lead")];
for (const half of [0, 1] as const) {
  test(`lead (${half ? "second" : "first"} half): list, new, import, admin and every engagement page have no WCAG A/AA violations`, async ({ page }) => {
    test.setTimeout(600_000);
    const paths = LEAD_PAGES();
    const cut = Math.ceil(paths.length / 2);
    await signIn(page, emails.lead);
    await checkAll(page, half ? paths.slice(cut) : paths.slice(0, cut));
  });
}

for (const role of ["reviewer", "consultant", "executive"] as const) {
  test(`${role}: every engagement page whose markup differs for them has no WCAG A/AA violations`, async ({ page }) => {
    test.setTimeout(600_000);
    await signIn(page, emails[role]);
    await checkAll(page, ["/engagements", "/notifications", ...pagesFor(role)]);
  });
}

test("each role's crawl takes the pages where its markup differs: read-only views, redacted amounts, missing lead controls", () => {
  const crawl = (role: RoleKey) => pagesFor(role).map((p) => p.replace(`/engagements/${eid}`, "") || "/");
  expect(pagesFor("lead")).toHaveLength(engagementPages().length);
  // a reviewer reads everything without edit controls or amounts
  expect(crawl("reviewer")).toEqual(expect.arrayContaining(["/", "/data", "/risks", "/estimate", "/report", "/workflows/sign-off"]));
  // a consultant lacks the lead's approve, sign-off, share and archive controls — and nothing else (the members
  // page without "manage" is the reviewer's, already crawled)
  expect(crawl("consultant").sort()).toEqual(["/", "/report", "/settings", "/workflows", "/workflows/review", "/workflows/sign-off"].sort());
  // an executive sees amounts (unlike a reviewer) but no review actions; inventories read as a reviewer's do
  expect(crawl("executive")).toEqual(expect.arrayContaining(["/", "/estimate", "/assumptions", "/report", "/workflows/review"]));
  expect(crawl("executive")).not.toContain("/data");
});

test("sign-in page and the shared report have no WCAG A/AA violations", async ({ page }) => {
  test.setTimeout(120_000);
  await checkAll(page, ["/sign-in", `/share/${shareToken}`]);
});

test("phone width (390 px): list, overview, estimate, assumptions, report and review queue have no violations", async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, emails.lead);
  await checkAll(page, ["/engagements", "/notifications", "/engagements/new", `/engagements/${eid}`, `/engagements/${eid}/estimate`, `/engagements/${eid}/assumptions`, `/engagements/${eid}/report`, `/engagements/${eid}/workflows/review`]);
});
