// The five row inventories, one entry each: the contract row schema, the natural key that imports and
// round trips are keyed by, and the mapping between a contract row and its database columns — all derived
// from the inventory definitions (lib/inventories/definitions/*).
// INVARIANT: fromRecord(toColumns(row)) deep-equals the parsed row (tested in tests/unit/inventories).
// Used by CRUD, import/export and the whole-engagement JSON; pure (no database access here).
import {
  DataEntitySchema,
  IntegrationSchema,
  ReportSchema,
  RiskSchema,
  WorkflowItemSchema,
  AuditTrailPolicySchema,
  type AuditTrailPolicy,
  type DataEntity,
  type Integration,
  type Report,
  type Risk,
  type WorkflowItem,
} from "@/lib/engagement-format/schema";
import type { z } from "zod";
import type { Fields, InventoryDefinition } from "@/lib/inventories/definition";
import { fromRecordOf, naturalKeyOf, toColumnsOf } from "@/lib/inventories/derive";
import { DATA_DEFINITION, INTEGRATION_DEFINITION, REPORT_DEFINITION, RISK_DEFINITION, WORKFLOW_DEFINITION } from "@/lib/inventories/definitions";

export { INVENTORY_KEYS, type InventoryKey } from "@/lib/inventories/definition";
export { keyPart } from "@/lib/inventories/derive";

type Json = Record<string, unknown> | unknown[] | null;

const toBigInt = (n: number | null) => (n === null ? null : BigInt(Math.round(n)));
const fromBigInt = (n: bigint | number | null | undefined) => (n === null || n === undefined ? null : Number(n));

// ---- the five inventories: columns ⇄ contract rows, derived from their definitions ----
export function dataEntityToColumns(row: DataEntity) {
  return toColumnsOf(DATA_DEFINITION, row) as Omit<DataEntity, "recordCount" | "quirks"> & { recordCount: bigint | null; quirks: Json };
}
export const dataEntityFromRecord = (r: Record<string, unknown>): DataEntity => fromRecordOf(DATA_DEFINITION, DataEntitySchema, r);

export const workflowToColumns = (row: WorkflowItem) => toColumnsOf(WORKFLOW_DEFINITION, row) as WorkflowItem;
export const workflowFromRecord = (r: Record<string, unknown>): WorkflowItem => fromRecordOf(WORKFLOW_DEFINITION, WorkflowItemSchema, r);

export const integrationToColumns = (row: Integration) => toColumnsOf(INTEGRATION_DEFINITION, row) as Integration;
export const integrationFromRecord = (r: Record<string, unknown>): Integration => fromRecordOf(INTEGRATION_DEFINITION, IntegrationSchema, r);

export const reportToColumns = (row: Report) => toColumnsOf(REPORT_DEFINITION, row) as Report;
export const reportFromRecord = (r: Record<string, unknown>): Report => fromRecordOf(REPORT_DEFINITION, ReportSchema, r);

export function riskToColumns(row: Risk) {
  return toColumnsOf(RISK_DEFINITION, row) as Omit<Risk, "scheduleImpactWeeks" | "costImpact" | "nextReviewDate"> & { scheduleImpactWeeks: Json; costImpact: Json; nextReviewDate: Date | null };
}
export const riskFromRecord = (r: Record<string, unknown>): Risk => fromRecordOf(RISK_DEFINITION, RiskSchema, r);

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

const entry = <S extends z.ZodType, C extends object>(d: InventoryDefinition<Fields>, schema: S, toColumns: (row: z.output<S>) => C, fromRecord: (r: Record<string, unknown>) => z.output<S>) => ({
  label: d.label,
  schema,
  naturalKey: naturalKeyOf(d) as (row: z.output<S>) => string,
  toColumns,
  fromRecord,
});

export const INVENTORIES = {
  data: entry(DATA_DEFINITION, DataEntitySchema, dataEntityToColumns, dataEntityFromRecord),
  workflows: entry(WORKFLOW_DEFINITION, WorkflowItemSchema, workflowToColumns, workflowFromRecord),
  integrations: entry(INTEGRATION_DEFINITION, IntegrationSchema, integrationToColumns, integrationFromRecord),
  reports: entry(REPORT_DEFINITION, ReportSchema, reportToColumns, reportFromRecord),
  risks: entry(RISK_DEFINITION, RiskSchema, riskToColumns, riskFromRecord),
} as const;
