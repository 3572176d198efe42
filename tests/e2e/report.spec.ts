// Executive report journeys: an executive opens the report (no edit controls), downloads the PDF, and the
// PDF's text carries the headline numbers the page shows; a lead creates a share link, an anonymous browser
// opens it, the lead revokes it and the anonymous browser gets "This link is no longer valid".
// The engagement holds the mid-size Type A golden fixture, imported with the engagement CLI (the app's own
// createEngagementFromDocument; Playwright cannot load server-only modules itself).
// Screenshots (report page, print layout, PDF page 1, share page) land in test-results/report-shots/.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { createWorld, signIn, type E2eWorld } from "./support/world";
import { e2eDatabaseUrl, e2eDb } from "./support/db";
import { ROOT } from "./support/paths";

let world: E2eWorld;
let engagementId: string;
const SHOTS = path.join(ROOT, "test-results", "report-shots");

function importFixture(asEmail: string): string {
  const out = execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/engagement.ts", "import", "tests/fixtures/engagements/mid-size-type-a.json", "--as", asEmail],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(), NODE_ENV: "production" }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
  const id = out.trim().split(/\s+/).pop() ?? "";
  if (!/^[a-z0-9]{20,}$/.test(id)) throw new Error(`engagement import printed no id: ${out}`);
  return id;
}

function pdfToText(file: string): string {
  return execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

async function headline(page: Page) {
  const text = async (id: string) => (await page.getByTestId(id).innerText()).trim();
  return {
    p50GoLive: await text("headline-p50-go-live"),
    p80GoLive: await text("headline-p80-go-live"),
    p50Completion: await text("headline-p50-completion"),
    p80Completion: await text("headline-p80-completion"),
    p50Months: await text("headline-p50-months"),
    p80Months: await text("headline-p80-months"),
    p50Cost: await text("headline-p50-cost"),
    p80Cost: await text("headline-p80-cost"),
    contingency: await text("headline-contingency"),
    overlap: await text("headline-overlap"),
  };
}

test.beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  world = await createWorld();
  engagementId = importFixture(world.lead.email);
  await e2eDb().membership.createMany({
    data: [
      { engagementId, userId: world.consultant.id, role: "consultant" },
      { engagementId, userId: world.reviewer.id, role: "clinical_reviewer" },
      { engagementId, userId: world.executive.id, role: "executive" },
    ],
  });
});

test("an executive reads the report, has no edit controls, and downloads a PDF with the same numbers", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, world.executive.email);
  await page.goto(`/engagements/${engagementId}/report`);
  await expect(page.getByRole("heading", { level: 1, name: "Cedar Valley Medical Group" })).toBeVisible();
  await expect(page.getByTestId("report-scope")).toContainText("a Type A vendor switch");
  const h = await headline(page);
  expect(h.p50Cost).toMatch(/^\$\d\.\d\dM$/);
  expect(h.p50Months).toMatch(/^\d+\.\d months$/);
  expect(h.p50GoLive).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
  await expect(page.getByTestId("report-seed")).toHaveText("1");
  for (const name of ["Phases, cutover waves and license overlap", "Where the money goes", "Top risks and honesty flags", "Key assumptions, sign-off and inventory", "Go-live tracks, blackouts and team lanes", "Which type should this client choose?"]) {
    await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
  }
  await expect(page.getByRole("img", { name: /Phase plan with cutover waves/ })).toBeVisible();
  await expect(page.getByText("Labor rates", { exact: true })).toBeVisible(); // executives may see rates
  // engine v2 and the type decision: tracks, the binding lane with what one more person saves, cost of ownership per type, the fit criteria
  await expect(page.getByTestId("report-tracks")).toContainText(/go-live tracks?/);
  await expect(page.getByRole("table", { name: /Phase 1 lanes/ })).toContainText("(binding)");
  await expect(page.getByTestId("report-one-more-person")).toContainText(/one more person/i);
  await expect(page.getByTestId("report-type-decision")).toContainText(/costs? the least/);
  await expect(page.getByRole("table", { name: /Cost of ownership per type/ })).toContainText("Type B — custom replacement");
  await expect(page.getByTestId("report-fit-summary")).toContainText("not answered yet");

  // nothing to edit: no share panel, no forms, no text inputs, only the download and print controls
  await expect(page.getByRole("heading", { name: "Share this report" })).toHaveCount(0);
  await expect(page.locator("main form")).toHaveCount(0);
  await expect(page.locator("main input, main textarea, main select")).toHaveCount(0);
  const buttons = await page.locator("main button").evaluateAll((els) => els.map((e) => (e.getAttribute("aria-label") ?? e.textContent ?? "").trim()));
  expect(buttons.filter((b) => !/^Print$|risks?,.*severity$/.test(b))).toEqual([]); // heat-map cells list their risks

  await page.screenshot({ path: path.join(SHOTS, "report-page.png"), fullPage: true });

  // the print layout: no app chrome
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("header.no-print").first()).toBeHidden();
  await expect(page.getByRole("link", { name: "Download PDF" })).toBeHidden();
  const printed = path.join(SHOTS, "report-print.pdf");
  await page.pdf({ path: printed, format: "Letter", printBackground: true });
  execFileSync("pdftoppm", ["-png", "-r", "50", printed, path.join(SHOTS, "report-print")]);
  await page.emulateMedia({ media: "screen" });

  // the PDF download
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download PDF" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^cedar-valley-medical-group-priced-timeline-report-\d{4}-\d{2}-\d{2}\.pdf$/);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "report-e2e-")), "report.pdf");
  await download.saveAs(file);
  const text = pdfToText(file);
  for (const [k, v] of Object.entries(h)) expect(text, k).toContain(v);
  expect(text).toContain("estimate seed 1");
  expect(text).toMatch(/Page 1 of \d/);
  expect(text).toContain("Which type should this client choose?");
  expect(text).toContain("Go-live tracks, blackouts and team lanes");
  fs.copyFileSync(file, path.join(SHOTS, "report.pdf"));
  execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", file, path.join(SHOTS, "report-pdf-page")]);
  execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "7", "-l", "8", file, path.join(SHOTS, "report-pdf-v2")]);

  // the download was audited as the executive
  const audit = await e2eDb().auditEvent.findFirst({ where: { engagementId, action: "report.pdf_download" }, orderBy: { id: "desc" } });
  expect(audit).toMatchObject({ actorId: world.executive.id, actorRole: "executive" });
});

test("a lead shares the report; an anonymous browser opens it; after revoking, the link is no longer valid", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, world.lead.email);
  await page.goto(`/engagements/${engagementId}/report`);
  const panel = page.getByRole("heading", { name: "Share this report" });
  await expect(panel).toBeVisible();
  await page.getByLabel("Expires after (days)").fill("7");
  await page.getByLabel("For (optional)").fill("Board of directors");
  await page.getByRole("button", { name: "Create link" }).click();
  await expect(page.getByText("Copy this link now — it is shown only once.")).toBeVisible();
  const url = await page.getByRole("textbox", { name: "Share link", exact: true }).inputValue();
  expect(url).toMatch(/^http:\/\/localhost:\d+\/share\/[A-Za-z0-9_-]{43}$/);
  const row = page.getByRole("table", { name: "Share links" }).getByRole("row", { name: /Board of directors/ });
  await expect(row).toContainText("Active");
  await expect(row).toContainText("0×");
  const leadHeadline = await headline(page);
  await page.locator("section").filter({ has: panel }).screenshot({ path: path.join(SHOTS, "share-panel.png") });

  const anonymous = await browser.newContext();
  const anon = await anonymous.newPage();
  const opened = await anon.goto(url);
  expect(opened?.status()).toBe(200);
  await expect(anon.getByTestId("share-banner")).toContainText(`Shared by ${world.org.name} · expires`);
  await expect(anon.getByRole("heading", { level: 1, name: "Cedar Valley Medical Group" })).toBeVisible();
  await expect(anon.getByTestId("headline-p50-cost")).toHaveText(leadHeadline.p50Cost);
  await expect(anon.getByText("Sounding", { exact: true })).toHaveCount(0); // no app chrome
  await expect(anon.getByText("Labor rates", { exact: true })).toHaveCount(0); // shared reports show no rates
  await anon.screenshot({ path: path.join(SHOTS, "share-page.png"), fullPage: false });

  await page.reload();
  await expect(row).toContainText("1×");
  page.once("dialog", (d) => void d.accept());
  await row.getByRole("button", { name: /^Revoke/ }).click();
  await expect(row).toContainText("Revoked");

  const after = await anon.reload();
  expect(after?.status()).toBe(404);
  await expect(anon.getByRole("heading", { name: "This link is no longer valid" })).toBeVisible();
  await expect(anon.getByText("Cedar Valley Medical Group")).toHaveCount(0);
  await anon.screenshot({ path: path.join(SHOTS, "share-revoked.png") });
  // an unknown token gets the very same page
  const token = url.split("/share/")[1]!;
  const unknown = await anon.goto(url.replace(token, (token[0] === "A" ? "B" : "A") + token.slice(1)));
  expect(unknown?.status()).toBe(404);
  await expect(anon.getByRole("heading", { name: "This link is no longer valid" })).toBeVisible();
  await anonymous.close();

  const link = await e2eDb().shareLink.findFirstOrThrow({ where: { engagementId, label: "Board of directors" } });
  expect(link.revokedAt).not.toBeNull();
  expect(await e2eDb().shareLinkAccess.count({ where: { shareLinkId: link.id } })).toBe(1);
});
