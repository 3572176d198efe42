// Runs before each integration test file, before the file's own imports are evaluated: points
// DATABASE_URL (read by lib/env.ts → lib/db.ts) at the database that global-setup.ts prepared for this
// worker (VITEST_POOL_ID counts workers from 1).
import { inject } from "vitest";

const perWorker = inject("workerDatabaseUrls");
const poolId = Number(process.env.VITEST_POOL_ID ?? 1);
if (perWorker.length > 0 && !perWorker[poolId - 1]) throw new Error(`integration worker ${poolId} has no database (${perWorker.length} prepared)`);
process.env.DATABASE_URL = perWorker.length > 0 ? perWorker[poolId - 1] : inject("databaseUrl");
