// Assumptions: save (normalized, versioned, audited field by field), validation, concurrency, reset to
// default, role matrix (reviewer sees no rates or fees and cannot save; executive cannot save),
// cross-tenant refusal.
import { beforeAll, describe, expect, it } from "vitest";
import { mockNextRuntime, signInAs } from "../support/session";
mockNextRuntime();

import { saveAssumptionsAction } from "@/lib/assumptions/actions";
import { findAssumptions } from "@/lib/assumptions/data";
import type { AssumptionsDto } from "@/lib/assumptions/data";
import type { AssumptionsFormValues } from "@/lib/assumptions/schema";
import { auditEntries, createFixtureWorld, engagementRow, type EstimateWorld } from "./support";

let world: EstimateWorld;
let other: EstimateWorld;

beforeAll(async () => {
  world = await createFixtureWorld();
  other = await createFixtureWorld();
});

async function current(w = world): Promise<AssumptionsDto> {
  return findAssumptions(w.eid, "lead");
}

function edit(values: AssumptionsFormValues, patch: (v: AssumptionsFormValues) => void): AssumptionsFormValues {
  const v = structuredClone(values);
  patch(v);
  return v;
}

describe("saving assumptions", () => {
  it("a wave's entered go-live date is saved, read back into the form, and a bad date is a field error", async () => {
    signInAs(world.consultant);
    const before = await current();
    const bad = await saveAssumptionsAction({ engagementId: world.eid, version: before.version, values: edit(before.values, (v) => { v.waves[0]!.goLiveDate = "2027-13-01"; }) });
    expect(bad.ok).toBe(false);
    expect(bad).toMatchObject({ code: "INVALID", fieldErrors: { "waves.0.goLiveDate": ["Enter a date (YYYY-MM-DD)"] } });
    const res = await saveAssumptionsAction({ engagementId: world.eid, version: before.version, values: edit(before.values, (v) => { v.waves[0]!.goLiveDate = "2027-09-06"; }) });
    expect(res.ok).toBe(true);
    const row = await engagementRow(world.eid);
    expect((row.assumptions as { waves: { goLiveDate: string | null }[] }).waves.map((w) => w.goLiveDate)).toEqual(["2027-09-06", ...before.values.waves.slice(1).map(() => null)]);
    const after = await current();
    expect(after.values.waves[0]!.goLiveDate).toBe("2027-09-06");
    // back to none, so the other cases start from the fixture's plan
    const undo = await saveAssumptionsAction({ engagementId: world.eid, version: after.version, values: edit(after.values, (v) => { v.waves[0]!.goLiveDate = ""; }) });
    expect(undo.ok).toBe(true);
  });

  it("a consultant saves: stored as overrides only, version +1, one audit entry with field-level changes", async () => {
    const before = await current();
    const rowBefore = await engagementRow(world.eid);
    signInAs(world.consultant);
    const values = edit(before.values, (v) => {
      v.teamFte = "10";
      v.rates!.data_migration = "140";
      v.license.sources[0]!.noticeMonths = "6";
      v.constants["phase.P2.likely"] = "7";
      v.waves.pop();
    });
    const res = await saveAssumptionsAction({ engagementId: world.eid, version: before.version, values });
    expect(res).toEqual({ ok: true, data: { version: before.version + 1, changed: 5 } });

    const row = await engagementRow(world.eid);
    expect(row.assumptionsVersion).toBe(rowBefore.assumptionsVersion + 1);
    expect(row.version).toBe(rowBefore.version); // the engagement's own version is another record's concurrency
    expect(row.assumptions).toMatchObject({ teamFte: 10, ratesCents: { data_migration: 14_000 }, license: { sources: [{ noticeMonths: 6 }] }, constants: { "phase.P2.likely": 7 } });
    expect((row.assumptions as { waves: unknown[] }).waves).toHaveLength(2);

    const [entry] = (await auditEntries(world.eid, "assumptions.update")).slice(-1);
    expect(entry).toMatchObject({ actorId: world.consultant.id, actorRole: "consultant", entityType: "engagement", entityId: world.eid });
    expect(entry!.changes).toMatchObject({
      teamFte: { from: 12, to: 10 },
      "ratesCents.data_migration": { from: 12_500, to: 14_000 },
      "license.sources.0.noticeMonths": { from: 3, to: 6 },
      "constants.phase.P2.likely": { from: 6, to: 7 },
    });
    expect(Object.keys(entry!.changes as object)).toHaveLength(5);

    const after = await current();
    expect(after.values.teamFte).toBe("10");
    expect(after.values.rates!.data_migration).toBe("140");
  });

  it("saving unchanged values writes nothing: same version, no audit entry", async () => {
    const before = await current();
    const entries = (await auditEntries(world.eid, "assumptions.update")).length;
    signInAs(world.lead);
    const res = await saveAssumptionsAction({ engagementId: world.eid, version: before.version, values: before.values });
    expect(res).toEqual({ ok: true, data: { version: before.version, changed: 0 } });
    expect((await auditEntries(world.eid, "assumptions.update")).length).toBe(entries);
  });

  it("reset to default: a constant typed back to its default is removed from the stored overrides", async () => {
    const before = await current();
    signInAs(world.consultant);
    const res = await saveAssumptionsAction({ engagementId: world.eid, version: before.version, values: edit(before.values, (v) => { v.constants["phase.P2.likely"] = "6"; v.rates!.data_migration = "125"; }) });
    expect(res.ok).toBe(true);
    const row = await engagementRow(world.eid);
    expect((row.assumptions as { constants: object }).constants).not.toHaveProperty(["phase.P2.likely"]);
    expect((row.assumptions as { ratesCents: object }).ratesCents).toEqual({});
    const [entry] = (await auditEntries(world.eid, "assumptions.update")).slice(-1);
    expect(entry!.changes).toEqual({ "constants.phase.P2.likely": { from: 7, to: 6 }, "ratesCents.data_migration": { from: 14_000, to: 12_500 } });
  });

  it("invalid values: field errors at the form's paths, nothing stored", async () => {
    const before = await current();
    const row = await engagementRow(world.eid);
    signInAs(world.consultant);
    const res = await saveAssumptionsAction({
      engagementId: world.eid,
      version: before.version,
      values: edit(before.values, (v) => { v.teamFte = "0"; v.waves[0]!.name = ""; v.constants["phase.P0.max"] = "2"; v.license.destinationFee = "-5"; }),
    });
    expect(res).toMatchObject({ ok: false, code: "INVALID" });
    if (res.ok || res.code !== "INVALID") return;
    expect(Object.keys(res.fieldErrors).sort()).toEqual(["constants.phase.P0.max", "license.destinationFee", "teamFte", "waves.0.name"]);
    expect(await engagementRow(world.eid)).toEqual(row);
  });

  it("two saves from the same version: exactly one wins, the other gets CONFLICT with the current values", async () => {
    const base = await current();
    signInAs(world.consultant);
    const a = saveAssumptionsAction({ engagementId: world.eid, version: base.version, values: edit(base.values, (v) => { v.teamFte = "14"; }) });
    signInAs(world.lead);
    const b = saveAssumptionsAction({ engagementId: world.eid, version: base.version, values: edit(base.values, (v) => { v.teamFte = "16"; }) });
    const results = await Promise.all([a, b]);
    const wins = results.filter((r) => r.ok);
    const conflicts = results.filter((r) => !r.ok && r.code === "CONFLICT");
    expect(wins).toHaveLength(1);
    expect(conflicts).toHaveLength(1);
    const row = await engagementRow(world.eid);
    expect(row.assumptionsVersion).toBe(base.version + 1);
    const stored = (row.assumptions as { teamFte: number }).teamFte;
    const conflict = conflicts[0] as { current: AssumptionsDto };
    expect(conflict.current.version).toBe(base.version + 1);
    expect(conflict.current.values.teamFte).toBe(String(stored));
  });

  it("a stale version is refused with the other person's version; nothing is overwritten", async () => {
    const base = await current();
    signInAs(world.consultant);
    const res = await saveAssumptionsAction({ engagementId: world.eid, version: base.version - 1, values: edit(base.values, (v) => { v.teamFte = "3"; }) });
    expect(res).toMatchObject({ ok: false, code: "CONFLICT", current: { version: base.version } });
    expect((await current()).values.teamFte).toBe(base.values.teamFte);
  });
});

describe("roles", () => {
  it("the clinical reviewer's data has no rates and no license fees", async () => {
    const dto = await findAssumptions(world.eid, "clinical_reviewer");
    expect(dto.canSeeRates).toBe(false);
    expect(dto.values.rates).toBeNull();
    expect(dto.values.license).toMatchObject({ sources: [{ fee: null, noticeMonths: expect.any(String) }], destinationFee: null, implementationFee: null, archiveFee: null });
    const json = JSON.stringify(dto);
    for (const fee of ["500", "520", "1800", "125", "130"]) expect(json).not.toContain(`"${fee}"`);
    expect(dto.values.teamFte).toBeTruthy();
    expect(Object.keys(dto.values.constants).some((k) => k.startsWith("rate."))).toBe(false);
    const lead = await findAssumptions(world.eid, "executive");
    expect(lead.values.license.sources[0]?.fee).toBe("500");
  });

  it("money constants (the type decision's licence, hosting and fee amounts) are not sent to the clinical reviewer", async () => {
    signInAs(world.lead);
    const base = await current();
    const res = await saveAssumptionsAction({
      engagementId: world.eid,
      version: base.version,
      values: edit(base.values, (v) => { v.constants["tco.A.licencePerProviderMonthCents"] = "73219"; v.constants["tco.custom.regulatoryPerYearCents"] = "17654321"; v.constants["tco.custom.maintenanceShareOfBuild"] = "0.23"; }),
    });
    expect(res.ok).toBe(true);
    const reviewer = await findAssumptions(world.eid, "clinical_reviewer");
    const keys = Object.keys(reviewer.values.constants);
    expect(keys.filter((k) => k.startsWith("tco.") && k.endsWith("Cents"))).toEqual([]);
    expect(reviewer.values.constants["tco.custom.maintenanceShareOfBuild"]).toBe("0.23"); // not money: shown
    const json = JSON.stringify(reviewer);
    for (const amount of ["73219", "17654321", "50000", "20000000"]) expect(json).not.toContain(amount);
    const executive = await findAssumptions(world.eid, "executive");
    expect(executive.values.constants["tco.A.licencePerProviderMonthCents"]).toBe("73219");
  });

  it("the clinical reviewer and the executive cannot save (FORBIDDEN); nothing changes", async () => {
    const base = await current();
    const row = await engagementRow(world.eid);
    for (const who of [world.reviewer, world.executive]) {
      signInAs(who);
      const res = await saveAssumptionsAction({ engagementId: world.eid, version: base.version, values: edit(base.values, (v) => { v.teamFte = "2"; }) });
      expect(res).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await engagementRow(world.eid)).toEqual(row);
  });

  it("cross-tenant: an outsider (and a member of another engagement) gets NOT_FOUND; nothing changes", async () => {
    const base = await current();
    const row = await engagementRow(world.eid);
    for (const who of [world.outsider, other.lead]) {
      signInAs(who);
      const res = await saveAssumptionsAction({ engagementId: world.eid, version: base.version, values: edit(base.values, (v) => { v.teamFte = "2"; }) });
      expect(res).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    expect(await engagementRow(world.eid)).toEqual(row);
    expect(await engagementRow(other.eid)).toMatchObject({ assumptionsVersion: 1 });
  });

  it("strict input: an injected field is refused", async () => {
    const base = await current();
    signInAs(world.consultant);
    const res = await saveAssumptionsAction({ engagementId: world.eid, version: base.version, values: base.values, role: "lead" });
    expect(res).toMatchObject({ ok: false, code: "INVALID" });
  });
});
