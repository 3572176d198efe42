// Two app instances on one database behave as one (ARCHITECTURE.md "When one machine is not enough"):
// this test process is instance A (it sends jobs and signs people in but runs no workers); instance B is
// a second Node process (tests/integration/support/instance.ts) with the same DATABASE_URL and
// AUTH_SECRET. Jobs sent by A are run by B; login-throttling counters are shared; a session cookie issued
// by A is accepted by B, and a sign-out-everywhere done through A ends it on B at once.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.AUTH_SECRET = "two-instances-test-secret-0123456789";
});

import { encode } from "next-auth/jwt";
import { db } from "@/lib/db";
import { authSecret } from "@/lib/env";
import { isLoginBlocked, LOGIN_LIMITS, recordLoginFailure } from "@/lib/auth/throttle";
import { estimateStoreStats } from "@/lib/estimate-results/obtain";
import { estimateQueue } from "@/lib/estimate-results/queue";
import { enqueueJob, findJob } from "@/lib/jobs";
import { stopBoss } from "@/lib/jobs/boss";
import { PAGE_ITERATIONS } from "@/lib/estimates/schema";
import { createFixtureWorld, ROOT, type EstimateWorld } from "../estimates/support";

class Instance {
  private next = 1;
  private waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  readonly ready: Promise<number>;
  constructor(private child: ChildProcessWithoutNullStreams) {
    let onReady!: (pid: number) => void;
    this.ready = new Promise((r) => (onReady = r));
    readline.createInterface({ input: child.stdout }).on("line", (line) => {
      let msg: { ready?: boolean; pid?: number; id?: number; ok?: boolean; value?: unknown; error?: string };
      try {
        msg = JSON.parse(line);
      } catch {
        return; // a log line of the instance
      }
      if (msg.ready) return onReady(msg.pid as number);
      const w = this.waiting.get(msg.id as number);
      if (!w) return;
      this.waiting.delete(msg.id as number);
      if (msg.ok) w.resolve(msg.value);
      else w.reject(new Error(msg.error));
    });
  }
  call<T>(op: string, args: Record<string, unknown> = {}): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.stdin.write(`${JSON.stringify({ id, op, ...args })}\n`);
    });
  }
  async stop() {
    this.child.stdin.end();
    await new Promise((r) => this.child.once("exit", r));
  }
}

let b: Instance;
let world: EstimateWorld;

beforeAll(async () => {
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", path.join(ROOT, "tests/integration/support/instance.ts")], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL, AUTH_SECRET: authSecret(), JOB_POLL_INTERVAL_MS: "500", NODE_ENV: "test" },
  });
  child.stderr.on("data", (d) => process.stderr.write(`[instance B] ${d}`));
  b = new Instance(child);
  [world] = await Promise.all([createFixtureWorld(), b.ready]);
}, 120_000);

afterAll(async () => {
  await b?.stop();
  await stopBoss(2_000);
});

describe("two instances on one database", () => {
  it("a job sent by A is run by B's workers (A runs none)", async () => {
    expect(await b.call<string[]>("start-workers")).toContain("estimate.compute");
    const seed = 77;
    const id = (await enqueueJob(estimateQueue, { engagementId: world.eid, seed, iterations: PAGE_ITERATIONS })) as string;
    let view = await findJob(estimateQueue, id, world.eid);
    for (let i = 0; i < 300 && view?.state !== "completed"; i++) {
      await new Promise((r) => setTimeout(r, 100));
      view = await findJob(estimateQueue, id, world.eid);
    }
    expect(view).toMatchObject({ state: "completed", output: { source: "computed" } });
    // B computed it; A did not
    expect((await b.call<{ computed: number; pid: number }>("stats")).computed).toBe(1);
    expect(estimateStoreStats().computed).toBe(0);
    const stored = await db.estimateResult.findFirst({ where: { engagementId: world.eid, seed, iterations: PAGE_ITERATIONS, status: "ready" } });
    expect(stored).not.toBeNull();
  }, 60_000);

  it("login throttling counts failures from both instances together", async () => {
    const email = `${world.consultant.email}`;
    const ip = "198.51.100.23";
    const half = LOGIN_LIMITS.perAccountAndAddress / 2;
    for (let i = 0; i < half; i++) await recordLoginFailure(email, ip);
    for (let i = 0; i < half - 1; i++) await b.call("fail-login", { email, ip });
    expect(await isLoginBlocked(email, ip)).toBe(false);
    expect(await b.call<boolean>("blocked", { email, ip })).toBe(false);
    await b.call("fail-login", { email, ip });
    // the 10th failure, recorded on B, blocks the account+address on A too (and on B)
    expect(await isLoginBlocked(email, ip)).toBe(true);
    expect(await b.call<boolean>("blocked", { email, ip })).toBe(true);
    // another address is not blocked
    expect(await b.call<boolean>("blocked", { email, ip: "198.51.100.24" })).toBe(false);
  });

  it("a session issued by A is valid on B; signing out everywhere through A ends it on B", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { id: world.lead.id }, select: { id: true, sessionVersion: true } });
    const now = Math.floor(Date.now() / 1000);
    const token = await encode({ token: { uid: user.id, sv: user.sessionVersion, authTime: now, lastSeen: now }, secret: authSecret() });
    expect(await b.call("session", { token })).toEqual({ valid: true, uid: user.id });
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await b.call("session", { token })).toEqual({ valid: false, reason: "SessionRevokedError" });
    // a cookie signed with another secret is not a session anywhere
    const forged = await encode({ token: { uid: user.id, sv: user.sessionVersion + 1, authTime: now, lastSeen: now }, secret: "some-other-secret-of-enough-length" });
    expect(await b.call("session", { token: forged })).toEqual({ valid: false, reason: "undecodable" });
  });
});
