// The bulk edit of the inventory tables (lib/inventories/actions.ts bulkUpdateInventoryRowsAction): select rows,
// set one field to one value. All or nothing, one audit entry with the ids, the same access checks as a row edit
// (roles per the access matrix, outsiders and foreign rows → 404, archived engagements refused) and optimistic
// concurrency on every selected row's version.
import { beforeAll, describe, expect, it } from "vitest";
import { mockNextRuntime, signInAs } from "../support/session";
mockNextRuntime();

import { db } from "@/lib/db";
import { createEngagementWorld } from "@/lib/factories";
import { bulkUpdateInventoryRowsAction, createInventoryRowAction } from "@/lib/inventories/actions";
import { emptyRiskForm } from "@/lib/risks/schema";
import { unique, type World } from "./row-action-suite";

const dataValues = (sourceObject: string) => ({
  entity: "lab_results", sourceObject, sourceSystem: "", recordCount: "1,000", yearsCovered: "", decision: "undecided", destinationEntity: "",
  mappingStatus: "not_started", cleanupInScope: false, decider: "", notes: "", quirks: [],
});

async function createRows(w: World, n: number) {
  signInAs(w.consultant);
  const rows: { id: string; version: number }[] = [];
  for (let i = 0; i < n; i++) {
    const res = await createInventoryRowAction("data", { engagementId: w.engagement.id, values: dataValues(unique("TABLE")) });
    if (!res.ok) throw new Error(JSON.stringify(res));
    rows.push(res.data);
  }
  return rows;
}

const stored = (ids: string[]) => db.dataEntity.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });

describe("bulk update of inventory rows", () => {
  let world: World;
  let other: World;
  beforeAll(async () => {
    world = await createEngagementWorld(db);
    other = await createEngagementWorld(db);
  });

  it("a consultant sets one field on the selected rows: each row's version moves, one audit entry names the ids", async () => {
    const rows = await createRows(world, 3);
    const [untouched] = await createRows(world, 1);
    signInAs(world.consultant);
    const res = await bulkUpdateInventoryRowsAction("data", { engagementId: world.engagement.id, rows, field: "mappingStatus", value: "validated" });
    expect(res).toEqual({ ok: true, data: { updated: 3 } });
    expect((await stored(rows.map((r) => r.id))).map((r) => [r.mappingStatus, r.version])).toEqual([["validated", 2], ["validated", 2], ["validated", 2]]);
    expect(await db.dataEntity.findUniqueOrThrow({ where: { id: untouched!.id } })).toMatchObject({ mappingStatus: "not_started", version: 1 });
    const events = await db.auditEvent.findMany({ where: { engagementId: world.engagement.id, action: "data_entity.bulk_update" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: world.consultant.id, entityType: "data_entity" });
    expect(events[0]!.changes).toEqual({ mappingStatus: { from: "not_started", to: "validated" }, ids: expect.arrayContaining(rows.map((r) => r.id)) });
    expect((events[0]!.changes as { ids: string[] }).ids).toHaveLength(3);
  });

  it("rows that already hold the value are left alone (their version stays); free text and yes/no fields work too", async () => {
    const rows = await createRows(world, 2);
    signInAs(world.lead);
    await bulkUpdateInventoryRowsAction("data", { engagementId: world.engagement.id, rows: [rows[0]!], field: "sourceSystem", value: "  Medisoft  " });
    const res = await bulkUpdateInventoryRowsAction("data", { engagementId: world.engagement.id, rows: [{ id: rows[0]!.id, version: 2 }, rows[1]!], field: "sourceSystem", value: "Medisoft" });
    expect(res).toEqual({ ok: true, data: { updated: 1 } });
    expect((await stored(rows.map((r) => r.id))).map((r) => [r.sourceSystem, r.version]).sort()).toEqual([["Medisoft", 2], ["Medisoft", 2]]);
    expect(await bulkUpdateInventoryRowsAction("data", { engagementId: world.engagement.id, rows: [{ id: rows[0]!.id, version: 2 }], field: "cleanupInScope", value: true })).toEqual({ ok: true, data: { updated: 1 } });
  });

  it("a stale version on any selected row → CONFLICT and nothing is written", async () => {
    const rows = await createRows(world, 3);
    signInAs(world.consultant);
    await bulkUpdateInventoryRowsAction("data", { engagementId: world.engagement.id, rows: [rows[2]!], field: "decision", value: "migrate" }); // someone else, meanwhile
    const res = await bulkUpdateInventoryRowsAction("data", { engagementId: world.engagement.id, rows, field: "decision", value: "archive_only" });
    expect(res).toMatchObject({ ok: false, code: "CONFLICT", message: expect.stringMatching(/1 of the selected data entities/) });
    expect((await stored(rows.map((r) => r.id))).map((r) => r.decision).sort()).toEqual(["migrate", "undecided", "undecided"]);
  });

  it("two bulk edits from the same versions: exactly one wins", async () => {
    const rows = await createRows(world, 2);
    signInAs(world.consultant);
    const results = await Promise.all([
      bulkUpdateInventoryRowsAction("data", { engagementId: world.engagement.id, rows, field: "decision", value: "migrate" }),
      bulkUpdateInventoryRowsAction("data", { engagementId: world.engagement.id, rows, field: "decision", value: "do_not_migrate" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: "CONFLICT" });
    expect(new Set((await stored(rows.map((r) => r.id))).map((r) => `${r.decision}@${r.version}`)).size).toBe(1);
  });

  it("a bad value, a key field, a field another part owns or an unknown inventory → refused; nothing is written", async () => {
    const rows = await createRows(world, 1);
    signInAs(world.consultant);
    const base = { engagementId: world.engagement.id, rows };
    expect(await bulkUpdateInventoryRowsAction("data", { ...base, field: "decision", value: "maybe" })).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { value: [expect.any(String)] } });
    expect(await bulkUpdateInventoryRowsAction("data", { ...base, field: "sourceObject", value: "X" })).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { field: [expect.any(String)] } });
    expect(await bulkUpdateInventoryRowsAction("data", { ...base, field: "recordCount", value: "5" })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await bulkUpdateInventoryRowsAction("workflows", { ...base, field: "reviewStatus", value: "approved" })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await bulkUpdateInventoryRowsAction("data", { ...base, rows: [], field: "decision", value: "migrate" })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await bulkUpdateInventoryRowsAction("data", { ...base, field: "decision", value: "migrate", engagementIdx: "x" })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await bulkUpdateInventoryRowsAction("nope" as "data", { ...base, field: "decision", value: "migrate" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await stored(rows.map((r) => r.id)))[0]).toMatchObject({ decision: "undecided", version: 1 });
  });

  it.each(["executive", "reviewer"] as const)("%s → FORBIDDEN; nothing changes", async (who) => {
    const rows = await createRows(world, 2);
    signInAs(world[who]);
    expect(await bulkUpdateInventoryRowsAction("data", { engagementId: world.engagement.id, rows, field: "decision", value: "migrate" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await stored(rows.map((r) => r.id))).every((r) => r.version === 1 && r.decision === "undecided")).toBe(true);
  });

  it("the risk register needs risks.edit: a consultant sets the owner; an executive may not", async () => {
    signInAs(world.consultant);
    const created = await createInventoryRowAction("risks", { engagementId: world.engagement.id, values: { ...emptyRiskForm, title: unique("Risk"), category: "schedule", likelihood: "3", impact: "3" } });
    if (!created.ok) throw new Error(JSON.stringify(created));
    signInAs(world.executive);
    expect(await bulkUpdateInventoryRowsAction("risks", { engagementId: world.engagement.id, rows: [created.data], field: "owner", value: "PMO" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    signInAs(world.consultant);
    expect(await bulkUpdateInventoryRowsAction("risks", { engagementId: world.engagement.id, rows: [created.data], field: "owner", value: "PMO" })).toEqual({ ok: true, data: { updated: 1 } });
    expect(await db.risk.findUniqueOrThrow({ where: { id: created.data.id } })).toMatchObject({ owner: "PMO", version: 2 });
  });

  it("an outsider → NOT_FOUND; a row id of another engagement → NOT_FOUND even for a lead, and the foreign row is untouched", async () => {
    const rows = await createRows(world, 1);
    const foreign = await createRows(other, 1);
    signInAs(world.outsider);
    expect(await bulkUpdateInventoryRowsAction("data", { engagementId: world.engagement.id, rows, field: "decision", value: "migrate" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    signInAs(world.lead);
    expect(await bulkUpdateInventoryRowsAction("data", { engagementId: world.engagement.id, rows: [...rows, ...foreign], field: "decision", value: "migrate" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await stored([...rows, ...foreign].map((r) => r.id))).every((r) => r.version === 1 && r.decision === "undecided")).toBe(true);
    expect(await db.auditEvent.count({ where: { engagementId: { in: [world.engagement.id, other.engagement.id] }, action: "data_entity.bulk_update", actorId: { in: [world.outsider.id] } } })).toBe(0);
  });

  it("an archived engagement refuses a bulk edit (CONFLICT); nothing changes", async () => {
    const archived = await createEngagementWorld(db);
    const rows = await createRows(archived, 2);
    await db.engagement.update({ where: { id: archived.engagement.id }, data: { archivedAt: new Date() } });
    signInAs(archived.lead);
    expect(await bulkUpdateInventoryRowsAction("data", { engagementId: archived.engagement.id, rows, field: "decision", value: "migrate" })).toMatchObject({ ok: false, code: "CONFLICT", message: expect.stringMatching(/archived/) });
    expect((await stored(rows.map((r) => r.id))).every((r) => r.version === 1)).toBe(true);
  });
});
