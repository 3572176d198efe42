// /metrics: who may read it (lib/metrics-access.ts), the bounded route labels, and the request timing
// hook of instrumentation.ts on a real HTTP server.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { mayReadMetrics } from "@/lib/metrics-access";
import { instrumentHttpServers, metrics, routeLabel } from "@/lib/metrics";

const h = (o: Record<string, string>) => new Headers(o);
const PEER = "x-sounding-peer-0123456789abcdef";
const TOKEN = "s3cret-token-of-32-characters-xx";

describe("mayReadMetrics", () => {
  it("with a token: exactly that bearer token, from anywhere", () => {
    const cfg = { token: TOKEN, peerHeader: PEER };
    expect(mayReadMetrics(h({ authorization: `Bearer ${TOKEN}`, [PEER]: "203.0.113.9" }), cfg)).toBe(true);
    expect(mayReadMetrics(h({ authorization: `bearer   ${TOKEN}` }), cfg)).toBe(true);
    expect(mayReadMetrics(h({ authorization: `Bearer ${TOKEN}x` }), cfg)).toBe(false);
    expect(mayReadMetrics(h({ authorization: TOKEN }), cfg)).toBe(false);
    // a token is set: loopback alone is not enough
    expect(mayReadMetrics(h({ [PEER]: "127.0.0.1" }), cfg)).toBe(false);
  });

  it("without a token: only a loopback peer with no forwarding proxy in between", () => {
    const cfg = { token: undefined, peerHeader: PEER };
    expect(mayReadMetrics(h({ [PEER]: "127.0.0.1" }), cfg)).toBe(true);
    expect(mayReadMetrics(h({ [PEER]: "::1" }), cfg)).toBe(true);
    expect(mayReadMetrics(h({ [PEER]: "::ffff:127.0.0.1" }), cfg)).toBe(true);
    expect(mayReadMetrics(h({ [PEER]: "10.0.0.5" }), cfg)).toBe(false);
    // Next.js fills X-Forwarded-For with the peer address when the client sent none
    expect(mayReadMetrics(h({ [PEER]: "127.0.0.1", "x-forwarded-for": "127.0.0.1" }), cfg)).toBe(true);
    expect(mayReadMetrics(h({ [PEER]: "::1", "x-forwarded-for": "::1" }), cfg)).toBe(true);
    // a reverse proxy on this machine: the peer is loopback, but it names the real client
    expect(mayReadMetrics(h({ [PEER]: "127.0.0.1", "x-forwarded-for": "198.51.100.7" }), cfg)).toBe(false);
    expect(mayReadMetrics(h({ [PEER]: "127.0.0.1", "x-forwarded-for": "127.0.0.1, 198.51.100.7" }), cfg)).toBe(false);
    expect(mayReadMetrics(h({ [PEER]: "127.0.0.1", "x-forwarded-for": "not-an-ip" }), cfg)).toBe(false);
    expect(mayReadMetrics(h({}), cfg)).toBe(false);
  });

  it("without a token and without the peer header (bare `next start`): nobody — a forged X-Forwarded-For cannot pose as loopback", () => {
    const cfg = { token: undefined, peerHeader: undefined };
    expect(mayReadMetrics(h({ "x-forwarded-for": "127.0.0.1" }), cfg)).toBe(false);
    expect(mayReadMetrics(h({ [PEER]: "127.0.0.1" }), cfg)).toBe(false);
  });
});

describe("routeLabel", () => {
  it.each([
    ["/engagements/cmxdl8clq000f3n7dx95cnlqx/data?page=2", "/engagements/:id/data"],
    ["/engagements/cmxdl8clq000f3n7dx95cnlqx/estimate/scenarios", "/engagements/:id/estimate/scenarios"],
    ["/share/Zk3_q9-aB4cD5eF6gH7iJ8kL", "/share/:id"],
    ["/api/jobs/0b1c2d3e-4f50-4a1b-8c2d-3e4f5a6b7c8d", "/api/jobs/:id"],
    ["/_next/static/chunks/0a1b2c.js", "/_next/*"],
    ["/engagements/cmxdl8clq000f3n7dx95cnlqx/workflows/sign-off", "/engagements/:id/workflows/sign-off"],
    ["/", "/"],
  ])("%s → %s", (url, label) => {
    expect(routeLabel(url)).toBe(label);
  });
});

describe("instrumentHttpServers", () => {
  it("observes each finished response by route and logs it with its request id", async () => {
    const logged: { route: string; status: number; requestId: string | null }[] = [];
    instrumentHttpServers(http.Server.prototype as never, (r) => logged.push(r));
    const server = http.createServer((req, res) => {
      res.setHeader("x-request-id", "req-123");
      res.statusCode = req.url?.startsWith("/missing") ? 404 : 200;
      res.end("ok");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    try {
      for (const path of ["/engagements/cmxdl8clq000f3n7dx95cnlqx/data", "/engagements/cmxdl8clq000f3n7dx95cnlqx/data?x=1", "/missing"]) {
        await (await fetch(`http://127.0.0.1:${port}${path}`)).text();
      }
      await new Promise((r) => setTimeout(r, 20));
    } finally {
      server.close();
    }
    expect(logged.map((l) => [l.route, l.status, l.requestId])).toEqual([
      ["/engagements/:id/data", 200, "req-123"],
      ["/engagements/:id/data", 200, "req-123"],
      ["/missing", 404, "req-123"],
    ]);
    const text = await metrics().registry.getSingleMetricAsString("sounding_http_request_duration_seconds");
    expect(text).toMatch(/sounding_http_request_duration_seconds_count\{route="\/engagements\/:id\/data",method="GET",status="200"\} 2/);
    expect(text).toMatch(/sounding_http_request_duration_seconds_count\{route="\/missing",method="GET",status="404"\} 1/);
  });
});
