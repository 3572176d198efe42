// Reads behind the executive report (page, PDF, exports, share page): everything comes through loadReport,
// so all of them show the same numbers for the same inputs and seed.
import "server-only";
import { ZodError } from "zod";
import { db } from "@/lib/db";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { findInventoryCounts } from "@/lib/engagements/data";
import { DEFAULT_SEED, type Estimate } from "@/lib/estimate";
import type { EngagementDocument } from "@/lib/engagement-format/schema";
import { computeEngagementEstimate, computeTypeDecision, findLatestBaseline, type Baseline } from "@/lib/estimates/data";
import { findTypeDecisionChecklist } from "@/lib/type-decision/data";
import { estimateFailureMessage, obtainEstimate } from "@/lib/estimate-results/obtain";
import { describeEstimateFailure, type EstimateFailureView } from "@/lib/estimate-results/failure";
import { findWorkflowSignOffSummary } from "@/lib/workflow-review/data";
import { logError } from "@/lib/log";
import { buildReportView, type BaselineSource, type ReportView, type ReportViewer } from "@/lib/report/model";
import { loadValidationPlan } from "@/lib/profile-runs/data";

export type LoadReportOptions = ReportViewer & {
  /** estimate seed (default: the engine's DEFAULT_SEED, as on the estimate page and `npm run estimate`) */
  seed?: number;
  /** the clock, for tests */
  now?: Date;
};

/** The whole report for one engagement, as of now. */
export async function loadReport(engagementId: AuthorizedEngagementId, options: LoadReportOptions): Promise<ReportView> {
  const now = options.now ?? new Date();
  const seed = options.seed ?? DEFAULT_SEED;
  const [computed, header, signOff, counts, latest, checklist, validation] = await Promise.all([
    // INVARIANT: the estimate page's own function — same document, seed and iterations as the page and
    // `npm run estimate -- <exported engagement.json> --seed N`; it runs after the read, outside any transaction.
    computeEngagementEstimate(engagementId, { seed }),
    findReportHeader(engagementId),
    findWorkflowSignOffSummary(engagementId),
    findInventoryCounts(engagementId, now.toISOString().slice(0, 10)),
    findLatestBaselineSafely(engagementId),
    findTypeDecisionChecklist(engagementId),
    loadValidationPlan(engagementId),
  ]);
  const { document: doc, estimate: est } = computed;
  // the same engagement as the two other types (the scenarios page's stored "As Type" estimates when they exist)
  const typeDecision = await computeTypeDecision(engagementId, doc, est, { canSeeRates: options.canSeeRates });
  return buildReportView({
    engagementId,
    doc,
    estimate: est,
    firmName: header.firmName,
    leadNames: header.leadNames,
    isArchived: header.isArchived,
    signOff,
    completeness: counts.completeness,
    baseline: latest ? await baselineSource(engagementId, latest, doc, est) : null,
    asOf: now.toISOString(),
    viewer: { canSeeRates: options.canSeeRates },
    typeDecision,
    fitChecklist: checklist.values,
    validationPlan: validation.plan,
  });
}

export type ReportOutcome = { ok: true; report: ReportView } | { ok: false; failure: EstimateFailureView };

/**
 * The report, or why it cannot be made: when the estimate of the current inputs cannot be computed (the
 * engine refused an input, or the run went over its time budget) the page, the PDF, the exports and the share
 * page say so (what failed, what to check) instead of the generic error page or a 500. Any other error
 * (a database outage, a bug) is rethrown.
 */
export async function loadReportOutcome(engagementId: AuthorizedEngagementId, options: LoadReportOptions): Promise<ReportOutcome> {
  try {
    return { ok: true, report: await loadReport(engagementId, options) };
  } catch (err) {
    const message = estimateFailureMessage(err);
    if (message === null) throw err;
    return { ok: false, failure: describeEstimateFailure(message, engagementId) };
  }
}

async function findReportHeader(engagementId: AuthorizedEngagementId) {
  const e = await db.engagement.findUniqueOrThrow({
    where: { id: engagementId },
    select: {
      archivedAt: true,
      organization: { select: { name: true } },
      memberships: { where: { role: "lead" }, select: { user: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
  return { firmName: e.organization.name, leadNames: e.memberships.map((m) => m.user.name), isArchived: e.archivedAt !== null };
}

/** A baseline whose stored inputs no longer parse must not take the report down with it: it is left out (and logged). */
async function findLatestBaselineSafely(engagementId: AuthorizedEngagementId): Promise<Baseline | null> {
  try {
    return await findLatestBaseline(engagementId);
  } catch (err) {
    if (!(err instanceof ZodError)) throw err;
    logError("latest baseline could not be read for the report", err, { engagementId });
    return null;
  }
}

/** Today's inputs estimated with the baseline's seed and iterations, so the comparison shows input changes, not sampling noise. */
async function baselineSource(engagementId: AuthorizedEngagementId, b: Baseline, doc: EngagementDocument, current: Estimate): Promise<BaselineSource> {
  const same = b.seed === current.run.seed && b.iterations === current.run.iterations;
  const comparable = same ? current : (await obtainEstimate(engagementId, doc, { seed: b.seed, iterations: b.iterations }, { kind: "scenario" })).estimate;
  return { name: b.name, createdAt: b.createdAt, createdByName: b.createdByName, seed: b.seed, iterations: b.iterations, document: b.document, estimate: b.estimate, current: comparable };
}
