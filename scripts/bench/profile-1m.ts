// Benchmark: profiling a 1,000,000-row client extract (issue 10: under 60 s, peak memory under 300 MB on
// this machine). The synthetic extract (tests/support/synthetic-extract.ts, ~150 MB CSV with every defect
// kind) is generated once into the OS temp folder and reused. Each profile runs in a fresh child process
// so its peak RSS is its own; a 1,000-row extract profiled the same way is the trivial case, and the
// report gives the ratio of the two (wall and CPU time) as well as the absolute numbers.
//
//   npx tsx scripts/bench/profile-1m.ts [--rows 1000000]        (standalone)
//   import { runProfileBench } from "./bench/profile-1m"        (from scripts/bench.ts)
import { spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const PROFILE_BENCH_TARGET_MS = 60_000;
export const PROFILE_BENCH_TARGET_RSS_MB = 300;
const RESULT_PREFIX = "PROFILE_BENCH_RESULT ";

interface ChildResult {
  rows: number;
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
  baselineRssMb: number;
}

export interface ProfileBenchResult {
  rows: number;
  fileMb: number;
  big: ChildResult;
  trivial: ChildResult;
  generateMs: number;
}

async function child(file: string): Promise<ChildResult> {
  const { profileFile } = await import("@/lib/profiler");
  const baselineRssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const p = await profileFile(file);
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  return {
    rows: "rows" in p ? p.rows : 0,
    wallMs: Math.round(wallMs),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    // maxRSS is the whole process's peak (node + tsx + the profile), in KiB
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    baselineRssMb,
  };
}

function runChild(file: string): Promise<ChildResult> {
  const tsxCli = path.join(path.dirname(require.resolve("tsx/package.json")), "dist", "cli.mjs");
  return new Promise((resolve, reject) => {
    const cp = spawn(process.execPath, [tsxCli, __filename, "--child", file], { stdio: ["ignore", "pipe", "inherit"], cwd: path.resolve(__dirname, "..", "..") });
    let out = "";
    cp.stdout.on("data", (d) => (out += d));
    cp.on("error", reject);
    cp.on("exit", (code) => {
      const line = out.split("\n").find((l) => l.startsWith(RESULT_PREFIX));
      if (code !== 0 || !line) reject(new Error(`profile child failed (exit ${code}) ${out.trim()}`));
      else resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as ChildResult);
    });
  });
}

async function ensureExtract(rows: number): Promise<{ file: string; generateMs: number }> {
  const file = path.join(tmpdir(), `sounding-bench-extract-${rows}-v1.csv`);
  if (existsSync(file) && statSync(file).size > 0) return { file, generateMs: 0 };
  const { writeSyntheticCsv } = await import("../../tests/support/synthetic-extract");
  const t0 = performance.now();
  await writeSyntheticCsv(`${file}.part`, rows);
  const { renameSync } = await import("node:fs");
  renameSync(`${file}.part`, file);
  return { file, generateMs: Math.round(performance.now() - t0) };
}

export async function runProfileBench(rows = 1_000_000): Promise<ProfileBenchResult> {
  const small = await ensureExtract(1_000);
  const big = await ensureExtract(rows);
  const trivial = await runChild(small.file);
  const bigResult = await runChild(big.file);
  return { rows, fileMb: Math.round((statSync(big.file).size / 1024 / 1024) * 10) / 10, big: bigResult, trivial, generateMs: big.generateMs };
}

export function profileBenchOk(r: ProfileBenchResult): boolean {
  return r.big.wallMs < PROFILE_BENCH_TARGET_MS && r.big.peakRssMb < PROFILE_BENCH_TARGET_RSS_MB;
}

export function formatProfileBench(r: ProfileBenchResult): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return [
    `profile · ${r.rows.toLocaleString("en-US")}-row CSV extract (${r.fileMb} MB, every defect kind)${r.generateMs ? ` — generated in ${s(r.generateMs)}` : " — cached extract"}`,
    `  1,000-row extract (trivial)   wall ${s(r.trivial.wallMs)}  cpu ${s(r.trivial.cpuMs)}  peak RSS ${r.trivial.peakRssMb} MB`,
    `  ${r.rows.toLocaleString("en-US")}-row extract       wall ${s(r.big.wallMs)}  cpu ${s(r.big.cpuMs)}  peak RSS ${r.big.peakRssMb} MB (${r.big.baselineRssMb} MB before profiling)`,
    `  ratio to trivial              wall ×${(r.big.wallMs / Math.max(1, r.trivial.wallMs)).toFixed(0)}, cpu ×${(r.big.cpuMs / Math.max(1, r.trivial.cpuMs)).toFixed(0)}, peak RSS ×${(r.big.peakRssMb / Math.max(1, r.trivial.peakRssMb)).toFixed(2)}`,
    `  targets: < ${s(PROFILE_BENCH_TARGET_MS)} and < ${PROFILE_BENCH_TARGET_RSS_MB} MB peak RSS — ${profileBenchOk(r) ? "ok" : "MISSED"}`,
  ].join("\n");
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv[0] === "--child") {
    const r = await child(argv[1]!);
    process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(r)}\n`);
    return;
  }
  const i = argv.indexOf("--rows");
  const r = await runProfileBench(i >= 0 ? Number(argv[i + 1]) : 1_000_000);
  console.log(formatProfileBench(r));
  if (!profileBenchOk(r)) process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  main().catch((err) => {
    console.error(`bench profile-1m: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });
}
