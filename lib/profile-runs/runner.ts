// Runs one profile: the uploaded bytes stream through lib/profiler while the run row carries progress, and a
// cancel request (from any page, any app instance) stops it within a second. Nothing of the file is kept:
// no temp file, no buffer beyond the profiler's small head; only its result is written (mutations.ts).
//
// Two phases, because the file is never stored:
//   1. receiving — the bytes come from the browser tab that started the run and are profiled as they arrive;
//      that tab must stay open (it warns before closing). A body cut short (closed tab, lost connection, fewer
//      bytes than announced, no data for UPLOAD_IDLE_MS) ends the run as interrupted, with the reason.
//   2. once the whole file has arrived (uploadFinishedAt) — the last checks and writing the result run here on
//      the server, no longer tied to the client connection: the tab may close, the run still finishes.
// Why not the job queue (lib/jobs) for phase 1: a worker elsewhere would have nothing to read. The run row is
// the state, so any page on any instance shows progress; the profiler.sweep job (queue.ts) ends runs whose
// server died (no progress for STALE_RUN_MS).
import "server-only";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import type { Actor } from "@/lib/engagements/mutations";
import { logError } from "@/lib/log";
import { ProfileCancelled, ProfileError, profileStream, type Profile } from "@/lib/profiler";
import { claimProfileRunUpload, completeProfileRun, endProfileRun, markProfileUploadReceived, recordProfileProgress } from "@/lib/profile-runs/mutations";
import { findProfileTarget } from "@/lib/profile-runs/data";

/** How often the run row is updated with progress and checked for a cancel request. */
export const PROGRESS_INTERVAL_MS = 1000;
/** An upload that sends nothing for this long is given up (interrupted). */
export const UPLOAD_IDLE_MS = 60_000;

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
  /** aborted when the client goes away (closed tab, lost connection): matters only while bytes are still due */
  clientSignal?: AbortSignal;
  /** test seam: the idle limit */
  idleMs?: number;
};

export type ProfileRunOutcome = { status: "done"; result: Profile } | { status: "failed" | "cancelled" | "interrupted"; error: string };

const INTERRUPTED = {
  closed: "The upload stopped before the end of the file (the browser tab was closed or the connection was lost). Nothing was kept; start a new run.",
  short: "The upload ended before the whole file arrived (fewer bytes than the browser announced). Nothing was kept; start a new run.",
  idle: "No data arrived for a minute, so the upload was given up. Nothing was kept; start a new run.",
} as const;

/**
 * Reads the body; a pending read gives up as soon as `signal` aborts (a stalled body never resolves), and a
 * body that errors (the connection dropped) calls `onBroken` and ends as cancelled, not as a damaged file.
 */
async function* receive(body: AsyncIterable<Uint8Array>, signal: AbortSignal, onBytes: (n: number) => void, onBroken: () => void): AsyncIterable<Buffer> {
  const it = body[Symbol.asyncIterator]();
  const aborted = new Promise<never>((_, reject) => {
    const fail = () => reject(new ProfileCancelled());
    if (signal.aborted) fail();
    else signal.addEventListener("abort", fail, { once: true });
  });
  aborted.catch(() => undefined);
  try {
    while (true) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await Promise.race([it.next(), aborted]);
      } catch (err) {
        if (!(err instanceof ProfileCancelled)) onBroken();
        throw new ProfileCancelled();
      }
      if (next.done) return;
      const chunk = next.value;
      onBytes(chunk.byteLength);
      yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    }
  } finally {
    void it.return?.()?.catch(() => undefined);
  }
}

export async function runProfile(input: ProfileRunInput): Promise<ProfileRunOutcome> {
  const controller = new AbortController();
  let reason: "cancelled" | keyof typeof INTERRUPTED | null = null;
  let received = 0;
  let lastByteAt = Date.now();
  let complete = false; // the whole body has arrived: the client no longer matters
  const stop = (why: NonNullable<typeof reason>) => {
    reason ??= why;
    controller.abort();
  };
  const onClientAbort = () => {
    // the client may drop the connection right after its last byte, before this side read the end
    if (!complete && !(input.totalBytes !== null && received >= input.totalBytes)) stop("closed");
  };
  input.clientSignal?.addEventListener("abort", onClientAbort);
  if (input.clientSignal?.aborted) onClientAbort();
  const idleMs = input.idleMs ?? UPLOAD_IDLE_MS;
  let latest = { bytes: 0, rows: 0 };
  let inFlight = false;
  const timer = setInterval(() => {
    if (!complete && Date.now() - lastByteAt > idleMs) stop("idle");
    if (inFlight) return;
    inFlight = true;
    recordProfileProgress(input.runId, latest)
      .then((r) => {
        if (r.cancelRequested) stop("cancelled");
      })
      .catch((err: unknown) => logError("could not record profile progress", err, { requestId: input.requestId }))
      .finally(() => {
        inFlight = false;
      });
  }, Math.min(PROGRESS_INTERVAL_MS, idleMs));
  async function* body(): AsyncIterable<Buffer> {
    yield* receive(input.body, controller.signal, (n) => {
      received += n;
      lastByteAt = Date.now();
    }, () => stop("closed"));
    if (input.totalBytes !== null && received < input.totalBytes) {
      stop("short");
      throw new ProfileCancelled();
    }
    complete = true;
    latest = { ...latest, bytes: received };
    await markProfileUploadReceived(input.runId, received);
  }
  try {
    const result = await profileStream(body(), {
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
      outcome = reason === "cancelled" || reason === null
        ? { status: "cancelled", error: "Cancelled. Nothing of the file was kept." }
        : { status: "interrupted", error: INTERRUPTED[reason] };
    } else if (err instanceof ProfileError) {
      // the profiler's one-line messages name the problem, never a value of the file
      outcome = { status: "failed", error: err.message };
    } else {
      logError("profile run failed", err, { requestId: input.requestId });
      outcome = { status: "failed", error: `The file could not be profiled (reference ${input.requestId.slice(0, 8)}).` };
    }
    await endProfileRun(input.engagementId, input.actor, input.runId, { ...outcome, bytes: Math.max(latest.bytes, received) }, input.requestId);
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
