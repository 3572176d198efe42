"use server";
// Integration-inventory server actions: requireUser → safeParse → requireEngagementAccess(inventory.edit) → mutation.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { requireUser } from "@/lib/auth/session";
import { requireEngagementAccess } from "@/lib/auth/access";
import { invalid, type ActionResult } from "@/lib/errors";
import { invalidValues, refuseIfArchived, RowDeleteSchema, type SavedRow } from "@/lib/inventories/action-input";
import { IntegrationCreateSchema, IntegrationUpdateSchema } from "@/lib/integrations/schema";
import { createIntegration, deleteIntegration, updateIntegration } from "@/lib/integrations/mutations";

function revalidate(engagementId: string) {
  revalidatePath(`/engagements/${engagementId}/integrations`);
  revalidatePath(`/engagements/${engagementId}`);
}

export async function createIntegrationAction(input: unknown): Promise<ActionResult<SavedRow>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = IntegrationCreateSchema.safeParse(input);
    if (!parsed.success) return invalidValues(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "inventory.edit");
    refuseIfArchived(access);
    const saved = await createIntegration(access.engagementId, { ...user, role: access.role }, parsed.data.values, rid);
    revalidate(access.engagementId);
    return { ok: true, data: saved };
  });
}

export async function updateIntegrationAction(input: unknown): Promise<ActionResult<SavedRow>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = IntegrationUpdateSchema.safeParse(input);
    if (!parsed.success) return invalidValues(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "inventory.edit");
    refuseIfArchived(access);
    const saved = await updateIntegration(access.engagementId, { ...user, role: access.role }, parsed.data.id, parsed.data.version, parsed.data.values, rid);
    revalidate(access.engagementId);
    return { ok: true, data: saved };
  });
}

export async function deleteIntegrationAction(input: unknown): Promise<ActionResult> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = RowDeleteSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "inventory.edit");
    refuseIfArchived(access);
    await deleteIntegration(access.engagementId, { ...user, role: access.role }, parsed.data.id, parsed.data.version, rid);
    revalidate(access.engagementId);
    return { ok: true, data: undefined };
  });
}
