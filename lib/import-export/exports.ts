// The downloads behind the export/template route handlers and the CLI: load, audit, write. Route handlers
// stay routing-only (auth → params → one call here → Response).
import "server-only";
import { Readable } from "node:stream";
import type { EngagementAccess } from "@/lib/auth/access";
import type { CurrentUser } from "@/lib/auth/session";
import { loadEngagementDocument } from "@/lib/engagement-format/data";
import type { InventoryKey } from "@/lib/inventories/registry";
import { inventorySpec } from "@/lib/import-export/columns";
import { findExportHeader, findImportBatch, findInventoryRows } from "@/lib/import-export/data";
import { skippedRowsCsv } from "@/lib/import-export/summary";
import { recordExport } from "@/lib/import-export/mutations";
import { CONTENT_TYPES, contentDisposition, downloadFileName, inventoryCsv, inventoryXlsxStream, type ExportFormat } from "@/lib/import-export/write";

export type Download = { fileName: string; contentType: string; body: string | ReadableStream };

export function downloadResponse(d: Download): Response {
  return new Response(d.body, {
    headers: {
      "Content-Type": d.contentType,
      "Content-Disposition": contentDisposition(d.fileName),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

const today = () => new Date().toISOString().slice(0, 10);

function spreadsheet(inventory: InventoryKey, rows: Record<string, unknown>[], format: ExportFormat, fileName: string): Download {
  const spec = inventorySpec(inventory);
  if (format === "csv") return { fileName, contentType: CONTENT_TYPES.csv, body: inventoryCsv(spec, rows) };
  return { fileName, contentType: CONTENT_TYPES.xlsx, body: Readable.toWeb(inventoryXlsxStream(spec, rows)) as ReadableStream };
}

/** One inventory as CSV/XLSX; audited as export.<inventory>. */
export async function exportInventory(access: EngagementAccess, user: CurrentUser, inventory: InventoryKey, format: ExportFormat, requestId = ""): Promise<Download> {
  const [header, rows] = await Promise.all([findExportHeader(access.engagementId), findInventoryRows(access.engagementId, inventory)]);
  const fileName = downloadFileName([header.clientName, inventorySpec(inventory).label, today()], format);
  await recordExport(access.engagementId, { ...user, role: access.role }, { action: `export.${inventory}`, format, rows: rows.length, fileName }, requestId);
  return spreadsheet(inventory, rows, format, fileName);
}

/** The import template: headers, one example row and (XLSX) a help sheet. Not audited: it holds no engagement data. */
export function inventoryTemplate(inventory: InventoryKey, format: ExportFormat): Download {
  const spec = inventorySpec(inventory);
  return spreadsheet(inventory, [spec.example as unknown as Record<string, unknown>], format, downloadFileName(["sounding", spec.label, "template"], format));
}

/** The whole engagement as JSON (EngagementDocument); audited as export.engagement. */
export async function exportEngagementJson(access: EngagementAccess, user: CurrentUser, requestId = ""): Promise<Download> {
  const doc = await loadEngagementDocument(access.engagementId);
  const fileName = downloadFileName([doc.engagement.clientName, doc.engagement.name, today()], "json");
  const rows = doc.dataEntities.length + doc.workflows.length + doc.integrations.length + doc.reports.length + doc.risks.length;
  await recordExport(access.engagementId, { ...user, role: access.role }, { action: "export.engagement", format: "json", rows, fileName }, requestId);
  return { fileName, contentType: "application/json; charset=utf-8", body: `${JSON.stringify(doc, null, 2)}\n` };
}

/**
 * The rows an import skipped (or would skip) because of errors: the file's columns as uploaded plus an
 * "Import error" column, as CSV to fix and import again; null when the batch is not this engagement's.
 * Audited as export.import_skipped_rows.
 */
export async function importSkippedRows(access: EngagementAccess, user: CurrentUser, batchId: string, requestId = ""): Promise<Download | null> {
  const batch = await findImportBatch(access.engagementId, batchId);
  if (!batch || !batch.rows.results) return null;
  const base = batch.fileName.replace(/\.[a-z0-9]+$/i, "");
  const fileName = downloadFileName([base, "skipped rows"], "csv");
  const rows = batch.summary.counts?.error ?? 0;
  await recordExport(access.engagementId, { ...user, role: access.role }, { action: "export.import_skipped_rows", format: "csv", rows, fileName }, requestId);
  return { fileName, contentType: CONTENT_TYPES.csv, body: skippedRowsCsv(batch) };
}
