// Reading an uploaded spreadsheet: CSV (UTF-8 with or without BOM, UTF-16, Windows-1252; comma, semicolon or
// tab) or XLSX (the worksheet named, else the one whose header row fits the inventory best — the data is
// often behind a cover sheet; read with exceljs's streaming reader after limits.ts inspected the zip, so a
// 10k-row file never becomes a workbook model in memory). Two-level (merged) headers are read as one. Output: the header row and the data rows as plain cells, with their row numbers.
// Node only (no database). Limits are checked here so every entry point (app, CLI, bench) shares them.
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { isBlank, type Cell } from "@/lib/import-export/normalize";
import { matchHeader } from "@/lib/import-export/headers";
import type { InventorySpec } from "@/lib/import-export/columns";
import { inspectXlsx, LimitExceeded, MAX_CELL_CHARS, MAX_CELL_LABEL, type MergedRange } from "@/lib/import-export/limits";

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_FILE_LABEL = "20 MB";
export const MAX_ROWS = 50_000;
export const MAX_COLUMNS = 200;
/** Title, instruction and note rows above the header row that are looked through. */
const HEADER_SEARCH_ROWS = 15;

export type FileFormat = "csv" | "xlsx";

export type SheetSummary = { name: string; rows: number; recognisedHeaders: number };

export type ParsedFile = {
  format: FileFormat;
  sheetName: string | null;
  /** The workbook's worksheets (XLSX), with how many headers each one's header row has that we recognise. */
  sheets?: SheetSummary[];
  /** Row number of the header row (1-based, as the spreadsheet shows it). */
  headerRow: number;
  headers: string[];
  rows: { row: number; cells: Cell[] }[];
  /** Completely empty rows below the header (skipped). */
  blankRows: number;
  /** Vertically merged cells below the header whose value was copied down to every row they span (XLSX). */
  filledDown?: FilledDown | null;
};

export type FilledDown = {
  /** Merged ranges filled down. */
  ranges: number;
  /** Cells that took the merged value. */
  cells: number;
  /** Per column header: the ranges, as the spreadsheet names them ("B3:B7"), first ones only. */
  columns: { header: string; ranges: string[]; cells: number }[];
};

export class FileProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FileProblem";
  }
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function detectFormat(fileName: string, bytes: Uint8Array): FileFormat {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const isOle = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (isOle) throw new FileProblem("This is an old Excel 97–2003 file (.xls). Save it as .xlsx or CSV and upload again.");
  if (isZip) {
    if (/\.(ods|numbers)$/i.test(fileName)) throw new FileProblem("Save the spreadsheet as .xlsx or CSV and upload again.");
    return "xlsx";
  }
  if (/\.(xlsx|xlsm)$/i.test(fileName)) throw new FileProblem("This file is named .xlsx but is not an Excel workbook. Save it again from your spreadsheet program.");
  if (bytes.subarray(0, 4096).includes(0) && !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new FileProblem("This does not look like a CSV or XLSX file.");
  }
  return "csv";
}

/** Text of a CSV file: BOM-aware; UTF-8 when valid, else Windows-1252 (Excel's "CSV" on Windows). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return new TextDecoder("windows-1252").decode(body);
  }
}

function csvRows(bytes: Uint8Array): { row: number; cells: Cell[] }[] {
  const text = decodeText(bytes);
  // guess the delimiter on non-empty lines (blank lines confuse Papa's guess), then parse keeping every
  // line so row numbers match what the spreadsheet shows
  const delimiter = Papa.parse<string[]>(text.slice(0, 65_536), { skipEmptyLines: "greedy", preview: 50, delimitersToGuess: [",", ";", "\t", "|"] }).meta.delimiter || ",";
  const result = Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter });
  const fatal = result.errors.find((e) => e.type === "Quotes");
  if (fatal) throw new FileProblem(`The CSV file has a quoting problem near row ${(fatal.row ?? 0) + 1}: ${fatal.message}. Check for a stray double quote.`);
  if (result.data.length > MAX_ROWS + 50) throw new FileProblem(`The file has more than ${MAX_ROWS.toLocaleString("en-US")} rows. Split it into smaller files.`);
  return result.data.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => (c === "" ? null : c)) }));
}

/** An exceljs cell value → a plain cell (formulas give their cached result; dates become ISO strings). */
export function plainCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  if (typeof value === "object") {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string; formula?: string; sharedFormula?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if ("result" in v || v.formula !== undefined || v.sharedFormula !== undefined) return plainCell(v.result);
    if (typeof v.error === "string") return v.error;
    if (v.text !== undefined) return plainCell(v.text);
  }
  return String(value);
}

type SheetRows = { name: string; rows: { row: number; cells: Cell[] }[]; merges: MergedRange[] };

async function xlsxSheets(bytes: Uint8Array): Promise<SheetRows[]> {
  // the zip is inspected first, in chunks: a bomb or a 50 MB cell never reaches exceljs (limits.ts)
  let sheetNames = new Map<number, string>();
  let merges = new Map<number, MergedRange[]>();
  let date1904 = false;
  try {
    ({ sheetNames, date1904, merges } = inspectXlsx(bytes));
  } catch (err) {
    if (err instanceof LimitExceeded) throw new FileProblem(err.message);
    throw err;
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)), {
    sharedStrings: "cache",
    styles: "cache", // dates: numbers with a date format come back as Date
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  // exceljs reads workbook.xml's properties only when it reaches that part: a zip that stores the worksheets
  // first would crash it on the first number, so the properties are given up front (the reader replaces them)
  (reader as unknown as { properties?: unknown }).properties = { model: { date1904 } };
  const sheets: SheetRows[] = [];
  let total = 0;
  try {
    // every worksheet is read (in order): the data is often on the second sheet, after a cover or instructions
    for await (const worksheet of reader) {
      const id = Number((worksheet as unknown as { id?: string | number }).id);
      const sheet: SheetRows = { name: sheetNames.get(id) ?? (worksheet as unknown as { name?: string }).name ?? `Sheet ${sheets.length + 1}`, rows: [], merges: merges.get(id) ?? [] };
      sheets.push(sheet);
      for await (const row of worksheet) {
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        for (let c = 1; c < values.length && c <= MAX_COLUMNS; c++) cells.push(plainCell(values[c]));
        sheet.rows.push({ row: row.number, cells });
        if (++total > MAX_ROWS + 50) throw new FileProblem(`The workbook has more than ${MAX_ROWS.toLocaleString("en-US")} rows. Split it into smaller files.`);
      }
    }
  } catch (err) {
    if (err instanceof FileProblem) throw err;
    throw new FileProblem("The workbook could not be read. Open it in your spreadsheet program, save it as .xlsx again and upload it.");
  }
  if (sheets.length === 0) throw new FileProblem("The workbook has no worksheet.");
  return sheets;
}

/**
 * A vertically merged cell below the header row ("System" merged over the 5 rows of its interfaces) stands for
 * every row it spans: its value is copied into the blank cells of the range, in the rows the sheet has.
 * Merges that reach the header row or above (two-level headers) and one-row merges are left alone.
 */
export function fillDownMerges(rows: { row: number; cells: Cell[] }[], merges: readonly MergedRange[], headerRow: number, headers: readonly string[] = []): FilledDown | null {
  const vertical = merges.filter((m) => m.bottom > m.top && m.top > headerRow && m.left <= MAX_COLUMNS);
  if (vertical.length === 0) return null;
  const byRow = new Map(rows.map((r) => [r.row, r]));
  const perColumn = new Map<number, { ranges: string[]; cells: number }>();
  let ranges = 0;
  let cells = 0;
  for (const m of vertical) {
    const first = byRow.get(m.top);
    const value = first?.cells[m.left - 1] ?? null;
    if (isBlank(value)) continue;
    let filled = 0;
    for (let r = m.top; r <= m.bottom; r++) {
      const row = byRow.get(r);
      // rows the sheet lacks, and blank separator rows inside the range, stay out
      if (!row || !row.cells.some((v, c) => (c < m.left - 1 || c >= m.right) && !isBlank(v))) continue;
      for (let c = m.left - 1; c < Math.min(m.right, MAX_COLUMNS); c++) {
        if (r === m.top && c === m.left - 1) continue;
        if (!isBlank(row.cells[c] ?? null)) continue;
        while (row.cells.length <= c) row.cells.push(null);
        row.cells[c] = value;
        filled++;
      }
    }
    if (filled === 0) continue;
    ranges++;
    cells += filled;
    const col = perColumn.get(m.left - 1) ?? { ranges: [], cells: 0 };
    if (col.ranges.length < 5) col.ranges.push(`${columnLetter(m.left - 1)}${m.top}:${columnLetter(m.right - 1)}${m.bottom}`);
    col.cells += filled;
    perColumn.set(m.left - 1, col);
  }
  if (ranges === 0) return null;
  return {
    ranges,
    cells,
    columns: [...perColumn.entries()].sort((a, b) => a[0] - b[0]).map(([i, c]) => ({ header: headers[i] ?? `Column ${columnLetter(i)}`, ...c })),
  };
}

function checkCellSizes(rows: readonly { row: number; cells: Cell[] }[]) {
  for (const r of rows) {
    for (let i = 0; i < r.cells.length; i++) {
      const c = r.cells[i];
      if (typeof c === "string" && c.length > MAX_CELL_CHARS) {
        throw new FileProblem(`Cell ${columnLetter(i)}${r.row} holds more than ${MAX_CELL_LABEL} (Excel's own limit). Shorten it and upload again.`);
      }
    }
  }
}

/** The header row: among the first 10 non-empty rows, the one with the most recognised headers (title rows above it are skipped). */
function findHeaderRow(rows: { row: number; cells: Cell[] }[], spec: InventorySpec): { index: number; score: number } {
  let best = -1;
  let bestScore = 0;
  let firstNonEmpty = -1;
  let looked = 0;
  for (let i = 0; i < rows.length && looked < HEADER_SEARCH_ROWS; i++) {
    const cells = rows[i].cells;
    if (cells.every(isBlank)) continue;
    looked++;
    if (firstNonEmpty < 0) firstNonEmpty = i;
    const used = new Set<string>();
    for (const c of cells) {
      const id = typeof c === "string" ? matchHeader(spec, c) : null;
      if (id) used.add(id);
    }
    const score = used.size;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return { index: best >= 0 ? best : firstNonEmpty, score: bestScore };
}

/**
 * Header cells, with a two-level header read as one: when the row above the header holds group labels
 * (merged cells: "Volume" over "# of records" and "Yrs of history"), a header cell that is blank or not
 * recognised alone takes "group + name" when that is recognised, and a blank one takes the group.
 */
function combinedHeaders(rows: { row: number; cells: Cell[] }[], headerIndex: number, spec: InventorySpec): Cell[] {
  const header = rows[headerIndex].cells;
  const above = headerIndex > 0 && rows[headerIndex - 1].row === rows[headerIndex].row - 1 ? rows[headerIndex - 1].cells : null;
  if (!above || above.filter((c) => !isBlank(c)).length < 2) return header;
  const filled: Cell[] = [];
  let last: Cell = null;
  for (let i = 0; i < Math.max(above.length, header.length); i++) {
    if (!isBlank(above[i])) last = above[i];
    filled.push(last);
  }
  return Array.from({ length: Math.max(header.length, filled.length) }, (_, i) => {
    const child = header[i];
    const group = filled[i];
    if (isBlank(group)) return child ?? null;
    if (isBlank(child)) return isBlank(above[i]) ? null : group;
    if (typeof child === "string" && matchHeader(spec, child) === null) {
      const both = `${String(group)} ${child}`;
      if (matchHeader(spec, both) !== null) return both;
    }
    return child;
  });
}

export type ParseOptions = { /** Worksheet to import (name, case-insensitive); default: the one whose headers fit best. */ sheet?: string };

export async function parseSpreadsheet(fileName: string, bytes: Uint8Array, spec: InventorySpec, options: ParseOptions = {}): Promise<ParsedFile> {
  if (bytes.byteLength === 0) throw new FileProblem("The file is empty.");
  if (bytes.byteLength > MAX_FILE_BYTES) throw new FileProblem(`The file is larger than ${MAX_FILE_LABEL}. Split it into smaller files.`);
  const format = detectFormat(fileName, bytes);
  let sheetName: string | null = null;
  let rows: { row: number; cells: Cell[] }[];
  let sheets: SheetSummary[] = [];
  let merges: MergedRange[] = [];
  let headerIndex: number;
  if (format === "csv") {
    if (options.sheet) throw new FileProblem("A CSV file has no worksheets; leave out the sheet name.");
    rows = csvRows(bytes);
    checkCellSizes(rows);
    headerIndex = findHeaderRow(rows, spec).index;
  } else {
    const all = await xlsxSheets(bytes);
    const scored = all.map((s) => ({ s, found: findHeaderRow(s.rows, spec) }));
    sheets = scored.map(({ s, found }) => ({ name: s.name, rows: s.rows.length, recognisedHeaders: found.score }));
    let chosen: (typeof scored)[number] | undefined;
    if (options.sheet) {
      const want = options.sheet.trim().toLowerCase();
      chosen = scored.find(({ s }) => s.name.trim().toLowerCase() === want);
      if (!chosen) throw new FileProblem(`The workbook has no worksheet named “${options.sheet}”. Its worksheets: ${all.map((s) => `“${s.name}”`).join(", ")}.`);
    } else {
      // the worksheet whose header row recognises the most columns; the first one when none is recognised
      chosen = scored.reduce((best, cur) => (cur.found.score > best.found.score ? cur : best), scored[0]);
    }
    sheetName = chosen.s.name;
    rows = chosen.s.rows;
    merges = chosen.s.merges;
    checkCellSizes(rows);
    headerIndex = chosen.found.index;
  }

  if (headerIndex < 0) throw new FileProblem(format === "csv" ? "The file has no rows." : sheets.length > 1 ? `The worksheet “${sheetName}” is empty.` : "The first worksheet is empty.");
  const headerCells = format === "xlsx" ? combinedHeaders(rows, headerIndex, spec) : rows[headerIndex].cells;
  const dataRows = rows.slice(headerIndex + 1);
  const headerTexts = headerCells.map((h, i) => (isBlank(h) ? `Column ${columnLetter(i)}` : String(h).replace(/\s+/g, " ").trim()));
  const filledDown = merges.length ? fillDownMerges(dataRows, merges, rows[headerIndex].row, headerTexts) : null;
  let width = headerCells.length;
  for (const r of dataRows) if (r.cells.length > width) width = r.cells.length;
  width = Math.min(width, MAX_COLUMNS);
  // drop trailing columns that are empty in the header and in every row
  while (width > 0 && isBlank(headerCells[width - 1]) && dataRows.every((r) => isBlank(r.cells[width - 1]))) width--;
  const headers = Array.from({ length: width }, (_, i) => {
    const h = headerCells[i];
    return isBlank(h) ? `Column ${columnLetter(i)}` : String(h).replace(/^\uFEFF/, "").replace(/\s+/g, " ").trim();
  });

  let blankRows = 0;
  const out: ParsedFile["rows"] = [];
  for (const r of dataRows) {
    const cells = r.cells.slice(0, width);
    if (cells.every(isBlank)) {
      blankRows++;
      continue;
    }
    while (cells.length < width) cells.push(null);
    out.push({ row: r.row, cells });
  }
  // trailing empty lines of a CSV are not "blank rows" worth reporting
  if (format === "csv") {
    let trailing = 0;
    for (let i = dataRows.length - 1; i >= 0 && dataRows[i].cells.every(isBlank); i--) trailing++;
    blankRows -= trailing;
  }
  if (out.length > MAX_ROWS) throw new FileProblem(`The file has ${out.length.toLocaleString("en-US")} rows; the limit is ${MAX_ROWS.toLocaleString("en-US")}. Split it into smaller files.`);
  return { format, sheetName, sheets, headerRow: rows[headerIndex].row, headers, rows: out, blankRows, filledDown };
}
