// The job queue of estimate recomputations (lib/jobs): after an input change the estimate page sends one
// job per engagement and run (seed, iterations); a worker computes and stores the result
// (lib/estimate-results/jobs.ts) while the page shows the previous numbers marked "updating".
// Policy "stately" with the key engagement:seed:iterations: at most one waiting and one running job per
// key, so a burst of edits (or many viewers, on any instance) schedules one recomputation, not one each.
import { defineJobQueue } from "@/lib/jobs/queues";

export type EstimateJobData = { engagementId: string; seed: number; iterations: number };

export const estimateQueue = defineJobQueue<EstimateJobData>({
  name: "estimate.compute",
  description: "Compute and store the estimate of an engagement's current inputs",
  retryLimit: 2,
  retryDelaySeconds: 5,
  retryBackoff: true,
  // the engine's own budget (ESTIMATE_BUDGET_MS, ≤ 10 min) stops a run long before this
  expireInSeconds: 900,
  // two engagements' recomputations run side by side per process (the engine runs in worker threads)
  concurrency: 2,
  policy: "stately",
});

export function estimateJobKey(d: EstimateJobData): string {
  return `${d.engagementId}:${d.seed}:${d.iterations}`;
}
