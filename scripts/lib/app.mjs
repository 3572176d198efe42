// What `npm start` (scripts/start.mjs) and `npm run dev` (scripts/dev.mjs) share: database, migrations,
// seed, environment, running Next.js, and stopping everything in order.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { ROOT, UserError, handleSignals, isShuttingDown, onShutdown, require, sleep } from "./common.mjs";
import { acquireDatabase, describeUrl, migrateDeploy, runSeed } from "./database.mjs";
import { embeddedMajor, isPortFree, readRuntime, resolveDataDir, wipeDataDir, writeRuntime } from "./embedded-db.mjs";

/**
 * Options shared by start and dev: `--fresh` wipes the data folder first.
 * Environment: SOUNDING_DATA_DIR, DATABASE_URL, PORT (3000), HOSTNAME (bind address, default: as Next
 * does, all interfaces), AUTH_SECRET / NEXTAUTH_SECRET, NEXTAUTH_URL.
 */
export function parseArgs(argv) {
  const known = new Set(["--fresh"]);
  for (const a of argv) if (!known.has(a)) throw new UserError(`unknown option ${a} (known: ${[...known].join(", ")})`);
  return { fresh: argv.includes("--fresh") };
}

export function appAddress() {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new UserError(`invalid PORT: ${process.env.PORT}`);
  const bind = process.env.HOSTNAME || undefined; // undefined: Next's default (0.0.0.0, all interfaces)
  const shown = !bind || ["0.0.0.0", "::", "[::]"].includes(bind) ? "localhost" : bind.includes(":") ? `[${bind}]` : bind;
  return { port, bind, url: `http://${shown}:${port}` };
}

async function checkAppPort({ port, bind }) {
  const hosts = bind ? [bind] : ["0.0.0.0", "::"];
  for (const host of hosts) {
    const free = await isPortFree(port, host).catch(() => true);
    if (!free) throw new UserError(`port ${port} is already in use; stop what uses it or set PORT to another port`);
  }
}

/**
 * Everything before Next.js runs: data folder, database, migrations, seed, environment.
 * @param {{ fresh: boolean, owner: string }} options
 */
export async function prepare({ fresh, owner }) {
  handleSignals();
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const address = appAddress();
  await checkAppPort(address);
  const dataDir = resolveDataDir();
  const external = Boolean(process.env.DATABASE_URL);

  if (fresh) {
    if (external) console.error("--fresh: DATABASE_URL is set, so there is no embedded data folder to wipe; continuing.");
    else {
      await wipeDataDir(dataDir);
      console.error(`--fresh: removed ${path.relative(ROOT, dataDir) || dataDir}.`);
    }
  }

  const t0 = Date.now();
  onShutdown("message", () => console.error("Stopped."));
  const db = await acquireDatabase({ dataDir, owner, reuse: false });
  const url = db.url;
  process.env.DATABASE_URL = url;

  // Local sessions survive restarts: one random secret kept in the data folder.
  if (!external) {
    let secret = process.env.AUTH_SECRET || process.env.NEXTAUTH_SECRET;
    if (!secret) {
      const file = path.join(dataDir, "auth-secret");
      try {
        secret = fs.readFileSync(file, "utf8").trim();
      } catch {
        /* first run */
      }
      if (!secret) {
        secret = crypto.randomBytes(32).toString("base64url");
        fs.mkdirSync(dataDir, { recursive: true });
        fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
      }
    }
    process.env.AUTH_SECRET ||= secret;
    process.env.NEXTAUTH_SECRET ||= secret;
  } else if (!process.env.AUTH_SECRET && !process.env.NEXTAUTH_SECRET) {
    console.error("Warning: DATABASE_URL is set but AUTH_SECRET is not; sign-in will not work until you set AUTH_SECRET.");
  }
  process.env.NEXTAUTH_URL ||= address.url;

  await migrateDeploy(url);
  await runSeed(url);

  fs.mkdirSync(dataDir, { recursive: true });
  const runtime = {
    databaseUrl: url,
    port: address.port,
    pid: process.pid,
    url: address.url,
    postgresPid: db.embedded?.pid ?? null,
    owner,
    startedAt: new Date().toISOString(),
  };
  writeRuntime(dataDir, runtime);
  onShutdown("runtime.json", () => {
    const current = readRuntime(dataDir);
    if (current?.pid === process.pid) fs.rmSync(path.join(dataDir, "runtime.json"), { force: true });
  });

  const database = db.embedded
    ? `embedded PostgreSQL ${embeddedMajor()} on port ${db.embedded.port}, data in ${path.relative(ROOT, dataDir) || dataDir}`
    : describeUrl(url);
  return { address, dataDir, db, database, prepareMs: Date.now() - t0 };
}

/** Path of the `next` CLI. */
export function nextCli() {
  return path.join(path.dirname(require.resolve("next/package.json")), "dist", "bin", "next");
}

/**
 * Runs `next <args>` in the foreground until it exits or we are stopped. Prints the banner once the
 * port accepts connections. Resolves with Next's exit code.
 */
export async function runNext(args, { address, banner }) {
  // The peer-address preload hands the app the TCP peer address (see scripts/lib/peer-address.cjs); through
  // NODE_OPTIONS it also reaches the server process `next dev` forks.
  const preload = `--require ${JSON.stringify(path.join(ROOT, "scripts", "lib", "peer-address.cjs"))}`;
  const env = { ...process.env, NODE_OPTIONS: [process.env.NODE_OPTIONS, preload].filter(Boolean).join(" ") };
  const child = spawn(process.execPath, [nextCli(), ...args], { cwd: ROOT, stdio: "inherit", env });
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 0 : 1))));
  let done = false;
  exited.then(() => (done = true));
  onShutdown("Next.js", async () => {
    if (done) return;
    child.kill("SIGTERM");
    const result = await Promise.race([exited, sleep(10_000).then(() => "timeout")]);
    if (result === "timeout") child.kill("SIGKILL");
  });

  // Banner when the server answers.
  (async () => {
    const host = address.bind && !["0.0.0.0", "::"].includes(address.bind) ? address.bind : "127.0.0.1";
    while (!done && !isShuttingDown()) {
      if (await canConnectTcp(host, address.port)) {
        console.log(`\n  ${banner.join("\n  ")}\n`);
        return;
      }
      await sleep(250);
    }
  })();

  const code = await exited;
  return code;
}

function canConnectTcp(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(1000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(false));
  });
}

// ---- build freshness ----------------------------------------------------------------------------

const SKIP_DIRS = new Set([
  "node_modules",
  ".next",
  ".data",
  ".git",
  ".ci",
  "tests",
  "docs",
  "scripts",
  "test-results",
  "playwright-report",
  "blob-report",
  "screenshots",
  "coverage",
]);
const SKIP_PATHS = new Set(["lib/generated", "prisma/migrations"]);

/**
 * A hash of what `next build` depends on: name, size and mtime of every file outside the folders
 * above (app, components, lib, prisma/schema.prisma, public, root config such as next.config.*,
 * tsconfig.json, postcss config, proxy.ts, package-lock.json), plus NEXT_PUBLIC_* variables.
 */
export function sourceHash() {
  const hash = crypto.createHash("sha256");
  const walk = (rel) => {
    const abs = path.join(ROOT, rel);
    let entries;
    try {
      entries = fs.readdirSync(abs, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if ((!rel && SKIP_DIRS.has(e.name)) || SKIP_PATHS.has(childRel)) continue;
        walk(childRel);
      } else if (e.isFile()) {
        if (/\.(md|tsbuildinfo|log)$/.test(e.name) || e.name === ".DS_Store" || childRel === "next-env.d.ts") continue;
        const st = fs.statSync(path.join(abs, e.name));
        hash.update(`${childRel}\0${st.size}\0${Math.round(st.mtimeMs)}\n`);
      }
    }
  };
  walk("");
  for (const [k, v] of Object.entries(process.env).sort()) if (k.startsWith("NEXT_PUBLIC_")) hash.update(`${k}=${v}\n`);
  return hash.digest("hex");
}

const HASH_FILE = path.join(ROOT, ".next", "sounding-source-hash");

/** Why a build is needed, or null when .next holds a production build of the current sources. */
export function buildNeeded(hash) {
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) return "no production build yet";
  let previous = "";
  try {
    previous = fs.readFileSync(HASH_FILE, "utf8").trim();
  } catch {
    return "build not made by npm start";
  }
  return previous === hash ? null : "sources changed since the last build";
}

export function recordBuild(hash) {
  fs.writeFileSync(HASH_FILE, `${hash}\n`);
}
