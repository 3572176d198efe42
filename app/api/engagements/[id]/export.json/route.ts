// GET /api/engagements/[id]/export.json – the whole engagement as a "sounding.engagement" v1 document (docs/engagement-format.md; audited as export.engagement)
import { requireRouteAccess, routeHandler } from "@/lib/route";
import { downloadResponse, exportEngagementJson } from "@/lib/import-export/exports";

export const GET = routeHandler<{ id: string }>(async (_request, { params }, requestId) => {
  const { id } = await params;
  const { user, access } = await requireRouteAccess(id, "data.export");
  return downloadResponse(await exportEngagementJson(access, user, requestId));
});
