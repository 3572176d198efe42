#!/usr/bin/env node
// Database chores: `node scripts/db.mjs <command>` (npm run db:<command>).
//   migrate              apply committed migrations (prisma migrate deploy)
//   seed                 run prisma/seed.ts (idempotent demo data)
//   reset [--force]      drop and recreate the public schema, migrate, seed; no questions asked.
//                        Refuses on DATABASE_URL unless --force.
//   backup [file]        pg_dump custom archive, or a Sounding logical dump (see scripts/lib/backup.mjs);
//                        default file: .data/backups/sounding-<timestamp>.dump
//   restore <file> [--force]  replace the database's contents with a backup. Refuses on DATABASE_URL
//                        unless --force.
// Without DATABASE_URL each command uses the embedded PostgreSQL: the running one of `npm start` /
// `npm run dev` (runtime.json) or one started for the command (SOUNDING_DATA_DIR or .data/postgres).
import fs from "node:fs";
import path from "node:path";
import { ROOT, UserError, handleSignals, main } from "./lib/common.mjs";
import { backupDatabase, restoreDatabase } from "./lib/backup.mjs";
import { describeUrl, migrateDeploy, resetPublicSchema, runSeed, withDatabase } from "./lib/database.mjs";

const [command, ...rest] = process.argv.slice(2);
const force = rest.includes("--force");
const positional = rest.filter((a) => !a.startsWith("--"));

function refuseExternal(what) {
  if (process.env.DATABASE_URL && !force) {
    throw new UserError(`refusing to ${what} ${describeUrl(process.env.DATABASE_URL)} (DATABASE_URL is set); add --force if you mean it`);
  }
}

const commands = {
  async migrate() {
    await withDatabase((url) => migrateDeploy(url), { owner: "db:migrate" });
  },
  async seed() {
    await withDatabase((url) => runSeed(url), { owner: "db:seed" });
  },
  async reset() {
    refuseExternal("wipe");
    await withDatabase(
      async (url) => {
        await resetPublicSchema(url);
        console.error(`Dropped and recreated the public schema of ${describeUrl(url)}.`);
        await migrateDeploy(url);
        await runSeed(url);
      },
      { owner: "db:reset" },
    );
  },
  async backup() {
    const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
    const file = path.resolve(positional[0] ?? path.join(ROOT, ".data", "backups", `sounding-${stamp}.dump`));
    await withDatabase(
      async (url) => {
        const result = await backupDatabase(url, file);
        if (result.note) console.error(`Note: ${result.note}.`);
        const size = fs.statSync(file).size;
        console.log(`Backed up ${describeUrl(url)} to ${file} (${result.format === "pg_dump" ? `pg_dump custom format, ${result.tool}` : "Sounding dump"}, ${(size / 1024).toFixed(0)} KiB).`);
      },
      { owner: "db:backup" },
    );
  },
  async restore() {
    if (!positional[0]) throw new UserError("usage: npm run db:restore -- <file> [--force]");
    const file = path.resolve(positional[0]);
    if (!fs.existsSync(file)) throw new UserError(`no such backup file: ${file}`);
    refuseExternal("overwrite");
    await withDatabase(
      async (url) => {
        const result = await restoreDatabase(url, file);
        const rows = result.tables ? `, ${Object.values(result.tables).reduce((a, b) => a + b, 0)} rows` : "";
        console.log(`Restored ${file} into ${describeUrl(url)} (${result.format === "pg_dump" ? "pg_restore" : "Sounding dump"}${rows}).`);
        console.log("If this app has newer migrations than the backup, apply them with: npm run db:migrate");
      },
      { owner: "db:restore" },
    );
  },
};

main(`db:${command ?? "?"}`, async () => {
  handleSignals();
  const fn = commands[command];
  if (!fn) throw new UserError(`usage: node scripts/db.mjs <${Object.keys(commands).join("|")}> [args]`);
  await fn();
});
