// Screenshots of the five inventory pages drawn by the generic view (components/inventories), at 1440 and 390 px,
// with a few rows each, plus the editor panel and the bulk edit bar, for a human look (not assertions):
//   npm run screenshots -- inventories   → PNGs in /tmp/shots/
import { test } from "@playwright/test";
import { createWorld, signIn } from "../e2e/support/world";
import { e2eDb } from "../e2e/support/db";

test("inventory pages, editor and bulk edit", async ({ page }) => {
  test.setTimeout(180_000);
  const db = e2eDb();
  const world = await createWorld({ clientName: "Cedar Ridge Health Partners", name: "eClinicalWorks → athenaOne migration" });
  const eid = world.engagement.id;
  await db.dataEntity.createMany({
    data: [
      { engagementId: eid, entity: "patient_demographics", sourceObject: "PATIENT_MASTER", sourceSystem: "eClinicalWorks", recordCount: 138_400n, yearsCovered: 12, decision: "migrate", destinationEntity: "Patient", mappingStatus: "draft", quirks: [{ kind: "unmerged_patients", severity: "high", affectedCount: 4200 }] },
      { engagementId: eid, entity: "lab_results", sourceObject: "LAB_RESULTS", sourceSystem: "eClinicalWorks", recordCount: 2_450_000n, yearsCovered: 8, decision: "migrate", mappingStatus: "not_started" },
      { engagementId: eid, entity: "billing_claims", sourceObject: "CLAIMS_HIST", sourceSystem: "Medisoft", recordCount: null, decision: "undecided" },
      { engagementId: eid, entity: "scanned_documents", sourceObject: "/scans share", sourceSystem: "Medisoft", recordCount: 910_000n, decision: "archive_only", quirks: [{ kind: "scanned_paper", severity: "critical", affectedShare: 0.4 }] },
    ],
  });
  await db.workflowItem.createMany({
    data: [
      { engagementId: eid, kind: "order_set", name: "Chest pain / ACS order set", department: "Emergency", quantity: 1, complexity: "high", disposition: "must_survive", reviewStatus: "approved" },
      { engagementId: eid, kind: "order_set", name: "Cardiology admission order sets", department: "Cardiology", quantity: 42, complexity: "medium", disposition: "may_change" },
      { engagementId: eid, kind: "alert_rule", name: "Duplicate therapy alert", department: "", quantity: 1, complexity: "medium", disposition: "undecided", reviewStatus: "changes_requested" },
    ],
  });
  await db.integration.createMany({
    data: [
      { engagementId: eid, name: "Quest lab results", kind: "lab_results", standard: "hl7v2", direction: "inbound", partner: "Quest Diagnostics", messageTypes: "ORU^R01", clinicalImpact: "critical", complexity: "medium", transitionStrategy: "parallel_run", status: "in_progress" },
      { engagementId: eid, name: "Surescripts eRx", kind: "erx", standard: "ncpdp_script", direction: "bidirectional", partner: "Surescripts", clinicalImpact: "high", complexity: "complex", transitionStrategy: "undecided" },
    ],
  });
  await db.report.createMany({
    data: [
      { engagementId: eid, name: "MIPS quality measures submission", kind: "regulatory", consumers: "CMS; quality team", frequency: "annual", complexity: "high", reproducibilityPlan: "" },
      { engagementId: eid, name: "Daily census", kind: "operational", consumers: "Nursing leadership", frequency: "daily", complexity: "low", reproducibilityPlan: "Vendor standard report", parallelValidation: true, status: "done" },
    ],
  });
  await db.risk.createMany({
    data: [
      { engagementId: eid, title: "Payer enrollment for new billing NPI lags", category: "vendor", likelihood: 4, impact: 4, residualLikelihood: 2, residualImpact: 3, owner: "Revenue cycle", nextReviewDate: new Date("2026-01-15T00:00:00Z"), mitigationCostCents: 1_250_000 },
      { engagementId: eid, title: "Interface engine license not renewed in time", category: "integration", likelihood: 2, impact: 5 },
    ],
  });
  await signIn(page, world.consultant.email);
  const base = `/engagements/${eid}`;
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 1000 });
    for (const section of ["data", "workflows", "integrations", "reports", "risks"]) {
      await page.goto(`${base}/${section}`);
      await page.screenshot({ path: `/tmp/shots/inv-${section}-${width}.png`, fullPage: true });
    }
    await page.goto(`${base}/data`);
    await page.getByRole("checkbox", { name: "Select LAB_RESULTS" }).check();
    await page.getByRole("checkbox", { name: "Select CLAIMS_HIST" }).check();
    await page.screenshot({ path: `/tmp/shots/inv-data-bulk-${width}.png`, fullPage: true });
    await page.getByRole("button", { name: "Edit PATIENT_MASTER" }).click();
    await page.screenshot({ path: `/tmp/shots/inv-data-editor-${width}.png` });
    await page.keyboard.press("Escape");
    await page.goto(`${base}/reports`);
    await page.getByRole("button", { name: "Edit MIPS quality measures submission" }).click();
    await page.screenshot({ path: `/tmp/shots/inv-reports-editor-${width}.png` });
  }
});
