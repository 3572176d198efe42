// Inventory pages in a real browser: a consultant adds a data entity with a quirk (a bad number first: a
// field error, nothing saved), edits it, sees the totals, deletes it; an executive reads the table with no
// edit controls.
import { expect, test, type Page } from "@playwright/test";
import { createWorld, signIn, type E2eWorld } from "./support/world";
import { e2eDb } from "./support/db";

const panel = (page: Page) => page.getByRole("dialog");

test("a consultant adds, edits and deletes a data entity with a quirk; totals follow", async ({ page }) => {
  test.setTimeout(120_000); // one long journey on a 2-core machine
  const world: E2eWorld = await createWorld({ clientName: `Harbor Pediatrics ${Date.now()}` });
  const db = e2eDb();
  const stored = () => db.dataEntity.findMany({ where: { engagementId: world.engagement.id } });
  await signIn(page, world.consultant.email);
  await page.goto(`/engagements/${world.engagement.id}/data`);

  // empty state says how to start
  await expect(page.getByRole("heading", { name: "No source entities yet" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Import a spreadsheet" })).toHaveAttribute("href", `/engagements/${world.engagement.id}/import/data`);
  await page.getByRole("button", { name: "Add the first entity" }).click();

  const dialog = panel(page);
  await expect(dialog.getByRole("heading", { name: "Add data entity" })).toBeVisible();
  await expect(dialog.getByRole("combobox", { name: "Entity", exact: true })).toBeFocused();
  await dialog.getByRole("combobox", { name: "Entity", exact: true }).selectOption({ label: "Lab results" });
  await dialog.getByRole("textbox", { name: "Source object" }).fill("LAB_RESULTS");
  await dialog.getByRole("textbox", { name: "Records", exact: true }).fill("about 40k");
  await dialog.getByRole("button", { name: "Add quirk" }).click();
  const quirk = dialog.getByRole("group", { name: "Quirk 1" });
  await expect(quirk.getByRole("combobox", { name: "Kind" })).toBeFocused();
  await quirk.getByRole("combobox", { name: "Kind" }).selectOption({ label: "ICD-9 never converted" });
  await quirk.getByRole("combobox", { name: "Severity" }).selectOption({ label: "Critical" });
  await quirk.getByRole("textbox", { name: "Affected records" }).fill("40,000");

  // a bad number: the field says so, gets the focus, and nothing is saved
  await dialog.getByRole("button", { name: "Add data entity" }).click();
  const records = dialog.getByRole("textbox", { name: "Records", exact: true });
  await expect(dialog.getByText("Enter a whole number")).toBeVisible();
  await expect(records).toHaveAttribute("aria-invalid", "true");
  await expect(records).toBeFocused();
  expect(await stored()).toHaveLength(0);

  // fixed, and saved with Enter from the field
  await records.fill("1,250,000");
  await records.press("Enter");
  await expect(page.getByText("Data entity added")).toBeVisible();
  await expect(dialog).toBeHidden();
  const table = page.getByRole("table", { name: "Data entities" });
  const row = table.getByRole("row", { name: /LAB_RESULTS/ });
  await expect(row).toContainText("1,250,000");
  await expect(row).toContainText("Critical");
  const totals = page.getByRole("region", { name: "Totals" });
  await expect(totals).toContainText("Source entities1");
  await expect(totals).toContainText("1,250,000");
  await expect(totals).toContainText("Known quirks1");
  const [saved] = await stored();
  expect(saved).toMatchObject({ entity: "lab_results", sourceObject: "LAB_RESULTS", recordCount: 1_250_000n, version: 1 });
  expect(saved!.quirks).toEqual([expect.objectContaining({ kind: "icd9_unconverted", severity: "critical", affectedCount: 40_000 })]);

  // edit: change the count, remove the quirk
  await row.getByRole("button", { name: "Edit LAB_RESULTS" }).click();
  await expect(dialog.getByRole("heading", { name: "Edit data entity" })).toBeVisible();
  await dialog.getByRole("textbox", { name: "Records", exact: true }).fill("1,300,000");
  await dialog.getByRole("button", { name: "Remove quirk 1" }).click();
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved")).toBeVisible();
  await expect(row).toContainText("1,300,000");
  await expect(row).toContainText("None");
  await expect(totals).toContainText("Known quirks0");
  expect((await stored())[0]).toMatchObject({ recordCount: 1_300_000n, quirks: [], version: 2 });

  // Esc with unsaved changes asks first; declining keeps the panel, accepting closes it
  await row.getByRole("button", { name: "Edit LAB_RESULTS" }).click();
  await dialog.getByRole("textbox", { name: "Notes" }).fill("draft");
  page.once("dialog", (d) => void d.dismiss());
  await page.keyboard.press("Escape");
  await expect(dialog.getByRole("textbox", { name: "Notes" })).toHaveValue("draft");
  page.once("dialog", (d) => void d.accept());
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(row.getByRole("button", { name: "Edit LAB_RESULTS" })).toBeFocused(); // focus returns to the opener

  // delete asks for confirmation; Cancel has the focus
  await row.getByRole("button", { name: "Delete LAB_RESULTS" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Delete this data entity?" });
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await confirm.getByRole("button", { name: "Delete data entity" }).click();
  await expect(page.getByText("Deleted “Lab results · LAB_RESULTS”")).toBeVisible();
  await expect(page.getByRole("heading", { name: "No source entities yet" })).toBeVisible();
  expect(await stored()).toHaveLength(0);
  const actions = await db.auditEvent.findMany({ where: { engagementId: world.engagement.id, entityType: "data_entity" }, orderBy: { id: "asc" } });
  expect(actions.map((a) => a.action)).toEqual(["data_entity.create", "data_entity.update", "data_entity.delete"]);
});

test("an executive sees the table and totals but no edit controls", async ({ page }) => {
  const world: E2eWorld = await createWorld({ clientName: `Lakeshore Behavioral ${Date.now()}` });
  await e2eDb().dataEntity.create({
    data: { engagementId: world.engagement.id, entity: "encounters", sourceObject: "ENC_HISTORY", recordCount: 820_000n, decision: "migrate", quirks: [{ kind: "orphaned_records", severity: "high", description: "Encounters without a patient" }] },
  });
  await signIn(page, world.executive.email);
  await page.goto(`/engagements/${world.engagement.id}/data`);
  const table = page.getByRole("table", { name: "Data entities" });
  await expect(table.getByRole("row", { name: /ENC_HISTORY/ })).toContainText("820,000");
  await expect(page.getByRole("region", { name: "Totals" })).toContainText("Source entities1");
  await expect(page.getByRole("button", { name: /Add data entity/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^(Edit|Delete) / })).toHaveCount(0);
  await expect(page.getByText("Import / export")).toHaveCount(0);

  // the row opens read-only: no save, no delete
  await table.getByRole("button", { name: "ENC_HISTORY" }).click();
  const dialog = panel(page);
  await expect(dialog.getByText("Read only.", { exact: true })).toBeVisible();
  await expect(dialog.getByRole("textbox", { name: "Source object" })).toBeDisabled();
  await expect(dialog.getByRole("button", { name: /Save|Delete|Add quirk/ })).toHaveCount(0);
  await dialog.getByRole("button", { name: "Close", exact: true }).click();
  await expect(dialog).toBeHidden();

  // other inventories: read-only too
  await page.goto(`/engagements/${world.engagement.id}/risks`);
  await expect(page.getByRole("heading", { name: "No risks yet" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Add/ })).toHaveCount(0);
  await page.goto(`/engagements/${world.engagement.id}/audit-trail`);
  await expect(page.getByRole("button", { name: "Save policy" })).toHaveCount(0);
  await expect(page.getByRole("radio", { name: /Archive/ })).toBeDisabled();
});

test("a consultant who is not a member gets 404 on every inventory page; a member gets the page", async ({ page }) => {
  const world: E2eWorld = await createWorld({ clientName: `Northside Surgical ${Date.now()}` });
  const pages = ["data", "workflows", "integrations", "reports", "audit-trail", "risks"];
  await signIn(page, world.outsider.email);
  for (const section of pages) {
    const res = await page.goto(`/engagements/${world.engagement.id}/${section}`);
    expect(res?.status(), section).toBe(404);
  }
  await page.context().clearCookies();
  await signIn(page, world.reviewer.email);
  for (const section of pages) {
    const res = await page.goto(`/engagements/${world.engagement.id}/${section}`);
    expect(res?.status(), section).toBe(200);
  }
});
