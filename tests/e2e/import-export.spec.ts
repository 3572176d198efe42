// Import and export in a real browser: a consultant uploads an XLSX with one bad row, sees that row's error in
// the dry run, uploads the corrected file, applies it and finds the rows in the inventory; then downloads
// the inventory as XLSX (the same rows come back) and the whole engagement as JSON, which imports as a new
// engagement they lead.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { expectNoViolationsHere } from "./support/axe";
import { createWorld, signIn } from "./support/world";
import { e2eDb } from "./support/db";
import { ROOT } from "./support/paths";
import { INVENTORY_SPECS } from "@/lib/import-export/columns";
import { parseSpreadsheet } from "@/lib/import-export/parse";

const fixture = (name: string) => path.join(ROOT, "tests", "fixtures", "imports", name);
const SHOTS = path.join(ROOT, "test-results", "import-wizard");

/** axe (WCAG A/AA) on the wizard as it is now, then the step at 1440 and 390 px wide. */
async function checkStep(page: Page, name: string) {
  // the toast region is left out: a toast measured while it fades in has its colours mid-animation
  await expectNoViolationsHere(page, `the ${name} step`, { exclude: "[data-sonner-toaster]" });
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect.soft(overflow, `the ${name} step fits ${width} px`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test("a messy client workbook: value mapping, a confirmed suggestion, partial import with the skipped rows, and its profile offered on the next upload", async ({ page }) => {
  test.setTimeout(180_000);
  const world = await createWorld({ clientName: `Summit Orthopaedics ${Date.now()}` });
  const db = e2eDb();
  const eid = world.engagement.id;
  await signIn(page, world.consultant.email);
  await page.goto(`/engagements/${eid}/import/integrations`);
  await checkStep(page, "upload");

  // the client's list as it came: a cover sheet, no "Kind" column, "In/Out", "HL7 2.3", "vendor native"…
  await page.getByLabel("Spreadsheet file").setInputFiles(fixture("corpus/SummitOrtho_integration_list.xlsx"));
  await expect(page.getByRole("heading", { name: "Match your columns" })).toBeVisible();
  await expect(page.getByText(/Looks like the integration list/)).toHaveCount(0);
  await expect(page.getByLabel("Sounding field for “In/Out”")).toHaveValue("direction");
  await checkStep(page, "mapping");
  await page.getByRole("button", { name: "Run dry run" }).click();

  // dry run: suggestions are confirmed by default; one row lacks a direction, and one's status "retired" has
  // no suggestion (it says the source stopped using it, not where its migration stands): the consultant chooses
  await expect(page.getByText("2 rows have errors.")).toBeVisible();
  const kind = page.getByRole("group", { name: "The file has no “Kind” column" });
  await expect(kind.getByRole("checkbox")).toBeChecked();
  // value mapping, by keyboard: open the Format values and map "vendor native" (suggested: Other) to Proprietary API
  const formatValues = page.locator("summary").filter({ hasText: "Format → Standard" });
  await formatValues.focus();
  await page.keyboard.press("Enter");
  const vendorNative = page.getByLabel("Format: “vendor native” becomes");
  await expect(vendorNative).toBeVisible();
  await vendorNative.selectOption({ label: "Proprietary API" });
  const retired = page.getByLabel("Status: “retired” becomes");
  await expect(retired).toHaveValue("");
  await retired.selectOption({ label: "Done" });
  await page.getByRole("button", { name: "Run the dry run again with these choices" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("1 row has an error.")).toBeVisible();
  await expect(page.getByLabel("Format: “vendor native” becomes")).toHaveValue(JSON.stringify("proprietary_api"));
  await checkStep(page, "dry-run");

  // the skipped rows, as a file to fix: original columns + the error
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the 1 row with errors (CSV)" }).click()]);
  const skipped = fs.readFileSync((await download.path())!, "utf8");
  expect(skipped).toContain("Import error");
  expect(skipped).toContain("Dragon Medical One");
  expect(skipped.trim().split(/\r?\n/)).toHaveLength(2);

  // partial import, by keyboard
  const partial = page.getByRole("button", { name: /^Import the 25 valid rows, skip 1$/ });
  await partial.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Imported SummitOrtho_integration_list.xlsx" })).toBeVisible();
  await expect(page.getByText("saved as the profile “SummitOrtho integration list”")).toBeVisible();
  await checkStep(page, "imported");
  const rows = await db.integration.findMany({ where: { engagementId: eid }, select: { name: true, kind: true, standard: true, messageTypes: true } });
  expect(rows).toHaveLength(25);
  expect(rows.filter((r) => r.standard === "proprietary_api").length).toBeGreaterThan(0);
  expect(rows.find((r) => /NCPDP|NewRx/i.test(r.messageTypes))?.kind ?? "erx").toBe("erx");
  expect(await db.importProfile.count({ where: { organizationId: world.org.id } })).toBe(1);

  // the same list again next month: the profile is offered; applied by keyboard, the dry run needs no choice
  await page.getByRole("button", { name: "Import another file" }).click();
  await page.getByLabel("Spreadsheet file").setInputFiles(fixture("corpus/SummitOrtho_integration_list.xlsx"));
  const today = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  await expect(page.getByText(`Looks like the integration list you imported on ${today} — apply its mappings?`)).toBeVisible();
  await checkStep(page, "mapping-offer");
  await page.getByRole("button", { name: "Apply its mappings" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Columns matched as in the saved profile")).toBeVisible();
  await page.getByRole("button", { name: "Run dry run" }).click();
  await expect(page.getByText("1 row has an error.")).toBeVisible();
  // "vendor native" comes back as Proprietary API from the profile: nothing differs from what was imported
  await expect(page.getByLabel("Format: “vendor native” becomes")).toHaveValue(JSON.stringify("proprietary_api"));
  const lastDryRun = await db.auditEvent.findFirst({ where: { engagementId: eid, action: "import.dry_run" }, orderBy: { id: "desc" }, select: { changes: true } });
  expect((lastDryRun?.changes as { counts?: unknown } | null)?.counts).toEqual({ create: 0, update: 0, unchanged: 25, error: 1 });
  expect(await db.auditEvent.count({ where: { engagementId: eid, action: { in: ["import.upload", "import.dry_run", "import.profile_save", "import.profile_use"] } } })).toBe(7);
});

test("a consultant imports an XLSX with one bad row, fixes it, applies, and exports the rows again", async ({ page }) => {
  test.setTimeout(120_000);
  const world = await createWorld({ clientName: `Lakeshore Family Medicine ${Date.now()}` });
  const db = e2eDb();
  const base = `/engagements/${world.engagement.id}`;
  await signIn(page, world.consultant.email);

  await page.goto(`${base}/import`);
  await page.getByRole("link", { name: "Import into the integration inventory" }).click();
  await expect(page.getByRole("heading", { name: "Import into the integration inventory" })).toBeVisible();

  // upload: every column is recognised
  await page.getByLabel("Spreadsheet file").setInputFiles(fixture("integrations-one-bad-row.xlsx"));
  await expect(page.getByText("12 of 12 columns are matched")).toBeVisible();
  await expect(page.getByLabel("Sounding field for “Interface name”")).toHaveValue("name");
  await page.getByRole("button", { name: "Run dry run" }).click();

  // dry run: the bad row, its column and the reason; nothing can be applied
  await expect(page.getByText("1 row has an error.")).toBeVisible();
  const results = page.getByRole("table", { name: "Dry-run results" });
  const bad = results.getByRole("row", { name: /Surescripts eRx/ });
  await expect(bad).toContainText("4");
  await expect(bad).toContainText("Direction: “Sideways” is not one of: Inbound, Outbound, Bidirectional");
  await expect(page.getByRole("button", { name: "Apply import" })).toHaveCount(0);
  expect(await db.integration.count({ where: { engagementId: world.engagement.id } })).toBe(0);

  // the corrected file
  await page.getByRole("button", { name: "Upload the corrected file" }).click();
  await page.getByLabel("Spreadsheet file").setInputFiles(fixture("integrations-fixed.xlsx"));
  await page.getByRole("button", { name: "Run dry run" }).click();
  await expect(page.getByText("Create 4 integrations.")).toBeVisible();
  await page.getByRole("button", { name: "Apply import" }).click();
  await expect(page.getByRole("heading", { name: "Imported integrations-fixed.xlsx" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "4 integrations created" })).toBeVisible();
  expect(await db.integration.count({ where: { engagementId: world.engagement.id } })).toBe(4);
  expect(await db.auditEvent.count({ where: { engagementId: world.engagement.id, action: "import.apply" } })).toBe(1);

  // the rows are in the inventory
  await page.getByRole("link", { name: "Open the integration inventory" }).click();
  await expect(page).toHaveURL(new RegExp(`${base}/integrations`));
  for (const name of ["Quest lab orders", "Quest lab results", "Surescripts eRx", "Payer eligibility"]) {
    await expect(page.getByRole("table").getByText(name, { exact: true })).toBeVisible();
  }

  // export: the same rows come back in the columns the importer reads
  await page.goto(`${base}/import`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export the integration inventory as Excel" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^lakeshore-family-medicine-.*-integration-inventory-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const file = await download.path();
  const parsed = await parseSpreadsheet("export.xlsx", new Uint8Array(fs.readFileSync(file!)), INVENTORY_SPECS.integrations);
  expect(parsed.headers).toEqual(INVENTORY_SPECS.integrations.columns.map((c) => c.header));
  expect(parsed.rows.map((r) => r.cells[0])).toEqual(["Quest lab orders", "Quest lab results", "Surescripts eRx", "Payer eligibility"]);
  expect(await db.auditEvent.count({ where: { engagementId: world.engagement.id, action: "export.integrations" } })).toBe(1);
});

test("the whole engagement exports as JSON and imports as a new engagement led by the importer", async ({ page }) => {
  test.setTimeout(90_000);
  const world = await createWorld({ clientName: `Pinecrest Behavioral Health ${Date.now()}` });
  await signIn(page, world.lead.email);
  await page.goto(`/engagements/${world.engagement.id}/import`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export engagement (.json)" }).click()]);
  const json = fs.readFileSync((await download.path())!, "utf8");
  expect(JSON.parse(json)).toMatchObject({ format: "sounding.engagement", version: 1, engagement: { clientName: world.engagement.clientName } });

  // a broken copy first: every problem with its path, nothing created
  const broken = JSON.parse(json);
  broken.engagement.migrationType = "D";
  const brokenFile = path.join(test.info().outputDir, "broken.json");
  fs.mkdirSync(path.dirname(brokenFile), { recursive: true });
  fs.writeFileSync(brokenFile, JSON.stringify(broken));
  await page.goto("/engagements/import");
  await page.getByLabel("Engagement file").setInputFiles(brokenFile);
  await page.getByRole("button", { name: "Import as a new engagement" }).click();
  await expect(page.getByText("The file has a problem; nothing was imported.")).toBeVisible();
  await expect(page.getByText("engagement.migrationType")).toBeVisible();

  // the real file
  const goodFile = path.join(test.info().outputDir, "engagement.json");
  fs.writeFileSync(goodFile, json);
  await page.getByLabel("Engagement file").setInputFiles(goodFile);
  await page.getByRole("button", { name: "Import as a new engagement" }).click();
  await expect(page).toHaveURL(/\/engagements\/(?!import)[a-z0-9]+$/);
  const newId = new URL(page.url()).pathname.split("/").pop()!;
  expect(newId).not.toBe(world.engagement.id);
  const membership = await e2eDb().membership.findMany({ where: { engagementId: newId } });
  expect(membership).toEqual([expect.objectContaining({ userId: world.lead.id, role: "lead" })]);
});
