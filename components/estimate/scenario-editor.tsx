"use client";
// Named variants for the scenarios page: a few assumption values changed, kept in the URL
// (?variants=…), so a comparison can be shared as a link. Nothing is stored.
import { useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { Plus, Trash2, X } from "lucide-react";
import { SCENARIO_FIELDS, checkScenarioValue, scenarioField, variantsParam, MAX_CHANGES, MAX_VARIANTS, type ScenarioField, type ScenarioValue, type ScenarioVariant } from "@/lib/estimates/scenarios";
import { constantDefinition, parseNumberInput } from "@/lib/assumptions/schema";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";

type Draft = { name: string; rows: { key: string; raw: string }[] };

function fromRaw(field: ScenarioField, raw: string): { ok: true; value: ScenarioValue } | { ok: false; message: string } {
  if (field.kind === "boolean") return raw === "true" || raw === "false" ? { ok: true, value: raw === "true" } : { ok: false, message: "Choose yes or no" };
  if (field.kind === "enum" || field.kind === "date") {
    const bad = checkScenarioValue(field, raw);
    return bad ? { ok: false, message: bad } : { ok: true, value: raw };
  }
  const p = parseNumberInput(raw);
  if (!p.ok || p.value === undefined) return { ok: false, message: p.ok ? "Required" : p.message };
  const value = field.kind === "money" ? Math.round(p.value * 100) : p.value;
  const bad = checkScenarioValue(field, value);
  return bad ? { ok: false, message: field.kind === "money" ? bad.replace(/\d+/, (n) => `$${Number(n) / 100}`) : bad } : { ok: true, value };
}

export function describeChange(key: string, v: ScenarioValue, currency = "USD"): string {
  const f = scenarioField(key);
  if (!f) return `${key} = ${String(v)}`;
  if (f.kind === "money" && typeof v === "number") return `${f.label}: ${new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 2 }).format(v / 100)}${f.unit ?? ""}`;
  if (f.kind === "boolean") return `${f.label}: ${v ? "yes" : "no"}`;
  if (f.kind === "enum") return `${f.label}: ${f.options?.find((o) => o.value === v)?.label ?? String(v)}`;
  return `${f.label}: ${String(v)}${f.unit ? ` ${f.unit}` : ""}`;
}

export function ScenarioEditor({ variants, canSeeRates, seed, basePath, currency }: { variants: ScenarioVariant[]; canSeeRates: boolean; seed: number; basePath: string; currency: string }) {
  const router = useRouter();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const fields = useMemo(() => SCENARIO_FIELDS.filter((f) => canSeeRates || !f.sensitive), [canSeeRates]);
  const groups = useMemo(() => [...new Set(fields.map((f) => f.group))], [fields]);

  function go(next: ScenarioVariant[]) {
    const params = new URLSearchParams();
    if (next.length) params.set("variants", variantsParam(next));
    params.set("seed", String(seed));
    router.push(`${basePath}?${params.toString()}`);
  }

  function run() {
    if (!draft) return;
    const errs: Record<string, string> = {};
    const name = draft.name.trim();
    if (!name) errs.name = "Name the variant";
    else if (variants.some((v) => v.name.toLowerCase() === name.toLowerCase())) errs.name = "Another variant has this name";
    const changes: Record<string, ScenarioValue> = {};
    draft.rows.forEach((r, i) => {
      const f = scenarioField(r.key);
      if (!f) return void (errs[`row.${i}`] = "Choose what to change");
      if (r.key in changes) return void (errs[`row.${i}`] = "Already changed above");
      const v = fromRaw(f, r.raw);
      if (!v.ok) errs[`row.${i}`] = v.message;
      else changes[r.key] = v.value;
    });
    if (draft.rows.length === 0) errs.rows = "Change at least one value";
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setDraft(null);
    go([...variants, { name, changes }]);
  }

  return (
    <div className="space-y-3">
      {variants.length ? (
        <ul className="space-y-2" aria-label="Variants">
          {variants.map((v, i) => (
            <li key={v.name} className="flex items-start justify-between gap-3 rounded-md bg-ink-50 px-3 py-2 text-sm ring-1 ring-ink-200">
              <div>
                <span className="font-semibold text-ink-900">{v.name}</span>
                <span className="text-ink-600"> — {Object.entries(v.changes).map(([k, x]) => describeChange(k, x, currency)).join("; ") || "no change"}</span>
              </div>
              <Button variant="ghost" size="sm" aria-label={`Remove the variant ${v.name}`} onClick={() => go(variants.filter((_, j) => j !== i))}><Trash2 className="size-4" aria-hidden /></Button>
            </li>
          ))}
        </ul>
      ) : null}
      {draft ? (
        <div className="rounded-lg p-4 ring-1 ring-brand-200" role="group" aria-label="New variant">
          <label className="block text-sm font-medium text-ink-800">
            Variant name
            <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} maxLength={60} aria-invalid={errors.name ? true : undefined} className={cn(controlClass, "mt-1 max-w-sm py-1.5", errors.name && "ring-red-400")} placeholder="e.g. Team of 16" />
          </label>
          {errors.name ? <p role="alert" className="mt-1 text-xs text-red-700">{errors.name}</p> : null}
          <div className="mt-3 space-y-2">
            {draft.rows.map((r, i) => {
              const f = scenarioField(r.key);
              const d = r.key.startsWith("constants.") ? constantDefinition(r.key.slice(10)) : undefined;
              return (
                <div key={i} className="flex flex-wrap items-start gap-2">
                  <select aria-label={`Change ${i + 1}: what`} value={r.key} onChange={(e) => { const rows = [...draft.rows]; rows[i] = { key: e.target.value, raw: "" }; setDraft({ ...draft, rows }); }} className={cn(controlClass, "w-80 py-1.5")}>
                    <option value="">Choose an assumption…</option>
                    {groups.map((g) => (
                      <optgroup key={g} label={g}>
                        {fields.filter((x) => x.group === g).map((x) => <option key={x.key} value={x.key}>{x.label}</option>)}
                      </optgroup>
                    ))}
                  </select>
                  {f ? (
                    f.kind === "boolean" || f.kind === "enum" ? (
                      <select aria-label={`Change ${i + 1}: new value`} value={r.raw} onChange={(e) => { const rows = [...draft.rows]; rows[i] = { ...r, raw: e.target.value }; setDraft({ ...draft, rows }); }} className={cn(controlClass, "w-56 py-1.5")}>
                        <option value="">Choose…</option>
                        {(f.kind === "boolean" ? [{ value: "true", label: "Yes" }, { value: "false", label: "No" }] : f.options ?? []).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                      </select>
                    ) : (
                      <div className="flex items-center gap-1">
                        {f.kind === "money" ? <span className="text-sm text-ink-500">$</span> : null}
                        <input aria-label={`Change ${i + 1}: new value`} type={f.kind === "date" ? "date" : "text"} inputMode={f.kind === "date" ? undefined : "decimal"} value={r.raw} onChange={(e) => { const rows = [...draft.rows]; rows[i] = { ...r, raw: e.target.value }; setDraft({ ...draft, rows }); }} className={cn(controlClass, "w-36 py-1.5 text-right")} placeholder={d ? String(d.value) : ""} />
                        <span className="text-xs text-ink-500">{f.unit}{d ? ` (default ${d.value})` : ""}</span>
                      </div>
                    )
                  ) : null}
                  <Button variant="ghost" size="sm" aria-label={`Remove change ${i + 1}`} onClick={() => setDraft({ ...draft, rows: draft.rows.filter((_, j) => j !== i) })}><X className="size-4" aria-hidden /></Button>
                  {errors[`row.${i}`] ? <p role="alert" className="w-full text-xs text-red-700">{errors[`row.${i}`]}</p> : null}
                </div>
              );
            })}
          </div>
          {errors.rows ? <p role="alert" className="mt-1 text-xs text-red-700">{errors.rows}</p> : null}
          <div className="mt-3 flex flex-wrap gap-2">
            <Button variant="secondary" size="sm" disabled={draft.rows.length >= MAX_CHANGES} onClick={() => setDraft({ ...draft, rows: [...draft.rows, { key: "", raw: "" }] })}><Plus className="size-4" aria-hidden /> Change another value</Button>
            <Button size="sm" onClick={run}>Run this variant</Button>
            <Button variant="ghost" size="sm" onClick={() => { setDraft(null); setErrors({}); }}>Cancel</Button>
          </div>
        </div>
      ) : (
        <Button variant="secondary" size="sm" disabled={variants.length >= MAX_VARIANTS} onClick={() => setDraft({ name: "", rows: [{ key: "", raw: "" }] })}>
          <Plus className="size-4" aria-hidden /> Add a variant{variants.length >= MAX_VARIANTS ? ` (at most ${MAX_VARIANTS})` : ""}
        </Button>
      )}
    </div>
  );
}
