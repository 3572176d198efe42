// The app's only PrismaClient. Server-only: never import from client components.
// Scripts (seed, CLI) run with `tsx --conditions=react-server` so this import resolves there too.
import "server-only";
import { createPrismaClient, type Db } from "@/lib/db-client";
import { env } from "@/lib/env";

export type { Db };

const globalForDb = globalThis as unknown as { soundingDb?: Db };

export const db: Db = globalForDb.soundingDb ?? createPrismaClient(env().DATABASE_URL, env().DATABASE_POOL_MAX);
if (env().NODE_ENV !== "production") globalForDb.soundingDb = db;
