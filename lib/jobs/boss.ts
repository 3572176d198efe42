// The job queue engine: pg-boss 10 on the app's PostgreSQL, in its own schema ("pgboss", created and
// migrated by pg-boss itself on start, under its advisory lock, so N instances may start at once). One
// PgBoss per process, kept on globalThis, started on first use. Sending needs no worker in this process;
// workers are started by lib/jobs/worker.ts (in the app process by default, or `npm run worker`).
// INVARIANT: nothing outside lib/jobs imports pg-boss: domain code uses lib/jobs/index.ts.
import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { logError } from "@/lib/log";
import type { JobQueueDefinition } from "@/lib/jobs/queues";

export const JOB_SCHEMA = "pgboss";

type BossState = { boss?: Promise<PgBoss>; created: Set<string>; localWorkers: Map<string, string[]> };
const g = globalThis as unknown as { __soundingBoss?: BossState };
const state: BossState = (g.__soundingBoss ??= { created: new Set(), localWorkers: new Map() });

/** Worker ids of this process per queue (lib/jobs/worker.ts), so a job sent here wakes them at once. */
export const localWorkers = state.localWorkers;

function createBoss(databaseUrl: string): PgBoss {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: JOB_SCHEMA,
    max: env().JOB_POOL_MAX,
    application_name: "sounding-jobs",
    // finished and failed jobs stay readable for a week (a failed job's reason is shown), then are deleted
    retentionDays: 7,
    deleteAfterDays: 7,
  });
  boss.on("error", (err) => logError("job queue error", err));
  return boss;
}

/** The started pg-boss of this process (started on first use; a failed start is retried by the next call). */
export function boss(): Promise<PgBoss> {
  state.boss ??= (async () => {
    const b = createBoss(env().DATABASE_URL);
    await b.start();
    return b;
  })().catch((err) => {
    state.boss = undefined;
    throw err;
  });
  return state.boss;
}

/** Create (once per process) or update the pg-boss queue of a definition. Idempotent across instances. */
export async function ensureQueue(def: JobQueueDefinition): Promise<PgBoss> {
  const b = await boss();
  if (state.created.has(def.name)) return b;
  const options = { name: def.name, policy: def.policy, retryLimit: def.retryLimit, retryDelay: def.retryDelaySeconds, retryBackoff: def.retryBackoff, expireInSeconds: def.expireInSeconds };
  if (await b.getQueue(def.name)) await b.updateQueue(def.name, options);
  else await b.createQueue(def.name, options).catch(async (err) => {
    // another instance created it between the two calls
    if (!(await b.getQueue(def.name))) throw err;
  });
  state.created.add(def.name);
  return b;
}

/** Stop this process's pg-boss: workers finish their current job (up to `timeoutMs`), then the pool closes. */
export async function stopBoss(timeoutMs = 20_000): Promise<void> {
  const p = state.boss;
  state.boss = undefined;
  state.created.clear();
  state.localWorkers.clear();
  if (!p) return;
  const b = await p.catch(() => null);
  if (!b) return;
  // waits for the workers' current jobs (up to timeoutMs); jobs still running then are failed and retried elsewhere
  await b.stop({ graceful: true, timeout: timeoutMs }).catch((err: unknown) => logError("stopping the job queue failed", err));
}
