"use server";
// Baseline server action: requireUser → safeParse → requireEngagementAccess(baseline.create) →
// compute the current estimate (the seed given, the page's iterations) → insert the snapshot.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { requireUser } from "@/lib/auth/session";
import { requireEngagementAccess } from "@/lib/auth/access";
import type { ActionResult } from "@/lib/errors";
import { invalidValues } from "@/lib/inventories/action-input";
import { BaselineCreateSchema } from "@/lib/estimates/schema";
import { computeEngagementEstimate } from "@/lib/estimates/data";
import { createBaseline } from "@/lib/estimates/mutations";

export async function createBaselineAction(input: unknown): Promise<ActionResult<{ id: string; name: string }>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = BaselineCreateSchema.safeParse(input);
    if (!parsed.success) return invalidValues(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "baseline.create");
    // the snapshot is what the server computes now, never numbers sent by the browser
    const { document, estimate } = await computeEngagementEstimate(access.engagementId, { seed: parsed.data.values.seed });
    const created = await createBaseline(access.engagementId, { ...user, role: access.role }, { name: parsed.data.values.name, document, estimate }, rid);
    revalidatePath(`/engagements/${access.engagementId}/estimate`, "layout");
    return { ok: true, data: created };
  });
}
