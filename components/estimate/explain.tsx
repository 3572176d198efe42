"use client";
// "Explain" on a line of the estimate: a disclosure with the number, the formula in words, the inputs
// it used and the assumptions behind it — each assumption linked to its field on the assumptions page.
// Escape or a click elsewhere closes it.
import Link from "@/components/ui/link";
import { useCallback, useEffect, useRef, useState, type CSSProperties } from "react";
import { Info } from "lucide-react";
import type { Explanation } from "@/lib/estimate";
import { anchorForConstant, anchorForInput } from "@/lib/assumptions/anchors";
import { constantDefinition } from "@/lib/assumptions/schema";
import { cn } from "@/components/ui/cn";
import { constantLabel, explainInputLabel, formatExplainInput, formatMoney, quantity } from "@/lib/estimates/explain-labels";

const num = (v: number) => new Intl.NumberFormat("en-US", { maximumFractionDigits: 3 }).format(v);

export function formatExplainValue(value: number, unit: Explanation["unit"], currency: string): string {
  switch (unit) {
    case "cents":
      return formatMoney(value, currency);
    case "weeks":
      return quantity(value, "week");
    case "months":
      return quantity(value, "month");
    case "hours":
      return quantity(Math.round(value), "hour", 0);
    case "share":
      return num(value);
    case "score":
      return `${Math.round(value)}/100`;
  }
}

function constantValue(key: string, value: number, currency: string): string {
  if (key.startsWith("rate.")) return `${formatMoney(value, currency)}/h`;
  const d = constantDefinition(key);
  return d ? `${num(value)} ${d.unit}` : num(value);
}

/** A number as its card shows it ("P50 · expect", "11.3 months"): Explain opens on these, then the base plan. */
export type ExplainFocus = { label: string; value: string };

export function Explain({
  explanation,
  engagementId,
  currency = "USD",
  align = "right",
  label = "Explain",
  focus,
}: {
  explanation: Explanation | undefined;
  engagementId: string;
  currency?: string;
  align?: "left" | "right";
  label?: string;
  /** the numbers of the card this Explain sits on, in the card's units; without it, the base-plan value leads */
  focus?: ExplainFocus[];
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  const [style, setStyle] = useState<CSSProperties | undefined>(undefined);
  // The panel is positioned against the viewport (position: fixed), so tables that scroll sideways and
  // cards never clip it; it opens below the button, or above when there is more room there.
  const place = useCallback(() => {
    const el = ref.current;
    const summary = el?.querySelector("summary");
    if (!el?.open || !summary) return;
    const r = summary.getBoundingClientRect();
    const width = Math.min(480, window.innerWidth - 24);
    const left = Math.max(12, Math.min(align === "right" ? r.right - width : r.left, window.innerWidth - width - 12));
    const below = window.innerHeight - r.bottom - 12;
    const above = r.top - 12;
    const openBelow = below >= 320 || below >= above;
    setStyle(openBelow ? { position: "fixed", left, top: r.bottom + 4, width, maxHeight: below - 4 } : { position: "fixed", left, bottom: window.innerHeight - r.top + 4, width, maxHeight: above - 4 });
  }, [align]);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && el.open) {
        el.open = false;
        el.querySelector("summary")?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      if (el.open && !el.contains(e.target as Node)) el.open = false;
    };
    const onToggle = () => place();
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onClick);
    el.addEventListener("toggle", onToggle);
    window.addEventListener("scroll", place, { capture: true, passive: true });
    window.addEventListener("resize", place);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onClick);
      el.removeEventListener("toggle", onToggle);
      window.removeEventListener("scroll", place, { capture: true });
      window.removeEventListener("resize", place);
    };
  }, [place]);
  if (!explanation) return null;
  const e = explanation;
  const assumptionsHref = (anchor: string) => `/engagements/${engagementId}/assumptions#${anchor}`;
  const inputs = Object.entries(e.inputs);
  return (
    <details ref={ref} className="group relative inline-block text-left align-middle" data-explain={e.label}>
      <summary className="inline-flex cursor-pointer list-none items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium text-brand-700 hover:bg-brand-50 hover:text-brand-800 [&::-webkit-details-marker]:hidden" aria-label={`${label}: ${e.label}`}>
        <Info className="size-3.5" aria-hidden />
        {label}
      </summary>
      <div
        role="region"
        aria-label={`How “${e.label}” is computed`}
        style={style}
        className={cn("z-40 hidden overflow-y-auto rounded-lg bg-white p-4 text-sm shadow-lg ring-1 ring-ink-200 group-open:block", style ? "" : cn("absolute mt-1 w-[min(30rem,80vw)]", align === "right" ? "right-0" : "left-0"))}
      >
        {focus?.length ? (
          <>
            <h4 className="font-semibold text-ink-900">{e.label}</h4>
            <dl className="mt-1 grid grid-cols-[1fr_auto] gap-x-4 gap-y-0.5" data-testid="explain-focus">
              {focus.map((f) => (
                <div key={f.label} className="contents">
                  <dt className="text-ink-700">{f.label}</dt>
                  <dd className="tabular text-right font-semibold text-ink-900">{f.value}</dd>
                </div>
              ))}
              <div className="contents">
                <dt className="text-ink-600">Base plan (most likely inputs, no risk events)</dt>
                <dd className="tabular text-right text-ink-700">{formatExplainValue(e.value, e.unit, currency)}</dd>
              </div>
            </dl>
          </>
        ) : (
          <>
            <div className="flex items-baseline justify-between gap-3">
              <h4 className="font-semibold text-ink-900">{e.label}</h4>
              <span className="tabular font-semibold text-ink-900">{formatExplainValue(e.value, e.unit, currency)}</span>
            </div>
            {e.unit === "weeks" || e.unit === "hours" || e.unit === "cents" ? <p className="mt-0.5 text-xs text-ink-500">Base plan value (most likely inputs, no risk events).</p> : null}
          </>
        )}
        <h5 className="mt-3 text-xs font-semibold uppercase tracking-wide text-ink-500">Formula</h5>
        <p className="mt-1 text-ink-800">{e.formula}</p>
        {inputs.length ? (
          <>
            <h5 className="mt-3 text-xs font-semibold uppercase tracking-wide text-ink-500">Inputs</h5>
            <dl className="mt-1 grid grid-cols-[1fr_auto] gap-x-4 gap-y-0.5 text-xs">
              {inputs.map(([k, v]) => {
                const anchor = anchorForInput(k);
                return (
                  <div key={k} className="contents">
                    <dt className="text-ink-600">{anchor ? <Link className="text-brand-700 underline decoration-brand-200 hover:decoration-brand-700" href={assumptionsHref(anchor)}>{explainInputLabel(k)}</Link> : explainInputLabel(k)}</dt>
                    <dd className="tabular text-right text-ink-900">{formatExplainInput(k, v, currency)}</dd>
                  </div>
                );
              })}
            </dl>
          </>
        ) : null}
        {e.constants.length ? (
          <>
            <h5 className="mt-3 text-xs font-semibold uppercase tracking-wide text-ink-500">Assumptions</h5>
            <ul className="mt-1 space-y-0.5 text-xs">
              {e.constants.map((c) => {
                const anchor = anchorForConstant(c.key);
                const d = constantDefinition(c.key);
                return (
                  <li key={c.key} className="flex justify-between gap-3">
                    {anchor ? (
                      <Link href={assumptionsHref(anchor)} className="truncate text-brand-700 underline decoration-brand-200 hover:decoration-brand-700" title={constantLabel(c.key)}>
                        {constantLabel(c.key)}
                      </Link>
                    ) : (
                      <span className="truncate text-ink-600" title={constantLabel(c.key)}>{constantLabel(c.key)}</span>
                    )}
                    <span className="tabular shrink-0 text-ink-900">
                      {constantValue(c.key, c.value, currency)}
                      {d && !c.key.startsWith("rate.") && d.value !== c.value ? <span className="ml-1 text-amber-700">(default {num(d.value)})</span> : null}
                    </span>
                  </li>
                );
              })}
            </ul>
          </>
        ) : null}
        {e.notes?.length ? (
          <>
            <h5 className="mt-3 text-xs font-semibold uppercase tracking-wide text-ink-500">Notes</h5>
            <ul className="mt-1 list-disc space-y-0.5 pl-4 text-xs text-ink-700">
              {e.notes.map((n) => <li key={n}>{n}</li>)}
            </ul>
          </>
        ) : null}
        <p className="mt-3 border-t border-ink-100 pt-2 text-xs">
          <Link href={`/engagements/${engagementId}/assumptions`} className="text-brand-700 hover:text-brand-800">All assumptions →</Link>
        </p>
      </div>
    </details>
  );
}
