// The handler of estimate.compute (lib/estimate-results/queue.ts): reads the engagement's inputs as they
// are NOW (a job that waited behind later edits computes the newest inputs) and stores their estimate
// through obtainEstimate, so a result another instance computed meanwhile is reused, not recomputed.
import "server-only";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { loadEngagementDocument } from "@/lib/engagement-format/data";
import { registerJobHandler } from "@/lib/jobs/registry";
import { findInputsRevision } from "@/lib/estimate-results/data";
import { obtainEstimate } from "@/lib/estimate-results/obtain";
import { estimateQueue } from "@/lib/estimate-results/queue";

registerJobHandler(estimateQueue, async (job, progress) => {
  const { seed, iterations } = job.data;
  // INVARIANT: estimate jobs are sent only by loadCurrentEstimate, after the request's requireEngagementAccess
  const engagementId = job.data.engagementId as AuthorizedEngagementId;
  await progress(0, 2, "reading the inputs");
  // the revision is read before the document, so the result is never filed under a newer revision than its inputs
  const revision = await findInputsRevision(engagementId);
  const doc = await loadEngagementDocument(engagementId);
  await progress(1, 2, "computing");
  const got = await obtainEstimate(engagementId, doc, { seed, iterations }, { kind: "current", revision });
  await progress(2, 2, "stored");
  return { resultId: got.resultId, source: got.source, engineMs: got.engineMs, inputsRevision: revision.toString() };
});
