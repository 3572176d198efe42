// The activity log's filters and CSV export (issue 11): person, kind and date range narrow the entries the
// same way on the page and in the file; the file speaks in words (no raw keys); only roles with audit.view
// may export; a non-member gets 404 and an anonymous caller 401; the export itself is audited.
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { mockNextRuntime, signInAs } from "./support/session";
mockNextRuntime();

import { db } from "@/lib/db";
import { can, ROLES } from "@/lib/auth/access-matrix";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { recordAuditEvent } from "@/lib/audit/mutations";
import { findAuditActors, findAuditEvents } from "@/lib/audit/data";
import { parseActivityFilter } from "@/lib/audit/schema";
import { createEngagementWorld } from "@/lib/factories";
import { GET as exportRoute } from "@/app/api/engagements/[id]/activity/export/route";

type World = Awaited<ReturnType<typeof createEngagementWorld>>;
let world: World;
let eid: AuthorizedEngagementId;

const get = (id: string, query = "") =>
  exportRoute(new Request(`http://localhost/api/engagements/${id}/activity/export${query}`, { headers: { "x-request-id": "test-request" } }), { params: Promise.resolve({ id }) });
const parseCsv = (text: string) => Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  world = await createEngagementWorld(db);
  eid = world.engagement.id as AuthorizedEngagementId;
  const base = { organizationId: world.lead.organizationId, engagementId: eid };
  await recordAuditEvent({ ...base, actor: { id: world.lead.id, email: world.lead.email, role: "lead" }, action: "assumptions.update", entityType: "engagement", entityId: eid, changes: { teamFte: { from: 8, to: 12 }, "license.destinationBillingStart": { from: "project_start", to: "foundation_start" } } });
  await recordAuditEvent({ ...base, actor: { id: world.consultant.id, email: world.consultant.email, role: "consultant" }, action: "workflow_item.update", entityType: "workflow_item", entityId: "w1", changes: { disposition: { from: "retire", to: "may_change" } } });
  await recordAuditEvent({ ...base, actor: { id: world.reviewer.id, email: world.reviewer.email, role: "clinical_reviewer" }, action: "workflow.approve", entityType: "workflow_item", entityId: "w1", changes: {} });
});

describe("activity filters", () => {
  it("person, kind and dates narrow the entries; the actors list names everyone who appears", async () => {
    const all = await findAuditEvents(eid, {});
    expect(all.events.length).toBeGreaterThanOrEqual(3);
    const byLead = await findAuditEvents(eid, { person: world.lead.email });
    expect(byLead.events.length).toBeGreaterThan(0);
    expect(byLead.events.every((e) => e.actorEmail === world.lead.email)).toBe(true);
    const review = await findAuditEvents(eid, { kind: "review" });
    expect(review.events.map((e) => e.action)).toEqual(["workflow.approve"]);
    const inventories = await findAuditEvents(eid, { kind: "inventories" });
    expect(inventories.events.map((e) => e.action)).toContain("workflow_item.update");
    expect(inventories.events.map((e) => e.action)).not.toContain("workflow.approve");
    expect((await findAuditEvents(eid, { from: day(0), to: day(0) })).events.length).toBe(all.events.length);
    expect((await findAuditEvents(eid, { from: day(1) })).events).toEqual([]);
    expect((await findAuditEvents(eid, { to: day(-1) })).events).toEqual([]);
    expect(await findAuditActors(eid)).toEqual(expect.arrayContaining([world.lead.email, world.consultant.email, world.reviewer.email]));
  });

  it("bad filters are refused in words", () => {
    expect(parseActivityFilter({ kind: "nope" }).errors).toEqual(["Unknown kind of activity"]);
    expect(parseActivityFilter({ from: "2026-13-40" }).errors[0]).toMatch(/From must be a date/);
    expect(parseActivityFilter({ from: "2026-05-02", to: "2026-05-01" }).errors).toEqual(["The start date is after the end date"]);
    expect(parseActivityFilter({ person: "", kind: "", from: "", to: "" })).toEqual({ filter: {}, errors: [] });
  });
});

describe("GET /api/engagements/[id]/activity/export", () => {
  it("lead: CSV in words, filters applied, audited as export.activity", async () => {
    signInAs(world.lead);
    const res = await get(eid);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/activity/);
    const rows = parseCsv(await res.text());
    expect(rows[0]).toEqual(["When (UTC)", "Person", "Role", "What happened", "Kind", "Changes", "Outcome", "Entry"]);
    const text = rows.map((r) => r.join(" | ")).join("\n");
    expect(text).toContain("Assumptions changed");
    expect(text).toContain("Team (FTE): 8 → 12");
    expect(text).toContain("the start of Phase 1 (foundation)");
    expect(text).toContain("Disposition: retire → may change");
    expect(text).toContain("Workflow item approved");
    expect(text).toContain("Clinical reviewer");
    expect(text).not.toMatch(/teamFte|foundation_start|may_change|workflow\.approve|clinical_reviewer/);

    const filtered = parseCsv(await (await get(eid, `?kind=review&person=${encodeURIComponent(world.reviewer.email)}`)).text());
    expect(filtered.slice(1).map((r) => r[3])).toEqual(["Workflow item approved"]);

    const audit = await db.auditEvent.findMany({ where: { engagementId: eid, action: "export.activity" } });
    expect(audit.length).toBe(2);
    expect(audit[1]!.changes).toMatchObject({ format: "csv", rows: 1, kind: "review" });
  });

  it("per role: only roles with audit.view may export (the others 403); bad filters → 422", async () => {
    const users = { lead: world.lead, consultant: world.consultant, clinical_reviewer: world.reviewer, executive: world.executive } as const;
    for (const role of ROLES) {
      signInAs(users[role]);
      expect((await get(eid)).status, role).toBe(can(role, "audit.view") ? 200 : 403);
    }
    signInAs(world.lead);
    const bad = await get(eid, "?from=yesterday");
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain("From must be a date");
  });

  it("a non-member → 404 with nothing exported or audited on the engagement; anonymous → 401", async () => {
    const before = await db.auditEvent.count({ where: { engagementId: eid, action: "export.activity" } });
    signInAs(world.outsider);
    expect((await get(eid)).status).toBe(404);
    expect((await get("does-not-exist")).status).toBe(404);
    signInAs(null);
    expect((await get(eid)).status).toBe(401);
    expect(await db.auditEvent.count({ where: { engagementId: eid, action: "export.activity" } })).toBe(before);
  });
});
