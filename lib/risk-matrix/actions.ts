"use server";
// Risk matrix server action: requireUser → safeParse → requireEngagementAccess(risks.edit) → mutation.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { requireUser } from "@/lib/auth/session";
import { requireEngagementAccess } from "@/lib/auth/access";
import { invalid, type ActionResult } from "@/lib/errors";
import { RiskMatrixUpdateSchema, matrixFromForm } from "@/lib/risk-matrix/schema";
import { updateRiskMatrix } from "@/lib/risk-matrix/mutations";

export async function updateRiskMatrixAction(input: unknown): Promise<ActionResult<{ version: number; clamped: number }>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = RiskMatrixUpdateSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "risks.edit");
    const result = await updateRiskMatrix(
      access.engagementId,
      { ...user, role: access.role },
      parsed.data.version,
      matrixFromForm(parsed.data.values),
      { clampOutOfRange: parsed.data.clampOutOfRange },
      rid,
    );
    revalidatePath(`/engagements/${access.engagementId}`, "layout");
    return { ok: true, data: result };
  });
}
