// Import/export writes. An import is three steps, each its own short transaction, with all state in the
// ImportBatch row: upload (parsed cells) → dry run (normalized rows + per-row outcome) → apply.
// Apply is atomic and idempotent: one transaction claims the batch, re-checks that nothing it depends on
// changed since the dry run, bulk-inserts and bulk-updates (a few statements per 2,000 rows, never one
// round trip per row), and appends one audit entry. Parsing and validation never run inside a transaction.
import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError, isUniqueViolation } from "@/lib/errors";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import type { Role } from "@/lib/auth/access-matrix";
import { appendAuditEvent, recordAccessEvent, recordAuditEvent } from "@/lib/audit/mutations";
import { INVENTORIES, type InventoryKey } from "@/lib/inventories/registry";
import { inventorySpec } from "@/lib/import-export/columns";
import type { RowResult } from "@/lib/import-export/dry-run";
import { DRY_RUN_CHUNK_ROWS, prepareAndClassifyInChunks, refineMappingByContent, type PrepareOptions } from "@/lib/import-export/prepare";
import { suppliedColumns } from "@/lib/import-export/inference";
import { suggestMapping, checkMapping } from "@/lib/import-export/headers";
import type { ParsedFile } from "@/lib/import-export/parse";
import { INVENTORY_TABLES } from "@/lib/import-export/sql-types";
import { jsonArrayParts } from "@/lib/import-export/json-parts";
import { BATCH_FORMAT_VERSION, MAX_RESULTS_SHOWN, type StoredBatch, type StoredRows, type StoredSummary } from "@/lib/import-export/batch";
import { findEngagementOrganizationId, findExistingRows, findExportHeader, findImportBatch, findImportProfileById, findImportProfileByName, findImportProfileByShape, findProfileNames } from "@/lib/import-export/data";
import { columnMappingsOf, effectiveValueMappings, mappingFromProfile, profileNameFor, shapeOf, type StoredProfile } from "@/lib/import-export/profiles";

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];
export type Actor = { id: string; email: string; role?: Role | ""; organizationId: string };

/** Unapplied batches older than this are deleted when a new file is uploaded to the engagement. */
const STALE_BATCH_MS = 24 * 60 * 60 * 1000;
/** Rows of the dry run's results per insert / update statement of an apply (written inside PostgreSQL). */
const CHUNK = 2_000;
const APPLY_TIMEOUT_MS = 120_000;
const STORE_TIMEOUT_MS = 60_000;

// ---------- big JSON in pieces (bounded memory, issue 14; json-parts.ts) ----------
/** The array staged by stageJsonArray, in order, as one jsonb value (for the statement that stores it). */
const STAGED_ARRAY = `(SELECT COALESCE(jsonb_agg(e.v ORDER BY p."seq", e.ord), '[]'::jsonb) FROM import_staged p, jsonb_array_elements(p."data") WITH ORDINALITY AS e(v, ord))`;

/** Stages a large array in a temporary table of this transaction, a piece per statement. */
async function stageJsonArray(tx: Tx, items: readonly unknown[]): Promise<void> {
  await stageJsonParts(tx, (function* () {
    for (const { json } of jsonArrayParts(items)) yield json;
  })());
}

/** Stages an array already written as JSON arrays of at most PART_CHARS (its pieces, in order). */
async function stageJsonParts(tx: Tx, parts: Iterable<string>): Promise<void> {
  await tx.$executeRawUnsafe(`CREATE TEMP TABLE import_staged ("seq" int NOT NULL, "data" jsonb NOT NULL) ON COMMIT DROP`);
  let seq = 0;
  for (const json of parts) await tx.$executeRawUnsafe(`INSERT INTO import_staged ("seq", "data") VALUES ($1, $2::jsonb)`, seq++, json);
}

// ---------- bulk SQL per inventory ----------
// INVENTORY_TABLES (sql-types.ts) lists each table's columns and SQL types; a contract row's JSON is
// their value (the contract's field names are the column names), so jsonb_to_recordset turns a chunk
// of rows into typed columns in one statement.
const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Ids that sort in the order they are generated: rows created in one transaction share createdAt, and
 * exports order by (createdAt, id), so file order survives an import.
 */
export function orderedIds(n: number): string[] {
  const prefix = `c${Date.now().toString(36).padStart(9, "0")}${BigInt(`0x${randomBytes(6).toString("hex")}`).toString(36).padStart(10, "0").slice(0, 10)}`;
  return Array.from({ length: n }, (_, i) => `${prefix}${i.toString(36).padStart(5, "0")}`);
}

/** Inserts contract rows (already schema-parsed) in file order; returns their ids. */
export async function insertInventoryRows(tx: Tx, inventory: InventoryKey, engagementId: string, rows: readonly Record<string, unknown>[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const { table, columns } = INVENTORY_TABLES[inventory];
  const names = Object.keys(columns);
  const recordDef = [`"id" text`, ...names.map((c) => `${q(c)} ${columns[c]}`)].join(", ");
  const sql = `INSERT INTO ${q(table)} ("id", "engagementId", ${names.map(q).join(", ")}, "version", "createdAt", "updatedAt")
    SELECT v."id", $2, ${names.map((c) => `v.${q(c)}`).join(", ")}, 1, now(), now()
    FROM jsonb_to_recordset($1::jsonb) AS v(${recordDef})`;
  const ids = orderedIds(rows.length);
  for (const { json } of jsonArrayParts(rows, (r, i) => ({ ...pick(r, names), id: ids[i] }))) await tx.$executeRawUnsafe(sql, json, engagementId);
  return ids;
}

/** Updates rows by id when their version is still the one given; returns how many were updated. */
export async function updateInventoryRows(tx: Tx, inventory: InventoryKey, engagementId: string, rows: readonly { id: string; version: number; data: Record<string, unknown> }[]): Promise<number> {
  if (rows.length === 0) return 0;
  const { table, columns } = INVENTORY_TABLES[inventory];
  const names = Object.keys(columns);
  const recordDef = [`"id" text`, `"version" int`, ...names.map((c) => `${q(c)} ${columns[c]}`)].join(", ");
  const sql = `UPDATE ${q(table)} AS t SET ${names.map((c) => `${q(c)} = v.${q(c)}`).join(", ")}, "version" = t."version" + 1, "updatedAt" = now()
    FROM jsonb_to_recordset($1::jsonb) AS v(${recordDef})
    WHERE t."id" = v."id" AND t."engagementId" = $2 AND t."version" = v."version"`;
  let updated = 0;
  for (const { json } of jsonArrayParts(rows, (r) => ({ ...pick(r.data, names), id: r.id, version: r.version }))) updated += await tx.$executeRawUnsafe(sql, json, engagementId);
  return updated;
}

function pick(row: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const n of names) out[n] = row[n] === undefined ? null : row[n];
  return out;
}

// ---------- step 1: upload ----------
export async function createImportBatch(engagementId: AuthorizedEngagementId, actor: Actor, input: { inventory: InventoryKey; fileName: string; fileSize: number; parsed: ParsedFile; via?: "app" | "cli"; requestId?: string }): Promise<StoredBatch> {
  const spec = inventorySpec(input.inventory);
  const suggested = refineMappingByContent(spec, suggestMapping(spec, input.parsed.headers), input.parsed.rows);
  const rows: StoredRows = {
    v: BATCH_FORMAT_VERSION,
    format: input.parsed.format,
    sheetName: input.parsed.sheetName,
    headerRow: input.parsed.headerRow,
    headers: input.parsed.headers,
    rows: input.parsed.rows,
    blankRows: input.parsed.blankRows,
  };
  const summary: StoredSummary = {
    v: BATCH_FORMAT_VERSION,
    stage: "mapping",
    fileSize: input.fileSize,
    rowCount: input.parsed.rows.length,
    blankRows: input.parsed.blankRows,
    suggested,
    mapping: suggested,
    counts: null,
    dryRunAt: null,
    applied: null,
    sheets: input.parsed.sheets,
    filledDown: input.parsed.filledDown ?? null,
  };
  // JSON goes in as text: Prisma's JSON input path takes seconds for a 10k-row file, the database milliseconds
  const [id] = orderedIds(1);
  const fileName = input.fileName.slice(0, 255);
  const createdAt = new Date();
  // the parsed cells go in pieces (see PART_CHARS)
  await db.$transaction(
    async (tx) => {
      await tx.importBatch.deleteMany({ where: { engagementId, appliedAt: null, createdAt: { lt: new Date(Date.now() - STALE_BATCH_MS) } } });
      await stageJsonArray(tx, rows.rows);
      await tx.$executeRawUnsafe(
        `INSERT INTO "ImportBatch" ("id", "engagementId", "inventory", "fileName", "createdById", "rows", "summary", "createdAt")
          VALUES ($1, $2, $3, $4, $5, jsonb_set($6::jsonb, '{rows}', ${STAGED_ARRAY}), $7::jsonb, $8)`,
        id, engagementId, input.inventory, fileName, actor.id, JSON.stringify({ ...rows, rows: [] }), JSON.stringify(summary), createdAt,
      );
    },
    { timeout: STORE_TIMEOUT_MS, maxWait: 10_000 },
  );
  await recordAuditEvent({
    organizationId: actor.organizationId,
    engagementId,
    actor: { id: actor.id, email: actor.email, role: actor.role },
    action: "import.upload",
    entityType: input.inventory,
    entityId: id,
    changes: { fileName, inventory: input.inventory, fileSize: input.fileSize, format: input.parsed.format, sheet: input.parsed.sheetName, rows: input.parsed.rows.length, filledDown: input.parsed.filledDown?.cells ?? 0, via: input.via ?? "app" },
    requestId: input.requestId ?? "",
  });
  return { id, engagementId, inventory: input.inventory, fileName, rows, summary, appliedAt: null, createdAt };
}

function requireOpenBatch(batch: StoredBatch | null): StoredBatch {
  if (!batch) throw new AppError("NOT_FOUND", "This import is no longer available. Upload the file again.");
  if (batch.appliedAt) throw new AppError("CONFLICT", "This file has already been imported. Upload it again to run a new dry run.");
  return batch;
}

// ---------- step 2: dry run ----------
/** Classifies every row against the inventory as it is now and stores the outcome in the batch; returns the updated batch. */
export async function runDryRun(engagementId: AuthorizedEngagementId, batchId: string, mapping: (string | null)[], options: PrepareOptions = {}, audit?: { actor: Actor; requestId?: string; via?: "app" | "cli" }): Promise<StoredBatch> {
  // the previous dry run's results are replaced: not read
  const batch = requireOpenBatch(await findImportBatch(engagementId, batchId, { results: false }));
  const spec = inventorySpec(batch.inventory);
  const width = batch.rows.headers.length;
  const fullMapping = Array.from({ length: width }, (_, i) => mapping[i] ?? null);
  // a key column the file lacks is fine when the preparation supplies it (inferred, composed or set for every row)
  const supplied = suppliedColumns(spec, fullMapping, options);
  const blocking = checkMapping(spec, [...fullMapping, ...supplied]).filter((p) => p.isBlocking);
  if (blocking.length) throw new AppError("INVALID", blocking[0].message, { mapping: blocking.map((p) => p.message) });

  const [existing, header] = await Promise.all([findExistingRows(engagementId, batch.inventory), findExportHeader(engagementId)]);
  // a chunk of rows at a time (bounded memory, issue 14): each chunk's results are written as JSON at once and
  // let go; only what the screens and the CLI show is kept (every error, the first other rows, without data)
  const parts: string[] = [];
  const shown: RowResult[] = [];
  let othersShown = 0;
  const out = prepareAndClassifyInChunks({ spec, headers: batch.rows.headers, mapping: fullMapping, rows: batch.rows.rows, existing, riskMatrix: header.riskMatrix, systems: header.systems, options }, DRY_RUN_CHUNK_ROWS, (results) => {
    for (const { json } of jsonArrayParts(results)) parts.push(json);
    for (const r of results) {
      if (r.status !== "error" && othersShown++ >= MAX_RESULTS_SHOWN) continue;
      const { data: _data, ...rest } = r;
      shown.push(rest);
    }
  });
  // rows blank in every mapped column are skipped like fully empty ones (which the parse already counted)
  const summary: StoredSummary = {
    ...batch.summary,
    stage: "dry_run",
    mapping: fullMapping,
    rowCount: batch.rows.rows.length - out.blankRows,
    blankRows: batch.rows.blankRows + out.blankRows,
    counts: out.counts,
    dryRunAt: new Date().toISOString(),
    options,
    report: out.report,
    rowTotals: out.rows,
  };
  // only the results travel (jsonb_set), in pieces (see PART_CHARS): the parsed cells are already stored
  const count = await db.$transaction(
    async (tx) => {
      await stageJsonParts(tx, parts);
      return tx.$executeRawUnsafe(
        `UPDATE "ImportBatch" SET "rows" = jsonb_set("rows", '{results}', ${STAGED_ARRAY}), "summary" = $1::jsonb WHERE "id" = $2 AND "engagementId" = $3 AND "appliedAt" IS NULL`,
        JSON.stringify(summary), batch.id, engagementId,
      );
    },
    { timeout: STORE_TIMEOUT_MS, maxWait: 10_000 },
  );
  if (count === 0) throw new AppError("CONFLICT", "This file was imported meanwhile. Upload it again to run a new dry run.");
  if (audit) {
    await recordAuditEvent({
      organizationId: audit.actor.organizationId,
      engagementId,
      actor: { id: audit.actor.id, email: audit.actor.email, role: audit.actor.role },
      action: "import.dry_run",
      entityType: batch.inventory,
      entityId: batch.id,
      changes: { fileName: batch.fileName, inventory: batch.inventory, rows: out.rows, counts: out.counts, acceptSuggestions: !!options.acceptSuggestions, via: audit.via ?? "app" },
      requestId: audit.requestId ?? "",
    });
  }
  // the results returned are those the view and the summary read (resultsTotal comes from the counts)
  return { ...batch, rows: { ...batch.rows, results: shown }, summary };
}

// ---------- step 3: apply ----------
export type ApplyResult = { created: number; updated: number; unchanged: number; batch: StoredBatch };
export type ApplyHooks = { afterChunkWritten?: (what: "insert" | "update") => Promise<void> | void };

/**
 * Applies a dry run: all rows or none. Refused while any row has an error, when the batch was applied
 * already, or when the inventory changed since the dry run (a row it matched was edited, or a row with a
 * new row's key appeared) — then the user runs the dry run again, nothing is overwritten.
 * The rows to write never come back to this process: the dry run's results are unpacked into a temporary
 * table of the transaction and inserted / updated from there, CHUNK rows per statement (bounded memory,
 * issue 14); only ids, versions and keys are read, for the check.
 */
export async function applyImportBatch(engagementId: AuthorizedEngagementId, actor: Actor, batchId: string, requestId = "", hooks: ApplyHooks = {}, options: { skipErrors?: boolean; via?: "app" | "cli" } = {}): Promise<ApplyResult> {
  // the summary is enough here: neither the parsed cells nor the results are read into memory
  const batch = requireOpenBatch(await findImportBatch(engagementId, batchId, { cells: false, results: false }));
  const counts = batch.summary.counts;
  if (batch.summary.stage !== "dry_run" || !counts) throw new AppError("CONFLICT", "Run the dry run before applying.");
  if (counts.error > 0 && !options.skipErrors) {
    throw new AppError("INVALID", `${counts.error.toLocaleString("en-US")} ${counts.error === 1 ? "row has an error" : "rows have errors"}. Nothing was imported: fix the file and upload it again, or import the valid rows and skip these.`, {});
  }
  const skipped = options.skipErrors ? counts.error : 0;
  const inventory = batch.inventory;
  const spec = inventorySpec(inventory);
  const { table, columns } = INVENTORY_TABLES[inventory];
  const names = Object.keys(columns);
  const recordDef = names.map((c) => `${q(c)} ${columns[c]}`).join(", ");
  const result = { created: counts.create, updated: counts.update, unchanged: counts.unchanged, ...(skipped ? { skipped } : {}) };
  let appliedAt = new Date();
  let appliedSummary = batch.summary;

  try {
    await db.$transaction(
      async (tx) => {
        appliedAt = new Date();
        const summary: StoredSummary = { ...batch.summary, stage: "applied", applied: result };
        appliedSummary = summary;
        const claimed = await tx.importBatch.updateMany({ where: { id: batch.id, engagementId, appliedAt: null }, data: { appliedAt, summary: summary as object } });
        if (claimed.count === 0) throw new AppError("CONFLICT", "This file has already been imported.");

        // the dry run's outcome per row, unpacked once in PostgreSQL ("ord": file order)
        await tx.$executeRawUnsafe(
          `CREATE TEMP TABLE import_results ON COMMIT DROP AS
            SELECT e.ord::int AS "ord", e.v->>'status' AS "status", e.v->>'id' AS "id", (e.v->>'version')::int AS "version", e.v->>'key' AS "key",
              (e.v->>'row')::int AS "row", e.v->>'label' AS "label", e.v->'changes' AS "changes", e.v->'data' AS "data"
            FROM "ImportBatch" b, jsonb_array_elements(b."rows"->'results') WITH ORDINALITY AS e(v, ord)
            WHERE b."id" = $1 AND b."engagementId" = $2`,
          batch.id, engagementId,
        );
        // indexed and analyzed: the inventory's statistics may predate its last bulk insert, and a planner that
        // believes it small scans this table once per inventory row (minutes for 5,000 updates)
        await tx.$executeRawUnsafe(`CREATE INDEX ON import_results ("id")`);
        await tx.$executeRawUnsafe(`CREATE INDEX ON import_results ("ord")`);
        await tx.$executeRawUnsafe(`ANALYZE import_results`);
        const rowsToWrite = `r."data" IS NOT NULL AND ((r."status" = 'create' AND r."key" IS NOT NULL) OR (r."status" = 'update' AND r."id" IS NOT NULL))`;
        const planned = await tx.$queryRawUnsafe<{ status: string; n: number }[]>(`SELECT r."status", count(*)::int AS "n" FROM import_results r WHERE ${rowsToWrite} GROUP BY r."status"`);
        const plannedOf = (st: string) => planned.find((p) => p.status === st)?.n ?? 0;
        if (plannedOf("create") !== counts.create || plannedOf("update") !== counts.update) throw new AppError("CONFLICT", "Run the dry run again before applying.");

        // what the dry run relied on must still hold: ids, versions and keys only
        const current = await currentKeys(tx, inventory, engagementId);
        const relied = await tx.$queryRawUnsafe<{ status: string; id: string | null; version: number | null; key: string | null }[]>(
          `SELECT r."status", r."id", r."version", r."key" FROM import_results r WHERE (r."status" IN ('update', 'unchanged') AND r."id" IS NOT NULL) OR (${rowsToWrite} AND r."status" = 'create')`,
        );
        const stale = relied.filter((r) => (r.status === "create" ? current.keys.has(r.key!) : current.byId.get(r.id!) !== r.version)).length;
        if (stale > 0) {
          throw new AppError("CONFLICT", `The ${spec.label.toLowerCase()} changed since the dry run (${stale} ${stale === 1 ? "row" : "rows"} affected). Nothing was imported: run the dry run again to see the current differences.`);
        }

        // new rows in file order: ids that sort as the file does (one prefix, the row's place after it)
        const prefix = orderedIds(1)[0].slice(0, -5);
        const last = await tx.$queryRawUnsafe<{ n: number }[]>(`SELECT COALESCE(max("ord"), 0)::int AS "n" FROM import_results`);
        const total = last[0]?.n ?? 0;
        const insert = `INSERT INTO ${q(table)} ("id", "engagementId", ${names.map(q).join(", ")}, "version", "createdAt", "updatedAt")
          SELECT $1::text || lpad(r."ord"::text, 5, '0'), $2::text, ${names.map((c) => `v.${q(c)}`).join(", ")}, 1, now(), now()
          FROM import_results r, jsonb_to_record(r."data") AS v(${recordDef})
          WHERE ${rowsToWrite} AND r."status" = 'create' AND r."ord" > $3::int AND r."ord" <= $4::int ORDER BY r."ord"`;
        let created = 0;
        for (let lo = 0; lo < total; lo += CHUNK) {
          const n = await tx.$executeRawUnsafe(insert, prefix, engagementId, lo, lo + CHUNK);
          created += n;
          if (n > 0) await hooks.afterChunkWritten?.("insert");
        }
        const update = `UPDATE ${q(table)} AS t SET ${names.map((c) => `${q(c)} = v.${q(c)}`).join(", ")}, "version" = t."version" + 1, "updatedAt" = now()
          FROM import_results r, jsonb_to_record(r."data") AS v(${recordDef})
          WHERE ${rowsToWrite} AND r."status" = 'update' AND r."ord" > $2::int AND r."ord" <= $3::int
            AND t."id" = r."id" AND t."engagementId" = $1::text AND t."version" = r."version"`;
        let updated = 0;
        for (let lo = 0; lo < total; lo += CHUNK) {
          const n = await tx.$executeRawUnsafe(update, engagementId, lo, lo + CHUNK);
          updated += n;
          if (n > 0) await hooks.afterChunkWritten?.("update");
        }
        if (created !== counts.create || updated !== counts.update) throw new AppError("CONFLICT", "Some rows changed while the import was being applied. Nothing was imported: run the dry run again.");

        // field-level detail for the first rows (new rows first); the ImportBatch keeps every row's outcome
        const shown = await tx.$queryRawUnsafe<{ row: number; status: string; label: string; changes: RowResult["changes"] | null }[]>(
          `SELECT r."row", r."status", r."label", r."changes" FROM import_results r WHERE ${rowsToWrite} ORDER BY (r."status" = 'update'), r."ord" LIMIT 100`,
        );
        await appendAuditEvent(tx, {
          organizationId: actor.organizationId,
          engagementId,
          actor: { id: actor.id, email: actor.email, role: actor.role },
          action: "import.apply",
          entityType: inventory,
          entityId: batch.id,
          changes: {
            fileName: batch.fileName,
            inventory,
            created: result.created,
            updated: result.updated,
            unchanged: result.unchanged,
            skipped,
            via: options.via ?? "app",
            rows: shown.map((r) => ({ row: r.row, status: r.status, label: r.label, ...(r.changes ? { changes: r.changes } : {}) })),
            rowsTruncated: Math.max(0, counts.create + counts.update - shown.length),
          },
          requestId,
        });
      },
      { timeout: APPLY_TIMEOUT_MS, maxWait: 10_000 },
    );
  } catch (err) {
    if (isUniqueViolation(err) || (err as { code?: string; cause?: { code?: string } })?.cause?.code === "23505" || /23505|unique constraint/i.test(String((err as Error)?.message))) {
      throw new AppError("CONFLICT", "A row with the same key was added meanwhile. Nothing was imported: run the dry run again.");
    }
    throw err;
  }
  return { ...result, batch: { ...batch, appliedAt, summary: appliedSummary } };
}

async function currentKeys(tx: Tx, inventory: InventoryKey, engagementId: string): Promise<{ byId: Map<string, number>; keys: Set<string> }> {
  const naturalKey = INVENTORIES[inventory].naturalKey as (r: Record<string, unknown>) => string;
  const select = { id: true, version: true } as const;
  let rows: (Record<string, unknown> & { id: string; version: number })[];
  switch (inventory) {
    case "data": rows = await tx.dataEntity.findMany({ where: { engagementId }, select: { ...select, entity: true, sourceObject: true } }); break;
    case "workflows": rows = await tx.workflowItem.findMany({ where: { engagementId }, select: { ...select, kind: true, department: true, name: true } }); break;
    case "integrations": rows = await tx.integration.findMany({ where: { engagementId }, select: { ...select, name: true } }); break;
    case "reports": rows = await tx.report.findMany({ where: { engagementId }, select: { ...select, name: true } }); break;
    case "risks": rows = await tx.risk.findMany({ where: { engagementId }, select: { ...select, title: true } }); break;
  }
  return { byId: new Map(rows.map((r) => [r.id, r.version])), keys: new Set(rows.map((r) => naturalKey(r))) };
}

// ---------- saved import profiles ----------

/**
 * Uses a saved profile of the engagement's firm for an open batch: its column mapping (by header text; headers
 * the profile does not know keep their suggestion) and its value mappings and fills become the batch's, ready
 * for the dry run. Another firm's profile, or another inventory's, is NOT_FOUND.
 */
export async function applyImportProfile(engagementId: AuthorizedEngagementId, actor: Actor, batchId: string, profileId: string, requestId = ""): Promise<StoredBatch> {
  const batch = requireOpenBatch(await findImportBatch(engagementId, batchId, { results: false }));
  const organizationId = await findEngagementOrganizationId(engagementId);
  const profile = await findImportProfileById(organizationId, profileId);
  if (!profile || profile.inventory !== batch.inventory) throw new AppError("NOT_FOUND", "That saved import profile is not available. Match the columns yourself, or choose another.");
  const spec = inventorySpec(batch.inventory);
  const known = new Set(spec.columns.map((c) => c.id));
  const mapping = mappingFromProfile(profile, batch.rows.headers, batch.summary.suggested).map((id) => (id && known.has(id) ? id : null));
  const mapped = new Set(mapping.filter(Boolean) as string[]);
  const valueMappings = Object.fromEntries(Object.entries(profile.valueMappings).filter(([col]) => mapped.has(col)));
  const fill = Object.fromEntries(Object.entries(profile.fill).filter(([col]) => known.has(col)));
  const summary: StoredSummary = {
    ...batch.summary,
    stage: "mapping",
    mapping,
    counts: null,
    dryRunAt: null,
    options: { acceptSuggestions: true, ...(Object.keys(valueMappings).length ? { valueMappings } : {}), ...(Object.keys(fill).length ? { fill } : {}) },
    report: undefined,
    rowTotals: undefined,
    profile: { id: profile.id, name: profile.name },
  };
  const count = await db.$executeRaw`UPDATE "ImportBatch" SET "summary" = ${JSON.stringify(summary)}::jsonb WHERE "id" = ${batch.id} AND "engagementId" = ${engagementId} AND "appliedAt" IS NULL`;
  if (count === 0) throw new AppError("CONFLICT", "This file was imported meanwhile. Upload it again to use the profile.");
  await recordAuditEvent({
    organizationId: actor.organizationId,
    engagementId,
    actor: { id: actor.id, email: actor.email, role: actor.role },
    action: "import.profile_use",
    entityType: batch.inventory,
    entityId: batch.id,
    changes: { fileName: batch.fileName, inventory: batch.inventory, profileId: profile.id, profile: profile.name, mappedColumns: mapped.size },
    requestId,
  });
  return { ...batch, summary };
}

export type SavedProfile = { profile: StoredProfile; created: boolean; batch: StoredBatch };

/**
 * Saves a batch's column mapping, value mappings (choices and confirmed suggestions) and fills as a profile of
 * the engagement's firm. With a name: that profile is created or overwritten. Without (after an apply): the
 * profile the batch used, else the firm's profile with the same headers, is updated; else one is created,
 * named after the file. Audited.
 */
export async function saveImportProfile(engagementId: AuthorizedEngagementId, actor: Actor, input: { batchId: string; name?: string; via?: "app" | "cli"; requestId?: string }): Promise<SavedProfile> {
  // headers, mapping and the dry run's report are enough: neither the cells nor the results are read
  const batch = await findImportBatch(engagementId, input.batchId, { cells: false, results: false });
  if (!batch) throw new AppError("NOT_FOUND", "This import is no longer available. Upload the file again.");
  const organizationId = await findEngagementOrganizationId(engagementId);
  const { headers } = batch.rows;
  const { mapping, options = {}, report } = batch.summary;
  if (!mapping.some(Boolean)) throw new AppError("INVALID", "Match at least one column before saving the mappings.");
  const shape = shapeOf(headers);
  const data = {
    shape,
    headers,
    columnMappings: columnMappingsOf(headers, mapping),
    valueMappings: effectiveValueMappings(report?.values ?? [], options),
    fill: options.fill ?? {},
    sourceFileName: batch.fileName.slice(0, 255),
    lastUsedAt: new Date(),
  };

  let existing: StoredProfile | null = null;
  let name = input.name?.trim();
  if (name) existing = await findImportProfileByName(organizationId, batch.inventory, name);
  else {
    if (batch.summary.profile) existing = await findImportProfileById(organizationId, batch.summary.profile.id);
    existing ??= await findImportProfileByShape(organizationId, batch.inventory, shape);
    name = existing?.name ?? profileNameFor(batch.fileName, await findProfileNames(organizationId, batch.inventory));
  }

  let id: string;
  try {
    if (existing) {
      await db.importProfile.update({ where: { id: existing.id }, data });
      id = existing.id;
    } else {
      const created = await db.importProfile.create({ data: { ...data, organizationId, inventory: batch.inventory, name, createdById: actor.id } });
      id = created.id;
    }
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("CONFLICT", `A profile named “${name}” was saved meanwhile. Save again to overwrite it.`);
    throw err;
  }
  const savedProfile = { id, name: existing?.name ?? name, created: !existing };
  await db.$executeRaw`UPDATE "ImportBatch" SET "summary" = jsonb_set("summary", '{savedProfile}', ${JSON.stringify(savedProfile)}::jsonb) WHERE "id" = ${batch.id} AND "engagementId" = ${engagementId}`;
  await recordAuditEvent({
    organizationId: actor.organizationId,
    engagementId,
    actor: { id: actor.id, email: actor.email, role: actor.role },
    action: "import.profile_save",
    entityType: batch.inventory,
    entityId: id,
    changes: {
      profile: savedProfile.name,
      created: savedProfile.created,
      inventory: batch.inventory,
      fileName: batch.fileName,
      mappedColumns: mapping.filter(Boolean).length,
      mappedValues: Object.values(data.valueMappings).reduce((n, m) => n + Object.keys(m).length, 0),
      trigger: input.name ? "saved" : "applied",
      via: input.via ?? "app",
    },
    requestId: input.requestId ?? "",
  });
  const profile = (await findImportProfileById(organizationId, id))!;
  return { profile, created: savedProfile.created, batch: { ...batch, summary: { ...batch.summary, savedProfile } } };
}

// ---------- exports ----------
export async function recordExport(engagementId: AuthorizedEngagementId, actor: Actor, what: { action: string; format: string; rows: number; fileName: string }, requestId = "") {
  // an export is delivered even when the audit chain is busy (recordAccessEvent retries in the background)
  await recordAccessEvent({
    organizationId: actor.organizationId,
    engagementId,
    actor: { id: actor.id, email: actor.email, role: actor.role },
    action: what.action,
    entityType: "engagement",
    entityId: engagementId,
    changes: { format: what.format, rows: what.rows, fileName: what.fileName },
    requestId,
  });
}
