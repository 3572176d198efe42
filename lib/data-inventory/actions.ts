"use server";
// Data-inventory server actions: requireUser → safeParse → requireEngagementAccess(inventory.edit) → mutation.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { requireUser } from "@/lib/auth/session";
import { requireEngagementAccess } from "@/lib/auth/access";
import { invalid, type ActionResult } from "@/lib/errors";
import { invalidValues, refuseIfArchived, RowDeleteSchema, type SavedRow } from "@/lib/inventories/action-input";
import { DataEntityCreateSchema, DataEntityUpdateSchema } from "@/lib/data-inventory/schema";
import { createDataEntity, deleteDataEntity, updateDataEntity } from "@/lib/data-inventory/mutations";

function revalidate(engagementId: string) {
  revalidatePath(`/engagements/${engagementId}/data`);
  revalidatePath(`/engagements/${engagementId}`);
}

export async function createDataEntityAction(input: unknown): Promise<ActionResult<SavedRow>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = DataEntityCreateSchema.safeParse(input);
    if (!parsed.success) return invalidValues(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "inventory.edit");
    refuseIfArchived(access);
    const saved = await createDataEntity(access.engagementId, { ...user, role: access.role }, parsed.data.values, rid);
    revalidate(access.engagementId);
    return { ok: true, data: saved };
  });
}

export async function updateDataEntityAction(input: unknown): Promise<ActionResult<SavedRow>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = DataEntityUpdateSchema.safeParse(input);
    if (!parsed.success) return invalidValues(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "inventory.edit");
    refuseIfArchived(access);
    const saved = await updateDataEntity(access.engagementId, { ...user, role: access.role }, parsed.data.id, parsed.data.version, parsed.data.values, rid);
    revalidate(access.engagementId);
    return { ok: true, data: saved };
  });
}

export async function deleteDataEntityAction(input: unknown): Promise<ActionResult> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = RowDeleteSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "inventory.edit");
    refuseIfArchived(access);
    await deleteDataEntity(access.engagementId, { ...user, role: access.role }, parsed.data.id, parsed.data.version, rid);
    revalidate(access.engagementId);
    return { ok: true, data: undefined };
  });
}
