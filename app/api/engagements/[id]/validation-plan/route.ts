// GET /api/engagements/[id]/validation-plan – the validation plan (reconciliation checks, golden patients, mock rounds) as XLSX (audited as export.validation_plan)
import { requireRouteAccess, routeHandler } from "@/lib/route";
import { downloadValidationPlan } from "@/lib/profile-runs/validation-download";

export const dynamic = "force-dynamic";

export const GET = routeHandler<{ id: string }>(async (_request, { params }, requestId) => {
  const { id } = await params;
  const { user, access } = await requireRouteAccess(id, "data.export");
  return downloadValidationPlan(access, user, requestId);
});
