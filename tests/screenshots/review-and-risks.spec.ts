// Screenshots of the review, sign-off and risk pages with realistic data, for a human look (not assertions):
//   npm run screenshots -- review-and-risks   → PNGs in /tmp/shots/
import { test } from "@playwright/test";
import { createWorld, signIn } from "../e2e/support/world";
import { e2eDb } from "../e2e/support/db";
import { DEFAULT_RISK_LIBRARY } from "@/lib/estimate/risk-library";

const ITEMS = [
  ["order_set", "Chest pain / ACS order set", "Emergency", 1, "high", "must_survive", "Aspirin, troponin q3h, ECG within 10 min; door-to-balloon tracking feeds the STEMI report."],
  ["order_set", "Sepsis bundle (SEP-1)", "Emergency", 1, "high", "must_survive", "Lactate, cultures before antibiotics, 30 mL/kg fluids; CMS SEP-1 abstraction depends on timestamps."],
  ["order_set", "Cardiology admission order sets", "Cardiology", 42, "medium", "may_change", "42 physician-personal variants; consolidate to 6 during build."],
  ["order_set", "Heparin weight-based protocol", "Inpatient", 1, "high", "must_survive", "Nomogram with anti-Xa titration; pharmacy verifies."],
  ["alert_rule", "Duplicate therapy alert", "Pharmacy", 1, "medium", "may_change", "Fires 1,900 times a week; 96% overridden."],
  ["alert_rule", "Fall-risk reassessment reminder", "Nursing", 1, "low", "may_change", ""],
  ["alert_rule", "Opioid + benzodiazepine co-prescribing warning", "Behavioral health", 1, "medium", "must_survive", "State PDMP rule; must fire at signing."],
  ["document_routing", "Outside records to HIM queue", "Health information", 1, "medium", "may_change", "Fax server → indexing queue → provider inbox."],
  ["document_routing", "Lab result routing to ordering provider", "Laboratory", 1, "high", "must_survive", "Covering provider fallback when the orderer is off."],
  ["encounter_template", "Annual wellness visit template", "Primary care", 1, "medium", "may_change", "Drives MIPS quality measures 130, 226."],
  ["encounter_template", "Behavioral health intake smartphrases", "Behavioral health", 85, "medium", "may_change", "85 smartphrases; 20 in weekly use."],
  ["role_permission_set", "Front desk scheduling role", "Operations", 1, "low", "may_change", ""],
  ["role_permission_set", "Break-the-glass access for VIP charts", "Compliance", 1, "high", "must_survive", "Audit reasons required; reviewed monthly by privacy officer."],
  ["reporting_pipeline", "Nightly quality extract to registry", "Quality", 1, "high", "must_survive", "Feeds the state cancer registry and two payer programs."],
] as const;

test("review, sign-off and risk screenshots", async ({ page }) => {
  test.setTimeout(180_000);
  const db = e2eDb();
  const world = await createWorld({ clientName: "Cedar Ridge Health Partners", name: "eClinicalWorks → athenaOne migration" });
  const eid = world.engagement.id;
  await db.user.update({ where: { id: world.reviewer.id }, data: { name: "Dr. Maria Reyes" } });
  await db.user.update({ where: { id: world.consultant.id }, data: { name: "Sam Okafor" } });
  const created = [];
  for (const [kind, name, department, quantity, complexity, disposition, notes] of ITEMS) {
    created.push(await db.workflowItem.create({ data: { engagementId: eid, kind, name, department, quantity, complexity, disposition, notes } }));
  }
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
  // a review history: approvals, a change request, comments
  for (const [i, ago] of [[0, 300], [1, 290], [3, 280], [8, 270], [12, 260], [13, 250], [6, 240]] as const) {
    await db.workflowItem.update({ where: { id: created[i]!.id }, data: { reviewStatus: "approved", updatedAt: at(ago), version: { increment: 1 } } });
    await db.workflowComment.create({ data: { engagementId: eid, workflowItemId: created[i]!.id, authorId: world.reviewer.id, authorName: "Dr. Maria Reyes", verdict: "approved", body: "Approved.", createdAt: at(ago) } });
  }
  await db.workflowComment.create({ data: { engagementId: eid, workflowItemId: created[1]!.id, authorId: world.consultant.id, authorName: "Sam Okafor", body: "athenaOne has a native sepsis order set; we plan to map ours onto it rather than rebuild.", createdAt: at(320) } });
  await db.workflowComment.create({ data: { engagementId: eid, workflowItemId: created[1]!.id, authorId: world.reviewer.id, authorName: "Dr. Maria Reyes", body: "Fine, as long as the SEP-1 timestamps (time zero, lactate, antibiotics) are captured the same way.", createdAt: at(310) } });
  await db.workflowItem.update({ where: { id: created[4]!.id }, data: { reviewStatus: "changes_requested", updatedAt: at(200), version: { increment: 1 } } });
  await db.workflowComment.create({ data: { engagementId: eid, workflowItemId: created[4]!.id, authorId: world.reviewer.id, authorName: "Dr. Maria Reyes", verdict: "changes_requested", body: "Do not carry this over as is: 96% override rate. Propose tiering (hard stop only for same-class IV).", createdAt: at(200) } });
  const snapshot = (await db.workflowItem.findMany({ where: { engagementId: eid }, orderBy: [{ kind: "asc" }, { department: "asc" }, { name: "asc" }] })).map((r) => ({
    id: r.id, kind: r.kind, name: r.name, department: r.department, quantity: r.quantity, complexity: r.complexity, disposition: r.disposition, reviewStatus: r.reviewStatus, notes: r.notes,
  }));
  await db.workflowSignOff.create({ data: { engagementId: eid, signedById: world.lead.id, signedByName: "Lead Consultant", signedByRole: "lead", note: "Initial scoping pass.", snapshot: snapshot.slice(0, 10), createdAt: at(1440) } });
  await db.workflowSignOff.create({ data: { engagementId: eid, signedById: world.reviewer.id, signedByName: "Dr. Maria Reyes", signedByRole: "clinical_reviewer", note: "ED, inpatient and lab routing reviewed. Duplicate therapy alert to be redesigned.", snapshot, createdAt: at(150) } });
  // after the sign-off: an approved item edited, one added, one removed
  await db.workflowItem.update({ where: { id: created[3]!.id }, data: { quantity: 3, notes: "Split per unit: ICU, step-down, med-surg.", version: { increment: 1 } } });
  await db.workflowItem.create({ data: { engagementId: eid, kind: "order_set", name: "Stroke alert (tPA) order set", department: "Emergency", complexity: "high", disposition: "must_survive" } });
  await db.workflowItem.delete({ where: { id: created[11]!.id } });

  // risks: library entries plus two of the firm's own, some with residual ratings
  for (const e of DEFAULT_RISK_LIBRARY.filter((x) => x.appliesTo.includes("A")).slice(0, 8)) {
    const { appliesTo: _a, scheduleImpactWeeks, costImpact, ...r } = e;
    await db.risk.create({
      data: { ...r, engagementId: eid, residualLikelihood: Math.max(1, r.likelihood - 1), residualImpact: r.impact, ...(scheduleImpactWeeks ? { scheduleImpactWeeks } : {}), ...(costImpact ? { costImpact } : {}) },
    });
  }
  await db.risk.create({ data: { engagementId: eid, title: "Payer enrollment for new billing NPI lags", category: "vendor", likelihood: 4, impact: 4, residualLikelihood: 2, residualImpact: 3, probability: 0.3, owner: "Revenue cycle" } });
  await db.risk.create({ data: { engagementId: eid, title: "Interface engine license not renewed in time", category: "integration", likelihood: 2, impact: 5, probability: 0.1 } });
  await db.riskLibraryEntry.create({ data: { organizationId: world.org.id, key: "firm.payer_enrollment_for_new_billing_npi_lags", appliesTo: ["A", "B"], createdById: world.consultant.id, risk: { title: "Payer enrollment for new billing NPI lags", cause: "Payers take 60–120 days to link a new billing NPI or tax ID.", effect: "Claims reject after go-live; cash flow dips.", category: "vendor", likelihood: 4, impact: 4, residualLikelihood: null, residualImpact: null, probability: 0.3, residualProbability: null, scope: "once", treatment: "mitigate", mitigationPlan: "Start enrollment at contract signature; track per payer.", mitigationCostCents: 0, scheduleImpactWeeks: null, costImpact: { kind: "amount", min: 1000000, likely: 4000000, max: 15000000 }, phase: "P3", owner: "", nextReviewDate: null, status: "open", libraryKey: null } } });

  await page.setViewportSize({ width: 1440, height: 1000 });
  await signIn(page, world.reviewer.email);
  const base = `/engagements/${eid}`;
  await page.goto(`${base}/workflows/review`);
  await page.getByRole("list", { name: "Workflow items to review" }).getByRole("button", { name: /Sepsis bundle/ }).click();
  await page.screenshot({ path: "/tmp/shots/wr-review.png", fullPage: true });
  await page.goto(`${base}/workflows/review?status=changed_since_approval`);
  await page.screenshot({ path: "/tmp/shots/wr-review-changed.png", fullPage: true });
  await page.goto(`${base}/workflows/sign-off`);
  await page.screenshot({ path: "/tmp/shots/wr-signoff.png", fullPage: true });
  await page.getByRole("button", { name: "Sign off the workflow inventory…" }).click();
  await page.screenshot({ path: "/tmp/shots/wr-signoff-dialog.png" });
  await page.keyboard.press("Escape");
  await page.goto(`${base}/workflows/sign-off?view=${(await db.workflowSignOff.findFirstOrThrow({ where: { engagementId: eid }, orderBy: { createdAt: "desc" } })).id}`);
  await page.screenshot({ path: "/tmp/shots/wr-snapshot.png", fullPage: true });

  await page.context().clearCookies();
  await signIn(page, world.consultant.email);
  await page.goto(`${base}/risks/heat-map`);
  await page.getByRole("table", { name: /^Inherent risk/ }).getByRole("button").first().click();
  await page.screenshot({ path: "/tmp/shots/wr-heatmap.png", fullPage: true });
  await page.goto(`${base}/risks/library`);
  await page.screenshot({ path: "/tmp/shots/wr-library.png", fullPage: true });
  await page.goto(`${base}/risks/matrix`);
  await page.getByText("4×4", { exact: true }).click();
  await page.screenshot({ path: "/tmp/shots/wr-matrix.png", fullPage: true });
});
