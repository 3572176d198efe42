// The profile-run watchdog queue (lib/jobs): starting a run sends one delayed job per engagement that ends
// the runs whose upload went silent (sweepStaleProfileRuns) and looks again while runs are still going, so
// a run whose tab was closed mid-upload, or whose server restarted, is never left "running".
// Policy "short" keyed by engagement: at most one waiting watchdog per engagement however many runs start.
import { defineJobQueue } from "@/lib/jobs/queues";

export type ProfileSweepJobData = { engagementId: string };

export const profileSweepQueue = defineJobQueue<ProfileSweepJobData>({
  name: "profiler.sweep",
  description: "End an engagement's profile runs whose upload went silent (interrupted, with the reason)",
  retryLimit: 2,
  retryDelaySeconds: 30,
  expireInSeconds: 120,
  policy: "short",
});

/** First look: just after a silent run would count as stale (STALE_RUN_MS = 2 min). */
export const FIRST_SWEEP_AFTER_S = 150;
/** Later looks while runs are still going. */
export const NEXT_SWEEP_AFTER_S = 60;
