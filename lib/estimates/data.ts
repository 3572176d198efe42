// Estimate reads: the estimate of an engagement's current inputs (of loadEngagementDocument — the same
// document the JSON export and `npm run estimate` read — computed once per input and stored:
// lib/estimate-results), scenarios, and baselines (immutable snapshots: inputs + seed + iterations + outputs).
// Long work never runs inside a database transaction: the document is read, then the engine runs.
import "server-only";
import { db } from "@/lib/db";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { can, type Role } from "@/lib/auth/access-matrix";
import { loadEngagementDocument, readStored } from "@/lib/engagement-format/data";
import { AssumptionsSchema, EngagementDocumentSchema, MIGRATION_TYPES, type EngagementDocument, type MigrationType } from "@/lib/engagement-format/schema";
import { DEFAULT_SEED, type Estimate } from "@/lib/estimate";
import { redactTypeDecision, tcoInputOf, typeDecision, type TypeDecisionView } from "@/lib/estimate/tco";
import { AppError } from "@/lib/errors";
import { findInputsRevision } from "@/lib/estimate-results/data";
import { loadCurrentEstimate, loadCurrentHeadline, obtainEstimate, type Obtained } from "@/lib/estimate-results/obtain";
import type { EstimateHeadline } from "@/lib/estimate-results/key";
import { toEstimateView } from "@/lib/estimates/view";
import { PAGE_ITERATIONS, type EstimateTimings } from "@/lib/estimates/schema";

export type { EstimateTimings };
import { compareEstimates, redactComparison } from "@/lib/estimates/compare";
import { describeDocumentDiff, diffEngagementDocuments } from "@/lib/estimates/input-diff";
import { isRateOrFeePath } from "@/lib/assumptions/diff";
import { applyScenarioChanges, summarizeScenario, type ScenarioColumn, type ScenarioVariant } from "@/lib/estimates/scenarios";
import type { Baseline, BaselineComparison, BaselineListItem, EstimatePageData } from "@/lib/estimates/types";

export type { Baseline, BaselineComparison, BaselineListItem, EstimatePageData, ScenarioColumn };

export type ComputedEstimate = { document: EngagementDocument; estimate: Estimate; timings: EstimateTimings };

const ms = (v: number) => Math.round(v * 10) / 10;

/**
 * The estimate of the engagement's current inputs — the server function behind the estimate page
 * (and the parity test: it equals `npm run estimate -- <exported engagement.json> --seed N`).
 */
function timingsOf(o: Obtained, t: { t0: number; t1: number; t2: number }): EstimateTimings {
  return {
    loadMs: ms(t.t1 - t.t0),
    engineMs: ms(o.engineMs ?? 0),
    estimateMs: ms(t.t2 - t.t1),
    totalMs: ms(t.t2 - t.t0),
    mode: o.source === "computed" ? "worker" : "stored",
    computedAt: o.computedAt.toISOString(),
  };
}

/**
 * The estimate of the engagement's current inputs, with the document — behind the report, PDF, exports
 * and baselines (and the parity test: it equals `npm run estimate -- <exported engagement.json> --seed N`).
 * The engine runs only when no stored result has this document, seed, iterations and engine version.
 */
export async function computeEngagementEstimate(engagementId: AuthorizedEngagementId, opts: { seed?: number; iterations?: number } = {}): Promise<ComputedEstimate> {
  const t0 = performance.now();
  // INVARIANT: the revision is read before the document, so a result is never filed under a newer revision than its inputs
  const revision = await findInputsRevision(engagementId);
  const document = await loadEngagementDocument(engagementId);
  const t1 = performance.now();
  const got = await obtainEstimate(engagementId, document, { seed: opts.seed ?? DEFAULT_SEED, iterations: opts.iterations ?? PAGE_ITERATIONS }, { kind: "current", revision });
  const t2 = performance.now();
  return { document, estimate: got.estimate, timings: timingsOf(got, { t0, t1, t2 }) };
}

async function findEstimateTargets(engagementId: AuthorizedEngagementId): Promise<EstimatePageData["targets"]> {
  const e = await db.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: { assumptions: true } });
  const a = readStored(AssumptionsSchema, e.assumptions ?? {}, ["assumptions"]);
  return { goLive: a.targetGoLive, budgetCents: a.targetBudgetCents };
}

/**
 * The estimate page's data: the current estimate as `role` may see it. The stored result is found by
 * the inputs revision without loading the document; after an input change the page waits up to
 * `waitMs` for the new result, then shows the previous one marked updating (the page refreshes itself).
 */
export async function loadEstimatePage(engagementId: AuthorizedEngagementId, role: Role, seed: number, opts: { waitMs?: number } = {}): Promise<EstimatePageData> {
  const t0 = performance.now();
  let t1 = t0;
  const [got, targets] = await Promise.all([
    loadCurrentEstimate(
      engagementId,
      { seed, iterations: PAGE_ITERATIONS },
      async () => {
        const doc = await loadEngagementDocument(engagementId);
        t1 = performance.now();
        return doc;
      },
      opts,
    ),
    findEstimateTargets(engagementId),
  ]);
  const t2 = performance.now();
  return {
    view: toEstimateView(got.estimate, { canSeeRates: can(role, "rates.view") }),
    timings: timingsOf(got, { t0, t1, t2 }),
    targets,
    updating: got.isUpdating ? { shownComputedAt: got.computedAt.toISOString() } : null,
  };
}

/**
 * The overview's estimate: the stored headline of the current inputs (what the commitment, the input
 * confidence and the critical-flag count need; the same for every role that may read the estimate — totals
 * only, no rates) and the targets, without reading the whole stored estimate. Fails like loadEstimatePage.
 */
export async function loadEstimateHeadline(engagementId: AuthorizedEngagementId, seed: number, opts: { waitMs?: number } = {}): Promise<{ headline: EstimateHeadline; targets: EstimatePageData["targets"]; updating: boolean }> {
  const [got, targets] = await Promise.all([
    loadCurrentHeadline(engagementId, { seed, iterations: PAGE_ITERATIONS }, () => loadEngagementDocument(engagementId), opts),
    findEstimateTargets(engagementId),
  ]);
  return { headline: got.headline, targets, updating: got.isUpdating };
}

// ---------- scenarios ----------
/** The current inputs, the same engagement as Type A, B and C, and each variant — all with the same seed. */
export async function computeScenarios(
  engagementId: AuthorizedEngagementId,
  variants: ScenarioVariant[],
  seed: number,
  opts: { canSeeRates?: boolean } = {},
): Promise<{ columns: ScenarioColumn[]; currentType: MigrationType; currency: string; hasBuildSize: boolean; totalMs: number; typeDecision: TypeDecisionView | null }> {
  const t0 = performance.now();
  const revision = await findInputsRevision(engagementId);
  const doc = await loadEngagementDocument(engagementId);
  const currentType = doc.engagement.migrationType;
  const jobs: { key: string; name: string; kind: ScenarioColumn["kind"]; description: string; doc: EngagementDocument | null; error: string | null }[] = [
    { key: "current", name: "Current inputs", kind: "current", description: `As entered (Type ${currentType}).`, doc, error: null },
  ];
  for (const t of MIGRATION_TYPES) {
    if (t === currentType) continue;
    const applied = applyScenarioChanges(doc, { migrationType: t });
    jobs.push({ key: `type-${t}`, name: `As Type ${t}`, kind: "type", description: `The same inventories and assumptions, scoped as Type ${t}.`, doc: applied.ok ? applied.doc : null, error: applied.ok ? null : applied.error });
  }
  variants.forEach((v, i) => {
    const applied = applyScenarioChanges(doc, v.changes);
    jobs.push({ key: `variant-${i}`, name: v.name, kind: "variant", description: "", doc: applied.ok ? applied.doc : null, error: applied.ok ? null : applied.error });
  });
  // each column is a stored result of its own (scenario) inputs: a reload or another viewer computes nothing
  const results = await Promise.all(
    jobs.map((j) => (j.doc ? obtainEstimate(engagementId, j.doc, { seed, iterations: PAGE_ITERATIONS }, j.kind === "current" ? { kind: "current", revision } : { kind: "scenario" }) : Promise.resolve(null))),
  );
  const columns: ScenarioColumn[] = jobs.map((j, i) => ({
    key: j.key,
    name: j.name,
    kind: j.kind,
    description: j.description,
    summary: results[i] ? summarizeScenario((results[i] as Obtained).estimate) : null,
    error: j.error,
  }));
  // the type decision (TCO per type) from the current and "As Type" columns: the same estimates, nothing recomputed
  const perType = jobs.flatMap((j, i) => (j.kind !== "variant" && results[i] ? [tcoInputOf((results[i] as Obtained).estimate)] : []));
  const decision = typeDecision(doc, perType);
  const typeDecisionOut = decision && !opts.canSeeRates ? redactTypeDecision(decision) : decision;
  return { columns, currentType, currency: doc.engagement.currency, hasBuildSize: doc.assumptions.buildFunctionPoints !== null, totalMs: ms(performance.now() - t0), typeDecision: typeDecisionOut };
}

/**
 * The type decision of the engagement (the report's): `current` is the estimate of its own inputs; the other
 * two types are the scenarios page's "As Type" estimates (same seed and iterations, so stored results are reused).
 */
export async function computeTypeDecision(
  engagementId: AuthorizedEngagementId,
  doc: EngagementDocument,
  current: Estimate,
  opts: { canSeeRates: boolean },
): Promise<TypeDecisionView | null> {
  const others = MIGRATION_TYPES.filter((t) => t !== doc.engagement.migrationType);
  const estimates = await Promise.all(
    others.map(async (t) => {
      const applied = applyScenarioChanges(doc, { migrationType: t });
      return applied.ok ? (await obtainEstimate(engagementId, applied.doc, { seed: current.run.seed, iterations: current.run.iterations }, { kind: "scenario" })).estimate : null;
    }),
  );
  const decision = typeDecision(doc, [current, ...estimates].filter((e): e is Estimate => e !== null).map(tcoInputOf));
  return decision && !opts.canSeeRates ? redactTypeDecision(decision) : decision;
}

// ---------- baselines ----------
type BaselineListRecord = {
  id: string;
  name: string;
  seed: number;
  iterations: number;
  createdAt: Date;
  createdByName: string;
  p50Months: number | null;
  p80Months: number | null;
  p50Cost: number | null;
  p80Cost: number | null;
  migrationType: string | null;
};

/** Every baseline of the engagement, newest first, with its headline numbers (read from the stored outputs in SQL: one query, no full documents). */
export async function findBaselines(engagementId: AuthorizedEngagementId): Promise<BaselineListItem[]> {
  const rows = await db.$queryRaw<BaselineListRecord[]>`
    SELECT "id", "name", "seed", "iterations", "createdAt", "createdByName",
           ("outputs" #>> '{duration,totalMonths,percentiles,P50}')::float8 AS "p50Months",
           ("outputs" #>> '{duration,totalMonths,percentiles,P80}')::float8 AS "p80Months",
           ("outputs" #>> '{cost,totalCents,percentiles,P50}')::float8 AS "p50Cost",
           ("outputs" #>> '{cost,totalCents,percentiles,P80}')::float8 AS "p80Cost",
           ("outputs" #>> '{input,migrationType}') AS "migrationType"
      FROM "Baseline"
     WHERE "engagementId" = ${engagementId}
     ORDER BY "createdAt" DESC, "id" DESC
     LIMIT 500`;
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    seed: r.seed,
    iterations: r.iterations,
    createdAt: r.createdAt.toISOString(),
    createdByName: r.createdByName,
    p50Months: r.p50Months,
    p80Months: r.p80Months,
    p50CostCents: r.p50Cost === null ? null : Math.round(r.p50Cost),
    p80CostCents: r.p80Cost === null ? null : Math.round(r.p80Cost),
    migrationType: r.migrationType,
  }));
}

type BaselineRecord = { id: string; engagementId: string; name: string; seed: number; iterations: number; inputs: unknown; outputs: unknown; createdAt: Date; createdByName: string };

function toBaseline(r: BaselineRecord): Baseline {
  return {
    id: r.id,
    engagementId: r.engagementId,
    name: r.name,
    seed: r.seed,
    iterations: r.iterations,
    createdAt: r.createdAt.toISOString(),
    createdByName: r.createdByName,
    document: EngagementDocumentSchema.parse(r.inputs),
    estimate: r.outputs as Estimate,
  };
}

export async function findBaseline(engagementId: AuthorizedEngagementId, baselineId: string): Promise<Baseline> {
  const row = await db.baseline.findFirst({ where: { id: baselineId, engagementId } });
  if (!row) throw new AppError("NOT_FOUND", "That baseline does not exist on this engagement.");
  return toBaseline(row);
}

/** The newest baseline of the engagement, or null (the executive report compares against it). */
export async function findLatestBaseline(engagementId: AuthorizedEngagementId): Promise<Baseline | null> {
  const row = await db.baseline.findFirst({ where: { engagementId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return row ? toBaseline(row) : null;
}

/** Now vs a baseline: what changed in the numbers and which inputs caused it, as `role` may see it. */
export async function loadBaselineComparison(engagementId: AuthorizedEngagementId, role: Role, baselineId: string): Promise<BaselineComparison> {
  const baseline = await findBaseline(engagementId, baselineId);
  const now = await computeEngagementEstimate(engagementId, { seed: baseline.seed, iterations: baseline.iterations });
  const canSeeRates = can(role, "rates.view");
  const comparison = compareEstimates(baseline.estimate, now.estimate);
  const inputs = diffEngagementDocuments(baseline.document, now.document);
  const { document: _d, estimate: _e, ...meta } = baseline;
  return {
    baseline: { ...meta, engineVersion: baseline.estimate.engine?.version ?? "unknown" },
    current: toEstimateView(now.estimate, { canSeeRates }),
    then: toEstimateView(baseline.estimate, { canSeeRates }),
    comparison: canSeeRates ? comparison : redactComparison(comparison),
    inputs: canSeeRates ? inputs : { ...inputs, assumptions: Object.fromEntries(Object.entries(inputs.assumptions).map(([k, v]) => [k, isRateOrFeePath(k) ? { from: null, to: null } : v])) },
    inputChanges: describeDocumentDiff(inputs, { hideMoney: !canSeeRates }),
    timings: now.timings,
  };
}
