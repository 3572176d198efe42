#!/usr/bin/env node
// `npm run dev [-- --fresh]` — like `npm start` (same database, migrations and seed) but runs
// `next dev` (hot reload) instead of building. See scripts/start.mjs and docs/development.md.
import { main } from "./lib/common.mjs";
import { parseArgs, prepare, runNext } from "./lib/app.mjs";

main("dev", async () => {
  const started = Date.now();
  const args = parseArgs(process.argv.slice(2));
  const { address, database } = await prepare({ ...args, owner: "npm run dev" });
  const nextArgs = ["dev", "-p", String(address.port)];
  if (address.bind) nextArgs.push("-H", address.bind);
  return runNext(nextArgs, {
    address,
    banner: [
      `Sounding (dev) is running at ${address.url}   (ready after ${((Date.now() - started) / 1000).toFixed(1)} s; pages compile on first visit)`,
      `Database: ${database}`,
      "Demo sign-ins: see the seed output above. Press Ctrl-C to stop.",
    ],
  });
});
