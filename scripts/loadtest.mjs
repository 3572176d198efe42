#!/usr/bin/env node
// `npm run loadtest` — closed-loop load test of the key pages (autocannon) against a running app
// (`npm start`, or --url), signed in as the demo lead, on the demo engagement and the large one
// (`npm run seed:large`). For 1, 5 and 20 concurrent connections it prints p50/p95/p99 latency,
// requests/s and errors of each page, and each p50 as a ratio to /robots.txt measured in the same run
// (the machine may be shared: ratios travel, absolute numbers do not). It also measures a
// "neighbour": one user on the demo engagement's data page while 20 load the large estimate.
//
//   npm run loadtest -- [--url http://localhost:3000] [--duration 8] [--connections 1,5,20]
//                       [--pages robots,data,workflows,overview,estimate,scenarios,report,pdf,csv]
//                       [--engagements demo,large] [--out loadtest.md]
//   npm run loadtest -- --weight [--pages estimate,report] [--engagements demo,large]
//     no load: the bytes each page sends — its HTML document and its RSC payload (what a client-side
//     navigation fetches), raw and gzipped — to measure the payload, not the time.
// Engagement ids come from the database (DATABASE_URL, or the running embedded PostgreSQL).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import zlib from "node:zlib";
import pg from "pg";
import { ROOT, UserError, main } from "./lib/common.mjs";
import { withDatabase } from "./lib/database.mjs";

const LARGE_NAME = "Large engagement (npm run seed:large)";
const DEMO_LEAD = "dana.lead@sounding.demo";
const PAGES = {
  robots: () => "/robots.txt",
  data: (id) => `/engagements/${id}/data`,
  workflows: (id) => `/engagements/${id}/workflows`,
  overview: (id) => `/engagements/${id}`,
  estimate: (id) => `/engagements/${id}/estimate`,
  scenarios: (id) => `/engagements/${id}/estimate/scenarios`,
  report: (id) => `/engagements/${id}/report`,
  pdf: (id) => `/api/engagements/${id}/report.pdf`,
  csv: (id) => `/api/engagements/${id}/report/export?format=csv&part=costs`,
};

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && process.argv[i + 1]) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  return eq ? eq.slice(name.length + 3) : fallback;
}

function cookieJar() {
  const jar = new Map();
  return {
    take(res) {
      for (const c of res.headers.getSetCookie?.() ?? []) {
        const [pair] = c.split(";");
        const eq = pair.indexOf("=");
        jar.set(pair.slice(0, eq), pair.slice(eq + 1));
      }
    },
    header: () => [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
  };
}

async function signIn(base, email, password) {
  const jar = cookieJar();
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  jar.take(csrfRes);
  const { csrfToken } = await csrfRes.json();
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/engagements`, json: "true" }),
  });
  jar.take(res);
  if (!/session-token=/.test(jar.header())) throw new UserError(`could not sign in as ${email} at ${base} (HTTP ${res.status}); is the demo seeded?`);
  return jar.header();
}

async function engagementIds(names) {
  return withDatabase(async (url) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      // the demo lead's (e2e runs on the same database create more engagements with the fixture's name)
      const { rows } = await client.query(
        `SELECT e."id", e."name" FROM "Engagement" e
          WHERE e."name" = ANY($1::text[])
            AND EXISTS (SELECT 1 FROM "Membership" m JOIN "User" u ON u."id" = m."userId" WHERE m."engagementId" = e."id" AND u."email" = $2)
          ORDER BY e."createdAt" DESC`,
        [Object.values(names), DEMO_LEAD],
      );
      const out = {};
      for (const [key, name] of Object.entries(names)) out[key] = rows.find((r) => r.name === name)?.id ?? null;
      return out;
    } finally {
      await client.end();
    }
  }, { owner: "loadtest" });
}

const pct = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

function runOne({ url, cookie, connections, duration }) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    const statuses = {};
    const inst = autocannon({ url, connections, duration, headers: { cookie }, timeout: 60 }, (err, result) => {
      if (err) return reject(err);
      latencies.sort((a, b) => a - b);
      resolve({
        requests: latencies.length,
        rps: result.requests.average,
        p50: pct(latencies, 50),
        p95: pct(latencies, 95),
        p99: pct(latencies, 99),
        errors: result.errors + result.timeouts + result.non2xx,
        statuses,
        bytes: result.throughput.total / Math.max(1, latencies.length),
      });
    });
    inst.on("response", (_client, status, _bytes, ms) => {
      latencies.push(ms);
      statuses[status] = (statuses[status] ?? 0) + 1;
    });
  });
}

const fmtMs = (v) => (Number.isNaN(v) ? "—" : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`);

main("loadtest", async () => {
  const base = arg("url", "http://localhost:3000").replace(/\/$/, "");
  const duration = Number(arg("duration", "8"));
  const levels = arg("connections", "1,5,20").split(",").map(Number);
  const pages = arg("pages", Object.keys(PAGES).join(",")).split(",");
  const which = arg("engagements", "demo,large").split(",");
  for (const p of pages) if (!PAGES[p]) throw new UserError(`unknown page ${p} (known: ${Object.keys(PAGES).join(", ")})`);

  const demoName = JSON.parse(fs.readFileSync(path.join(ROOT, "tests/fixtures/engagements/mid-size-type-a.json"), "utf8")).engagement.name;
  const ids = await engagementIds({ demo: demoName, large: LARGE_NAME });
  for (const w of which) if (!ids[w]) throw new UserError(w === "large" ? "no large engagement: run `npm run seed:large` first" : "no demo engagement: run `npm run db:seed` first");
  const cookie = await signIn(base, DEMO_LEAD, "sounding-demo-2026");

  if (process.argv.includes("--weight")) {
    const lines = [`Page weight ${new Date().toISOString()} — ${base}`, "", "| page | engagement | HTML bytes | HTML gzip | RSC bytes | RSC gzip |", "|---|---|---|---|---|---|"];
    for (const p of pages.filter((x) => x !== "robots")) {
      for (const w of which) {
        const url = base + PAGES[p](ids[w]);
        const sizes = [];
        for (const headers of [{ cookie }, { cookie, rsc: "1" }]) {
          await (await fetch(url, { headers })).arrayBuffer(); // the first request may compute the estimate
          const res = await fetch(url, { headers });
          const body = Buffer.from(await res.arrayBuffer());
          if (!res.ok) throw new UserError(`${p} (${w}) answered HTTP ${res.status}`);
          sizes.push(body.length, zlib.gzipSync(body).length);
        }
        lines.push(`| ${p} | ${w} | ${sizes.map((n) => n.toLocaleString("en-US")).join(" | ")} |`);
      }
    }
    const text = lines.join("\n");
    console.log(text);
    const out = arg("out", null);
    if (out) fs.writeFileSync(out, `${text}\n`);
    return;
  }

  const load0 = os.loadavg();
  console.error(`loadtest: ${base}, ${duration} s per case, connections ${levels.join("/")}; ${os.cpus().length} cores, load average ${load0.map((l) => l.toFixed(1)).join(" ")}`);
  // warm every URL once (first compilation of a route, first estimate of an input)
  const targets = [];
  for (const p of pages) {
    if (p === "robots") targets.push({ page: p, eng: "—", url: base + PAGES.robots() });
    else for (const w of which) targets.push({ page: p, eng: w, url: base + PAGES[p](ids[w]) });
  }
  for (const t of targets) {
    const r = await fetch(t.url, { headers: { cookie } });
    await r.arrayBuffer();
    if (!r.ok) console.error(`  warm-up: ${t.page} (${t.eng}) answered HTTP ${r.status}`);
  }

  const rows = [];
  for (const connections of levels) {
    let robotsP50 = NaN;
    for (const t of targets) {
      const r = await runOne({ url: t.url, cookie, connections, duration });
      if (t.page === "robots") robotsP50 = r.p50;
      rows.push({ ...t, connections, ...r, ratio: r.p50 / robotsP50 });
      console.error(`  c=${connections} ${t.page} (${t.eng}): p50 ${fmtMs(r.p50)} p95 ${fmtMs(r.p95)} p99 ${fmtMs(r.p99)}, ${r.rps.toFixed(1)} req/s, ${r.errors} errors`);
    }
  }

  // the neighbour: one user on another engagement's data page, idle and while 20 load the large estimate
  let neighbour = null;
  if (ids.large && ids.demo) {
    const quiet = await runOne({ url: base + PAGES.data(ids.demo), cookie, connections: 1, duration });
    const [busy] = await Promise.all([
      runOne({ url: base + PAGES.data(ids.demo), cookie, connections: 1, duration }),
      runOne({ url: base + PAGES.estimate(ids.large), cookie, connections: 20, duration }),
    ]);
    neighbour = { quiet, busy };
  }

  const load1 = os.loadavg();
  const lines = [
    `Load test ${new Date().toISOString()} — ${base}; ${duration} s per case, closed loop; ${os.cpus().length} cores; load average before ${load0[0].toFixed(1)}, after ${load1[0].toFixed(1)} (shared machine: compare ratios).`,
    "",
    "| page | engagement | conns | p50 | p95 | p99 | req/s | errors | p50 ÷ robots p50 | bytes/resp |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...rows.map((r) => `| ${r.page} | ${r.eng} | ${r.connections} | ${fmtMs(r.p50)} | ${fmtMs(r.p95)} | ${fmtMs(r.p99)} | ${r.rps.toFixed(1)} | ${r.errors}${r.errors ? ` (${Object.entries(r.statuses).filter(([s]) => !s.startsWith("2")).map(([s, n]) => `${n}×${s}`).join(", ")})` : ""} | ${r.page === "robots" ? "1" : r.ratio.toFixed(1)} | ${Math.round(r.bytes).toLocaleString("en-US")} |`),
  ];
  if (neighbour) {
    lines.push("", `Neighbour: the demo data page, 1 user — idle p50 ${fmtMs(neighbour.quiet.p50)} (p95 ${fmtMs(neighbour.quiet.p95)}); while 20 load the large estimate p50 ${fmtMs(neighbour.busy.p50)} (p95 ${fmtMs(neighbour.busy.p95)}): ×${(neighbour.busy.p50 / neighbour.quiet.p50).toFixed(1)}.`);
  }
  const text = lines.join("\n");
  console.log(text);
  const out = arg("out", null);
  if (out) fs.writeFileSync(out, `${text}\n`);
});
