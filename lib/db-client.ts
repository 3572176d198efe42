// How a PrismaClient is built (adapter-pg, no Rust engine). lib/db.ts holds the app's only instance;
// scripts and Playwright fixtures (which cannot import server-only modules) build their own with this.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export function createPrismaClient(databaseUrl: string) {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    // Fail fast when the database is down (TRUST.md): no request hangs on a dead server.
    connectionTimeoutMillis: 5_000,
    max: 10,
  });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createPrismaClient>;
