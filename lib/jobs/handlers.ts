// The modules that define job queues and register their handlers (lib/jobs/registry.ts). Every worker
// process imports this file, so a queue whose module is not listed here is never worked on.
// Add one line per domain module: `import "@/lib/<domain>/jobs";`
import "@/lib/estimate-results/jobs";
import "@/lib/profile-runs/jobs";
