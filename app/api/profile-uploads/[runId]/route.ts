// POST /api/profile-uploads/[runId] – the file of a profile run, streamed through lib/profiler and dropped
// (issue 10). Outside /api/engagements on purpose: proxy.ts does not run here (its matcher excludes this
// path), so Next does not clone and buffer the body in memory for the proxy; the route checks everything
// itself: signed in, same origin, member with profile.run on the run's engagement, the run's own upload.
import { requireEngagementAccess } from "@/lib/auth/access";
import { jsonError, requireRouteUser, requireSameOrigin, routeHandler } from "@/lib/route";
import { findProfileRunEngagementId } from "@/lib/profile-runs/data";
import { profileRunUpload } from "@/lib/profile-runs/runner";

export const dynamic = "force-dynamic";

export const POST = routeHandler<{ runId: string }>(async (request, { params }, requestId) => {
  const { runId } = await params;
  const user = await requireRouteUser();
  requireSameOrigin(request);
  const engagementId = await findProfileRunEngagementId(runId);
  if (!engagementId) return jsonError("NOT_FOUND");
  const access = await requireEngagementAccess(user.id, engagementId, "profile.run");
  if (access.isArchived) return jsonError("CONFLICT", "This engagement is archived. Restore it in Settings before profiling.");
  if (!request.body) return jsonError("INVALID", "The request has no file.");
  const length = Number(request.headers.get("content-length") ?? "");
  const outcome = await profileRunUpload({
    engagementId: access.engagementId,
    runId,
    actor: { ...user, role: access.role },
    requestId,
    body: request.body as unknown as AsyncIterable<Uint8Array>,
    totalBytes: Number.isFinite(length) && length > 0 ? length : null,
    clientSignal: request.signal,
  });
  if (outcome.status === "done") return Response.json({ ok: true, status: "done" }, { headers: { "Cache-Control": "no-store" } });
  return Response.json({ ok: false, status: outcome.status, message: outcome.error }, { status: outcome.status === "failed" ? 422 : 409, headers: { "Cache-Control": "no-store" } });
});
