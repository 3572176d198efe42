// The e-mail digest of unread notifications: one message per recipient listing what awaits them, with links
// into the app. Sent by `npm run digest` (scripts/digest.ts) when SMTP_URL is set; without it, a no-op with a
// log line. A notification is e-mailed at most once (emailedAt); reading it in the app keeps it out of later
// digests. The transport is anything with nodemailer's sendMail — tests pass a fake one.
import "server-only";
import { findDigestBatches, type DigestBatch } from "@/lib/notifications/data";
import { markNotificationsEmailed } from "@/lib/notifications/mutations";
import { notificationHref, notificationTitle } from "@/lib/notifications/schema";
import { logError, logInfo } from "@/lib/log";

export type DigestMessage = { from: string; to: string; subject: string; text: string; html: string };
export type MailTransport = { sendMail(message: DigestMessage): Promise<unknown> };
export type DigestResult = { sent: number; notifications: number; failed: number; skipped: "no_smtp" | null };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** The message for one recipient (pure). Links are absolute: appUrl + the in-app path. */
export function composeDigest(batch: DigestBatch, opts: { from: string; appUrl: string }): DigestMessage {
  const base = opts.appUrl.replace(/\/+$/, "");
  const n = batch.items.length;
  const subject = `Sounding: ${n} ${n === 1 ? "notification awaits" : "notifications await"} you`;
  const byEngagement = new Map<string, typeof batch.items>();
  for (const item of batch.items) byEngagement.set(item.engagementLabel, [...(byEngagement.get(item.engagementLabel) ?? []), item]);
  const text: string[] = [`Hello ${batch.recipient.name},`, "", `${subject.replace("Sounding: ", "")} in Sounding:`, ""];
  const html: string[] = [`<p>Hello ${escapeHtml(batch.recipient.name)},</p>`, `<p>${escapeHtml(subject.replace("Sounding: ", ""))} in Sounding:</p>`];
  for (const [label, items] of byEngagement) {
    text.push(label);
    html.push(`<h2 style="font-size:16px">${escapeHtml(label)}</h2><ul>`);
    for (const item of items) {
      const url = `${base}${notificationHref(item)}`;
      const title = notificationTitle(item);
      text.push(`- ${title}${item.excerpt ? `: “${item.excerpt}”` : ""}`, `  ${url}`);
      html.push(`<li><a href="${escapeHtml(url)}">${escapeHtml(title)}</a>${item.excerpt ? `<br><q>${escapeHtml(item.excerpt)}</q>` : ""}</li>`);
    }
    text.push("");
    html.push("</ul>");
  }
  text.push(`All notifications: ${base}/notifications`, "You receive this because you are a member of these engagements. Reading a notification in Sounding keeps it out of the next digest.");
  html.push(`<p><a href="${escapeHtml(`${base}/notifications`)}">All notifications</a></p>`, "<p style=\"color:#555;font-size:12px\">You receive this because you are a member of these engagements. Reading a notification in Sounding keeps it out of the next digest.</p>");
  return { from: opts.from, to: batch.recipient.email, subject, text: text.join("\n"), html: html.join("\n") };
}

/** Send one digest per recipient with unread, not yet e-mailed notifications. A failed send is logged and retried next run. */
export async function sendNotificationDigest(opts: { transport: MailTransport | null; from: string; appUrl: string; now?: Date }): Promise<DigestResult> {
  const batches = await findDigestBatches();
  const pending = batches.reduce((k, b) => k + b.items.length, 0);
  if (!opts.transport) {
    logInfo("notification digest: SMTP_URL is not set, nothing e-mailed", { recipients: batches.length, notifications: pending });
    return { sent: 0, notifications: 0, failed: 0, skipped: "no_smtp" };
  }
  const result: DigestResult = { sent: 0, notifications: 0, failed: 0, skipped: null };
  for (const batch of batches) {
    try {
      await opts.transport.sendMail(composeDigest(batch, opts));
      result.notifications += await markNotificationsEmailed(batch.recipient.id, batch.items.map((i) => i.id), opts.now ?? new Date());
      result.sent += 1;
    } catch (err) {
      result.failed += 1;
      logError("notification digest: sending failed (retried on the next run)", err, { recipientId: batch.recipient.id });
    }
  }
  logInfo("notification digest sent", { ...result });
  return result;
}
