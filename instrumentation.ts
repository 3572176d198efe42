// Runs once when a Next.js server process starts (not during `next build`):
//   - request timing for /metrics and one structured log line per request (lib/metrics.ts): every
//     request at LOG_LEVEL=debug, else the slow (≥ 1 s) and failed (5xx) ones, with their request id;
//   - the background job workers of this instance (lib/jobs; off with JOB_WORKERS_IN_APP=off when
//     workers run in `npm run worker`).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const http = await import("node:http");
    const { instrumentHttpServers, SLOW_REQUEST_MS } = await import("@/lib/metrics");
    const { env } = await import("@/lib/env");
    const { logDebug, logWarn } = await import("@/lib/log");
    const debug = env().LOG_LEVEL === "debug";
    instrumentHttpServers(http.Server.prototype as never, (r) => {
      if (r.status >= 500) logWarn("request failed", r);
      else if (r.ms >= SLOW_REQUEST_MS) logWarn("slow request", r);
      else if (debug) logDebug("request", r);
    });
    const { startInAppJobWorkers } = await import("@/lib/jobs/worker");
    startInAppJobWorkers();
  }
}
