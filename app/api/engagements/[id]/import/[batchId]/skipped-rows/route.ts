// GET /api/engagements/[id]/import/[batchId]/skipped-rows – the rows of an import's dry run that have errors, as
// CSV with the original columns and an "Import error" column, to fix and import again (audited)
import { jsonError, requireRouteAccess, routeHandler } from "@/lib/route";
import { downloadResponse, importSkippedRows } from "@/lib/import-export/exports";

export const GET = routeHandler<{ id: string; batchId: string }>(async (_request, { params }, requestId) => {
  const { id, batchId } = await params;
  const { user, access } = await requireRouteAccess(id, "data.import");
  const download = await importSkippedRows(access, user, batchId, requestId);
  return download ? downloadResponse(download) : jsonError("NOT_FOUND");
});
