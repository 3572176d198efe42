// What runs a job: `registerJobHandler(queue, async (job, progress) => output)`. A domain module defines
// its queue and registers its handler side by side; lib/jobs/handlers.ts imports those modules so every
// worker process (the app's own, or `npm run worker`) knows them. A handler:
//   - gets the job's id, data (with engagementId), attempt number (1 = first) and retry limit;
//   - reports progress with `await progress(done, total, note?)`, which also throws JobCancelledError
//     once the job was cancelled (so a long job stops at its next report);
//   - returns a small JSON object (the job's output, readable in the JobView) or nothing;
//   - throws to fail the attempt: the job is retried per its queue's policy, then shown as failed with
//     the error's message as its reason (a plain sentence: it is shown to the user; no stack is stored).
// INVARIANT: a handler must be safe to run again (retries, or an instance that died mid-job).
import type { JobData, JobQueue } from "@/lib/jobs/queues";

export type JobContext<D extends JobData = JobData> = {
  id: string;
  queue: string;
  data: D;
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number;
  retryLimit: number;
};

/** Record progress (done of total, e.g. rows or iterations) and stop if the job was cancelled. */
export type ReportProgress = (done: number, total: number, note?: string) => Promise<void>;

export type JobHandler<D extends JobData = JobData> = (job: JobContext<D>, progress: ReportProgress) => Promise<Record<string, unknown> | void>;

export class JobCancelledError extends Error {
  constructor() {
    super("The job was cancelled.");
    this.name = "JobCancelledError";
  }
}

type Registered = { queue: JobQueue; handler: JobHandler };
const g = globalThis as unknown as { __soundingJobHandlers?: Map<string, Registered> };
const handlers: Map<string, Registered> = (g.__soundingJobHandlers ??= new Map());

export function registerJobHandler<D extends JobData>(queue: JobQueue<D>, handler: JobHandler<D>): void {
  handlers.set(queue.name, { queue, handler: handler as JobHandler });
}

export function registeredHandlers(): Registered[] {
  return [...handlers.values()];
}

/** Test support: forget a handler registered by a test file. */
export function unregisterJobHandler(queueName: string): void {
  handlers.delete(queueName);
}
