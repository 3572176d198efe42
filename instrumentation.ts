// Runs once when a Next.js server process starts (not during `next build`): the background job workers
// of this instance (lib/jobs; off with JOB_WORKERS_IN_APP=off when workers run in `npm run worker`).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startInAppJobWorkers } = await import("@/lib/jobs/worker");
    startInAppJobWorkers();
  }
}
