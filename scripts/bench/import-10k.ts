// Benchmark: a 10,000-row XLSX imported into one inventory (TRUST.md / issue "Phase 0 inventories":
// dry run + apply under 10 s on a 2-core machine; issue 14: peak memory under 300 MB). A first child process
// writes the workbooks (a data inventory with quirks, the heaviest inventory, and the same with half the rows
// changed); a second one times each step the app runs — parse (streaming reader), store the parsed rows
// (ImportBatch), dry run, apply — then re-imports the changed file (5k updates + 5k unchanged). Prints
// timings, peak RSS (whole process, and per step of the first import), and the same peak for a 100-row
// file measured the same way in its own process (the trivial case the ratio is taken against).
//
//   npx tsx scripts/bench/import-10k.ts [--rows 10000]        (standalone)
//   import { runImportBench } from "./bench/import-10k"       (from scripts/bench.ts)
//
// Database: withDatabase (scripts/lib/database.mjs) on its own data folder .data/bench-postgres (or
// DATABASE_URL when set), migrated first; each run works in a fresh organization and engagement.
// The measurement runs in a child `tsx --conditions=react-server` (lib/db imports "server-only").
import { spawn } from "node:child_process";
import path from "node:path";

export const IMPORT_BENCH_TARGET_MS = 10_000;
/** Peak RSS of the whole process while a 10k-row file is parsed, stored, dry-run and applied (issue 14). */
export const IMPORT_BENCH_MEMORY_MB = 300;
/** The trivial case the memory is compared with: the same import of a 100-row file, in its own process. */
export const TRIVIAL_ROWS = 100;

export type ImportBenchResult = {
  rows: number;
  fileBytes: number;
  generateMs: number;
  parseMs: number;
  storeMs: number;
  dryRunMs: number;
  applyMs: number;
  /** parse + store + dry run + apply of the first import (the target) */
  totalMs: number;
  reimportTotalMs: number;
  reimport: { dryRunMs: number; applyMs: number; updated: number; unchanged: number };
  baselineRssMb: number;
  peakRssMb: number;
  baselineHeapMb: number;
  peakHeapMb: number;
  /** JS heap after a full GC once both imports are done: what stays (nothing should) */
  retainedHeapMb: number;
  /** Peak RSS while each step of the first import ran. */
  peakRssByStepMb: { parse: number; store: number; dryRun: number; apply: number };
  targetMs: number;
  /** The same measurement for a TRIVIAL_ROWS-row file in its own process (the memory ratio's base). */
  trivial?: { rows: number; peakRssMb: number; baselineRssMb: number };
  memoryTargetMb: number;
};

const ROOT = path.resolve(__dirname, "..", "..");
const RESULT_PREFIX = "IMPORT_BENCH_RESULT ";

// ---------------------------------------------------------------- child: the measurement itself


export function syntheticRows(n: number, variant: number) {
  const entities = ["patient_demographics", "encounters", "clinical_notes", "lab_results", "medications", "allergies", "problems", "scanned_documents", "orders", "vitals"];
  const decisions = ["migrate", "archive_only", "do_not_migrate", "undecided"];
  return Array.from({ length: n }, (_, i) => ({
    entity: entities[i % entities.length],
    sourceObject: `SRC_${String(i).padStart(6, "0")}_${["PAT", "ENC", "NOTE", "LAB", "RX"][i % 5]}`,
    recordCount: 1000 + ((i * 7919) % 2_000_000) + (variant && i % 2 === 0 ? 1 : 0),
    yearsCovered: (i % 20) + 1,
    decision: decisions[i % decisions.length],
    destinationEntity: `Destination object ${i % 300}`,
    mappingStatus: ["not_started", "draft", "validated"][i % 3],
    cleanupInScope: i % 4 === 0,
    decider: ["HIM director", "CMIO", "Privacy officer"][i % 3],
    notes: i % 3 === 0 ? `Row ${i}: legacy module, see the data dictionary (Montréal site uses accents é/ü)` : "",
    quirks:
      i % 5 === 0
        ? [
            { kind: "unmerged_patients", severity: "high", affectedCount: i * 3, affectedShare: null, cleanupDecision: "cleanup_before", decider: "HIM director", description: "Probable duplicates" },
            { kind: "icd9_unconverted", severity: "medium", affectedCount: null, affectedShare: 0.15, cleanupDecision: "undecided", decider: "", description: "" },
          ]
        : [],
  }));
}

/** Writes the two workbooks (the file, and the same with half the rows changed) for `measure` to read. */
async function generate(rowsWanted: number, dir: string): Promise<void> {
  const fs = await import("node:fs");
  const { INVENTORY_SPECS } = await import("@/lib/import-export/columns");
  const { inventoryXlsxBuffer } = await import("@/lib/import-export/write");
  const spec = INVENTORY_SPECS.data;
  for (const variant of [0, 1]) {
    const rows = syntheticRows(rowsWanted, variant).map((r) => spec.schema.parse(r) as Record<string, unknown>);
    fs.writeFileSync(path.join(dir, `bench-${rowsWanted}-${variant}.xlsx`), await inventoryXlsxBuffer(spec, rows));
  }
}

async function measure(rowsWanted: number, dir: string): Promise<ImportBenchResult> {
  const { db } = await import("@/lib/db");
  const { createEngagement, createOrganization, createUser } = await import("@/lib/factories");
  const fs = await import("node:fs");
  const { INVENTORY_SPECS } = await import("@/lib/import-export/columns");
  const { parseSpreadsheet } = await import("@/lib/import-export/parse");
  const { applyImportBatch, createImportBatch, runDryRun } = await import("@/lib/import-export/mutations");
  type AuthorizedEngagementId = import("@/lib/auth/access").AuthorizedEngagementId;

  const spec = INVENTORY_SPECS.data;
  const org = await createOrganization(db, "Import benchmark firm");
  const user = await createUser(db, { organizationId: org.id, name: "Bench user" });
  const engagement = await createEngagement(db, { organizationId: org.id, members: [{ userId: user.id, role: "lead" }] });
  const engagementId = engagement.id as AuthorizedEngagementId;
  const actor = { ...user, role: "lead" as const };

  // the workbooks were written by another process (generating them here would count in this one's memory)
  const t = performance.now();
  const file = fs.readFileSync(path.join(dir, `bench-${rowsWanted}-0.xlsx`));
  const file2 = fs.readFileSync(path.join(dir, `bench-${rowsWanted}-1.xlsx`));
  const generateMs = performance.now() - t;

  global.gc?.();
  const baseline = process.memoryUsage();
  let peakRss = baseline.rss;
  let peakHeap = baseline.heapUsed;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 5);

  const stepPeak = { parse: 0, store: 0, dryRun: 0, apply: 0 };
  let recordSteps = true; // the first import's steps (RSS rarely shrinks: the re-import's would show the first's high-water mark)
  const step = async <T>(name: keyof typeof stepPeak, fn: () => Promise<T>): Promise<T> => {
    const before = peakRss;
    peakRss = process.memoryUsage().rss;
    try {
      return await fn();
    } finally {
      if (recordSteps) stepPeak[name] = Math.max(stepPeak[name], peakRss, process.memoryUsage().rss);
      peakRss = Math.max(before, peakRss);
    }
  };

  async function importOnce(bytes: Buffer, name: string) {
    const times = { parseMs: 0, storeMs: 0, dryRunMs: 0, applyMs: 0 };
    let s = performance.now();
    // as the upload action does: parse, store, and the parsed rows are garbage once stored
    const { batchId, suggested, rows } = await (async () => {
      const parsed = await step("parse", () => parseSpreadsheet(name, new Uint8Array(bytes), spec));
      times.parseMs = performance.now() - s;
      s = performance.now();
      const { id, summary } = await step("store", () => createImportBatch(engagementId, actor, { inventory: "data", fileName: name, fileSize: bytes.byteLength, parsed }));
      times.storeMs = performance.now() - s;
      return { batchId: id, suggested: summary.suggested, rows: parsed.rows.length };
    })();
    s = performance.now();
    await step("dryRun", async () => void (await runDryRun(engagementId, batchId, suggested)));
    times.dryRunMs = performance.now() - s;
    s = performance.now();
    const applied = await step("apply", () => applyImportBatch(engagementId, actor, batchId));
    times.applyMs = performance.now() - s;
    return { times, applied: { created: applied.created, updated: applied.updated, unchanged: applied.unchanged }, rows };
  }

  try {
    const first = await importOnce(file, "bench-10k.xlsx");
    recordSteps = false;
    if (first.applied.created !== rowsWanted) throw new Error(`expected ${rowsWanted} created rows, got ${first.applied.created}`);
    const second = await importOnce(file2, "bench-10k-changed.xlsx");
    clearInterval(sampler);
    global.gc?.();
    const retainedHeap = process.memoryUsage().heapUsed;
    const mb = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;
    const r = (n: number) => Math.round(n);
    return {
      rows: first.rows,
      fileBytes: file.byteLength,
      generateMs: r(generateMs),
      parseMs: r(first.times.parseMs),
      storeMs: r(first.times.storeMs),
      dryRunMs: r(first.times.dryRunMs),
      applyMs: r(first.times.applyMs),
      totalMs: r(first.times.parseMs + first.times.storeMs + first.times.dryRunMs + first.times.applyMs),
      reimportTotalMs: r(second.times.parseMs + second.times.storeMs + second.times.dryRunMs + second.times.applyMs),
      reimport: { dryRunMs: r(second.times.dryRunMs), applyMs: r(second.times.applyMs), updated: second.applied.updated, unchanged: second.applied.unchanged },
      baselineRssMb: mb(baseline.rss),
      peakRssMb: mb(peakRss),
      baselineHeapMb: mb(baseline.heapUsed),
      peakHeapMb: mb(peakHeap),
      retainedHeapMb: mb(retainedHeap),
      peakRssByStepMb: { parse: mb(stepPeak.parse), store: mb(stepPeak.store), dryRun: mb(stepPeak.dryRun), apply: mb(stepPeak.apply) },
      targetMs: IMPORT_BENCH_TARGET_MS,
      memoryTargetMb: IMPORT_BENCH_MEMORY_MB,
    };
  } finally {
    clearInterval(sampler);
    await db.organization.delete({ where: { id: org.id } }).catch(() => {});
    await db.$disconnect();
  }
}

// ---------------------------------------------------------------- parent: database + child process

function rowsArg(argv: string[]): number {
  const i = argv.indexOf("--rows");
  const n = i >= 0 ? Number(argv[i + 1]) : 10_000;
  return Number.isInteger(n) && n > 0 ? n : 10_000;
}

/** Runs the benchmark in a child process against withDatabase's database — first the trivial case, then `rows` — and resolves with its numbers. */
export async function runImportBench(rows = 10_000): Promise<ImportBenchResult> {
  const { withDatabase, migrateDeploy } = (await import("../lib/database.mjs")) as unknown as {
    withDatabase: <T>(fn: (url: string) => Promise<T>, o?: object) => Promise<T>;
    migrateDeploy: (url: string, o?: object) => Promise<void>;
  };
  return withDatabase(
    async (url) => {
      await migrateDeploy(url, { quiet: true });
      const trivial = await child(url, TRIVIAL_ROWS);
      const result = await child(url, rows);
      return { ...result, trivial: { rows: trivial.rows, peakRssMb: trivial.peakRssMb, baselineRssMb: trivial.baselineRssMb } };
    },
    { dataDir: process.env.DATABASE_URL ? undefined : path.join(ROOT, ".data", "bench-postgres"), owner: "bench:import-10k", reuse: false },
  );
}

async function child(url: string, rows: number): Promise<ImportBenchResult> {
  const os = await import("node:os");
  const fs = await import("node:fs");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sounding-import-bench-"));
  try {
    await run(url, rows, dir, "--generate");
    const out = await run(url, rows, dir, "--child");
    const line = out.split("\n").find((l) => l.startsWith(RESULT_PREFIX));
    if (!line) throw new Error(`the import benchmark printed no result${out ? `: ${out.trim()}` : ""}`);
    return JSON.parse(line.slice(RESULT_PREFIX.length)) as ImportBenchResult;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function run(url: string, rows: number, dir: string, mode: "--generate" | "--child"): Promise<string> {
  const tsxCli = path.join(path.dirname(require.resolve("tsx/package.json")), "dist", "cli.mjs");
  return new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [tsxCli, "--conditions=react-server", __filename, mode, "--rows", String(rows), "--dir", dir], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, NODE_ENV: "production", NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --expose-gc`.trim() },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) reject(new Error(`the import benchmark failed (exit ${code})${out ? `: ${out.trim()}` : ""}`));
      else resolve(out);
    });
  });
}

/** The memory target holds: peak RSS under IMPORT_BENCH_MEMORY_MB. */
export function importMemoryOk(r: ImportBenchResult): boolean {
  return r.peakRssMb < r.memoryTargetMb;
}

export function formatImportBench(r: ImportBenchResult): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const ok = r.totalMs < r.targetMs;
  return [
    `import · ${r.rows.toLocaleString("en-US")}-row XLSX (${(r.fileBytes / 1024 / 1024).toFixed(1)} MB, data inventory with quirks)`,
    `  parse (streaming)      ${s(r.parseMs)}`,
    `  store parsed rows      ${s(r.storeMs)}`,
    `  dry run                ${s(r.dryRunMs)}`,
    `  apply (${r.rows.toLocaleString("en-US")} creates)  ${s(r.applyMs)}`,
    `  total                  ${s(r.totalMs)}   target < ${s(r.targetMs)} ${ok ? "ok" : "MISSED"}`,
    `  re-import, half changed: dry run ${s(r.reimport.dryRunMs)}, apply ${s(r.reimport.applyMs)} (${r.reimport.updated.toLocaleString("en-US")} updated, ${r.reimport.unchanged.toLocaleString("en-US")} unchanged), total ${s(r.reimportTotalMs)}`,
    `  memory: peak RSS ${r.peakRssMb} MB (${r.baselineRssMb} MB before)   target < ${r.memoryTargetMb} MB ${importMemoryOk(r) ? "ok" : "MISSED"}`,
    `    by step: parse ${r.peakRssByStepMb.parse} MB, store ${r.peakRssByStepMb.store} MB, dry run ${r.peakRssByStepMb.dryRun} MB, apply ${r.peakRssByStepMb.apply} MB`,
    r.trivial ? `    trivial case (${r.trivial.rows} rows, own process): peak RSS ${r.trivial.peakRssMb} MB (${r.trivial.baselineRssMb} MB before) → ratio ${(r.peakRssMb / r.trivial.peakRssMb).toFixed(2)}×` : "",
    `    JS heap ${r.baselineHeapMb} MB before, peak ${r.peakHeapMb} MB (garbage included), ${r.retainedHeapMb} MB after GC once done`,
  ].filter(Boolean).join("\n");
}

async function main() {
  const argv = process.argv.slice(2);
  const dir = argv[argv.indexOf("--dir") + 1];
  if (argv.includes("--generate")) {
    await generate(rowsArg(argv), dir);
    return;
  }
  if (argv.includes("--child")) {
    const result = await measure(rowsArg(argv), dir);
    process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
    return;
  }
  const result = await runImportBench(rowsArg(argv));
  console.log(formatImportBench(result));
  if (result.totalMs >= result.targetMs || !importMemoryOk(result)) process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  main().catch((err) => {
    console.error(`bench import-10k: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });
}
