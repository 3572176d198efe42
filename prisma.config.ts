// Prisma CLI configuration: the JavaScript schema engine talks to PostgreSQL through adapter-pg, so
// `prisma migrate deploy/status/diff` and `prisma generate` need no Rust engine binaries (none can be
// downloaded here). Run the CLI through `node scripts/prisma.mjs`, which sets the environment the CLI
// checks before it reads this file. See docs/development.md and shared TOOLCHAIN notes.
//
// The pg shims below exist only for the CLI's schema engine; the app's runtime client (lib/db.ts)
// uses a plain PrismaPg adapter.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// Prisma 6.19 defect (prisma/orm#27403): the schema engine reads catalog columns typed `"char"` (18),
// `name` (19), `regclass` (2205) and their arrays (1002, 1003) that adapter-pg cannot decode
// ("Column type 'name' could not be deserialized"). Report them as text / text[] instead.
const OID_REWRITES = new Map<number, number>([
  [18, 25],
  [19, 25],
  [2205, 25],
  [1002, 1009],
  [1003, 1009],
]);

type FieldLike = { dataTypeID: number };
type ResultLike = { fields?: FieldLike[] };

function rewriteFields<T>(result: T): T {
  const results = (Array.isArray(result) ? result : [result]) as ResultLike[];
  for (const r of results) {
    for (const field of r?.fields ?? []) {
      const to = OID_REWRITES.get(field.dataTypeID);
      if (to !== undefined) field.dataTypeID = to;
    }
  }
  return result;
}

class CatalogSafeClient extends pg.Client {
  // Handles the promise form and the callback forms (pg.Pool calls query with a callback).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const cbIndex = args.findIndex((a) => typeof a === "function");
    if (cbIndex >= 0) {
      const cb = args[cbIndex];
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      args[cbIndex] = (err: unknown, res: any) => cb(err, res === undefined ? res : rewriteFields(res));
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return (super.query as any)(...args);
    }
    const first = args[0];
    if (first && typeof first === "object" && typeof first.callback === "function") {
      const cb = first.callback;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      first.callback = (err: unknown, res: any) => cb(err, res === undefined ? res : rewriteFields(res));
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const ret = (super.query as any)(...args);
    return ret && typeof ret.then === "function" ? ret.then(rewriteFields) : ret;
  }
}

// Discrete connection fields (not connectionString): adapter-pg derives the shadow database by
// overriding `database`, which a connection string would win over.
function poolConfigFromUrl(url: string): pg.PoolConfig {
  const u = new URL(url);
  if (u.protocol !== "postgres:" && u.protocol !== "postgresql:") {
    throw new Error(`DATABASE_URL must start with postgresql:// (got ${u.protocol}//…)`);
  }
  const params = u.searchParams;
  const sslmode = params.get("sslmode");
  let ssl: pg.PoolConfig["ssl"];
  if (sslmode === "require" || sslmode === "prefer" || sslmode === "no-verify") ssl = { rejectUnauthorized: false };
  else if (sslmode === "verify-ca" || sslmode === "verify-full") ssl = true;
  else if (params.get("ssl") === "true") ssl = true;
  const hostParam = params.get("host"); // unix socket directory, libpq style
  return {
    host: hostParam ?? (decodeURIComponent(u.hostname).replace(/^\[(.*)\]$/, "$1") || "localhost"),
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || undefined,
    ssl,
    Client: CatalogSafeClient,
    max: 4,
    // The CLI does not always dispose the pool (e.g. `migrate diff`): idle connections would keep the
    // process alive for idleTimeoutMillis after the command finished.
    allowExitOnIdle: true,
  };
}

// Prisma 6.19 defect: adapter-pg's executeScript (used by `migrate deploy` to run migration.sql)
// splits the script on every ";" — inside comments, strings and $$-quoted function bodies too — and
// runs the pieces one by one outside a transaction. Send the whole script as one simple-protocol
// query instead, as Prisma's classic engine does: PostgreSQL parses it properly and runs it as one
// implicit transaction (a failing migration leaves nothing half-applied).
type ScriptRunner = { executeScript(script: string): Promise<void>; underlyingDriver(): pg.Pool };
function runScriptsWhole<T extends ScriptRunner>(adapter: T): T {
  adapter.executeScript = async (script: string) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      // PgQueryable.onError turns a pg error into the DriverAdapterError the engine understands.
      (adapter as unknown as { onError(e: unknown): never }).onError(error);
    }
  };
  return adapter;
}

class MigrationSafePrismaPg extends PrismaPg {
  override async connect() {
    return runScriptsWhole(await super.connect());
  }
  override async connectToShadowDb() {
    return runScriptsWhole(await super.connectToShadowDb());
  }
}

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: process.env.SOUNDING_MIGRATIONS_DIR ?? path.join("prisma", "migrations") },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set (run the CLI through `node scripts/prisma.mjs`)");
    const schema = new URL(url).searchParams.get("schema") ?? undefined;
    return new MigrationSafePrismaPg(poolConfigFromUrl(url), schema ? { schema } : undefined);
  },
});
