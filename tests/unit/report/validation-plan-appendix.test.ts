// The report's validation-plan appendix is bounded: a large engagement's plan (several checks and one golden
// set per data entity) is listed by its first REPORT_PLAN_ROWS rows, with how many there are and where the
// whole plan is — on the page and in the PDF. A small plan is listed whole, without the note.
import { describe, expect, it } from "vitest";
import { QuirkSchema } from "@/lib/engagement-format/vocabularies";
import { validationPlan, type PlanEntity } from "@/lib/profile-runs/validation-plan";
import { REPORT_PLAN_ROWS } from "@/lib/report/model";
import { planRowsNote } from "@/lib/report/presenters";
import { renderReportPdf } from "@/lib/report/pdf";
import { fixtureReport, pdfToText } from "./support";

function entities(n: number): PlanEntity[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `e${i}`,
    entity: i % 2 ? "lab_results" : "allergies",
    sourceObject: `SRC_TABLE_${i}`,
    decision: "migrate",
    recordCount: 1_000 + i,
    yearsCovered: 12,
    quirks: [QuirkSchema.parse({ kind: i % 3 ? "icd9_unconverted" : "unmerged_patients", severity: "high" }), QuirkSchema.parse({ kind: "free_text_for_structured", severity: "low" })],
  }));
}

describe("the report's validation-plan appendix", () => {
  it("lists the first rows of a large plan, with the totals, and each shown set's quirks", () => {
    const plan = validationPlan(entities(600), [], 3);
    expect(plan.checks.length).toBeGreaterThan(2_000);
    const r = fixtureReport({ validationPlan: plan }).validationPlan!;
    expect(r.checks).toHaveLength(REPORT_PLAN_ROWS);
    expect(r.checks[0]).toEqual({ sourceObject: "SRC_TABLE_0", check: plan.checks[0]!.check, acceptance: plan.checks[0]!.acceptance });
    expect(r.checksTotal).toBe(plan.checks.length);
    expect(r.goldenSets).toHaveLength(REPORT_PLAN_ROWS);
    expect(r.goldenSetsTotal).toBe(600);
    expect(r.goldenSets[0]!.covers).toBe("unmerged patients, free text for structured");
    expect(r.goldenSets[1]!.covers).toBe("icd9 unconverted, free text for structured");
    expect(r.rounds).toHaveLength(3);
    expect(planRowsNote(r.checks.length, r.checksTotal, "reconciliation checks")).toBe(
      `The first 40 of ${plan.checks.length.toLocaleString("en-US")} reconciliation checks. The whole plan is on the engagement's validation plan page (Profiling → Validation plan) and in its XLSX download.`,
    );
  });

  it("lists a small plan whole, without a note", () => {
    const plan = validationPlan(entities(3), [], 2);
    const r = fixtureReport({ validationPlan: plan }).validationPlan!;
    expect(r.checks).toHaveLength(plan.checks.length);
    expect(r.checksTotal).toBe(plan.checks.length);
    expect(planRowsNote(r.checks.length, r.checksTotal, "reconciliation checks")).toBeNull();
    expect(planRowsNote(r.goldenSets.length, r.goldenSetsTotal, "golden-patient sets")).toBeNull();
  });

  it("the PDF's appendix says how many rows there are and where the whole plan is", { timeout: 90_000 }, async () => {
    const plan = validationPlan(entities(600), [], 3);
    const text = pdfToText(await renderReportPdf(fixtureReport({ validationPlan: plan })));
    expect(text).toContain(`The first 40 of ${plan.checks.length.toLocaleString("en-US")} reconciliation checks.`);
    expect(text).toContain("The first 40 of 600 golden-patient sets.");
    expect(text).not.toContain("SRC_TABLE_599");
  });
});
