"use server";
// Import server actions: requireUser → safeParse → requireEngagementAccess("data.import") → step → view.
// The file travels once (upload); dry run and apply work from the ImportBatch row in PostgreSQL.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { requireUser } from "@/lib/auth/session";
import { requireEngagementAccess, type AuthorizedEngagementId, type EngagementAccess } from "@/lib/auth/access";
import { AppError, invalid, type ActionResult } from "@/lib/errors";
import { ApplyInputSchema, DryRunInputSchema, INVENTORY_PAGE_SLUGS, SaveProfileInputSchema, UploadFieldsSchema, ApplyProfileInputSchema, type ImportBatchView } from "@/lib/import-export/schema";
import { inventorySpec } from "@/lib/import-export/columns";
import { FileProblem, MAX_FILE_BYTES, MAX_FILE_LABEL, parseSpreadsheet } from "@/lib/import-export/parse";
import { toBatchView, type StoredBatch } from "@/lib/import-export/batch";
import { findProfileOffers } from "@/lib/import-export/data";
import { applyImportBatch, applyImportProfile, createImportBatch, runDryRun, saveImportProfile } from "@/lib/import-export/mutations";
import { logError } from "@/lib/log";
import { MAX_DOCUMENT_BYTES, parseEngagementDocument } from "@/lib/import-export/engagement-json";
import { createEngagementFromDocument } from "@/lib/engagement-format/mutations";

function refuseArchived(access: EngagementAccess) {
  if (access.isArchived) throw new AppError("CONFLICT", "This engagement is archived. Restore it in Settings before importing into it.");
}

/** The batch's view with the firm's saved profiles that fit the file (none once applied or a profile is in use). */
async function viewOf(engagementId: AuthorizedEngagementId, batch: StoredBatch): Promise<ImportBatchView> {
  const offers = batch.appliedAt || batch.summary.profile ? [] : await findProfileOffers(engagementId, batch.inventory, batch.rows.headers);
  return toBatchView(batch, offers);
}

function fileFrom(formData: FormData): File | null {
  const file = formData.get("file");
  return file && typeof file === "object" && "arrayBuffer" in file ? (file as File) : null;
}

/** Step 1: upload a CSV/XLSX file for one inventory; returns the column mapping screen. */
export async function uploadImportFileAction(formData: FormData): Promise<ActionResult<ImportBatchView>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    if (!(formData instanceof FormData)) throw new AppError("INVALID", "Choose a file to upload.", { file: ["Choose a file to upload"] });
    const sheet = formData.get("sheet");
    const parsed = UploadFieldsSchema.safeParse({ engagementId: formData.get("engagementId"), inventory: formData.get("inventory"), ...(typeof sheet === "string" && sheet !== "" ? { sheet } : {}) });
    if (!parsed.success) return invalid(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "data.import");
    refuseArchived(access);
    const file = fileFrom(formData);
    if (!file || file.size === 0) throw new AppError("INVALID", "Choose a file to upload.", { file: [file ? "The file is empty" : "Choose a CSV or XLSX file"] });
    if (file.size > MAX_FILE_BYTES) throw new AppError("INVALID", `The file is larger than ${MAX_FILE_LABEL}.`, { file: [`The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_FILE_LABEL}. Split it into smaller files.`] });
    const spec = inventorySpec(parsed.data.inventory);
    let fileParse;
    try {
      fileParse = await parseSpreadsheet(file.name, new Uint8Array(await file.arrayBuffer()), spec, { sheet: parsed.data.sheet });
    } catch (err) {
      if (err instanceof FileProblem) throw new AppError("INVALID", err.message, { file: [err.message] });
      throw err;
    }
    const batch = await createImportBatch(access.engagementId, { ...user, role: access.role }, { inventory: parsed.data.inventory, fileName: file.name || "upload", fileSize: file.size, parsed: fileParse, requestId: rid });
    return { ok: true, data: await viewOf(access.engagementId, batch) };
  });
}

/** Step 2: dry run with the chosen column mapping; returns per-row outcomes. Writes nothing to the inventory. */
export async function runDryRunAction(input: unknown): Promise<ActionResult<ImportBatchView>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = DryRunInputSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "data.import");
    refuseArchived(access);
    const batch = await runDryRun(access.engagementId, parsed.data.batchId, parsed.data.mapping, parsed.data.options ?? {}, { actor: { ...user, role: access.role }, requestId: rid });
    return { ok: true, data: await viewOf(access.engagementId, batch) };
  });
}

/** Step 3: apply the dry run — all valid rows or none; with errors only when told to skip those rows. */
export async function applyImportAction(input: unknown): Promise<ActionResult<ImportBatchView>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = ApplyInputSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "data.import");
    refuseArchived(access);
    const actor = { ...user, role: access.role };
    let { batch } = await applyImportBatch(access.engagementId, actor, parsed.data.batchId, rid, {}, { skipErrors: parsed.data.skipErrors });
    revalidatePath(`/engagements/${access.engagementId}/${INVENTORY_PAGE_SLUGS[batch.inventory]}`);
    revalidatePath(`/engagements/${access.engagementId}`, "layout");
    // the mappings are remembered for the firm's next file of this shape; the import stands even if that fails
    try {
      const saved = await saveImportProfile(access.engagementId, actor, { batchId: batch.id, requestId: rid });
      batch = { ...batch, summary: { ...batch.summary, savedProfile: saved.batch.summary.savedProfile } };
    } catch (err) {
      logError("import profile not saved after apply", err, { batchId: batch.id, requestId: rid });
    }
    return { ok: true, data: toBatchView(batch) };
  });
}

/** Use a saved import profile of the firm for this file: its column and value mappings, before the dry run. */
export async function applySavedProfileAction(input: unknown): Promise<ActionResult<ImportBatchView>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = ApplyProfileInputSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "data.import");
    refuseArchived(access);
    const batch = await applyImportProfile(access.engagementId, { ...user, role: access.role }, parsed.data.batchId, parsed.data.profileId, rid);
    return { ok: true, data: toBatchView(batch) };
  });
}

/** Save this import's column and value mappings as a named profile of the firm (overwrites one of that name). */
export async function saveImportProfileAction(input: unknown): Promise<ActionResult<ImportBatchView>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = SaveProfileInputSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "data.import");
    refuseArchived(access);
    const { batch } = await saveImportProfile(access.engagementId, { ...user, role: access.role }, { batchId: parsed.data.batchId, name: parsed.data.name, requestId: rid });
    return { ok: true, data: await viewOf(access.engagementId, batch) };
  });
}

/**
 * Whole-engagement JSON → a NEW engagement with the importer as lead. Problems come back as fieldErrors keyed
 * by JSON path ("risks[3].likelihood"); nothing is written unless the whole document is valid.
 */
export async function importEngagementAction(formData: FormData): Promise<ActionResult<{ id: string; counts: Record<string, number> }>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const file = formData instanceof FormData ? fileFrom(formData) : null;
    if (!file || file.size === 0) throw new AppError("INVALID", "Choose a file to upload.", { file: [file ? "The file is empty" : "Choose a .json file exported from Sounding"] });
    if (file.size > MAX_DOCUMENT_BYTES) throw new AppError("INVALID", "The file is larger than 20 MB.", { file: ["The file is larger than 20 MB"] });
    const result = parseEngagementDocument(await file.text());
    if (!result.ok) {
      const fieldErrors: Record<string, string[]> = {};
      for (const p of result.problems) (fieldErrors[p.path] ??= []).push(p.message);
      return { ok: false, code: "INVALID", message: `The file has ${result.problems.length === 1 ? "a problem" : "problems"}; nothing was imported.`, fieldErrors };
    }
    const created = await createEngagementFromDocument(user, result.document, { fileName: file.name, requestId: rid, via: "app" });
    revalidatePath("/engagements");
    return { ok: true, data: created };
  });
}
