#!/usr/bin/env node
// `node scripts/prisma.mjs <prisma args…>` — the only way this project runs the Prisma CLI.
// Prisma 6.19 checks for its Rust engines before it reads prisma.config.ts, and would try to
// download them (impossible offline). This wrapper sets the environment that selects the
// JavaScript/WASM engines, then runs the CLI:
//   PRISMA_CLI_QUERY_ENGINE_TYPE=client              (generate, migrate deploy/status, …)
//   PRISMA_QUERY_ENGINE_LIBRARY / PRISMA_SCHEMA_ENGINE_BINARY = an existing file
//                                                    (`migrate diff` checks they exist; never run)
//   CHECKPOINT_DISABLE=1                             no update check over the network
//   DATABASE_URL                                     commands that need a database (migrate *, db *,
//                                                    studio) get the embedded one when it is unset (see
//                                                    scripts/lib/database.mjs); others (generate, format,
//                                                    validate) a placeholder the schema validator accepts.
// It also preloads scripts/lib/prisma-preload.cjs (works around a timer that kept the CLI alive 10 s)
// and hides the CLI's boilerplate notices (SOUNDING_PRISMA_VERBOSE=1 shows everything).
import { spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { ROOT, handleSignals, main, require, run } from "./lib/common.mjs";
import { acquireDatabase } from "./lib/database.mjs";

const args = process.argv.slice(2);
// `migrate diff` needs a connection even between two datamodels (the JS engine asks the server its version).
const NEEDS_DB = new Set(["migrate diff", "migrate deploy", "migrate status", "migrate reset", "migrate resolve", "db push", "db pull", "db execute", "db seed", "studio"]);

main("prisma", async () => {
  handleSignals();
  const env = { ...process.env, PRISMA_CLI_QUERY_ENGINE_TYPE: "client", PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
  if (args[0] === "migrate" && args[1] === "diff") {
    const placeholder = path.join(ROOT, "package.json");
    env.PRISMA_QUERY_ENGINE_LIBRARY ??= placeholder;
    env.PRISMA_SCHEMA_ENGINE_BINARY ??= placeholder;
  }
  const command = args.filter((a) => !a.startsWith("-")).slice(0, 2).join(" ");
  const needsDb = NEEDS_DB.has(command) || NEEDS_DB.has(args[0]);
  let release = async () => {};
  if (!env.DATABASE_URL) {
    if (needsDb) {
      const db = await acquireDatabase({ owner: `prisma ${command}` });
      env.DATABASE_URL = db.url;
      release = db.release;
    } else {
      // Only to satisfy `url = env("DATABASE_URL")` in schema.prisma; nothing connects to it.
      env.DATABASE_URL = "postgresql://placeholder@localhost:5432/placeholder";
    }
  }
  const cli = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "index.js");
  try {
    const nodeArgs = ["--require", path.join(ROOT, "scripts", "lib", "prisma-preload.cjs"), cli, ...args];
    if (args[0] === "studio" || process.env.SOUNDING_PRISMA_VERBOSE) return await run(process.execPath, nodeArgs, { env });
    return await runFiltered(process.execPath, nodeArgs, { env });
  } finally {
    await release();
  }
});

// Lines the CLI prints on every run that say nothing here (set SOUNDING_PRISMA_VERBOSE=1 to see all):
// the config notices, and the warning that schema.prisma's `url` is unused with an adapter (6.19's
// validator requires that url, see TOOLCHAIN notes).
const NOISE = [/^Loaded Prisma config from /, /^Prisma config detected, skipping environment variable loading/];
const NOISE_BLOCK_START = /^WARNING: Your schema specifies the following datasource properties but you are using a Driver Adapter/;
const NOISE_BLOCK_END = /^We recommend you to remove those properties from your schema/;

function runFiltered(cmd, cmdArgs, opts) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, cmdArgs, { ...opts, cwd: ROOT, stdio: ["inherit", "pipe", "pipe"] });
    const pump = (input, output) => {
      let inBlock = false;
      let blank = 0;
      const lines = readline.createInterface({ input, crlfDelay: Infinity });
      lines.on("line", (line) => {
        if (inBlock) {
          if (NOISE_BLOCK_END.test(line)) inBlock = false;
          return;
        }
        if (NOISE_BLOCK_START.test(line)) {
          inBlock = true;
          return;
        }
        if (NOISE.some((re) => re.test(line))) return;
        blank = line.trim() ? 0 : blank + 1;
        if (blank > 1) return;
        output.write(`${line}\n`);
      });
      return new Promise((r) => lines.on("close", r));
    };
    const done = Promise.all([pump(child.stdout, process.stdout), pump(child.stderr, process.stderr)]);
    child.on("error", reject);
    child.on("exit", (code, signal) => done.then(() => resolve(code ?? (signal ? 128 + 2 : 1))));
  });
}
