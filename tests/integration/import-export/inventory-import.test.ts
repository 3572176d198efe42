// Inventory import/export against real PostgreSQL: round trips per inventory, idempotence, row errors,
// atomicity, staleness between dry run and apply, audit entries, roles and outsiders.
import { beforeAll, describe, expect, it } from "vitest";
import Papa from "papaparse";
import { mockNextRuntime, signInAs } from "../support/session";
mockNextRuntime();

import { db } from "@/lib/db";
import { createEngagementWorld } from "@/lib/factories";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { INVENTORIES, INVENTORY_KEYS, type InventoryKey } from "@/lib/inventories/registry";
import { findInventoryRows } from "@/lib/import-export/data";
import { applyImportBatch } from "@/lib/import-export/mutations";
import { INVENTORY_TABLES } from "@/lib/import-export/sql-types";
import { applyImportAction, runDryRunAction, uploadImportFileAction } from "@/lib/import-export/actions";
import { DOCUMENT_ARRAYS } from "@/lib/import-export/engagement-json";
import {
  downloadBytes, dryRun, fixtureDocument, getExport, getExportJson, getTemplate, importFile, importFixture, rowStamps, seedEngagement, uploadForm,
} from "./support";

type World = Awaited<ReturnType<typeof createEngagementWorld>>;
let world: World;
let source: string; // engagement holding the fixture's rows, led by world.lead

beforeAll(async () => {
  world = await createEngagementWorld(db);
  source = await seedEngagement(world.lead, [
    { userId: world.consultant.id, role: "consultant" },
    { userId: world.reviewer.id, role: "clinical_reviewer" },
    { userId: world.executive.id, role: "executive" },
  ]);
});

const rowsOf = (engagementId: string, inventory: InventoryKey) => findInventoryRows(engagementId as AuthorizedEngagementId, inventory);

describe("the bulk SQL writes exactly the registry's columns", () => {
  it.each(INVENTORY_KEYS)("%s", (inventory) => {
    const doc = fixtureDocument();
    const row = (doc[DOCUMENT_ARRAYS[inventory]] as unknown[])[0];
    const columns = Object.keys((INVENTORIES[inventory].toColumns as (r: unknown) => object)(row)).sort();
    expect(Object.keys(INVENTORY_TABLES[inventory].columns).sort()).toEqual(columns);
  });
});

describe("export → import into another engagement gives the same rows; re-import changes nothing", () => {
  for (const inventory of INVENTORY_KEYS) {
    for (const format of ["xlsx", "csv"] as const) {
      it(`${inventory} · ${format}`, async () => {
        signInAs(world.consultant);
        const expected = await rowsOf(source, inventory);
        expect(expected.length).toBeGreaterThan(0);
        const bytes = await downloadBytes(await getExport(source, inventory, format));

        const target = await seedEngagement(world.consultant, [], "mid-size-type-b.json");
        await db[inventoryDelegate(inventory)].deleteMany({ where: { engagementId: target } });
        const applied = await importFile(world.consultant, target, inventory, `export.${format}`, bytes);
        expect(applied).toMatchObject({ stage: "applied", applied: { created: expected.length, updated: 0, unchanged: 0 } });
        expect(await rowsOf(target, inventory)).toEqual(expected);

        // the same file again: every row unchanged; applying it writes nothing to the inventory
        const before = await rowStamps(target, inventory);
        const again = await dryRun(world.consultant, target, inventory, `export.${format}`, bytes);
        expect(again.counts).toEqual({ create: 0, update: 0, unchanged: expected.length, error: 0 });
        const reapplied = await applyImportAction({ engagementId: target, batchId: again.batchId });
        expect(reapplied).toMatchObject({ ok: true, data: { applied: { created: 0, updated: 0, unchanged: expected.length } } });
        expect(await rowStamps(target, inventory)).toEqual(before);
      });
    }
  }
});

function inventoryDelegate(inventory: InventoryKey) {
  return ({ data: "dataEntity", workflows: "workflowItem", integrations: "integration", reports: "report", risks: "risk" } as const)[inventory] as "risk";
}

describe("updates", () => {
  it("a changed cell updates that row only (version + 1), keeps columns missing from the file, and leaves absent rows alone", async () => {
    const target = await seedEngagement(world.lead);
    const before = await rowsOf(target, "integrations");
    const csv = Papa.unparse([["Name", "Partner"], [before[0].name, "New partner Inc."], [before[1].name, before[1].partner]]);
    const applied = await importFile(world.lead, target, "integrations", "partners.csv", new TextEncoder().encode(csv));
    expect(applied.applied).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const after = await rowsOf(target, "integrations");
    expect(after[0]).toEqual({ ...before[0], partner: "New partner Inc." });
    expect(after.slice(1)).toEqual(before.slice(1));
    const versions = await db.integration.findMany({ where: { engagementId: target }, select: { name: true, version: true } });
    expect(versions.find((v) => v.name === before[0].name)?.version).toBe(2);
    expect(versions.filter((v) => v.version !== 1)).toHaveLength(1);
  });
});

describe("a file with one bad row", () => {
  it("the dry run shows that row's error; apply is refused and nothing changes; the fixed file applies", async () => {
    const target = await seedEngagement(world.consultant);
    await db.integration.deleteMany({ where: { engagementId: target } });
    const view = await dryRun(world.consultant, target, "integrations", "integrations-one-bad-row.xlsx", importFixture("integrations-one-bad-row.xlsx"));
    expect(view.counts).toEqual({ create: 3, update: 0, unchanged: 0, error: 1 });
    expect(view.results.find((r) => r.status === "error")).toEqual({ row: 4, status: "error", label: "Surescripts eRx", errors: [{ column: "Direction", message: "“Sideways” is not one of: Inbound, Outbound, Bidirectional" }] });

    const refused = await applyImportAction({ engagementId: target, batchId: view.batchId });
    expect(refused).toMatchObject({ ok: false, code: "INVALID", message: expect.stringMatching(/1 row has an error\. Nothing was imported: fix the file and upload it again/) });
    expect(await db.integration.count({ where: { engagementId: target } })).toBe(0);
    expect(await db.auditEvent.count({ where: { engagementId: target, action: "import.apply" } })).toBe(0);

    const fixed = await importFile(world.consultant, target, "integrations", "integrations-fixed.xlsx", importFixture("integrations-fixed.xlsx"));
    expect(fixed.applied).toEqual({ created: 4, updated: 0, unchanged: 0 });
    expect((await rowsOf(target, "integrations")).map((r) => r.name)).toEqual(["Quest lab orders", "Quest lab results", "Surescripts eRx", "Payer eligibility"]);
  });
});

describe("apply is atomic and applies once", () => {
  it("a failure mid-apply writes nothing, and the batch can still be applied afterwards", async () => {
    const target = await seedEngagement(world.lead);
    await db.report.deleteMany({ where: { engagementId: target } });
    const reports = (await rowsOf(source, "reports")).slice(0, 10);
    const bytes = await downloadBytes(await getExport(source, "reports", "csv"));
    // mix creates and updates: one existing row with a different consumer
    await db.report.create({ data: { engagementId: target, ...INVENTORIES.reports.toColumns({ ...(reports[0] as Record<string, unknown>), consumers: "someone else" } as never) } });
    const view = await dryRun(world.lead, target, "reports", "reports.csv", bytes);
    expect(view.counts).toMatchObject({ update: 1, error: 0 });
    const before = await rowStamps(target, "reports");
    const eventsBefore = await db.auditEvent.count({ where: { engagementId: target } });

    let chunks = 0;
    const failing = applyImportBatch(target as AuthorizedEngagementId, { ...world.lead, role: "lead" }, view.batchId, "", {
      afterChunkWritten: () => {
        chunks++;
        throw new Error("injected failure after the first chunk");
      },
    });
    await expect(failing).rejects.toThrow(/injected failure/);
    expect(chunks).toBe(1);
    expect(await rowStamps(target, "reports")).toEqual(before);
    expect(await db.auditEvent.count({ where: { engagementId: target } })).toBe(eventsBefore);
    expect((await db.importBatch.findUniqueOrThrow({ where: { id: view.batchId } })).appliedAt).toBeNull();

    const applied = await applyImportAction({ engagementId: target, batchId: view.batchId });
    expect(applied).toMatchObject({ ok: true, data: { stage: "applied" } });
    const twice = await applyImportAction({ engagementId: target, batchId: view.batchId });
    expect(twice).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("a row edited between dry run and apply: CONFLICT, nothing written", async () => {
    const target = await seedEngagement(world.lead);
    const rows = await rowsOf(target, "risks");
    const csv = Papa.unparse([["Title", "Owner"], [rows[0].title, "New owner"], ["A brand-new risk", "Someone"]]);
    const view = await dryRun(world.lead, target, "risks", "owners.csv", new TextEncoder().encode(csv));
    expect(view.counts).toEqual({ create: 0, update: 1, unchanged: 0, error: 1 }); // the new risk lacks likelihood/impact
    const good = Papa.unparse([["Title", "Owner", "Likelihood", "Impact"], [rows[0].title, "New owner", rows[0].likelihood, rows[0].impact], ["A brand-new risk", "Someone", 2, 3]]);
    const view2 = await dryRun(world.lead, target, "risks", "owners.csv", new TextEncoder().encode(good));
    expect(view2.counts?.error).toBe(0);
    await db.risk.updateMany({ where: { engagementId: target, title: rows[0].title as string }, data: { owner: "Edited meanwhile", version: { increment: 1 } } });
    const before = await rowStamps(target, "risks");
    const res = await applyImportAction({ engagementId: target, batchId: view2.batchId });
    expect(res).toMatchObject({ ok: false, code: "CONFLICT", message: expect.stringMatching(/changed since the dry run .*run the dry run again/) });
    expect(await rowStamps(target, "risks")).toEqual(before);
  });
});

describe("audit", () => {
  it("apply writes one import.apply entry with file name and counts; exports write export.<inventory>", async () => {
    const target = await seedEngagement(world.consultant);
    await db.workflowItem.deleteMany({ where: { engagementId: target } });
    signInAs(world.consultant);
    const bytes = await downloadBytes(await getExport(source, "workflows", "xlsx"));
    const exportEvent = await db.auditEvent.findFirst({ where: { engagementId: source, action: "export.workflows" }, orderBy: { id: "desc" } });
    expect(exportEvent).toMatchObject({ actorId: world.consultant.id, actorRole: "consultant", changes: { format: "xlsx", rows: expect.any(Number) } });
    const applied = await importFile(world.consultant, target, "workflows", "Workflows (final).xlsx", bytes);
    const events = await db.auditEvent.findMany({ where: { engagementId: target, action: "import.apply" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: world.consultant.id, entityType: "workflows", entityId: applied.batchId, changes: { fileName: "Workflows (final).xlsx", created: applied.applied!.created, updated: 0, unchanged: 0 } });
  });
});

describe("uploads", () => {
  it("an unreadable file and an over-size file get a clear message on the file field", async () => {
    signInAs(world.consultant);
    const bad = await uploadImportFileAction(uploadForm(source, "data", "old.xls", Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0])));
    expect(bad).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { file: [expect.stringMatching(/Save it as .xlsx or CSV/)] } });
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    const tooBig = await uploadImportFileAction(uploadForm(source, "data", "big.csv", big));
    expect(tooBig).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { file: [expect.stringMatching(/the limit is 20 MB/)] } });
    const unknownInventory = await uploadImportFileAction(uploadForm(source, "budgets", "x.csv", new TextEncoder().encode("a\n1")));
    expect(unknownInventory).toMatchObject({ ok: false, code: "INVALID" });
  });

  it("an archived engagement takes no imports", async () => {
    const archived = await seedEngagement(world.consultant);
    await db.engagement.update({ where: { id: archived }, data: { archivedAt: new Date() } });
    signInAs(world.consultant);
    const res = await uploadImportFileAction(uploadForm(archived, "reports", "r.csv", new TextEncoder().encode("Name,Kind\r\nX,Financial\r\n")));
    expect(res).toMatchObject({ ok: false, code: "CONFLICT", message: expect.stringMatching(/archived/) });
    expect(await db.importBatch.count({ where: { engagementId: archived } })).toBe(0);
  });

  it("a mapping without the key column is refused before the dry run", async () => {
    signInAs(world.consultant);
    const up = await uploadImportFileAction(uploadForm(source, "reports", "r.csv", new TextEncoder().encode("Title,Kind\r\nX,Financial\r\n")));
    expect(up.ok).toBe(true);
    if (!up.ok) return;
    const res = await runDryRunAction({ engagementId: source, batchId: up.data.batchId, mapping: [null, "kind"] });
    expect(res).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { mapping: [expect.stringMatching(/Map a column to “Name”/)] } });
  });
});

describe("access", () => {
  const routes = (engagementId: string) => [
    ...INVENTORY_KEYS.flatMap((i) => [() => getExport(engagementId, i, "xlsx"), () => getExport(engagementId, i, "csv")]),
    ...INVENTORY_KEYS.map((i) => () => getTemplate(engagementId, i, "xlsx")),
    () => getExportJson(engagementId),
  ];

  it("an outsider gets 404 on every export/template route and NOT_FOUND on every import action; nothing is written", async () => {
    signInAs(world.lead);
    const up = await uploadImportFileAction(uploadForm(source, "reports", "r.csv", new TextEncoder().encode("Name,Kind\r\nX,Financial\r\n")));
    expect(up.ok).toBe(true);
    if (!up.ok) return;
    const eventsBefore = await db.auditEvent.count({ where: { engagementId: source } });

    signInAs(world.outsider);
    for (const call of routes(source)) {
      const res = await call();
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: "NOT_FOUND", message: "Not found." });
    }
    expect(await uploadImportFileAction(uploadForm(source, "reports", "r.csv", new TextEncoder().encode("Name,Kind\r\nY,Financial\r\n")))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await runDryRunAction({ engagementId: source, batchId: up.data.batchId, mapping: up.data.suggested })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await applyImportAction({ engagementId: source, batchId: up.data.batchId })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    // the outsider's own engagement id with the lead's batch: not found either (batches are scoped)
    const own = await seedEngagement(world.outsider);
    signInAs(world.outsider);
    expect(await runDryRunAction({ engagementId: own, batchId: up.data.batchId, mapping: up.data.suggested })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.auditEvent.count({ where: { engagementId: source } })).toBe(eventsBefore);

    // the members still get 200
    signInAs(world.lead);
    for (const call of routes(source)) expect((await call()).status).toBe(200);
  });

  it("executive and clinical reviewer can't import (FORBIDDEN) or export (403)", async () => {
    for (const user of [world.executive, world.reviewer]) {
      signInAs(user);
      expect(await uploadImportFileAction(uploadForm(source, "reports", "r.csv", new TextEncoder().encode("Name,Kind\r\nX,Financial\r\n")))).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await applyImportAction({ engagementId: source, batchId: "whatever" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
      for (const call of routes(source)) expect((await call()).status).toBe(403);
    }
  });

  it("anonymous requests get 401 JSON, not a redirect", async () => {
    signInAs(null);
    for (const call of routes(source)) {
      const res = await call();
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toMatch(/application\/json/);
    }
  });

  it("an unknown inventory or format is refused", async () => {
    signInAs(world.lead);
    expect((await getExport(source, "budgets", "xlsx")).status).toBe(404);
    expect((await getExport(source, "data", "pdf")).status).toBe(422);
  });
});
