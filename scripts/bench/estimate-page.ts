// Benchmark cases for the estimate pages' server work (register them in scripts/bench.ts's BENCH_CASES):
//   estimate page  = the engagement document as loadEngagementDocument builds it from database rows
//                    (registry fromRecord + EngagementDocumentSchema.parse; the SQL round trip itself is
//                    not included — the page shows it as "loading the inputs") + estimate(10k) + the view
//                    for the viewer's role + serialising it (what React sends to the browser);
//   scenarios page = the same for the current type, the two other types and two variants (5 × 10k).
// Run alone: `npx tsx scripts/bench/estimate-page.ts [--runs N]` (also prints the structured-clone cost of
// sending a document to a worker thread and the estimate back).
import { readFileSync } from "node:fs";
import path from "node:path";
import type { BenchCase } from "../bench";
import { AssumptionsSchema, EngagementDocumentSchema, RiskMatrixSchema, type EngagementDocument } from "@/lib/engagement-format/schema";
import { estimate } from "@/lib/estimate";
import { auditPolicyFromRecord, auditPolicyToColumns, INVENTORIES } from "@/lib/inventories/registry";
import { toEstimateView } from "@/lib/estimates/view";
import { applyScenarioChanges, summarizeScenario } from "@/lib/estimates/scenarios";

const FIXTURES = path.resolve(__dirname, "../../tests/fixtures/engagements");

/** The fixture as database rows (what the tables hold), so a run can rebuild the document like the loader. */
function asRecords(file: string) {
  const doc = EngagementDocumentSchema.parse(JSON.parse(readFileSync(path.join(FIXTURES, file), "utf8")));
  const json = <T>(v: T): T => JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? Number(x) : x)));
  return {
    engagement: { ...doc.engagement, plannedStart: new Date(`${doc.engagement.plannedStart}T00:00:00.000Z`) },
    riskMatrix: json(doc.riskMatrix) as unknown,
    assumptions: json(doc.assumptions) as unknown,
    dataEntities: doc.dataEntities.map((r) => ({ ...INVENTORIES.data.toColumns(r) })),
    workflows: doc.workflows.map((r) => INVENTORIES.workflows.toColumns(r)),
    integrations: doc.integrations.map((r) => INVENTORIES.integrations.toColumns(r)),
    reports: doc.reports.map((r) => INVENTORIES.reports.toColumns(r)),
    risks: doc.risks.map((r) => INVENTORIES.risks.toColumns(r)),
    auditTrail: doc.auditTrail ? auditPolicyToColumns(doc.auditTrail) : null,
  };
}
type Records = ReturnType<typeof asRecords>;

/** What lib/engagement-format/data.ts loadEngagementDocument does after its queries. */
function documentFrom(r: Records): EngagementDocument {
  const e = r.engagement;
  return EngagementDocumentSchema.parse({
    format: "sounding.engagement",
    version: 1,
    exportedAt: new Date(0).toISOString(),
    engagement: { ...e, plannedStart: e.plannedStart.toISOString().slice(0, 10) },
    dataEntities: r.dataEntities.map((x) => INVENTORIES.data.fromRecord(x as unknown as Record<string, unknown>)),
    workflows: r.workflows.map((x) => INVENTORIES.workflows.fromRecord(x as unknown as Record<string, unknown>)),
    integrations: r.integrations.map((x) => INVENTORIES.integrations.fromRecord(x as unknown as Record<string, unknown>)),
    reports: r.reports.map((x) => INVENTORIES.reports.fromRecord(x as unknown as Record<string, unknown>)),
    risks: r.risks.map((x) => INVENTORIES.risks.fromRecord(x as unknown as Record<string, unknown>)),
    auditTrail: r.auditTrail ? auditPolicyFromRecord(r.auditTrail as unknown as Record<string, unknown>) : null,
    riskMatrix: RiskMatrixSchema.parse(r.riskMatrix ?? {}),
    assumptions: AssumptionsSchema.parse(r.assumptions ?? {}),
  });
}

const typeA = asRecords("mid-size-type-a.json");
let sink = 0; // keeps results alive so nothing is optimised away

function estimatePage(records: Records, canSeeRates: boolean): number {
  const doc = documentFrom(records);
  const result = estimate(doc, { seed: 1, iterations: 10_000 });
  const view = toEstimateView(result, { canSeeRates });
  sink += JSON.stringify(view).length;
  return result.run.iterations;
}

function scenariosPage(records: Records): number {
  const doc = documentFrom(records);
  const docs = [doc];
  for (const t of ["B", "C"] as const) {
    const r = applyScenarioChanges(doc, { migrationType: t });
    if (r.ok) docs.push(r.doc);
  }
  const variants: Record<string, number | boolean>[] = [{ teamFte: 16 }, { "license.sourceRampsDownPerWave": true }];
  for (const changes of variants) {
    const r = applyScenarioChanges(doc, changes);
    if (r.ok) docs.push(r.doc);
  }
  let iterations = 0;
  for (const d of docs) {
    const e = estimate(d, { seed: 1, iterations: 10_000 });
    sink += JSON.stringify(summarizeScenario(e)).length;
    iterations += e.run.iterations;
  }
  return iterations;
}

export const ESTIMATE_PAGE_BENCH_CASES: BenchCase[] = [
  { name: "estimate page · Type A · lead", run: () => estimatePage(typeA, true), targetMsPer10k: 50 },
  { name: "estimate page · Type A · reviewer", run: () => estimatePage(typeA, false), targetMsPer10k: 50 },
  { name: "scenarios page · Type A · 5 estimates", run: () => scenariosPage(typeA), targetMsPer10k: 50 },
];

// ---- standalone ----
function median(xs: number[]) {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
}

function main() {
  const args = process.argv.slice(2);
  const runs = Number(args[args.indexOf("--runs") + 1]) || 15;
  console.log(`node ${process.version} · ${runs} runs after 3 warm-up runs · ms per run (wall / this process's CPU)`);
  for (const c of ESTIMATE_PAGE_BENCH_CASES) {
    for (let i = 0; i < 3; i++) c.run();
    const wall: number[] = [];
    const cpu: number[] = [];
    let iterations = 0;
    for (let i = 0; i < runs; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      iterations = c.run();
      wall.push(performance.now() - t0);
      const d = process.cpuUsage(c0);
      cpu.push((d.user + d.system) / 1000);
    }
    const per10k = (Math.min(median(wall), median(cpu)) * 10_000) / iterations;
    console.log(`${c.name.padEnd(40)} wall p50 ${median(wall).toFixed(1).padStart(7)}  min ${Math.min(...wall).toFixed(1).padStart(7)}  cpu p50 ${median(cpu).toFixed(1).padStart(7)}  ms/10k ${per10k.toFixed(1).padStart(6)}  < ${c.targetMsPer10k} ${per10k < c.targetMsPer10k ? "ok" : "MISSED"}`);
  }
  // what a worker thread adds: the document goes in and the estimate comes back by structured clone
  const doc = documentFrom(typeA);
  const result = estimate(doc, { seed: 1, iterations: 10_000 });
  const clone: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    const t0 = performance.now();
    sink += JSON.stringify(structuredClone(doc)).length > 0 ? 1 : 0;
    sink += structuredClone(result).run.iterations;
    clone.push(performance.now() - t0);
  }
  console.log(`${"worker transfer (clone doc + estimate)".padEnd(40)} wall p50 ${median(clone.slice(3)).toFixed(1).padStart(7)}`);
  if (sink < 0) console.log(sink);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) main();
