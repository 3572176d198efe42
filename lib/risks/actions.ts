"use server";
// Risk-register server actions (CRUD; needs risks.edit): requireUser → safeParse → requireEngagementAccess(risks.edit) → mutation.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { requireUser } from "@/lib/auth/session";
import { requireEngagementAccess } from "@/lib/auth/access";
import { invalid, type ActionResult } from "@/lib/errors";
import { invalidValues, refuseIfArchived, RowDeleteSchema, type SavedRow } from "@/lib/inventories/action-input";
import { RiskCreateSchema, RiskUpdateSchema } from "@/lib/risks/schema";
import { createRisk, deleteRisk, updateRisk } from "@/lib/risks/mutations";

function revalidate(engagementId: string) {
  revalidatePath(`/engagements/${engagementId}/risks`);
  revalidatePath(`/engagements/${engagementId}`);
}

export async function createRiskAction(input: unknown): Promise<ActionResult<SavedRow>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = RiskCreateSchema.safeParse(input);
    if (!parsed.success) return invalidValues(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "risks.edit");
    refuseIfArchived(access);
    const saved = await createRisk(access.engagementId, { ...user, role: access.role }, parsed.data.values, rid);
    revalidate(access.engagementId);
    return { ok: true, data: saved };
  });
}

export async function updateRiskAction(input: unknown): Promise<ActionResult<SavedRow>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = RiskUpdateSchema.safeParse(input);
    if (!parsed.success) return invalidValues(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "risks.edit");
    refuseIfArchived(access);
    const saved = await updateRisk(access.engagementId, { ...user, role: access.role }, parsed.data.id, parsed.data.version, parsed.data.values, rid);
    revalidate(access.engagementId);
    return { ok: true, data: saved };
  });
}

export async function deleteRiskAction(input: unknown): Promise<ActionResult> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = RowDeleteSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "risks.edit");
    refuseIfArchived(access);
    await deleteRisk(access.engagementId, { ...user, role: access.role }, parsed.data.id, parsed.data.version, rid);
    revalidate(access.engagementId);
    return { ok: true, data: undefined };
  });
}
