// The handler of profiler.sweep (lib/profile-runs/queue.ts): ends the engagement's silent runs and, while
// some are still going, sends the next look. Safe to run again (the sweep only ends runs still silent).
import "server-only";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { enqueueJob } from "@/lib/jobs";
import { registerJobHandler } from "@/lib/jobs/registry";
import { sweepStaleProfileRuns } from "@/lib/profile-runs/mutations";
import { NEXT_SWEEP_AFTER_S, profileSweepQueue } from "@/lib/profile-runs/queue";

registerJobHandler(profileSweepQueue, async (job) => {
  // INVARIANT: sweep jobs are sent only by createProfileRunAction (after requireEngagementAccess) and by this handler
  const engagementId = job.data.engagementId as AuthorizedEngagementId;
  const { ended, running } = await sweepStaleProfileRuns(engagementId);
  if (running > 0) await enqueueJob(profileSweepQueue, { engagementId }, { singletonKey: engagementId, startAfterSeconds: NEXT_SWEEP_AFTER_S });
  return { ended: ended.length, running };
});
