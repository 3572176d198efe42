// Integration inventory: form, action and table-query schemas (client + server).
import { z } from "zod";
import type { INTERFACE_COMPLEXITIES, SEVERITIES, TRANSITION_STRATEGIES, WORK_STATUSES, Integration } from "@/lib/engagement-format/schema";
import type { RowMeta } from "@/lib/inventories/table-query";
import { INTEGRATION_DEFINITION } from "@/lib/inventories/definitions";
import type { FormStateOf } from "@/lib/inventories/derive";
import { inventorySchemas } from "@/lib/inventories/schemas";

export const {
  form: IntegrationFormSchema, create: IntegrationCreateSchema, update: IntegrationUpdateSchema,
  empty: emptyIntegrationForm, toForm: integrationToForm, query: IntegrationQuerySchema,
} = inventorySchemas(INTEGRATION_DEFINITION);
// INVARIANT: the form's output is a contract row (compile-time check).
const _formIsContract: (v: z.output<typeof IntegrationFormSchema>) => Integration = (v) => v;

export type IntegrationRow = Integration & RowMeta;
export type IntegrationFormState = FormStateOf<typeof INTEGRATION_DEFINITION.fields>;
export type IntegrationQuery = z.output<typeof IntegrationQuerySchema>;

export type IntegrationTotals = {
  interfaces: number;
  byComplexity: Record<(typeof INTERFACE_COMPLEXITIES)[number], number>;
  byClinicalImpact: Record<(typeof SEVERITIES)[number], number>;
  byTransitionStrategy: Record<(typeof TRANSITION_STRATEGIES)[number], number>;
  byStatus: Record<(typeof WORK_STATUSES)[number], number>;
};
