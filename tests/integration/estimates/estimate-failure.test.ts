// Issue 13: an estimate that cannot be computed (the engine refuses the inputs, or the run goes over its
// time budget) is a page state, not the generic error page: loadEstimatePage rejects with an error that
// estimateFailureMessage recognizes (the page shows it with what to check), the failure is remembered
// (a reload does not burn another budget), and "Try again" (retryEstimateAction) forgets it so the next
// load computes again. Access: estimate.view — every role; a non-member gets NOT_FOUND.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { mockNextRuntime, signInAs } from "../support/session";
mockNextRuntime();

const engine = vi.hoisted(() => ({ failWith: null as Error | null }));
vi.mock("@/lib/estimates/runner", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/estimates/runner")>();
  return {
    ...original,
    runEstimate: vi.fn(async (...args: Parameters<typeof original.runEstimate>) => {
      if (engine.failWith) throw engine.failWith;
      return original.runEstimate(...args);
    }),
  };
});

import { db } from "@/lib/db";
import { EstimateInputError } from "@/lib/estimate";
import { EstimateBudgetError } from "@/lib/estimates/runner";
import { loadEstimatePage } from "@/lib/estimates/data";
import { DEFAULT_SEED, PAGE_ITERATIONS } from "@/lib/estimates/schema";
import { EstimateFailedError, estimateFailureMessage, estimateStoreStats } from "@/lib/estimate-results/obtain";
import { describeEstimateFailure } from "@/lib/estimate-results/failure";
import { retryEstimateAction } from "@/lib/estimate-results/actions";
import { createEngagementWorld } from "@/lib/factories";
import { createFixtureWorld, type EstimateWorld } from "./support";

let world: EstimateWorld;
const computed = () => estimateStoreStats().computed;
const failedRows = () => db.estimateResult.count({ where: { engagementId: world.eid, status: "failed", seed: DEFAULT_SEED, iterations: PAGE_ITERATIONS } });

beforeAll(async () => {
  world = await createFixtureWorld();
});
beforeEach(() => {
  engine.failWith = null;
});

describe("an estimate that cannot be computed", () => {
  it("rejects with a recognizable failure that names what to check; a reload repeats it without recomputing; Try again computes again", async () => {
    engine.failWith = new EstimateInputError("dataEntities.2.recordCount is not a finite number; every number of an engagement must be finite and within its documented range (docs/engagement-format.md)");
    const first = await loadEstimatePage(world.eid, "lead", DEFAULT_SEED).then(
      () => null,
      (e: unknown) => e,
    );
    const message = estimateFailureMessage(first);
    expect(message).toMatch(/dataEntities\.2\.recordCount is not a finite number/);
    const view = describeEstimateFailure(message!, world.eid);
    expect(view.kind).toBe("input");
    expect(view.checks[0]).toEqual({ label: "Data inventory", href: `/engagements/${world.eid}/data` });
    expect(await failedRows()).toBe(1);

    // the reload: the recorded failure, not another run of the engine
    const before = computed();
    const second = await loadEstimatePage(world.eid, "executive", DEFAULT_SEED).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(EstimateFailedError);
    expect(estimateFailureMessage(second)).toMatch(/recordCount is not a finite number/);
    expect(computed() - before).toBe(0);

    // the engine would succeed now (e.g. the machine is less busy): Try again, then the page has its estimate
    engine.failWith = null;
    signInAs(world.executive);
    const retried = await retryEstimateAction({ engagementId: world.eid, seed: DEFAULT_SEED });
    expect(retried).toEqual({ ok: true, data: { forgotten: 1 } });
    expect(await failedRows()).toBe(0);
    const page = await loadEstimatePage(world.eid, "lead", DEFAULT_SEED);
    expect(page.view.duration.totalMonths.percentiles.P50).toBeGreaterThan(0);
    expect(computed() - before).toBe(1);
  });

  it("a run over its time budget is a failure with budget advice", async () => {
    const w = await createFixtureWorld();
    engine.failWith = new EstimateBudgetError(20_000);
    const err = await loadEstimatePage(w.eid, "consultant", DEFAULT_SEED).catch((e: unknown) => e);
    const message = estimateFailureMessage(err);
    expect(message).toMatch(/longer than its budget of 20 s/);
    expect(describeEstimateFailure(message!, w.eid).kind).toBe("budget");
  });

  it("any other error is not an estimate failure (the page rethrows it to the error boundary)", () => {
    expect(estimateFailureMessage(new Error("connect ECONNREFUSED"))).toBeNull();
    expect(estimateFailureMessage("nope")).toBeNull();
  });
});

describe("retryEstimateAction: access", () => {
  it("every role that can view the estimate may retry; a non-member of the engagement gets NOT_FOUND and nothing is forgotten", async () => {
    engine.failWith = new EstimateInputError("assumptions.teamFte is not a finite number");
    const w = await createFixtureWorld();
    await loadEstimatePage(w.eid, "lead", 7).catch(() => null);
    const failed = () => db.estimateResult.count({ where: { engagementId: w.eid, status: "failed" } });
    expect(await failed()).toBe(1);

    const stranger = (await createEngagementWorld(db)).lead; // a lead of another engagement, same firm or not
    for (const user of [w.outsider, stranger]) {
      signInAs(user);
      const r = await retryEstimateAction({ engagementId: w.eid, seed: 7 });
      expect(r).toMatchObject({ ok: false, code: "NOT_FOUND" });
      expect(await failed()).toBe(1);
    }
    for (const user of [w.lead, w.consultant, w.reviewer, w.executive]) {
      signInAs(user);
      expect(await retryEstimateAction({ engagementId: w.eid, seed: 7 })).toMatchObject({ ok: true });
    }
    expect(await failed()).toBe(0);

    signInAs(w.lead);
    expect(await retryEstimateAction({ engagementId: w.eid, seed: -1 })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await retryEstimateAction({ engagementId: w.eid, seed: 1, extra: true })).toMatchObject({ ok: false, code: "INVALID" });
  });
});
