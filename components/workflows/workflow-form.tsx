"use client";
// The fields of one workflow item. The review status is the clinical review's: shown, never edited here.
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { ReviewBadge } from "@/components/inventory/badges";
import type { FieldErrors } from "@/lib/errors";
import type { WorkflowFormState } from "@/lib/workflows/schema";
import { COMPLEXITY_LABELS, DISPOSITION_LABELS, WORKFLOW_KIND_LABELS, optionsFrom } from "@/lib/inventories/labels";

const kindOptions = [{ value: "", label: "Choose…" }, ...optionsFrom(WORKFLOW_KIND_LABELS)];
const complexityOptions = optionsFrom(COMPLEXITY_LABELS);
const dispositionOptions = optionsFrom(DISPOSITION_LABELS);

export const WORKFLOW_FIELD_LABELS: Record<keyof WorkflowFormState, string> = {
  kind: "Kind",
  name: "Name",
  department: "Department",
  quantity: "Quantity",
  complexity: "Complexity",
  disposition: "Disposition",
  notes: "Notes",
};

export function WorkflowFields({
  state,
  errors,
  setField,
  readOnly,
  reviewStatus,
}: {
  state: WorkflowFormState;
  errors: FieldErrors;
  setField: <K extends keyof WorkflowFormState>(key: K, value: WorkflowFormState[K]) => void;
  readOnly: boolean;
  reviewStatus: string | null;
}) {
  const bind = (key: keyof WorkflowFormState) => ({
    name: key,
    value: state[key],
    error: errors[key],
    onChange: (e: { currentTarget: { value: string } }) => setField(key, e.currentTarget.value),
  });
  return (
    <fieldset disabled={readOnly} className="space-y-5">
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Kind" {...bind("kind")} options={kindOptions} required />
        <TextField label="Name" {...bind("name")} required placeholder="e.g. Chest pain admission order set" />
        <TextField label="Department" {...bind("department")} placeholder="e.g. Cardiology (empty = organization-wide)" />
        <TextField label="Quantity" {...bind("quantity")} inputMode="numeric" required hint="One row may stand for many, e.g. 42 order sets" />
        <SelectField label="Complexity" {...bind("complexity")} options={complexityOptions} />
        <SelectField label="Disposition" {...bind("disposition")} options={dispositionOptions} hint="Must it survive cutover unchanged, or may it change?" />
      </div>
      <TextAreaField label="Notes" {...bind("notes")} rows={4} />
      {reviewStatus ? (
        <div className="flex items-center gap-2 rounded-md bg-ink-50 px-3 py-2 text-sm text-ink-600">
          Clinical review: <ReviewBadge value={reviewStatus} />
          <span className="text-xs text-ink-500">Set by clinical reviewers on the review page.</span>
        </div>
      ) : null}
    </fieldset>
  );
}
