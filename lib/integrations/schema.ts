// Integration inventory: form, action and table-query schemas (client + server).
import { z } from "zod";
import {
  DIRECTIONS,
  INTEGRATION_KINDS,
  INTEGRATION_STANDARDS,
  INTERFACE_COMPLEXITIES,
  SEVERITIES,
  TRANSITION_STRATEGIES,
  WORK_STATUSES,
  type Integration,
} from "@/lib/engagement-format/schema";
import { enumField, optionalText, requiredText } from "@/lib/form-fields";
import { createInput, updateInput } from "@/lib/inventories/action-input";
import { enumFilter, tableQuerySchema, type RowMeta } from "@/lib/inventories/table-query";

export const IntegrationFormSchema = z.strictObject({
  name: requiredText(200),
  kind: enumField(INTEGRATION_KINDS, "Choose the kind of interface"),
  standard: enumField(INTEGRATION_STANDARDS, "Choose the standard"),
  messageTypes: optionalText(300),
  direction: enumField(DIRECTIONS, "Choose the direction"),
  partner: optionalText(200),
  sourceEndpoint: optionalText(300),
  replacementPlan: optionalText(2000),
  transitionStrategy: enumField(TRANSITION_STRATEGIES),
  clinicalImpact: enumField(SEVERITIES),
  complexity: enumField(INTERFACE_COMPLEXITIES),
  status: enumField(WORK_STATUSES),
});
export type IntegrationFormValues = z.output<typeof IntegrationFormSchema>;
// INVARIANT: the form's output is a contract row (compile-time check).
const _formIsContract: (v: IntegrationFormValues) => Integration = (v) => v;

export const IntegrationCreateSchema = createInput(IntegrationFormSchema);
export const IntegrationUpdateSchema = updateInput(IntegrationFormSchema);

export type IntegrationRow = Integration & RowMeta;

export type IntegrationFormState = Record<keyof Integration, string>;

export const emptyIntegrationForm: IntegrationFormState = {
  name: "",
  kind: "",
  standard: "",
  messageTypes: "",
  direction: "",
  partner: "",
  sourceEndpoint: "",
  replacementPlan: "",
  transitionStrategy: "undecided",
  clinicalImpact: "medium",
  complexity: "medium",
  status: "not_started",
};

export function integrationToForm(row: Integration): IntegrationFormState {
  return { ...row };
}

export const INTEGRATION_SORTS = ["name", "kind", "standard", "direction", "partner", "transitionStrategy", "clinicalImpact", "complexity", "status", "updatedAt"] as const;

export const IntegrationQuerySchema = tableQuerySchema({
  sorts: INTEGRATION_SORTS,
  // "prioritized by clinical impact" (PRODUCT.md): the most critical interfaces come first
  defaultSort: "clinicalImpact",
  defaultDir: "desc",
  filters: {
    kind: enumFilter(INTEGRATION_KINDS),
    standard: enumFilter(INTEGRATION_STANDARDS),
    strategy: enumFilter(TRANSITION_STRATEGIES),
    impact: enumFilter(SEVERITIES),
    complexity: enumFilter(INTERFACE_COMPLEXITIES),
    status: enumFilter(WORK_STATUSES),
  },
});
export type IntegrationQuery = z.output<typeof IntegrationQuerySchema>;

export type IntegrationTotals = {
  interfaces: number;
  byComplexity: Record<(typeof INTERFACE_COMPLEXITIES)[number], number>;
  byClinicalImpact: Record<(typeof SEVERITIES)[number], number>;
  byTransitionStrategy: Record<(typeof TRANSITION_STRATEGIES)[number], number>;
  byStatus: Record<(typeof WORK_STATUSES)[number], number>;
};

export function integrationKeyMessage() {
  return "This engagement already has an interface with this name";
}
