// Baselines: created by leads/consultants from what the server computes (immutable, unique name per
// engagement → field error), listed with headline numbers, compared with now (numbers and causes);
// roles and cross-tenant refusals; the estimate page's data per role; scenarios.
import { beforeAll, describe, expect, it } from "vitest";
import { mockNextRuntime, signInAs } from "../support/session";
mockNextRuntime();

import { db } from "@/lib/db";
import { saveAssumptionsAction } from "@/lib/assumptions/actions";
import { findAssumptions } from "@/lib/assumptions/data";
import { createBaselineAction } from "@/lib/estimates/actions";
import { computeEngagementEstimate, computeScenarios, findBaseline, findBaselines, findLatestBaseline, loadBaselineComparison, loadEstimatePage } from "@/lib/estimates/data";
import { parseVariantsParam } from "@/lib/estimates/scenarios";
import { auditEntries, createFixtureWorld, type EstimateWorld } from "./support";

let world: EstimateWorld;
let other: EstimateWorld;

beforeAll(async () => {
  world = await createFixtureWorld();
  other = await createFixtureWorld("mid-size-type-b.json");
});

const count = (engagementId: string) => db.baseline.count({ where: { engagementId } });

describe("creating baselines", () => {
  it("a consultant saves a named snapshot: inputs, seed, iterations and outputs as the server computes them", async () => {
    signInAs(world.consultant);
    const res = await createBaselineAction({ engagementId: world.eid, values: { name: "  Scoping   v1 ", seed: "7" } });
    expect(res).toMatchObject({ ok: true, data: { name: "Scoping v1" } });
    if (!res.ok) return;
    const row = await db.baseline.findUniqueOrThrow({ where: { id: res.data.id } });
    expect(row).toMatchObject({ engagementId: world.eid, name: "Scoping v1", seed: 7, iterations: 10_000, createdById: world.consultant.id, createdByName: "Consultant" });
    const now = await computeEngagementEstimate(world.eid, { seed: 7 });
    expect(JSON.parse(JSON.stringify(row.outputs))).toEqual(JSON.parse(JSON.stringify(now.estimate)));
    expect((row.inputs as { assumptions: unknown }).assumptions).toEqual(now.document.assumptions);
    const [entry] = (await auditEntries(world.eid, "baseline.create")).slice(-1);
    expect(entry).toMatchObject({ actorId: world.consultant.id, entityType: "baseline", entityId: res.data.id });
    expect(entry!.changes).toMatchObject({ name: "Scoping v1", seed: 7, iterations: 10_000, p50Months: now.estimate.duration.totalMonths.percentiles.P50 });
  });

  it("the seed defaults to the engine's default seed", async () => {
    signInAs(world.lead);
    const res = await createBaselineAction({ engagementId: world.eid, values: { name: "Default seed" } });
    expect(res.ok).toBe(true);
    if (res.ok) expect((await findBaseline(world.eid, res.data.id)).seed).toBe(1);
  });

  it("a duplicate name (any case) is a field error; nothing is overwritten", async () => {
    const before = await db.baseline.findFirstOrThrow({ where: { engagementId: world.eid, name: "Scoping v1" } });
    signInAs(world.lead);
    for (const name of ["Scoping v1", "scoping V1"]) {
      const res = await createBaselineAction({ engagementId: world.eid, values: { name, seed: 99 } });
      expect(res).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { name: [expect.stringContaining("already exists")] } });
    }
    expect(await db.baseline.findUniqueOrThrow({ where: { id: before.id } })).toEqual(before);
    expect(await count(world.eid)).toBe(2);
  });

  it("validation: an empty name or a bad seed is a field error", async () => {
    signInAs(world.consultant);
    const res = await createBaselineAction({ engagementId: world.eid, values: { name: " ", seed: "-1" } });
    expect(res).toMatchObject({ ok: false, code: "INVALID" });
    if (!res.ok && res.code === "INVALID") expect(Object.keys(res.fieldErrors).sort()).toEqual(["name", "seed"]);
  });

  it("the clinical reviewer and the executive cannot save a baseline (FORBIDDEN)", async () => {
    const n = await count(world.eid);
    for (const who of [world.reviewer, world.executive]) {
      signInAs(who);
      expect(await createBaselineAction({ engagementId: world.eid, values: { name: `By ${who.name}` } })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await count(world.eid)).toBe(n);
  });

  it("cross-tenant: an outsider and another engagement's lead get NOT_FOUND; nothing is created", async () => {
    const n = await count(world.eid);
    for (const who of [world.outsider, other.lead]) {
      signInAs(who);
      expect(await createBaselineAction({ engagementId: world.eid, values: { name: "Probe" } })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    expect(await count(world.eid)).toBe(n);
    expect(await count(other.eid)).toBe(0);
    // reads are tenant-scoped too: another engagement's id finds nothing
    const mine = await db.baseline.findFirstOrThrow({ where: { engagementId: world.eid } });
    await expect(findBaseline(other.eid, mine.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("listing and comparing", () => {
  it("lists newest first with headline numbers; findLatestBaseline returns the newest", async () => {
    const list = await findBaselines(world.eid);
    expect(list.map((b) => b.name)).toEqual(["Default seed", "Scoping v1"]);
    const v1 = await findBaseline(world.eid, list[1]!.id);
    expect(list[1]).toMatchObject({
      seed: 7,
      iterations: 10_000,
      createdByName: "Consultant",
      migrationType: "A",
      p50Months: v1.estimate.duration.totalMonths.percentiles.P50,
      p80CostCents: v1.estimate.cost.totalCents.percentiles.P80,
    });
    expect((await findLatestBaseline(world.eid))?.name).toBe("Default seed");
    expect(await findLatestBaseline(other.eid)).toBeNull();
  });

  it("compares now with a baseline after an input change: numbers moved, and the inputs that caused it", async () => {
    const v1 = (await findBaselines(world.eid)).find((b) => b.name === "Scoping v1")!;
    const frozen = await db.baseline.findUniqueOrThrow({ where: { id: v1.id } });
    // nothing changed yet: the comparison is empty
    const same = await loadBaselineComparison(world.eid, "lead", v1.id);
    expect(same.inputs.isEmpty).toBe(true);
    expect(same.comparison.summary).toEqual(["No headline number changed."]);

    // the team shrinks from 12 to 6 and an integration is removed
    const a = await findAssumptions(world.eid, "lead");
    signInAs(world.consultant);
    expect((await saveAssumptionsAction({ engagementId: world.eid, version: a.version, values: { ...a.values, teamFte: "6" } })).ok).toBe(true);
    const gone = await db.integration.findFirstOrThrow({ where: { engagementId: world.eid }, orderBy: { createdAt: "asc" } });
    await db.integration.delete({ where: { id: gone.id } });

    const c = await loadBaselineComparison(world.eid, "consultant", v1.id);
    expect(c.baseline).toMatchObject({ name: "Scoping v1", seed: 7 });
    expect(c.current.run).toMatchObject({ seed: 7, iterations: 10_000 }); // same seed: only the inputs differ
    expect(c.inputChanges).toContain("Team size (FTE): 12 → 6.");
    expect(c.inputChanges).toContain(`1 integration removed: ${gone.name}.`);
    const p50 = c.comparison.headline.find((m) => m.key === "p50Months")!;
    expect(p50.delta).toBeGreaterThan(0);
    expect(c.comparison.summary[0]).toMatch(/^P50 duration rose from/);
    // the baseline itself is frozen
    expect(await db.baseline.findUniqueOrThrow({ where: { id: v1.id } })).toEqual(frozen);
  });

  it("the clinical reviewer's comparison hides rates: no per-workstream labor lines, rate changes without amounts", async () => {
    const v1 = (await findBaselines(world.eid)).find((b) => b.name === "Scoping v1")!;
    const a = await findAssumptions(world.eid, "lead");
    signInAs(world.lead);
    expect((await saveAssumptionsAction({ engagementId: world.eid, version: a.version, values: { ...a.values, rates: { ...a.values.rates!, data_migration: "199.99" } } })).ok).toBe(true);
    const c = await loadBaselineComparison(world.eid, "clinical_reviewer", v1.id);
    expect(c.inputChanges).toContain("Labor rate — Data migration changed (amounts hidden for your role).");
    expect(c.comparison.costLines.some((m) => m.key.startsWith("cost.labor."))).toBe(false);
    expect(c.current.redacted && c.then.redacted).toBe(true);
    const json = JSON.stringify(c);
    expect(json).not.toContain("19999");
    expect(json).not.toContain("199.99");
    const lead = await loadBaselineComparison(world.eid, "lead", v1.id);
    expect(lead.inputChanges).toContain("Labor rate — Data migration: $125/h → $199.99/h.");
  });
});

describe("the estimate page's data", () => {
  it("is the current estimate; redacted for the clinical reviewer only", async () => {
    const lead = await loadEstimatePage(world.eid, "lead", 3);
    expect(lead.view.redacted).toBe(false);
    expect(lead.view.run).toMatchObject({ seed: 3, iterations: 10_000 });
    expect(lead.timings.engineMs).toBeGreaterThan(0);
    const exec = await loadEstimatePage(world.eid, "executive", 3);
    expect(exec.view.redacted).toBe(false);
    const reviewer = await loadEstimatePage(world.eid, "clinical_reviewer", 3);
    expect(reviewer.view.redacted).toBe(true);
    expect(reviewer.view.cost.totalCents).toEqual(lead.view.cost.totalCents);
    expect(JSON.stringify(reviewer.view)).not.toContain("19999");
  });

  it("scenarios: the current type, the two others and the variants, with the same seed", async () => {
    const { variants } = parseVariantsParam(JSON.stringify([{ name: "Bigger team", changes: { teamFte: 16 } }, { name: "Ramp down", changes: { "license.sourceRampsDownPerWave": true } }]), { canSeeRates: true });
    const r = await computeScenarios(world.eid, variants, 1);
    expect(r.currentType).toBe("A");
    expect(r.columns.map((c) => c.name)).toEqual(["Current inputs", "As Type B", "As Type C", "Bigger team", "Ramp down"]);
    expect(r.columns.every((c) => c.summary !== null && c.error === null)).toBe(true);
    const [cur, , , bigger, ramp] = r.columns.map((c) => c.summary!);
    const now = await computeEngagementEstimate(world.eid, { seed: 1 });
    expect(cur!.p50Cost).toBe(now.estimate.cost.totalCents.percentiles.P50);
    expect(bigger!.p50Months).toBeLessThanOrEqual(cur!.p50Months);
    expect(ramp!.overlapP50).toBeLessThanOrEqual(cur!.overlapP50);
    expect(r.columns[1]!.summary!.migrationType).toBe("B");
    expect(r.columns[1]!.summary!.buildSizeAssumed).toBe(true); // a Type A inventory has no function points
  });
});
