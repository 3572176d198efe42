// The row actions of each inventory, built once from its definition's store, its form schemas and — only where
// its writes really differ — its write hooks and capability. lib/inventories/actions.ts dispatches to these.
import "server-only";
import type { Capability } from "@/lib/auth/access-matrix";
import type { InventoryKey } from "@/lib/inventories/definition";
import { rowActions } from "@/lib/inventories/row-actions";
import { dataEntityStore } from "@/lib/data-inventory/data";
import { DataEntityCreateSchema, DataEntityUpdateSchema } from "@/lib/data-inventory/schema";
import { workflowStore } from "@/lib/workflows/data";
import { workflowWriteHooks } from "@/lib/workflows/mutations";
import { WorkflowCreateSchema, WorkflowUpdateSchema } from "@/lib/workflows/schema";
import { integrationStore } from "@/lib/integrations/data";
import { IntegrationCreateSchema, IntegrationUpdateSchema } from "@/lib/integrations/schema";
import { reportStore } from "@/lib/reports/data";
import { ReportCreateSchema, ReportUpdateSchema } from "@/lib/reports/schema";
import { riskStore } from "@/lib/risks/data";
import { riskWriteHooks } from "@/lib/risks/mutations";
import { RiskCreateSchema, RiskUpdateSchema } from "@/lib/risks/schema";

/** Who may change each inventory (lib/auth/access-matrix.ts): the risk register has its own capability. */
export const EDIT_CAPABILITY = { data: "inventory.edit", workflows: "inventory.edit", integrations: "inventory.edit", reports: "inventory.edit", risks: "risks.edit" } as const satisfies Record<InventoryKey, Capability>;

export const ROW_ACTIONS = {
  data: rowActions({ section: "data", capability: EDIT_CAPABILITY.data, createSchema: DataEntityCreateSchema, updateSchema: DataEntityUpdateSchema, store: dataEntityStore }),
  workflows: rowActions({ section: "workflows", capability: EDIT_CAPABILITY.workflows, createSchema: WorkflowCreateSchema, updateSchema: WorkflowUpdateSchema, store: workflowStore, hooks: workflowWriteHooks }),
  integrations: rowActions({ section: "integrations", capability: EDIT_CAPABILITY.integrations, createSchema: IntegrationCreateSchema, updateSchema: IntegrationUpdateSchema, store: integrationStore }),
  reports: rowActions({ section: "reports", capability: EDIT_CAPABILITY.reports, createSchema: ReportCreateSchema, updateSchema: ReportUpdateSchema, store: reportStore }),
  // the risk register: the matrix check and the library key kept (lib/risks/mutations.ts)
  risks: rowActions({ section: "risks", capability: EDIT_CAPABILITY.risks, createSchema: RiskCreateSchema, updateSchema: RiskUpdateSchema, store: riskStore, hooks: riskWriteHooks }),
} satisfies Record<InventoryKey, unknown>;
