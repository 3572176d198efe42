"use server";
// Assumptions server action: requireUser → safeParse → requireEngagementAccess(assumptions.edit) → mutation.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { requireUser } from "@/lib/auth/session";
import { requireEngagementAccess } from "@/lib/auth/access";
import { defaultMessage, type ActionResult } from "@/lib/errors";
import { AssumptionsSchema } from "@/lib/engagement-format/schema";
import { invalidValues } from "@/lib/inventories/action-input";
import { AssumptionsSaveSchema } from "@/lib/assumptions/schema";
import { saveAssumptions } from "@/lib/assumptions/mutations";

export async function saveAssumptionsAction(input: unknown): Promise<ActionResult<{ version: number; changed: number }>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = AssumptionsSaveSchema.safeParse(input);
    if (!parsed.success) return invalidValues(parsed.error);
    // the form schema already holds the contract's bounds; the contract has the last word
    const contract = AssumptionsSchema.safeParse(parsed.data.values);
    if (!contract.success) return { ok: false, code: "INVALID", message: defaultMessage("INVALID"), fieldErrors: { _form: contract.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) } };
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "assumptions.edit");
    const result = await saveAssumptions(access.engagementId, { ...user, role: access.role }, parsed.data.version, contract.data, rid);
    // the estimate, scenarios and report are computed from these: refresh every engagement page
    revalidatePath(`/engagements/${access.engagementId}`, "layout");
    return { ok: true, data: result };
  });
}
