// Vitest global setup for the integration project: ONE PostgreSQL for the whole run.
//   - default: the embedded PostgreSQL 17 in a fresh folder .data/test-<random> (fsync off), removed
//     afterwards;
//   - TEST_DATABASE_URL=postgresql://…: that server instead; its public schema is DROPPED and
//     recreated first (use a throw-away database).
// Migrations are applied with `prisma migrate deploy` (the same path as production). On the embedded
// server the migrated database is then copied (CREATE DATABASE … TEMPLATE) once per vitest worker, so
// test files run two at a time, each worker on its own database (INTEGRATION_WORKERS, default 2). The URLs
// reach the test files through vitest's provide/inject: tests/integration/setup.ts copies the worker's URL
// into process.env.DATABASE_URL before any test file imports lib/db.
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import pg from "pg";
import { integrationWorkers } from "./workers";
import { migrateDeploy, resetPublicSchema } from "../../scripts/lib/database.mjs";
import { findFreePort, runningPostmaster, startEmbeddedPostgres } from "../../scripts/lib/embedded-db.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    /** one database per vitest worker (VITEST_POOL_ID 1..n); empty: every worker uses databaseUrl */
    workerDatabaseUrls: string[];
  }
}

const DATA = path.resolve(__dirname, "..", "..", ".data");

/** Copies of the migrated database, one per worker: `<db>_w1`, `<db>_w2`, … */
async function cloneForWorkers(url: string, workers: number): Promise<string[]> {
  if (workers <= 1) return [];
  const base = new URL(url);
  const baseName = decodeURIComponent(base.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const urls: string[] = [];
    for (let i = 1; i <= workers; i++) {
      const name = `${baseName}_w${i}`;
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)}`);
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)} TEMPLATE ${client.escapeIdentifier(baseName)}`);
      const u = new URL(url);
      u.pathname = `/${encodeURIComponent(name)}`;
      urls.push(u.toString());
    }
    return urls;
  } finally {
    await client.end();
  }
}

/** Folders of earlier runs that were killed before their teardown (no server, older than 10 min). */
function sweepStaleFolders() {
  let names: string[] = [];
  try {
    names = fs.readdirSync(DATA).filter((n) => n.startsWith("test-"));
  } catch {
    return;
  }
  for (const name of names) {
    const dir = path.join(DATA, name);
    try {
      if (Date.now() - fs.statSync(dir).mtimeMs < 10 * 60_000 || runningPostmaster(dir)) continue;
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      /* someone else's, or already gone */
    }
  }
}

export default async function setup(project: TestProject) {
  const started = Date.now();
  const external = process.env.TEST_DATABASE_URL;
  let url: string;
  let teardown = async () => {};

  if (external) {
    url = external;
    await resetPublicSchema(url);
  } else {
    sweepStaleFolders();
    fs.mkdirSync(DATA, { recursive: true });
    const dataDir = fs.mkdtempSync(path.join(DATA, "test-"));
    // a free port even when PGPORT is set for the dev server
    const db = await startEmbeddedPostgres({ dataDir, fast: true, port: await findFreePort() });
    url = db.url;
    teardown = async () => {
      await db.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    };
  }

  try {
    await migrateDeploy(url, { quiet: true });
  } catch (err) {
    await teardown();
    throw err;
  }
  let workerUrls: string[];
  try {
    workerUrls = await cloneForWorkers(url, integrationWorkers());
  } catch (err) {
    await teardown();
    throw err;
  }
  project.provide("databaseUrl", url);
  project.provide("workerDatabaseUrls", workerUrls);
  console.log(`[integration] database ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${external ? "TEST_DATABASE_URL" : "embedded PostgreSQL"})`);
  return teardown;
}
