// The JSON an ImportBatch row holds between upload, dry run and apply (all state in PostgreSQL, so any app
// instance can run the next step), and the view the import screens render from it. Pure.
import { inventorySpec } from "@/lib/import-export/columns";
import { checkMapping } from "@/lib/import-export/headers";
import { isBlank, type Cell } from "@/lib/import-export/normalize";
import type { DryRunCounts, RowResult } from "@/lib/import-export/dry-run";
import type { FilledDown, ParsedFile, SheetSummary } from "@/lib/import-export/parse";
import type { PrepareOptions, PrepareReport, RowTotals } from "@/lib/import-export/prepare";
import type { ImportBatchView, ImportStage, RowResultView } from "@/lib/import-export/schema";
import type { InventoryKey } from "@/lib/inventories/registry";
import type { ImportProfileView } from "@/lib/import-export/profiles";

export const BATCH_FORMAT_VERSION = 1;

/** ImportBatch.rows */
export type StoredRows = {
  v: typeof BATCH_FORMAT_VERSION;
  format: ParsedFile["format"];
  sheetName: string | null;
  headerRow: number;
  headers: string[];
  rows: ParsedFile["rows"];
  /** Completely empty rows the parse skipped. */
  blankRows: number;
  /** Set by the dry run: every non-blank row's outcome, with the data to write. */
  results?: RowResult[];
};

/** ImportBatch.summary */
export type StoredSummary = {
  v: typeof BATCH_FORMAT_VERSION;
  stage: ImportStage;
  fileSize: number;
  rowCount: number;
  blankRows: number;
  suggested: (string | null)[];
  mapping: (string | null)[];
  counts: DryRunCounts | null;
  dryRunAt: string | null;
  applied: { created: number; updated: number; unchanged: number; skipped?: number } | null;
  /** The workbook's worksheets (XLSX). */
  sheets?: SheetSummary[];
  /** Vertically merged cells whose value was copied to every row they span (XLSX). */
  filledDown?: FilledDown | null;
  /** The value mapping, fills and confirmations the last dry run used. */
  options?: PrepareOptions;
  /** What the last dry run did before the strict check (skipped rows, value mapping, inference, quirks…). */
  report?: PrepareReport;
  rowTotals?: RowTotals;
  /** The saved import profile whose mappings this batch uses (applied from the offer). */
  profile?: { id: string; name: string } | null;
  /** The profile the mappings were saved to (after apply, or when saved from the wizard). */
  savedProfile?: { id: string; name: string; created: boolean } | null;
};

export type StoredBatch = {
  id: string;
  engagementId: string;
  inventory: InventoryKey;
  fileName: string;
  rows: StoredRows;
  summary: StoredSummary;
  appliedAt: Date | null;
  createdAt: Date;
};

const PREVIEW_ROWS = 8;
const SAMPLES = 3;
const MAX_ERRORS_SHOWN = 500;
/** Rows of the dry run the screens show (every error up to MAX_ERRORS_SHOWN, then the others in file order). */
export const MAX_RESULTS_SHOWN = 1_000;

function sampleText(c: Cell): string {
  const s = String(c).replace(/\s+/g, " ").trim();
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

export function samplesPerColumn(headers: readonly string[], rows: StoredRows["rows"]): string[][] {
  const samples = headers.map(() => [] as string[]);
  let open = headers.length;
  for (const r of rows) {
    if (open === 0) break;
    r.cells.forEach((c, i) => {
      if (i >= samples.length || samples[i].length >= SAMPLES || isBlank(c)) return;
      samples[i].push(sampleText(c));
      if (samples[i].length === SAMPLES) open--;
    });
  }
  return samples;
}

/** Every error first (up to 500), then the other rows in file order, up to 1,000 rows in all. */
export function resultsForView(results: readonly RowResult[]): RowResultView[] {
  const strip = (r: RowResult): RowResultView => ({ row: r.row, status: r.status, label: r.label, changes: r.changes, errors: r.errors, summary: r.summary });
  const errors = results.filter((r) => r.status === "error").slice(0, MAX_ERRORS_SHOWN);
  const others = results.filter((r) => r.status !== "error").slice(0, Math.max(0, MAX_RESULTS_SHOWN - errors.length));
  return [...errors, ...others].sort((a, b) => a.row - b.row).map(strip);
}

export function toBatchView(b: StoredBatch, profileOffers: ImportProfileView[] = []): ImportBatchView {
  const spec = inventorySpec(b.inventory);
  const { rows, summary } = b;
  return {
    batchId: b.id,
    engagementId: b.engagementId,
    inventory: b.inventory,
    fileName: b.fileName,
    format: rows.format,
    sheetName: rows.sheetName,
    stage: summary.stage,
    headerRow: rows.headerRow,
    headers: rows.headers,
    preview: rows.rows.slice(0, PREVIEW_ROWS),
    samples: samplesPerColumn(rows.headers, rows.rows),
    rowCount: summary.rowCount,
    blankRows: summary.blankRows,
    suggested: summary.suggested,
    mapping: summary.mapping,
    mappingProblems: checkMapping(spec, summary.mapping),
    counts: summary.counts,
    results: rows.results ? resultsForView(rows.results) : [],
    // every row the dry run classified (the batch a dry run returns holds only the results shown)
    resultsTotal: summary.counts ? summary.counts.create + summary.counts.update + summary.counts.unchanged + summary.counts.error : (rows.results?.length ?? 0),
    dryRunAt: summary.dryRunAt,
    appliedAt: b.appliedAt?.toISOString() ?? null,
    applied: summary.applied,
    createdAt: b.createdAt.toISOString(),
    sheets: summary.sheets ?? [],
    prep: summary.report ?? null,
    rowTotals: summary.rowTotals ?? null,
    options: summary.options ?? {},
    filledDown: summary.filledDown ?? null,
    profile: summary.profile ?? null,
    savedProfile: summary.savedProfile ?? null,
    profileOffers,
  };
}
