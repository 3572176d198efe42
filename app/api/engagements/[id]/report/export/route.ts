// GET /api/engagements/[id]/report/export?format=csv|xlsx&part=costs|phases[&seed=N] – the report's cost lines or phase plan (report.view; audited as report.export)
import { jsonError, requireRouteAccess, routeHandler } from "@/lib/route";
import { reportDownloadResponse, reportTableDownload } from "@/lib/report/downloads";
import { parseSeed, ReportExportQuerySchema } from "@/lib/report/schema";

export const dynamic = "force-dynamic";

export const GET = routeHandler<{ id: string }>(async (request, { params }, requestId) => {
  const { id } = await params;
  const { user, access } = await requireRouteAccess(id, "report.view");
  const q = new URL(request.url).searchParams;
  const parsed = ReportExportQuerySchema.safeParse({ format: q.get("format") ?? undefined, part: q.get("part") ?? undefined });
  if (!parsed.success) return jsonError("INVALID", parsed.error.issues.map((i) => i.message).join("; "));
  return reportDownloadResponse(await reportTableDownload(access, user, parsed.data.part, parsed.data.format, parseSeed(q.get("seed")), requestId));
});
