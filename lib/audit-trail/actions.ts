"use server";
// Audit-trail policy server action: requireUser → safeParse → requireEngagementAccess(inventory.edit) → upsert.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { requireUser } from "@/lib/auth/session";
import { requireEngagementAccess } from "@/lib/auth/access";
import type { ActionResult } from "@/lib/errors";
import { invalidValues, refuseIfArchived } from "@/lib/inventories/action-input";
import { AuditTrailSaveSchema } from "@/lib/audit-trail/schema";
import { saveAuditTrailPolicy } from "@/lib/audit-trail/mutations";

export async function saveAuditTrailPolicyAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = AuditTrailSaveSchema.safeParse(input);
    if (!parsed.success) return invalidValues(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "inventory.edit");
    refuseIfArchived(access);
    const saved = await saveAuditTrailPolicy(access.engagementId, { ...user, role: access.role }, parsed.data.version, parsed.data.values, rid);
    revalidatePath(`/engagements/${access.engagementId}/audit-trail`);
    revalidatePath(`/engagements/${access.engagementId}`);
    return { ok: true, data: saved };
  });
}
