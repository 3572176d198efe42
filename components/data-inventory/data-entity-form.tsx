"use client";
// The fields of one data entity, with its quirks edited inline (add / remove rows). Controlled: the
// editor (components/inventory/use-row-editor) owns the state, validation and saving.
import { useRef } from "react";
import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import type { FieldErrors } from "@/lib/errors";
import { emptyQuirkForm, MAX_QUIRKS, type DataEntityFormState, type QuirkFormState } from "@/lib/data-inventory/schema";
import {
  CLEANUP_DECISION_LABELS,
  DATA_ENTITY_KIND_LABELS,
  MAPPING_STATUS_LABELS,
  MIGRATE_DECISION_LABELS,
  QUIRK_KIND_LABELS,
  SEVERITY_LABELS,
  optionsFrom,
} from "@/lib/inventories/labels";
import { DATA_DEFINITION } from "@/lib/inventories/definitions";
import { formLabelsOf } from "@/lib/inventories/derive";

const choose = { value: "", label: "Choose…" };
const entityOptions = [choose, ...optionsFrom(DATA_ENTITY_KIND_LABELS)];
const decisionOptions = optionsFrom(MIGRATE_DECISION_LABELS);
const mappingOptions = optionsFrom(MAPPING_STATUS_LABELS);
const quirkKindOptions = [choose, ...optionsFrom(QUIRK_KIND_LABELS)];
const severityOptions = optionsFrom(SEVERITY_LABELS);
const cleanupOptions = optionsFrom(CLEANUP_DECISION_LABELS);

/** What a conflict notice calls each field: the definition's labels. */
export const DATA_ENTITY_FIELD_LABELS = formLabelsOf(DATA_DEFINITION) as Record<keyof DataEntityFormState, string>;

export function DataEntityFields({
  state,
  errors,
  setField,
  readOnly,
}: {
  state: DataEntityFormState;
  errors: FieldErrors;
  setField: <K extends keyof DataEntityFormState>(key: K, value: DataEntityFormState[K]) => void;
  readOnly: boolean;
}) {
  const quirkList = useRef<HTMLDivElement>(null);
  const text = (key: "sourceObject" | "sourceSystem" | "recordCount" | "yearsCovered" | "destinationEntity" | "decider" | "notes") => ({
    name: key,
    value: state[key],
    error: errors[key],
    onChange: (e: { currentTarget: { value: string } }) => setField(key, e.currentTarget.value),
  });
  const select = (key: "entity" | "decision" | "mappingStatus") => ({
    name: key,
    value: state[key],
    error: errors[key],
    onChange: (e: { currentTarget: { value: string } }) => setField(key, e.currentTarget.value),
  });

  const setQuirk = (index: number, patch: Partial<QuirkFormState>) => setField("quirks", state.quirks.map((q, i) => (i === index ? { ...q, ...patch } : q)));
  const addQuirk = () => {
    setField("quirks", [...state.quirks, { ...emptyQuirkForm }]);
    requestAnimationFrame(() => {
      const groups = quirkList.current?.querySelectorAll<HTMLElement>("[data-quirk]");
      groups?.[groups.length - 1]?.querySelector<HTMLElement>("select")?.focus();
    });
  };
  const removeQuirk = (index: number) => setField("quirks", state.quirks.filter((_, i) => i !== index));

  return (
    <fieldset disabled={readOnly} className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Entity" {...select("entity")} options={entityOptions} required />
        <TextField label="Source object" {...text("sourceObject")} required placeholder="e.g. PATIENTS table, /scans share" hint="The table, file set or module it comes from" />
        <TextField label="Source system" {...text("sourceSystem")} placeholder="e.g. athenaClinicals, legacy billing (Medisoft)" hint="Which system it comes from, when the engagement migrates from several" />
        <TextField label="Records" {...text("recordCount")} inputMode="numeric" placeholder="e.g. 1,250,000" hint="Approximate is fine; leave empty if unknown" />
        <TextField label="Years covered" {...text("yearsCovered")} inputMode="decimal" placeholder="e.g. 12" />
        <SelectField label="Decision" {...select("decision")} options={decisionOptions} />
        <SelectField label="Mapping" {...select("mappingStatus")} options={mappingOptions} />
        <TextField label="Destination entity" {...text("destinationEntity")} placeholder="e.g. athenaOne Patient, FHIR Observation" />
        <TextField label="Decided by" {...text("decider")} placeholder="Who decides per case, e.g. HIM director" />
      </div>
      <CheckboxField label="Cleanup is in scope" name="cleanupInScope" checked={state.cleanupInScope} onChange={(e) => setField("cleanupInScope", e.currentTarget.checked)} hint="We clean the data (rather than the client before extraction)" />
      <TextAreaField label="Notes" {...text("notes")} rows={3} />

      <section aria-labelledby="quirks-heading" className="space-y-3">
        <div className="flex items-center justify-between gap-3">
          <div>
            <h3 id="quirks-heading" className="text-sm font-semibold text-ink-900">Known quirks</h3>
            <p className="text-xs text-ink-500">Unmerged patients, unconverted ICD-9 codes, free text where structured data belongs, scanned paper…</p>
          </div>
          {!readOnly && state.quirks.length < MAX_QUIRKS ? (
            <Button variant="secondary" size="sm" onClick={addQuirk}>
              <Plus className="size-4" aria-hidden /> Add quirk
            </Button>
          ) : null}
        </div>
        {errors.quirks ? <p className="text-sm text-red-700" role="alert">{errors.quirks[0]}</p> : null}
        <div ref={quirkList} className="space-y-3">
          {state.quirks.length === 0 ? <p className="rounded-md border border-dashed border-ink-200 px-3 py-4 text-center text-sm text-ink-500">No quirks recorded.</p> : null}
          {state.quirks.map((q, i) => {
            const err = (f: keyof QuirkFormState) => errors[`quirks.${i}.${f}`];
            return (
              <div key={i} data-quirk className="rounded-lg p-3 ring-1 ring-ink-200" role="group" aria-label={`Quirk ${i + 1}`}>
                <div className="grid gap-3 sm:grid-cols-2">
                  <SelectField label="Kind" name={`quirks.${i}.kind`} value={q.kind} error={err("kind")} options={quirkKindOptions} onChange={(e) => setQuirk(i, { kind: e.currentTarget.value })} required />
                  <SelectField label="Severity" name={`quirks.${i}.severity`} value={q.severity} error={err("severity")} options={severityOptions} onChange={(e) => setQuirk(i, { severity: e.currentTarget.value })} required />
                  <TextField label="Description" name={`quirks.${i}.description`} value={q.description} error={err("description")} onChange={(e) => setQuirk(i, { description: e.currentTarget.value })} className="sm:col-span-2" placeholder="What it looks like and where" />
                  <TextField label="Affected records" name={`quirks.${i}.affectedCount`} value={q.affectedCount} error={err("affectedCount")} inputMode="numeric" onChange={(e) => setQuirk(i, { affectedCount: e.currentTarget.value })} hint="A count, a share, or both" />
                  <TextField label="Affected share (%)" name={`quirks.${i}.affectedShare`} value={q.affectedShare} error={err("affectedShare")} inputMode="decimal" onChange={(e) => setQuirk(i, { affectedShare: e.currentTarget.value })} placeholder="e.g. 3.5" />
                  <SelectField label="Cleanup decision" name={`quirks.${i}.cleanupDecision`} value={q.cleanupDecision} error={err("cleanupDecision")} options={cleanupOptions} onChange={(e) => setQuirk(i, { cleanupDecision: e.currentTarget.value })} />
                  <TextField label="Decided by" name={`quirks.${i}.decider`} value={q.decider} error={err("decider")} onChange={(e) => setQuirk(i, { decider: e.currentTarget.value })} />
                </div>
                {!readOnly ? (
                  <div className="mt-2 flex justify-end">
                    <Button variant="ghost" size="sm" onClick={() => removeQuirk(i)} aria-label={`Remove quirk ${i + 1}`}>
                      <Trash2 className="size-4" aria-hidden /> Remove
                    </Button>
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </section>
    </fieldset>
  );
}
