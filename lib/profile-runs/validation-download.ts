// The validation-plan download: load the plan (generated, with the consultant's edits), write the workbook, audit the export.
import "server-only";
import type { EngagementAccess } from "@/lib/auth/access";
import type { CurrentUser } from "@/lib/auth/session";
import { CONTENT_TYPES, contentDisposition } from "@/lib/import-export/write";
import { loadValidationPlan } from "@/lib/profile-runs/data";
import { recordValidationPlanExport } from "@/lib/profile-runs/mutations";
import { validationPlanXlsx } from "@/lib/profile-runs/validation-export";

export async function downloadValidationPlan(access: EngagementAccess, user: CurrentUser, requestId: string): Promise<Response> {
  const loaded = await loadValidationPlan(access.engagementId);
  const plan = loaded.plan;
  const e = loaded.engagement;
  const body = await validationPlanXlsx(plan, { clientName: e.clientName, engagementName: e.name, asOf: new Date(), editedBy: loaded.updatedByName });
  await recordValidationPlanExport(access.engagementId, { ...user, role: access.role }, { checks: plan.checks.length, golden: plan.golden.length, rounds: plan.rounds.length }, requestId);
  const slug = e.clientName.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "engagement";
  return new Response(new Uint8Array(body), {
    headers: { "Content-Type": CONTENT_TYPES.xlsx, "Content-Disposition": contentDisposition(`validation-plan-${slug}.xlsx`), "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}
