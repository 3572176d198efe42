"use client";
// A data entity's known quirks, edited inline under the definition's fields (add / remove rows). Controlled:
// the row editor (components/inventory/use-row-editor) owns the state, validation and saving.
import { useRef } from "react";
import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import type { FieldsProps } from "@/components/inventories/extension";
import { emptyQuirkForm, MAX_QUIRKS, type DataEntityFormState, type QuirkFormState } from "@/lib/data-inventory/schema";
import { CLEANUP_DECISION_LABELS, QUIRK_KIND_LABELS, SEVERITY_LABELS, optionsFrom } from "@/lib/inventories/labels";

const quirkKindOptions = [{ value: "", label: "Choose…" }, ...optionsFrom(QUIRK_KIND_LABELS)];
const severityOptions = optionsFrom(SEVERITY_LABELS);
const cleanupOptions = optionsFrom(CLEANUP_DECISION_LABELS);

export function QuirksEditor({ state, errors, setField, readOnly }: FieldsProps<DataEntityFormState>) {
  const quirkList = useRef<HTMLDivElement>(null);
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
  );
}
