// The five row inventories, one entry each: the contract row schema, the natural key that imports and
// round trips are keyed by, and the mapping between a contract row and its database columns.
// INVARIANT: fromRecord(toColumns(row)) deep-equals the parsed row (tested in tests/unit/inventories).
// Used by CRUD, import/export and the whole-engagement JSON; pure (no database access here).
import {
  DataEntitySchema,
  IntegrationSchema,
  ReportSchema,
  RiskSchema,
  WorkflowItemSchema,
  AuditTrailPolicySchema,
  QuirkSchema,
  ThreePointSchema,
  CostImpactSchema,
  type AuditTrailPolicy,
  type DataEntity,
  type Integration,
  type Report,
  type Risk,
  type WorkflowItem,
} from "@/lib/engagement-format/schema";
import { z } from "zod";

export const INVENTORY_KEYS = ["data", "workflows", "integrations", "reports", "risks"] as const;
export type InventoryKey = (typeof INVENTORY_KEYS)[number];

type Json = Record<string, unknown> | unknown[] | null;

const dateOnly = (d: Date | string | null | undefined): string | null => {
  if (!d) return null;
  return (typeof d === "string" ? new Date(d) : d).toISOString().slice(0, 10);
};
const toDate = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00.000Z`) : null);
const toBigInt = (n: number | null) => (n === null ? null : BigInt(Math.round(n)));
const fromBigInt = (n: bigint | number | null | undefined) => (n === null || n === undefined ? null : Number(n));

/** Case- and space-insensitive part of a natural key. */
export const keyPart = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");

// ---- data inventory ----
export function dataEntityToColumns(row: DataEntity) {
  return { ...row, recordCount: toBigInt(row.recordCount), quirks: row.quirks as unknown as Json };
}
export function dataEntityFromRecord(r: Record<string, unknown>): DataEntity {
  return DataEntitySchema.parse({
    entity: r.entity, sourceObject: r.sourceObject, recordCount: fromBigInt(r.recordCount as bigint | null), yearsCovered: r.yearsCovered ?? null,
    decision: r.decision, destinationEntity: r.destinationEntity, mappingStatus: r.mappingStatus, cleanupInScope: r.cleanupInScope,
    decider: r.decider, notes: r.notes, quirks: z.array(QuirkSchema).catch([]).parse(r.quirks ?? []),
  });
}

// ---- workflows ----
export function workflowToColumns(row: WorkflowItem) {
  return { ...row };
}
export function workflowFromRecord(r: Record<string, unknown>): WorkflowItem {
  return WorkflowItemSchema.parse({
    kind: r.kind, name: r.name, department: r.department, quantity: r.quantity, complexity: r.complexity,
    disposition: r.disposition, reviewStatus: r.reviewStatus, notes: r.notes,
  });
}

// ---- integrations ----
export function integrationToColumns(row: Integration) {
  return { ...row };
}
export function integrationFromRecord(r: Record<string, unknown>): Integration {
  return IntegrationSchema.parse({
    name: r.name, kind: r.kind, standard: r.standard, messageTypes: r.messageTypes, direction: r.direction, partner: r.partner,
    sourceEndpoint: r.sourceEndpoint, replacementPlan: r.replacementPlan, transitionStrategy: r.transitionStrategy,
    clinicalImpact: r.clinicalImpact, complexity: r.complexity, status: r.status,
  });
}

// ---- reports ----
export function reportToColumns(row: Report) {
  return { ...row };
}
export function reportFromRecord(r: Record<string, unknown>): Report {
  return ReportSchema.parse({
    name: r.name, kind: r.kind, consumers: r.consumers, frequency: r.frequency, complexity: r.complexity,
    reproducibilityPlan: r.reproducibilityPlan, parallelValidation: r.parallelValidation, status: r.status,
  });
}

// ---- risks ----
export function riskToColumns(row: Risk) {
  return {
    ...row,
    scheduleImpactWeeks: row.scheduleImpactWeeks as unknown as Json,
    costImpact: row.costImpact as unknown as Json,
    nextReviewDate: toDate(row.nextReviewDate),
  };
}
export function riskFromRecord(r: Record<string, unknown>): Risk {
  return RiskSchema.parse({
    title: r.title, cause: r.cause, effect: r.effect, category: r.category, likelihood: r.likelihood, impact: r.impact,
    residualLikelihood: r.residualLikelihood ?? null, residualImpact: r.residualImpact ?? null, probability: r.probability ?? null,
    residualProbability: r.residualProbability ?? null, scope: r.scope, treatment: r.treatment, mitigationPlan: r.mitigationPlan,
    mitigationCostCents: r.mitigationCostCents, scheduleImpactWeeks: ThreePointSchema.nullable().catch(null).parse(r.scheduleImpactWeeks ?? null),
    costImpact: CostImpactSchema.nullable().catch(null).parse(r.costImpact ?? null), phase: r.phase, owner: r.owner,
    nextReviewDate: dateOnly(r.nextReviewDate as Date | null), status: r.status, libraryKey: r.libraryKey ?? null,
  });
}

// ---- audit-trail policy (one per engagement) ----
export function auditPolicyToColumns(p: AuditTrailPolicy) {
  return { ...p, sourceLogRows: toBigInt(p.sourceLogRows) };
}
export function auditPolicyFromRecord(r: Record<string, unknown>): AuditTrailPolicy {
  return AuditTrailPolicySchema.parse({
    policy: r.policy, sourceLogRows: fromBigInt(r.sourceLogRows as bigint | null), sourceLogYears: r.sourceLogYears ?? null,
    retentionYears: r.retentionYears ?? null, retentionBasis: r.retentionBasis, destination: r.destination,
    retrievalProcedure: r.retrievalProcedure, owner: r.owner,
  });
}

export const INVENTORIES = {
  data: {
    label: "Data inventory",
    schema: DataEntitySchema,
    naturalKey: (r: DataEntity) => `${r.entity}|${keyPart(r.sourceObject)}`,
    toColumns: dataEntityToColumns,
    fromRecord: dataEntityFromRecord,
  },
  workflows: {
    label: "Workflow inventory",
    schema: WorkflowItemSchema,
    naturalKey: (r: WorkflowItem) => `${r.kind}|${keyPart(r.department)}|${keyPart(r.name)}`,
    toColumns: workflowToColumns,
    fromRecord: workflowFromRecord,
  },
  integrations: {
    label: "Integration inventory",
    schema: IntegrationSchema,
    naturalKey: (r: Integration) => keyPart(r.name),
    toColumns: integrationToColumns,
    fromRecord: integrationFromRecord,
  },
  reports: {
    label: "Report inventory",
    schema: ReportSchema,
    naturalKey: (r: Report) => keyPart(r.name),
    toColumns: reportToColumns,
    fromRecord: reportFromRecord,
  },
  risks: {
    label: "Risk register",
    schema: RiskSchema,
    naturalKey: (r: Risk) => keyPart(r.title),
    toColumns: riskToColumns,
    fromRecord: riskFromRecord,
  },
} as const;
