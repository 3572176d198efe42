// Saved import profiles in the app: an applied import remembers its column and value mappings for the firm;
// the next upload of a file of that shape (even with an extra column) is offered them, and applying the
// offer gives the same dry run without choosing anything. A profile can also be saved by name from the
// wizard. Another firm's profiles are never offered nor usable; outsiders get NOT_FOUND; roles follow the
// access matrix ("data.import"). Every step is audited.
import { beforeAll, describe, expect, it } from "vitest";
import Papa from "papaparse";
import { mockNextRuntime, signInAs } from "../support/session";
import { db } from "@/lib/db";
import { createEngagementWorld } from "@/lib/factories";
import { CAPABILITIES, ROLES } from "@/lib/auth/access-matrix";
import { applyImportAction, applySavedProfileAction, runDryRunAction, saveImportProfileAction, uploadImportFileAction } from "@/lib/import-export/actions";
import { seedEngagement, uploadForm } from "./support";

mockNextRuntime();

type World = Awaited<ReturnType<typeof createEngagementWorld>>;
let world: World;
let other: World;
let target: string;
let otherTarget: string;

const csv = (rows: string[][]) => new TextEncoder().encode(Papa.unparse(rows));

// headers the suggestions do not all get right: "Pri" is unknown, "Feed type" carries non-vocabulary values
const HEADERS = ["Interface", "Partner", "Format", "Messages", "Direction", "Pri"];
const first = csv([
  HEADERS,
  ["Prof Lab results", "Quest", "HL7 v2.5.1", "ORU^R01", "Inbound"],
  ["Prof Orders", "Quest", "HL7 2.3", "ORM^O01", "Outward bound"],
  ["Prof eRx", "Surescripts", "NCPDP SCRIPT 2017071", "NewRx", "Outward bound"],
].map((r) => [...r, ""]));
// a re-export a month later: one extra column, new rows, the same odd direction word
const second = csv([
  [...HEADERS, "Owner"],
  ["Prof ADT feed", "HIE", "HL7 v2.5.1", "ADT^A08", "Outward bound", "", "Jo"],
  ["Prof Claims", "Availity", "X12 837P", "837P", "Outward bound", "", "Sam"],
]);

async function upload(engagementId: string, name: string, bytes: Uint8Array) {
  const up = await uploadImportFileAction(uploadForm(engagementId, "integrations", name, bytes));
  if (!up.ok) throw new Error(`upload failed: ${JSON.stringify(up)}`);
  return up.data;
}

beforeAll(async () => {
  world = await createEngagementWorld(db);
  target = await seedEngagement(world.lead, [
    { userId: world.consultant.id, role: "consultant" },
    { userId: world.reviewer.id, role: "clinical_reviewer" },
    { userId: world.executive.id, role: "executive" },
  ]);
  other = await createEngagementWorld(db);
  otherTarget = await seedEngagement(other.lead);
});

describe("saved import profiles", () => {
  let savedId = "";

  it("an applied import saves its mappings as a profile of the firm; the next file of that shape is offered it", async () => {
    signInAs(world.consultant);
    const up = await upload(target, "Interfaces Dec.csv", first);
    expect(up.profileOffers).toEqual([]);
    const direction = up.headers.indexOf("Direction");
    expect(up.suggested[direction]).toBe("direction");
    // "Outward bound" is not a direction word: the consultant maps it to "out"
    const dry = await runDryRunAction({ engagementId: target, batchId: up.batchId, mapping: up.suggested, options: { acceptSuggestions: true, valueMappings: { direction: { "Outward bound": "outbound" } } } });
    expect(dry).toMatchObject({ ok: true, data: { counts: { error: 0 } } });
    const applied = await applyImportAction({ engagementId: target, batchId: up.batchId });
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;
    expect(applied.data.savedProfile).toMatchObject({ name: "Interfaces Dec", created: true });
    savedId = applied.data.savedProfile!.id;
    const stored = await db.importProfile.findUniqueOrThrow({ where: { id: savedId } });
    expect(stored.organizationId).toBe(world.org.id);
    expect(stored.inventory).toBe("integrations");
    expect((stored.valueMappings as Record<string, Record<string, unknown>>).direction).toMatchObject({ "Outward bound": "outbound" });
    expect((stored.columnMappings as Record<string, string | null>).Direction).toBe("direction");

    // the re-export with an extra column
    const up2 = await upload(target, "Interfaces Jan.csv", second);
    expect(up2.profileOffers.map((o) => o.id)).toEqual([savedId]);
    expect(up2.profileOffers[0].match).toBeGreaterThanOrEqual(0.8);
    expect(up2.profileOffers[0].match).toBeLessThan(1);

    // without the profile, "Outward bound" holds the rows back
    const plain = await runDryRunAction({ engagementId: target, batchId: up2.batchId, mapping: up2.suggested, options: { acceptSuggestions: true } });
    expect(plain).toMatchObject({ ok: true, data: { counts: { error: 2 } } });

    const used = await applySavedProfileAction({ engagementId: target, batchId: up2.batchId, profileId: savedId });
    expect(used.ok).toBe(true);
    if (!used.ok) return;
    expect(used.data.profile).toEqual({ id: savedId, name: "Interfaces Dec" });
    expect(used.data.stage).toBe("mapping");
    expect(used.data.options.valueMappings?.direction).toMatchObject({ "Outward bound": "outbound" });
    expect(used.data.mapping[up2.headers.indexOf("Owner")]).toBe(up2.suggested[up2.headers.indexOf("Owner")]);
    const dry2 = await runDryRunAction({ engagementId: target, batchId: up2.batchId, mapping: used.data.mapping, options: used.data.options });
    expect(dry2).toMatchObject({ ok: true, data: { counts: { create: 2, error: 0 } } });
    const applied2 = await applyImportAction({ engagementId: target, batchId: up2.batchId });
    // the profile used is updated (not a second one), with the new file's headers
    expect(applied2).toMatchObject({ ok: true, data: { savedProfile: { id: savedId, created: false } } });
    expect(await db.importProfile.count({ where: { organizationId: world.org.id } })).toBe(1);
    const rows = await db.integration.findMany({ where: { engagementId: target, name: { in: ["Prof ADT feed", "Prof Claims"] } }, select: { direction: true } });
    expect(rows.map((r) => r.direction)).toEqual(["outbound", "outbound"]);

    const audit = await db.auditEvent.findMany({ where: { engagementId: target, action: { in: ["import.profile_save", "import.profile_use"] } }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["import.profile_save", "import.profile_use", "import.profile_save"]);
  });

  it("saves a profile by name from the wizard, before applying, and overwrites one of the same name", async () => {
    signInAs(world.lead);
    const up = await upload(target, "weird.csv", csv([["Feed", "Vendor", "Kind of feed"], ["Prof Named one", "Acme", "Lab"]]));
    expect(await saveImportProfileAction({ engagementId: target, batchId: up.batchId, name: "   " })).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { name: ["Give the profile a name"] } });
    const saved = await saveImportProfileAction({ engagementId: target, batchId: up.batchId, name: "Acme feeds" });
    expect(saved).toMatchObject({ ok: true, data: { savedProfile: { name: "Acme feeds", created: true } } });
    const again = await saveImportProfileAction({ engagementId: target, batchId: up.batchId, name: "acme FEEDS" });
    expect(again).toMatchObject({ ok: true, data: { savedProfile: { name: "Acme feeds", created: false } } });
    expect(await db.importProfile.count({ where: { organizationId: world.org.id, name: "Acme feeds" } })).toBe(1);
  });

  it("another firm's profiles are never offered, and using one by id is NOT_FOUND", async () => {
    signInAs(other.lead);
    const up = await upload(otherTarget, "Interfaces Dec.csv", first);
    expect(up.profileOffers).toEqual([]);
    expect(await applySavedProfileAction({ engagementId: otherTarget, batchId: up.batchId, profileId: savedId })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const batch = await db.importBatch.findUniqueOrThrow({ where: { id: up.batchId }, select: { summary: true } });
    expect((batch.summary as { profile?: unknown }).profile).toBeUndefined();
  });

  it("an outsider gets NOT_FOUND on the profile actions; nothing is written", async () => {
    signInAs(world.consultant);
    const up = await upload(target, "Interfaces Dec.csv", first);
    const before = await db.importProfile.count();
    signInAs(world.outsider);
    expect(await applySavedProfileAction({ engagementId: target, batchId: up.batchId, profileId: savedId })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await saveImportProfileAction({ engagementId: target, batchId: up.batchId, name: "Stolen" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    // the other firm's lead with their own engagement id and this firm's batch: not found either
    signInAs(other.lead);
    expect(await saveImportProfileAction({ engagementId: otherTarget, batchId: up.batchId, name: "Stolen" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.importProfile.count()).toBe(before);
  });

  it("roles follow the access matrix (data.import)", async () => {
    signInAs(world.consultant);
    const up = await upload(target, "Interfaces Dec.csv", first);
    for (const role of ROLES) {
      const user = world.usersByRole[role];
      signInAs(user);
      const allowed = (CAPABILITIES["data.import"] as readonly string[]).includes(role);
      const use = await applySavedProfileAction({ engagementId: target, batchId: up.batchId, profileId: savedId });
      const save = await saveImportProfileAction({ engagementId: target, batchId: up.batchId, name: `By ${role}` });
      if (allowed) {
        expect(use, role).toMatchObject({ ok: true });
        expect(save, role).toMatchObject({ ok: true, data: { savedProfile: { name: `By ${role}` } } });
      } else {
        expect(use, role).toMatchObject({ ok: false, code: "FORBIDDEN" });
        expect(save, role).toMatchObject({ ok: false, code: "FORBIDDEN" });
        expect(await db.importProfile.count({ where: { name: `By ${role}` } })).toBe(0);
      }
    }
  });
});
