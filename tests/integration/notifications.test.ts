// Notifications of the clinical review (issue 11): who is told what, that only the recipient sees and marks
// theirs (other users, other firms, former members), the sign-off request's role matrix, and the e-mail
// digest with a fake transport.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mockNextRuntime, signInAs } from "./support/session";
mockNextRuntime();

import { db } from "@/lib/db";
import { createEngagementWorld } from "@/lib/factories";
import { can, ROLES } from "@/lib/auth/access-matrix";
import { commentOnWorkflowItemAction, requestSignOffAction, reviewWorkflowItemAction } from "@/lib/workflow-review/actions";
import { updateInventoryRowAction } from "@/lib/inventories/actions";
import { markNotificationsReadAction } from "@/lib/notifications/actions";
import { countUnreadNotifications, findNotifications } from "@/lib/notifications/data";
import { sendNotificationDigest, type DigestMessage, type MailTransport } from "@/lib/notifications/digest";
import { notificationHref } from "@/lib/notifications/schema";

type World = Awaited<ReturnType<typeof createEngagementWorld>>;
let world: World;
let other: World; // another firm with its own engagement

const formValues = (name: string) => ({ kind: "alert_rule", name, department: "Emergency", quantity: "1", complexity: "medium", disposition: "must_survive", notes: "" });

const updateWorkflowItemAction = (input: unknown) => updateInventoryRowAction("workflows", input);

async function createItem(engagementId: string, name: string) {
  return db.workflowItem.create({ data: { engagementId, kind: "alert_rule", name, department: "Emergency" }, select: { id: true, version: true, name: true } });
}

async function version(id: string) {
  return (await db.workflowItem.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
}

async function inbox(userId: string) {
  return (await findNotifications(userId)).items;
}

beforeAll(async () => {
  world = await createEngagementWorld(db);
  other = await createEngagementWorld(db);
});

beforeEach(async () => {
  await db.notification.deleteMany({ where: { engagementId: { in: [world.engagement.id, other.engagement.id] } } });
});

describe("who is notified", () => {
  it("changes requested → the consultant and the lead (not the reviewer, not the executive), linking to the item", async () => {
    const item = await createItem(world.engagement.id, `Sepsis alert ${Date.now()}`);
    signInAs(world.reviewer);
    expect(await reviewWorkflowItemAction({ engagementId: world.engagement.id, workflowItemId: item.id, version: item.version, verdict: "changes_requested", body: "Split the lactate threshold by age group" })).toMatchObject({ ok: true });

    for (const who of [world.consultant, world.lead]) {
      const [n, ...rest] = await inbox(who.id);
      expect(rest).toHaveLength(0);
      expect(n).toMatchObject({ kind: "changes_requested", subjectId: item.id, subjectName: item.name, actorName: "Clinical Reviewer", excerpt: "Split the lactate threshold by age group", readAt: null });
      expect(n!.engagementLabel).toBe(`${world.engagement.clientName} — ${world.engagement.name}`);
      expect(notificationHref(n!)).toBe(`/engagements/${world.engagement.id}/workflows/review?status=all&q=${encodeURIComponent(item.name).replace(/%20/g, "+")}&item=${item.id}`);
    }
    expect(await inbox(world.reviewer.id)).toEqual([]);
    expect(await inbox(world.executive.id)).toEqual([]);
    expect(await countUnreadNotifications(world.consultant.id)).toBe(1);
  });

  it("approving notifies nobody", async () => {
    const item = await createItem(world.engagement.id, `Stroke order set ${Date.now()}`);
    signInAs(world.reviewer);
    expect(await reviewWorkflowItemAction({ engagementId: world.engagement.id, workflowItemId: item.id, version: item.version, verdict: "approved", body: "" })).toMatchObject({ ok: true });
    expect(await db.notification.count({ where: { engagementId: world.engagement.id } })).toBe(0);
  });

  it("the consultant's answer in the thread → the reviewer who asked, once while unread; an edit → again after they read it", async () => {
    const item = await createItem(world.engagement.id, `Fall risk alert ${Date.now()}`);
    signInAs(world.reviewer);
    await reviewWorkflowItemAction({ engagementId: world.engagement.id, workflowItemId: item.id, version: item.version, verdict: "changes_requested", body: "Which score?" });

    signInAs(world.consultant);
    expect(await commentOnWorkflowItemAction({ engagementId: world.engagement.id, workflowItemId: item.id, body: "Morse scale, as today" })).toMatchObject({ ok: true });
    expect(await commentOnWorkflowItemAction({ engagementId: world.engagement.id, workflowItemId: item.id, body: "And Hendrich II on paediatrics" })).toMatchObject({ ok: true });
    let mine = await inbox(world.reviewer.id);
    expect(mine).toHaveLength(1); // repeated answers do not pile up while unread
    expect(mine[0]).toMatchObject({ kind: "changes_answered", subjectId: item.id, actorName: "Consultant", excerpt: "Morse scale, as today" });

    signInAs(world.reviewer);
    expect(await markNotificationsReadAction({ ids: [mine[0]!.id] })).toEqual({ ok: true, data: { marked: 1 } });
    // the reviewer's own comment on the item tells nobody
    await commentOnWorkflowItemAction({ engagementId: world.engagement.id, workflowItemId: item.id, body: "Thanks" });

    signInAs(world.consultant);
    const res = await updateWorkflowItemAction({ engagementId: world.engagement.id, id: item.id, version: await version(item.id), values: { ...formValues(item.name), notes: "Morse; Hendrich II for paediatrics", disposition: "may_change" } });
    expect(res).toMatchObject({ ok: true });
    mine = await inbox(world.reviewer.id);
    expect(mine).toHaveLength(2);
    expect(mine[0]).toMatchObject({ kind: "changes_answered", readAt: null, excerpt: "Edited the item (disposition, notes)." });
    // the lead and the consultant got only the change request
    expect((await inbox(world.consultant.id)).map((n) => n.kind)).toEqual(["changes_requested"]);
  });

  it("editing an item nobody asked changes on notifies nobody", async () => {
    const item = await createItem(world.engagement.id, `Heparin order set ${Date.now()}`);
    signInAs(world.consultant);
    expect(await updateWorkflowItemAction({ engagementId: world.engagement.id, id: item.id, version: item.version, values: { ...formValues(item.name), notes: "weight-based" } })).toMatchObject({ ok: true });
    expect(await db.notification.count({ where: { engagementId: world.engagement.id } })).toBe(0);
  });

  it("a reviewer who left the engagement is not told about the answer", async () => {
    const w = await createEngagementWorld(db);
    const item = await createItem(w.engagement.id, "Discharge template");
    signInAs(w.reviewer);
    await reviewWorkflowItemAction({ engagementId: w.engagement.id, workflowItemId: item.id, version: item.version, verdict: "changes_requested", body: "Add the follow-up line" });
    await db.membership.delete({ where: { engagementId_userId: { engagementId: w.engagement.id, userId: w.reviewer.id } } });
    signInAs(w.consultant);
    await commentOnWorkflowItemAction({ engagementId: w.engagement.id, workflowItemId: item.id, body: "Added" });
    expect(await db.notification.count({ where: { recipientId: w.reviewer.id } })).toBe(0);
  });
});

describe("sign-off request", () => {
  it.each(ROLES)("%s: allowed or refused per the access matrix; when allowed, the clinical reviewers are notified", async (role) => {
    await createItem(world.engagement.id, `Item for ${role} ${Date.now()}`);
    signInAs(world.usersByRole[role]);
    const res = await requestSignOffAction({ engagementId: world.engagement.id, note: `Please sign off (${role})` });
    if (can(role, "workflow.request_signoff")) {
      expect(res).toEqual({ ok: true, data: { notified: 1 } });
      const [n] = await inbox(world.reviewer.id);
      expect(n).toMatchObject({ kind: "signoff_requested", excerpt: `Please sign off (${role})`, subjectId: "" });
      expect(notificationHref(n!)).toBe(`/engagements/${world.engagement.id}/workflows/sign-off`);
      const audit = await db.auditEvent.findFirst({ where: { engagementId: world.engagement.id, action: "workflow.signoff_request" }, orderBy: { id: "desc" } });
      expect(audit?.actorId).toBe(world.usersByRole[role].id);
    } else {
      expect(res).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await db.notification.count({ where: { engagementId: world.engagement.id } })).toBe(0);
    }
  });

  it("a non-member (same firm or another) gets NOT_FOUND and nobody is notified", async () => {
    for (const outsider of [world.outsider, other.lead]) {
      signInAs(outsider);
      expect(await requestSignOffAction({ engagementId: world.engagement.id, note: "" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    expect(await db.notification.count({ where: { engagementId: world.engagement.id } })).toBe(0);
  });

  it("refused in words when the inventory is empty or there is no clinical reviewer; injected fields are refused", async () => {
    const w = await createEngagementWorld(db);
    signInAs(w.consultant);
    expect(await requestSignOffAction({ engagementId: w.engagement.id, note: "" })).toMatchObject({ ok: false, code: "INVALID", message: expect.stringContaining("inventory is empty") });
    await createItem(w.engagement.id, "Order set");
    await db.membership.delete({ where: { engagementId_userId: { engagementId: w.engagement.id, userId: w.reviewer.id } } });
    expect(await requestSignOffAction({ engagementId: w.engagement.id, note: "" })).toMatchObject({ ok: false, code: "INVALID", message: expect.stringContaining("no clinical reviewer") });
    expect(await requestSignOffAction({ engagementId: w.engagement.id, note: "", recipientId: w.consultant.id })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await db.notification.count({ where: { engagementId: w.engagement.id } })).toBe(0);
  });
});

describe("only the recipient sees and marks theirs", () => {
  it("another user's or another firm's ids mark nothing; all = only mine", async () => {
    const item = await createItem(world.engagement.id, `Insulin order set ${Date.now()}`);
    signInAs(world.reviewer);
    await reviewWorkflowItemAction({ engagementId: world.engagement.id, workflowItemId: item.id, version: item.version, verdict: "changes_requested", body: "Sliding scale?" });
    const [consultantsOne] = await inbox(world.consultant.id);
    const [leadsOne] = await inbox(world.lead.id);

    for (const intruder of [world.executive, world.outsider, other.lead]) {
      signInAs(intruder);
      expect(await inbox(intruder.id)).toEqual([]);
      expect(await markNotificationsReadAction({ ids: [consultantsOne!.id, leadsOne!.id] })).toEqual({ ok: true, data: { marked: 0 } });
      expect(await markNotificationsReadAction({ all: true })).toEqual({ ok: true, data: { marked: 0 } });
    }
    expect(await countUnreadNotifications(world.consultant.id)).toBe(1);

    signInAs(world.consultant);
    expect(await markNotificationsReadAction({ all: true })).toEqual({ ok: true, data: { marked: 1 } });
    expect(await countUnreadNotifications(world.consultant.id)).toBe(0);
    expect(await countUnreadNotifications(world.lead.id)).toBe(1); // the lead's own is untouched
    expect((await inbox(world.consultant.id))[0]!.readAt).not.toBeNull();
  });

  it("a former member no longer sees the engagement's notifications", async () => {
    const w = await createEngagementWorld(db);
    const item = await createItem(w.engagement.id, "Lab routing rule");
    signInAs(w.reviewer);
    await reviewWorkflowItemAction({ engagementId: w.engagement.id, workflowItemId: item.id, version: item.version, verdict: "changes_requested", body: "Which lab?" });
    expect(await countUnreadNotifications(w.consultant.id)).toBe(1);
    await db.membership.delete({ where: { engagementId_userId: { engagementId: w.engagement.id, userId: w.consultant.id } } });
    expect(await countUnreadNotifications(w.consultant.id)).toBe(0);
    expect(await inbox(w.consultant.id)).toEqual([]);
  });

  it("bad input is refused; anonymous callers are sent to sign in", async () => {
    signInAs(world.consultant);
    for (const bad of [{}, { ids: [] }, { ids: "x" }, { all: false }, { all: true, recipientId: world.lead.id }]) {
      expect(await markNotificationsReadAction(bad)).toMatchObject({ ok: false, code: "INVALID" });
    }
    signInAs(null);
    await expect(markNotificationsReadAction({ all: true })).rejects.toThrow();
  });
});

describe("e-mail digest", () => {
  const fake = () => {
    const sent: DigestMessage[] = [];
    const transport: MailTransport = { sendMail: async (m) => void sent.push(m) };
    return { sent, transport };
  };
  const opts = { from: "Sounding <digest@firm.example>", appUrl: "https://sounding.firm.example/" };

  it("without SMTP: nothing sent, nothing marked", async () => {
    const item = await createItem(world.engagement.id, `Digest item A ${Date.now()}`);
    signInAs(world.reviewer);
    await reviewWorkflowItemAction({ engagementId: world.engagement.id, workflowItemId: item.id, version: item.version, verdict: "changes_requested", body: "Needs a dose cap" });
    expect(await sendNotificationDigest({ ...opts, transport: null })).toEqual({ sent: 0, notifications: 0, failed: 0, skipped: "no_smtp" });
    expect(await db.notification.count({ where: { engagementId: world.engagement.id, emailedAt: { not: null } } })).toBe(0);
  });

  it("one message per recipient with the titles and links; e-mailed once; read ones are left out", async () => {
    const item = await createItem(world.engagement.id, `Digest <item> B ${Date.now()}`);
    signInAs(world.reviewer);
    await reviewWorkflowItemAction({ engagementId: world.engagement.id, workflowItemId: item.id, version: item.version, verdict: "changes_requested", body: "Use <mg/kg> & cap" });
    signInAs(world.lead);
    await markNotificationsReadAction({ all: true }); // the lead read it in the app: not e-mailed
    const { sent, transport } = fake();
    const result = await sendNotificationDigest({ ...opts, transport });
    const mine = sent.filter((m) => [world.consultant.email, world.lead.email].includes(m.to));
    expect(mine.map((m) => m.to)).toEqual([world.consultant.email]);
    const m = mine[0]!;
    expect(m.from).toBe(opts.from);
    expect(m.subject).toBe("Sounding: 1 notification awaits you");
    expect(m.text).toContain(`Clinical Reviewer requested changes on “${item.name}”`);
    expect(m.text).toContain(`https://sounding.firm.example/engagements/${world.engagement.id}/workflows/review?status=all`);
    expect(m.html).toContain("Use &lt;mg/kg&gt; &amp; cap"); // escaped
    expect(m.html).not.toContain("<item>");
    expect(result.failed).toBe(0);
    expect(result.sent).toBeGreaterThanOrEqual(1);

    const again = fake();
    await sendNotificationDigest({ ...opts, transport: again.transport });
    expect(again.sent.filter((x) => x.to === world.consultant.email)).toEqual([]);
  });

  it("a failed send is counted, logged and retried next time", async () => {
    const item = await createItem(world.engagement.id, `Digest item C ${Date.now()}`);
    signInAs(world.reviewer);
    await reviewWorkflowItemAction({ engagementId: world.engagement.id, workflowItemId: item.id, version: item.version, verdict: "changes_requested", body: "Recheck" });
    const broken: MailTransport = { sendMail: async () => { throw new Error("421 try later"); } };
    const result = await sendNotificationDigest({ ...opts, transport: broken });
    expect(result.failed).toBeGreaterThanOrEqual(2); // the consultant and the lead
    expect(result.sent).toBe(0);
    expect(await db.notification.count({ where: { engagementId: world.engagement.id, emailedAt: { not: null } } })).toBe(0);
    const { sent, transport } = fake();
    await sendNotificationDigest({ ...opts, transport });
    expect(sent.map((m) => m.to)).toEqual(expect.arrayContaining([world.consultant.email, world.lead.email]));
  });
});
