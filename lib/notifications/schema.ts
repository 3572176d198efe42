// Notifications of the clinical review (client + server): kinds, the inbox DTO, words and links, and the
// action inputs. Who gets what: lib/notifications/mutations.ts.
import { z } from "zod";
import { optionalText } from "@/lib/form-fields";

export const NOTIFICATION_KINDS = ["changes_requested", "changes_answered", "signoff_requested"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type NotificationDto = {
  id: string;
  engagementId: string;
  /** "Client — engagement name" */
  engagementLabel: string;
  kind: NotificationKind;
  subjectId: string;
  subjectName: string;
  actorName: string;
  excerpt: string;
  readAt: string | null;
  createdAt: string;
};

/** The longest excerpt of a comment or note kept in a notification (the thread has the whole text). */
export const EXCERPT_LENGTH = 280;

export function excerptOf(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length <= EXCERPT_LENGTH ? t : `${t.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…`;
}

/** One sentence for the inbox and the e-mail digest. */
export function notificationTitle(n: Pick<NotificationDto, "kind" | "actorName" | "subjectName">): string {
  const who = n.actorName || "Someone";
  switch (n.kind) {
    case "changes_requested":
      return `${who} requested changes on “${n.subjectName}”`;
    case "changes_answered":
      return `${who} answered your change request on “${n.subjectName}”`;
    case "signoff_requested":
      return `${who} asks you to sign off the workflow inventory`;
  }
}

/** Where the notification leads (a path inside the app): the item in the review queue, or the sign-off page. */
export function notificationHref(n: Pick<NotificationDto, "kind" | "engagementId" | "subjectId" | "subjectName">): string {
  const base = `/engagements/${encodeURIComponent(n.engagementId)}/workflows`;
  if (n.kind === "signoff_requested") return `${base}/sign-off`;
  const q = new URLSearchParams({ status: "all", q: n.subjectName, item: n.subjectId });
  return `${base}/review?${q.toString()}`;
}

const Id = z.string().min(1).max(64);

/** Mark some of my notifications read, or all of them. */
export const MarkNotificationsReadSchema = z.union([
  z.strictObject({ ids: z.array(Id).min(1).max(200) }),
  z.strictObject({ all: z.literal(true) }),
]);

/** A consultant asks the engagement's clinical reviewers to sign off the workflow inventory. */
export const RequestSignOffSchema = z.strictObject({
  engagementId: Id,
  note: optionalText(2000),
});

export const INBOX_PAGE_SIZE = 50;
