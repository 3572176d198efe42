// Runs the estimate engine for the app's request path. The engine is pure and CPU-bound (~30–40 ms for
// 10k iterations of a mid-size engagement; pages such as the scenarios page run several), so it runs in
// a small pool of worker threads and never blocks the event loop (ESTIMATION.md: "move it off the event
// loop rather than lowering iterations"). The bundler (Next/Turbopack) builds the worker entry; where
// no runnable worker exists — vitest and tsx run the TypeScript sources, and Node cannot start a .ts
// worker — the first worker fails to start and everything runs inline from then on. The result is
// identical either way (same pure function and input; structured clone preserves every number).
// INVARIANT: a worker is only an execution venue: never pass it anything but the document and options.
import "server-only";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { estimate, EstimateInputError, EstimateOptionsError, type Estimate, type EstimateOptions } from "@/lib/estimate";
import type { EngagementDocument } from "@/lib/engagement-format/schema";
import type { WorkerReply, WorkerRequest } from "@/lib/estimates/worker-protocol";
import { logError } from "@/lib/log";
import { env } from "@/lib/env";

export type RunnerMode = "auto" | "worker" | "inline";
export type EngineRun = {
  estimate: Estimate;
  /** time the engine itself took (inside the worker when there is one) */
  engineMs: number;
  /** time from the call until the result was back on this thread (queue + clone + engine) */
  wallMs: number;
  mode: "worker" | "inline";
};

/**
 * The budget of one estimate in the pool (ESTIMATE_BUDGET_MS, default 20 s; 100k iterations of a large
 * engagement take ~5 s alone on this kind of machine): a task still running then is stopped — its
 * worker is terminated and replaced — and the caller gets an EstimateBudgetError saying so. The clock
 * starts when the task reaches a worker, so time queued behind other estimates does not count.
 * Inline runs (tests, scripts, builds without a runnable worker) cannot be interrupted and are not bounded.
 */
export function estimateBudgetMs(): number {
  return env().ESTIMATE_BUDGET_MS;
}

export class EstimateBudgetError extends Error {
  constructor(readonly budgetMs: number) {
    super(`The estimate took longer than its budget of ${(budgetMs / 1000).toLocaleString("en-US", { maximumFractionDigits: 1 })} s and was stopped. Fewer iterations or a smaller scenario set will finish; the budget is ESTIMATE_BUDGET_MS.`);
    this.name = "EstimateBudgetError";
  }
}
/** A worker that has not said "ready" by then is treated as not runnable in this build. */
const STARTUP_TIMEOUT_MS = 15_000;

type Task = {
  id: number;
  doc: EngagementDocument;
  options: EstimateOptions;
  resolve: (r: { estimate: Estimate; engineMs: number }) => void;
  reject: (e: Error) => void;
};

type Slot = { worker: Worker; ready: boolean; busy: Task | null; timer: NodeJS.Timeout | null; startup: NodeJS.Timeout | null };

class EstimatePool {
  private slots: Slot[] = [];
  private queue: Task[] = [];
  private nextId = 1;
  /** false once a worker failed to start: this build has no runnable worker, run inline */
  available = true;

  constructor(private readonly size: number) {}

  run(doc: EngagementDocument, options: EstimateOptions): Promise<{ estimate: Estimate; engineMs: number }> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, doc, options, resolve, reject });
      this.pump();
    });
  }

  private spawn(): Slot {
    // The literal `new Worker(new URL(…, import.meta.url))` form is what the bundler recognises and bundles.
    const worker = new Worker(new URL("./estimate.worker.ts", import.meta.url));
    worker.unref(); // an idle pool never keeps the process alive
    const slot: Slot = { worker, ready: false, busy: null, timer: null, startup: null };
    slot.startup = setTimeout(() => this.onFailure(slot, new Error("estimate worker did not start")), STARTUP_TIMEOUT_MS);
    slot.startup.unref();
    worker.on("message", (msg: WorkerReply) => this.onMessage(slot, msg));
    worker.on("error", (err) => this.onFailure(slot, err instanceof Error ? err : new Error(String(err))));
    worker.on("exit", (code) => this.onFailure(slot, new Error(`estimate worker exited (code ${code})`)));
    this.slots.push(slot);
    return slot;
  }

  private pump() {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.ready && !s.busy);
      if (!slot) {
        if (this.slots.length < this.size) this.spawn();
        return; // a worker becomes free (or ready) and pumps again
      }
      const task = this.queue.shift() as Task;
      slot.busy = task;
      const budget = estimateBudgetMs();
      slot.timer = setTimeout(() => this.onFailure(slot as Slot, new EstimateBudgetError(budget)), budget);
      slot.worker.ref(); // keep the process alive while a task is in flight
      const req: WorkerRequest = { id: task.id, doc: task.doc, options: task.options };
      slot.worker.postMessage(req);
      slot = undefined;
    }
  }

  private onMessage(slot: Slot, msg: WorkerReply) {
    if ("ready" in msg) {
      if (slot.startup) clearTimeout(slot.startup);
      slot.ready = true;
      this.pump();
      return;
    }
    const task = slot.busy;
    if (!task || task.id !== msg.id) return;
    this.release(slot);
    if (msg.ok) task.resolve({ estimate: msg.estimate, engineMs: msg.engineMs });
    else task.reject(msg.name === "EstimateOptionsError" ? new EstimateOptionsError(msg.message) : msg.name === "EstimateInputError" ? new EstimateInputError(msg.message) : new Error(msg.message));
    this.pump();
  }

  private release(slot: Slot) {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.busy = null;
    slot.worker.unref();
  }

  private onFailure(slot: Slot, err: Error) {
    if (!this.slots.includes(slot)) return;
    if (slot.startup) clearTimeout(slot.startup);
    this.slots = this.slots.filter((s) => s !== slot);
    const task = slot.busy;
    this.release(slot);
    void slot.worker.terminate().catch(() => {});
    if (!slot.ready) {
      // never started: no runnable worker in this build — everything queued runs inline from now on
      this.available = false;
      const queued = [...(task ? [task] : []), ...this.queue];
      this.queue = [];
      for (const t of queued) runInline(t.doc, t.options).then(t.resolve, t.reject);
      return;
    }
    if (!(err instanceof EstimateBudgetError)) logError("estimate worker failed", err);
    if (task) task.reject(err);
    this.pump();
  }
}

async function runInline(doc: EngagementDocument, options: EstimateOptions): Promise<{ estimate: Estimate; engineMs: number }> {
  const t0 = performance.now();
  const result = estimate(doc, options);
  return { estimate: result, engineMs: performance.now() - t0 };
}

const globalForPool = globalThis as unknown as { __soundingEstimatePool?: EstimatePool; __soundingEstimateMode?: RunnerMode };

function pool(): EstimatePool {
  globalForPool.__soundingEstimatePool ??= new EstimatePool(Math.max(1, Math.min(4, availableParallelism())));
  return globalForPool.__soundingEstimatePool;
}

/** Tests and scripts: force inline or worker execution ("auto": a worker when the build has one). */
export function setEstimateRunnerMode(mode: RunnerMode) {
  globalForPool.__soundingEstimateMode = mode;
}

function currentMode(): RunnerMode {
  return globalForPool.__soundingEstimateMode ?? "auto";
}

/** Estimate a document off the event loop when possible. Same result as `estimate(doc, options)`. */
export async function runEstimate(doc: EngagementDocument, options: EstimateOptions): Promise<EngineRun> {
  const t0 = performance.now();
  const mode = currentMode();
  const useWorker = mode === "worker" || (mode === "auto" && pool().available);
  if (useWorker) {
    const p = pool();
    const r = await p.run(doc, options);
    // a pool that found no runnable worker ran the task inline
    return { ...r, wallMs: performance.now() - t0, mode: p.available ? "worker" : "inline" };
  }
  const r = await runInline(doc, options);
  return { ...r, wallMs: performance.now() - t0, mode: "inline" };
}
