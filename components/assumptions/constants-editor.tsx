"use client";
// Every model constant of the engine (lib/estimate/defaults.ts) with its value, unit, default and basis,
// grouped as in docs/estimation.md; three-point constants on one row, phase shares as a matrix.
// A field that differs from its default is highlighted and has its own reset button.
import { memo, useMemo } from "react";
import { isMoneyConstant, type ConstantDefinition } from "@/lib/estimate/defaults";
import { EDITABLE_CONSTANTS, PHASE_SHARE_ROWS, WORKSTREAM_NAMES, isConstantOverridden, parseNumberInput } from "@/lib/assumptions/schema";
import { constantAnchor } from "@/lib/assumptions/anchors";
import type { FieldErrors } from "@/lib/errors";
import { Badge } from "@/components/ui/badge";
import { NumberInput, ResetButton } from "@/components/assumptions/fields";
import { cn } from "@/components/ui/cn";
import { ScrollRegion } from "@/components/ui/scroll-region";

export const GROUP_TITLES: Record<string, string> = {
  type: "Migration-type factors",
  data: "Data migration",
  workflow: "Workflow reconstruction",
  integrations: "Integrations",
  reports: "Reports",
  audit: "Audit trail",
  build: "Build (Type B/C)",
  testing: "Testing",
  training: "Training and go-live support",
  project_management: "Project management",
  schedule: "Schedule",
  phase_shares: "Phase shares of each workstream",
  waves: "Derived waves",
  cutover: "Cutover capacity and blackout windows",
  scale: "Economies of scale",
  tco: "Type decision (total cost of ownership)",
  systemic: "Systemic factor",
  risk: "Risks and slips",
  license: "License",
  honesty: "Honesty thresholds and field ranges",
};

type Row = { kind: "single"; def: ConstantDefinition } | { kind: "triple"; label: string; defs: [ConstantDefinition, ConstantDefinition, ConstantDefinition] };
export type ConstantGroupLayout = { group: string; title: string; rows: Row[]; keys: string[] };

/**
 * Groups in definition order; `a.min/.likely/.max` become one row. `hideMoney`: leave out the money constants
 * (isMoneyConstant) for roles without rates.view, as rates and fees are left out.
 */
export function constantLayout(opts: { hideMoney?: boolean } = {}): ConstantGroupLayout[] {
  const shown = opts.hideMoney ? EDITABLE_CONSTANTS.filter((d) => !isMoneyConstant(d.key)) : EDITABLE_CONSTANTS;
  const byKey = new Map(shown.map((d) => [d.key, d]));
  const groups = new Map<string, ConstantGroupLayout>();
  const used = new Set<string>();
  for (const d of shown) {
    if (used.has(d.key)) continue;
    const g = groups.get(d.group) ?? { group: d.group, title: GROUP_TITLES[d.group] ?? d.group, rows: [], keys: [] };
    groups.set(d.group, g);
    if (d.key.endsWith(".min")) {
      const base = d.key.slice(0, -4);
      const likely = byKey.get(`${base}.likely`);
      const max = byKey.get(`${base}.max`);
      if (likely && max) {
        g.rows.push({ kind: "triple", label: d.label.replace(/ — minimum$/, ""), defs: [d, likely, max] });
        for (const k of [d.key, likely.key, max.key]) {
          used.add(k);
          g.keys.push(k);
        }
        continue;
      }
    }
    g.rows.push({ kind: "single", def: d });
    used.add(d.key);
    g.keys.push(d.key);
  }
  return [...groups.values()];
}

const fmt = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 4 });

type RowProps = {
  onChange: (id: string, value: string) => void;
  onReset: (key: string) => void;
  readOnly: boolean;
};

const SingleRow = memo(function SingleRow({ def, value, error, onChange, onReset, readOnly }: RowProps & { def: ConstantDefinition; value: string; error?: string[] }) {
  const modified = isConstantOverridden(def.key, value);
  return (
    <tr className="border-b border-ink-50 align-top" data-constant={def.key}>
      <th scope="row" className="py-2 pr-3 text-left font-normal">
        <label htmlFor={constantAnchor(def.key)} className="text-sm text-ink-800">{def.label}</label>
        <div className="font-mono text-[11px] text-ink-400">{def.key}</div>
      </th>
      <td className="py-2 pr-2">
        <div className="flex items-start gap-1">
          <NumberInput id={constantAnchor(def.key)} label={def.label} value={value} onChange={onChange} error={error} readOnly={readOnly} modified={modified} suffix={def.unit} placeholder={fmt(def.value)} />
          {modified && !readOnly ? <ResetButton label={`Reset “${def.label}” to its default (${fmt(def.value)})`} onClick={() => onReset(def.key)} /> : null}
        </div>
      </td>
      <td className="py-2 pr-3 text-sm tabular text-ink-600 whitespace-nowrap">{fmt(def.value)}</td>
      <td className="py-2 text-xs text-ink-500">{def.basis}</td>
    </tr>
  );
});

const TripleRow = memo(function TripleRow({ label, defs, v0, v1, v2, e0, e1, e2, onChange, onReset, readOnly }: RowProps & { label: string; defs: [ConstantDefinition, ConstantDefinition, ConstantDefinition]; v0: string; v1: string; v2: string; e0?: string[]; e1?: string[]; e2?: string[] }) {
  const names = ["minimum", "most likely", "maximum"];
  const values = [v0, v1, v2];
  const errors = [e0, e1, e2];
  return (
    <tr className="border-b border-ink-50 align-top" data-constant={defs[1].key.replace(/\.likely$/, "")}>
      <th scope="row" className="py-2 pr-3 text-left font-normal">
        <span className="text-sm text-ink-800">{label}</span>
        <div className="font-mono text-[11px] text-ink-400">{defs[1].key.replace(/\.likely$/, "")}.min / .likely / .max</div>
      </th>
      <td className="py-2 pr-2">
        <div className="flex flex-nowrap items-start gap-2">
          {defs.map((d, i) => {
            const modified = isConstantOverridden(d.key, values[i] as string);
            return (
              <div key={d.key} className="flex items-start gap-0.5">
                <div>
                  <div className="mb-0.5 text-[11px] text-ink-500">{names[i]}</div>
                  <NumberInput id={constantAnchor(d.key)} label={`${label} — ${names[i]}`} value={values[i] as string} onChange={onChange} error={errors[i]} readOnly={readOnly} modified={modified} width="w-20" placeholder={fmt(d.value)} />
                </div>
                {modified && !readOnly ? <div className="pt-4"><ResetButton label={`Reset “${label} — ${names[i]}” to its default (${fmt(d.value)})`} onClick={() => onReset(d.key)} /></div> : null}
              </div>
            );
          })}
          <span className="pt-6 text-xs whitespace-nowrap text-ink-500">{defs[0].unit}</span>
        </div>
      </td>
      <td className="py-2 pr-3 pt-7 text-sm tabular whitespace-nowrap text-ink-600">{defs.map((d) => fmt(d.value)).join(" / ")}</td>
      <td className="py-2 text-xs text-ink-500">{defs[0].basis}</td>
    </tr>
  );
});

function PhaseShares({ values, errors, onChange, onReset, readOnly }: { values: Record<string, string>; errors: FieldErrors; onChange: (id: string, value: string) => void; onReset: (key: string) => void; readOnly: boolean }) {
  const defs = new Map(EDITABLE_CONSTANTS.map((d) => [d.key, d]));
  return (
    <ScrollRegion label="Phase shares of each workstream">
      <p className="mb-2 text-xs text-ink-500">How each workstream&apos;s hours spread over the phases (each row is normalised to 100%). They feed the Phase 1 capacity track, cost by phase and cost by month. Project management follows the calendar.</p>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Phase shares of each workstream</caption>
        <thead className="text-xs text-ink-500">
          <tr className="border-b border-ink-100">
            <th scope="col" className="py-2 pr-3 font-medium">Workstream</th>
            {["P0", "P1", "P2", "P3", "P4"].map((p) => <th key={p} scope="col" className="px-1 py-2 font-medium">{p}</th>)}
            <th scope="col" className="px-2 py-2 text-right font-medium">Sum</th>
          </tr>
        </thead>
        <tbody>
          {PHASE_SHARE_ROWS.map((row) => {
            const sum = row.keys.reduce((s, k) => {
              const p = parseNumberInput(values[k]);
              return s + (p.ok && p.value !== undefined ? p.value : (defs.get(k)?.value ?? 0));
            }, 0);
            return (
              <tr key={row.workstream} className="border-b border-ink-50 align-top" title={defs.get(row.keys[0] as string)?.basis}>
                <th scope="row" className="py-2 pr-3 font-normal text-ink-800">{WORKSTREAM_NAMES[row.workstream]}</th>
                {row.keys.map((k) => {
                  const d = defs.get(k) as ConstantDefinition;
                  const modified = isConstantOverridden(k, values[k] ?? "");
                  return (
                    <td key={k} className="px-1 py-2">
                      <div className="flex items-start">
                        <NumberInput id={constantAnchor(k)} label={d.label} value={values[k] ?? ""} onChange={onChange} error={errors[`constants.${k}`]} readOnly={readOnly} modified={modified} width="w-16" placeholder={fmt(d.value)} />
                        {modified && !readOnly ? <ResetButton label={`Reset “${d.label}” to its default (${fmt(d.value)})`} onClick={() => onReset(k)} /> : null}
                      </div>
                    </td>
                  );
                })}
                <td className={cn("px-2 py-2 text-right text-xs tabular", Math.abs(sum - 1) > 0.001 ? "text-amber-800" : "text-ink-500")}>{Math.round(sum * 1000) / 10}%{Math.abs(sum - 1) > 0.001 ? " → 100%" : ""}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function ConstantsEditor({
  values,
  errors,
  onChange,
  onReset,
  onResetGroup,
  readOnly,
  filter,
  changedOnly,
  openGroups,
  onToggleGroup,
  hideMoney = false,
}: {
  values: Record<string, string>;
  errors: FieldErrors;
  onChange: (id: string, value: string) => void;
  onReset: (key: string) => void;
  onResetGroup: (keys: string[]) => void;
  readOnly: boolean;
  filter: string;
  changedOnly: boolean;
  openGroups: Set<string>;
  onToggleGroup: (group: string, open: boolean) => void;
  /** roles without rates.view: money constants are not shown (their values are not sent either) */
  hideMoney?: boolean;
}) {
  const layout = useMemo(() => constantLayout({ hideMoney }), [hideMoney]);
  const q = filter.trim().toLowerCase();
  const matches = (d: ConstantDefinition) => !q || d.key.toLowerCase().includes(q) || d.label.toLowerCase().includes(q) || d.basis.toLowerCase().includes(q);
  const isChanged = (k: string) => isConstantOverridden(k, values[k] ?? "");
  return (
    <div className="space-y-2">
      {layout.map((g) => {
        const changed = g.keys.filter(isChanged);
        const hasErrors = g.keys.some((k) => errors[`constants.${k}`]);
        const rows = g.rows.filter((r) => {
          const defs = r.kind === "single" ? [r.def] : r.defs;
          if (changedOnly && !defs.some((d) => isChanged(d.key))) return false;
          return defs.some(matches) || (r.kind === "triple" && r.label.toLowerCase().includes(q));
        });
        if ((q || changedOnly) && rows.length === 0) return null;
        const open = openGroups.has(g.group) || hasErrors || Boolean(q) || changedOnly;
        return (
          <details key={g.group} open={open} onToggle={(e) => onToggleGroup(g.group, (e.currentTarget as HTMLDetailsElement).open)} className="rounded-lg ring-1 ring-ink-200" data-group={g.group}>
            <summary className="flex cursor-pointer items-center justify-between gap-3 rounded-lg px-4 py-2.5 hover:bg-ink-50">
              <span className="text-sm font-semibold text-ink-900">
                {g.title} <span className="font-normal text-ink-500">({g.keys.length})</span>
              </span>
              <span className="flex items-center gap-2">
                {hasErrors ? <Badge tone="red">needs attention</Badge> : null}
                {changed.length ? <Badge tone="amber">{changed.length} changed</Badge> : null}
              </span>
            </summary>
            <div className="border-t border-ink-100 px-4 py-3">
              {changed.length && !readOnly ? (
                <div className="mb-2 flex justify-end">
                  <button type="button" className="text-xs font-medium text-brand-700 hover:text-brand-900" onClick={() => onResetGroup(changed)}>Reset this group to defaults</button>
                </div>
              ) : null}
              {g.group === "phase_shares" ? (
                <PhaseShares values={values} errors={errors} onChange={onChange} onReset={onReset} readOnly={readOnly} />
              ) : (
                <ScrollRegion label={`${g.title}: model constants`}>
                  <table className="w-full text-left">
                    <caption className="sr-only">{g.title}: model constants</caption>
                    <thead className="text-xs text-ink-500">
                      <tr className="border-b border-ink-100">
                        <th scope="col" className="w-[30%] py-1.5 pr-3 font-medium">Constant</th>
                        <th scope="col" className="py-1.5 pr-2 font-medium">Value</th>
                        <th scope="col" className="py-1.5 pr-3 font-medium">Default</th>
                        <th scope="col" className="py-1.5 font-medium">Basis</th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((r) =>
                        r.kind === "single" ? (
                          <SingleRow key={r.def.key} def={r.def} value={values[r.def.key] ?? ""} error={errors[`constants.${r.def.key}`]} onChange={onChange} onReset={onReset} readOnly={readOnly} />
                        ) : (
                          <TripleRow
                            key={r.defs[1].key}
                            label={r.label}
                            defs={r.defs}
                            v0={values[r.defs[0].key] ?? ""}
                            v1={values[r.defs[1].key] ?? ""}
                            v2={values[r.defs[2].key] ?? ""}
                            e0={errors[`constants.${r.defs[0].key}`]}
                            e1={errors[`constants.${r.defs[1].key}`]}
                            e2={errors[`constants.${r.defs[2].key}`]}
                            onChange={onChange}
                            onReset={onReset}
                            readOnly={readOnly}
                          />
                        ),
                      )}
                    </tbody>
                  </table>
                </ScrollRegion>
              )}
            </div>
          </details>
        );
      })}
    </div>
  );
}
