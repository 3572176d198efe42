// The portfolio's reads: the user's engagements (lib/engagements/data findEngagementsForUser) with their
// review signals, last activity and stored estimate summaries — a constant number of queries whatever the
// number of engagements, and never the Monte Carlo (the estimates come from the loader).
import "server-only";
import { db } from "@/lib/db";
import { findEngagementsForUser } from "@/lib/engagements/data";
import { loadLatestEstimateSummary } from "@/lib/estimate-results/data";
import { findSignOffComparison } from "@/lib/workflow-review/data";
import { countChanges } from "@/lib/workflow-review/diff";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import type { EngagementListFilter } from "@/lib/engagements/schema";
import { awaitingFor, type PortfolioEstimateLoader, type PortfolioRow, type ReviewSignals } from "@/lib/portfolio/schema";

const NO_SIGNALS: ReviewSignals = { notReviewed: 0, changesRequested: 0, changedSinceApproval: 0, changedSinceSignOff: 0, lastSignOff: null };

/**
 * Review signals per engagement. "Changed since approval": approved, and edited after its last approval in
 * Sounding — or, approved without any approval recorded here (an import or the seed), edited since it was
 * created (its version moved on from the one that came in approved).
 * INVARIANT: the caller passes only ids the viewer may see.
 */
export async function findReviewSignals(engagementIds: readonly string[]): Promise<Map<string, ReviewSignals>> {
  const out = new Map<string, ReviewSignals>();
  if (engagementIds.length === 0) return out;
  const ids = [...engagementIds];
  const [items, signOffs] = await Promise.all([
    db.$queryRaw<{ engagementId: string; notReviewed: number; changesRequested: number; changedSinceApproval: number }[]>`
      SELECT w."engagementId",
             count(*) FILTER (WHERE w."reviewStatus" = 'not_reviewed')::int AS "notReviewed",
             count(*) FILTER (WHERE w."reviewStatus" = 'changes_requested')::int AS "changesRequested",
             count(*) FILTER (WHERE w."reviewStatus" = 'approved'
                                AND ((a."at" IS NOT NULL AND w."updatedAt" > a."at") OR (a."at" IS NULL AND w."version" > 1)))::int AS "changedSinceApproval"
        FROM "WorkflowItem" w
        LEFT JOIN LATERAL (
          SELECT max(c."createdAt") AS "at" FROM "WorkflowComment" c
           WHERE c."engagementId" = w."engagementId" AND c."workflowItemId" = w."id" AND c."verdict" = 'approved'
        ) a ON true
       WHERE w."engagementId" = ANY(${ids}::text[])
       GROUP BY w."engagementId"`,
    // the last sign-off, and whether anything can have changed since: an item edited or added after it, or a
    // different number of items (one removed) — when neither, nothing changed and no diff is needed
    db.$queryRaw<{ engagementId: string; id: string; createdAt: Date; signedByName: string; mayHaveChanged: boolean }[]>`
      SELECT s."engagementId", s."id", s."createdAt", s."signedByName",
             (EXISTS (SELECT 1 FROM "WorkflowItem" w WHERE w."engagementId" = s."engagementId" AND w."updatedAt" > s."createdAt")
              OR (SELECT count(*) FROM "WorkflowItem" w WHERE w."engagementId" = s."engagementId") <> jsonb_array_length(s."snapshot")) AS "mayHaveChanged"
        FROM (SELECT DISTINCT ON ("engagementId") "engagementId", "id", "createdAt", "signedByName", "snapshot"
                FROM "WorkflowSignOff" WHERE "engagementId" = ANY(${ids}::text[])
               ORDER BY "engagementId", "createdAt" DESC, "id" DESC) s`,
  ]);
  for (const r of items) out.set(r.engagementId, { ...NO_SIGNALS, notReviewed: r.notReviewed, changesRequested: r.changesRequested, changedSinceApproval: r.changedSinceApproval });
  const changed = await Promise.all(
    signOffs.map(async (s) => {
      if (!s.mayHaveChanged) return 0;
      // INVARIANT (as above): the caller passes only ids the viewer may see
      const { diff } = await findSignOffComparison(s.engagementId as AuthorizedEngagementId, s.id);
      return countChanges(diff);
    }),
  );
  signOffs.forEach((s, i) => out.set(s.engagementId, { ...(out.get(s.engagementId) ?? NO_SIGNALS), changedSinceSignOff: changed[i]!, lastSignOff: { at: s.createdAt.toISOString(), by: s.signedByName } }));
  return out;
}

/** The newest audit event per engagement (what anyone last did there). */
export async function findLastActivity(engagementIds: readonly string[]): Promise<Map<string, string>> {
  if (engagementIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ engagementId: string; at: Date }[]>`
    SELECT "engagementId", max("createdAt") AS "at" FROM "AuditEvent"
     WHERE "engagementId" = ANY(${[...engagementIds]}::text[]) GROUP BY "engagementId"`;
  return new Map(rows.map((r) => [r.engagementId, r.at.toISOString()]));
}

/** The user's engagements as portfolio rows (the list's own filter: search, type, status). */
export async function findPortfolio(userId: string, filter: EngagementListFilter, loadEstimates: PortfolioEstimateLoader): Promise<PortfolioRow[]> {
  const engagements = await findEngagementsForUser(userId, filter);
  const ids = engagements.map((e) => e.id);
  const [signals, activity, estimates] = await Promise.all([findReviewSignals(ids), findLastActivity(ids), loadEstimates(ids)]);
  return engagements.map(({ version: _version, ...e }) => {
    const review = signals.get(e.id) ?? NO_SIGNALS;
    return { ...e, estimate: estimates.get(e.id) ?? null, review, awaitingMe: awaitingFor(e.myRole, review), lastActivityAt: activity.get(e.id) ?? null };
  });
}

/**
 * Stored estimate summaries for the portfolio: the newest stored result of each engagement
 * (lib/estimate-results, computed once per input by the estimate pages and the job queue). An engagement
 * without one is absent and the list says "not computed yet". The list never runs the Monte Carlo itself.
 */
export const loadStoredEstimates: PortfolioEstimateLoader = async (engagementIds) => {
  const stored = await loadLatestEstimateSummary(engagementIds);
  return new Map(
    [...stored].map(([id, s]) => [
      id,
      { p50Months: s.p50Months, p80Months: s.p80Months, p50CostCents: s.p50CostCents, p80CostCents: s.p80CostCents, confidence: s.confidence, criticalFlags: s.criticalFlags, currency: s.currency, computedAt: s.computedAt, isCurrent: s.isCurrent },
    ]),
  );
};
