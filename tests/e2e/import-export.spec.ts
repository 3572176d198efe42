// Import and export in a real browser: a consultant uploads an XLSX with one bad row, sees that row's error in
// the dry run, uploads the corrected file, applies it and finds the rows in the inventory; then downloads
// the inventory as XLSX (the same rows come back) and the whole engagement as JSON, which imports as a new
// engagement they lead.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createWorld, signIn } from "./support/world";
import { e2eDb } from "./support/db";
import { ROOT } from "./support/paths";
import { INVENTORY_SPECS } from "@/lib/import-export/columns";
import { parseSpreadsheet } from "@/lib/import-export/parse";

const fixture = (name: string) => path.join(ROOT, "tests", "fixtures", "imports", name);

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
