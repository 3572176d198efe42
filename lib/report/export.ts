// The report's cost lines and phase plan as CSV or XLSX. Tables come from the ReportView (the same numbers
// as the page and the PDF); money in currency units with cents, weeks with two decimals, dates as dates.
// Text cells are neutralised against formula injection (= + - @ …); numbers stay numbers. Every cell a person
// reads is in words (cost line, group, kind of row): no engine keys such as `license_overlap` or `go_live.0`.
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { neutraliseFormulaText } from "@/lib/import-export/formula";
import { COST_LINE_GROUP_LABELS, type ReportView } from "@/lib/report/model";
import type { ReportExportPart } from "@/lib/report/schema";
import { formatReportDateTime } from "@/lib/report/format";

export type Cell = { t: "text"; v: string } | { t: "money"; v: number } | { t: "number"; v: number; digits?: number } | { t: "date"; v: string } | null;
export type Table = { title: string; headers: string[]; widths: number[]; rows: Cell[][] };

const text = (v: string): Cell => ({ t: "text", v });
const money = (cents: number | null): Cell => (cents === null ? null : { t: "money", v: Math.round(cents) / 100 });
const num = (v: number, digits = 2): Cell => ({ t: "number", v: Math.round(v * 10 ** digits) / 10 ** digits, digits });
const date = (v: string): Cell => ({ t: "date", v });

/**
 * Cost lines with the base plan, the mean and P50/P80/P90; hours and rates only for viewers who may see rates
 * (for the others, labor is one line with its base and mean only — as on the estimate page).
 */
export function costTable(r: ReportView): Table {
  const withRates = r.meta.canSeeRates;
  const cur = r.meta.currency;
  const headers = ["Cost line", "Group", `Base plan (${cur})`, `Expected, mean (${cur})`, `P50 (${cur})`, `P80 (${cur})`, `P90 (${cur})`, ...(withRates ? ["Base-plan hours", `Rate (${cur}/h)`] : [])];
  const rows: Cell[][] = r.costs.lines.map((l) => [
    text(l.label),
    text(COST_LINE_GROUP_LABELS[l.group]),
    money(l.base),
    money(l.mean),
    money(l.p50),
    money(l.p80),
    money(l.p90),
    ...(withRates ? [l.hours === null ? null : num(l.hours, 0), money(l.rateCents)] : []),
  ]);
  const t = r.costs.total;
  rows.push([text("Total"), text(""), money(t.base), money(t.mean), money(t.p50), money(t.p80), money(t.p90), ...(withRates ? [null, null] : [])]);
  return { title: "Cost lines", headers, widths: [44, 16, 16, 18, 16, 16, 16, ...(withRates ? [16, 14] : [])], rows };
}

/** Phases (base-plan dates; P50/P80 durations), waves, go-lives and the P50/P80 milestones. */
export function phaseTable(r: ReportView): Table {
  const headers = ["Item", "Kind", "Start (base plan)", "End (base plan)", "Weeks (base plan)", "Weeks (P50)", "Weeks (P80)", "Field minimum (weeks)", "Cohort", "Providers", "Users"];
  const rows: Cell[][] = [];
  for (const p of r.timeline.phases) {
    rows.push([text(p.label), text("Phase"), date(p.start), date(p.end), num(p.baseWeeks), num(p.p50Weeks), num(p.p80Weeks), num(p.fieldMinimumWeeks), null, null, null]);
  }
  r.timeline.waves.forEach((w, i) => {
    const bar = r.timeline.bars.find((b) => b.key === `wave.${i}`);
    rows.push([text(w.name), text("Cutover wave"), date(w.start), date(w.end), bar ? num(bar.endWeek - bar.startWeek) : null, null, null, null, text(w.cohort), num(w.providers, 0), num(w.users, 0)]);
    rows.push([text(`${w.name} go-live`), text("Go-live"), date(w.goLive), date(w.goLive), null, null, null, null, null, null, null]);
  });
  const h = r.headline;
  const milestone = (label: string, iso: string): Cell[] => [text(label), text("Milestone"), date(iso), date(iso), null, null, null, null, null, null, null];
  rows.push(milestone("Final go-live (P50)", h.goLive.p50));
  rows.push(milestone("Final go-live (P80)", h.goLive.p80));
  rows.push(milestone("Completion (P50)", h.completion.p50));
  rows.push(milestone("Completion (P80)", h.completion.p80));
  return { title: "Phase plan", headers, widths: [44, 14, 16, 16, 16, 12, 12, 20, 50, 10, 10], rows };
}

export function reportTable(r: ReportView, part: ReportExportPart): Table {
  return part === "costs" ? costTable(r) : phaseTable(r);
}

function csvCell(c: Cell): string {
  if (!c) return "";
  switch (c.t) {
    case "text": return neutraliseFormulaText(c.v);
    case "money":
    case "number": return String(c.v);
    case "date": return c.v;
  }
}

/** CSV with a UTF-8 BOM (Excel reads accents) and CRLF line ends. */
export function tableCsv(t: Table): string {
  return `\uFEFF${Papa.unparse({ fields: t.headers, data: t.rows.map((row) => row.map(csvCell)) }, { newline: "\r\n" })}\r\n`;
}

export async function tableXlsx(t: Table, r: ReportView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Sounding";
  const ws = wb.addWorksheet(t.title.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = t.widths.map((width) => ({ width }));
  const head = ws.addRow(t.headers);
  head.font = { bold: true };
  head.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEEF6FB" } };
  for (const row of t.rows) {
    const added = ws.addRow(row.map((c) => (!c ? null : c.t === "text" ? neutraliseFormulaText(c.v) : c.t === "date" ? new Date(`${c.v}T00:00:00.000Z`) : c.v)));
    row.forEach((c, i) => {
      if (!c) return;
      const cell = added.getCell(i + 1);
      if (c.t === "money") cell.numFmt = "#,##0.00";
      else if (c.t === "number") cell.numFmt = c.digits === 0 ? "#,##0" : "#,##0.00";
      else if (c.t === "date") cell.numFmt = "yyyy-mm-dd";
    });
    if (row[0]?.t === "text" && row[0].v === "Total") added.font = { bold: true };
  }
  const about = wb.addWorksheet("About");
  about.columns = [{ width: 22 }, { width: 90 }];
  const lines: [string, string][] = [
    ["Client", r.meta.clientName],
    ["Engagement", r.meta.engagementName],
    ["Migration type", r.meta.migrationTypeName],
    ["Prepared by", r.meta.firmName],
    ["As of", formatReportDateTime(r.meta.asOf)],
    ["Estimate seed", String(r.meta.seed)],
    ["Iterations", String(r.meta.iterations)],
    ["Engine version", r.meta.engineVersion],
    ["Reproduce", r.meta.reproduce],
    ["Note", "Percentiles of the lines do not add up to the percentile of the total (they come from different simulated outcomes); the base plan and the mean do."],
  ];
  for (const [k, v] of lines) about.addRow([k, neutraliseFormulaText(v)]).getCell(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
