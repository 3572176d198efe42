// The job queue (lib/jobs on pg-boss): a job runs in a worker and records progress and output; a failing
// job is retried per its queue's policy and then shown as failed with its reason; cancellation stops a
// waiting job and a running one (at its next progress report); a job is read and cancelled only through
// the engagement it works on; a singleton key makes one job of two sends.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // workers poll at pg-boss's minimum, so retries (which wait for the next poll) take ~0.5 s each
  process.env.JOB_POLL_INTERVAL_MS = "500";
  process.env.METRICS_TOKEN = "metrics-token-for-the-job-tests";
});

import { db } from "@/lib/db";
import { createEngagementWorld } from "@/lib/factories";
import { cancelJob, defineJobQueue, enqueueJob, findJob, JobCancelledError, registerJobHandler, type JobView } from "@/lib/jobs";
import { startJobWorkers, stopJobWorkers } from "@/lib/jobs/worker";
import { GET as getMetrics } from "@/app/metrics/route";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Poll the job view until `done` holds (or fail after `timeoutMs`). */
async function waitFor(queue: string, id: string, engagementId: string, done: (v: JobView) => boolean, timeoutMs = 15_000): Promise<JobView> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await findJob(queue, id, engagementId);
    if (v && done(v)) return v;
    if (Date.now() > until) throw new Error(`job ${id} did not get there in time; last seen: ${JSON.stringify(v)}`);
    await sleep(50);
  }
}

type Sum = { engagementId: string; numbers: number[] };
const sumQueue = defineJobQueue<Sum>({ name: "test.sum", description: "adds numbers, one progress step each", retryLimit: 0, retryDelaySeconds: 0, expireInSeconds: 60 });

// at most one waiting job per singleton key
const onceQueue = defineJobQueue<Sum>({ name: "test.once", description: "adds numbers, one waiting job per key", retryLimit: 0, retryDelaySeconds: 0, expireInSeconds: 60, policy: "short" });

type Flaky = { engagementId: string; failTimes: number; key: string };
const attemptsSeen = new Map<string, number[]>();
const flakyQueue = defineJobQueue<Flaky>({ name: "test.flaky", description: "fails its first failTimes attempts", retryLimit: 2, retryDelaySeconds: 0, expireInSeconds: 60 });

type Slow = { engagementId: string; steps: number; key: string };
const stepsRun = new Map<string, number>();
const slowQueue = defineJobQueue<Slow>({ name: "test.slow", description: "reports progress every 100 ms", retryLimit: 0, retryDelaySeconds: 0, expireInSeconds: 60 });

registerJobHandler(sumQueue, async (job, progress) => {
  let sum = 0;
  for (const [i, n] of job.data.numbers.entries()) {
    sum += n;
    await progress(i + 1, job.data.numbers.length, `added ${n}`);
  }
  return { sum };
});

registerJobHandler(onceQueue, async (job) => ({ sum: job.data.numbers.reduce((x, y) => x + y, 0) }));

registerJobHandler(flakyQueue, async (job) => {
  attemptsSeen.set(job.data.key, [...(attemptsSeen.get(job.data.key) ?? []), job.attempt]);
  if (job.attempt <= job.data.failTimes) throw new Error(`The extract could not be read (attempt ${job.attempt}).`);
  return { ok: true };
});

registerJobHandler(slowQueue, async (job, progress) => {
  for (let i = 0; i < job.data.steps; i++) {
    await sleep(100);
    stepsRun.set(job.data.key, i + 1);
    await progress(i + 1, job.data.steps);
  }
  return { steps: job.data.steps };
});

let a: string;
let b: string;

beforeAll(async () => {
  const [wa, wb] = await Promise.all([createEngagementWorld(db), createEngagementWorld(db)]);
  a = wa.engagement.id;
  b = wb.engagement.id;
  expect(await startJobWorkers()).toEqual(expect.arrayContaining(["test.sum", "test.once", "test.flaky", "test.slow"]));
});

afterAll(async () => {
  await stopJobWorkers(2_000);
});

describe("a job runs in the background", () => {
  it("enqueueJob returns at once; the worker runs it, records progress and keeps its output", async () => {
    const id = await enqueueJob(sumQueue, { engagementId: a, numbers: [2, 3, 5] });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const v = await waitFor("test.sum", id as string, a, (j) => j.state === "completed");
    expect(v.output).toEqual({ sum: 10 });
    expect(v.progress).toMatchObject({ done: 3, total: 3, note: "added 5" });
    expect(v).toMatchObject({ queue: "test.sum", attempts: 1, maxAttempts: 1, failureReason: null });
    expect(v.startedAt).not.toBeNull();
    expect(v.finishedAt).not.toBeNull();
  });

  it("a job must say which engagement it works on", async () => {
    await expect(enqueueJob(sumQueue, { numbers: [1] } as unknown as Sum)).rejects.toThrow(/engagementId/);
  });

  it("a singleton key makes one job of two sends while the first waits (policy short)", async () => {
    const key = `sum:${a}:once`;
    const first = await enqueueJob(onceQueue, { engagementId: a, numbers: [1] }, { singletonKey: key, startAfterSeconds: 60 });
    const second = await enqueueJob(onceQueue, { engagementId: a, numbers: [1] }, { singletonKey: key });
    const otherKey = await enqueueJob(onceQueue, { engagementId: a, numbers: [1] }, { singletonKey: `${key}:2`, startAfterSeconds: 60 });
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    expect(otherKey).not.toBeNull();
    expect(await cancelJob(onceQueue, first as string, a)).toBe(true);
    expect(await cancelJob(onceQueue, otherKey as string, a)).toBe(true);
    // once the first is no longer waiting, the key is free again
    const third = await enqueueJob(onceQueue, { engagementId: a, numbers: [4, 5] }, { singletonKey: key });
    expect((await waitFor("test.once", third as string, a, (j) => j.state === "completed")).output).toEqual({ sum: 9 });
  });
});

describe("failures are retried, then shown with their reason", () => {
  it("a job that keeps failing is tried 1 + retryLimit times, then failed with the error's message", async () => {
    const key = "always";
    const id = (await enqueueJob(flakyQueue, { engagementId: a, failTimes: 99, key })) as string;
    const v = await waitFor("test.flaky", id, a, (j) => j.state === "failed");
    expect(attemptsSeen.get(key)).toEqual([1, 2, 3]);
    expect(v).toMatchObject({ state: "failed", attempts: 3, maxAttempts: 3, failureReason: "The extract could not be read (attempt 3).", output: null });
    expect(v.failureReason).not.toMatch(/\bat\s.+:\d+:\d+/); // no stack trace in what users see
  });

  it("a job that fails once and then succeeds ends completed after 2 attempts", async () => {
    const key = "once";
    const id = (await enqueueJob(flakyQueue, { engagementId: a, failTimes: 1, key })) as string;
    const v = await waitFor("test.flaky", id, a, (j) => j.state === "completed");
    expect(attemptsSeen.get(key)).toEqual([1, 2]);
    expect(v).toMatchObject({ attempts: 2, failureReason: null, output: { ok: true } });
  });
});

describe("cancellation", () => {
  it("a waiting job that is cancelled never runs", async () => {
    const key = "waiting";
    const id = (await enqueueJob(slowQueue, { engagementId: a, steps: 1, key }, { startAfterSeconds: 1 })) as string;
    expect(await cancelJob(slowQueue, id, a)).toBe(true);
    await sleep(2_000); // past its start time and several polls
    expect(stepsRun.get(key)).toBeUndefined();
    expect((await findJob(slowQueue, id, a))?.state).toBe("cancelled");
    // cancelling again (or a finished job) changes nothing
    expect(await cancelJob(slowQueue, id, a)).toBe(false);
  });

  it("a running job stops at its next progress report and stays cancelled", async () => {
    const key = "running";
    const id = (await enqueueJob(slowQueue, { engagementId: a, steps: 50, key })) as string;
    await waitFor("test.slow", id, a, (j) => j.state === "active" && (j.progress?.done ?? 0) >= 2);
    expect(await cancelJob(slowQueue, id, a)).toBe(true);
    await sleep(600);
    const stoppedAt = stepsRun.get(key) as number;
    await sleep(400);
    expect(stepsRun.get(key)).toBe(stoppedAt); // it stopped …
    expect(stoppedAt).toBeLessThan(50); // … well before its end
    const v = await findJob(slowQueue, id, a);
    expect(v).toMatchObject({ state: "cancelled", output: null, failureReason: null });
  });

  it("JobCancelledError is what a handler sees (and may rethrow)", () => {
    expect(new JobCancelledError().message).toBe("The job was cancelled.");
  });
});

describe("a job belongs to its engagement", () => {
  it("another engagement can neither read nor cancel it", async () => {
    const id = (await enqueueJob(slowQueue, { engagementId: a, steps: 1, key: "tenant" }, { startAfterSeconds: 60 })) as string;
    expect(await findJob(slowQueue, id, b)).toBeNull();
    expect(await cancelJob(slowQueue, id, b)).toBe(false);
    expect((await findJob(slowQueue, id, a))?.state).toBe("created");
    // a malformed or unknown id is simply not found
    expect(await findJob(slowQueue, "not-a-uuid", a)).toBeNull();
    expect(await findJob(slowQueue, "00000000-0000-4000-8000-000000000000", a)).toBeNull();
    expect(await cancelJob(slowQueue, id, a)).toBe(true);
  });
});

describe("/metrics", () => {
  it("shows the queue depth and job durations to the token holder, and nothing to anyone else", async () => {
    const id = (await enqueueJob(slowQueue, { engagementId: b, steps: 1, key: "depth" }, { startAfterSeconds: 60 })) as string;
    const denied = await getMetrics(new Request("http://localhost/metrics"));
    expect(denied.status).toBe(404);
    expect(await denied.text()).not.toContain("sounding_");
    const wrong = await getMetrics(new Request("http://localhost/metrics", { headers: { authorization: "Bearer not-the-metrics-token-at-all" } }));
    expect(wrong.status).toBe(404);
    const res = await getMetrics(new Request("http://localhost/metrics", { headers: { authorization: "Bearer metrics-token-for-the-job-tests" } }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/sounding_job_queue_depth\{queue="test.slow",state="created"\} 1/);
    // the attempts that ran above, by queue and outcome
    expect(text).toMatch(/sounding_job_duration_seconds_count\{queue="test.flaky",state="failed"\} 4/);
    expect(text).toMatch(/sounding_job_duration_seconds_count\{queue="test.sum",state="completed"\} 1/);
    expect(await cancelJob(slowQueue, id, b)).toBe(true);
  });
});

describe("progress rows", () => {
  it("rows older than pg-boss's retention are pruned; recent ones stay", async () => {
    const { pruneJobProgress, saveJobProgress } = await import("@/lib/jobs/mutations");
    await saveJobProgress("00000000-0000-4000-8000-00000000aaaa", "test.sum", { done: 1, total: 1 });
    await db.jobProgress.update({ where: { jobId: "00000000-0000-4000-8000-00000000aaaa" }, data: { updatedAt: new Date(Date.now() - 9 * 24 * 3600_000) } });
    const recent = await db.jobProgress.count({ where: { updatedAt: { gte: new Date(Date.now() - 24 * 3600_000) } } });
    expect(recent).toBeGreaterThan(0);
    expect(await pruneJobProgress(new Date(Date.now() - 8 * 24 * 3600_000))).toBe(1);
    expect(await db.jobProgress.count({ where: { updatedAt: { gte: new Date(Date.now() - 24 * 3600_000) } } })).toBe(recent);
  });
});
