#!/usr/bin/env node
// `npm start [-- --fresh]` — the app in production mode on this machine:
//   database: DATABASE_URL, or the embedded PostgreSQL in SOUNDING_DATA_DIR (default .data/postgres);
//   migrations (prisma migrate deploy), the idempotent seed (prints the demo sign-ins);
//   `next build` when .next has no build of the current sources; `next start`.
// PORT (3000) and HOSTNAME (bind address; default all interfaces, as Next does) are respected.
// Ctrl-C / SIGTERM stops Next.js, then PostgreSQL. See docs/development.md.
import { ROOT, UserError, main, run } from "./lib/common.mjs";
import { buildNeeded, nextCli, parseArgs, prepare, recordBuild, runNext, sourceHash } from "./lib/app.mjs";

main("start", async () => {
  const started = Date.now();
  const args = parseArgs(process.argv.slice(2));
  const { address, database } = await prepare({ ...args, owner: "npm start" });

  const reason = buildNeeded(sourceHash());
  if (reason) {
    console.error(`Building the app (${reason})…`);
    const t = Date.now();
    const code = await run(process.execPath, [nextCli(), "build"], { cwd: ROOT, env: process.env });
    if (code !== 0) throw new UserError(`next build failed (exit ${code}); see the messages above`);
    recordBuild(sourceHash());
    console.error(`Built in ${((Date.now() - t) / 1000).toFixed(0)} s.`);
  } else {
    console.error("The production build is up to date.");
  }

  const nextArgs = ["start", "-p", String(address.port)];
  if (address.bind) nextArgs.push("-H", address.bind);
  const code = await runNext(nextArgs, {
    address,
    banner: [
      `Sounding is running at ${address.url}   (ready after ${((Date.now() - started) / 1000).toFixed(1)} s)`,
      `Database: ${database}`,
      "Demo sign-ins: see the seed output above. Press Ctrl-C to stop.",
    ],
  });
  return code;
});
