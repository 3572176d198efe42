// The database columns of each row inventory with their SQL types: what the bulk writes cast to, and
// the ranges a row must fit before anything is written (the contract allows any safe integer; an
// `integer` column holds at most 2,147,483,647, so $21,474,836.47 in cents).
// INVARIANT: the columns here are exactly the keys of the registry's toColumns(row) (tested in
// tests/integration/import-export/inventory-import.test.ts). Pure.
import type { InventoryKey } from "@/lib/inventories/registry";

export type SqlType = "text" | "int" | "bigint" | "float8" | "boolean" | "jsonb" | "date";

export const INVENTORY_TABLES: Record<InventoryKey, { table: string; columns: Record<string, SqlType> }> = {
  data: {
    table: "DataEntity",
    columns: {
      entity: "text", sourceObject: "text", sourceSystem: "text", recordCount: "bigint", yearsCovered: "float8", decision: "text", destinationEntity: "text",
      mappingStatus: "text", cleanupInScope: "boolean", decider: "text", notes: "text", quirks: "jsonb",
    },
  },
  workflows: {
    table: "WorkflowItem",
    columns: { kind: "text", name: "text", department: "text", quantity: "int", complexity: "text", disposition: "text", reviewStatus: "text", notes: "text" },
  },
  integrations: {
    table: "Integration",
    columns: {
      name: "text", kind: "text", standard: "text", messageTypes: "text", direction: "text", partner: "text", sourceEndpoint: "text",
      replacementPlan: "text", transitionStrategy: "text", clinicalImpact: "text", complexity: "text", status: "text",
    },
  },
  reports: {
    table: "Report",
    columns: { name: "text", kind: "text", consumers: "text", frequency: "text", complexity: "text", reproducibilityPlan: "text", parallelValidation: "boolean", status: "text" },
  },
  risks: {
    table: "Risk",
    columns: {
      title: "text", cause: "text", effect: "text", category: "text", likelihood: "int", impact: "int", residualLikelihood: "int",
      residualImpact: "int", probability: "float8", residualProbability: "float8", scope: "text", treatment: "text", mitigationPlan: "text",
      mitigationCostCents: "int", scheduleImpactWeeks: "jsonb", costImpact: "jsonb", phase: "text", owner: "text", nextReviewDate: "date",
      status: "text", libraryKey: "text",
    },
  },
};

export const INT4_MAX = 2_147_483_647;
export const INT8_MAX = Number.MAX_SAFE_INTEGER;

/** Fields of a contract row too large for their column, with a message in plain words. */
export function columnRangeProblems(inventory: InventoryKey, row: Record<string, unknown>): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  for (const [field, type] of Object.entries(INVENTORY_TABLES[inventory].columns)) {
    const v = row[field];
    if (typeof v !== "number") continue;
    if (type === "int" && Math.abs(v) > INT4_MAX) {
      problems.push({ field, message: field.endsWith("Cents") ? "is too large (at most $21,474,836.47)" : `is too large (at most ${INT4_MAX.toLocaleString("en-US")})` });
    } else if (type === "bigint" && Math.abs(v) > INT8_MAX) {
      problems.push({ field, message: "is too large" });
    }
  }
  return problems;
}
