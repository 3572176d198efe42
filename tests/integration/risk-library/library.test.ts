// Risk library: add once (twice refused), bulk add, firm entries scoped to the organization, roles, cross-tenant.
import { beforeAll, describe, expect, it } from "vitest";
import { mockNextRuntime, signInAs } from "../support/session";
mockNextRuntime();

import { db } from "@/lib/db";
import { createEngagement, createEngagementWorld } from "@/lib/factories";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { DEFAULT_RISK_LIBRARY } from "@/lib/estimate";
import { addRiskFromLibraryAction, addSuggestedRisksAction, deleteFirmLibraryEntryAction, saveRiskToFirmLibraryAction } from "@/lib/risk-library/actions";
import { findRiskLibrary } from "@/lib/risk-library/data";

type World = Awaited<ReturnType<typeof createEngagementWorld>>;
let world: World;
let other: World; // another firm

const builtIn = (key: string) => DEFAULT_RISK_LIBRARY.find((e) => e.libraryKey === key)!;

async function library(engagementId: string, user: { id: string; isOrgAdmin: boolean }, show: "suggested" | "all" = "all") {
  return findRiskLibrary(engagementId as AuthorizedEngagementId, user, { show });
}

async function riskCount(engagementId = world.engagement.id) {
  return db.risk.count({ where: { engagementId } });
}

beforeAll(async () => {
  world = await createEngagementWorld(db, { migrationType: "A" });
  other = await createEngagementWorld(db, { migrationType: "A" });
});

describe("add a built-in entry to the register", () => {
  it("adds it once, with its library key, parsed values and an audit entry", async () => {
    signInAs(world.consultant);
    const res = await addRiskFromLibraryAction({ engagementId: world.engagement.id, source: "built_in", key: "legacy_export_delay" });
    expect(res).toMatchObject({ ok: true, data: { title: "Legacy data export delayed" } });
    if (!res.ok) return;
    const risk = await db.risk.findUniqueOrThrow({ where: { id: res.data.riskId } });
    expect(risk).toMatchObject({ engagementId: world.engagement.id, libraryKey: "legacy_export_delay", probability: 0.35, likelihood: 3, impact: 3, phase: "P1", costImpact: null });
    expect(risk.scheduleImpactWeeks).toEqual({ min: 2, likely: 4, max: 10 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { engagementId: world.engagement.id, action: "risk.create", entityId: risk.id } });
    expect(audit.changes).toMatchObject({ libraryKey: "legacy_export_delay" });
    const lib = await library(world.engagement.id, world.consultant);
    expect(lib.entries.find((e) => e.key === "legacy_export_delay")?.inRegister).toMatchObject({ riskId: risk.id });
  });

  it("adding twice is refused with a clear message, not a crash; nothing is created", async () => {
    signInAs(world.lead);
    const before = await riskCount();
    const res = await addRiskFromLibraryAction({ engagementId: world.engagement.id, source: "built_in", key: "legacy_export_delay" });
    expect(res).toMatchObject({ ok: false, code: "CONFLICT", message: "Already in the register as “Legacy data export delayed”. Nothing was added." });
    expect(await riskCount()).toBe(before);
  });

  it("a risk with the same title typed by hand (any case) counts as in the register", async () => {
    const entry = builtIn("key_staff_loss");
    await db.risk.create({ data: { engagementId: world.engagement.id, title: entry.title.toUpperCase(), likelihood: 2, impact: 2 } });
    signInAs(world.consultant);
    const before = await riskCount();
    expect(await addRiskFromLibraryAction({ engagementId: world.engagement.id, source: "built_in", key: "key_staff_loss" })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await riskCount()).toBe(before);
  });

  it("two simultaneous clicks: exactly one risk", async () => {
    signInAs(world.consultant);
    const results = await Promise.all([1, 2, 3].map(() => addRiskFromLibraryAction({ engagementId: world.engagement.id, source: "built_in", key: "pilot_repeat" })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === "CONFLICT")).toBe(true);
    expect(await db.risk.count({ where: { engagementId: world.engagement.id, libraryKey: "pilot_repeat" } })).toBe(1);
  });

  it("an unknown key is NOT_FOUND", async () => {
    signInAs(world.consultant);
    expect(await addRiskFromLibraryAction({ engagementId: world.engagement.id, source: "built_in", key: "no_such_risk" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("levels are rescaled to the engagement's matrix (3×3 here)", async () => {
    const small = await createEngagement(db, { organizationId: world.org.id, members: [{ userId: world.lead.id, role: "lead" }] });
    await db.engagement.update({ where: { id: small.id }, data: { riskMatrix: { size: 3, likelihoodLabels: ["Low", "Mid", "High"], impactLabels: ["Low", "Mid", "High"], likelihoodProbabilities: [0.1, 0.3, 0.7] } } });
    signInAs(world.lead);
    const res = await addRiskFromLibraryAction({ engagementId: small.id, source: "built_in", key: "c_hidden_business_rules" }); // 4 × 4 on the 5-level scale
    expect(res).toMatchObject({ ok: true });
    const risk = await db.risk.findFirstOrThrow({ where: { engagementId: small.id } });
    expect([risk.likelihood, risk.impact]).toEqual([3, 3]);
  });
});

describe("roles and tenants", () => {
  it("clinical reviewer and executive are FORBIDDEN; outsiders and other firms get NOT_FOUND; nothing changes", async () => {
    const before = await riskCount();
    for (const [user, code] of [[world.reviewer, "FORBIDDEN"], [world.executive, "FORBIDDEN"], [world.outsider, "NOT_FOUND"], [other.lead, "NOT_FOUND"]] as const) {
      signInAs(user);
      expect(await addRiskFromLibraryAction({ engagementId: world.engagement.id, source: "built_in", key: "wave_slip" })).toMatchObject({ ok: false, code });
      expect(await addSuggestedRisksAction({ engagementId: world.engagement.id, migrationType: "A" })).toMatchObject({ ok: false, code });
      const anyRisk = await db.risk.findFirstOrThrow({ where: { engagementId: world.engagement.id } });
      expect(await saveRiskToFirmLibraryAction({ engagementId: world.engagement.id, riskId: anyRisk.id, appliesTo: ["A"] })).toMatchObject({ ok: false, code });
      expect(await deleteFirmLibraryEntryAction({ engagementId: world.engagement.id, key: "firm.anything" })).toMatchObject({ ok: false, code });
    }
    expect(await riskCount()).toBe(before);
    expect(await db.riskLibraryEntry.count({ where: { organizationId: world.org.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { engagementId: world.engagement.id, actorId: { in: [world.outsider.id, other.lead.id] } } })).toBe(0);
  });

  it("a risk id of another engagement cannot be saved to the library through mine → NOT_FOUND", async () => {
    const foreign = await db.risk.create({ data: { engagementId: other.engagement.id, title: "Other firm's secret risk", likelihood: 3, impact: 3 } });
    signInAs(world.lead);
    expect(await saveRiskToFirmLibraryAction({ engagementId: world.engagement.id, riskId: foreign.id, appliesTo: ["A"] })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.riskLibraryEntry.count({ where: { key: { contains: "secret" } } })).toBe(0);
  });
});

describe("the firm library", () => {
  it("a consultant saves a register risk; colleagues see it; another firm never does", async () => {
    const own = await db.risk.create({
      data: {
        engagementId: world.engagement.id, title: "Payer enrollment lag", likelihood: 4, impact: 3, probability: 0.3, owner: "Dana", status: "monitoring",
        scheduleImpactWeeks: { min: 1, likely: 2, max: 6 }, nextReviewDate: new Date("2027-03-01T00:00:00Z"),
      },
    });
    signInAs(world.consultant);
    const res = await saveRiskToFirmLibraryAction({ engagementId: world.engagement.id, riskId: own.id, appliesTo: ["A", "B"] });
    expect(res).toMatchObject({ ok: true, data: { key: "firm.payer_enrollment_lag", title: "Payer enrollment lag" } });
    const stored = await db.riskLibraryEntry.findFirstOrThrow({ where: { organizationId: world.org.id, key: "firm.payer_enrollment_lag" } });
    expect(stored.appliesTo).toEqual(["A", "B"]);
    // engagement-specific fields are not copied into the template
    expect(stored.risk).toMatchObject({ title: "Payer enrollment lag", owner: "", status: "open", nextReviewDate: null, probability: 0.3, scheduleImpactWeeks: { min: 1, likely: 2, max: 6 } });

    const mine = await library(world.engagement.id, world.lead);
    expect(mine.entries.find((e) => e.key === "firm.payer_enrollment_lag")).toMatchObject({ source: "firm", createdByName: "Consultant", inRegister: { riskId: own.id } });
    expect(mine.register.find((r) => r.id === own.id)?.isInFirmLibrary).toBe(true);
    const theirs = await library(other.engagement.id, other.lead);
    expect(theirs.entries.some((e) => e.source === "firm")).toBe(false);

    // the other firm cannot add it by key either
    signInAs(other.lead);
    expect(await addRiskFromLibraryAction({ engagementId: other.engagement.id, source: "firm", key: "firm.payer_enrollment_lag" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await riskCount(other.engagement.id)).toBe(1);
  });

  it("saving the same title twice, or a built-in title, is refused", async () => {
    const own = await db.risk.findFirstOrThrow({ where: { engagementId: world.engagement.id, title: "Payer enrollment lag" } });
    signInAs(world.lead);
    expect(await saveRiskToFirmLibraryAction({ engagementId: world.engagement.id, riskId: own.id, appliesTo: ["A"] })).toMatchObject({ ok: false, code: "CONFLICT" });
    const builtInCopy = await db.risk.findFirstOrThrow({ where: { engagementId: world.engagement.id, libraryKey: "legacy_export_delay" } });
    expect(await saveRiskToFirmLibraryAction({ engagementId: world.engagement.id, riskId: builtInCopy.id, appliesTo: ["A"] })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await saveRiskToFirmLibraryAction({ engagementId: world.engagement.id, riskId: own.id, appliesTo: [] })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await db.riskLibraryEntry.count({ where: { organizationId: world.org.id } })).toBe(1);
  });

  it("a colleague adds the firm entry to another engagement of the firm", async () => {
    const second = await createEngagement(db, { organizationId: world.org.id, members: [{ userId: world.consultant.id, role: "lead" }] });
    signInAs(world.consultant);
    const res = await addRiskFromLibraryAction({ engagementId: second.id, source: "firm", key: "firm.payer_enrollment_lag" });
    expect(res).toMatchObject({ ok: true });
    const risk = await db.risk.findFirstOrThrow({ where: { engagementId: second.id } });
    expect(risk).toMatchObject({ title: "Payer enrollment lag", libraryKey: "firm.payer_enrollment_lag", owner: "", status: "open" });
  });

  it("only the author or an organization admin removes a firm entry", async () => {
    signInAs(world.reviewer); // no risks.edit
    expect(await deleteFirmLibraryEntryAction({ engagementId: world.engagement.id, key: "firm.payer_enrollment_lag" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    // a consultant who is not the author (made a member for this test)
    const colleague = await db.user.create({ data: { organizationId: world.org.id, email: `colleague-${Date.now()}@example.test`, name: "Colleague", passwordHash: "x" }, select: { id: true, email: true, name: true, organizationId: true } });
    await db.membership.create({ data: { engagementId: world.engagement.id, userId: colleague.id, role: "consultant" } });
    signInAs(colleague);
    expect(await deleteFirmLibraryEntryAction({ engagementId: world.engagement.id, key: "firm.payer_enrollment_lag" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    signInAs({ ...world.lead, isOrgAdmin: true });
    expect(await deleteFirmLibraryEntryAction({ engagementId: world.engagement.id, key: "firm.payer_enrollment_lag" })).toMatchObject({ ok: true });
    expect(await db.riskLibraryEntry.count({ where: { organizationId: world.org.id } })).toBe(0);
    // risks already added from it stay
    expect(await db.risk.count({ where: { libraryKey: "firm.payer_enrollment_lag" } })).toBe(1);
  });
});

describe("add all suggested for a migration type", () => {
  it("adds every entry for the type that is not in the register, skips the rest, and is idempotent", async () => {
    const fresh = await createEngagementWorld(db, { migrationType: "C" });
    const freshId = fresh.engagement.id as AuthorizedEngagementId;
    signInAs(fresh.consultant);
    await addRiskFromLibraryAction({ engagementId: fresh.engagement.id, source: "built_in", key: "wave_slip" });
    const expected = DEFAULT_RISK_LIBRARY.filter((e) => e.appliesTo.includes("C"));
    const res = await addSuggestedRisksAction({ engagementId: fresh.engagement.id, migrationType: "C" });
    expect(res).toMatchObject({ ok: true });
    if (!res.ok) return;
    expect(res.data.added).toHaveLength(expected.length - 1);
    expect(res.data.skipped).toEqual(["Cutover wave slips"]);
    expect(await riskCount(fresh.engagement.id)).toBe(expected.length);
    const lib = await findRiskLibrary(freshId, fresh.consultant, { show: "suggested" });
    expect(lib.entries.every((e) => e.appliesTo.includes("C") && e.inRegister)).toBe(true);
    expect(lib.suggestedNotInRegister).toBe(0);

    const again = await addSuggestedRisksAction({ engagementId: fresh.engagement.id, migrationType: "C" });
    expect(again).toMatchObject({ ok: true, data: { added: [] } });
    expect(await riskCount(fresh.engagement.id)).toBe(expected.length);
  });

  it("the library filters by the engagement's type by default", async () => {
    const lib = await library(world.engagement.id, world.lead, "suggested");
    expect(lib.entries.length).toBeGreaterThan(0);
    expect(lib.entries.every((e) => e.appliesTo.includes("A"))).toBe(true);
    expect(lib.entries.some((e) => e.key === "b_feature_gap_at_pilot")).toBe(false);
    const all = await library(world.engagement.id, world.lead, "all");
    expect(all.entries.some((e) => e.key === "b_feature_gap_at_pilot")).toBe(true);
  });
});
