// Partial import: "import the N valid rows, skip M" applies the valid rows atomically; the skipped rows come
// back as a CSV (original columns + "Import error") that imports once fixed. The skipped-rows route is for
// members who may import only (outsiders 404, read-only roles 403). Uploads and dry runs are audited.
import { beforeAll, describe, expect, it } from "vitest";
import Papa from "papaparse";
import { mockNextRuntime, signInAs } from "../support/session";
import { db } from "@/lib/db";
import { createEngagementWorld } from "@/lib/factories";
import { applyImportAction, runDryRunAction, uploadImportFileAction } from "@/lib/import-export/actions";
import { SKIPPED_ERROR_HEADER } from "@/lib/import-export/summary";
import { GET as skippedRoute } from "@/app/api/engagements/[id]/import/[batchId]/skipped-rows/route";
import { seedEngagement, uploadForm } from "./support";

mockNextRuntime();

type World = Awaited<ReturnType<typeof createEngagementWorld>>;
let world: World;
let target: string;

beforeAll(async () => {
  world = await createEngagementWorld(db);
  target = await seedEngagement(world.lead, [
    { userId: world.consultant.id, role: "consultant" },
    { userId: world.executive.id, role: "executive" },
  ]);
});

const skipped = (engagementId: string, batchId: string) =>
  skippedRoute(new Request(`http://localhost/api/engagements/${engagementId}/import/${batchId}/skipped-rows`), { params: Promise.resolve({ id: engagementId, batchId }) });

const csv = (rows: string[][]) => new TextEncoder().encode(Papa.unparse(rows));

describe("partial import", () => {
  it("imports the valid rows, skips the others, and the fixed skipped-rows file imports", async () => {
    signInAs(world.consultant);
    const before = await db.integration.count({ where: { engagementId: target } });
    const file = csv([
      ["Interface", "Partner", "Format", "Messages", "Direction"],
      ["Partial A results", "Quest", "HL7 v2.5.1", "ORU^R01", "In"],
      ["Partial B orders", "Quest", "HL7 2.3", "ORM^O01", "Sideways"],
      ["Partial C eRx", "Surescripts", "NCPDP SCRIPT 2017071", "NewRx", "Out"],
      ["Total interfaces: 3", "", "", "", ""],
    ]);
    const up = await uploadImportFileAction(uploadForm(target, "integrations", "interfaces.csv", file));
    expect(up.ok).toBe(true);
    if (!up.ok) return;
    const dry = await runDryRunAction({ engagementId: target, batchId: up.data.batchId, mapping: up.data.suggested, options: { acceptSuggestions: true } });
    expect(dry.ok).toBe(true);
    if (!dry.ok) return;
    expect(dry.data.rowTotals).toEqual({ total: 4, ok: 2, skipped: 1, error: 1 });
    expect(dry.data.prep?.inferred.find((i) => i.column === "kind")?.accepted).toBe(true);

    // all-or-nothing without the choice to skip
    expect(await applyImportAction({ engagementId: target, batchId: up.data.batchId })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await db.integration.count({ where: { engagementId: target } })).toBe(before);

    // the skipped rows, before applying: original columns + the error
    const res = await skipped(target, up.data.batchId);
    expect(res.status).toBe(200);
    const text = (await res.text()).replace(/^\uFEFF/, "");
    const parsed = Papa.parse<string[]>(text.trim()).data;
    expect(parsed[0]).toEqual(["Interface", "Partner", "Format", "Messages", "Direction", SKIPPED_ERROR_HEADER]);
    expect(parsed.slice(1).map((r) => r[0])).toEqual(["Partial B orders"]);
    expect(parsed[1][5]).toMatch(/^Direction: “Sideways”/);

    const applied = await applyImportAction({ engagementId: target, batchId: up.data.batchId, skipErrors: true });
    expect(applied).toMatchObject({ ok: true, data: { applied: { created: 2, updated: 0, unchanged: 0, skipped: 1 } } });
    expect(await db.integration.count({ where: { engagementId: target } })).toBe(before + 2);

    // fix the skipped file and import it again: the error column is ignored
    const fixed = text.replace("Sideways", "Out");
    const up2 = await uploadImportFileAction(uploadForm(target, "integrations", "skipped-fixed.csv", new TextEncoder().encode(fixed)));
    expect(up2.ok).toBe(true);
    if (!up2.ok) return;
    expect(up2.data.suggested[5]).toBeNull();
    const dry2 = await runDryRunAction({ engagementId: target, batchId: up2.data.batchId, mapping: up2.data.suggested, options: { acceptSuggestions: true } });
    expect(dry2).toMatchObject({ ok: true, data: { counts: { create: 1, error: 0 } } });
    expect(await applyImportAction({ engagementId: target, batchId: up2.data.batchId })).toMatchObject({ ok: true });
    const rows = await db.integration.findMany({ where: { engagementId: target, name: { startsWith: "Partial" } }, select: { name: true, kind: true, direction: true }, orderBy: { name: "asc" } });
    expect(rows).toEqual([
      { name: "Partial A results", kind: "lab_results", direction: "inbound" },
      { name: "Partial B orders", kind: "lab_orders", direction: "outbound" },
      { name: "Partial C eRx", kind: "erx", direction: "outbound" },
    ]);

    // upload, dry run and apply are in the audit log
    const actions = (await db.auditEvent.findMany({ where: { engagementId: target, entityId: up.data.batchId }, select: { action: true } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["import.upload", "import.dry_run", "import.apply"]));
  });

  it("the skipped-rows file: outsiders get 404, read-only members 403", async () => {
    signInAs(world.consultant);
    const up = await uploadImportFileAction(uploadForm(target, "integrations", "x.csv", csv([["Interface", "Kind", "Standard", "Direction"], ["Z", "Lab results", "HL7", "Nowhere"]])));
    if (!up.ok) throw new Error("upload failed");
    await runDryRunAction({ engagementId: target, batchId: up.data.batchId, mapping: up.data.suggested });
    signInAs(world.outsider);
    expect((await skipped(target, up.data.batchId)).status).toBe(404);
    signInAs(world.executive);
    expect((await skipped(target, up.data.batchId)).status).toBe(403);
    signInAs(world.consultant);
    expect((await skipped(target, "nope")).status).toBe(404);
  });
});
