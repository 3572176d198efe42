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
  const doc = fixtureDoc();
  const est = estimate(doc, { seed: 1 });

  it("cost CSV: every engine cost line with base, mean, P50, P80, P90; rates only when allowed", () => {
    const rows = parseCsv(tableCsv(costTable(fixtureReport({ doc }))));
    expect(rows[0]).toEqual(["Key", "Cost line", "Group", "Base plan (USD)", "Expected, mean (USD)", "P50 (USD)", "P80 (USD)", "P90 (USD)", "Base-plan hours", "Rate (USD/h)"]);
    const byKey = new Map(rows.slice(1).map((r) => [r[0], r]));
    for (const [key, d] of Object.entries(est.cost.lines)) {
      if (d.base === 0 && d.mean === 0 && d.percentiles.P80 === 0) continue;
      const row = byKey.get(key)!;
      expect(row, key).toBeDefined();
      expect(Number(row[3])).toBeCloseTo(d.base / 100, 2);
      expect(Number(row[4])).toBeCloseTo(d.mean / 100, 2);
      expect(Number(row[5])).toBeCloseTo(d.percentiles.P50! / 100, 2);
      expect(Number(row[6])).toBeCloseTo(d.percentiles.P80! / 100, 2);
    }
    expect(byKey.get("labor.data_migration")![9]).toBe("125");
    expect(Number(byKey.get("total")![5])).toBeCloseTo(est.cost.totalCents.percentiles.P50! / 100, 2);

    const reviewerRows = parseCsv(tableCsv(costTable(fixtureReport({ doc, canSeeRates: false }))));
    expect(reviewerRows[0]).not.toContain("Rate (USD/h)");
    expect(reviewerRows[0]).not.toContain("Base-plan hours");
    expect(reviewerRows.every((r) => r.length === 8)).toBe(true);
  });

  it("text cells starting with = + - @ are neutralised; numbers stay numbers (XLSX)", async () => {
    const evil = { ...doc, assumptions: { ...doc.assumptions, waves: doc.assumptions.waves.map((w, i) => (i === 0 ? { ...w, name: "=HYPERLINK(\"http://x\")", cohort: "@cmd" } : w)) } };
    const report = fixtureReport({ doc: evil });
    const csv = parseCsv(tableCsv(phaseTable(report)));
    const wave = csv.find((r) => r[0] === "wave.0")!;
    expect(wave[1]).toBe("'=HYPERLINK(\"http://x\")");
    expect(wave[9]).toBe("'@cmd");
    expect(wave[10]).toBe("24");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await tableXlsx(phaseTable(report), report)) as never);
    const ws = wb.worksheets[0]!;
    const row = ws.getRows(1, ws.rowCount)!.find((r) => r.getCell(1).value === "wave.0")!;
    expect(row.getCell(2).value).toBe("'=HYPERLINK(\"http://x\")");
    expect(row.getCell(11).value).toBe(24);
    expect(row.getCell(4).value).toBeInstanceOf(Date);
    expect(wb.getWorksheet("About")!.getCell("B6").value).toBe("1");
  });

  it("phase plan: phases with P50/P80 weeks, waves, go-lives and the P50/P80 milestones", () => {
    const report = fixtureReport({ doc });
    const rows = parseCsv(tableCsv(phaseTable(report)));
    expect(rows.map((r) => r[0])).toEqual(["Key", "P0", "P1", "P2", "P3", "P4", "wave.0", "go_live.0", "wave.1", "go_live.1", "wave.2", "go_live.2", "final_go_live.p50", "final_go_live.p80", "completion.p50", "completion.p80"]);
    const p1 = rows.find((r) => r[0] === "P1")!;
    expect(Number(p1[6])).toBe(est.duration.phases.P1.percentiles.P50);
    expect(rows.find((r) => r[0] === "final_go_live.p50")![3]).toBe(report.headline.goLive.p50);
  });
});
