// Issue 13: when the estimate of an engagement's current inputs cannot be computed (the engine refuses an
// input, or the run goes over its time budget), the report is not the generic error page nor a 500:
// loadReportOutcome says what failed and which inputs to check (the page shows it with Try again), the PDF
// and the exports answer 409 (inputs refused) or 503 (over budget) with that message, nothing is audited as
// downloaded, the share page's loader rejects with a recognizable failure, and once the estimate can be
// computed again (Try again) the downloads work. Access is unchanged: a non-member still gets 404.
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
import { loadReportOutcome } from "@/lib/report/data";
import { estimateFailureMessage } from "@/lib/estimate-results/obtain";
import { retryEstimateAction } from "@/lib/estimate-results/actions";
import { createShareLinkAction } from "@/lib/share-links/actions";
import { openSharedReport } from "@/lib/share-links/open";
import { auditEntries, createReportWorld, getExport, getPdf, type ReportWorld } from "./support";

const REFUSED = "dataEntities.2.recordCount is not a finite number; every number of an engagement must be finite and within its documented range (docs/engagement-format.md)";
const downloads = async (eid: string) => (await auditEntries(eid, "report.pdf_download")).length + (await auditEntries(eid, "report.export")).length;

let world: ReportWorld;
beforeAll(async () => {
  world = await createReportWorld();
});
beforeEach(() => {
  engine.failWith = null;
});

describe("a report whose estimate cannot be computed", () => {
  it("page: the failure in the engine's words with the inputs to check; PDF and exports: 409 with that message, not audited; after Try again all work", async () => {
    engine.failWith = new EstimateInputError(REFUSED);
    const outcome = await loadReportOutcome(world.eid, { canSeeRates: true });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.failure.kind).toBe("input");
    expect(outcome.failure.reason).toMatch(/dataEntities\.2\.recordCount is not a finite number/);
    expect(outcome.failure.checks[0]).toEqual({ label: "Data inventory", href: `/engagements/${world.eid}/data` });

    signInAs(world.executive);
    const pdf = await getPdf(world.eid);
    expect(pdf.status).toBe(409);
    const body = (await pdf.json()) as { error: string; message: string };
    expect(body.error).toBe("CONFLICT");
    expect(body.message).toMatch(/^The report cannot be produced: its estimate cannot be computed from the current inputs\. Reason: dataEntities\.2\.recordCount is not a finite number/);
    expect(body.message).toContain("Check: Data inventory");
    for (const q of ["?format=csv&part=costs", "?format=xlsx&part=phases"]) {
      const res = await getExport(world.eid, q);
      expect(res.status, q).toBe(409);
      expect(((await res.json()) as { message: string }).message, q).toMatch(/recordCount is not a finite number/);
    }
    expect(await downloads(world.eid)).toBe(0);

    // access is checked first: a non-member learns nothing about the failure
    signInAs(world.outsider);
    expect((await getPdf(world.eid)).status).toBe(404);

    // the share page's loader rejects with a failure it recognizes (it shows "cannot be shown right now"); the open is still recorded
    signInAs(world.lead);
    const link = await createShareLinkAction({ engagementId: world.eid, days: "7", label: "" });
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    const shared = await openSharedReport(link.data.path.split("/").at(-1)!, { ip: "203.0.113.9", userAgent: "test" }).catch((e: unknown) => e);
    expect(estimateFailureMessage(shared)).toMatch(/recordCount is not a finite number/);

    // the engine would succeed now: Try again (estimate.view; the report's seed) and the downloads work
    engine.failWith = null;
    signInAs(world.reviewer);
    expect(await retryEstimateAction({ engagementId: world.eid, seed: 1 })).toMatchObject({ ok: true });
    expect((await loadReportOutcome(world.eid, { canSeeRates: false })).ok).toBe(true);
    const again = await getExport(world.eid, "?format=csv&part=costs");
    expect(again.status).toBe(200);
    expect(await downloads(world.eid)).toBe(1);
  }, 120_000);

  it("a run over its time budget: 503 with the budget reason and 'try again'", async () => {
    const w = await createReportWorld();
    engine.failWith = new EstimateBudgetError(20_000);
    const outcome = await loadReportOutcome(w.eid, { canSeeRates: true });
    expect(outcome).toMatchObject({ ok: false, failure: { kind: "budget" } });
    signInAs(w.consultant);
    const res = await getPdf(w.eid, "?seed=3");
    expect(res.status).toBe(503);
    const body = (await res.json()) as { error: string; message: string };
    expect(body).toMatchObject({ error: "UNAVAILABLE" });
    expect(body.message).toMatch(/took longer than its time budget\. Reason: .*budget of 20 s.*Try again in a moment/);
    expect(await downloads(w.eid)).toBe(0);
  }, 60_000);

  it("stored inputs the contract refuses (a constant saved out of range, a row a script wrote): the failure names the field and its page, not a 500", async () => {
    const w = await createReportWorld();
    const e = await db.engagement.findUniqueOrThrow({ where: { id: w.eid }, select: { assumptions: true } });
    const stored = (e.assumptions ?? {}) as Record<string, unknown>;
    await db.engagement.update({ where: { id: w.eid }, data: { assumptions: { ...stored, constants: { ...((stored.constants as object) ?? {}), "systemic.max": 1e308 } } } });
    const outcome = await loadReportOutcome(w.eid, { canSeeRates: true });
    expect(outcome).toMatchObject({ ok: false, failure: { kind: "input" } });
    if (outcome.ok) return;
    expect(outcome.failure.reason).toMatch(/^assumptions\.constants\.systemic\.max is not usable: Must be a number from 0 to 10/);
    expect(outcome.failure.checks[0]).toEqual({ label: "Assumptions", href: `/engagements/${w.eid}/assumptions` });
    signInAs(w.consultant);
    const res = await getPdf(w.eid);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { message: string }).message).toMatch(/systemic\.max is not usable.*Check: Assumptions/);
    expect(await downloads(w.eid)).toBe(0);

    // a row outside its range (written around the app): the inventory's page is named
    await db.engagement.update({ where: { id: w.eid }, data: { assumptions: stored as object } });
    const row = await db.dataEntity.findFirstOrThrow({ where: { engagementId: w.eid } });
    const position = (await db.dataEntity.findMany({ where: { engagementId: w.eid }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } })).findIndex((r) => r.id === row.id);
    await db.dataEntity.update({ where: { id: row.id }, data: { recordCount: 10n ** 17n } });
    const again = await loadReportOutcome(w.eid, { canSeeRates: true });
    expect(again).toMatchObject({ ok: false, failure: { kind: "input" } });
    if (again.ok) return;
    expect(again.failure.reason).toMatch(new RegExp(`^dataEntities\\.${position}\\.recordCount is not usable`));
    expect(again.failure.checks[0]).toEqual({ label: "Data inventory", href: `/engagements/${w.eid}/data` });
  }, 60_000);

  it("any other error is not turned into a failure state (the page's error boundary, the route's 500)", async () => {
    const w = await createReportWorld();
    engine.failWith = new Error("connect ECONNREFUSED 127.0.0.1:5432 (simulated)");
    await expect(loadReportOutcome(w.eid, { canSeeRates: true })).rejects.toThrow(/simulated/);
    expect(await db.estimateResult.count({ where: { engagementId: w.eid, status: "ready" } })).toBe(0);
  }, 60_000);
});
