// Job workers of this process: one pg-boss worker loop per unit of each queue's concurrency, for every
// handler registered by the modules in lib/jobs/handlers.ts. Started by instrumentation.ts in each app
// process (unless JOB_WORKERS_IN_APP=off) and by `npm run worker` (scripts/worker.ts). Each attempt's
// duration and outcome go to /metrics; failures are logged with their stack (the stored reason has none).
import "server-only";
import { env, isBuildPhase } from "@/lib/env";
import { logError, logInfo } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import { boss, ensureQueue, localWorkers, stopBoss } from "@/lib/jobs/boss";
import { JobCancelledError, registeredHandlers, type JobHandler } from "@/lib/jobs/registry";
import { pruneJobProgress, saveJobProgress } from "@/lib/jobs/mutations";
import type { JobData, JobQueueDefinition } from "@/lib/jobs/queues";
import "@/lib/jobs/handlers";

const g = globalThis as unknown as { __soundingJobWorkers?: Promise<string[]> };

/** Start workers for every registered queue (or only `queues`); idempotent per process. Returns the queue names. */
export function startJobWorkers(opts: { queues?: string[] } = {}): Promise<string[]> {
  g.__soundingJobWorkers ??= start(opts.queues).catch((err) => {
    g.__soundingJobWorkers = undefined;
    throw err;
  });
  return g.__soundingJobWorkers;
}

async function start(only?: string[]): Promise<string[]> {
  const chosen = registeredHandlers().filter(({ queue }) => !only || only.includes(queue.name));
  if (chosen.length === 0) return []; // no queue to work on: pg-boss is not even started
  const b = await boss();
  const pollingIntervalSeconds = env().JOB_POLL_INTERVAL_MS / 1000;
  const started: string[] = [];
  for (const { queue, handler } of chosen) {
    await ensureQueue(queue);
    const ids: string[] = [];
    for (let i = 0; i < queue.concurrency; i++) {
      ids.push(await b.work<JobData>(queue.name, { pollingIntervalSeconds, includeMetadata: true, batchSize: 1 }, ([job]) => runAttempt(queue, handler, job)));
    }
    localWorkers.set(queue.name, ids);
    started.push(queue.name);
  }
  logInfo("job workers started", { queues: started, pollingIntervalSeconds });
  scheduleProgressPruning();
  return started;
}

/** pg-boss deletes finished jobs after 7 days; their progress rows go a day later (every worker process, every 6 h). */
const PROGRESS_KEEP_MS = 8 * 24 * 3600_000;
function scheduleProgressPruning() {
  const prune = () => void pruneJobProgress(new Date(Date.now() - PROGRESS_KEEP_MS)).catch((err) => logError("pruning job progress rows failed", err));
  const flag = globalThis as unknown as { __soundingProgressPruning?: NodeJS.Timeout };
  if (flag.__soundingProgressPruning) return;
  prune();
  flag.__soundingProgressPruning = setInterval(prune, 6 * 3600_000);
  flag.__soundingProgressPruning.unref();
}

type FetchedJob = { id: string; data: JobData; retryCount: number; retryLimit: number };

async function isCancelled(queue: string, id: string): Promise<boolean> {
  const b = await boss();
  const job = await b.getJobById(queue, id);
  return job?.state === "cancelled";
}

async function runAttempt(queue: JobQueueDefinition, handler: JobHandler, job: FetchedJob): Promise<Record<string, unknown> | undefined> {
  const t0 = performance.now();
  const observe = (outcome: string) => metrics().jobDuration.observe({ queue: queue.name, state: outcome }, (performance.now() - t0) / 1000);
  const progress = async (done: number, total: number, note?: string) => {
    await saveJobProgress(job.id, queue.name, { done, total, note });
    if (await isCancelled(queue.name, job.id)) throw new JobCancelledError();
  };
  try {
    const output = await handler({ id: job.id, queue: queue.name, data: job.data, attempt: job.retryCount + 1, retryLimit: job.retryLimit }, progress);
    observe("completed");
    return output ?? undefined;
  } catch (err) {
    if (err instanceof JobCancelledError) {
      // pg-boss leaves a cancelled job cancelled: its "complete" only touches active jobs
      observe("cancelled");
      return undefined;
    }
    observe("failed");
    logError("job attempt failed", err, { queue: queue.name, jobId: job.id, engagementId: job.data?.engagementId, attempt: job.retryCount + 1, retryLimit: job.retryLimit });
    const reason = new Error(err instanceof Error && err.message ? err.message : "The job failed.");
    reason.stack = undefined; // the reason is shown to users; the stack is in the log line above
    throw reason;
  }
}

/** Stop this process's workers (their current jobs finish first, up to `timeoutMs`) and pg-boss. */
export async function stopJobWorkers(timeoutMs?: number): Promise<void> {
  g.__soundingJobWorkers = undefined;
  await stopBoss(timeoutMs);
}

/**
 * The app process's own workers (instrumentation.ts): started unless JOB_WORKERS_IN_APP=off or during
 * `next build`. When the database is not reachable at boot, it tries again every 30 s.
 */
export function startInAppJobWorkers(): void {
  if (isBuildPhase() || env().JOB_WORKERS_IN_APP === "off") return;
  const attempt = () =>
    startJobWorkers().catch((err) => {
      logError("starting the job workers failed; trying again in 30 s", err);
      setTimeout(attempt, 30_000).unref();
    });
  void attempt();
}
