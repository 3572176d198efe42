"use client";
// The license's source systems: one row per source with its own fee, fee basis, contract end, notice
// period, ramp-down and contract tail; rows added and removed with buttons (keyboard: Tab to a control,
// Enter/Space on the buttons; focus moves to the new row's name). An empty fee is "not entered", never $0.
import { useEffect, useRef } from "react";
import { Plus, Trash2 } from "lucide-react";
import type { MigrationType } from "@/lib/engagement-format/schema";
import { EMPTY_SOURCE_FORM, FEE_BASIS_LABELS, type LicenseSourceFormValues } from "@/lib/assumptions/schema";
import { MAX_LICENSE_SOURCES } from "@/lib/engagement-format/schema";
import type { FieldErrors } from "@/lib/errors";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/assumptions/fields";
import { cn } from "@/components/ui/cn";

export function LicenseSourcesEditor({
  sources,
  onChange,
  errors,
  readOnly,
  canSeeFees,
  migrationType,
  engagementSource,
}: {
  sources: LicenseSourceFormValues[];
  onChange: (sources: LicenseSourceFormValues[]) => void;
  errors: FieldErrors;
  readOnly: boolean;
  canSeeFees: boolean;
  migrationType: MigrationType;
  /** the engagement's source system: the default name of the first row */
  engagementSource: string;
}) {
  const focusRow = useRef<number | null>(null);
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusRow.current === null) return;
    container.current?.querySelector<HTMLInputElement>(`#field-license\\.sources\\.${focusRow.current}\\.name`)?.focus();
    focusRow.current = null;
  });
  const set = (i: number, patch: Partial<LicenseSourceFormValues>) => onChange(sources.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const add = () => {
    focusRow.current = sources.length;
    onChange([...sources, { ...EMPTY_SOURCE_FORM, name: sources.length === 0 ? engagementSource : "" }]);
  };
  const remove = (i: number) => {
    onChange(sources.filter((_, j) => j !== i));
    requestAnimationFrame(() => container.current?.querySelector<HTMLButtonElement>("[data-add-source]")?.focus());
  };
  const word = migrationType === "C" ? "legacy platform" : "source system";
  return (
    <div ref={container} id="field-license.sources" className="scroll-mt-24 space-y-3">
      {sources.length === 0 ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          No {word} license is entered, so the source side of the overlap is <strong>not entered</strong> (the estimate says so and flags it, rather than counting $0). Add each {word} the client pays for.
        </p>
      ) : (
        <ol className="space-y-3">
          {sources.map((s, i) => {
            const id = (f: string) => `field-license.sources.${i}.${f}`;
            const e = (f: string) => errors[`license.sources.${i}.${f}`];
            const err = (f: string) => (e(f)?.length ? <p id={`${id(f)}-error`} role="alert" className="mt-1 text-xs text-red-700">{e(f)![0]}</p> : null);
            const input = (f: "name" | "fee" | "contractEnd" | "noticeMonths" | "contractTailMonths", label: string, cls: string, extra: { prefix?: string; suffix?: string; placeholder?: string; mode?: "decimal" } = {}) => {
              const value = s[f];
              if (readOnly) return <span id={id(f)} className="text-sm text-ink-800">{extra.prefix}{value === "" || value === null ? (f === "fee" ? "Not entered" : "—") : value}{extra.suffix && value ? ` ${extra.suffix}` : ""}</span>;
              return (
                <div>
                  <div className="flex items-center gap-1">
                    {extra.prefix ? <span className="text-sm text-ink-500" aria-hidden>{extra.prefix}</span> : null}
                    <input
                      id={id(f)}
                      aria-label={sources.length === 1 ? `Source ${label}` : `Source ${i + 1} ${label}`}
                      value={value ?? ""}
                      placeholder={extra.placeholder}
                      inputMode={extra.mode}
                      autoComplete="off"
                      onChange={(ev) => set(i, { [f]: ev.target.value })}
                      aria-invalid={e(f)?.length ? true : undefined}
                      aria-describedby={e(f)?.length ? `${id(f)}-error` : undefined}
                      className={cn(inputClass, "px-2 py-1.5", cls, e(f)?.length && "ring-red-400")}
                    />
                    {extra.suffix ? <span className="text-xs whitespace-nowrap text-ink-500" aria-hidden>{extra.suffix}</span> : null}
                  </div>
                  {err(f)}
                </div>
              );
            };
            const label = (f: string, text: string) => <label htmlFor={id(f)} className="block text-xs font-medium text-ink-600">{text}</label>;
            return (
              <li key={i} className="rounded-md p-3 ring-1 ring-ink-200" data-field={`license.sources.${i}`}>
                <fieldset>
                  <legend className="sr-only">Source system {i + 1}</legend>
                  <div className="flex flex-wrap items-start gap-x-4 gap-y-3">
                    <div className="min-w-0 space-y-1">{label("name", "Name (as in the data inventory)")}{input("name", "name", "w-56 max-w-full", { placeholder: engagementSource || "e.g. Practice Fusion" })}</div>
                    {canSeeFees && s.fee !== null ? (
                      <div className="space-y-1">{label("fee", "Fee")}{input("fee", "license fee (dollars)", "w-28 text-right tabular", { prefix: "$", placeholder: "not entered", mode: "decimal" })}</div>
                    ) : (
                      <p className="self-end pb-2 text-sm text-ink-600">Fee hidden for your role.</p>
                    )}
                    <div className="space-y-1">
                      {label("feeBasis", "Basis")}
                      {readOnly ? (
                        <span id={id("feeBasis")} className="text-sm text-ink-800">{FEE_BASIS_LABELS[s.feeBasis]}</span>
                      ) : (
                        <select id={id("feeBasis")} value={s.feeBasis} onChange={(ev) => set(i, { feeBasis: ev.target.value as LicenseSourceFormValues["feeBasis"] })} className={cn(inputClass, "w-48 py-1.5")}>
                          {Object.entries(FEE_BASIS_LABELS).map(([k, l]) => <option key={k} value={k}>{l}</option>)}
                        </select>
                      )}
                    </div>
                    <div className="space-y-1">{label("contractEnd", "Contract ends")}{input("contractEnd", "contract end date (YYYY-MM-DD)", "w-32", { placeholder: "YYYY-MM-DD" })}</div>
                    <div className="space-y-1">{label("noticeMonths", "Notice period")}{input("noticeMonths", "notice period in months", "w-16 text-right tabular", { suffix: "months", mode: "decimal" })}</div>
                    <div className="space-y-1">{label("contractTailMonths", "Contract tail")}{input("contractTailMonths", "contract tail in months after decommission", "w-16 text-right tabular", { suffix: "months", mode: "decimal" })}</div>
                    <div className="flex items-start gap-2 self-end pb-1.5">
                      {readOnly ? (
                        <p className="text-sm text-ink-800">Ramps down per wave: <strong>{s.rampsDownPerWave && s.feeBasis !== "flat_month" ? "yes" : "no"}</strong></p>
                      ) : (
                        <>
                          <input id={id("rampsDownPerWave")} type="checkbox" checked={s.rampsDownPerWave} disabled={s.feeBasis === "flat_month"} onChange={(ev) => set(i, { rampsDownPerWave: ev.target.checked })} className="mt-0.5 size-4 rounded border-ink-300 text-brand-600" />
                          <label htmlFor={id("rampsDownPerWave")} className="text-sm text-ink-800">Ramps down per wave{s.feeBasis === "flat_month" ? " (not a flat fee)" : ""}</label>
                        </>
                      )}
                    </div>
                    {readOnly ? null : (
                      <Button variant="ghost" size="sm" className="ml-auto self-end" aria-label={`Remove source system ${i + 1}${s.name ? ` (${s.name})` : ""}`} onClick={() => remove(i)}>
                        <Trash2 className="size-4" aria-hidden /> Remove
                      </Button>
                    )}
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
      )}
      {readOnly ? null : (
        <Button variant="secondary" size="sm" data-add-source disabled={sources.length >= MAX_LICENSE_SOURCES} onClick={add}>
          <Plus className="size-4" aria-hidden /> Add a {word}
        </Button>
      )}
      {errors["license.sources"]?.length ? <p role="alert" className="text-sm text-red-700">{errors["license.sources"][0]}</p> : null}
    </div>
  );
}
