// Share links: lead-only creation (token shown once, only its SHA-256 stored), opening records the access,
// expiry and revocation stop it at once with the same answer as an unknown token, cross-tenant refusals.
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { mockNextRuntime, signInAs } from "../support/session";
mockNextRuntime();

import { db } from "@/lib/db";
import { createShareLinkAction, revokeShareLinkAction } from "@/lib/share-links/actions";
import { findShareLinks } from "@/lib/share-links/data";
import { openSharedReport } from "@/lib/share-links/open";
import { auditEntries, createReportWorld, type ReportWorld } from "../report/support";

let world: ReportWorld;
let other: ReportWorld;
const visitor = { ip: "203.0.113.7", userAgent: "Mozilla/5.0 (Board member's tablet)" };

beforeAll(async () => {
  [world, other] = await Promise.all([createReportWorld(), createReportWorld()]);
});

async function create(w: ReportWorld, input: Record<string, unknown> = {}) {
  signInAs(w.lead);
  const res = await createShareLinkAction({ engagementId: w.eid, days: "14", label: "CFO", ...input });
  if (!res.ok) throw new Error(`create failed: ${res.message}`);
  return { ...res.data, token: res.data.path.replace("/share/", "") };
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

describe("create", () => {
  it("lead: a 32-byte token shown once as /share/<token>; only its hash is stored; default and chosen expiry; audited without the token", async () => {
    const before = Date.now();
    const link = await create(world, { days: "30", label: "Board pack" });
    expect(link.path).toMatch(/^\/share\/[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(link.token, "base64url")).toHaveLength(32);
    const row = await db.shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(row).toMatchObject({ engagementId: world.eid, tokenHash: sha256(link.token), label: "Board pack", createdById: world.lead.id, revokedAt: null });
    expect(JSON.stringify(row)).not.toContain(link.token);
    expect(row.expiresAt.getTime() - before).toBeGreaterThanOrEqual(30 * 86_400_000 - 1_000);
    expect(row.expiresAt.getTime() - before).toBeLessThanOrEqual(30 * 86_400_000 + 60_000);
    const audit = (await auditEntries(world.eid, "share.create")).at(-1)!;
    expect(audit).toMatchObject({ actorId: world.lead.id, actorRole: "lead", entityType: "share_link", entityId: link.id, changes: { label: "Board pack", days: 30 } });
    expect(JSON.stringify({ ...audit, id: String(audit.id) })).not.toContain(link.token);

    signInAs(world.lead);
    const dflt = await createShareLinkAction({ engagementId: world.eid, days: "14", label: "" });
    expect(dflt.ok).toBe(true);
  });

  it("days outside 1–90 or not a number → INVALID on the field; unknown fields refused; nothing stored", async () => {
    const count = await db.shareLink.count({ where: { engagementId: world.eid } });
    signInAs(world.lead);
    for (const days of ["0", "91", "abc", "", "1.5"]) {
      const res = await createShareLinkAction({ engagementId: world.eid, days, label: "" });
      expect(res, days).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { days: [expect.any(String)] } });
    }
    expect(await createShareLinkAction({ engagementId: world.eid, days: "14", label: "", expiresAt: "2099-01-01" })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await createShareLinkAction({ engagementId: world.eid, days: "14", label: "x".repeat(101) })).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { label: [expect.any(String)] } });
    expect(await db.shareLink.count({ where: { engagementId: world.eid } })).toBe(count);
  });

  it.each(["consultant", "reviewer", "executive"] as const)("%s → FORBIDDEN, nothing created", async (who) => {
    const count = await db.shareLink.count({ where: { engagementId: world.eid } });
    signInAs(world[who]);
    expect(await createShareLinkAction({ engagementId: world.eid, days: "14", label: "" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db.shareLink.count({ where: { engagementId: world.eid } })).toBe(count);
  });

  it("outsider (same firm, not a member) and another engagement's lead → NOT_FOUND, nothing created", async () => {
    const count = await db.shareLink.count({ where: { engagementId: world.eid } });
    signInAs(world.outsider);
    expect(await createShareLinkAction({ engagementId: world.eid, days: "14", label: "" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    signInAs(other.lead);
    expect(await createShareLinkAction({ engagementId: world.eid, days: "14", label: "" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.shareLink.count({ where: { engagementId: world.eid } })).toBe(count);
  });
});

describe("open", () => {
  it("a valid token renders the report (read-only view without rates or fees) and records the access (time, IP, user agent) and an audit entry", async () => {
    const link = await create(world);
    const shared = await openSharedReport(link.token, visitor, "req-share");
    expect(shared).not.toBeNull();
    expect(shared!.report.meta).toMatchObject({ clientName: "Cedar Valley Medical Group", firmName: world.org.name, canSeeRates: false });
    expect(shared!.report.assumptions.rates).toBeNull();
    expect(shared!.expiresAt).toBe(link.expiresAt);
    const accesses = await db.shareLinkAccess.findMany({ where: { shareLinkId: link.id } });
    expect(accesses).toEqual([expect.objectContaining({ ip: visitor.ip, userAgent: visitor.userAgent, createdAt: expect.any(Date) })]);
    expect((await auditEntries(world.eid, "share.open")).at(-1)).toMatchObject({ actorId: null, entityType: "share_link", entityId: link.id, requestId: "req-share", changes: { ip: visitor.ip } });

    await openSharedReport(link.token, { ip: "198.51.100.1", userAgent: "curl" });
    const listed = (await findShareLinks(world.eid)).find((l) => l.id === link.id)!;
    expect(listed).toMatchObject({ status: "active", accessCount: 2, label: "CFO", createdByName: "Lead Consultant", revokedAt: null });
    expect(listed.lastOpenedAt).not.toBeNull();
  });

  it("an expired link (expiresAt in the past) is invalid and records nothing", async () => {
    const link = await create(world);
    await db.shareLink.update({ where: { id: link.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect(await openSharedReport(link.token, visitor)).toBeNull();
    expect(await db.shareLinkAccess.count({ where: { shareLinkId: link.id } })).toBe(0);
    expect((await findShareLinks(world.eid)).find((l) => l.id === link.id)).toMatchObject({ status: "expired", accessCount: 0, lastOpenedAt: null });
  });

  it("unknown, malformed and empty tokens are invalid — the same answer as expired and revoked", async () => {
    const valid = await create(world);
    const flipped = (valid.token[0] === "A" ? "B" : "A") + valid.token.slice(1);
    for (const t of [flipped, "short", "", "../../etc/passwd", `${valid.token}x`, " ".repeat(43)]) expect(await openSharedReport(t, visitor), t).toBeNull();
  });
});

describe("revoke", () => {
  it("lead revokes: the link stops at once; revoking again changes nothing; audited once", async () => {
    const link = await create(world);
    expect(await openSharedReport(link.token, visitor)).not.toBeNull();
    signInAs(world.lead);
    const res = await revokeShareLinkAction({ engagementId: world.eid, shareLinkId: link.id });
    expect(res).toMatchObject({ ok: true, data: { revokedAt: expect.any(String) } });
    expect(await openSharedReport(link.token, visitor)).toBeNull();
    expect(await db.shareLinkAccess.count({ where: { shareLinkId: link.id } })).toBe(1);
    expect(await revokeShareLinkAction({ engagementId: world.eid, shareLinkId: link.id })).toMatchObject({ ok: true });
    expect((await auditEntries(world.eid, "share.revoke")).filter((a) => a.entityId === link.id)).toHaveLength(1);
    expect((await findShareLinks(world.eid)).find((l) => l.id === link.id)).toMatchObject({ status: "revoked", accessCount: 1 });
  });

  it.each(["consultant", "reviewer", "executive"] as const)("%s → FORBIDDEN; the link keeps working", async (who) => {
    const link = await create(world);
    signInAs(world[who]);
    expect(await revokeShareLinkAction({ engagementId: world.eid, shareLinkId: link.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await openSharedReport(link.token, visitor)).not.toBeNull();
  });

  it("cross-tenant: outsider → NOT_FOUND; another engagement's lead cannot revoke this link through their own engagement", async () => {
    const link = await create(world);
    signInAs(world.outsider);
    expect(await revokeShareLinkAction({ engagementId: world.eid, shareLinkId: link.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    signInAs(other.lead);
    expect(await revokeShareLinkAction({ engagementId: world.eid, shareLinkId: link.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await revokeShareLinkAction({ engagementId: other.eid, shareLinkId: link.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.shareLink.findUniqueOrThrow({ where: { id: link.id } })).toMatchObject({ revokedAt: null });
    expect(await openSharedReport(link.token, visitor)).not.toBeNull();
    // the other engagement's list does not show it
    expect((await findShareLinks(other.eid)).some((l) => l.id === link.id)).toBe(false);
  });

  it("anonymous → an error result, nothing changed", async () => {
    const link = await create(world);
    signInAs(null);
    const res = await revokeShareLinkAction({ engagementId: world.eid, shareLinkId: link.id }).catch((e: Error) => ({ ok: false, code: "REDIRECT", message: e.message }));
    expect(res.ok).toBe(false);
    expect(await db.shareLink.findUniqueOrThrow({ where: { id: link.id } })).toMatchObject({ revokedAt: null });
  });
});
