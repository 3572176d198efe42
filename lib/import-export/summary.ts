// What a dry run did, as one JSON document (the CLI prints it; tests read it), and the file of the rows a
// partial import skips: the original columns plus an "Import error" column, which the importer ignores, so
// the file can be fixed and imported again. Pure.
import Papa from "papaparse";
import { columnById, inventorySpec } from "@/lib/import-export/columns";
import { neutraliseFormulaText } from "@/lib/import-export/formula";
import type { StoredBatch } from "@/lib/import-export/batch";
import type { FilledDown } from "@/lib/import-export/parse";
import { isBlank, type Cell } from "@/lib/import-export/normalize";

export const SKIPPED_ERROR_HEADER = "Import error";

export type DryRunSummary = {
  batchId: string;
  inventory: string;
  fileName: string;
  sheet: string | null;
  sheets: { name: string; rows: number; recognisedHeaders: number }[];
  headerRow: number;
  rows: { total: number; ok: number; skipped: number; error: number };
  counts: { create: number; update: number; unchanged: number; error: number } | null;
  errors: { row: number; column: string; message: string }[];
  skippedRows: { row: number; reason: string; note: string }[];
  /** Vertically merged cells whose value was copied down to every row they span. */
  filledDown: FilledDown | null;
  columns: { header: string; column: string | null; columnHeader: string | null; suggested: string | null }[];
  values: Record<string, { value: string; count: number; target: string | number | boolean | null | undefined; how: string }[]>;
  inferred: { column: string; suggested: { value: string; count: number }[]; from: string[]; untold: number; accepted: boolean }[];
  fills: { column: string; value: string; rows: number }[];
  notKnown: Record<string, number>;
  approximate: Record<string, number>;
  quirks: { rows: number; quirks: number; byKind: Record<string, number>; accepted: boolean } | null;
};

export function dryRunSummary(batch: StoredBatch): DryRunSummary {
  const spec = inventorySpec(batch.inventory);
  const { summary, rows } = batch;
  const report = summary.report;
  const results = rows.results ?? [];
  const options = summary.options ?? {};
  const chosen = (column: string, value: string, suggested: unknown, how: string) => {
    const own = options.valueMappings?.[column];
    if (own && Object.prototype.hasOwnProperty.call(own, value)) return own[value];
    if (how === "exact" || how === "not_known" || options.acceptSuggestions) return suggested as string | number | boolean | null | undefined;
    return undefined;
  };
  return {
    batchId: batch.id,
    inventory: batch.inventory,
    fileName: batch.fileName,
    sheet: rows.sheetName,
    sheets: summary.sheets ?? [],
    headerRow: rows.headerRow,
    rows: summary.rowTotals ?? { total: summary.rowCount, ok: 0, skipped: 0, error: summary.counts?.error ?? 0 },
    counts: summary.counts,
    errors: results.filter((r) => r.status === "error").flatMap((r) => (r.errors ?? []).map((e) => ({ row: r.row, column: e.column, message: e.message }))),
    skippedRows: report?.skipped ?? [],
    filledDown: summary.filledDown ?? null,
    columns: rows.headers.map((header, i) => {
      const id = summary.mapping[i] ?? null;
      return { header, column: id, columnHeader: id ? (columnById(spec, id)?.header ?? id) : null, suggested: summary.suggested[i] ?? null };
    }),
    values: Object.fromEntries((report?.values ?? []).map((c) => [c.column, c.values.map((v) => ({ value: v.value, count: v.count, target: chosen(c.column, v.value, v.suggested, v.how), how: v.how }))])),
    inferred: (report?.inferred ?? []).map((i) => ({ column: i.column, suggested: i.suggested.map(({ value, count }) => ({ value, count })), from: i.from, untold: i.untold, accepted: i.accepted })),
    fills: (report?.fills ?? []).map((f) => ({ column: f.column, value: f.value, rows: f.rows })),
    notKnown: report?.notKnown ?? {},
    approximate: report?.approximate ?? {},
    quirks: report ? { rows: report.quirks.rows, quirks: report.quirks.quirks, byKind: report.quirks.byKind, accepted: report.quirks.accepted } : null,
  };
}

function csvCell(c: Cell | undefined): string {
  if (c === null || c === undefined || isBlank(c)) return "";
  if (typeof c === "string") return neutraliseFormulaText(c);
  if (typeof c === "boolean") return c ? "TRUE" : "FALSE";
  return String(c);
}

/**
 * The rows a partial import skips because of errors, as CSV (UTF-8 BOM, CRLF): the file's header row and
 * its cells as uploaded, plus the errors in a last "Import error" column.
 */
export function skippedRowsCsv(batch: StoredBatch): string {
  const errors = new Map((batch.rows.results ?? []).filter((r) => r.status === "error").map((r) => [r.row, (r.errors ?? []).map((e) => `${e.column}: ${e.message}`).join("; ")]));
  const fields = [...batch.rows.headers, SKIPPED_ERROR_HEADER];
  const data = batch.rows.rows.filter((r) => errors.has(r.row)).map((r) => [...batch.rows.headers.map((_, i) => csvCell(r.cells[i])), neutraliseFormulaText(errors.get(r.row) ?? "")]);
  return `\uFEFF${Papa.unparse({ fields, data }, { newline: "\r\n" })}\r\n`;
}
