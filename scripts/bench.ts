// npm run bench — engine timings (ESTIMATION.md performance target: 10k iterations of a mid-size
// engagement well under 100 ms on one core; we hold ourselves to < 50 ms engine time).
// Cases are a named registry: add an entry to BENCH_CASES to benchmark something else.
import { readFileSync } from "node:fs";
import path from "node:path";
import { EngagementDocumentSchema, type EngagementDocument } from "@/lib/engagement-format/schema";
import { estimate } from "@/lib/estimate";
import { ESTIMATE_PAGE_BENCH_CASES } from "./bench/estimate-page";

export interface BenchCase {
  name: string;
  /** what one run does; returns the number of iterations it simulated */
  run: () => number;
  /** target milliseconds per 10k iterations (engine time) */
  targetMsPer10k: number;
}

const FIXTURES = path.resolve(__dirname, "../tests/fixtures/engagements");
function loadFixture(file: string): EngagementDocument {
  return EngagementDocumentSchema.parse(JSON.parse(readFileSync(path.join(FIXTURES, file), "utf8")));
}

const typeA = loadFixture("mid-size-type-a.json");
const typeB = loadFixture("mid-size-type-b.json");
// the largest reference scenario (420 providers, 124 interfaces, 12 waves on 4 tracks) and a trivial case
// (no inventory at all) — the ratio between them is the claim, measured in the same run
const largeA = loadFixture("large-type-a.json");
const trivial = EngagementDocumentSchema.parse({
  format: "sounding.engagement",
  version: 1,
  engagement: { clientName: "Trivial", name: "Empty", migrationType: "A", sourceSystem: "", destinationSystem: "", plannedStart: "2027-01-04", profile: { providers: 1, locations: 1, specialties: 1, staffUsers: 5, activePatients: 100, yearsOfData: 1 } },
  assumptions: { constants: { "risk.useDefaultLibraryWhenEmpty": 0 } },
});

// worst valid extremes (docs/estimation.md "Time budget"): the per-iteration work grows with the open risks
// (each is drawn every iteration) and the entered waves (each placed on a track every iteration)
const manyRisks: EngagementDocument = { ...typeA, risks: Array.from({ length: 500 }, (_, i) => ({ ...typeA.risks[0]!, title: `Risk ${i + 1}`, scope: "per_wave" as const })) };
const manyWaves: EngagementDocument = { ...typeA, assumptions: { ...typeA.assumptions, waves: Array.from({ length: 52 }, (_, i) => ({ name: `Wave ${i + 1}`, cohort: "", providers: 2, users: 10, goLiveDate: null })) } };

export const BENCH_CASES: BenchCase[] = [
  { name: "estimate · mid-size Type A · 10k", run: () => estimate(typeA, { iterations: 10_000 }).run.iterations, targetMsPer10k: 50 },
  { name: "estimate · mid-size Type B · 10k", run: () => estimate(typeB, { iterations: 10_000 }).run.iterations, targetMsPer10k: 50 },
  { name: "estimate · largest reference (large Type A) · 10k", run: () => estimate(largeA, { iterations: 10_000 }).run.iterations, targetMsPer10k: 100 },
  { name: "estimate · trivial (empty engagement) · 10k", run: () => estimate(trivial, { iterations: 10_000 }).run.iterations, targetMsPer10k: 100 },
  { name: "estimate · extreme: 500 risks per wave (mid-size Type A) · 10k", run: () => estimate(manyRisks, { iterations: 10_000 }).run.iterations, targetMsPer10k: 1_000 },
  { name: "estimate · extreme: 52 entered waves (mid-size Type A) · 10k", run: () => estimate(manyWaves, { iterations: 10_000 }).run.iterations, targetMsPer10k: 1_000 },
  ...ESTIMATE_PAGE_BENCH_CASES,
];

interface Result {
  name: string;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** median CPU time of this process per run (user + system): robust when other processes share the cores */
  cpuMedianMs: number;
  itersPerSec: number;
  msPer10k: number;
  target: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function measure(c: BenchCase, warmup: number, runs: number): Result {
  for (let i = 0; i < warmup; i++) c.run();
  const times: number[] = [];
  const cpu: number[] = [];
  let iterations = 0;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    iterations = c.run();
    times.push(performance.now() - t0);
    const dc = process.cpuUsage(c0);
    cpu.push((dc.user + dc.system) / 1000);
  }
  const wall = median(times);
  const cpuMs = median(cpu);
  return {
    name: c.name,
    runs,
    medianMs: wall,
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    cpuMedianMs: cpuMs,
    itersPerSec: (iterations / Math.min(wall, cpuMs)) * 1000,
    msPer10k: (Math.min(wall, cpuMs) * 10_000) / iterations,
    target: c.targetMsPer10k,
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const runs = Number(args[args.indexOf("--runs") + 1]) || 15;
  const filter = args.find((a) => !a.startsWith("--") && !/^\d+$/.test(a));
  const cases = BENCH_CASES.filter((c) => !filter || c.name.includes(filter));
  const results = cases.map((c) => measure(c, 5, runs));
  const pad = (s: string, n: number) => s.padEnd(n);
  const num = (v: number, d = 1) => v.toFixed(d).padStart(8);
  console.log(`node ${process.version} · ${runs} runs after 5 warm-up runs · engine time per estimate (JSON parsing excluded), ms`);
  console.log("wall = elapsed time; cpu = this process's CPU time (what one core spends, robust to other load); ms/10k uses the lower of the two medians");
  console.log(`${pad("case", 36)} ${"wall p50".padStart(8)} ${"min".padStart(8)} ${"max".padStart(8)} ${"cpu p50".padStart(8)}   ms/10k     iter/s  target`);
  let failed = false;
  for (const r of results) {
    const ok = r.msPer10k < r.target;
    failed ||= !ok;
    console.log(`${pad(r.name, 36)} ${num(r.medianMs)} ${num(r.minMs)} ${num(r.maxMs)} ${num(r.cpuMedianMs)} ${num(r.msPer10k)} ${String(Math.round(r.itersPerSec)).padStart(10)}  < ${r.target} ${ok ? "ok" : "MISSED"}`);
  }
  // Database-backed cases (async, own embedded database under .data/bench-postgres or DATABASE_URL).
  if (!filter || "import-10k".includes(filter)) {
    const { formatImportBench, importMemoryOk, runImportBench } = await import("./bench/import-10k");
    const r = await runImportBench();
    console.log(formatImportBench(r));
    failed ||= r.totalMs >= r.targetMs || !importMemoryOk(r);
  }
  // Extract profiler: 1,000,000-row CSV in a child process (wall, CPU, peak RSS; ratio to a 1,000-row extract).
  if (!filter || "profile-1m".includes(filter)) {
    const { formatProfileBench, profileBenchOk, runProfileBench } = await import("./bench/profile-1m");
    const r = await runProfileBench();
    console.log(formatProfileBench(r));
    failed ||= !profileBenchOk(r);
  }
  if (failed) process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) void main();
