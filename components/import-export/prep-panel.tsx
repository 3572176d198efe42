"use client";
// The import wizard's steps between column matching and the row-by-row dry run: rows skipped as totals or
// headings, values read as "not known", columns inferred for a file that lacks them (confirm, or set one
// value for every row), known issues turned into typed quirks, and the value mapping — each distinct value
// of a vocabulary column with its count and a suggested target the consultant can change. "Run the dry run
// again" sends every choice; nothing is written until the import is applied.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { controlClass } from "@/components/ui/field";
import { formatNumber } from "@/components/ui/format";
import { allowedValuesText, type inventorySpec } from "@/lib/import-export/columns";
import type { PrepareOptions } from "@/lib/import-export/prepare";
import type { ImportBatchView } from "@/lib/import-export/schema";
import type { ValueTarget } from "@/lib/import-export/value-mapping";

type Spec = ReturnType<typeof inventorySpec>;

const HOW: Record<string, string> = {
  exact: "matches",
  synonym: "suggested (synonym)",
  scale: "suggested (scale)",
  fuzzy: "suggested (spelling)",
  fallback: "suggested (nothing closer)",
  not_known: "not known",
  none: "no suggestion",
};

/** The value mapping's four columns from sm up (a phone stacks them: value and count, then the choice, then how). */
const VALUE_GRID = "sm:grid-cols-[minmax(0,1fr)_4rem_minmax(12rem,1.3fr)_minmax(0,1fr)]";

const encode = (v: ValueTarget | undefined) => (v === undefined ? "" : JSON.stringify(v));
const decode = (s: string): ValueTarget | undefined => (s === "" ? undefined : (JSON.parse(s) as ValueTarget));

export function PrepPanel({ spec, view, options, pending, onRun }: { spec: Spec; view: ImportBatchView; options: PrepareOptions; pending: boolean; onRun: (next: PrepareOptions) => void }) {
  const prep = view.prep!;
  const accept = !!options.acceptSuggestions;
  // every value's current target: the consultant's choice, else what the last dry run resolved it to
  const [values, setValues] = useState<Record<string, Record<string, ValueTarget | undefined>>>(() =>
    Object.fromEntries(prep.values.map((c) => [c.column, Object.fromEntries(c.values.map((v) => {
      const own = options.valueMappings?.[c.column];
      const chosen = own && Object.prototype.hasOwnProperty.call(own, v.value) ? own[v.value] : v.how === "exact" || v.how === "not_known" || accept ? v.suggested : undefined;
      return [v.value, chosen];
    }))])),
  );
  const [inferred, setInferred] = useState<Record<string, boolean>>(() => Object.fromEntries(prep.inferred.map((i) => [i.column, i.accepted])));
  const [fill, setFill] = useState<Record<string, string>>(options.fill ?? {});
  const [quirks, setQuirks] = useState(prep.quirks.accepted);

  function run() {
    const valueMappings: NonNullable<PrepareOptions["valueMappings"]> = {};
    for (const [column, byValue] of Object.entries(values)) {
      for (const [value, target] of Object.entries(byValue)) if (target !== undefined) (valueMappings[column] ??= {})[value] = target;
    }
    onRun({ valueMappings, acceptInferred: inferred, acceptQuirks: quirks, fill: Object.fromEntries(Object.entries(fill).filter(([, v]) => v.trim() !== "")) });
  }

  const columnHeader = (id: string) => spec.columns.find((c) => c.id === id)?.header ?? id;
  const unmappedTotal = Object.values(prep.unmapped).reduce((a, b) => a + b, 0);
  const notKnown = Object.entries(prep.notKnown);
  const approx = Object.entries(prep.approximate);

  return (
    <Card>
      <CardHeader title="Values, suggestions and skipped rows" description="Check what Sounding read from the file, change any suggestion, then run the dry run again. Nothing is written yet." />
      <CardBody className="space-y-5 text-sm text-ink-700">
        {view.filledDown ? (
          <p>
            <strong>Merged cells filled down:</strong> {formatNumber(view.filledDown.cells)} {view.filledDown.cells === 1 ? "cell" : "cells"} took the value of the merged cell above them
            {" "}({view.filledDown.columns.map((c) => `${c.header}: ${c.ranges.join(", ")}${c.ranges.length === 5 ? "…" : ""}`).join("; ")}).
          </p>
        ) : null}
        {prep.skipped.length ? (
          <details>
            <summary className="cursor-pointer font-medium text-ink-900">{formatNumber(prep.skipped.length)} rows skipped as totals, subtotals or headings</summary>
            <ul className="mt-2 list-disc space-y-0.5 pl-5">{prep.skipped.slice(0, 50).map((s) => <li key={s.row}>Row {s.row}: {s.note}</li>)}</ul>
          </details>
        ) : null}

        {notKnown.length || approx.length ? (
          <p>
            {notKnown.length ? <>Read as <strong>not known</strong> (n/a, TBD, unknown…; left blank, lower confidence): {notKnown.map(([h, n]) => `${h} ${formatNumber(n)}`).join(", ")}. </> : null}
            {approx.length ? <>Read as <strong>approximate</strong> (~5k, 10+ years…): {approx.map(([h, n]) => `${h} ${formatNumber(n)}`).join(", ")}.</> : null}
          </p>
        ) : null}

        {prep.inferred.map((inf) => {
          const col = spec.columns.find((c) => c.id === inf.column);
          return (
            <fieldset key={inf.column} className="space-y-2 rounded-md border border-ink-200 p-3">
              <legend className="px-1 font-medium text-ink-900">The file has no “{columnHeader(inf.column)}” column</legend>
              {inf.suggested.length ? (
                <label className="flex items-start gap-2">
                  <input type="checkbox" className="mt-1" checked={!!inferred[inf.column]} onChange={(e) => setInferred((s) => ({ ...s, [inf.column]: e.target.checked }))} />
                  <span>
                    Use the suggested value where the row tells {inf.from.length ? `(from ${inf.from.join(", ")})` : ""}: {inf.suggested.map((s) => `${s.label} ${formatNumber(s.count)}`).join(" · ")}
                    {inf.untold ? ` · ${formatNumber(inf.untold)} rows tell nothing` : ""}
                  </span>
                </label>
              ) : null}
              {col?.values ? (
                <label className="flex flex-wrap items-center gap-2">
                  <span>{inf.suggested.length ? "For the other rows:" : "One value for every row:"}</span>
                  <select className={controlClass} value={fill[inf.column] ?? ""} onChange={(e) => setFill((f) => ({ ...f, [inf.column]: e.target.value }))}>
                    <option value="">— choose —</option>
                    {col.values.map((v) => <option key={v} value={v}>{allowedValuesText({ ...col, values: [v] })}</option>)}
                  </select>
                </label>
              ) : null}
            </fieldset>
          );
        })}

        {prep.quirks.rows ? (
          <label className="flex items-start gap-2">
            <input type="checkbox" className="mt-1" checked={quirks} onChange={(e) => setQuirks(e.target.checked)} />
            <span>
              Turn the known issues of {formatNumber(prep.quirks.rows)} rows into typed quirks ({Object.entries(prep.quirks.byKind).map(([k, n]) => `${k.replace(/_/g, " ")} ${n}`).join(", ")}); each keeps its original text. Unticked, each row keeps its text as one “other” quirk.
            </span>
          </label>
        ) : null}

        {prep.values.length ? (
          <div className="space-y-2">
            <p className="font-medium text-ink-900">
              Value mapping{unmappedTotal ? <span className="font-normal text-red-700"> · {formatNumber(unmappedTotal)} cells not mapped hold back their rows</span> : null}
            </p>
            {prep.values.map((c) => (
              <details key={c.column} open={c.values.some((v) => (values[c.column]?.[v.value] ?? undefined) === undefined)}>
                <summary className="cursor-pointer">
                  <span className="font-medium text-ink-900">{c.header}</span> → {columnHeader(c.column)} · {formatNumber(c.values.length)} distinct values{c.truncated ? ` (first ${c.values.length} shown)` : ""}
                </summary>
                {/* one row per value: on a phone the choice takes the full width under its value; from sm up, four columns */}
                <div role="group" aria-label={`Values of ${c.header}`} className="mt-2">
                  <div aria-hidden="true" className={`hidden gap-x-3 text-xs font-medium uppercase text-ink-500 sm:grid ${VALUE_GRID}`}>
                    <span className="py-1">In the file</span><span className="py-1 text-right">Rows</span><span className="py-1">Becomes</span><span className="py-1">How</span>
                  </div>
                  <ul>
                    {c.values.map((v) => {
                      const current = values[c.column]?.[v.value];
                      return (
                        <li key={v.value} className={`grid grid-cols-[minmax(0,1fr)_auto] items-baseline gap-x-3 gap-y-1 border-t border-ink-100 py-2 sm:items-center sm:py-1 ${VALUE_GRID}`}>
                          <span className="break-words font-medium text-ink-900 sm:font-normal">{v.value}</span>
                          <span className="tabular text-right text-ink-500 sm:text-ink-700">{formatNumber(v.count)}<span className="sm:sr-only"> {v.count === 1 ? "row" : "rows"}</span></span>
                          <select
                            aria-label={`${c.header}: “${v.value}” becomes`}
                            className={`${controlClass} col-span-2 sm:col-span-1`}
                            value={encode(current)}
                            onChange={(e) => setValues((s) => ({ ...s, [c.column]: { ...s[c.column], [v.value]: decode(e.target.value) } }))}
                          >
                            <option value="">— not mapped (row held back) —</option>
                            {c.options.map((o) => <option key={encode(o.value)} value={encode(o.value)}>{o.label}</option>)}
                          </select>
                          <span className="col-span-2 text-xs text-ink-500 sm:col-span-1 sm:text-sm">{HOW[v.how] ?? v.how}{v.how !== "exact" && v.suggestedLabel ? `: ${v.suggestedLabel}` : ""}</span>
                        </li>
                      );
                    })}
                  </ul>
                </div>
              </details>
            ))}
          </div>
        ) : null}

        <div className="flex flex-wrap gap-2">
          <Button onClick={run} pending={pending}>Run the dry run again with these choices</Button>
        </div>
      </CardBody>
    </Card>
  );
}
