// Import/export reads: an inventory's rows as contract rows (export order = insertion order, the same as
// loadEngagementDocument), the existing rows a dry run compares against (one query), and import batches.
// Every read takes an AuthorizedEngagementId and filters by it.
import "server-only";
import { db } from "@/lib/db";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { RiskMatrixSchema, type RiskMatrix } from "@/lib/engagement-format/schema";
import { INVENTORIES, type InventoryKey } from "@/lib/inventories/registry";
import type { ExistingRow } from "@/lib/import-export/dry-run";
import { toBatchView, type StoredBatch, type StoredRows, type StoredSummary } from "@/lib/import-export/batch";
import type { ImportBatchView } from "@/lib/import-export/schema";
import { offersFor, toProfileView, type ImportProfileView, type StoredProfile } from "@/lib/import-export/profiles";

/** Stable row order: insertion order (createdAt, then id — imports write ids in file order). */
const insertionOrder = { orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }] };

type RecordWithMeta = Record<string, unknown> & { id: string; version: number };

const FINDERS: Record<InventoryKey, (engagementId: string) => Promise<RecordWithMeta[]>> = {
  data: (engagementId) => db.dataEntity.findMany({ where: { engagementId }, ...insertionOrder }),
  workflows: (engagementId) => db.workflowItem.findMany({ where: { engagementId }, ...insertionOrder }),
  integrations: (engagementId) => db.integration.findMany({ where: { engagementId }, ...insertionOrder }),
  reports: (engagementId) => db.report.findMany({ where: { engagementId }, ...insertionOrder }),
  risks: (engagementId) => db.risk.findMany({ where: { engagementId }, ...insertionOrder }),
};

/** Rows per query when a dry run reads the inventory (bounded memory, issue 14). */
const EXISTING_PAGE = 1_000;

type Page = { take: number; skip?: number; cursor?: { id: string } };
const PAGED_FINDERS: Record<InventoryKey, (engagementId: string, page: Page) => Promise<RecordWithMeta[]>> = {
  data: (engagementId, page) => db.dataEntity.findMany({ where: { engagementId }, ...insertionOrder, ...page }),
  workflows: (engagementId, page) => db.workflowItem.findMany({ where: { engagementId }, ...insertionOrder, ...page }),
  integrations: (engagementId, page) => db.integration.findMany({ where: { engagementId }, ...insertionOrder, ...page }),
  reports: (engagementId, page) => db.report.findMany({ where: { engagementId }, ...insertionOrder, ...page }),
  risks: (engagementId, page) => db.risk.findMany({ where: { engagementId }, ...insertionOrder, ...page }),
};

/**
 * The inventory's rows with id and version, for a dry run, in insertion order. Read EXISTING_PAGE rows per
 * query and turned into contract rows page by page: Prisma's records of one page are garbage before the next
 * is read, so a 10k-row inventory never has all its records and their contract rows alive at once (read in
 * one query, they left ~30 MB more of old-generation heap behind; npm run bench -- import-10k, re-import).
 * The pages are not one snapshot: a row edited or deleted meanwhile is caught by apply's staleness check
 * (ids, versions and keys re-read in its transaction), which asks for a new dry run.
 */
export async function findExistingRows(engagementId: AuthorizedEngagementId, inventory: InventoryKey): Promise<ExistingRow[]> {
  const fromRecord = INVENTORIES[inventory].fromRecord as (r: Record<string, unknown>) => Record<string, unknown>;
  const out: ExistingRow[] = [];
  let cursor: string | undefined;
  for (;;) {
    const records = await PAGED_FINDERS[inventory](engagementId, cursor ? { take: EXISTING_PAGE, skip: 1, cursor: { id: cursor } } : { take: EXISTING_PAGE });
    for (const r of records) out.push({ id: r.id, version: r.version, row: fromRecord(r) });
    if (records.length < EXISTING_PAGE) return out;
    cursor = records[records.length - 1].id;
  }
}

/** The inventory's rows as contract rows, in insertion order (exports). */
export async function findInventoryRows(engagementId: AuthorizedEngagementId, inventory: InventoryKey): Promise<Record<string, unknown>[]> {
  const records = await FINDERS[inventory](engagementId);
  const fromRecord = INVENTORIES[inventory].fromRecord as (r: Record<string, unknown>) => Record<string, unknown>;
  return records.map((r) => fromRecord(r));
}

export async function findExportHeader(engagementId: AuthorizedEngagementId): Promise<{ clientName: string; name: string; riskMatrix: RiskMatrix; systems: { source: string; destination: string } }> {
  const e = await db.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: { clientName: true, name: true, riskMatrix: true, sourceSystem: true, destinationSystem: true } });
  return { clientName: e.clientName, name: e.name, riskMatrix: RiskMatrixSchema.catch(RiskMatrixSchema.parse({})).parse(e.riskMatrix ?? {}), systems: { source: e.sourceSystem, destination: e.destinationSystem } };
}

/**
 * One import batch of this engagement. The JSON columns are read as text and parsed here: for a 10k-row
 * file that is several megabytes, which JSON.parse handles in milliseconds. `parts` leaves out what a step
 * does not need — the parsed cells (apply works from the dry run's results) or the results (a new dry run
 * replaces them) — so a 10k-row batch is never held twice over (bounded memory, issue 14); a part left out
 * comes back empty.
 */
export async function findImportBatch(engagementId: AuthorizedEngagementId, batchId: string, parts: { cells?: boolean; results?: boolean } = {}): Promise<StoredBatch | null> {
  if (typeof batchId !== "string" || batchId.length === 0 || batchId.length > 64) return null;
  const cells = parts.cells !== false;
  const results = parts.results !== false;
  const found = await db.$queryRaw<{ id: string; engagementId: string; inventory: string; fileName: string; rows: string; summary: string; appliedAt: Date | null; createdAt: Date }[]>`
    SELECT "id", "engagementId", "inventory", "fileName",
      (CASE WHEN ${cells} THEN "rows" ELSE jsonb_set("rows", '{rows}', '[]'::jsonb) END
        - (CASE WHEN ${results} THEN '' ELSE 'results' END))::text AS "rows",
      "summary"::text AS "summary", "appliedAt", "createdAt"
    FROM "ImportBatch" WHERE "id" = ${batchId} AND "engagementId" = ${engagementId}`;
  const b = found[0];
  if (!b) return null;
  return { ...b, inventory: b.inventory as InventoryKey, rows: JSON.parse(b.rows) as StoredRows, summary: JSON.parse(b.summary) as StoredSummary };
}

/** For the import page: the batch's view when it belongs to this engagement and inventory, else null. */
export async function loadImportBatchView(engagementId: AuthorizedEngagementId, inventory: InventoryKey, batchId: string): Promise<ImportBatchView | null> {
  const b = await findImportBatch(engagementId, batchId);
  if (!b || b.inventory !== inventory) return null;
  const offers = b.appliedAt ? [] : await findProfileOffers(engagementId, inventory, b.rows.headers);
  return toBatchView(b, offers);
}

export type RecentImport = { batchId: string; inventory: InventoryKey; fileName: string; appliedAt: string; created: number; updated: number };

/** The last applied imports of an engagement (the import hub lists them). */
export async function findRecentImports(engagementId: AuthorizedEngagementId, take = 10): Promise<RecentImport[]> {
  const rows = await db.importBatch.findMany({
    where: { engagementId, appliedAt: { not: null } },
    orderBy: { appliedAt: "desc" },
    take,
    select: { id: true, inventory: true, fileName: true, appliedAt: true, summary: true },
  });
  return rows.map((r) => {
    const applied = (r.summary as unknown as StoredSummary).applied;
    return { batchId: r.id, inventory: r.inventory as InventoryKey, fileName: r.fileName, appliedAt: r.appliedAt!.toISOString(), created: applied?.created ?? 0, updated: applied?.updated ?? 0 };
  });
}

// ---------- saved import profiles (per organization; profiles.ts) ----------

type Row = { id: string; organizationId: string; inventory: string; name: string; shape: string; headers: unknown; columnMappings: unknown; valueMappings: unknown; fill: unknown; sourceFileName: string; createdAt: Date; lastUsedAt: Date };

function stored(r: Row): StoredProfile {
  return {
    id: r.id,
    organizationId: r.organizationId,
    inventory: r.inventory as InventoryKey,
    name: r.name,
    shape: r.shape,
    headers: r.headers as string[],
    columnMappings: r.columnMappings as Record<string, string | null>,
    valueMappings: r.valueMappings as StoredProfile["valueMappings"],
    fill: (r.fill ?? {}) as Record<string, string>,
    sourceFileName: r.sourceFileName,
    createdAt: r.createdAt,
    lastUsedAt: r.lastUsedAt,
  };
}

export async function findImportProfileByName(organizationId: string, inventory: InventoryKey, name: string): Promise<StoredProfile | null> {
  const r = await db.importProfile.findFirst({ where: { organizationId, inventory, name: { equals: name.trim(), mode: "insensitive" } } });
  return r ? stored(r) : null;
}

export async function findImportProfileById(organizationId: string, id: string): Promise<StoredProfile | null> {
  if (typeof id !== "string" || id.length === 0 || id.length > 64) return null;
  const r = await db.importProfile.findFirst({ where: { organizationId, id } });
  return r ? stored(r) : null;
}

/** The firm's most recently used profile for exactly this file shape (same headers, same order). */
export async function findImportProfileByShape(organizationId: string, inventory: InventoryKey, shape: string): Promise<StoredProfile | null> {
  const r = await db.importProfile.findFirst({ where: { organizationId, inventory, shape }, orderBy: { lastUsedAt: "desc" } });
  return r ? stored(r) : null;
}

/** Profiles of this firm for one inventory, those whose file shape matches first. */
export async function findImportProfiles(organizationId: string, inventory: InventoryKey, shape?: string): Promise<ImportProfileView[]> {
  const rows = await db.importProfile.findMany({ where: { organizationId, inventory }, orderBy: [{ lastUsedAt: "desc" }], take: 50 });
  return rows.map((r) => toProfileView(stored(r), shape));
}

/** The firm an engagement belongs to: its saved import profiles are the ones offered. */
export async function findEngagementOrganizationId(engagementId: AuthorizedEngagementId): Promise<string> {
  const e = await db.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: { organizationId: true } });
  return e.organizationId;
}

/** This firm's profiles that fit a file's headers (≥ MIN_PROFILE_MATCH), best first; never another firm's. */
export async function findProfileOffers(engagementId: AuthorizedEngagementId, inventory: InventoryKey, headers: readonly string[]): Promise<ImportProfileView[]> {
  const organizationId = await findEngagementOrganizationId(engagementId);
  const rows = await db.importProfile.findMany({ where: { organizationId, inventory }, orderBy: [{ lastUsedAt: "desc" }], take: 200 });
  return offersFor(rows.map(stored), inventory, headers);
}

export async function findProfileNames(organizationId: string, inventory: InventoryKey): Promise<string[]> {
  const rows = await db.importProfile.findMany({ where: { organizationId, inventory }, select: { name: true } });
  return rows.map((r) => r.name);
}
