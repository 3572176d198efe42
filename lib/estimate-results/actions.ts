"use server";
// "Try again" on a failed estimate: requireUser → safeParse → requireEngagementAccess(estimate.view) →
// forget the recorded failure of the current inputs (lib/estimate-results/mutations.ts) → revalidate. The
// page then computes the estimate again when it is reloaded.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runAction } from "@/lib/action";
import { requireUser } from "@/lib/auth/session";
import { requireEngagementAccess } from "@/lib/auth/access";
import type { ActionResult } from "@/lib/errors";
import { invalidValues } from "@/lib/inventories/action-input";
import { MAX_SEED, PAGE_ITERATIONS } from "@/lib/estimates/schema";
import { forgetFailedEstimates } from "@/lib/estimate-results/mutations";

const RetryEstimateSchema = z.strictObject({
  engagementId: z.string().min(1).max(64),
  seed: z.int("The seed is a whole number").min(0).max(MAX_SEED),
});

export async function retryEstimateAction(input: unknown): Promise<ActionResult<{ forgotten: number }>> {
  return runAction(async () => {
    const user = await requireUser();
    const parsed = RetryEstimateSchema.safeParse(input);
    if (!parsed.success) return invalidValues(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "estimate.view");
    const forgotten = await forgetFailedEstimates(access.engagementId, { seed: parsed.data.seed, iterations: PAGE_ITERATIONS });
    revalidatePath(`/engagements/${access.engagementId}`, "layout");
    return { ok: true, data: { forgotten } };
  });
}
