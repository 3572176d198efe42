// Each inventory's extension of the generic view, by key (components/inventories/extension.ts says what one may add).
import type { InventoryKey } from "@/lib/inventories/definition";
import type { InventoryExtension } from "@/components/inventories/extension";
import { DATA_EXTENSION } from "@/components/data-inventory/data-extension";
import { WORKFLOW_EXTENSION } from "@/components/workflows/workflow-extension";
import { INTEGRATION_EXTENSION } from "@/components/integrations/integration-extension";
import { REPORT_EXTENSION } from "@/components/reports/report-extension";
import { RISK_EXTENSION } from "@/components/risks/risk-extension";

export const EXTENSIONS: Record<InventoryKey, InventoryExtension> = {
  data: DATA_EXTENSION,
  workflows: WORKFLOW_EXTENSION,
  integrations: INTEGRATION_EXTENSION,
  reports: REPORT_EXTENSION,
  risks: RISK_EXTENSION,
};
