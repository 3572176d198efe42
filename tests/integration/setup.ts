// Runs before each integration test file, before the file's own imports are evaluated: points
// DATABASE_URL (read by lib/env.ts → lib/db.ts) at the database that global-setup.ts prepared.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
