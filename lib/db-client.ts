// How a PrismaClient is built (adapter-pg, no Rust engine). lib/db.ts holds the app's only instance;
// scripts and Playwright fixtures (which cannot import server-only modules) build their own with this.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/** `poolMax`: connections this client may open (the app's DATABASE_POOL_MAX; docs/deployment.md sizes it). */
export function createPrismaClient(databaseUrl: string, poolMax = 10) {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    // Fail fast when the database is down (TRUST.md, docs/security.md): no request hangs on a dead or
    // frozen server. A refused connection fails at once; a connection that does not open in 3 s, a
    // statement the server runs for more than 20 s, or one whose answer does not arrive in 25 s fails
    // with an error that lib/errors.ts maps to UNAVAILABLE. The pool drops broken connections and opens
    // new ones when the server is back, so the app recovers by itself.
    connectionTimeoutMillis: 3_000,
    statement_timeout: 20_000,
    query_timeout: 25_000,
    idle_in_transaction_session_timeout: 30_000,
    keepAlive: true,
    max: poolMax,
  });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createPrismaClient>;
