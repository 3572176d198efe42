// A PrismaClient on the e2e server's database, so tests can create their own users and engagements
// (with the shared factories in lib/factories) and check what the app stored:
//
//   import { e2eDb } from "./support/db";
//   const world = await createEngagementWorld(e2eDb());
//
// The URL comes from .data/e2e/runtime.json, written by `node scripts/start.mjs` (Playwright's
// webServer) once the database is migrated and seeded. One client per worker, closed when the worker
// exits. lib/db.ts is not used here: it is server-only.
//
// Playwright compiles TypeScript to CommonJS: this works because schema.prisma generates the client
// with moduleFormat = "cjs" (with the default, its `import.meta.url` makes Node refuse the file).
import fs from "node:fs";
import path from "node:path";
import { createPrismaClient, type Db } from "@/lib/db-client";
import { E2E_DATA_DIR } from "./paths";

export function e2eDatabaseUrl(): string {
  const file = path.join(E2E_DATA_DIR, "runtime.json");
  let runtime: { databaseUrl?: string };
  try {
    runtime = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    throw new Error(`${file} not found: the e2e server is not running (npm run test:e2e starts it)`);
  }
  if (!runtime.databaseUrl) throw new Error(`${file} has no databaseUrl`);
  return runtime.databaseUrl;
}

let client: Db | undefined;

/** This worker's PrismaClient (adapter-pg) on the e2e database. */
export function e2eDb(): Db {
  client ??= createPrismaClient(e2eDatabaseUrl());
  return client;
}

export async function disconnectE2eDb() {
  const current = client;
  client = undefined;
  await current?.$disconnect();
}

process.once("beforeExit", () => void disconnectE2eDb());
