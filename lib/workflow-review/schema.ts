// Clinical review and sign-off of the workflow inventory: action inputs, the frozen snapshot format,
// filters and labels (client + server).
// Vocabulary labels come from lib/inventories/labels.ts (one set for the whole app).
import { z } from "zod";
import { REVIEW_STATUSES, WorkflowItemSchema, type WorkflowItem } from "@/lib/engagement-format/schema";
import { COMPLEXITY_LABELS, DISPOSITION_LABELS, REVIEW_STATUS_LABELS, WORKFLOW_KIND_LABELS, labelOf } from "@/lib/inventories/labels";
import { optionalText, requiredText } from "@/lib/form-fields";

export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const REVIEW_VERDICTS = ["comment", "approved", "changes_requested"] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];

/** The workflow item fields people read, in display order, with their labels (diffs, snapshots). */
export const WORKFLOW_FIELD_LABELS: Record<keyof WorkflowItem, string> = {
  kind: "Kind",
  name: "Name",
  department: "Department",
  quantity: "Quantity",
  complexity: "Complexity",
  disposition: "Disposition",
  reviewStatus: "Review status",
  notes: "Notes",
};

/** A field value as a person reads it ("Must survive cutover unchanged", not "must_survive"). */
export function formatWorkflowField(field: keyof WorkflowItem, value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  switch (field) {
    case "kind": return labelOf(WORKFLOW_KIND_LABELS, String(value));
    case "complexity": return labelOf(COMPLEXITY_LABELS, String(value));
    case "disposition": return labelOf(DISPOSITION_LABELS, String(value));
    case "reviewStatus": return labelOf(REVIEW_STATUS_LABELS, String(value));
    default: return String(value);
  }
}

// ---------- the frozen snapshot ----------
// INVARIANT: WorkflowSignOff.snapshot is SnapshotItem[] — the contract row plus the item's id — and is
// never updated after it is written. Old snapshots are read through this schema with defaults, so a
// later, additive change to WorkflowItemSchema keeps them readable.
export const SnapshotItemSchema = WorkflowItemSchema.extend({ id: z.string().min(1).max(64) });
export type SnapshotItem = z.infer<typeof SnapshotItemSchema>;
export const SnapshotSchema = z.array(SnapshotItemSchema);

// ---------- action inputs ----------
const id = z.string().min(1).max(64);

export const WorkflowCommentSchema = z.strictObject({
  engagementId: id,
  workflowItemId: id,
  body: requiredText(4000),
});

export const WorkflowReviewSchema = z
  .strictObject({
    engagementId: id,
    workflowItemId: id,
    // the item version the reviewer looked at: approving something they did not see is refused
    version: z.coerce.number().int().min(1),
    verdict: z.enum(["approved", "changes_requested"]),
    body: optionalText(4000),
  })
  .refine((v) => v.verdict !== "changes_requested" || v.body.length > 0, {
    path: ["body"],
    message: "Say what needs to change",
  });
export type WorkflowReviewInput = z.input<typeof WorkflowReviewSchema>;

export const WorkflowSignOffSchema = z.strictObject({
  engagementId: id,
  note: optionalText(2000),
  // fingerprint of the inventory the signer was shown; a different current inventory → CONFLICT
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/, "Reload the page and try again"),
});

// ---------- page filters (search params; never throw) ----------
export const REVIEW_FILTERS = ["needs_me", "all", "not_reviewed", "changes_requested", "approved", "changed_since_approval"] as const;
export type ReviewFilter = (typeof REVIEW_FILTERS)[number];
export const REVIEW_FILTER_LABELS: Record<ReviewFilter, string> = {
  needs_me: "Needs review",
  all: "All",
  not_reviewed: "Not reviewed",
  changes_requested: "Changes requested",
  approved: "Approved",
  changed_since_approval: "Changed since approval",
};

export const ReviewQueueFilterSchema = z.object({
  status: z.enum(REVIEW_FILTERS).catch("all").default("all"),
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  /** the item to open (a notification's link); ignored when it is not on the page */
  item: z.string().min(1).max(64).optional().catch(undefined),
});
export type ReviewQueueFilter = z.infer<typeof ReviewQueueFilterSchema>;

export const REVIEW_PAGE_SIZE = 25;
export const SNAPSHOT_PAGE_SIZE = 100;

// ---------- DTOs shared with components ----------
export type WorkflowCommentDto = {
  id: string;
  authorName: string;
  body: string;
  verdict: ReviewVerdict;
  createdAt: string;
};

export type ReviewItemDto = SnapshotItem & {
  version: number;
  updatedAt: string;
  comments: WorkflowCommentDto[];
  lastApproval: { at: string; by: string } | null;
  /** approved, and edited after its latest approval: the approval no longer covers what is there */
  isChangedSinceApproval: boolean;
};

export type ReviewCounts = Record<ReviewFilter, number>;

export type SignOffListItemDto = {
  id: string;
  createdAt: string;
  signedByName: string;
  signedByRole: string;
  note: string;
  itemCount: number;
};

export type WorkflowSignOffSummary = {
  lastSignOff: { id: string; at: string; by: string; role: string } | null;
  /** items added, removed or changed since the last sign-off (0 when there is none) */
  changedSinceSignOff: number;
  approved: number;
  changesRequested: number;
  notReviewed: number;
  /** approved items edited after their approval (a subset of `approved`) */
  changedSinceApproval: number;
  total: number;
};

/**
 * Is an approved item's approval stale? Approved in Sounding: edited (updatedAt) strictly after its latest
 * approval. Approved without an approval recorded here (an import, the seed): the approval covered the
 * version it came in with, so any later edit (version > 1) makes it stale — whatever the approval's origin.
 */
export function isApprovalStale(reviewStatus: string, updatedAt: string | Date, lastApprovalAt: string | Date | null, version = 1): boolean {
  if (reviewStatus !== "approved") return false;
  if (!lastApprovalAt) return version > 1;
  return new Date(updatedAt).getTime() > new Date(lastApprovalAt).getTime();
}

/** The queue's first view: what needs this role (reviewers: to review; consultants: changes to answer). */
export function defaultReviewFilter(canApprove: boolean, canComment: boolean): ReviewFilter {
  return canApprove ? "needs_me" : canComment ? "changes_requested" : "all";
}

/** Items a sign-off would cover without a current approval, in words for the record ("Name (not reviewed)"). */
export function unapprovedForSignOff(items: { name: string; reviewStatus: string; stale: boolean }[]): string[] {
  const words: Record<string, string> = { not_reviewed: "not reviewed", changes_requested: "changes requested", approved: "changed since approval" };
  return items.filter((i) => i.reviewStatus !== "approved" || i.stale).map((i) => `${i.name} (${words[i.reviewStatus] ?? i.reviewStatus})`);
}
