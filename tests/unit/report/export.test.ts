// CSV/XLSX tables of the report: the engine's cost lines, numbers as numbers, text neutralised.
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { estimate } from "@/lib/estimate";
import { costTable, phaseTable, tableCsv, tableXlsx } from "@/lib/report/export";
import { fixtureDoc, fixtureReport } from "./support";

function parseCsv(text: string): string[][] {
  return Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
}

describe("report exports", () => {
  it("one-time vendor implementation fees are grouped with license costs, not with risk (page, PDF and exports read the same group)", () => {
    const base = fixtureDoc();
    const withFees = { ...base, assumptions: { ...base.assumptions, license: { ...base.assumptions.license, implementationFeeCents: 12_345_600 } } };
    const r = fixtureReport({ doc: withFees });
    const vendor = r.costs.lines.find((l) => l.key === "vendor_fees")!;
    expect(vendor.base).toBe(12_345_600);
    expect(vendor.group).toBe("license");
    const rows = parseCsv(tableCsv(costTable(r)));
    const row = rows.find((x) => x[0] === vendor.label)!;
    expect(row[1]).toBe("License and vendor fees");
    expect(rows.filter((x) => x[1] === "Risk and slip").map((x) => x[0]).sort()).toEqual(
      r.costs.lines.filter((l) => ["risk_events", "schedule_slip", "risk_mitigation"].includes(l.key)).map((l) => l.label).sort(),
    );
  });

  const doc = fixtureDoc();
  const est = estimate(doc, { seed: 1 });

  it("cost CSV: every engine cost line with base, mean, P50, P80, P90; rates only when allowed", () => {
    const rows = parseCsv(tableCsv(costTable(fixtureReport({ doc }))));
    expect(rows[0]).toEqual(["Cost line", "Group", "Base plan (USD)", "Expected, mean (USD)", "P50 (USD)", "P80 (USD)", "P90 (USD)", "Base-plan hours", "Rate (USD/h)"]);
    const byLabel = new Map(rows.slice(1).map((r) => [r[0], r]));
    const labels = new Map<string, string>(fixtureReport({ doc }).costs.lines.map((l) => [l.key, l.label]));
    for (const [key, d] of Object.entries(est.cost.lines)) {
      if (d.base === 0 && d.mean === 0 && d.percentiles.P80 === 0) continue;
      const row = byLabel.get(labels.get(key)!)!;
      expect(row, key).toBeDefined();
      expect(Number(row[2])).toBeCloseTo(d.base / 100, 2);
      expect(Number(row[3])).toBeCloseTo(d.mean / 100, 2);
      expect(Number(row[4])).toBeCloseTo(d.percentiles.P50! / 100, 2);
      expect(Number(row[5])).toBeCloseTo(d.percentiles.P80! / 100, 2);
    }
    expect(byLabel.get(labels.get("labor.data_migration")!)![8]).toBe("125");
    expect(Number(byLabel.get("Total")![4])).toBeCloseTo(est.cost.totalCents.percentiles.P50! / 100, 2);
    // words, not engine keys
    expect(new Set(rows.slice(1).map((r) => r[1]))).toEqual(new Set(["Labor", "License and vendor fees", "Risk and slip", ""]));
    expect(rows.flat().join(" ")).not.toMatch(/\b(labor|license_overlap|risk_events|schedule_slip)\b|_/);

    const reviewerRows = parseCsv(tableCsv(costTable(fixtureReport({ doc, canSeeRates: false }))));
    expect(reviewerRows[0]).not.toContain("Rate (USD/h)");
    expect(reviewerRows[0]).not.toContain("Base-plan hours");
    expect(reviewerRows.every((r) => r.length === 7)).toBe(true);
  });

  it("text cells starting with = + - @ are neutralised; numbers stay numbers (XLSX)", async () => {
    const evil = { ...doc, assumptions: { ...doc.assumptions, waves: doc.assumptions.waves.map((w, i) => (i === 0 ? { ...w, name: "=HYPERLINK(\"http://x\")", cohort: "@cmd" } : w)) } };
    const report = fixtureReport({ doc: evil });
    const csv = parseCsv(tableCsv(phaseTable(report)));
    const wave = csv.find((r) => r[1] === "Cutover wave")!;
    expect(wave[0]).toBe("'=HYPERLINK(\"http://x\")");
    expect(wave[8]).toBe("'@cmd");
    expect(wave[9]).toBe("24");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await tableXlsx(phaseTable(report), report)) as never);
    const ws = wb.worksheets[0]!;
    const row = ws.getRows(1, ws.rowCount)!.find((r) => r.getCell(2).value === "Cutover wave")!;
    expect(row.getCell(1).value).toBe("'=HYPERLINK(\"http://x\")");
    expect(row.getCell(10).value).toBe(24);
    expect(row.getCell(3).value).toBeInstanceOf(Date);
    expect(wb.getWorksheet("About")!.getCell("B6").value).toBe("1");
  });

  it("phase plan: phases with P50/P80 weeks, waves, go-lives and the P50/P80 milestones", () => {
    const report = fixtureReport({ doc });
    const rows = parseCsv(tableCsv(phaseTable(report)));
    expect(rows.map((r) => r[1])).toEqual(["Kind", "Phase", "Phase", "Phase", "Phase", "Phase", "Cutover wave", "Go-live", "Cutover wave", "Go-live", "Cutover wave", "Go-live", "Milestone", "Milestone", "Milestone", "Milestone"]);
    expect(rows.slice(1, 6).map((r) => r[0])).toEqual(report.timeline.phases.map((p) => p.label));
    const p1 = rows[2]!;
    expect(Number(p1[5])).toBe(est.duration.phases.P1.percentiles.P50);
    expect(rows.find((r) => r[0] === "Final go-live (P50)")![2]).toBe(report.headline.goLive.p50);
    expect(rows.flat().join(" ")).not.toMatch(/go_live|final_go_live|wave\.\d/);
  });
});
