#!/usr/bin/env node
// `npm run seed:large [-- --replace]` — adds the generated large engagement (scripts/lib/large-engagement.ts:
// 5,000 data entities, 2,000 workflow items, 300 interfaces, 800 reports, 300 risks, 12 waves) to the
// demo firm, with the demo users as members (run `npm run db:seed` first). Idempotent: an existing one is
// kept (its id is printed) unless --replace. Prints the engagement id on stdout (npm run loadtest finds it
// by name). Database: DATABASE_URL, else the running or a started embedded PostgreSQL (withDatabase).
import path from "node:path";
import { ROOT, UserError, main, run } from "./lib/common.mjs";
import { migrateDeploy, runSeed, tsxCli, withDatabase } from "./lib/database.mjs";

main("seed:large", async () => {
  const replace = process.argv.includes("--replace");
  await withDatabase(
    async (url) => {
      await migrateDeploy(url, { quiet: true });
      await runSeed(url); // the demo firm and users (idempotent)
      const code = await run(process.execPath, [tsxCli(), "--conditions=react-server", path.join(ROOT, "scripts", "lib", "seed-large-run.ts"), ...(replace ? ["--replace"] : [])], {
        env: { ...process.env, DATABASE_URL: url },
      });
      if (code !== 0) throw new UserError(`seeding the large engagement failed (exit ${code})`);
    },
    { owner: "seed:large" },
  );
});
