"use server";
// Type-decision checklist action: requireUser → safeParse → requireEngagementAccess(assumptions.edit) → mutation (audited).
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { requireUser } from "@/lib/auth/session";
import { requireEngagementAccess } from "@/lib/auth/access";
import type { ActionResult } from "@/lib/errors";
import { invalidValues, refuseIfArchived } from "@/lib/inventories/action-input";
import { TypeDecisionSaveSchema } from "@/lib/type-decision/schema";
import { saveTypeDecisionChecklist } from "@/lib/type-decision/mutations";

export async function saveTypeDecisionChecklistAction(input: unknown): Promise<ActionResult<{ version: number; changed: number }>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = TypeDecisionSaveSchema.safeParse(input);
    if (!parsed.success) return invalidValues(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "assumptions.edit");
    refuseIfArchived(access);
    const result = await saveTypeDecisionChecklist(access.engagementId, { ...user, role: access.role }, parsed.data.version, parsed.data.values, rid);
    revalidatePath(`/engagements/${access.engagementId}/estimate/scenarios`);
    revalidatePath(`/engagements/${access.engagementId}/report`);
    return { ok: true, data: result };
  });
}
