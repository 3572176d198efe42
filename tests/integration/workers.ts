// How many integration test files run at once (vitest.config.ts) and how many copies of the migrated
// database global-setup.ts makes for them: one database per worker. A given server (TEST_DATABASE_URL)
// gets one worker, because the suite may only reset, not create, databases there.
export function integrationWorkers(): number {
  if (process.env.TEST_DATABASE_URL) return 1;
  const n = Number(process.env.INTEGRATION_WORKERS ?? 2);
  return Number.isInteger(n) && n >= 1 && n <= 8 ? n : 2;
}
