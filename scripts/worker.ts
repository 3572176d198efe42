// npm run worker — a job worker process without the web server (lib/jobs, docs/jobs.md): runs the jobs
// of every queue in lib/jobs/handlers.ts (or only those named with --queue NAME, repeatable) until
// SIGINT/SIGTERM, then lets the current jobs finish (up to 30 s) and exits. Start as many as needed, on
// as many machines as needed; set JOB_WORKERS_IN_APP=off on the web instances to keep jobs off them.
// Database: DATABASE_URL when set, else the running embedded PostgreSQL of `npm run dev`/`npm start`,
// else the embedded one is started for the worker (scripts/lib/database.mjs, withDatabase).
// lib/db imports "server-only", which resolves only under the react-server condition (package.json runs
// this file with `tsx --conditions=react-server`).
import { withDatabase } from "./lib/database.mjs";

function parseQueues(argv: string[]): string[] | undefined {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--queue") out.push(argv[++i] ?? "");
    else if (a.startsWith("--queue=")) out.push(a.slice("--queue=".length));
    else throw new Error(`unknown argument ${a}\nusage: npm run worker [-- --queue NAME]…`);
  }
  if (out.some((q) => !q)) throw new Error("--queue needs a queue name");
  return out.length ? out : undefined;
}

async function main() {
  const only = parseQueues(process.argv.slice(2));
  await withDatabase(async () => {
    const { startJobWorkers, stopJobWorkers } = await import("@/lib/jobs/worker");
    const { definedQueues } = await import("@/lib/jobs/queues");
    const unknown = (only ?? []).filter((q) => !definedQueues().some((d) => d.name === q));
    if (unknown.length) throw new Error(`unknown queue ${unknown.join(", ")}; known: ${definedQueues().map((d) => d.name).join(", ") || "none"}`);
    const started = await startJobWorkers({ queues: only });
    if (started.length === 0) {
      console.error("No job queue has a handler (lib/jobs/handlers.ts lists none): nothing to work on.");
      return;
    }
    console.error(`Working on ${started.join(", ")}. Press Ctrl-C to stop.`);
    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        console.error(`${signal}: finishing the current jobs…`);
        stopJobWorkers(30_000).then(resolve, resolve);
      };
      process.once("SIGINT", () => stop("SIGINT"));
      process.once("SIGTERM", () => stop("SIGTERM"));
    });
  });
}

main().catch((err) => {
  console.error(`worker: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
