// The five inventory definitions, by key. Adding an inventory: write its definition next to these and list it
// here (docs/conventions.md).
import type { InventoryKey } from "@/lib/inventories/definition";
import { DATA_DEFINITION } from "@/lib/inventories/definitions/data";
import { WORKFLOW_DEFINITION } from "@/lib/inventories/definitions/workflows";
import { INTEGRATION_DEFINITION } from "@/lib/inventories/definitions/integrations";
import { REPORT_DEFINITION } from "@/lib/inventories/definitions/reports";
import { RISK_DEFINITION } from "@/lib/inventories/definitions/risks";

export { DATA_DEFINITION, WORKFLOW_DEFINITION, INTEGRATION_DEFINITION, REPORT_DEFINITION, RISK_DEFINITION };

export const DEFINITIONS = {
  data: DATA_DEFINITION,
  workflows: WORKFLOW_DEFINITION,
  integrations: INTEGRATION_DEFINITION,
  reports: REPORT_DEFINITION,
  risks: RISK_DEFINITION,
} as const satisfies Record<InventoryKey, unknown>;
