// Worker-thread entry of the estimate runner (lib/estimates/runner.ts): runs the pure engine off the
// request path's event loop. Messages: { id, doc, options } in → { id, ok, estimate, engineMs } out.
import { parentPort } from "node:worker_threads";
import { estimate } from "@/lib/estimate";
import type { WorkerReply, WorkerRequest } from "@/lib/estimates/worker-protocol";

const port = parentPort;
if (!port) throw new Error("estimate.worker must run in a worker thread");

port.on("message", (msg: WorkerRequest) => {
  const t0 = performance.now();
  let reply: WorkerReply;
  try {
    const result = estimate(msg.doc, msg.options);
    reply = { id: msg.id, ok: true, estimate: result, engineMs: performance.now() - t0 };
  } catch (e) {
    const err = e as Error;
    reply = { id: msg.id, ok: false, name: err?.name ?? "Error", message: err?.message ?? String(e) };
  }
  port.postMessage(reply);
});

port.postMessage({ ready: true } satisfies WorkerReply);
