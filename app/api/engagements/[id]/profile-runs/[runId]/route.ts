// GET /api/engagements/[id]/profile-runs/[runId] – a profile run's status and progress (polled by its page).
import { jsonError, requireRouteAccess, routeHandler } from "@/lib/route";
import { findProfileRunProgress } from "@/lib/profile-runs/data";

export const dynamic = "force-dynamic";

export const GET = routeHandler<{ id: string; runId: string }>(async (_request, { params }) => {
  const { id, runId } = await params;
  const { access } = await requireRouteAccess(id, "inventory.view");
  const progress = await findProfileRunProgress(access.engagementId, runId);
  if (!progress) return jsonError("NOT_FOUND");
  return Response.json(progress, { headers: { "Cache-Control": "no-store" } });
});
