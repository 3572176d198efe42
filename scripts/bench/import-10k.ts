// Benchmark: a 10,000-row XLSX imported into one inventory (TRUST.md / issue "Phase 0 inventories":
// dry run + apply under 10 s on a 2-core machine, flat memory). It generates the workbook itself (a data
// inventory with quirks, the heaviest inventory), then times each step the app runs — parse (streaming
// reader), store the parsed rows (ImportBatch), dry run, apply — and a second import of the same file
// with half the rows changed (5k updates + 5k unchanged). Prints timings and peak RSS.
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
  targetMs: number;
};

const ROOT = path.resolve(__dirname, "..", "..");
const RESULT_PREFIX = "IMPORT_BENCH_RESULT ";

// ---------------------------------------------------------------- child: the measurement itself


function syntheticRows(n: number, variant: number) {
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

async function measure(rowsWanted: number): Promise<ImportBenchResult> {
  const { db } = await import("@/lib/db");
  const { createEngagement, createOrganization, createUser } = await import("@/lib/factories");
  const { INVENTORY_SPECS } = await import("@/lib/import-export/columns");
  const { inventoryXlsxBuffer } = await import("@/lib/import-export/write");
  const { parseSpreadsheet } = await import("@/lib/import-export/parse");
  const { applyImportBatch, createImportBatch, runDryRun } = await import("@/lib/import-export/mutations");
  type AuthorizedEngagementId = import("@/lib/auth/access").AuthorizedEngagementId;

  const spec = INVENTORY_SPECS.data;
  const org = await createOrganization(db, "Import benchmark firm");
  const user = await createUser(db, { organizationId: org.id, name: "Bench user" });
  const engagement = await createEngagement(db, { organizationId: org.id, members: [{ userId: user.id, role: "lead" }] });
  const engagementId = engagement.id as AuthorizedEngagementId;
  const actor = { ...user, role: "lead" as const };

  const t = performance.now();
  const rows = syntheticRows(rowsWanted, 0).map((r) => spec.schema.parse(r) as Record<string, unknown>);
  const file = await inventoryXlsxBuffer(spec, rows);
  const changed = syntheticRows(rowsWanted, 1).map((r) => spec.schema.parse(r) as Record<string, unknown>);
  const file2 = await inventoryXlsxBuffer(spec, changed);
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

  async function importOnce(bytes: Buffer, name: string) {
    const times = { parseMs: 0, storeMs: 0, dryRunMs: 0, applyMs: 0 };
    let s = performance.now();
    const parsed = await parseSpreadsheet(name, new Uint8Array(bytes), spec);
    times.parseMs = performance.now() - s;
    s = performance.now();
    const { id: batchId, summary } = await createImportBatch(engagementId, actor, { inventory: "data", fileName: name, fileSize: bytes.byteLength, parsed });
    times.storeMs = performance.now() - s;
    s = performance.now();
    await runDryRun(engagementId, batchId, summary.suggested);
    times.dryRunMs = performance.now() - s;
    s = performance.now();
    const applied = await applyImportBatch(engagementId, actor, batchId);
    times.applyMs = performance.now() - s;
    return { times, applied, rows: parsed.rows.length };
  }

  try {
    const first = await importOnce(file, "bench-10k.xlsx");
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
      targetMs: IMPORT_BENCH_TARGET_MS,
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

/** Runs the benchmark in a child process against withDatabase's database; resolves with its numbers. */
export async function runImportBench(rows = 10_000): Promise<ImportBenchResult> {
  const { withDatabase, migrateDeploy } = (await import("../lib/database.mjs")) as unknown as {
    withDatabase: <T>(fn: (url: string) => Promise<T>, o?: object) => Promise<T>;
    migrateDeploy: (url: string, o?: object) => Promise<void>;
  };
  return withDatabase(
    async (url) => {
      await migrateDeploy(url, { quiet: true });
      const tsxCli = path.join(path.dirname(require.resolve("tsx/package.json")), "dist", "cli.mjs");
      return new Promise<ImportBenchResult>((resolve, reject) => {
        const child = spawn(process.execPath, [tsxCli, "--conditions=react-server", __filename, "--child", "--rows", String(rows)], {
          cwd: ROOT,
          env: { ...process.env, DATABASE_URL: url, NODE_ENV: "production", NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --expose-gc`.trim() },
          stdio: ["ignore", "pipe", "inherit"],
        });
        let out = "";
        child.stdout.on("data", (d) => (out += d));
        child.on("error", reject);
        child.on("exit", (code) => {
          const line = out.split("\n").find((l) => l.startsWith(RESULT_PREFIX));
          if (code !== 0 || !line) reject(new Error(`the import benchmark failed (exit ${code})${out ? `: ${out.trim()}` : ""}`));
          else resolve(JSON.parse(line.slice(RESULT_PREFIX.length)) as ImportBenchResult);
        });
      });
    },
    { dataDir: process.env.DATABASE_URL ? undefined : path.join(ROOT, ".data", "bench-postgres"), owner: "bench:import-10k", reuse: false },
  );
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
    `  memory: peak RSS ${r.peakRssMb} MB (${r.baselineRssMb} MB before); JS heap ${r.baselineHeapMb} MB before, peak ${r.peakHeapMb} MB (garbage included), ${r.retainedHeapMb} MB after GC once done`,
  ].join("\n");
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv.includes("--child")) {
    const result = await measure(rowsArg(argv));
    process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
    return;
  }
  const result = await runImportBench(rowsArg(argv));
  console.log(formatImportBench(result));
  if (result.totalMs >= result.targetMs) process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  main().catch((err) => {
    console.error(`bench import-10k: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  });
}
