// Clinical review and sign-off: role matrix, cross-tenant refusals, stale approvals, frozen snapshots, diffs.
import { beforeAll, describe, expect, it } from "vitest";
import { mockNextRuntime, signInAs } from "../support/session";
mockNextRuntime();

import { db } from "@/lib/db";
import { createEngagementWorld } from "@/lib/factories";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { commentOnWorkflowItemAction, reviewWorkflowItemAction, signOffWorkflowsAction } from "@/lib/workflow-review/actions";
import {
  findReviewQueue,
  findSignOff,
  findSignOffComparison,
  findSignOffPage,
  findSignOffs,
  findWorkflowSignOffSummary,
} from "@/lib/workflow-review/data";
import { ReviewQueueFilterSchema } from "@/lib/workflow-review/schema";

type World = Awaited<ReturnType<typeof createEngagementWorld>>;
let world: World;
let other: World; // another engagement (and firm) with its own items
let eid: AuthorizedEngagementId;

async function createItem(engagementId: string, name: string, extra: Record<string, unknown> = {}) {
  return db.workflowItem.create({ data: { engagementId, kind: "order_set", name, department: "Cardiology", ...extra }, select: { id: true, version: true, name: true } });
}

async function item(id: string) {
  return db.workflowItem.findUniqueOrThrow({ where: { id } });
}

async function fingerprint() {
  return (await findSignOffPage(eid)).fingerprint;
}

beforeAll(async () => {
  world = await createEngagementWorld(db);
  other = await createEngagementWorld(db);
  eid = world.engagement.id as AuthorizedEngagementId;
});

describe("comments and verdicts follow the access matrix", () => {
  it("lead, consultant and clinical reviewer comment; the executive is FORBIDDEN", async () => {
    const it1 = await createItem(world.engagement.id, "Chest pain order set");
    for (const who of ["lead", "consultant", "reviewer"] as const) {
      signInAs(world[who]);
      const res = await commentOnWorkflowItemAction({ engagementId: world.engagement.id, workflowItemId: it1.id, body: `Note from ${who}` });
      expect(res).toMatchObject({ ok: true });
    }
    signInAs(world.executive);
    expect(await commentOnWorkflowItemAction({ engagementId: world.engagement.id, workflowItemId: it1.id, body: "Exec" })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const comments = await db.workflowComment.findMany({ where: { workflowItemId: it1.id }, orderBy: { createdAt: "asc" } });
    expect(comments.map((c) => c.authorName)).toEqual(["Lead Consultant", "Consultant", "Clinical Reviewer"]);
    expect(comments.every((c) => c.verdict === "comment")).toBe(true);
    // a comment does not change the item
    expect((await item(it1.id)).reviewStatus).toBe("not_reviewed");
    expect((await item(it1.id)).version).toBe(it1.version);
  });

  it("consultant and executive cannot approve or request changes; nothing changes", async () => {
    const it1 = await createItem(world.engagement.id, "Sepsis alert");
    for (const [who, code] of [["consultant", "FORBIDDEN"], ["executive", "FORBIDDEN"]] as const) {
      signInAs(world[who]);
      for (const verdict of ["approved", "changes_requested"] as const) {
        const res = await reviewWorkflowItemAction({ engagementId: world.engagement.id, workflowItemId: it1.id, version: it1.version, verdict, body: "x" });
        expect(res).toMatchObject({ ok: false, code });
      }
    }
    const after = await item(it1.id);
    expect(after.reviewStatus).toBe("not_reviewed");
    expect(await db.workflowComment.count({ where: { workflowItemId: it1.id } })).toBe(0);
  });

  it("the clinical reviewer approves: status, version, a verdict comment and an audit entry", async () => {
    const it1 = await createItem(world.engagement.id, "Heparin protocol");
    signInAs(world.reviewer);
    const res = await reviewWorkflowItemAction({ engagementId: world.engagement.id, workflowItemId: it1.id, version: it1.version, verdict: "approved", body: "" });
    expect(res).toMatchObject({ ok: true, data: { reviewStatus: "approved", version: it1.version + 1 } });
    const after = await item(it1.id);
    expect(after.reviewStatus).toBe("approved");
    const verdict = await db.workflowComment.findFirstOrThrow({ where: { workflowItemId: it1.id } });
    expect(verdict).toMatchObject({ verdict: "approved", authorName: "Clinical Reviewer", body: "Approved." });
    expect(verdict.createdAt.getTime()).toBe(after.updatedAt.getTime());
    const audit = await db.auditEvent.findFirstOrThrow({ where: { engagementId: world.engagement.id, action: "workflow.approve", entityId: it1.id } });
    expect(audit.changes).toMatchObject({ reviewStatus: { from: "not_reviewed", to: "approved" } });
    expect(audit.actorRole).toBe("clinical_reviewer");
  });

  it("the lead requests changes; a reason is required", async () => {
    const it1 = await createItem(world.engagement.id, "Discharge template");
    signInAs(world.lead);
    const missing = await reviewWorkflowItemAction({ engagementId: world.engagement.id, workflowItemId: it1.id, version: it1.version, verdict: "changes_requested", body: " " });
    expect(missing).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { body: ["Say what needs to change"] } });
    const res = await reviewWorkflowItemAction({ engagementId: world.engagement.id, workflowItemId: it1.id, version: it1.version, verdict: "changes_requested", body: "Split by unit" });
    expect(res).toMatchObject({ ok: true, data: { reviewStatus: "changes_requested" } });
    expect((await item(it1.id)).reviewStatus).toBe("changes_requested");
  });

  it("a verdict on a version the reviewer did not see is CONFLICT, nothing recorded", async () => {
    const it1 = await createItem(world.engagement.id, "Fall-risk alert");
    await db.workflowItem.update({ where: { id: it1.id }, data: { notes: "edited meanwhile", version: { increment: 1 } } });
    signInAs(world.reviewer);
    const res = await reviewWorkflowItemAction({ engagementId: world.engagement.id, workflowItemId: it1.id, version: it1.version, verdict: "approved", body: "" });
    expect(res).toMatchObject({ ok: false, code: "CONFLICT" });
    expect((await item(it1.id)).reviewStatus).toBe("not_reviewed");
    expect(await db.workflowComment.count({ where: { workflowItemId: it1.id } })).toBe(0);
  });

  it("strict input: injected fields are refused", async () => {
    const it1 = await createItem(world.engagement.id, "Strict input item");
    signInAs(world.reviewer);
    const res = await commentOnWorkflowItemAction({ engagementId: world.engagement.id, workflowItemId: it1.id, body: "x", authorName: "Someone else" });
    expect(res).toMatchObject({ ok: false, code: "INVALID" });
  });
});

describe("cross-tenant: outsiders and other engagements' ids get NOT_FOUND, nothing changes", () => {
  it("an outsider (same firm, not a member) and a member of another firm", async () => {
    const it1 = await createItem(world.engagement.id, "Outsider target");
    for (const user of [world.outsider, other.lead]) {
      signInAs(user);
      expect(await commentOnWorkflowItemAction({ engagementId: world.engagement.id, workflowItemId: it1.id, body: "x" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
      expect(await reviewWorkflowItemAction({ engagementId: world.engagement.id, workflowItemId: it1.id, version: it1.version, verdict: "approved", body: "" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
      expect(await signOffWorkflowsAction({ engagementId: world.engagement.id, note: "", fingerprint: "0".repeat(64) })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    expect(await db.workflowComment.count({ where: { workflowItemId: it1.id } })).toBe(0);
    expect((await item(it1.id)).reviewStatus).toBe("not_reviewed");
    expect(await db.auditEvent.count({ where: { engagementId: world.engagement.id, actorId: { in: [world.outsider.id, other.lead.id] } } })).toBe(0);
  });

  it("a workflow item id of another engagement, through an engagement I belong to → NOT_FOUND", async () => {
    const foreign = await createItem(other.engagement.id, "Foreign item");
    signInAs(world.reviewer);
    expect(await commentOnWorkflowItemAction({ engagementId: world.engagement.id, workflowItemId: foreign.id, body: "x" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await reviewWorkflowItemAction({ engagementId: world.engagement.id, workflowItemId: foreign.id, version: foreign.version, verdict: "approved", body: "" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const after = await item(foreign.id);
    expect(after.reviewStatus).toBe("not_reviewed");
    expect(after.version).toBe(foreign.version);
    expect(await db.workflowComment.count({ where: { workflowItemId: foreign.id } })).toBe(0);
  });

  it("a sign-off id of another engagement is NOT_FOUND through this engagement", async () => {
    await createItem(other.engagement.id, "Other firm item");
    const otherId = other.engagement.id as AuthorizedEngagementId;
    signInAs(other.reviewer);
    const res = await signOffWorkflowsAction({ engagementId: other.engagement.id, note: "Not reviewed yet: signed for the test", fingerprint: (await findSignOffPage(otherId)).fingerprint });
    expect(res).toMatchObject({ ok: true });
    if (!res.ok) return;
    await expect(findSignOff(eid, res.data.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(findSignOffComparison(eid, res.data.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("stale approvals: an approved item edited later is 'changed since approval'", () => {
  it("shows in the queue flag, the filter and the summary", async () => {
    const it1 = await createItem(world.engagement.id, "Stale approval item");
    signInAs(world.reviewer);
    await reviewWorkflowItemAction({ engagementId: world.engagement.id, workflowItemId: it1.id, version: it1.version, verdict: "approved", body: "" });
    let queue = await findReviewQueue(eid, ReviewQueueFilterSchema.parse({ q: "Stale approval" }));
    expect(queue.items[0]).toMatchObject({ reviewStatus: "approved", isChangedSinceApproval: false, lastApproval: { by: "Clinical Reviewer" } });

    // a consultant edits it (as the CRUD page would: a normal update bumps updatedAt)
    await db.workflowItem.update({ where: { id: it1.id }, data: { quantity: 3, version: { increment: 1 } } });
    queue = await findReviewQueue(eid, ReviewQueueFilterSchema.parse({ q: "Stale approval" }));
    expect(queue.items[0]).toMatchObject({ reviewStatus: "approved", isChangedSinceApproval: true });
    const filtered = await findReviewQueue(eid, ReviewQueueFilterSchema.parse({ status: "changed_since_approval" }));
    expect(filtered.items.map((i) => i.id)).toContain(it1.id);
    expect(filtered.counts.changed_since_approval).toBeGreaterThanOrEqual(1);
    expect((await findWorkflowSignOffSummary(eid)).changedSinceApproval).toBeGreaterThanOrEqual(1);
    // the summary's count is maintained (the tally, WorkflowItem.approvedAt); the queue's is computed from the rows: they agree
    expect((await findWorkflowSignOffSummary(eid)).changedSinceApproval).toBe(filtered.counts.changed_since_approval);

    // re-approving the new version clears it
    const current = await item(it1.id);
    await reviewWorkflowItemAction({ engagementId: world.engagement.id, workflowItemId: it1.id, version: current.version, verdict: "approved", body: "Re-checked" });
    queue = await findReviewQueue(eid, ReviewQueueFilterSchema.parse({ q: "Stale approval" }));
    expect(queue.items[0]!.isChangedSinceApproval).toBe(false);
    const counts = (await findReviewQueue(eid, ReviewQueueFilterSchema.parse({ status: "changed_since_approval" }))).counts;
    expect((await findWorkflowSignOffSummary(eid)).changedSinceApproval).toBe(counts.changed_since_approval);
  });

  it("the queue filters by status and paginates with counts", async () => {
    const q = await findReviewQueue(eid, ReviewQueueFilterSchema.parse({ status: "changes_requested" }));
    expect(q.items.every((i) => i.reviewStatus === "changes_requested")).toBe(true);
    expect(q.counts.all).toBe(q.counts.approved + q.counts.changes_requested + q.counts.not_reviewed);
    const bad = ReviewQueueFilterSchema.parse({ status: "bogus", page: "-2" });
    expect(bad).toMatchObject({ status: "all", page: 1 });
  });
});

describe("sign-off", () => {
  it("consultant and executive cannot sign off; outsiders get NOT_FOUND", async () => {
    const fp = await fingerprint();
    for (const who of ["consultant", "executive"] as const) {
      signInAs(world[who]);
      expect(await signOffWorkflowsAction({ engagementId: world.engagement.id, note: "", fingerprint: fp })).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
    expect(await findSignOffs(eid)).toHaveLength(0);
  });

  it("freezes a snapshot that does not change when items change later; diff reports added/removed/changed", async () => {
    const keep = await createItem(world.engagement.id, "Snapshot keeper", { quantity: 2, disposition: "must_survive" });
    const doomed = await createItem(world.engagement.id, "Snapshot doomed");
    signInAs(world.reviewer);
    const res = await signOffWorkflowsAction({ engagementId: world.engagement.id, note: "Cardiology reviewed", fingerprint: await fingerprint() });
    expect(res).toMatchObject({ ok: true });
    if (!res.ok) return;

    const frozen = await findSignOff(eid, res.data.id);
    expect(frozen).toMatchObject({ signedByName: "Clinical Reviewer", signedByRole: "clinical_reviewer", note: "Cardiology reviewed" });
    const count = await db.workflowItem.count({ where: { engagementId: world.engagement.id } });
    expect(frozen.snapshot).toHaveLength(count);
    expect(frozen.snapshot.find((s) => s.id === keep.id)).toMatchObject({ name: "Snapshot keeper", quantity: 2, disposition: "must_survive", kind: "order_set", department: "Cardiology" });
    expect((await findWorkflowSignOffSummary(eid))).toMatchObject({ lastSignOff: { id: res.data.id, by: "Clinical Reviewer", role: "clinical_reviewer" }, changedSinceSignOff: 0 });

    // later: one change, one deletion, one addition
    await db.workflowItem.update({ where: { id: keep.id }, data: { quantity: 5, notes: "now five", version: { increment: 1 } } });
    await db.workflowItem.delete({ where: { id: doomed.id } });
    const added = await createItem(world.engagement.id, "Added after sign-off");

    const again = await findSignOff(eid, res.data.id);
    expect(again.snapshot).toEqual(frozen.snapshot);
    const raw = await db.workflowSignOff.findUniqueOrThrow({ where: { id: res.data.id } });
    expect(raw.snapshot).toEqual(frozen.snapshot);

    const { diff } = await findSignOffComparison(eid, res.data.id);
    expect(diff.added.map((a) => a.id)).toEqual([added.id]);
    expect(diff.removed.map((r) => r.id)).toEqual([doomed.id]);
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0]).toMatchObject({ id: keep.id, changes: [{ field: "quantity", before: 2, after: 5 }, { field: "notes", before: "", after: "now five" }] });
    expect((await findWorkflowSignOffSummary(eid)).changedSinceSignOff).toBe(3);

    const audit = await db.auditEvent.findFirstOrThrow({ where: { engagementId: world.engagement.id, action: "workflow.signoff", entityId: res.data.id } });
    expect(audit.changes).toMatchObject({ items: count, note: "Cardiology reviewed" });
  });

  it("the inventory changed after the page was shown → CONFLICT, no sign-off", async () => {
    const fp = await fingerprint();
    await createItem(world.engagement.id, "Sneaked in");
    const before = (await findSignOffs(eid)).length;
    signInAs(world.lead);
    expect(await signOffWorkflowsAction({ engagementId: world.engagement.id, note: "", fingerprint: fp })).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await findSignOffs(eid)).toHaveLength(before);
    // with the current fingerprint the lead can sign; history is newest first and every entry stays
    expect(await signOffWorkflowsAction({ engagementId: world.engagement.id, note: "Remaining items reviewed on paper", fingerprint: await fingerprint() })).toMatchObject({ ok: true });
    const history = await findSignOffs(eid);
    expect(history).toHaveLength(before + 1);
    expect(history[0]).toMatchObject({ signedByName: "Lead Consultant", signedByRole: "lead" });
    expect(history[0]!.itemCount).toBe(await db.workflowItem.count({ where: { engagementId: world.engagement.id } }));
  });

  it("with unapproved items a note is required, and the record names them", async () => {
    const w = await createEngagementWorld(db);
    const weid = w.engagement.id as AuthorizedEngagementId;
    const approved = await createItem(w.engagement.id, "Approved by import", { reviewStatus: "approved" });
    await createItem(w.engagement.id, "Still to review");
    signInAs(w.reviewer);
    const fp = (await findSignOffPage(weid)).fingerprint;
    const refused = await signOffWorkflowsAction({ engagementId: w.engagement.id, note: "  ", fingerprint: fp });
    expect(refused).toMatchObject({ ok: false, code: "INVALID" });
    if (!refused.ok && refused.code === "INVALID") expect(refused.fieldErrors.note?.[0]).toMatch(/1 item is not approved/);
    expect(await db.workflowSignOff.count({ where: { engagementId: w.engagement.id } })).toBe(0);

    const ok = await signOffWorkflowsAction({ engagementId: w.engagement.id, note: "Pharmacy alerts pending", fingerprint: fp });
    expect(ok).toMatchObject({ ok: true });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { engagementId: w.engagement.id, action: "workflow.signoff" } });
    expect(audit.changes).toMatchObject({ note: "Pharmacy alerts pending", unapproved: ["Still to review (not reviewed)"] });

    // an import-approved item edited later no longer counts as approved (its version moved on)
    await db.workflowItem.update({ where: { id: approved.id }, data: { quantity: 3, version: { increment: 1 } } });
    const queue = await findReviewQueue(weid, ReviewQueueFilterSchema.parse({ status: "changed_since_approval" }));
    expect(queue.items.map((i) => i.id)).toEqual([approved.id]);
    expect(queue.items[0]!.isChangedSinceApproval).toBe(true);
    const needsMe = await findReviewQueue(weid, ReviewQueueFilterSchema.parse({ status: "needs_me" }));
    expect(needsMe.items.map((i) => i.name).sort()).toEqual(["Approved by import", "Still to review"]);
    expect(needsMe.counts.needs_me).toBe(2);
    const fp2 = (await findSignOffPage(weid)).fingerprint;
    expect(await signOffWorkflowsAction({ engagementId: w.engagement.id, note: "", fingerprint: fp2 })).toMatchObject({ ok: false, code: "INVALID" });
  });

  it("an empty inventory cannot be signed off", async () => {
    const empty = await createEngagementWorld(db);
    signInAs(empty.reviewer);
    const fp = (await findSignOffPage(empty.engagement.id as AuthorizedEngagementId)).fingerprint;
    expect(await signOffWorkflowsAction({ engagementId: empty.engagement.id, note: "", fingerprint: fp })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await db.workflowSignOff.count({ where: { engagementId: empty.engagement.id } })).toBe(0);
  });
});
