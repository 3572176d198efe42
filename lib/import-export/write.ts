// Writing inventories as CSV and XLSX — exports and templates — with exactly the columns the importer reads.
// Text cells are neutralised against formula injection (formula.ts); numbers, money, percentages and dates
// are written as typed values (XLSX) or plain text the importer reads back (CSV).
// Node only (no database).
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { allowedValuesText, type InventorySpec, type OutCell } from "@/lib/import-export/columns";
import { neutraliseFormulaText } from "@/lib/import-export/formula";
import { tidy } from "@/lib/import-export/normalize";

export type ExportFormat = "csv" | "xlsx";

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

function csvValue(c: OutCell | undefined): string {
  if (!c) return "";
  switch (c.t) {
    case "text": return neutraliseFormulaText(c.v);
    case "int":
    case "number":
    case "money": return String(c.v);
    case "percent": return `${tidy(c.v * 100)}%`;
    case "date": return c.v;
  }
}

/** CSV with a UTF-8 BOM (so Excel reads accents) and CRLF line ends. */
export function inventoryCsv(spec: InventorySpec, rows: readonly Record<string, unknown>[]): string {
  const fields = spec.columns.map((c) => c.header);
  const data = rows.map((row) => {
    const cells = spec.toCells(row as never);
    return spec.columns.map((c) => csvValue(cells[c.id]));
  });
  return `\uFEFF${Papa.unparse({ fields, data }, { newline: "\r\n" })}\r\n`;
}

function numFmtFor(c: OutCell): string | undefined {
  if (!c) return undefined;
  switch (c.t) {
    case "int": return "#,##0";
    case "money": return Number.isInteger(c.v) ? '"$"#,##0' : '"$"#,##0.00';
    case "percent": return Number.isInteger(tidy(c.v * 100)) ? "0%" : "0.0##%";
    case "date": return "yyyy-mm-dd";
    default: return undefined;
  }
}

function xlsxValue(c: OutCell | undefined): ExcelJS.CellValue {
  if (!c) return null;
  switch (c.t) {
    case "text": return neutraliseFormulaText(c.v);
    case "date": return new Date(`${c.v}T00:00:00.000Z`);
    default: return c.v;
  }
}

function widthFor(spec: InventorySpec, index: number): number {
  const col = spec.columns[index];
  if (col.kind === "text" && ["notes", "cause", "effect", "mitigationPlan", "replacementPlan", "reproducibilityPlan"].includes(col.id)) return 40;
  if (col.kind === "quirks") return 50;
  return Math.min(Math.max(col.header.length + 2, 12), 30);
}

type SheetOptions = { sheetName: string; rows: readonly Record<string, unknown>[]; note?: string };

async function addInventorySheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, spec: InventorySpec, { sheetName, rows }: SheetOptions) {
  const ws = wb.addWorksheet(sheetName.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = spec.columns.map((c, i) => ({ key: c.id, width: widthFor(spec, i) }));
  const header = ws.addRow(spec.columns.map((c) => c.header));
  header.font = { bold: true };
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEEF6FB" } };
  header.commit();
  for (const row of rows) {
    const cells = spec.toCells(row as never);
    const r = ws.addRow(spec.columns.map((c) => xlsxValue(cells[c.id])));
    spec.columns.forEach((c, i) => {
      const fmt = numFmtFor(cells[c.id] ?? null);
      if (fmt) r.getCell(i + 1).numFmt = fmt;
    });
    r.commit();
  }
  ws.commit();
}

async function addHelpSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, spec: InventorySpec) {
  const ws = wb.addWorksheet("Columns (help)");
  ws.columns = [{ width: 30 }, { width: 14 }, { width: 60 }, { width: 80 }];
  const title = ws.addRow([`${spec.label}: the columns Sounding reads`]);
  title.font = { bold: true, size: 13 };
  title.commit();
  const lines = [
    `Import reads the first worksheet. Rows are matched on ${spec.keyHeaders}: an existing ${spec.noun} is updated, a new one is created, rows missing from the file are left alone.`,
    "A blank cell means “no value” (text empty, numbers unknown, choices back to their default). To leave a field untouched, remove its column or choose “Ignore” when mapping.",
    "Choices accept the label or the code in any case (“Archive only”, “archive_only”). Cells that start with = + - or @ are written with a leading ' so no spreadsheet runs them as formulas; the import removes it again.",
  ];
  for (const line of lines) ws.addRow([line]).commit();
  ws.addRow([]).commit();
  const head = ws.addRow(["Column", "Needed", "Accepts", "Meaning"]);
  head.font = { bold: true };
  head.commit();
  for (const col of spec.columns) {
    const needed = col.isKey && col.isRequired ? "Key, required" : col.isKey ? "Key" : col.isRequired ? "Required for new rows" : "Optional";
    const r = ws.addRow([col.header, needed, allowedValuesText(col), col.description]);
    r.alignment = { wrapText: true, vertical: "top" };
    r.commit();
  }
  ws.commit();
}

/** Builds an XLSX workbook into a stream (nothing buffered): the inventory sheet, then the help sheet. */
export function inventoryXlsxStream(spec: InventorySpec, rows: readonly Record<string, unknown>[]): Readable {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = "Sounding";
  (async () => {
    await addInventorySheet(wb, spec, { sheetName: spec.label, rows });
    await addHelpSheet(wb, spec);
    await wb.commit();
  })().catch((err) => out.destroy(err as Error));
  return out;
}

export async function streamToBuffer(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

export async function inventoryXlsxBuffer(spec: InventorySpec, rows: readonly Record<string, unknown>[]): Promise<Buffer> {
  return streamToBuffer(inventoryXlsxStream(spec, rows));
}

/** A download file name: "cedar-valley-medical-group-data-inventory-2027-01-04.xlsx". */
export function downloadFileName(parts: readonly string[], ext: string): string {
  const slug = parts
    .join(" ")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 120);
  return `${slug || "sounding"}.${ext}`;
}

export function contentDisposition(fileName: string): string {
  return `attachment; filename="${fileName.replace(/["\\\r\n]/g, "")}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
