"use server";
// Clinical review server actions: requireUser → safeParse → requireEngagementAccess → mutation.
// Comments need workflow.comment (consultants too); verdicts need workflow.approve; sign-off needs
// workflow.signoff (lead, clinical reviewer) — see lib/auth/access-matrix.ts.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { requireUser } from "@/lib/auth/session";
import { requireEngagementAccess } from "@/lib/auth/access";
import { invalid, type ActionResult } from "@/lib/errors";
import { WorkflowCommentSchema, WorkflowReviewSchema, WorkflowSignOffSchema, type ReviewStatus } from "@/lib/workflow-review/schema";
import { addWorkflowComment, requestWorkflowSignOff, reviewWorkflowItem, signOffWorkflowInventory } from "@/lib/workflow-review/mutations";
import { RequestSignOffSchema } from "@/lib/notifications/schema";

function revalidate(engagementId: string) {
  revalidatePath(`/engagements/${engagementId}/workflows`, "layout");
  revalidatePath(`/engagements/${engagementId}`);
}

export async function commentOnWorkflowItemAction(input: unknown): Promise<ActionResult<{ commentId: string }>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = WorkflowCommentSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "workflow.comment");
    const result = await addWorkflowComment(access.engagementId, { ...user, role: access.role }, parsed.data, rid);
    revalidate(access.engagementId);
    return { ok: true, data: result };
  });
}

export async function reviewWorkflowItemAction(input: unknown): Promise<ActionResult<{ commentId: string; version: number; reviewStatus: ReviewStatus }>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = WorkflowReviewSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "workflow.approve");
    const { commentId, version, reviewStatus } = await reviewWorkflowItem(access.engagementId, { ...user, role: access.role }, parsed.data, rid);
    revalidate(access.engagementId);
    return { ok: true, data: { commentId, version, reviewStatus } };
  });
}

export async function signOffWorkflowsAction(input: unknown): Promise<ActionResult<{ id: string; at: string; itemCount: number }>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = WorkflowSignOffSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "workflow.signoff");
    const result = await signOffWorkflowInventory(access.engagementId, { ...user, role: access.role }, parsed.data, rid);
    revalidate(access.engagementId);
    return { ok: true, data: result };
  });
}

export async function requestSignOffAction(input: unknown): Promise<ActionResult<{ notified: number }>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = RequestSignOffSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "workflow.request_signoff");
    const result = await requestWorkflowSignOff(access.engagementId, { ...user, role: access.role }, parsed.data, rid);
    revalidate(access.engagementId);
    return { ok: true, data: result };
  });
}
