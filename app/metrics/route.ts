// GET /metrics – this instance's Prometheus metrics (lib/metrics.ts): request durations per route,
// stored-estimate hits/misses, job queue depth and job durations, Node process metrics. Readable with
// the METRICS_TOKEN bearer token, or from this machine when no token is set (lib/metrics-access.ts);
// anyone else gets 404.
import { env } from "@/lib/env";
import { queueDepths } from "@/lib/jobs";
import { logError } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import { mayReadMetrics } from "@/lib/metrics-access";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const e = env();
  if (!mayReadMetrics(request.headers, { token: e.METRICS_TOKEN, peerHeader: e.SOUNDING_PEER_HEADER })) {
    return new Response("Not found.\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  }
  const m = metrics();
  try {
    const depths = await queueDepths();
    m.queueDepth.reset();
    for (const d of depths) m.queueDepth.set({ queue: d.queue, state: d.state }, d.count);
  } catch (err) {
    // the numbers of this process are still worth serving when the queue cannot be read
    logError("reading the job queue depth for /metrics failed", err);
  }
  return new Response(await m.registry.metrics(), { headers: { "content-type": m.registry.contentType, "cache-control": "no-store" } });
}
