// Compute each estimate once. `obtainEstimate` returns the stored result for (document, seed,
// iterations, engine version) or computes it exactly once: concurrent callers in this process share one
// promise, and callers in other instances find the claimed row (lib/estimate-results/mutations.ts) and
// wait for it to turn ready. A claim that goes quiet for longer than the estimate budget (a crashed
// instance) or that failed is taken over by the next caller.
// `loadCurrentEstimate` is the estimate page's path: the inputs revision finds the stored result without
// loading the document; after a change it waits a little for the new result and otherwise returns the
// previous one marked "updating" while the computation continues.
import "server-only";
import type { EngagementDocument } from "@/lib/engagement-format/schema";
import { EstimateInputError, EstimateOptionsError, type Estimate } from "@/lib/estimate";
import { EstimateBudgetError, estimateBudgetMs, runEstimate } from "@/lib/estimates/runner";
import { estimateInputHash, headlineOf, RESULT_ENGINE_VERSION, type EstimateHeadline } from "@/lib/estimate-results/key";
import {
  findHeadlineAtRevision,
  findInputsRevision,
  findLatestReadyResult,
  findReadyResult,
  findResultAtRevision,
  findResultHead,
  findResultSinceRevision,
  type ResultKind,
  type StoredEstimate,
} from "@/lib/estimate-results/data";
import { advanceResultRevision, claimNewResult, completeResult, failResult, fillHeadline, pruneResults, reclaimResult } from "@/lib/estimate-results/mutations";
import { logError } from "@/lib/log";
import { countEstimateCache } from "@/lib/metrics";
import { enqueueJob } from "@/lib/jobs";
import { estimateJobKey, estimateQueue } from "@/lib/estimate-results/queue";

export type RunSpec = { seed: number; iterations: number };
export type Obtained = {
  estimate: Estimate;
  resultId: string;
  /** stored: read back; computed: this call ran the engine; shared: another caller (here or elsewhere) did */
  source: "stored" | "computed" | "shared";
  engineMs: number | null;
  computedAt: Date;
};

/** Engine runs started by this process through the store (tests assert "computed once" with it). */
const stats = { computed: 0, hits: 0, shared: 0 };
export function estimateStoreStats(): Readonly<typeof stats> {
  return { ...stats };
}

/** A failed key is tried again by the first request after this long (inputs that failed once usually fail again). */
const FAILED_RETRY_AFTER_MS = 60_000;

export class EstimateFailedError extends Error {
  constructor(readonly reason: string) {
    super(`This estimate could not be computed: ${reason || "unknown error"}`);
    this.name = "EstimateFailedError";
  }
}

/**
 * The reason an estimate could not be computed — the engine refused the inputs (EstimateInputError), the run
 * went over its time budget (EstimateBudgetError), or a recorded failure of the same inputs
 * (EstimateFailedError) — or null for any other error (a database outage, a bug), which pages rethrow.
 * Pages show it with describeEstimateFailure (lib/estimate-results/failure.ts) instead of the error page.
 */
export function estimateFailureMessage(err: unknown): string | null {
  if (err instanceof EstimateFailedError) return err.reason || "unknown error";
  if (err instanceof EstimateInputError || err instanceof EstimateBudgetError || err instanceof EstimateOptionsError) return err.message;
  return null;
}

const inflight = new Map<string, Promise<Obtained>>();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The estimate of `doc` with this run, computed at most once per key across instances.
 * `revision` is the engagement's inputs revision read BEFORE `doc` was loaded (kind "current" only).
 */
export function obtainEstimate(engagementId: string, doc: EngagementDocument, run: RunSpec, opts: { kind?: ResultKind; revision?: bigint } = {}): Promise<Obtained> {
  const kind = opts.kind ?? "current";
  const inputHash = estimateInputHash(doc, { ...run, engineVersion: RESULT_ENGINE_VERSION });
  const flightKey = `${engagementId}:${inputHash}`;
  const existing = inflight.get(flightKey);
  if (existing) {
    stats.shared++;
    countEstimateCache("shared");
    return existing.then((o) => ({ ...o, source: o.source === "computed" ? "shared" : o.source }));
  }
  const p = storedOrComputed(engagementId, inputHash, doc, run, kind, opts.revision ?? 0n).finally(() => inflight.delete(flightKey));
  inflight.set(flightKey, p);
  return p;
}

async function storedOrComputed(engagementId: string, inputHash: string, doc: EngagementDocument, run: RunSpec, kind: ResultKind, revision: bigint): Promise<Obtained> {
  const budget = estimateBudgetMs();
  const deadline = Date.now() + budget * 2 + 5_000;
  let delay = 25;
  for (;;) {
    const ready = await findReadyResult(engagementId, inputHash);
    if (ready) {
      if (kind === "current") await advanceResultRevision(ready.id, revision);
      stats.hits++;
      countEstimateCache("hit");
      return { estimate: ready.estimate, resultId: ready.id, source: "stored", engineMs: ready.engineMs, computedAt: ready.computedAt };
    }
    const head = await findResultHead(engagementId, inputHash);
    let claimedId: string | null = null;
    if (!head) {
      claimedId = await claimNewResult({ engagementId, inputHash, kind, seed: run.seed, iterations: run.iterations, inputsRevision: revision });
    } else if (head.status === "failed" && Date.now() - head.claimedAt.getTime() < FAILED_RETRY_AFTER_MS) {
      // a computation of these very inputs just failed (e.g. over budget): say why instead of burning another budget
      throw new EstimateFailedError(head.error);
    } else if (head.status === "failed" || (head.status === "computing" && Date.now() - head.claimedAt.getTime() > budget + 5_000)) {
      if (await reclaimResult(head.id, head)) claimedId = head.id;
    } else if (head.status === "ready") {
      continue; // turned ready between the two reads
    }
    if (claimedId) return compute(claimedId, engagementId, doc, run);
    // someone else is computing this key: wait for their row
    if (Date.now() > deadline) throw new Error("Another instance is still computing this estimate; try again in a moment.");
    await sleep(delay);
    delay = Math.min(250, Math.round(delay * 1.5));
    countEstimateCache("wait");
  }
}

async function compute(id: string, engagementId: string, doc: EngagementDocument, run: RunSpec): Promise<Obtained> {
  stats.computed++;
  countEstimateCache("miss");
  try {
    const r = await runEstimate(doc, run);
    await completeResult(id, r.estimate, r.engineMs);
    void pruneResults(engagementId).catch((err) => logError("pruning stored estimates failed", err, { engagementId }));
    return { estimate: r.estimate, resultId: id, source: "computed", engineMs: r.engineMs, computedAt: new Date() };
  } catch (err) {
    await failResult(id, err instanceof Error ? err.message : String(err)).catch((e) => logError("marking a stored estimate failed", e, { engagementId }));
    throw err;
  }
}

export type CurrentEstimate = Obtained & {
  /** true while the engagement's inputs changed and the shown result is of the previous inputs */
  isUpdating: boolean;
};

const stored = (r: StoredEstimate, isUpdating: boolean): CurrentEstimate => ({ estimate: r.estimate, resultId: r.id, source: "stored", engineMs: r.engineMs, computedAt: r.computedAt, isUpdating });

/**
 * Schedule the recomputation of the engagement's current inputs as a job (lib/jobs): any instance's
 * worker runs it. False when the queue is not reachable (the caller then computes in this process).
 */
async function scheduleRecompute(engagementId: string, run: RunSpec): Promise<boolean> {
  try {
    const data = { engagementId, seed: run.seed, iterations: run.iterations };
    // null = one is already waiting for this key: that one will read the newest inputs when it runs
    await enqueueJob(estimateQueue, data, { singletonKey: estimateJobKey(data) });
    return true;
  } catch (err) {
    logError("scheduling an estimate job failed; computing in this process", err, { engagementId });
    return false;
  }
}

/**
 * The estimate of the engagement's current inputs for a page. The stored result at the current inputs
 * revision is read without loading the document. After an input change the recomputation is sent to the
 * job queue, and the page waits up to `waitMs` for it; if it is not ready by then, the previous result is
 * returned marked updating (the page refreshes itself until the job is done). An engagement with no
 * result yet (its first estimate) is computed here: there is nothing else to show.
 */
export async function loadCurrentEstimate(engagementId: string, run: RunSpec, loadDocument: () => Promise<EngagementDocument>, opts: { waitMs?: number } = {}): Promise<CurrentEstimate> {
  const revision = await findInputsRevision(engagementId);
  const atRevision: StoredEstimate | null = await findResultAtRevision(engagementId, run, revision);
  if (atRevision) {
    stats.hits++;
    countEstimateCache("hit");
    return stored(atRevision, false);
  }
  const waitMs = opts.waitMs ?? 3_000;
  const previous = await findLatestReadyResult(engagementId, run);
  if (previous && (await scheduleRecompute(engagementId, run))) {
    const until = Date.now() + waitMs;
    let delay = 50;
    for (;;) {
      const fresh = await findResultSinceRevision(engagementId, run, revision);
      if (fresh?.status === "ready") return stored(fresh.result, false);
      // the new inputs cannot be estimated (the job stored why): say so rather than "updating" forever
      if (fresh?.status === "failed") throw new EstimateFailedError(fresh.error);
      if (Date.now() >= until) return stored(previous, true);
      await sleep(Math.min(delay, Math.max(1, until - Date.now())));
      delay = Math.min(250, Math.round(delay * 1.5));
    }
  }
  const doc = await loadDocument();
  const pending = obtainEstimate(engagementId, doc, run, { kind: "current", revision });
  if (!previous) return { ...(await pending), isUpdating: false };
  // the queue is down: compute here, in the background once the wait is over
  const timedOut = Symbol("timeout");
  let timer: NodeJS.Timeout | undefined;
  const first = await Promise.race([pending, new Promise<typeof timedOut>((r) => (timer = setTimeout(() => r(timedOut), waitMs)))]).finally(() => clearTimeout(timer));
  if (first !== timedOut) return { ...first, isUpdating: false };
  pending.catch((err) => logError("background estimate failed", err, { engagementId }));
  return stored(previous, true);
}

export type CurrentHeadline = { headline: EstimateHeadline; resultId: string; computedAt: Date; isUpdating: boolean };

/**
 * The overview's estimate: only the stored headline (EstimateResult.headline, a few KB) of the current inputs'
 * result, found by the inputs revision — the whole estimate (~300 KB of JSON on a large engagement) is not read.
 * When there is none at this revision (inputs changed, first estimate, a result stored before the column
 * existed) it takes the estimate page's path (loadCurrentEstimate: wait, "updating", compute, failures
 * alike) and derives the headline from the result, filling the column of an older result.
 */
export async function loadCurrentHeadline(engagementId: string, run: RunSpec, loadDocument: () => Promise<EngagementDocument>, opts: { waitMs?: number } = {}): Promise<CurrentHeadline> {
  const revision = await findInputsRevision(engagementId);
  const at = await findHeadlineAtRevision(engagementId, run, revision);
  if (at?.headline) {
    stats.hits++;
    countEstimateCache("hit");
    return { headline: at.headline, resultId: at.id, computedAt: at.computedAt, isUpdating: false };
  }
  const full = await loadCurrentEstimate(engagementId, run, loadDocument, opts);
  const headline = headlineOf(full.estimate);
  void fillHeadline(full.resultId, headline).catch((err) => logError("storing an estimate headline failed", err, { engagementId }));
  return { headline, resultId: full.resultId, computedAt: full.computedAt, isUpdating: full.isUpdating };
}
