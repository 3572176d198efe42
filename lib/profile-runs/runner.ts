// Runs one profile: the uploaded bytes stream through lib/profiler while the run row carries progress, and a
// cancel request (from any page, any app instance) stops it within a second. Nothing of the file is kept:
// no temp file, no buffer beyond the profiler's small head; only its result is written (mutations.ts).
//
// Why this runs inside the upload request and not on the job queue (lib/jobs): the file is never stored, so
// a worker on another instance has nothing to read. The request is the job; the run row is its state, so
// the page can be left (the upload continues in the tab) and any page can show progress and cancel.
import "server-only";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import type { Actor } from "@/lib/engagements/mutations";
import { logError } from "@/lib/log";
import { ProfileCancelled, ProfileError, profileStream, type Profile } from "@/lib/profiler";
import { claimProfileRunUpload, completeProfileRun, endProfileRun, recordProfileProgress } from "@/lib/profile-runs/mutations";
import { findProfileTarget } from "@/lib/profile-runs/data";

/** How often the run row is updated with progress and checked for a cancel request. */
export const PROGRESS_INTERVAL_MS = 1000;

export type ProfileRunInput = {
  engagementId: AuthorizedEngagementId;
  runId: string;
  actor: Actor;
  requestId: string;
  fileName: string;
  /** data-entity kind, to disambiguate columns (profiler ProfileOptions.entity) */
  entityKind?: string;
  body: AsyncIterable<Uint8Array>;
  totalBytes: number | null;
  /** aborted when the client goes away (closed tab, lost connection) */
  clientSignal?: AbortSignal;
};

export type ProfileRunOutcome = { status: "done"; result: Profile } | { status: "failed" | "cancelled" | "interrupted"; error: string };

async function* asBuffers(body: AsyncIterable<Uint8Array>): AsyncIterable<Buffer> {
  for await (const chunk of body) yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

export async function runProfile(input: ProfileRunInput): Promise<ProfileRunOutcome> {
  const controller = new AbortController();
  let reason: "cancelled" | "interrupted" | null = null;
  const onClientAbort = () => {
    reason ??= "interrupted";
    controller.abort();
  };
  input.clientSignal?.addEventListener("abort", onClientAbort);
  let latest = { bytes: 0, rows: 0 };
  let inFlight = false;
  const timer = setInterval(() => {
    if (inFlight) return;
    inFlight = true;
    recordProfileProgress(input.runId, latest)
      .then((r) => {
        if (r.cancelRequested) {
          reason ??= "cancelled";
          controller.abort();
        }
      })
      .catch((err: unknown) => logError("could not record profile progress", err, { requestId: input.requestId }))
      .finally(() => {
        inFlight = false;
      });
  }, PROGRESS_INTERVAL_MS);
  try {
    const result = await profileStream(asBuffers(input.body), {
      fileName: input.fileName,
      totalBytes: input.totalBytes,
      entity: input.entityKind,
      signal: controller.signal,
      onProgress: (p) => {
        latest = { bytes: p.bytesRead, rows: p.rows };
      },
    });
    clearInterval(timer);
    if (reason) throw new ProfileCancelled();
    await completeProfileRun(input.engagementId, input.actor, input.runId, result, input.requestId);
    return { status: "done", result };
  } catch (err) {
    clearInterval(timer);
    let outcome: Exclude<ProfileRunOutcome, { status: "done" }>;
    if (err instanceof ProfileCancelled || reason) {
      outcome = reason === "interrupted"
        ? { status: "interrupted", error: "The upload stopped before the end of the file (the page was closed or the connection was lost). Nothing was kept; start a new run." }
        : { status: "cancelled", error: "Cancelled. Nothing of the file was kept." };
    } else if (err instanceof ProfileError) {
      // the profiler's one-line messages name the problem, never a value of the file
      outcome = { status: "failed", error: err.message };
    } else {
      logError("profile run failed", err, { requestId: input.requestId });
      outcome = { status: "failed", error: `The file could not be profiled (reference ${input.requestId.slice(0, 8)}).` };
    }
    await endProfileRun(input.engagementId, input.actor, input.runId, { ...outcome, bytes: latest.bytes }, input.requestId);
    return outcome;
  } finally {
    input.clientSignal?.removeEventListener("abort", onClientAbort);
  }
}

/**
 * The upload of a run: claims the run (its creator, once), then profiles the body. Called by the route
 * handler after it checked session, origin and access (profile.run on the run's engagement).
 */
export async function profileRunUpload(input: Omit<ProfileRunInput, "fileName" | "entityKind">): Promise<ProfileRunOutcome> {
  const run = await claimProfileRunUpload(input.engagementId, input.runId, input.actor.id);
  const target = run.targetType === "data_entity" ? await findProfileTarget(input.engagementId, "data_entity", run.targetId) : null;
  return runProfile({ ...input, fileName: run.fileName, entityKind: target?.kind });
}
