// The source system of a data entity (an engagement may migrate from several, each with its own licence):
// one definition entry, and it is stored, audited, filtered on, searched, exported, imported and documented.
import { beforeAll, describe, expect, it } from "vitest";
import { mockNextRuntime, signInAs } from "../support/session";
mockNextRuntime();

import { db } from "@/lib/db";
import { createEngagementWorld } from "@/lib/factories";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { createInventoryRowAction, updateInventoryRowAction } from "@/lib/inventories/actions";
import { findDataEntityPage, findDataEntitySourceSystems } from "@/lib/data-inventory/data";
import { DataEntityQuerySchema } from "@/lib/data-inventory/schema";
import { INVENTORY_SPECS } from "@/lib/import-export/columns";
import { matchHeader } from "@/lib/import-export/headers";
import { spreadsheetColumnsMarkdown } from "@/lib/import-export/docs";
import { engagementJsonSchemaText } from "@/lib/engagement-format/json-schema";
import type { World } from "./row-action-suite";

const createDataEntityAction = (input: unknown) => createInventoryRowAction("data", input);
const updateDataEntityAction = (input: unknown) => updateInventoryRowAction("data", input);

const values = (sourceObject: string, sourceSystem: string) => ({ entity: "encounters", sourceObject, sourceSystem, decision: "migrate", mappingStatus: "draft", quirks: [] });

describe("data entity: source system", () => {
  let world: World;
  let id: AuthorizedEngagementId;
  beforeAll(async () => {
    world = await createEngagementWorld(db);
    id = world.engagement.id as AuthorizedEngagementId;
    signInAs(world.consultant);
    for (const [obj, system] of [["ENC", "athenaClinicals"], ["ENC_OLD", "Legacy billing (Medisoft)"], ["VISITS", "legacy billing (medisoft)"], ["NOTES", ""]] as const) {
      const res = await createDataEntityAction({ engagementId: id, values: values(obj, system) });
      expect(res).toEqual({ ok: true, data: expect.anything() });
    }
    const other = await createEngagementWorld(db);
    await db.dataEntity.create({ data: { engagementId: other.engagement.id, entity: "encounters", sourceObject: "X", sourceSystem: "Someone else's EMR" } });
  });

  it("is stored and audited like any field; an edit of it alone is one audited change", async () => {
    const row = (await findDataEntityPage(id, DataEntityQuerySchema.parse({ q: "ENC_OLD" }))).rows[0]!;
    expect(row.sourceSystem).toBe("Legacy billing (Medisoft)");
    const res = await updateDataEntityAction({ engagementId: id, id: row.id, version: row.version, values: { ...values("ENC_OLD", "Medisoft billing") } });
    expect(res).toEqual({ ok: true, data: { id: row.id, version: 2 } });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: row.id, action: "data_entity.update" } });
    expect(event.changes).toEqual({ sourceSystem: { from: "Legacy billing (Medisoft)", to: "Medisoft billing" } });
  });

  it("filters (case-insensitive), sorts and searches; the filter offers this engagement's systems only", async () => {
    expect((await findDataEntityPage(id, DataEntityQuerySchema.parse({ system: "LEGACY BILLING (MEDISOFT)" }))).rows.map((r) => r.sourceObject)).toEqual(["VISITS"]);
    expect((await findDataEntityPage(id, DataEntityQuerySchema.parse({ q: "athena" }))).rows.map((r) => r.sourceObject)).toEqual(["ENC"]);
    const sorted = await findDataEntityPage(id, DataEntityQuerySchema.parse({ sort: "sourceSystem", dir: "asc" }));
    expect(sorted.rows.map((r) => r.sourceSystem)).toEqual(["", "athenaClinicals", "legacy billing (medisoft)", "Medisoft billing"].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const systems = await findDataEntitySourceSystems(id);
    expect(systems).toEqual(expect.arrayContaining(["athenaClinicals", "legacy billing (medisoft)", "Medisoft billing"]));
    expect(systems).not.toContain("");
    expect(systems).not.toContain("Someone else's EMR");
  });

  it("is a spreadsheet column (export cell, import header and aliases), in the docs table and the JSON Schema", () => {
    const spec = INVENTORY_SPECS.data;
    expect(spec.columns.map((c) => c.id)).toContain("sourceSystem");
    expect(spec.toCells({ ...spec.example, sourceSystem: "Medisoft" }).sourceSystem).toEqual({ t: "text", v: "Medisoft" });
    for (const h of ["Source system", "System", "Source application", "Legacy system"]) expect(matchHeader(spec, h), h).toBe("sourceSystem");
    expect(matchHeader(spec, "Source")).toBe("sourceObject");
    expect(spreadsheetColumnsMarkdown()).toContain("| Source system |");
    expect(engagementJsonSchemaText()).toContain('"sourceSystem"');
  });
});
