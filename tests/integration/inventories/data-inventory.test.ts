// Data inventory: the shared row-action contract, inline quirks, paging/sorting/filtering and totals.
import { beforeAll, describe, expect, it } from "vitest";
import { mockNextRuntime, signInAs } from "../support/session";
mockNextRuntime();

import { db } from "@/lib/db";
import { createEngagementWorld } from "@/lib/factories";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { createInventoryRowAction, deleteInventoryRowAction, updateInventoryRowAction } from "@/lib/inventories/actions";
import { findDataEntityPage, findDataEntityTotals } from "@/lib/data-inventory/data";
import { DataEntityQuerySchema } from "@/lib/data-inventory/schema";
import { dataEntityToColumns } from "@/lib/inventories/registry";
import { DataEntitySchema } from "@/lib/engagement-format/schema";
import { describeRowActions, unique, type World } from "./row-action-suite";

const createDataEntityAction = (input: unknown) => createInventoryRowAction("data", input);
const deleteDataEntityAction = (input: unknown) => deleteInventoryRowAction("data", input);
const updateDataEntityAction = (input: unknown) => updateInventoryRowAction("data", input);

const formValues = (sourceObject: string) => ({
  entity: "lab_results",
  sourceObject,
  recordCount: "1,250,000",
  yearsCovered: "12",
  decision: "migrate",
  destinationEntity: "Observation",
  mappingStatus: "draft",
  cleanupInScope: true,
  decider: "Dr. Alvarez",
  notes: "",
  quirks: [{ kind: "icd9_unconverted", description: "Pre-2015 codes", affectedCount: "40,000", affectedShare: "", severity: "high", cleanupDecision: "cleanup_during", decider: "HIM" }],
});

describeRowActions({
  name: "data entity",
  entityType: "data_entity",
  create: createDataEntityAction,
  update: updateDataEntityAction,
  remove: deleteDataEntityAction,
  values: (n) => formValues(`LAB_RESULT ${n}`),
  change: (v, marker) => ({ ...v, notes: marker }),
  changedField: "notes",
  duplicate: (v) => ({ ...v, sourceObject: String(v.sourceObject).toLowerCase(), recordCount: "" }),
  keyField: "sourceObject",
  read: (id) => db.dataEntity.findUnique({ where: { id } }),
  count: (engagementId) => db.dataEntity.count({ where: { engagementId } }),
});

describe("data entity: quirks and values", () => {
  let world: World;
  beforeAll(async () => {
    world = await createEngagementWorld(db);
  });

  it("stores quirks inline with numbers parsed and percentages as shares; editing replaces the list", async () => {
    signInAs(world.consultant);
    const values = formValues(unique("PATIENT"));
    const res = await createDataEntityAction({
      engagementId: world.engagement.id,
      values: {
        ...values,
        entity: "patient_demographics",
        quirks: [
          ...values.quirks,
          { kind: "unmerged_patients", description: "Duplicate MRNs", affectedCount: "", affectedShare: "3.5", severity: "critical", cleanupDecision: "cleanup_before", decider: "" },
        ],
      },
    });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const row = await db.dataEntity.findUniqueOrThrow({ where: { id: res.data.id } });
    expect(row.recordCount).toBe(1_250_000n);
    expect(row.quirks).toEqual([
      { kind: "icd9_unconverted", description: "Pre-2015 codes", affectedCount: 40_000, affectedShare: null, severity: "high", cleanupDecision: "cleanup_during", decider: "HIM" },
      { kind: "unmerged_patients", description: "Duplicate MRNs", affectedCount: null, affectedShare: 0.035, severity: "critical", cleanupDecision: "cleanup_before", decider: "" },
    ]);

    const updated = await updateDataEntityAction({ engagementId: world.engagement.id, id: res.data.id, version: 1, values: { ...values, entity: "patient_demographics", quirks: [] } });
    expect(updated).toMatchObject({ ok: true, data: { version: 2 } });
    expect((await db.dataEntity.findUniqueOrThrow({ where: { id: res.data.id } })).quirks).toEqual([]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: res.data.id, action: "data_entity.update" } });
    expect(Object.keys(event.changes as object)).toEqual(["quirks"]);
  });

  it("a bad quirk value is a field error on that quirk's field", async () => {
    signInAs(world.consultant);
    const values = formValues(unique("NOTES"));
    const res = await createDataEntityAction({ engagementId: world.engagement.id, values: { ...values, recordCount: "lots", quirks: [{ ...values.quirks[0], severity: "", affectedShare: "140" }] } });
    expect(res).toMatchObject({ ok: false, code: "INVALID" });
    if (res.ok || res.code !== "INVALID") return;
    expect(res.fieldErrors).toMatchObject({ recordCount: ["Enter a whole number"], "quirks.0.severity": [expect.any(String)], "quirks.0.affectedShare": ["Must be at most 100%"] });
  });

  it("an unknown record count is stored as null", async () => {
    signInAs(world.consultant);
    const res = await createDataEntityAction({ engagementId: world.engagement.id, values: { ...formValues(unique("DOCS")), recordCount: "  " } });
    expect(res.ok).toBe(true);
    if (res.ok) expect((await db.dataEntity.findUniqueOrThrow({ where: { id: res.data.id } })).recordCount).toBeNull();
  });
});

describe("data entity: paging, sorting, filtering and totals", () => {
  let world: World;
  let id: AuthorizedEngagementId;
  const q = (params: Record<string, string> = {}) => DataEntityQuerySchema.parse(params);

  beforeAll(async () => {
    world = await createEngagementWorld(db);
    id = world.engagement.id as AuthorizedEngagementId;
    const kinds = ["patient_demographics", "encounters", "clinical_notes", "lab_results"] as const;
    const decisions = ["migrate", "archive_only", "do_not_migrate", "undecided"] as const;
    const rows = Array.from({ length: 130 }, (_, i) =>
      DataEntitySchema.parse({
        entity: kinds[i % 4],
        sourceObject: `OBJ_${String(i).padStart(3, "0")}`,
        recordCount: i % 10 === 0 ? null : i * 1000,
        decision: decisions[i % 4],
        quirks: i % 13 === 0 ? [{ kind: "other", severity: i % 26 === 0 ? "critical" : "low" }] : [],
      }),
    );
    await db.dataEntity.createMany({ data: rows.map((r) => ({ engagementId: world.engagement.id, ...dataEntityToColumns(r), quirks: r.quirks as object[] })) });
    // another engagement's rows never show up
    const other = await createEngagementWorld(db);
    await db.dataEntity.create({ data: { engagementId: other.engagement.id, entity: "encounters", sourceObject: "OBJ_000" } });
  });

  it("pages of 50 with the total of matching rows", async () => {
    const p1 = await findDataEntityPage(id, q({ sort: "sourceObject" }));
    expect(p1).toMatchObject({ total: 130, page: 1, pageSize: 50, pageCount: 3 });
    expect(p1.rows).toHaveLength(50);
    expect(p1.rows[0]!.sourceObject).toBe("OBJ_000");
    const p3 = await findDataEntityPage(id, q({ sort: "sourceObject", page: "3" }));
    expect(p3.rows.map((r) => r.sourceObject)).toEqual(Array.from({ length: 30 }, (_, i) => `OBJ_${100 + i}`));
    const beyond = await findDataEntityPage(id, q({ page: "9" }));
    expect(beyond.rows).toEqual([]);
  });

  it("sorts by record count with unknown counts last in both directions", async () => {
    const desc = await findDataEntityPage(id, q({ sort: "recordCount", dir: "desc" }));
    expect(desc.rows[0]!.recordCount).toBe(129_000);
    const asc = await findDataEntityPage(id, q({ sort: "recordCount", dir: "asc", page: "3" }));
    expect(asc.rows.at(-1)!.recordCount).toBeNull();
  });

  it("sorts a vocabulary column in the vocabulary's order across page boundaries", async () => {
    const all = [];
    for (const page of ["1", "2", "3"]) all.push(...(await findDataEntityPage(id, q({ sort: "decision", page }))).rows);
    expect(all).toHaveLength(130);
    expect(new Set(all.map((r) => r.id)).size).toBe(130);
    const order = ["migrate", "archive_only", "do_not_migrate", "undecided"];
    const ranks = all.map((r) => order.indexOf(r.decision));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const desc = await findDataEntityPage(id, q({ sort: "decision", dir: "desc" }));
    expect(desc.rows[0]!.decision).toBe("undecided");
  });

  it("filters by vocabulary, flag and text", async () => {
    expect((await findDataEntityPage(id, q({ entity: "encounters" }))).total).toBe(33);
    expect((await findDataEntityPage(id, q({ flag: "unknown_count" }))).total).toBe(13);
    expect((await findDataEntityPage(id, q({ flag: "has_quirks" }))).total).toBe(10);
    expect((await findDataEntityPage(id, q({ flag: "critical_quirks" }))).total).toBe(5);
    expect((await findDataEntityPage(id, q({ q: "obj_12" }))).total).toBe(10);
    expect((await findDataEntityPage(id, q({ decision: "migrate", flag: "unknown_count" }))).total).toBe(7);
  });

  it("ignores bad query values instead of failing", async () => {
    const page = await findDataEntityPage(id, q({ sort: "passwordHash", dir: "sideways", page: "-4", entity: "nope" }));
    expect(page.total).toBe(130);
    expect(page.page).toBe(1);
  });

  it("totals cover the whole inventory in one aggregate", async () => {
    const t = await findDataEntityTotals(id);
    const known = Array.from({ length: 130 }, (_, i) => (i % 10 === 0 ? 0 : i * 1000)).reduce((a, b) => a + b, 0);
    expect(t).toEqual({
      entities: 130,
      knownRecords: known,
      unknownCounts: 13,
      undecided: 32,
      quirks: 10,
      quirksBySeverity: { low: 5, medium: 0, high: 0, critical: 5 },
      byDecision: { migrate: 33, archive_only: 33, do_not_migrate: 32, undecided: 32 },
    });
  });
});
