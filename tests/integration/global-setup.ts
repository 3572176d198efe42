// Vitest global setup for the integration project: ONE PostgreSQL for the whole run.
//   - default: the embedded PostgreSQL 17 in a fresh folder .data/test-<random> (fsync off), removed
//     afterwards;
//   - TEST_DATABASE_URL=postgresql://…: that server instead; its public schema is DROPPED and
//     recreated first (use a throw-away database).
// Migrations are applied with `prisma migrate deploy` (the same path as production). The URL reaches
// the test files through vitest's provide/inject: tests/integration/setup.ts copies it into
// process.env.DATABASE_URL before any test file imports lib/db.
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDeploy, resetPublicSchema } from "../../scripts/lib/database.mjs";
import { findFreePort, runningPostmaster, startEmbeddedPostgres } from "../../scripts/lib/embedded-db.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

const DATA = path.resolve(__dirname, "..", "..", ".data");

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
  project.provide("databaseUrl", url);
  console.log(`[integration] database ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${external ? "TEST_DATABASE_URL" : "embedded PostgreSQL"})`);
  return teardown;
}
