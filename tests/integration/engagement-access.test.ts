// Cross-tenant and role-matrix tests for engagements and members: every action, every role, plus outsiders.
import { beforeAll, describe, expect, it } from "vitest";
import { mockNextRuntime, signInAs } from "./support/session";
mockNextRuntime();

import { db } from "@/lib/db";
import { createEngagementWorld, createOrganization, createUser, engagementValues } from "@/lib/factories";
import { requireEngagementAccess } from "@/lib/auth/access";
import { CAPABILITIES, ROLES, can, type Capability } from "@/lib/auth/access-matrix";
import { AppError } from "@/lib/errors";
import {
  addMemberAction,
  createEngagementAction,
  removeMemberAction,
  setArchivedAction,
  setMemberRoleAction,
  updateEngagementAction,
} from "@/lib/engagements/actions";
import { findEngagementsForUser } from "@/lib/engagements/data";
import { findBrokenLink, type StoredChainRow } from "@/lib/audit/chain";

type World = Awaited<ReturnType<typeof createEngagementWorld>>;
let world: World;
let otherFirm: { user: Awaited<ReturnType<typeof createUser>> };

beforeAll(async () => {
  world = await createEngagementWorld(db);
  const org = await createOrganization(db);
  otherFirm = { user: await createUser(db, { organizationId: org.id }) };
});

function formValues(overrides: Record<string, unknown> = {}) {
  const v = engagementValues({ clientName: world.engagement.clientName });
  return Object.fromEntries(Object.entries({ ...v, ...overrides }).map(([k, x]) => [k, String(x)]));
}

async function currentVersion() {
  return (await db.engagement.findUniqueOrThrow({ where: { id: world.engagement.id }, select: { version: true } })).version;
}

describe("requireEngagementAccess follows the matrix for every role and capability", () => {
  for (const role of ROLES) {
    for (const capability of Object.keys(CAPABILITIES) as Capability[]) {
      it(`${role} × ${capability}`, async () => {
        const user = world.usersByRole[role];
        const attempt = requireEngagementAccess(user.id, world.engagement.id, capability);
        if (can(role, capability)) await expect(attempt).resolves.toMatchObject({ role, engagementId: world.engagement.id });
        else await expect(attempt).rejects.toMatchObject({ code: "FORBIDDEN" });
      });
    }
  }

  it("a non-member gets NOT_FOUND for every capability, and the refusal is audited", async () => {
    for (const capability of Object.keys(CAPABILITIES) as Capability[]) {
      await expect(requireEngagementAccess(world.outsider.id, world.engagement.id, capability)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    // one chained row for the engagement in this hour; the repeats are counted (issue 12: audit volume)
    const denied = await db.auditEvent.count({ where: { actorId: world.outsider.id, action: "access.denied", entityId: world.engagement.id } });
    expect(denied).toBe(1);
    const counted = await db.refusedAccess.findMany({ where: { actorId: world.outsider.id, targetId: world.engagement.id } });
    expect(counted.reduce((n, r) => n + r.count, 0)).toBe(Object.keys(CAPABILITIES).length);
    // never written into the engagement's own chain
    expect(await db.auditEvent.count({ where: { engagementId: world.engagement.id, actorId: world.outsider.id } })).toBe(0);
  });

  it("an unknown engagement id is indistinguishable from a foreign one", async () => {
    await expect(requireEngagementAccess(world.lead.id, "does-not-exist", "engagement.view")).rejects.toBeInstanceOf(AppError);
    await expect(requireEngagementAccess(world.lead.id, "does-not-exist", "engagement.view")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("engagement actions", () => {
  it("a consultant creates an engagement and becomes its lead", async () => {
    signInAs(world.consultant);
    const res = await createEngagementAction(formValues({ clientName: "New Client Health" }));
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const m = await db.membership.findUniqueOrThrow({ where: { engagementId_userId: { engagementId: res.data.id, userId: world.consultant.id } } });
    expect(m.role).toBe("lead");
    const list = await findEngagementsForUser(world.outsider.id, {});
    expect(list.map((e) => e.id)).not.toContain(res.data.id);
  });

  it("bad input returns field errors and saves nothing", async () => {
    signInAs(world.consultant);
    const before = await db.engagement.count();
    const res = await createEngagementAction(formValues({ clientName: "", providers: "-3", plannedStart: "tomorrow" }));
    expect(res).toMatchObject({ ok: false, code: "INVALID" });
    if (res.ok || res.code !== "INVALID") return;
    expect(Object.keys(res.fieldErrors)).toEqual(expect.arrayContaining(["clientName", "providers", "plannedStart"]));
    expect(await db.engagement.count()).toBe(before);
  });

  it.each([
    ["outsider", "NOT_FOUND"],
    ["otherFirm", "NOT_FOUND"],
    ["executive", "FORBIDDEN"],
    ["reviewer", "FORBIDDEN"],
  ] as const)("update by %s → %s, nothing changes", async (who, code) => {
    const user = who === "otherFirm" ? otherFirm.user : world[who];
    signInAs(user);
    const version = await currentVersion();
    const res = await updateEngagementAction({ engagementId: world.engagement.id, version, values: formValues({ name: "Hijacked" }) });
    expect(res).toMatchObject({ ok: false, code });
    expect(await currentVersion()).toBe(version);
  });

  it("two saves from the same version: exactly one wins, the other gets CONFLICT with the current values", async () => {
    signInAs(world.lead);
    const version = await currentVersion();
    const [a, b] = await Promise.all([
      updateEngagementAction({ engagementId: world.engagement.id, version, values: formValues({ name: "Version A" }) }),
      updateEngagementAction({ engagementId: world.engagement.id, version, values: formValues({ name: "Version B" }) }),
    ]);
    const results = [a, b];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok);
    expect(loser).toMatchObject({ ok: false, code: "CONFLICT" });
    const stored = await db.engagement.findUniqueOrThrow({ where: { id: world.engagement.id } });
    expect(stored.version).toBe(version + 1);
    expect(["Version A", "Version B"]).toContain(stored.name);
    // the loser is shown the winner's values, not its own stale copy
    expect(loser && !loser.ok && loser.code === "CONFLICT" ? loser.current : null).toMatchObject({ name: stored.name, version: stored.version });
  });

  it("rejects injected fields (strict schemas)", async () => {
    signInAs(world.lead);
    const res = await updateEngagementAction({ engagementId: world.engagement.id, version: await currentVersion(), values: { ...formValues(), organizationId: otherFirm.user.organizationId } });
    expect(res).toMatchObject({ ok: false, code: "INVALID" });
  });

  it("archive: only the lead; outsiders get NOT_FOUND", async () => {
    signInAs(world.consultant);
    expect(await setArchivedAction({ engagementId: world.engagement.id }, true)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    signInAs(world.outsider);
    expect(await setArchivedAction({ engagementId: world.engagement.id }, true)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    signInAs(world.lead);
    expect(await setArchivedAction({ engagementId: world.engagement.id }, true)).toMatchObject({ ok: true });
    expect((await findEngagementsForUser(world.lead.id, { status: "archived" })).map((e) => e.id)).toContain(world.engagement.id);
    expect(await setArchivedAction({ engagementId: world.engagement.id }, false)).toMatchObject({ ok: true });
  });
});

describe("membership actions", () => {
  it("only the lead manages members; outsiders get NOT_FOUND", async () => {
    for (const who of ["consultant", "reviewer", "executive"] as const) {
      signInAs(world[who]);
      expect(await addMemberAction({ engagementId: world.engagement.id, email: world.outsider.email, role: "consultant" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    signInAs(world.outsider);
    expect(await addMemberAction({ engagementId: world.engagement.id, email: world.outsider.email, role: "lead" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await setMemberRoleAction({ engagementId: world.engagement.id, userId: world.outsider.id, role: "lead" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await removeMemberAction({ engagementId: world.engagement.id, userId: world.lead.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("a lead adds a colleague, changes the role, removes them; people of another firm cannot be added", async () => {
    signInAs(world.lead);
    const foreign = await addMemberAction({ engagementId: world.engagement.id, email: otherFirm.user.email, role: "consultant" });
    expect(foreign).toMatchObject({ ok: false, code: "INVALID" });
    const added = await addMemberAction({ engagementId: world.engagement.id, email: world.outsider.email.toUpperCase(), role: "executive" });
    expect(added).toMatchObject({ ok: true });
    await expect(requireEngagementAccess(world.outsider.id, world.engagement.id, "report.view")).resolves.toBeTruthy();
    expect(await setMemberRoleAction({ engagementId: world.engagement.id, userId: world.outsider.id, role: "consultant" })).toMatchObject({ ok: true });
    expect(await removeMemberAction({ engagementId: world.engagement.id, userId: world.outsider.id })).toMatchObject({ ok: true });
    await expect(requireEngagementAccess(world.outsider.id, world.engagement.id, "engagement.view")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("the last lead cannot be removed or demoted", async () => {
    signInAs(world.lead);
    expect(await removeMemberAction({ engagementId: world.engagement.id, userId: world.lead.id })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await setMemberRoleAction({ engagementId: world.engagement.id, userId: world.lead.id, role: "consultant" })).toMatchObject({ ok: false, code: "CONFLICT" });
  });
});

describe("audit log", () => {
  it("records every change with field-level before → after and an intact hash chain", async () => {
    const rows = await db.auditEvent.findMany({ where: { chainKey: `engagement:${world.engagement.id}` }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(["engagement.update", "engagement.archive", "member.add", "member.role", "member.remove"]));
    const update = rows.find((r) => r.action === "engagement.update");
    expect(update?.changes).toMatchObject({ name: { from: expect.any(String), to: expect.any(String) } });
    const chain = rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) as unknown as StoredChainRow[];
    expect(findBrokenLink(chain)).toBeNull();
  });
});
