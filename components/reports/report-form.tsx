"use client";
// The fields of one report. A regulatory report without a reproducibility plan is flagged as it is typed.
import { AlertTriangle } from "lucide-react";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/errors";
import { isRegulatoryWithoutPlan, type ReportFormState } from "@/lib/reports/schema";
import { COMPLEXITY_LABELS, FREQUENCY_LABELS, REPORT_KIND_LABELS, WORK_STATUS_LABELS, optionsFrom } from "@/lib/inventories/labels";

const options = {
  kind: [{ value: "", label: "Choose…" }, ...optionsFrom(REPORT_KIND_LABELS)],
  frequency: optionsFrom(FREQUENCY_LABELS),
  complexity: optionsFrom(COMPLEXITY_LABELS),
  status: optionsFrom(WORK_STATUS_LABELS),
};

export const REPORT_FIELD_LABELS: Record<keyof ReportFormState, string> = {
  name: "Name",
  kind: "Kind",
  consumers: "Consumers",
  frequency: "Frequency",
  complexity: "Complexity",
  reproducibilityPlan: "Reproducibility plan",
  parallelValidation: "Validated in parallel",
  status: "Status",
};

export function ReportFields({
  state,
  errors,
  setField,
  readOnly,
}: {
  state: ReportFormState;
  errors: FieldErrors;
  setField: <K extends keyof ReportFormState>(key: K, value: ReportFormState[K]) => void;
  readOnly: boolean;
}) {
  const bind = (key: Exclude<keyof ReportFormState, "parallelValidation">) => ({
    name: key,
    value: state[key],
    error: errors[key],
    onChange: (e: { currentTarget: { value: string } }) => setField(key, e.currentTarget.value),
  });
  const flagged = isRegulatoryWithoutPlan(state);
  return (
    <fieldset disabled={readOnly} className="space-y-5">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name" {...bind("name")} required placeholder="e.g. MIPS quality measures submission" className="sm:col-span-2" />
        <SelectField label="Kind" {...bind("kind")} options={options.kind} required />
        <SelectField label="Frequency" {...bind("frequency")} options={options.frequency} />
        <TextField label="Consumers" {...bind("consumers")} placeholder="Who relies on it: CMS, the quality team, the CFO…" className="sm:col-span-2" />
        <SelectField label="Complexity" {...bind("complexity")} options={options.complexity} />
        <SelectField label="Status" {...bind("status")} options={options.status} />
      </div>
      <TextAreaField
        label="Reproducibility plan"
        {...bind("reproducibilityPlan")}
        rows={4}
        placeholder="How this report is reproduced on the destination: rebuilt, vendor-supplied, or retired — and how its numbers are checked"
        hint={flagged ? undefined : "Regulatory submissions without a plan are flagged: a failed quality-measure submission accrues penalties."}
      />
      {flagged ? (
        <p className="-mt-3 flex items-start gap-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" role="status">
          <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
          A regulatory report with no reproducibility plan: if it is not rebuilt before cutover, submissions fail and penalties accrue.
        </p>
      ) : null}
      <CheckboxField
        label="Validated in parallel"
        name="parallelValidation"
        checked={state.parallelValidation}
        onChange={(e) => setField("parallelValidation", e.currentTarget.checked)}
        hint="Source and destination produce it side by side for at least one cycle and the numbers are compared"
      />
    </fieldset>
  );
}
