// Reads for the clinical review queue and the sign-offs (tenant-scoped by AuthorizedEngagementId).
// A constant number of queries per call, whatever the number of items or comments.
import "server-only";
import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import type { Prisma } from "@/lib/generated/prisma/client";
import { workflowFromRecord } from "@/lib/inventories/registry";
import { findTally } from "@/lib/inventories/data";
import { countChanges, diffInventory, type InventoryDiff } from "@/lib/workflow-review/diff";
import {
  REVIEW_PAGE_SIZE,
  SnapshotSchema,
  isApprovalStale,
  type ReviewCounts,
  type ReviewItemDto,
  type ReviewQueueFilter,
  type ReviewVerdict,
  type SignOffListItemDto,
  type SnapshotItem,
  type WorkflowSignOffSummary,
} from "@/lib/workflow-review/schema";

const itemSelect = {
  id: true, kind: true, name: true, department: true, quantity: true, complexity: true, disposition: true,
  reviewStatus: true, notes: true, version: true, updatedAt: true,
} satisfies Prisma.WorkflowItemSelect;

const ORDER: Prisma.WorkflowItemOrderByWithRelationInput[] = [{ kind: "asc" }, { department: "asc" }, { name: "asc" }, { id: "asc" }];

function toSnapshotItem(r: { id: string } & Record<string, unknown>): SnapshotItem {
  return { id: r.id, ...workflowFromRecord(r) };
}

/** The whole inventory as snapshot rows (what a sign-off freezes), in display order. */
export async function findInventorySnapshot(engagementId: AuthorizedEngagementId, client: Pick<typeof db, "workflowItem"> = db): Promise<SnapshotItem[]> {
  const rows = await client.workflowItem.findMany({ where: { engagementId }, orderBy: ORDER, select: itemSelect });
  return rows.map(toSnapshotItem);
}

/** sha256 of the canonical JSON of the inventory (order-independent): what the signer was shown. */
export function inventoryFingerprint(items: readonly SnapshotItem[]): string {
  const sorted = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return createHash("sha256").update(canonicalize(sorted) ?? "[]").digest("hex");
}

/** Latest approval (time and approver) per item, for the given items or all of the engagement's. */
async function findLatestApprovals(engagementId: AuthorizedEngagementId, itemIds?: string[]) {
  const rows = await db.workflowComment.findMany({
    where: { engagementId, verdict: "approved", ...(itemIds ? { workflowItemId: { in: itemIds } } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    distinct: ["workflowItemId"],
    select: { workflowItemId: true, createdAt: true, authorName: true },
  });
  return new Map(rows.map((r) => [r.workflowItemId, { at: r.createdAt, by: r.authorName }]));
}

/** Ids of approved items edited after their latest approval. */
export async function findChangedSinceApprovalIds(engagementId: AuthorizedEngagementId): Promise<string[]> {
  const [approvedItems, approvals] = await Promise.all([
    db.workflowItem.findMany({ where: { engagementId, reviewStatus: "approved" }, select: { id: true, updatedAt: true, version: true } }),
    findLatestApprovals(engagementId),
  ]);
  return approvedItems.filter((i) => isApprovalStale("approved", i.updatedAt, approvals.get(i.id)?.at ?? null, i.version)).map((i) => i.id);
}

async function findReviewCounts(engagementId: AuthorizedEngagementId, changedIds: string[]): Promise<ReviewCounts> {
  const groups = await db.workflowItem.groupBy({ by: ["reviewStatus"], where: { engagementId }, _count: { _all: true } });
  const n = (s: string) => groups.find((g) => g.reviewStatus === s)?._count._all ?? 0;
  return {
    needs_me: n("not_reviewed") + changedIds.length,
    all: groups.reduce((sum, g) => sum + g._count._all, 0),
    not_reviewed: n("not_reviewed"),
    changes_requested: n("changes_requested"),
    approved: n("approved"),
    changed_since_approval: changedIds.length,
  };
}

/** One page of the review queue with each item's comment thread, plus the counts per filter. */
export async function findReviewQueue(engagementId: AuthorizedEngagementId, filter: ReviewQueueFilter) {
  const changedIds = await findChangedSinceApprovalIds(engagementId);
  const where: Prisma.WorkflowItemWhereInput = { engagementId };
  if (filter.status === "changed_since_approval") where.id = { in: changedIds };
  else if (filter.status === "needs_me") where.AND = [{ OR: [{ reviewStatus: "not_reviewed" }, { id: { in: changedIds } }] }];
  else if (filter.status !== "all") where.reviewStatus = filter.status;
  if (filter.q) {
    where.OR = [
      { name: { contains: filter.q, mode: "insensitive" } },
      { department: { contains: filter.q, mode: "insensitive" } },
      { notes: { contains: filter.q, mode: "insensitive" } },
    ];
  }
  const [counts, total, rows] = await Promise.all([
    findReviewCounts(engagementId, changedIds),
    db.workflowItem.count({ where }),
    db.workflowItem.findMany({
      where,
      orderBy: ORDER,
      skip: (filter.page - 1) * REVIEW_PAGE_SIZE,
      take: REVIEW_PAGE_SIZE,
      select: {
        ...itemSelect,
        comments: {
          where: { engagementId },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: { id: true, authorName: true, body: true, verdict: true, createdAt: true },
        },
      },
    }),
  ]);
  const items: ReviewItemDto[] = rows.map(({ comments, version, updatedAt, ...r }) => {
    const lastApproval = [...comments].reverse().find((c) => c.verdict === "approved") ?? null;
    return {
      ...toSnapshotItem(r),
      version,
      updatedAt: updatedAt.toISOString(),
      comments: comments.map((c) => ({ ...c, verdict: c.verdict as ReviewVerdict, createdAt: c.createdAt.toISOString() })),
      lastApproval: lastApproval ? { at: lastApproval.createdAt.toISOString(), by: lastApproval.authorName } : null,
      isChangedSinceApproval: isApprovalStale(r.reviewStatus, updatedAt, lastApproval?.createdAt ?? null, version),
    };
  });
  return { items, counts, total, page: filter.page, pageCount: Math.max(1, Math.ceil(total / REVIEW_PAGE_SIZE)) };
}
export type ReviewQueue = Awaited<ReturnType<typeof findReviewQueue>>;

/** Sign-off history, newest first (without the snapshots themselves). */
export async function findSignOffs(engagementId: AuthorizedEngagementId): Promise<SignOffListItemDto[]> {
  // jsonb_array_length keeps the list light: snapshots of 2,000 items are not loaded to count them.
  const rows = await db.$queryRaw<{ id: string; createdAt: Date; signedByName: string; signedByRole: string; note: string; itemCount: number }[]>`
    SELECT "id", "createdAt", "signedByName", "signedByRole"::text AS "signedByRole", "note",
           jsonb_array_length(CASE WHEN jsonb_typeof("snapshot") = 'array' THEN "snapshot" ELSE '[]'::jsonb END)::int AS "itemCount"
    FROM "WorkflowSignOff"
    WHERE "engagementId" = ${engagementId}
    ORDER BY "createdAt" DESC, "id" DESC
    LIMIT 200`;
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), itemCount: Number(r.itemCount) }));
}

/** One sign-off with its frozen snapshot; another engagement's id → NOT_FOUND. */
export async function findSignOff(engagementId: AuthorizedEngagementId, signOffId: string) {
  const row = await db.workflowSignOff.findFirst({
    where: { id: signOffId, engagementId },
    select: { id: true, createdAt: true, signedByName: true, signedByRole: true, note: true, snapshot: true },
  });
  if (!row) throw new AppError("NOT_FOUND", "That sign-off does not exist on this engagement.");
  const snapshot = parseSnapshot(row.snapshot);
  return { id: row.id, createdAt: row.createdAt.toISOString(), signedByName: row.signedByName, signedByRole: row.signedByRole as string, note: row.note, itemCount: snapshot.length, snapshot };
}
export type SignOffDto = Awaited<ReturnType<typeof findSignOff>>;

/** A sign-off compared with the current inventory: what was added, removed and changed since. */
export async function findSignOffComparison(engagementId: AuthorizedEngagementId, signOffId: string): Promise<{ signOff: SignOffDto; diff: InventoryDiff; currentCount: number }> {
  const [signOff, current] = await Promise.all([findSignOff(engagementId, signOffId), findInventorySnapshot(engagementId)]);
  return { signOff, diff: diffInventory(signOff.snapshot, current), currentCount: current.length };
}

function parseSnapshot(json: unknown): SnapshotItem[] {
  // INVARIANT: snapshots are written through SnapshotSchema; a row that no longer parses is a bug to see, not to hide.
  return SnapshotSchema.parse(json);
}

async function summarize(engagementId: AuthorizedEngagementId, current: SnapshotItem[]): Promise<WorkflowSignOffSummary> {
  const [last, changedIds] = await Promise.all([
    db.workflowSignOff.findFirst({
      where: { engagementId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, createdAt: true, signedByName: true, signedByRole: true, snapshot: true },
    }),
    findChangedSinceApprovalIds(engagementId),
  ]);
  const count = (s: string) => current.filter((i) => i.reviewStatus === s).length;
  return {
    lastSignOff: last ? { id: last.id, at: last.createdAt.toISOString(), by: last.signedByName, role: last.signedByRole as string } : null,
    changedSinceSignOff: last ? countChanges(diffInventory(parseSnapshot(last.snapshot), current)) : 0,
    approved: count("approved"),
    changesRequested: count("changes_requested"),
    notReviewed: count("not_reviewed"),
    changedSinceApproval: changedIds.length,
    total: current.length,
  };
}

/**
 * For the workflows page, the overview, the estimate and the executive report — flat in row count: the counts
 * per review status and "changed since approval" come from the maintained tally (lib/inventories/tally.ts; the
 * WorkflowItem.approvedAt trigger keeps the latter), and "changed since sign-off" is first checked with one
 * index probe (an item edited or added after the sign-off, or a different number of items); only when
 * something may have changed is the inventory read and compared with the sign-off's snapshot.
 */
export async function findWorkflowSignOffSummary(engagementId: AuthorizedEngagementId): Promise<WorkflowSignOffSummary> {
  const [last, tally] = await Promise.all([
    db.workflowSignOff.findFirst({
      where: { engagementId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, createdAt: true, signedByName: true, signedByRole: true },
    }),
    findTally(engagementId, "workflows"),
  ]);
  let changedSinceSignOff = 0;
  if (last && (await mayHaveChangedSinceSignOff(engagementId, last.id, tally.get("rows")))) {
    changedSinceSignOff = countChanges((await findSignOffComparison(engagementId, last.id)).diff);
  }
  return {
    lastSignOff: last ? { id: last.id, at: last.createdAt.toISOString(), by: last.signedByName, role: last.signedByRole as string } : null,
    changedSinceSignOff,
    approved: tally.get("reviewStatus:approved"),
    changesRequested: tally.get("reviewStatus:changes_requested"),
    notReviewed: tally.get("reviewStatus:not_reviewed"),
    changedSinceApproval: tally.get("changedSinceApproval"),
    total: tally.get("rows"),
  };
}

/**
 * False when nothing can have changed since the sign-off: no item edited or added after it (the newest updatedAt:
 * one entry of the (engagementId, updatedAt) index) and as many items as it covered (none removed). True is only
 * "maybe": the diff decides.
 */
async function mayHaveChangedSinceSignOff(engagementId: AuthorizedEngagementId, signOffId: string, itemCount: number): Promise<boolean> {
  const rows = await db.$queryRaw<{ may: boolean }[]>`
    WITH s AS (SELECT "createdAt", jsonb_array_length("snapshot") AS "items" FROM "WorkflowSignOff" WHERE "id" = ${signOffId} AND "engagementId" = ${engagementId})
    SELECT (coalesce((SELECT max(w."updatedAt") FROM "WorkflowItem" w WHERE w."engagementId" = ${engagementId}) > (SELECT "createdAt" FROM s), false)
            OR (SELECT "items" FROM s) IS DISTINCT FROM ${itemCount}) AS "may"`;
  return rows[0]?.may !== false;
}

/** What the sign-off panel needs: the summary, the fingerprint of what is shown, and the history. */
export async function findSignOffPage(engagementId: AuthorizedEngagementId) {
  const [current, history] = await Promise.all([findInventorySnapshot(engagementId), findSignOffs(engagementId)]);
  const summary = await summarize(engagementId, current);
  return { summary, fingerprint: inventoryFingerprint(current), history };
}
