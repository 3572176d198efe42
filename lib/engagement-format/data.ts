// Assembles the whole-engagement document (the JSON export, and the estimate engine's input) from the
// database: a fixed number of queries whatever the row counts.
import "server-only";
import { db } from "@/lib/db";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import {
  ENGAGEMENT_FORMAT,
  ENGAGEMENT_FORMAT_VERSION,
  EngagementDocumentSchema,
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
import { EstimateInputError } from "@/lib/estimate";
import { ZodError, type z } from "zod";

/**
 * Stored engagement data read through the contract. What the contract refuses (a value saved before its range
 * existed, a key a later build added, a script's write into a JSON column or a row) is an input the estimate
 * cannot use: EstimateInputError naming the fields ("assumptions.constants.x is not usable: …"), which the
 * estimate page, the report, its downloads and the share page show as "cannot be computed — check <page>",
 * not a 500. `at`: where `json` sits in the document (e.g. ["assumptions"]).
 */
export function readStored<S extends z.ZodType>(schema: S, json: unknown, at: string[] = []): z.output<S> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw unusable(parsed.error, at);
}

function unusable(error: z.ZodError, at: string[]): EstimateInputError {
  const problems = error.issues.slice(0, 3).map((i) => `${[...at, ...i.path.map(String)].join(".") || "(document)"} is not usable: ${i.message}`);
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : "";
  return new EstimateInputError(`${problems.join("; ")}${more}`);
}

/** A row through its record mapper (which parses it): a refused row is named by where it sits in the document. */
function readRow<R, T>(at: string[], row: R, fromRecord: (r: R) => T): T {
  try {
    return fromRecord(row);
  } catch (err) {
    if (err instanceof ZodError) throw unusable(err, at);
    throw err;
  }
}

function readRows<R, T>(section: string, rows: R[], fromRecord: (r: R) => T): T[] {
  return rows.map((r, i) => readRow([section, String(i)], r, fromRecord));
}

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
  return readStored(EngagementDocumentSchema, {
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
    dataEntities: readRows("dataEntities", dataEntities, dataEntityFromRecord),
    workflows: readRows("workflows", workflows, workflowFromRecord),
    integrations: readRows("integrations", integrations, integrationFromRecord),
    reports: readRows("reports", reports, reportFromRecord),
    auditTrail: auditPolicy ? readRow(["auditTrail"], auditPolicy, auditPolicyFromRecord) : null,
    riskMatrix: e.riskMatrix ?? {},
    risks: readRows("risks", risks, riskFromRecord),
    assumptions: e.assumptions ?? {},
    typeDecision: readTypeDecisionAnswers(e.typeDecision),
  });
}
