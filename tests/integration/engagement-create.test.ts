// Creating an engagement with what the estimate cannot guess (issue 11): license fees and their basis, waves
// or sites, audit policy, team size and the clinical lead — optional, validated with the contract's ranges,
// written in one transaction with audit entries, and ticked on the overview checklist.
import { beforeAll, describe, expect, it } from "vitest";
import { mockNextRuntime, signInAs } from "./support/session";
mockNextRuntime();

import { db } from "@/lib/db";
import { createEngagementWorld, createOrganization, createUser, engagementValues } from "@/lib/factories";
import { createEngagementAction } from "@/lib/engagements/actions";
import { requireEngagementAccess } from "@/lib/auth/access";
import { findEngagementAssumptionsRaw, findInventoryCounts } from "@/lib/engagements/data";
import { quotableChecklist } from "@/lib/engagements/checklist";
import { readAssumptions } from "@/lib/assumptions/data";
import { findBrokenLink, type StoredChainRow } from "@/lib/audit/chain";

type World = Awaited<ReturnType<typeof createEngagementWorld>>;
let world: World;
let foreigner: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  world = await createEngagementWorld(db);
  foreigner = await createUser(db, { organizationId: (await createOrganization(db)).id });
});

/** FormData-shaped input, as the browser sends it (every value a string). */
function form(overrides: Record<string, unknown> = {}) {
  const blanks = { destinationFee: "", destinationFeeBasis: "per_provider_month", sourceFee: "", sourceFeeBasis: "per_provider_month", waves: "", auditPolicy: "undecided", teamFte: "", reviewerEmail: "" };
  const v = { ...engagementValues({ providers: 61, staffUsers: 350 }), ...blanks, ...overrides };
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)]));
}

async function checklistOf(engagementId: string) {
  const access = await requireEngagementAccess(world.consultant.id, engagementId, "engagement.view");
  const [counts, assumptions] = await Promise.all([findInventoryCounts(access.engagementId), findEngagementAssumptionsRaw(access.engagementId)]);
  const r = quotableChecklist({ profile: { providers: 61, locations: 8 }, assumptions, completeness: counts.completeness, signOff: { signedOff: false, changedSinceSignOff: 0 } });
  return Object.fromEntries(r.steps.map((s) => [s.key, s.done]));
}

describe("create engagement with the inputs the estimate cannot guess", () => {
  it("stores fees with their basis, waves split evenly, team, audit policy and the clinical lead; the checklist ticks them", async () => {
    signInAs(world.consultant);
    const res = await createEngagementAction(
      form({
        destinationFee: "520.50",
        destinationFeeBasis: "per_provider_month",
        sourceFee: "$18,000",
        sourceFeeBasis: "flat_month",
        waves: "Main campus\r\n\r\n  North clinics \nSouth clinics",
        auditPolicy: "archive",
        teamFte: "10.5",
        reviewerEmail: `  ${world.reviewer.email.toUpperCase()} `,
      }),
    );
    expect(res).toMatchObject({ ok: true });
    if (!res.ok) return;
    const id = res.data.id;

    const raw = (await db.engagement.findUniqueOrThrow({ where: { id }, select: { assumptions: true } })).assumptions as Record<string, unknown>;
    expect(Object.keys(raw).sort()).toEqual(["license", "teamFte", "waves"]); // overrides only
    const a = readAssumptions(raw);
    expect(a.license).toMatchObject({ destinationFeeCents: 52_050, destinationFeeBasis: "per_provider_month", sources: [{ feeCents: 1_800_000, feeBasis: "flat_month" }] });
    expect(a.teamFte).toBe(10.5);
    expect(a.waves).toEqual([
      { name: "Main campus", cohort: "", providers: 21, users: 117, goLiveDate: null },
      { name: "North clinics", cohort: "", providers: 20, users: 117, goLiveDate: null },
      { name: "South clinics", cohort: "", providers: 20, users: 116, goLiveDate: null },
    ]);

    expect(await db.auditTrailPolicy.findUniqueOrThrow({ where: { engagementId: id }, select: { policy: true } })).toEqual({ policy: "archive" });
    const members = await db.membership.findMany({ where: { engagementId: id }, select: { userId: true, role: true }, orderBy: { role: "asc" } });
    expect(members).toEqual(expect.arrayContaining([{ userId: world.consultant.id, role: "lead" }, { userId: world.reviewer.id, role: "clinical_reviewer" }]));
    expect(members).toHaveLength(2);

    const events = await db.auditEvent.findMany({ where: { chainKey: `engagement:${id}` }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["engagement.create", "assumptions.update", "audit_policy.create", "member.add"]);
    expect(events.every((e) => e.actorId === world.consultant.id)).toBe(true);
    expect(events[1]!.changes).toMatchObject({ "license.destinationFeeCents": { from: null, to: 52_050 }, teamFte: { from: 8, to: 10.5 } });
    expect(findBrokenLink(events.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) as unknown as StoredChainRow[])).toBeNull();

    const done = await checklistOf(id);
    expect(done).toMatchObject({ profile: true, license: true, waves: true, team: true, audit: true, data: false });
  });

  it("everything left blank: nothing stored beyond the engagement, the checklist says 'not entered'", async () => {
    signInAs(world.consultant);
    const res = await createEngagementAction(form());
    expect(res).toMatchObject({ ok: true });
    if (!res.ok) return;
    const e = await db.engagement.findUniqueOrThrow({ where: { id: res.data.id }, select: { assumptions: true } });
    expect(e.assumptions).toEqual({});
    expect(await db.auditTrailPolicy.count({ where: { engagementId: res.data.id } })).toBe(0);
    expect(await db.membership.count({ where: { engagementId: res.data.id } })).toBe(1);
    expect((await db.auditEvent.findMany({ where: { engagementId: res.data.id } })).map((e) => e.action)).toEqual(["engagement.create"]);
    expect(await checklistOf(res.data.id)).toMatchObject({ license: false, waves: false, team: false, audit: false });
  });

  it("only one fee entered: the other is stored as not entered (null), never $0 (license counts as entered)", async () => {
    signInAs(world.consultant);
    const res = await createEngagementAction(form({ destinationFee: "900", destinationFeeBasis: "flat_month" }));
    if (!res.ok) throw new Error(res.message);
    const a = readAssumptions(await db.engagement.findUniqueOrThrow({ where: { id: res.data.id }, select: { assumptions: true } }).then((x) => x.assumptions));
    expect(a.license).toMatchObject({ destinationFeeCents: 90_000, destinationFeeBasis: "flat_month", sources: [{ feeCents: null }] });
  });

  it.each([
    ["teamFte", "0.2", "Must be a number from 0.5 to 500 FTE"],
    ["teamFte", "501", "Must be a number from 0.5 to 500 FTE"],
    ["teamFte", "ten", "Enter a number"],
    ["destinationFee", "-5", "Cannot be negative"],
    ["destinationFee", "10,000,001", "Must be at most $10,000,000"],
    ["sourceFee", "12.345", "Use at most two decimals (cents)"],
    ["sourceFee", "lots", "Enter an amount in dollars"],
    ["destinationFeeBasis", "per_bed", "Choose one of the options"],
    ["auditPolicy", "shred", "Choose one of the options"],
    ["waves", Array.from({ length: 51 }, (_, i) => `Site ${i + 1}`).join("\n"), "At most 50 waves (one per line)"],
    ["waves", "North\nnorth", "“north” is listed twice"],
    ["waves", "x".repeat(101), "Use at most 100 characters per wave"],
    ["waves", "Main\u0000campus", "Must not contain control characters"],
    ["reviewerEmail", "not-an-email", "Enter an email address, or leave it blank"],
  ])("%s = %j → a field error, nothing saved", async (field, value, message) => {
    signInAs(world.consultant);
    const before = await db.engagement.count();
    const res = await createEngagementAction(form({ [field]: value }));
    expect(res).toMatchObject({ ok: false, code: "INVALID" });
    if (res.ok || res.code !== "INVALID") return;
    expect(res.fieldErrors[field]?.[0]).toContain(message);
    expect(await db.engagement.count()).toBe(before);
  });

  it.each([
    ["a user of another firm", () => foreigner.email, "No active user with that email in your organization"],
    ["an unknown email", () => "nobody@example.org", "No active user with that email in your organization"],
    ["the creator themself", () => world.consultant.email, "That is you"],
  ])("clinical lead = %s → a field error, nothing saved (no engagement, no audit entry)", async (_label, email, message) => {
    signInAs(world.consultant);
    const [engagements, events] = [await db.engagement.count(), await db.auditEvent.count()];
    const res = await createEngagementAction(form({ reviewerEmail: email(), auditPolicy: "migrate", teamFte: "4" }));
    expect(res).toMatchObject({ ok: false, code: "INVALID" });
    if (res.ok || res.code !== "INVALID") return;
    expect(res.fieldErrors.reviewerEmail?.[0]).toContain(message);
    expect(await db.engagement.count()).toBe(engagements);
    expect(await db.auditEvent.count()).toBe(events);
  });

  it("a disabled colleague cannot be made clinical reviewer", async () => {
    const disabled = await createUser(db, { organizationId: world.org.id });
    await db.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    signInAs(world.consultant);
    const res = await createEngagementAction(form({ reviewerEmail: disabled.email }));
    expect(res).toMatchObject({ ok: false, code: "INVALID" });
  });

  it("injected fields (organization, assumptions, role) are refused; anonymous callers are sent to sign in", async () => {
    signInAs(world.consultant);
    for (const extra of [{ organizationId: (await createOrganization(db)).id }, { assumptions: "{}" }, { role: "lead" }]) {
      expect(await createEngagementAction({ ...form(), ...extra })).toMatchObject({ ok: false, code: "INVALID" });
    }
    signInAs(null);
    const before = await db.engagement.count();
    await expect(createEngagementAction(form())).rejects.toThrow();
    expect(await db.engagement.count()).toBe(before);
  });
});
