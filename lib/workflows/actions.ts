"use server";
// Workflow-inventory server actions (basic CRUD; review and sign-off live in lib/workflow-review): requireUser → safeParse → requireEngagementAccess(inventory.edit) → mutation.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { requireUser } from "@/lib/auth/session";
import { requireEngagementAccess } from "@/lib/auth/access";
import { invalid, type ActionResult } from "@/lib/errors";
import { invalidValues, refuseIfArchived, RowDeleteSchema, type SavedRow } from "@/lib/inventories/action-input";
import { WorkflowCreateSchema, WorkflowUpdateSchema } from "@/lib/workflows/schema";
import { createWorkflowItem, deleteWorkflowItem, updateWorkflowItem } from "@/lib/workflows/mutations";

function revalidate(engagementId: string) {
  revalidatePath(`/engagements/${engagementId}/workflows`);
  revalidatePath(`/engagements/${engagementId}`);
}

export async function createWorkflowItemAction(input: unknown): Promise<ActionResult<SavedRow>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = WorkflowCreateSchema.safeParse(input);
    if (!parsed.success) return invalidValues(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "inventory.edit");
    refuseIfArchived(access);
    const saved = await createWorkflowItem(access.engagementId, { ...user, role: access.role }, parsed.data.values, rid);
    revalidate(access.engagementId);
    return { ok: true, data: saved };
  });
}

export async function updateWorkflowItemAction(input: unknown): Promise<ActionResult<SavedRow>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = WorkflowUpdateSchema.safeParse(input);
    if (!parsed.success) return invalidValues(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "inventory.edit");
    refuseIfArchived(access);
    const saved = await updateWorkflowItem(access.engagementId, { ...user, role: access.role }, parsed.data.id, parsed.data.version, parsed.data.values, rid);
    revalidate(access.engagementId);
    return { ok: true, data: saved };
  });
}

export async function deleteWorkflowItemAction(input: unknown): Promise<ActionResult> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = RowDeleteSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "inventory.edit");
    refuseIfArchived(access);
    await deleteWorkflowItem(access.engagementId, { ...user, role: access.role }, parsed.data.id, parsed.data.version, rid);
    revalidate(access.engagementId);
    return { ok: true, data: undefined };
  });
}
