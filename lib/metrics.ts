// Prometheus metrics of this process (prom-client), served by /metrics (app/metrics/route.ts): request
// durations per route, stored-estimate hits and misses, job queue depth and job durations, plus Node's
// default process metrics. One registry per process, kept on globalThis so dev reloads do not register twice.
// Every instance exposes its own numbers; the scraper sums them (docs/deployment.md).
import "server-only";
import { Counter, Histogram, Registry, collectDefaultMetrics, Gauge } from "prom-client";

type Metrics = {
  registry: Registry;
  requestDuration: Histogram<"route" | "method" | "status">;
  estimateCache: Counter<"result">;
  jobDuration: Histogram<"queue" | "state">;
  queueDepth: Gauge<"queue" | "state">;
};

const g = globalThis as unknown as { __soundingMetrics?: Metrics };

function create(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    requestDuration: new Histogram({
      name: "sounding_http_request_duration_seconds",
      help: "Time to answer a request, by route pattern (ids replaced by :id)",
      labelNames: ["route", "method", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    estimateCache: new Counter({
      name: "sounding_estimate_store_total",
      help: "Stored-estimate lookups: hit (read back), miss (engine ran), shared (joined a running computation), wait (polled another instance's claim)",
      labelNames: ["result"],
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: "sounding_job_duration_seconds",
      help: "Time a background job ran, by queue and outcome",
      labelNames: ["queue", "state"],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers: [registry],
    }),
    queueDepth: new Gauge({
      name: "sounding_job_queue_depth",
      help: "Jobs per queue and state at the last scrape",
      labelNames: ["queue", "state"],
      registers: [registry],
    }),
  };
}

export function metrics(): Metrics {
  g.__soundingMetrics ??= create();
  return g.__soundingMetrics;
}

export function countEstimateCache(result: "hit" | "miss" | "shared" | "wait"): void {
  metrics().estimateCache.inc({ result });
}

/** "/engagements/ck…/estimate" → "/engagements/:id/estimate" (bounded label cardinality). */
export function routePattern(pathname: string): string {
  return (
    pathname
      .split("/")
      .map((part) => (/^(?=.*\d)[a-z0-9_-]{20,}$/i.test(part) || /^[0-9a-f-]{32,36}$/i.test(part) || /^\d+$/.test(part) ? ":id" : part))
      .join("/")
      .slice(0, 120) || "/"
  );
}

/** The route label of a request URL: the path with ids as :id; Next's static files are one label. */
export function routeLabel(url: string): string {
  const pathname = url.split("?")[0] || "/";
  if (pathname.startsWith("/_next/")) return "/_next/*";
  return routePattern(pathname);
}

export function observeRequest(pathname: string, method: string, status: number, seconds: number): void {
  metrics().requestDuration.observe({ route: routePattern(pathname), method, status: String(status) }, seconds);
}

/** A request slower than this is logged (with its request id) even at LOG_LEVEL=info. */
export const SLOW_REQUEST_MS = 1_000;

type RequestLog = { method: string; route: string; status: number; ms: number; requestId: string | null };

/**
 * Time every request this process's HTTP servers answer (called once from instrumentation.ts, before or
 * after Next created its server: the prototype's emit is looked up per event). Each response feeds the
 * request-duration histogram when it finishes, and `log` gets one structured line per request.
 */
export function instrumentHttpServers(serverProto: { emit: (event: string, ...args: unknown[]) => boolean }, log: (entry: RequestLog) => void): void {
  const flag = globalThis as unknown as { __soundingHttpTimed?: boolean };
  if (flag.__soundingHttpTimed) return;
  flag.__soundingHttpTimed = true;
  const original = serverProto.emit;
  serverProto.emit = function emit(this: unknown, event: string, ...args: unknown[]) {
    if (event === "request") {
      const [req, res] = args as [{ url?: string; method?: string }, { statusCode: number; once: (e: string, f: () => void) => void; getHeader: (n: string) => unknown }];
      const t0 = performance.now();
      res.once("finish", () => {
        const ms = performance.now() - t0;
        const route = routeLabel(req.url ?? "/");
        const method = req.method ?? "GET";
        try {
          metrics().requestDuration.observe({ route, method, status: String(res.statusCode) }, ms / 1000);
          const id = res.getHeader("x-request-id");
          log({ method, route, status: res.statusCode, ms: Math.round(ms * 10) / 10, requestId: typeof id === "string" ? id : null });
        } catch {
          /* metrics must never break a response */
        }
      });
    }
    return original.call(this, event, ...args);
  };
}
