// Stored estimates (lib/estimate-results): the same inputs are computed once — across the estimate page,
// the report and concurrent requests, and across instances (a claim by another instance is waited for);
// any input change invalidates (the inputs revision moves, triggers catch writes from any code path);
// the page shows the previous numbers marked updating until the new ones are ready; failures say why;
// the portfolio summary reads stored numbers only.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mockNextRuntime } from "../support/session";
mockNextRuntime();

vi.hoisted(() => {
  process.env.JOB_POLL_INTERVAL_MS = "500";
});

import { db } from "@/lib/db";
import { DEFAULT_SEED, estimate as runEngine } from "@/lib/estimate";
import { computeEngagementEstimate, computeScenarios, loadEstimatePage } from "@/lib/estimates/data";
import { loadReport } from "@/lib/report/data";
import { PAGE_ITERATIONS } from "@/lib/estimates/schema";
import { loadEngagementDocument } from "@/lib/engagement-format/data";
import { estimateInputHash, RESULT_ENGINE_VERSION } from "@/lib/estimate-results/key";
import { findInputsRevision, loadLatestEstimateSummary } from "@/lib/estimate-results/data";
import { claimNewResult, completeResult } from "@/lib/estimate-results/mutations";
import { EstimateFailedError, estimateStoreStats, obtainEstimate } from "@/lib/estimate-results/obtain";
import { createFixtureWorld, type EstimateWorld } from "./support";
import { startJobWorkers, stopJobWorkers } from "@/lib/jobs/worker";
import { findJob } from "@/lib/jobs";
import { estimateQueue } from "@/lib/estimate-results/queue";

let world: EstimateWorld;
let other: EstimateWorld;

beforeAll(async () => {
  [world, other] = await Promise.all([createFixtureWorld(), createFixtureWorld("mid-size-type-b.json")]);
  // as in the app process: recomputations after an input change run as jobs (lib/jobs) in local workers
  expect(await startJobWorkers()).toContain("estimate.compute");
});

afterAll(async () => {
  await stopJobWorkers(2_000);
});

/** The estimate.compute jobs sent for an engagement (pg-boss keeps them in its own schema). */
async function estimateJobsOf(engagementId: string): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(`SELECT id::text AS id FROM pgboss.job WHERE name = 'estimate.compute' AND data->>'engagementId' = $1 ORDER BY created_on`, engagementId);
  return rows.map((r) => r.id);
}

const computed = () => estimateStoreStats().computed;

describe("the same inputs are computed once", () => {
  it("concurrent page, report and export reads of one engagement run the engine once", async () => {
    const before = computed();
    const seed = 11;
    const results = await Promise.all([
      loadEstimatePage(world.eid, "lead", seed),
      loadEstimatePage(world.eid, "consultant", seed),
      computeEngagementEstimate(world.eid, { seed }),
      loadReport(world.eid, { seed, canSeeRates: true }),
      loadEstimatePage(world.eid, "lead", seed),
    ]);
    // the current inputs once; the report's type decision adds the engagement as the two other types (once each)
    expect(computed() - before).toBe(3);
    // later reads, of any kind, compute nothing
    const again = await loadEstimatePage(world.eid, "lead", seed);
    const report = await loadReport(world.eid, { seed, canSeeRates: true });
    expect(computed() - before).toBe(3);
    expect(again.timings.mode).toBe("stored");
    expect(again.view.duration).toEqual(results[0].view.duration);
    expect(report).toBeDefined();
    // the stored result is the engine's own output for those inputs
    const direct = runEngine(await loadEngagementDocument(world.eid), { seed, iterations: PAGE_ITERATIONS });
    expect(JSON.parse(JSON.stringify(again.view.duration))).toEqual(JSON.parse(JSON.stringify(direct.duration)));
    expect(await db.estimateResult.count({ where: { engagementId: world.eid, seed, status: "ready", kind: "current" } })).toBe(1);
    expect(await db.estimateResult.count({ where: { engagementId: world.eid, seed, status: "ready", kind: "scenario" } })).toBe(2);
  });

  it("another seed is another key; another engagement is another key", async () => {
    const before = computed();
    await loadEstimatePage(world.eid, "lead", 12);
    await loadEstimatePage(world.eid, "lead", 12);
    await loadEstimatePage(other.eid, "lead", 12);
    expect(computed() - before).toBe(2);
  });

  it("a key claimed by another instance is waited for, not computed again", async () => {
    const seed = 13;
    const doc = await loadEngagementDocument(world.eid);
    const inputHash = estimateInputHash(doc, { seed, iterations: PAGE_ITERATIONS, engineVersion: RESULT_ENGINE_VERSION });
    // "instance B" claims the key …
    const claimed = await claimNewResult({ engagementId: world.eid, inputHash, kind: "current", seed, iterations: PAGE_ITERATIONS, inputsRevision: await findInputsRevision(world.eid) });
    expect(claimed).not.toBeNull();
    const before = computed();
    // … "instance A" asks for it and waits …
    const pending = obtainEstimate(world.eid, doc, { seed, iterations: PAGE_ITERATIONS });
    await new Promise((r) => setTimeout(r, 150));
    // … until B stores its result
    const fromB = runEngine(doc, { seed, iterations: PAGE_ITERATIONS });
    await completeResult(claimed as string, fromB, 1);
    const got = await pending;
    expect(got.source).toBe("stored");
    expect(got.resultId).toBe(claimed);
    expect(computed() - before).toBe(0);
  });
});

describe("a change to the inputs invalidates", () => {
  it("any write to an inventory moves the revision (triggers), and the next read computes the new inputs once", async () => {
    const seed = 21;
    const first = await loadEstimatePage(world.eid, "lead", seed);
    const rev0 = await findInputsRevision(world.eid);
    // a write from outside the app's mutations (a script, a bulk import) counts too
    const entity = await db.dataEntity.findFirstOrThrow({ where: { engagementId: world.eid } });
    await db.dataEntity.update({ where: { id: entity.id }, data: { recordCount: 50_000_000n, decision: "migrate" } });
    const rev1 = await findInputsRevision(world.eid);
    expect(rev1).toBeGreaterThan(rev0);

    const before = computed();
    const jobsBefore = await estimateJobsOf(world.eid);
    const second = await loadEstimatePage(world.eid, "lead", seed);
    expect(computed() - before).toBe(1);
    expect(second.updating).toBeNull();
    expect(second.view.effort.totalHours.base).not.toBe(first.view.effort.totalHours.base);
    await loadEstimatePage(world.eid, "lead", seed);
    expect(computed() - before).toBe(1);
    // the recomputation ran as a job (not in the request), which stored the result the page shows
    const sent = (await estimateJobsOf(world.eid)).filter((id) => !jobsBefore.includes(id));
    expect(sent).toHaveLength(1);
    // the page reads the result the job stored; pg-boss marks the job completed just after its handler returns
    await expect.poll(async () => (await findJob(estimateQueue, sent[0], world.eid))?.state, { timeout: 15_000 }).toBe("completed");
    const job = await findJob(estimateQueue, sent[0], world.eid);
    expect(job).toMatchObject({ state: "completed", attempts: 1, output: { source: "computed", inputsRevision: rev1.toString() }, progress: { done: 2, total: 2 } });
    expect(await findJob(estimateQueue, sent[0], other.eid)).toBeNull();
  });

  it("a change that is undone finds the stored result of those inputs again (keyed by content, not by revision)", async () => {
    const seed = 22;
    await loadEstimatePage(world.eid, "lead", seed);
    const e = await db.engagement.findUniqueOrThrow({ where: { id: world.eid }, select: { providers: true } });
    await db.engagement.update({ where: { id: world.eid }, data: { providers: e.providers + 40 } });
    const before = computed();
    await loadEstimatePage(world.eid, "lead", seed);
    await db.engagement.update({ where: { id: world.eid }, data: { providers: e.providers } });
    await loadEstimatePage(world.eid, "lead", seed);
    expect(computed() - before).toBe(1);
  });

  it("while the new result is computed the page shows the previous one, marked updating", async () => {
    const seed = 23;
    const old = await loadEstimatePage(world.eid, "lead", seed);
    const e = await db.engagement.findUniqueOrThrow({ where: { id: world.eid }, select: { locations: true } });
    await db.engagement.update({ where: { id: world.eid }, data: { locations: e.locations + 3 } });
    const during = await loadEstimatePage(world.eid, "lead", seed, { waitMs: 0 });
    expect(during.updating).not.toBeNull();
    expect(during.view.duration).toEqual(old.view.duration);
    // the computation carried on without the request: a moment later the new result is there
    for (let i = 0; i < 100; i++) {
      const now = await loadEstimatePage(world.eid, "lead", seed, { waitMs: 0 });
      if (!now.updating) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("the new estimate never became ready");
  });
});

describe("failures and summaries", () => {
  it("a computation that fails is stored as failed with its reason, and the next request says so without rerunning", async () => {
    const doc = await loadEngagementDocument(world.eid);
    await expect(obtainEstimate(world.eid, doc, { seed: 5, iterations: 0 })).rejects.toThrow();
    const row = await db.estimateResult.findFirstOrThrow({ where: { engagementId: world.eid, seed: 5, iterations: 0 } });
    expect(row.status).toBe("failed");
    expect(row.error).toMatch(/iteration/i);
    const before = computed();
    await expect(obtainEstimate(world.eid, doc, { seed: 5, iterations: 0 })).rejects.toBeInstanceOf(EstimateFailedError);
    expect(computed() - before).toBe(0);
  });

  it("scenario columns are stored too: reloading the scenarios page computes nothing", async () => {
    await computeScenarios(other.eid, [{ name: "More FTE", changes: { teamFte: 12 } }], DEFAULT_SEED);
    const before = computed();
    await computeScenarios(other.eid, [{ name: "More FTE", changes: { teamFte: 12 } }], DEFAULT_SEED);
    expect(computed() - before).toBe(0);
  });

  it("loadLatestEstimateSummary: stored headline numbers per engagement, flagged when the inputs moved on", async () => {
    const seed = DEFAULT_SEED;
    const page = await loadEstimatePage(other.eid, "lead", seed);
    const before = computed();
    const map = await loadLatestEstimateSummary([other.eid, world.eid, "nonexistent"]);
    expect(computed() - before).toBe(0);
    const s = map.get(other.eid);
    expect(s).toMatchObject({ p50Months: page.view.duration.totalMonths.percentiles.P50, p80Months: page.view.duration.totalMonths.percentiles.P80, p80CostCents: page.view.cost.totalCents.percentiles.P80, isCurrent: true, seed });
    expect(s!.confidence).toBe(page.view.inputConfidence.score);
    expect(map.has("nonexistent")).toBe(false);
    await db.engagement.update({ where: { id: other.eid }, data: { staffUsers: { increment: 1 } } });
    expect((await loadLatestEstimateSummary([other.eid])).get(other.eid)?.isCurrent).toBe(false);
  });
});
