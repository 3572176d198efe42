// A ReportView built from a golden fixture without a database (the pieces the database would add are filled in).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { EngagementDocumentSchema, type EngagementDocument } from "@/lib/engagement-format/schema";
import { estimate } from "@/lib/estimate";
import { redactTypeDecision, tcoInputOf, typeDecision } from "@/lib/estimate/tco";
import type { TypeDecisionAnswers } from "@/lib/type-decision/schema";
import type { ValidationPlan } from "@/lib/profile-runs/validation-plan";
import { buildReportView, type BaselineSource, type InventoryCompleteness, type ReportView } from "@/lib/report/model";

export const ROOT = path.resolve(__dirname, "../../..");

export function fixtureDoc(file = "mid-size-type-a.json"): EngagementDocument {
  return EngagementDocumentSchema.parse(JSON.parse(fs.readFileSync(path.join(ROOT, "tests/fixtures/engagements", file), "utf8")));
}

export function completenessOf(doc: EngagementDocument): InventoryCompleteness {
  const open = doc.risks.filter((r) => r.status !== "closed");
  const regulatoryWithoutPlan = doc.reports.filter((r) => r.kind === "regulatory" && !r.reproducibilityPlan.trim()).length;
  return {
    data: { total: doc.dataEntities.length, incomplete: doc.dataEntities.filter((d) => d.recordCount === null || d.decision === "undecided").length, unknownCounts: doc.dataEntities.filter((d) => d.recordCount === null).length, undecided: doc.dataEntities.filter((d) => d.decision === "undecided").length },
    workflows: { total: doc.workflows.length, incomplete: doc.workflows.filter((w) => w.disposition === "undecided" || w.reviewStatus === "not_reviewed").length, undecided: doc.workflows.filter((w) => w.disposition === "undecided").length, notReviewed: doc.workflows.filter((w) => w.reviewStatus === "not_reviewed").length },
    integrations: { total: doc.integrations.length, incomplete: doc.integrations.filter((i) => i.transitionStrategy === "undecided").length, undecided: doc.integrations.filter((i) => i.transitionStrategy === "undecided").length },
    reports: { total: doc.reports.length, incomplete: regulatoryWithoutPlan, regulatory: doc.reports.filter((r) => r.kind === "regulatory").length, regulatoryWithoutPlan },
    risks: { total: doc.risks.length, notClosed: open.length, incomplete: open.filter((r) => !r.owner.trim() || r.residualLikelihood === null || r.residualImpact === null).length, withoutOwner: open.filter((r) => !r.owner.trim()).length, residualNotAssessed: open.filter((r) => r.residualLikelihood === null || r.residualImpact === null).length, overdue: 0 },
    auditTrail: { policy: doc.auditTrail?.policy ?? null, retrievalProcedure: doc.auditTrail?.retrievalProcedure ?? "", destination: doc.auditTrail?.destination ?? "" },
  };
}

export function fixtureReport(
  opts: { file?: string; doc?: EngagementDocument; canSeeRates?: boolean; seed?: number; baseline?: BaselineSource | null; withTypeDecision?: boolean; fitChecklist?: TypeDecisionAnswers; validationPlan?: ValidationPlan } = {},
): ReportView {
  const doc = opts.doc ?? fixtureDoc(opts.file);
  const est = estimate(doc, { seed: opts.seed ?? 1 });
  // the type decision as lib/estimates computeTypeDecision builds it: the same engagement as each type
  const asType = (t: "A" | "B" | "C") => (t === doc.engagement.migrationType ? est : estimate({ ...doc, engagement: { ...doc.engagement, migrationType: t } }, { seed: opts.seed ?? 1, iterations: 2_000 }));
  const decision = opts.withTypeDecision ? typeDecision(doc, (["A", "B", "C"] as const).map((t) => tcoInputOf(asType(t)))) : null;
  return buildReportView({
    typeDecision: decision && !(opts.canSeeRates ?? true) ? redactTypeDecision(decision) : decision,
    fitChecklist: opts.fitChecklist ?? null,
    validationPlan: opts.validationPlan ?? null,
    engagementId: "eng_fixture",
    doc,
    estimate: est,
    firmName: "Harbor Health Advisory",
    leadNames: ["Dana Whitfield"],
    isArchived: false,
    signOff: { lastSignOff: { id: "s1", at: "2026-02-20T15:30:00.000Z", by: "Dr. Maya Chen", role: "clinical_reviewer" }, changedSinceSignOff: 2, approved: 12, changesRequested: 1, notReviewed: 4, changedSinceApproval: 1, total: 17 },
    completeness: completenessOf(doc),
    baseline: opts.baseline ?? null,
    asOf: "2026-02-27T09:15:00.000Z",
    viewer: { canSeeRates: opts.canSeeRates ?? true },
  });
}

/** The text of a PDF (pdftotext from poppler-utils, on a temp file), whitespace collapsed. */
export function pdfToText(buf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "report-pdf-"));
  try {
    const file = path.join(dir, "report.pdf");
    fs.writeFileSync(file, buf);
    return execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
