// Import/export action inputs and the DTOs the import screens render (client + server; no Prisma).
import { z } from "zod";
import { INVENTORY_KEYS, type InventoryKey } from "@/lib/inventories/registry";
import type { Cell } from "@/lib/import-export/normalize";
import type { DryRunCounts, RowChange, RowError, RowStatus } from "@/lib/import-export/dry-run";
import type { MappingProblem } from "@/lib/import-export/headers";
import type { PrepareReport, RowTotals } from "@/lib/import-export/prepare";
import type { ImportProfileView } from "@/lib/import-export/profiles";
import type { FilledDown } from "@/lib/import-export/parse";

export const InventoryKeySchema = z.enum(INVENTORY_KEYS);
const id = z.string().min(1).max(64);

export const UploadFieldsSchema = z.strictObject({ engagementId: id, inventory: InventoryKeySchema, sheet: z.string().max(100).optional() });

const ValueTargetSchema = z.union([z.string().max(100), z.number().int().min(1).max(7), z.boolean(), z.null()]);

/** The value mapping, fills and confirmations of the steps between column mapping and dry run (prepare.ts). */
export const PrepareOptionsSchema = z.strictObject({
  valueMappings: z.record(z.string().max(100), z.record(z.string().max(500), ValueTargetSchema)).optional(),
  acceptSuggestions: z.boolean().optional(),
  acceptInferred: z.record(z.string().max(100), z.boolean()).optional(),
  acceptQuirks: z.boolean().optional(),
  fill: z.record(z.string().max(100), z.string().max(500)).optional(),
});

export const DryRunInputSchema = z.strictObject({
  engagementId: id,
  batchId: id,
  mapping: z.array(z.string().max(100).nullable()).max(200),
  options: PrepareOptionsSchema.optional(),
});
export type DryRunInput = z.infer<typeof DryRunInputSchema>;

/** Use a saved import profile's column and value mappings for this batch. */
export const ApplyProfileInputSchema = z.strictObject({ engagementId: id, batchId: id, profileId: id });

/** Save this batch's column and value mappings as a named profile of the firm. */
export const SaveProfileInputSchema = z.strictObject({
  engagementId: id,
  batchId: id,
  name: z.string().trim().min(1, "Give the profile a name").max(80, "At most 80 characters"),
});

export const ApplyInputSchema = z.strictObject({ engagementId: id, batchId: id, skipErrors: z.boolean().optional() });

export const ExportFormatSchema = z.enum(["csv", "xlsx"]);

/** Uploads above this are refused before parsing (the server checks again). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_UPLOAD_LABEL = "20 MB";
export const ACCEPTED_EXTENSIONS = [".csv", ".tsv", ".txt", ".xlsx", ".xlsm"] as const;

export const INVENTORY_PAGE_SLUGS: Record<InventoryKey, string> = {
  data: "data",
  workflows: "workflows",
  integrations: "integrations",
  reports: "reports",
  risks: "risks",
};

export type ImportStage = "mapping" | "dry_run" | "applied";

/** One row of a dry run as the screen shows it (no row data). */
export type RowResultView = { row: number; status: RowStatus; label: string; changes?: RowChange[]; errors?: RowError[]; summary?: string };

export type ImportBatchView = {
  batchId: string;
  engagementId: string;
  inventory: InventoryKey;
  fileName: string;
  format: "csv" | "xlsx";
  sheetName: string | null;
  stage: ImportStage;
  headerRow: number;
  headers: string[];
  /** First rows of the file, as parsed, for the mapping preview. */
  preview: { row: number; cells: Cell[] }[];
  /** First few non-blank values per column. */
  samples: string[][];
  rowCount: number;
  blankRows: number;
  suggested: (string | null)[];
  mapping: (string | null)[];
  mappingProblems: MappingProblem[];
  counts: DryRunCounts | null;
  /** Row results of the dry run: every error, then as many other rows as fit (see resultsShown). */
  results: RowResultView[];
  resultsTotal: number;
  dryRunAt: string | null;
  appliedAt: string | null;
  applied: { created: number; updated: number; unchanged: number; skipped?: number } | null;
  createdAt: string;
  /** The workbook's worksheets (XLSX) and which one was read. */
  sheets: { name: string; rows: number; recognisedHeaders: number }[];
  /** What the last dry run did before the strict check: skipped rows, value mapping, inference, quirks. */
  prep: PrepareReport | null;
  rowTotals: RowTotals | null;
  /** The value mapping, fills and confirmations the last dry run used. */
  options: z.infer<typeof PrepareOptionsSchema>;
  /** Vertically merged cells whose value was copied down to every row they span (XLSX). */
  filledDown: FilledDown | null;
  /** The saved import profile whose mappings this import uses, if one was applied. */
  profile: { id: string; name: string } | null;
  /** Where this import's mappings were saved (after apply, or saved from the wizard). */
  savedProfile: { id: string; name: string; created: boolean } | null;
  /** This firm's saved profiles that fit the file's headers, best first (offered on the mapping step). */
  profileOffers: ImportProfileView[];
};

export type EngagementImportErrorView = { path: string; message: string };
