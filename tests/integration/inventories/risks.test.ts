// Risk register (CRUD): the shared row-action contract (needs risks.edit), levels vs the engagement's matrix,
// money and impacts, libraryKey kept, score sorting, overdue, totals.
import { beforeAll, describe, expect, it } from "vitest";
import { mockNextRuntime, signInAs } from "../support/session";
mockNextRuntime();

import { db } from "@/lib/db";
import { createEngagementWorld } from "@/lib/factories";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { createInventoryRowAction, deleteInventoryRowAction, updateInventoryRowAction } from "@/lib/inventories/actions";
import { findRiskPage, findRiskSettings, findRiskTotals } from "@/lib/risks/data";
import { emptyRiskForm, RiskQuerySchema } from "@/lib/risks/schema";
import { describeRowActions, unique, type World } from "./row-action-suite";

const createRiskAction = (input: unknown) => createInventoryRowAction("risks", input);
const deleteRiskAction = (input: unknown) => deleteInventoryRowAction("risks", input);
const updateRiskAction = (input: unknown) => updateInventoryRowAction("risks", input);

const formValues = (title: string) => ({
  ...emptyRiskForm,
  title,
  cause: "Vendor statement of work covers data only",
  effect: "Workflow rebuild lands on the client late",
  category: "vendor",
  likelihood: "4",
  impact: "5",
  residualLikelihood: "2",
  residualImpact: "4",
  mitigationPlan: "Add workflow and integration scope to the SOW",
  mitigationCost: "$12,500",
  scheduleMin: "2",
  scheduleLikely: "4",
  scheduleMax: "10",
  costKind: "amount",
  costMin: "50,000",
  costLikely: "120,000",
  costMax: "300,000",
  phase: "P1",
  owner: "Engagement lead",
  nextReviewDate: "2027-02-01",
});

describeRowActions({
  name: "risk",
  entityType: "risk",
  create: createRiskAction,
  update: updateRiskAction,
  remove: deleteRiskAction,
  values: (n) => formValues(`Vendor scoped to data only ${n}`),
  change: (v, marker) => ({ ...v, mitigationPlan: marker }),
  changedField: "mitigationPlan",
  duplicate: (v) => ({ ...v, title: String(v.title).toUpperCase(), likelihood: "1" }),
  keyField: "title",
  read: (id) => db.risk.findUnique({ where: { id } }),
  count: (engagementId) => db.risk.count({ where: { engagementId } }),
});

describe("risk: values, matrix and library key", () => {
  let world: World;
  beforeAll(async () => {
    world = await createEngagementWorld(db);
  });

  it("stores money in cents, impacts as contract JSON, probability as a share", async () => {
    signInAs(world.consultant);
    const res = await createRiskAction({ engagementId: world.engagement.id, values: { ...formValues(unique()), probability: "35", costKind: "effort_share", costWorkstream: "data_migration", costMin: "10", costLikely: "25", costMax: "60" } });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const row = await db.risk.findUniqueOrThrow({ where: { id: res.data.id } });
    expect(row).toMatchObject({
      mitigationCostCents: 1_250_000,
      probability: 0.35,
      scheduleImpactWeeks: { min: 2, likely: 4, max: 10 },
      costImpact: { kind: "effort_share", workstream: "data_migration", min: 0.1, likely: 0.25, max: 0.6 },
      nextReviewDate: new Date("2027-02-01T00:00:00.000Z"),
      libraryKey: null,
    });
  });

  it("clearing the schedule and cost impact stores NULL", async () => {
    signInAs(world.consultant);
    const values = formValues(unique());
    const res = await createRiskAction({ engagementId: world.engagement.id, values });
    if (!res.ok) throw new Error(JSON.stringify(res));
    const cleared = await updateRiskAction({ engagementId: world.engagement.id, id: res.data.id, version: 1, values: { ...values, scheduleMin: "", scheduleLikely: "", scheduleMax: "", costKind: "none" } });
    expect(cleared).toMatchObject({ ok: true });
    expect(await db.risk.findUniqueOrThrow({ where: { id: res.data.id } })).toMatchObject({ scheduleImpactWeeks: null, costImpact: null });
  });

  it("three-point values must be complete and ordered; residual levels come in pairs", async () => {
    signInAs(world.consultant);
    const res = await createRiskAction({
      engagementId: world.engagement.id,
      values: { ...formValues(unique()), scheduleMin: "6", scheduleLikely: "4", costMax: "", residualImpact: "" },
    });
    expect(res).toMatchObject({ ok: false, code: "INVALID" });
    if (res.ok || res.code !== "INVALID") return;
    expect(Object.keys(res.fieldErrors).sort()).toEqual(["costMax", "residualImpact", "scheduleLikely"]);
  });

  it("levels beyond the engagement's matrix are refused as field errors", async () => {
    const small = await createEngagementWorld(db);
    await db.engagement.update({ where: { id: small.engagement.id }, data: { riskMatrix: { size: 3 } } });
    signInAs(small.consultant);
    const res = await createRiskAction({ engagementId: small.engagement.id, values: formValues(unique()) });
    expect(res).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { likelihood: [expect.stringMatching(/1 to 3/)], impact: [expect.any(String)], residualImpact: [expect.any(String)] } });
    expect(await db.risk.count({ where: { engagementId: small.engagement.id } })).toBe(0);
    const ok = await createRiskAction({ engagementId: small.engagement.id, values: { ...formValues(unique()), likelihood: "3", impact: "2", residualLikelihood: "1", residualImpact: "1" } });
    expect(ok).toMatchObject({ ok: true });
    const settings = await findRiskSettings(small.engagement.id as AuthorizedEngagementId);
    expect(settings.matrix.size).toBe(3);
    expect(settings.matrix.likelihoodLabels).toHaveLength(3);
  });

  it("an edit keeps the library key set by 'add from the library'", async () => {
    signInAs(world.consultant);
    const values = formValues(unique());
    const res = await createRiskAction({ engagementId: world.engagement.id, values });
    if (!res.ok) throw new Error(JSON.stringify(res));
    await db.risk.update({ where: { id: res.data.id }, data: { libraryKey: "vendor-data-only" } });
    expect(await updateRiskAction({ engagementId: world.engagement.id, id: res.data.id, version: 1, values: { ...values, owner: "CIO" } })).toMatchObject({ ok: true });
    expect(await db.risk.findUniqueOrThrow({ where: { id: res.data.id } })).toMatchObject({ libraryKey: "vendor-data-only", owner: "CIO" });
  });
});

describe("risk: paging by score, overdue and totals", () => {
  let id: AuthorizedEngagementId;
  const today = "2027-03-01";
  const q = (params: Record<string, string> = {}) => RiskQuerySchema.parse(params);

  beforeAll(async () => {
    const world = await createEngagementWorld(db);
    id = world.engagement.id as AuthorizedEngagementId;
    const statuses = ["open", "monitoring", "closed"];
    const treatments = ["mitigate", "accept", "transfer", "avoid"];
    await db.risk.createMany({
      data: Array.from({ length: 125 }, (_, i) => ({
        engagementId: world.engagement.id,
        title: `Risk ${String(i).padStart(3, "0")}`,
        likelihood: (i % 5) + 1,
        impact: (Math.floor(i / 5) % 5) + 1,
        residualLikelihood: i % 4 === 0 ? null : 1,
        residualImpact: i % 4 === 0 ? null : (i % 3) + 1,
        status: statuses[i % 3]!,
        treatment: treatments[i % 4]!,
        owner: i % 7 === 0 ? "" : "PMO",
        nextReviewDate: i % 2 === 0 ? new Date("2027-02-15T00:00:00Z") : new Date("2027-04-01T00:00:00Z"),
        mitigationCostCents: 100_00,
      })),
    });
  });

  it("sorts by inherent score (likelihood × impact), highest first, consistently across pages", async () => {
    const all = [];
    for (const page of ["1", "2", "3"]) all.push(...(await findRiskPage(id, q({ page }), today)).rows);
    expect(all).toHaveLength(125);
    expect(new Set(all.map((r) => r.id)).size).toBe(125);
    const scores = all.map((r) => r.likelihood * r.impact);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores[0]).toBe(25);
    const asc = await findRiskPage(id, q({ sort: "score", dir: "asc" }), today);
    expect(asc.rows[0]!.likelihood * asc.rows[0]!.impact).toBe(1);
  });

  it("sorts by residual score with unassessed risks last", async () => {
    const last = await findRiskPage(id, q({ sort: "residualScore", dir: "desc", page: "3" }), today);
    expect(last.rows.at(-1)!.residualLikelihood).toBeNull();
    const first = await findRiskPage(id, q({ sort: "residualScore", dir: "desc" }), today);
    expect(first.rows[0]!.residualImpact).toBe(3);
  });

  it("filters overdue (not closed, review date before today) and without owner", async () => {
    const overdue = await findRiskPage(id, q({ flag: "overdue" }), today);
    const expected = Array.from({ length: 125 }, (_, i) => i).filter((i) => i % 2 === 0 && i % 3 !== 2).length;
    expect(overdue.total).toBe(expected);
    expect(overdue.rows.every((r) => r.status !== "closed" && r.nextReviewDate! < today)).toBe(true);
    const noOwner = await findRiskPage(id, q({ flag: "no_owner" }), today);
    expect(noOwner.total).toBe(Array.from({ length: 125 }, (_, i) => i).filter((i) => i % 7 === 0 && i % 3 !== 2).length);
  });

  it("totals: open, overdue, by treatment, in one aggregate", async () => {
    const t = await findRiskTotals(id, today, 5);
    const idx = Array.from({ length: 125 }, (_, i) => i);
    const notClosed = idx.filter((i) => i % 3 !== 2);
    expect(t.risks).toBe(125);
    expect(t.byStatus).toEqual({ open: idx.filter((i) => i % 3 === 0).length, monitoring: idx.filter((i) => i % 3 === 1).length, closed: idx.filter((i) => i % 3 === 2).length });
    expect(t.overdue).toBe(notClosed.filter((i) => i % 2 === 0).length);
    expect(t.byTreatment.mitigate).toBe(notClosed.filter((i) => i % 4 === 0).length);
    expect(t.highOrWorse).toBe(notClosed.filter((i) => ((i % 5) + 1) * ((Math.floor(i / 5) % 5) + 1) >= 10).length);
    expect(t.openMitigationCents).toBe(notClosed.length * 100_00);
  });
});
