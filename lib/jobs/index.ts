// Background jobs — the API domain code uses (docs/jobs.md). pg-boss (lib/jobs/boss.ts) keeps the jobs
// in PostgreSQL, so any instance may send, run, read or cancel them.
//   const q = defineJobQueue<{ engagementId: string; runId: string }>({ name: "profiler.run", … });
//   registerJobHandler(q, async (job, progress) => { …; await progress(i, n); return { rows: n } });
//   const id = await enqueueJob(q, { engagementId, runId });        // never waits for the job to run
//   const view = await findJob(q, id, engagementId);                 // state, attempts, reason, progress
//   await cancelJob(q, id, engagementId);
// Every job carries the engagement it works on; readers pass the engagement id they were authorized
// for (requireEngagementAccess) and get nothing for another engagement's job.
import "server-only";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { boss, ensureQueue, JOB_SCHEMA, localWorkers } from "@/lib/jobs/boss";
import { findJobProgress, type JobProgress } from "@/lib/jobs/data";
import { definedQueues, defineJobQueue, type JobData, type JobQueue } from "@/lib/jobs/queues";

export { defineJobQueue, type JobData, type JobQueue, type JobProgress };
export { registerJobHandler, JobCancelledError, type JobHandler, type JobContext, type ReportProgress } from "@/lib/jobs/registry";

export type EnqueueOptions = {
  /** dedupes per the queue's policy (short: one waiting job per key; stately: one waiting + one running); a duplicate send returns null */
  singletonKey?: string;
  /** run no earlier than this many seconds from now */
  startAfterSeconds?: number;
};

/**
 * Send a job; returns its id at once (the job runs in a worker), or null when `singletonKey` matched a
 * job the queue's policy keeps unique (two instances asking for the same work make one job).
 */
export async function enqueueJob<D extends JobData>(queue: JobQueue<D>, data: D, opts: EnqueueOptions = {}): Promise<string | null> {
  if (typeof data?.engagementId !== "string" || !data.engagementId) throw new Error(`A job of ${queue.name} must carry the engagementId it works on`);
  const b = await ensureQueue(queue);
  const id = await b.send(queue.name, data, {
    ...(opts.singletonKey ? { singletonKey: opts.singletonKey } : {}),
    ...(opts.startAfterSeconds ? { startAfter: opts.startAfterSeconds } : {}),
  });
  // a worker of this queue in this process starts now instead of at its next poll
  if (id && !opts.startAfterSeconds) for (const w of localWorkers.get(queue.name) ?? []) b.notifyWorker(w);
  return id;
}

export type JobState = "created" | "retry" | "active" | "completed" | "cancelled" | "failed";

/** A job as the UI shows it. */
export type JobView = {
  id: string;
  queue: string;
  /** created = waiting; retry = an attempt failed and another is due; failed = out of attempts */
  state: JobState;
  /** attempts started so far (1 = the first) */
  attempts: number;
  /** attempts allowed in all (1 + the queue's retry limit) */
  maxAttempts: number;
  /** why the last attempt failed (a plain sentence), while retrying or once failed */
  failureReason: string | null;
  /** what the handler returned, once completed */
  output: Record<string, unknown> | null;
  progress: JobProgress | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

function failureReasonOf(output: unknown): string | null {
  if (!output || typeof output !== "object") return null;
  const o = output as { message?: unknown; value?: unknown };
  if (typeof o.message === "string") return o.message;
  if (typeof o.value === "string") return o.value;
  if (o.value && typeof o.value === "object" && typeof (o.value as { message?: unknown }).message === "string") {
    const m = (o.value as { message: string }).message;
    // pg-boss's own wording for an attempt that ran past expireInSeconds
    return m === "job failed by timeout in active state" ? "The job ran longer than its time limit and was stopped." : m;
  }
  return null;
}

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

/** The job, if it exists and works on `engagementId`; a job of another engagement is "not found" (null). */
export async function findJob(queue: JobQueue | string, id: string, engagementId: AuthorizedEngagementId | string): Promise<JobView | null> {
  const name = typeof queue === "string" ? queue : queue.name;
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const b = await boss();
  const job = await b.getJobById<JobData>(name, id, { includeArchive: true }).catch(() => null);
  if (!job || job.data?.engagementId !== engagementId) return null;
  const failing = job.state === "failed" || job.state === "retry";
  return {
    id: job.id,
    queue: name,
    state: job.state,
    // pg-boss counts retries (raised when a retry starts); a job that ever started ran once more than that
    attempts: job.retryCount + (job.startedOn ? 1 : 0),
    maxAttempts: job.retryLimit + 1,
    failureReason: failing ? failureReasonOf(job.output) : null,
    output: job.state === "completed" && job.output && typeof job.output === "object" ? (job.output as Record<string, unknown>) : null,
    progress: await findJobProgress(job.id),
    createdAt: iso(job.createdOn) as string,
    startedAt: iso(job.startedOn),
    finishedAt: iso(job.completedOn),
  };
}

/**
 * Cancel a job that has not finished: a waiting job never runs; a running one stops at its next progress
 * report. True when it was cancelled, false when it was not found for this engagement or had finished.
 */
export async function cancelJob(queue: JobQueue | string, id: string, engagementId: AuthorizedEngagementId | string): Promise<boolean> {
  const name = typeof queue === "string" ? queue : queue.name;
  const job = await findJob(name, id, engagementId);
  if (!job || job.state === "completed" || job.state === "failed" || job.state === "cancelled") return false;
  await (await boss()).cancel(name, id);
  return true;
}

/** Unfinished jobs per queue and state (for /metrics). */
export async function queueDepths(): Promise<{ queue: string; state: string; count: number }[]> {
  const b = await boss();
  const { rows } = await b.getDb().executeSql(`SELECT name AS queue, state::text AS state, count(*)::int AS count FROM ${JOB_SCHEMA}.job WHERE state < 'completed' GROUP BY 1, 2`, []);
  return rows as { queue: string; state: string; count: number }[];
}

/** The queues known to this process (their modules are imported), for docs and /metrics. */
export function knownQueues() {
  return definedQueues().map((q) => ({ name: q.name, description: q.description }));
}
