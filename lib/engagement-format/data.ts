// Assembles the whole-engagement document (the JSON export, and the estimate engine's input) from the
// database: a fixed number of queries whatever the row counts.
import "server-only";
import { db } from "@/lib/db";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import {
  AssumptionsSchema,
  ENGAGEMENT_FORMAT,
  ENGAGEMENT_FORMAT_VERSION,
  EngagementDocumentSchema,
  RiskMatrixSchema,
  type EngagementDocument,
} from "@/lib/engagement-format/schema";
import {
  auditPolicyFromRecord,
  dataEntityFromRecord,
  integrationFromRecord,
  reportFromRecord,
  riskFromRecord,
  workflowFromRecord,
} from "@/lib/inventories/registry";
import { readTypeDecisionAnswers } from "@/lib/type-decision/schema";

/** Stable row order for exports and round trips: insertion order. */
const byName = { orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }] };

export async function loadEngagementDocument(engagementId: AuthorizedEngagementId, now: Date = new Date()): Promise<EngagementDocument> {
  const [e, dataEntities, workflows, integrations, reports, risks, auditPolicy] = await Promise.all([
    db.engagement.findUniqueOrThrow({ where: { id: engagementId } }),
    db.dataEntity.findMany({ where: { engagementId }, ...byName }),
    db.workflowItem.findMany({ where: { engagementId }, ...byName }),
    db.integration.findMany({ where: { engagementId }, ...byName }),
    db.report.findMany({ where: { engagementId }, ...byName }),
    db.risk.findMany({ where: { engagementId }, ...byName }),
    db.auditTrailPolicy.findUnique({ where: { engagementId } }),
  ]);
  return EngagementDocumentSchema.parse({
    format: ENGAGEMENT_FORMAT,
    version: ENGAGEMENT_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    engagement: {
      clientName: e.clientName,
      name: e.name,
      migrationType: e.migrationType,
      sourceSystem: e.sourceSystem,
      destinationSystem: e.destinationSystem,
      plannedStart: e.plannedStart.toISOString().slice(0, 10),
      currency: e.currency,
      status: e.status,
      profile: {
        providers: e.providers,
        locations: e.locations,
        specialties: e.specialties,
        staffUsers: e.staffUsers,
        activePatients: e.activePatients,
        yearsOfData: e.yearsOfData,
        sourceSystemCount: e.sourceSystemCount,
      },
    },
    dataEntities: dataEntities.map(dataEntityFromRecord),
    workflows: workflows.map(workflowFromRecord),
    integrations: integrations.map(integrationFromRecord),
    reports: reports.map(reportFromRecord),
    auditTrail: auditPolicy ? auditPolicyFromRecord(auditPolicy) : null,
    riskMatrix: RiskMatrixSchema.parse(e.riskMatrix ?? {}),
    risks: risks.map(riskFromRecord),
    assumptions: AssumptionsSchema.parse(e.assumptions ?? {}),
    typeDecision: readTypeDecisionAnswers(e.typeDecision),
  });
}
