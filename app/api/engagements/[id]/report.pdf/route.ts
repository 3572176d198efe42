// GET /api/engagements/[id]/report.pdf[?seed=N] – the executive report as a PDF (report.view; audited as report.pdf_download)
import { requireRouteAccess, routeHandler } from "@/lib/route";
import { reportDownloadResponse, reportPdfDownload } from "@/lib/report/downloads";
import { parseSeed } from "@/lib/report/schema";

export const dynamic = "force-dynamic";

export const GET = routeHandler<{ id: string }>(async (request, { params }, requestId) => {
  const { id } = await params;
  const { user, access } = await requireRouteAccess(id, "report.view");
  const seed = parseSeed(new URL(request.url).searchParams.get("seed"));
  return reportDownloadResponse(await reportPdfDownload(access, user, seed, requestId));
});
