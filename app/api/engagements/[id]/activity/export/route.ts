// GET /api/engagements/[id]/activity/export?person=&kind=&from=&to= – the filtered activity log as CSV (audit.view; audited as export.activity)
import { jsonError, requireRouteAccess, routeHandler } from "@/lib/route";
import { activityCsvDownload } from "@/lib/audit/export";
import { parseActivityFilter } from "@/lib/audit/schema";
import { reportDownloadResponse } from "@/lib/report/downloads";

export const dynamic = "force-dynamic";

export const GET = routeHandler<{ id: string }>(async (request, { params }, requestId) => {
  const { id } = await params;
  const { user, access } = await requireRouteAccess(id, "audit.view");
  const q = new URL(request.url).searchParams;
  const { filter, errors } = parseActivityFilter(Object.fromEntries(q.entries()));
  if (errors.length) return jsonError("INVALID", errors.join("; "));
  return reportDownloadResponse(await activityCsvDownload(access, user, filter, requestId));
});
