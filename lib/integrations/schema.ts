// Integration inventory: form, action and table-query schemas (client + server).
import { z } from "zod";
import type { INTERFACE_COMPLEXITIES, SEVERITIES, TRANSITION_STRATEGIES, WORK_STATUSES, Integration } from "@/lib/engagement-format/schema";
import { createInput, updateInput } from "@/lib/inventories/action-input";
import type { RowMeta } from "@/lib/inventories/table-query";
import { INTEGRATION_DEFINITION } from "@/lib/inventories/definitions";
import { emptyFormOf, formSchemaOf, querySchemaOf, toFormOf, type FormStateOf } from "@/lib/inventories/derive";

export const IntegrationFormSchema = formSchemaOf(INTEGRATION_DEFINITION);
export type IntegrationFormValues = z.output<typeof IntegrationFormSchema>;
// INVARIANT: the form's output is a contract row (compile-time check).
const _formIsContract: (v: IntegrationFormValues) => Integration = (v) => v;

export const IntegrationCreateSchema = createInput(IntegrationFormSchema);
export const IntegrationUpdateSchema = updateInput(IntegrationFormSchema);

export type IntegrationRow = Integration & RowMeta;

export type IntegrationFormState = FormStateOf<typeof INTEGRATION_DEFINITION.fields>;
export const emptyIntegrationForm: IntegrationFormState = emptyFormOf(INTEGRATION_DEFINITION);
export const integrationToForm = (row: Integration): IntegrationFormState => toFormOf(INTEGRATION_DEFINITION, row);

export const IntegrationQuerySchema = querySchemaOf(INTEGRATION_DEFINITION);
export type IntegrationQuery = z.output<typeof IntegrationQuerySchema>;

export type IntegrationTotals = {
  interfaces: number;
  byComplexity: Record<(typeof INTERFACE_COMPLEXITIES)[number], number>;
  byClinicalImpact: Record<(typeof SEVERITIES)[number], number>;
  byTransitionStrategy: Record<(typeof TRANSITION_STRATEGIES)[number], number>;
  byStatus: Record<(typeof WORK_STATUSES)[number], number>;
};

export function integrationKeyMessage() {
  return INTEGRATION_DEFINITION.keyMessage;
}
