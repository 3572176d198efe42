// Reads behind the executive report (page, PDF, exports, share page): everything comes through loadReport,
// so all of them show the same numbers for the same inputs and seed.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { loadEngagementDocument } from "@/lib/engagement-format/data";
import { EngagementDocumentSchema, type EngagementDocument } from "@/lib/engagement-format/schema";
import { findInventoryCounts } from "@/lib/engagements/data";
import { DEFAULT_ITERATIONS, DEFAULT_SEED, estimate, type Estimate } from "@/lib/estimate";
import { findWorkflowSignOffSummary } from "@/lib/workflow-review/data";
import { buildReportView, type BaselineSource, type ReportView, type ReportViewer } from "@/lib/report/model";

export type LoadReportOptions = ReportViewer & {
  /** estimate seed (default: the engine's DEFAULT_SEED, as on the estimate page and `npm run estimate`) */
  seed?: number;
  /** the clock, for tests */
  now?: Date;
};

/**
 * The estimate the report shows. INVARIANT: same inputs and seed as the estimate page and `npm run estimate`
 * (DEFAULT_ITERATIONS, default percentiles). When lib/estimates exports the estimate page's own function,
 * this is the one line to switch.
 */
export function computeReportEstimate(doc: EngagementDocument, seed: number): Estimate {
  return estimate(doc, { seed, iterations: DEFAULT_ITERATIONS });
}

/** The whole report for one engagement, as of now. */
export async function loadReport(engagementId: AuthorizedEngagementId, options: LoadReportOptions): Promise<ReportView> {
  const now = options.now ?? new Date();
  const seed = options.seed ?? DEFAULT_SEED;
  const [doc, header, signOff, counts, baseline] = await Promise.all([
    loadEngagementDocument(engagementId, now),
    findReportHeader(engagementId),
    findWorkflowSignOffSummary(engagementId),
    findInventoryCounts(engagementId, now.toISOString().slice(0, 10)),
    findReportBaseline(engagementId),
  ]);
  // INVARIANT: the Monte Carlo run happens after the reads, outside any transaction (TRUST.md).
  const est = computeReportEstimate(doc, seed);
  return buildReportView({
    engagementId,
    doc,
    estimate: est,
    firmName: header.firmName,
    leadNames: header.leadNames,
    isArchived: header.isArchived,
    signOff,
    completeness: counts.completeness,
    baseline,
    asOf: now.toISOString(),
    viewer: { canSeeRates: options.canSeeRates },
  });
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

// The fields of a stored Estimate the comparison reads (a baseline written by another engine version may
// carry more; one that lacks these is recomputed from its inputs).
const StoredEstimateSchema = z.looseObject({
  schemaVersion: z.literal(1),
  input: z.looseObject({ plannedStart: z.string() }),
  duration: z.looseObject({
    totalMonths: z.looseObject({ percentiles: z.record(z.string(), z.number()) }),
    finalGoLiveWeeks: z.looseObject({ percentiles: z.record(z.string(), z.number()) }),
  }),
  cost: z.looseObject({ totalCents: z.looseObject({ percentiles: z.record(z.string(), z.number()) }) }),
  licenseOverlap: z.looseObject({ band: z.looseObject({ p50: z.number() }) }),
  inputConfidence: z.looseObject({ score: z.number() }),
});

/**
 * The latest saved baseline with its inputs and estimate. Until lib/estimates exports findLatestBaseline,
 * this reads the Baseline table itself: outputs are used when they are a stored Estimate, otherwise the
 * estimate is recomputed from the stored inputs with the stored seed and iterations (deterministic).
 */
export async function findReportBaseline(engagementId: AuthorizedEngagementId): Promise<BaselineSource | null> {
  const b = await db.baseline.findFirst({
    where: { engagementId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { name: true, createdAt: true, createdByName: true, seed: true, iterations: true, inputs: true, outputs: true },
  });
  if (!b) return null;
  const parsedDoc = EngagementDocumentSchema.safeParse(b.inputs);
  const doc = parsedDoc.success ? parsedDoc.data : null;
  let est: Estimate | null = null;
  if (StoredEstimateSchema.safeParse(b.outputs).success) est = b.outputs as unknown as Estimate;
  else if (doc) {
    try {
      est = estimate(doc, { seed: b.seed, iterations: b.iterations });
    } catch {
      est = null;
    }
  }
  return { name: b.name, createdAt: b.createdAt.toISOString(), createdByName: b.createdByName, seed: b.seed, iterations: b.iterations, doc, estimate: est };
}
