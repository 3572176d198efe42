// Helpers for the import/export integration tests: seed an engagement from a fixture document, call the
// export/template routes like a browser would, and walk the three import steps through the server actions.
import fs from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { signInAs } from "../support/session";
import { db } from "@/lib/db";
import { EngagementDocumentSchema, type EngagementDocument } from "@/lib/engagement-format/schema";
import { createEngagementFromDocument } from "@/lib/engagement-format/mutations";
import { applyImportAction, runDryRunAction, uploadImportFileAction } from "@/lib/import-export/actions";
import type { ImportBatchView } from "@/lib/import-export/schema";
import type { InventoryKey } from "@/lib/inventories/registry";
import { GET as exportRoute } from "@/app/api/engagements/[id]/export/[inventory]/route";
import { GET as templateRoute } from "@/app/api/engagements/[id]/template/[inventory]/route";
import { GET as exportJsonRoute } from "@/app/api/engagements/[id]/export.json/route";

export const ROOT = path.resolve(__dirname, "../../..");
export type User = { id: string; email: string; name: string; organizationId: string };

export function fixtureDocument(file = "mid-size-type-a.json"): EngagementDocument {
  return EngagementDocumentSchema.parse(JSON.parse(fs.readFileSync(path.join(ROOT, "tests/fixtures/engagements", file), "utf8")));
}

export function importFixture(file: string): Buffer {
  return fs.readFileSync(path.join(ROOT, "tests/fixtures/imports", file));
}

/** A new engagement holding the fixture's rows, led by `lead` (and with the extra members given). */
export async function seedEngagement(lead: User, members: { userId: string; role: "consultant" | "clinical_reviewer" | "executive" }[] = [], file?: string) {
  const { id } = await createEngagementFromDocument(lead, fixtureDocument(file));
  if (members.length) await db.membership.createMany({ data: members.map((m) => ({ engagementId: id, ...m })) });
  return id;
}

const request = (url: string) => new Request(`http://localhost${url}`, { headers: { "x-request-id": "test-request" } });

export async function getExport(engagementId: string, inventory: string, format: string) {
  return exportRoute(request(`/api/engagements/${engagementId}/export/${inventory}?format=${format}`), { params: Promise.resolve({ id: engagementId, inventory }) });
}
export async function getTemplate(engagementId: string, inventory: string, format: string) {
  return templateRoute(request(`/api/engagements/${engagementId}/template/${inventory}?format=${format}`), { params: Promise.resolve({ id: engagementId, inventory }) });
}
export async function getExportJson(engagementId: string) {
  return exportJsonRoute(request(`/api/engagements/${engagementId}/export.json`), { params: Promise.resolve({ id: engagementId }) });
}

export async function downloadBytes(res: Response): Promise<Uint8Array> {
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

export function uploadForm(engagementId: string, inventory: string, fileName: string, bytes: Uint8Array) {
  const form = new FormData();
  form.set("engagementId", engagementId);
  form.set("inventory", inventory);
  form.set("file", new File([new Uint8Array(bytes)], fileName));
  return form;
}

/** Upload → dry run with the suggested mapping; returns the dry-run view. */
export async function dryRun(user: User, engagementId: string, inventory: InventoryKey, fileName: string, bytes: Uint8Array): Promise<ImportBatchView> {
  signInAs(user);
  const up = await uploadImportFileAction(uploadForm(engagementId, inventory, fileName, bytes));
  if (!up.ok) throw new Error(`upload failed: ${JSON.stringify(up)}`);
  const dry = await runDryRunAction({ engagementId, batchId: up.data.batchId, mapping: up.data.suggested });
  if (!dry.ok) throw new Error(`dry run failed: ${JSON.stringify(dry)}`);
  return dry.data;
}

/** Upload → dry run → apply; returns the applied view. */
export async function importFile(user: User, engagementId: string, inventory: InventoryKey, fileName: string, bytes: Uint8Array): Promise<ImportBatchView> {
  const view = await dryRun(user, engagementId, inventory, fileName, bytes);
  const applied = await applyImportAction({ engagementId, batchId: view.batchId });
  if (!applied.ok) throw new Error(`apply failed: ${JSON.stringify(applied)}`);
  return applied.data;
}

/** Stored row state that must not move when nothing is written. */
export async function rowStamps(engagementId: string, inventory: InventoryKey) {
  const where = { where: { engagementId }, select: { id: true, version: true, updatedAt: true }, orderBy: { id: "asc" as const } };
  switch (inventory) {
    case "data": return db.dataEntity.findMany(where);
    case "workflows": return db.workflowItem.findMany(where);
    case "integrations": return db.integration.findMany(where);
    case "reports": return db.report.findMany(where);
    case "risks": return db.risk.findMany(where);
  }
}
