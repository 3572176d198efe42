"use client";
// The fields of one interface: what it is, where it lives today, and how it crosses cutover.
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/errors";
import type { IntegrationFormState } from "@/lib/integrations/schema";
import {
  DIRECTION_LABELS,
  INTEGRATION_KIND_LABELS,
  INTEGRATION_STANDARD_LABELS,
  INTERFACE_COMPLEXITY_LABELS,
  SEVERITY_LABELS,
  TRANSITION_STRATEGY_LABELS,
  WORK_STATUS_LABELS,
  optionsFrom,
} from "@/lib/inventories/labels";

const choose = { value: "", label: "Choose…" };
const options = {
  kind: [choose, ...optionsFrom(INTEGRATION_KIND_LABELS)],
  standard: [choose, ...optionsFrom(INTEGRATION_STANDARD_LABELS)],
  direction: [choose, ...optionsFrom(DIRECTION_LABELS)],
  transitionStrategy: optionsFrom(TRANSITION_STRATEGY_LABELS),
  clinicalImpact: optionsFrom(SEVERITY_LABELS),
  complexity: optionsFrom(INTERFACE_COMPLEXITY_LABELS),
  status: optionsFrom(WORK_STATUS_LABELS),
};

export const INTEGRATION_FIELD_LABELS: Record<keyof IntegrationFormState, string> = {
  name: "Name",
  kind: "Kind",
  standard: "Standard",
  messageTypes: "Message types",
  direction: "Direction",
  partner: "Partner",
  sourceEndpoint: "Source endpoint",
  replacementPlan: "Replacement plan",
  transitionStrategy: "Transition strategy",
  clinicalImpact: "Clinical impact",
  complexity: "Complexity",
  status: "Status",
};

export function IntegrationFields({
  state,
  errors,
  setField,
  readOnly,
}: {
  state: IntegrationFormState;
  errors: FieldErrors;
  setField: <K extends keyof IntegrationFormState>(key: K, value: IntegrationFormState[K]) => void;
  readOnly: boolean;
}) {
  const bind = (key: keyof IntegrationFormState) => ({
    name: key,
    value: state[key],
    error: errors[key],
    onChange: (e: { currentTarget: { value: string } }) => setField(key, e.currentTarget.value),
  });
  return (
    <fieldset disabled={readOnly} className="space-y-5">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name" {...bind("name")} required placeholder="e.g. Quest lab results" className="sm:col-span-2" />
        <SelectField label="Kind" {...bind("kind")} options={options.kind} required />
        <TextField label="Partner" {...bind("partner")} placeholder="e.g. Quest Diagnostics, Surescripts" />
        <SelectField label="Standard" {...bind("standard")} options={options.standard} required />
        <TextField label="Message types" {...bind("messageTypes")} placeholder="e.g. ORM^O01, ORU^R01 or 270/271, 837P" />
        <SelectField label="Direction" {...bind("direction")} options={options.direction} required />
        <TextField label="Source endpoint" {...bind("sourceEndpoint")} placeholder="e.g. Mirth channel LAB_IN, sftp://…" />
      </div>
      <TextAreaField label="Replacement plan" {...bind("replacementPlan")} rows={3} placeholder="What replaces it on the destination side, and who builds it" />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Transition strategy" {...bind("transitionStrategy")} options={options.transitionStrategy} hint="Run both in parallel, or cut over and switch?" />
        <SelectField label="Clinical impact" {...bind("clinicalImpact")} options={options.clinicalImpact} hint="Integrations are rebuilt one at a time, most critical first" />
        <SelectField label="Complexity" {...bind("complexity")} options={options.complexity} />
        <SelectField label="Status" {...bind("status")} options={options.status} />
      </div>
    </fieldset>
  );
}
