// Risk matrix configuration: roles, cross-tenant, optimistic concurrency on Engagement.version,
// validation, and what happens to risks rated above a smaller size (refused with a list, or clamped on request).
import { beforeAll, describe, expect, it } from "vitest";
import { mockNextRuntime, signInAs } from "../support/session";
mockNextRuntime();

import { db } from "@/lib/db";
import { createEngagementWorld } from "@/lib/factories";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { updateRiskMatrixAction } from "@/lib/risk-matrix/actions";
import { findRiskMatrix } from "@/lib/risk-matrix/data";
import { defaultRiskMatrix, formFromMatrix } from "@/lib/risk-matrix/schema";

type World = Awaited<ReturnType<typeof createEngagementWorld>>;
let world: World;
let other: World;
let eid: AuthorizedEngagementId;

const values = (size: number, over: Record<string, unknown> = {}) => {
  const f = formFromMatrix(defaultRiskMatrix(size));
  return { size: String(size), likelihoodLabels: f.likelihoodLabels, impactLabels: f.impactLabels, likelihoodPercents: (f.likelihoodPercents as number[]).map(String), ...over };
};

async function version() {
  return (await findRiskMatrix(eid)).version;
}

beforeAll(async () => {
  world = await createEngagementWorld(db);
  other = await createEngagementWorld(db);
  eid = world.engagement.id as AuthorizedEngagementId;
});

describe("risk matrix", () => {
  it("an untouched engagement reads the 5×5 default", async () => {
    expect(await findRiskMatrix(eid)).toMatchObject({ matrix: defaultRiskMatrix(5), isDefault: true });
  });

  it("roles: reviewer and executive FORBIDDEN; outsider and other firm NOT_FOUND; nothing changes", async () => {
    const v = await version();
    for (const [user, code] of [[world.reviewer, "FORBIDDEN"], [world.executive, "FORBIDDEN"], [world.outsider, "NOT_FOUND"], [other.lead, "NOT_FOUND"]] as const) {
      signInAs(user);
      expect(await updateRiskMatrixAction({ engagementId: world.engagement.id, version: v, values: values(4) })).toMatchObject({ ok: false, code });
    }
    expect(await findRiskMatrix(eid)).toMatchObject({ version: v, isDefault: true });
  });

  it("a consultant saves a 6×6 matrix; audit logged with before → after", async () => {
    signInAs(world.consultant);
    const v = await version();
    const res = await updateRiskMatrixAction({ engagementId: world.engagement.id, version: v, values: values(6, { likelihoodPercents: ["2", "7", "15", "35.5", "60", "85"] }) });
    expect(res).toMatchObject({ ok: true, data: { version: v + 1, clamped: 0 } });
    const m = await findRiskMatrix(eid);
    expect(m.matrix.size).toBe(6);
    expect(m.matrix.likelihoodProbabilities[3]).toBe(0.355);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { engagementId: world.engagement.id, action: "risk_matrix.update" }, orderBy: { id: "desc" } });
    expect(audit.changes).toMatchObject({ size: { from: 5, to: 6 } });
  });

  it("invalid values: field errors, nothing saved", async () => {
    signInAs(world.lead);
    const v = await version();
    const res = await updateRiskMatrixAction({ engagementId: world.engagement.id, version: v, values: values(4, { impactLabels: ["A", "B", "C"], likelihoodPercents: ["90", "10", "20", "30"] }) });
    expect(res).toMatchObject({ ok: false, code: "INVALID" });
    if (res.ok || res.code !== "INVALID") return;
    expect(Object.keys(res.fieldErrors)).toEqual(expect.arrayContaining(["values.impactLabels", "values.likelihoodPercents.1"]));
    expect(await version()).toBe(v);
    const injected = await updateRiskMatrixAction({ engagementId: world.engagement.id, version: v, values: values(4), organizationId: other.org.id });
    expect(injected).toMatchObject({ ok: false, code: "INVALID" });
  });

  it("two saves from the same version: exactly one wins; the other gets CONFLICT with the current matrix", async () => {
    signInAs(world.lead);
    const v = await version();
    const [a, b] = await Promise.all([
      updateRiskMatrixAction({ engagementId: world.engagement.id, version: v, values: values(5) }),
      updateRiskMatrixAction({ engagementId: world.engagement.id, version: v, values: values(7) }),
    ]);
    expect([a, b].filter((r) => r.ok)).toHaveLength(1);
    const loser = [a, b].find((r) => !r.ok);
    expect(loser).toMatchObject({ ok: false, code: "CONFLICT" });
    const now = await findRiskMatrix(eid);
    expect(now.version).toBe(v + 1);
    expect(loser && !loser.ok && loser.code === "CONFLICT" ? loser.current : null).toMatchObject({ version: now.version, values: { size: now.matrix.size } });
  });

  it("the engagement's own edit form and this one share Engagement.version: a stale one is refused", async () => {
    signInAs(world.lead);
    const stale = (await version()) - 1;
    expect(await updateRiskMatrixAction({ engagementId: world.engagement.id, version: stale, values: values(5) })).toMatchObject({ ok: false, code: "CONFLICT" });
  });

  it("shrinking below levels in use is refused with the risks listed; with clamp, they are clamped and audited", async () => {
    signInAs(world.lead);
    await updateRiskMatrixAction({ engagementId: world.engagement.id, version: await version(), values: values(5) });
    const high = await db.risk.create({ data: { engagementId: world.engagement.id, title: "Vendor extract delay", likelihood: 5, impact: 2, residualLikelihood: 4, residualImpact: 1 } });
    const ok = await db.risk.create({ data: { engagementId: world.engagement.id, title: "Small risk", likelihood: 2, impact: 3 } });

    const refused = await updateRiskMatrixAction({ engagementId: world.engagement.id, version: await version(), values: values(3) });
    expect(refused).toMatchObject({ ok: false, code: "INVALID" });
    if (refused.ok || refused.code !== "INVALID") return;
    expect(refused.fieldErrors.size?.[0]).toContain("“Vendor extract delay”");
    expect(refused.fieldErrors.size?.[0]).not.toContain("Small risk");
    expect((await findRiskMatrix(eid)).matrix.size).toBe(5);
    expect(await db.risk.findUniqueOrThrow({ where: { id: high.id } })).toMatchObject({ likelihood: 5, residualLikelihood: 4, version: 1 });

    const clamped = await updateRiskMatrixAction({ engagementId: world.engagement.id, version: await version(), values: values(3), clampOutOfRange: true });
    expect(clamped).toMatchObject({ ok: true, data: { clamped: 1 } });
    expect((await findRiskMatrix(eid)).matrix.size).toBe(3);
    expect(await db.risk.findUniqueOrThrow({ where: { id: high.id } })).toMatchObject({ likelihood: 3, impact: 2, residualLikelihood: 3, residualImpact: 1, version: 2 });
    expect(await db.risk.findUniqueOrThrow({ where: { id: ok.id } })).toMatchObject({ likelihood: 2, impact: 3, version: 1 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { engagementId: world.engagement.id, action: "risk.update", entityId: high.id } });
    expect(audit.changes).toMatchObject({ likelihood: { from: 5, to: 3 }, residualLikelihood: { from: 4, to: 3 } });
  });
});
