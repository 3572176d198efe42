// "Instance B" for tests/integration/jobs/two-instances.test.ts: a second app process on the same
// database (run with `tsx --conditions=react-server`), driven over stdin/stdout, one JSON object per line:
//   {"op":"start-workers"}                         → runs the job workers of lib/jobs/handlers.ts
//   {"op":"stats"}                                 → this process's stored-estimate counters
//   {"op":"fail-login","email","ip"}               → records a failed sign-in (lib/auth/throttle)
//   {"op":"blocked","email","ip"}                  → is that sign-in blocked here?
//   {"op":"session","token"}                       → decodes a session cookie with AUTH_SECRET and runs
//                                                    the jwt callback (sessionVersion check) as a request would
// Each answer is {"id", "ok": true, "value"} or {"id", "ok": false, "error"}.
import readline from "node:readline";
import { decode } from "next-auth/jwt";
import { authOptions } from "@/lib/auth/options";
import { isLoginBlocked, recordLoginFailure } from "@/lib/auth/throttle";
import { authSecret } from "@/lib/env";
import { estimateStoreStats } from "@/lib/estimate-results/obtain";
import { startJobWorkers, stopJobWorkers } from "@/lib/jobs/worker";

type Command = { id: number; op: string; email?: string; ip?: string; token?: string };

async function run(c: Command): Promise<unknown> {
  switch (c.op) {
    case "start-workers":
      return startJobWorkers();
    case "stats":
      return { ...estimateStoreStats(), pid: process.pid };
    case "fail-login":
      return recordLoginFailure(c.email!, c.ip!);
    case "blocked":
      return isLoginBlocked(c.email!, c.ip!);
    case "session": {
      const token = await decode({ token: c.token!, secret: authSecret() }).catch(() => null);
      if (!token) return { valid: false, reason: "undecodable" };
      try {
        const checked = await authOptions.callbacks!.jwt!({ token, user: undefined as never, account: null });
        return { valid: !("expired" in checked && checked.expired), uid: checked.uid ?? null };
      } catch (err) {
        return { valid: false, reason: (err as Error).name };
      }
    }
    default:
      throw new Error(`unknown op ${c.op}`);
  }
}

const rl = readline.createInterface({ input: process.stdin });
rl.on("line", (line) => {
  const c = JSON.parse(line) as Command;
  run(c).then(
    (value) => process.stdout.write(`${JSON.stringify({ id: c.id, ok: true, value: value ?? null })}\n`),
    (err: unknown) => process.stdout.write(`${JSON.stringify({ id: c.id, ok: false, error: String((err as Error)?.message ?? err) })}\n`),
  );
});
rl.on("close", () => {
  stopJobWorkers(2_000).finally(() => process.exit(0));
});
process.stdout.write(`${JSON.stringify({ ready: true, pid: process.pid })}\n`);
