// Shared plumbing for the project's Node scripts: project paths, one-line user errors, child
// processes, and one ordered shutdown path for SIGINT/SIGTERM/SIGHUP.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const require = createRequire(path.join(ROOT, "package.json"));

/** An error whose message is meant for the user as is: printed on one line, no stack trace. */
export class UserError extends Error {
  /** @param {string} message @param {number} [exitCode] */
  constructor(message, exitCode = 1) {
    super(message);
    this.name = "UserError";
    this.exitCode = exitCode;
  }
}

/** @param {unknown} err */
export function formatError(err) {
  if (err instanceof UserError) return err.message;
  if (err instanceof Error) return process.env.DEBUG ? String(err.stack) : err.message || String(err);
  return String(err);
}

/**
 * Runs a script's main function: user errors print as one line (`<name>: message`) and exit 1.
 * Set DEBUG=1 to see stack traces of unexpected errors.
 * @param {string} name @param {() => Promise<number | void>} fn
 */
export function main(name, fn) {
  fn().then(
    async (code) => {
      await runShutdownHooks();
      process.exit(typeof code === "number" ? code : 0);
    },
    async (err) => {
      console.error(`${name}: ${formatError(err)}`);
      await runShutdownHooks();
      process.exit(err instanceof UserError ? err.exitCode : 1);
    },
  );
}

/** Absolute path of an npm package's file, resolved from the project root. */
export function resolvePackageFile(spec) {
  return require.resolve(spec);
}

// ---- shutdown ---------------------------------------------------------------------------------

/** @type {Array<{ name: string, fn: () => Promise<void> | void }>} */
const hooks = [];
let shuttingDown = false;
let signalsInstalled = false;

/**
 * Registers cleanup run on SIGINT/SIGTERM/SIGHUP and at the end of `main` (last registered runs
 * first). Returns an unregister function.
 */
export function onShutdown(name, fn) {
  const hook = { name, fn };
  hooks.push(hook);
  return () => {
    const i = hooks.indexOf(hook);
    if (i >= 0) hooks.splice(i, 1);
  };
}

let running = null;
/** Runs the registered hooks (last first). Concurrent callers share one run. */
export function runShutdownHooks() {
  running ??= (async () => {
    while (hooks.length) {
      const hook = hooks.pop();
      try {
        await hook.fn();
      } catch (err) {
        console.error(`while stopping ${hook.name}: ${formatError(err)}`);
      }
    }
    running = null;
  })();
  return running;
}

/** Installs the signal handlers once: run the hooks in order, then exit 128+signal. */
export function handleSignals() {
  if (signalsInstalled) return;
  signalsInstalled = true;
  const codes = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };
  for (const [signal, n] of Object.entries(codes)) {
    process.on(signal, () => {
      if (shuttingDown) return; // a second Ctrl-C while stopping: keep stopping cleanly
      shuttingDown = true;
      runShutdownHooks().finally(() => process.exit(128 + n));
    });
  }
}

export function isShuttingDown() {
  return shuttingDown;
}

// ---- processes --------------------------------------------------------------------------------

/** True when a process with this pid exists (and we may signal it, or it is someone else's). */
export function isAlive(pid) {
  if (!pid || !Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}

/**
 * Spawns a command with inherited stdio; resolves with its exit code (128+n when killed by a signal).
 * @param {string} cmd @param {string[]} args @param {import("node:child_process").SpawnOptions} [opts]
 */
export function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: "inherit", cwd: ROOT, ...opts });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? 128 + (signal ? osSignalNumber(signal) : 0)));
  });
}

/** Like run() but captures stdout/stderr (returned) instead of inheriting them. */
export function runCaptured(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], cwd: ROOT, ...opts });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

function osSignalNumber(signal) {
  return { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal] ?? 0;
}

/** Resolves after ms milliseconds. */
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
