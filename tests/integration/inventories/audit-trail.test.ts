// Audit-trail policy: created on the first save, versioned, audited; roles and outsiders.
import { beforeAll, describe, expect, it } from "vitest";
import { mockNextRuntime, signInAs } from "../support/session";
mockNextRuntime();

import { db } from "@/lib/db";
import { createEngagementWorld } from "@/lib/factories";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { saveAuditTrailPolicyAction } from "@/lib/audit-trail/actions";
import { findAuditTrailPolicy } from "@/lib/audit-trail/data";
import type { World } from "./row-action-suite";

const values = (overrides: Record<string, unknown> = {}) => ({
  policy: "archive",
  sourceLogRows: "48,000,000",
  sourceLogYears: "11",
  retentionYears: "10",
  retentionBasis: "HIPAA 164.316(b)(2): 6 years; state law: 10 years",
  destination: "Read-only archive database (S3 + Athena)",
  retrievalProcedure: "Compliance files a request; the archive team queries by MRN and date range within 5 business days.",
  owner: "Privacy officer",
  ...overrides,
});

describe("audit-trail policy", () => {
  let world: World;
  beforeAll(async () => {
    world = await createEngagementWorld(db);
  });

  it("does not exist until the first save, which creates it (version 0 → 1), then saves are versioned", async () => {
    const id = world.engagement.id as AuthorizedEngagementId;
    expect(await findAuditTrailPolicy(id)).toBeNull();
    signInAs(world.consultant);
    expect(await saveAuditTrailPolicyAction({ engagementId: id, version: 0, values: values() })).toEqual({ ok: true, data: { version: 1 } });
    const created = await findAuditTrailPolicy(id);
    expect(created).toMatchObject({ version: 1, values: { policy: "archive", sourceLogRows: 48_000_000, retentionYears: 10 } });
    expect(await saveAuditTrailPolicyAction({ engagementId: id, version: 1, values: values({ policy: "hybrid" }) })).toEqual({ ok: true, data: { version: 2 } });
    const events = await db.auditEvent.findMany({ where: { engagementId: id, entityType: "audit_policy" }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["audit_policy.create", "audit_policy.update"]);
    expect(events[1]!.changes).toEqual({ policy: { from: "archive", to: "hybrid" } });
  });

  it("a second 'first save' and a stale save get CONFLICT with the current policy", async () => {
    signInAs(world.lead);
    const first = await saveAuditTrailPolicyAction({ engagementId: world.engagement.id, version: 0, values: values({ policy: "migrate" }) });
    expect(first).toMatchObject({ ok: false, code: "CONFLICT", current: { version: 2, values: { policy: "hybrid" } } });
    const stale = await saveAuditTrailPolicyAction({ engagementId: world.engagement.id, version: 1, values: values({ policy: "migrate" }) });
    expect(stale).toMatchObject({ ok: false, code: "CONFLICT", current: { version: 2 } });
  });

  it("two first saves at the same time: one creates, the other gets CONFLICT", async () => {
    const fresh = await createEngagementWorld(db);
    signInAs(fresh.lead);
    const results = await Promise.all([
      saveAuditTrailPolicyAction({ engagementId: fresh.engagement.id, version: 0, values: values({ owner: "A" }) }),
      saveAuditTrailPolicyAction({ engagementId: fresh.engagement.id, version: 0, values: values({ owner: "B" }) }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, code: "CONFLICT", current: { version: 1 } });
    expect(await db.auditTrailPolicy.count({ where: { engagementId: fresh.engagement.id } })).toBe(1);
  });

  it("invalid numbers are field errors", async () => {
    signInAs(world.lead);
    const res = await saveAuditTrailPolicyAction({ engagementId: world.engagement.id, version: 2, values: values({ retentionYears: "forever", policy: "sometimes" }) });
    expect(res).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { retentionYears: ["Enter a number"], policy: [expect.any(String)] } });
  });

  it.each(["executive", "reviewer"] as const)("%s → FORBIDDEN, nothing changes", async (who) => {
    signInAs(world[who]);
    expect(await saveAuditTrailPolicyAction({ engagementId: world.engagement.id, version: 2, values: values({ policy: "undecided" }) })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await db.auditTrailPolicy.findUniqueOrThrow({ where: { engagementId: world.engagement.id } })).policy).toBe("hybrid");
  });

  it("an outsider → NOT_FOUND for an existing policy and for creating one", async () => {
    signInAs(world.outsider);
    expect(await saveAuditTrailPolicyAction({ engagementId: world.engagement.id, version: 2, values: values({ policy: "undecided" }) })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const fresh = await createEngagementWorld(db);
    expect(await saveAuditTrailPolicyAction({ engagementId: fresh.engagement.id, version: 0, values: values() })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.auditTrailPolicy.count({ where: { engagementId: fresh.engagement.id } })).toBe(0);
    expect((await db.auditTrailPolicy.findUniqueOrThrow({ where: { engagementId: world.engagement.id } })).version).toBe(2);
  });

  it("an archived engagement refuses the save", async () => {
    const archived = await createEngagementWorld(db);
    await db.engagement.update({ where: { id: archived.engagement.id }, data: { archivedAt: new Date() } });
    signInAs(archived.lead);
    expect(await saveAuditTrailPolicyAction({ engagementId: archived.engagement.id, version: 0, values: values() })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await db.auditTrailPolicy.count({ where: { engagementId: archived.engagement.id } })).toBe(0);
  });
});
