// Job queues are declared where their work lives: a domain module calls `defineJobQueue` (name, retry
// policy, time limit, concurrency per process) and `registerJobHandler` (lib/jobs/registry.ts), and is
// listed in lib/jobs/handlers.ts so every worker process loads it. Pure: no pg-boss, no database.
// INVARIANT: a queue's name is unique across the app; defining it again (a dev reload) replaces the definition.

/** What a job carries: always the engagement it works on (readers check it; docs/jobs.md). */
export type JobData = { engagementId: string } & Record<string, unknown>;

export type JobQueueDefinition = {
  /** pg-boss queue name: letters, digits, `.`, `_`, `-` (e.g. "estimate.compute", "profiler.run") */
  name: string;
  /** one line for docs and logs */
  description: string;
  /** attempts after the first one before the job is failed for good */
  retryLimit: number;
  /** wait before a retry, in seconds (doubled per attempt when retryBackoff) */
  retryDelaySeconds: number;
  retryBackoff: boolean;
  /** an attempt still running after this long is failed by timeout (and retried) */
  expireInSeconds: number;
  /** jobs of this queue one worker process runs at once */
  concurrency: number;
  /**
   * pg-boss queue policy — how `singletonKey` dedupes (docs/jobs.md):
   *   standard: no deduplication; short: at most one WAITING job per key; singleton: at most one RUNNING
   *   job per key; stately: one waiting + one running per key (jobs sent without a key share one key).
   */
  policy: "standard" | "short" | "singleton" | "stately";
};

/** A defined queue; the type parameter is the shape of its job data (enqueueJob and the handler share it). */
export type JobQueue<D extends JobData = JobData> = JobQueueDefinition & { readonly __data?: D };

const g = globalThis as unknown as { __soundingJobQueues?: Map<string, JobQueueDefinition> };
const queues: Map<string, JobQueueDefinition> = (g.__soundingJobQueues ??= new Map());

const NAME = /^[a-z][a-z0-9_.-]{0,48}$/;

export function defineJobQueue<D extends JobData>(def: Omit<JobQueueDefinition, "retryBackoff" | "concurrency" | "policy"> & Partial<Pick<JobQueueDefinition, "retryBackoff" | "concurrency" | "policy">>): JobQueue<D> {
  if (!NAME.test(def.name)) throw new Error(`Invalid job queue name "${def.name}": lower-case letters, digits, ".", "_" or "-", at most 49 characters`);
  if (!Number.isInteger(def.retryLimit) || def.retryLimit < 0) throw new Error(`Job queue ${def.name}: retryLimit must be an integer ≥ 0`);
  if (!Number.isInteger(def.retryDelaySeconds) || def.retryDelaySeconds < 0) throw new Error(`Job queue ${def.name}: retryDelaySeconds must be an integer ≥ 0`);
  if (!Number.isInteger(def.expireInSeconds) || def.expireInSeconds < 1 || def.expireInSeconds >= 24 * 3600) throw new Error(`Job queue ${def.name}: expireInSeconds must be between 1 and 86,399`);
  const full: JobQueueDefinition = { retryBackoff: false, concurrency: 1, policy: "standard", ...def };
  if (!Number.isInteger(full.concurrency) || full.concurrency < 1 || full.concurrency > 16) throw new Error(`Job queue ${def.name}: concurrency must be between 1 and 16`);
  queues.set(full.name, full);
  return full as JobQueue<D>;
}

export function findQueueDefinition(name: string): JobQueueDefinition | undefined {
  return queues.get(name);
}

export function definedQueues(): JobQueueDefinition[] {
  return [...queues.values()];
}
