// Profiling in a real browser (issue 10): a consultant goes from the data inventory to "Profile an extract",
// uploads a small synthetic CSV, sees the run finish with its findings, accepts the ICD-9 finding and finds
// the measured quirk on the entity. Screenshots of both pages at 1440 and 390 px go to the test's output.
import os from "node:os";
import path from "node:path";
import { mkdtempSync, rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { createWorld, signIn } from "./support/world";
import { e2eDb } from "./support/db";
import { writeSyntheticCsv } from "../support/synthetic-extract";

test("a consultant profiles an extract, sees the findings and accepts one into the inventory", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const world = await createWorld({ clientName: `Harbor Pediatrics ${Date.now()}` });
  const db = e2eDb();
  const entity = await db.dataEntity.create({ data: { engagementId: world.engagement.id, entity: "patient_demographics", sourceObject: "PATIENT_MASTER" }, select: { id: true } });
  const dir = mkdtempSync(path.join(os.tmpdir(), "profiling-e2e-"));
  const file = path.join(dir, "patients-sample.csv");
  await writeSyntheticCsv(file, 500);
  const base = `/engagements/${world.engagement.id}`;
  try {
    await signIn(page, world.consultant.email);
    await page.goto(`${base}/data`);
    await page.getByRole("link", { name: "Profile an extract", exact: true }).click(); // each row also has "Profile an extract of …"
    await expect(page.getByRole("heading", { name: "Profiling", level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "The file is streamed and never stored" })).toBeVisible();
    await expect(page.getByText("No profile runs yet")).toBeVisible();

    // keyboard-usable form: an empty submit names both missing fields
    await page.getByRole("button", { name: "Profile the extract" }).click();
    await expect(page.getByText("Choose the data entity or interface this file is a sample of")).toBeVisible();
    await page.getByLabel("What is this file a sample of?").selectOption(`data_entity:${entity.id}`);
    await page.getByLabel("Extract file").setInputFiles(file);
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: testInfo.outputPath(`profiling-form-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    const uploaded = page.waitForResponse((r) => r.url().includes("/api/profile-uploads/"), { timeout: 60_000 });
    await page.getByRole("button", { name: "Profile the extract" }).click();
    // the upload streams past proxy.ts (which would buffer the body): no proxy request id on its answer
    const upload = await uploaded;
    expect(upload.status()).toBe(200);
    expect(upload.headers()["x-request-id"]).toBeUndefined();

    await expect(page).toHaveURL(new RegExp(`${base}/profile/[a-z0-9]+$`));
    await expect(page.getByRole("heading", { name: "Findings for the inventory" })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("heading", { name: "patients-sample.csv" })).toBeVisible();
    await expect(page.getByText("500 records,")).toBeVisible();
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: testInfo.outputPath(`profiling-run-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1440, height: 900 });

    await page.getByRole("button", { name: "Accept: ICD-9 codes not converted to ICD-10-CM" }).click();
    await expect(page.getByText("Accepted into the inventory")).toBeVisible();
    await expect(page.getByRole("button", { name: "Accept: ICD-9 codes not converted to ICD-10-CM" })).toHaveCount(0);
    const stored = await db.dataEntity.findUniqueOrThrow({ where: { id: entity.id }, select: { quirks: true } });
    expect(stored.quirks).toEqual([expect.objectContaining({ kind: "icd9_unconverted", affectedCount: expect.any(Number), affectedShare: expect.any(Number) })]);
    const run = await db.profileRun.findFirstOrThrow({ where: { engagementId: world.engagement.id }, select: { status: true, rowCount: true, fileName: true } });
    expect(run).toEqual({ status: "done", rowCount: 500, fileName: "patients-sample.csv" });

    // the run is listed on the Profiling page with its accepted finding
    await page.getByRole("link", { name: "Profiling" }).first().click();
    await expect(page.getByRole("link", { name: "patients-sample.csv" })).toBeVisible();
    await expect(page.getByText("1 accepted")).toBeVisible();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
