// Which database a script talks to, and the steps every entry point shares (migrate, seed).
//
// Resolution order (acquireDatabase / withDatabase):
//   1. DATABASE_URL, when set: used as is; nothing is started.
//   2. The embedded server already running on the data folder (runtime.json written by
//      `npm start` / `npm run dev` / another db script whose process is alive): reused.
//   3. Otherwise the embedded server is started on the data folder (SOUNDING_DATA_DIR or
//      .data/postgres) and stopped again when the script is done.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { ROOT, UserError, isAlive, onShutdown, require, run } from "./common.mjs";
import { readRuntime, removeRuntime, resolveDataDir, startEmbeddedPostgres, writeRuntime } from "./embedded-db.mjs";

/** Can we open a connection and run a query within a few seconds? */
export async function canConnect(url, timeoutMs = 3_000) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Finds or starts the database. The caller must call `release()` when done (it stops the embedded
 * server only if this call started it).
 *
 * @param {object} [options]
 * @param {string} [options.dataDir] data folder for the embedded server
 * @param {string} [options.owner] a label written to runtime.json (e.g. "db:migrate")
 * @param {boolean} [options.reuse] reuse a running embedded server of another process (default true)
 * @param {boolean} [options.quiet] print nothing
 * @returns {Promise<{ url: string, source: "env" | "reused" | "embedded", dataDir: string | null, embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | null, release: () => Promise<void> }>}
 */
export async function acquireDatabase(options = {}) {
  const say = options.quiet ? () => {} : (msg) => console.error(msg);
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, source: "env", dataDir: null, embedded: null, release: async () => {} };
  }
  const dataDir = resolveDataDir(options.dataDir);
  const runtime = readRuntime(dataDir);
  if (options.reuse !== false && runtime && runtime.pid !== process.pid && isAlive(runtime.pid) && runtime.databaseUrl) {
    if (await canConnect(runtime.databaseUrl)) {
      say(`Using the embedded PostgreSQL of process ${runtime.pid}${runtime.owner ? ` (${runtime.owner})` : ""}.`);
      return { url: runtime.databaseUrl, source: "reused", dataDir, embedded: null, release: async () => {} };
    }
  }
  const started = Date.now();
  const embedded = await startEmbeddedPostgres({ dataDir });
  say(
    `${embedded.initialised ? "Initialised and started" : "Started"} embedded PostgreSQL on port ${embedded.port} (${path.relative(ROOT, dataDir) || dataDir}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
  writeRuntime(dataDir, {
    databaseUrl: embedded.url,
    port: null,
    pid: process.pid,
    postgresPid: embedded.pid,
    owner: options.owner ?? path.basename(process.argv[1] ?? "script"),
    startedAt: new Date().toISOString(),
  });
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    unregister();
    removeRuntime(dataDir);
    await embedded.stop();
  };
  const unregister = onShutdown("embedded PostgreSQL", release);
  return { url: embedded.url, source: "embedded", dataDir, embedded, release };
}

/**
 * Runs fn with process.env.DATABASE_URL set to a usable database (see the resolution order above),
 * then stops the embedded server if this call started it. Returns fn's result.
 * @template T
 * @param {(url: string) => Promise<T> | T} fn
 * @param {Parameters<typeof acquireDatabase>[0]} [options]
 * @returns {Promise<T>}
 */
export async function withDatabase(fn, options = {}) {
  const previous = process.env.DATABASE_URL;
  const db = await acquireDatabase(options);
  process.env.DATABASE_URL = db.url;
  try {
    return await fn(db.url);
  } finally {
    if (previous === undefined) delete process.env.DATABASE_URL;
    await db.release();
  }
}

// ---- prisma / tsx -----------------------------------------------------------------------------

export const PRISMA_WRAPPER = path.join(ROOT, "scripts", "prisma.mjs");

/** Runs the Prisma CLI through the wrapper with DATABASE_URL = url; resolves with its exit code. */
export function runPrisma(args, { url, stdio = "inherit" } = {}) {
  const env = { ...process.env };
  if (url) env.DATABASE_URL = url;
  return run(process.execPath, [PRISMA_WRAPPER, ...args], { env, stdio });
}

/** `prisma migrate deploy`; throws a one-line UserError when a migration fails. */
export async function migrateDeploy(url, { quiet = false } = {}) {
  const code = await runPrisma(["migrate", "deploy"], { url, stdio: quiet ? ["ignore", "ignore", "inherit"] : "inherit" });
  if (code !== 0) {
    throw new UserError(
      "applying migrations failed (prisma migrate deploy, see the messages above); a failed migration stays recorded: on a local database run npm run db:reset or start with --fresh",
    );
  }
}

export const SEED_FILE = path.join(ROOT, "prisma", "seed.ts");

/** Runs prisma/seed.ts with tsx if it exists; returns false when there is no seed file. */
export async function runSeed(url) {
  if (!fs.existsSync(SEED_FILE)) {
    console.error("No prisma/seed.ts yet: skipping the seed.");
    return false;
  }
  // react-server: lib/db.ts imports "server-only", which resolves to an empty module under it.
  const code = await run(process.execPath, [tsxCli(), "--conditions=react-server", SEED_FILE], { env: { ...process.env, DATABASE_URL: url } });
  if (code !== 0) throw new UserError(`the seed failed (tsx prisma/seed.ts exited with ${code})`);
  return true;
}

/** Path of tsx's command-line entry (its "./cli" export). */
export function tsxCli() {
  return path.join(path.dirname(require.resolve("tsx/package.json")), "dist", "cli.mjs");
}

/** Drops and recreates the public schema (everything the migrations made). */
export async function resetPublicSchema(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT current_user AS user");
    await client.query("DROP SCHEMA IF EXISTS public CASCADE");
    await client.query(`CREATE SCHEMA public AUTHORIZATION ${client.escapeIdentifier(rows[0].user)}`);
    await client.query("GRANT ALL ON SCHEMA public TO public");
  } finally {
    await client.end();
  }
}

/** A short, password-free description of a URL for messages. */
export function describeUrl(url) {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return "(invalid DATABASE_URL)";
  }
}
