// Now vs a baseline: the headline numbers, each phase, each cost line and the flags that changed, and
// the inputs that caused it, in plain words.
import type { ReactNode } from "react";
import { ArrowDownRight, ArrowUpRight, Minus } from "lucide-react";
import type { BaselineComparison } from "@/lib/estimates/types";
import type { MetricChange } from "@/lib/estimates/compare";
import { formatDate, formatMoneyCents } from "@/components/ui/format";
import { cn } from "@/components/ui/cn";
import { ScrollRegion } from "@/components/ui/scroll-region";

function value(m: MetricChange, v: number | string | null, currency: string): string {
  if (v === null) return "—";
  if (typeof v === "string") return m.unit === "date" ? formatDate(v) : v;
  switch (m.unit) {
    case "months": return `${v.toFixed(1)} mo`;
    case "weeks": return `${v.toFixed(1)} wk`;
    case "cents": return formatMoneyCents(v, currency);
    case "hours": return `${Math.round(v).toLocaleString("en-US")} h`;
    case "share": return `${(v * 100).toFixed(1)}%`;
    default: return String(Math.round(v * 100) / 100);
  }
}

function change(m: MetricChange, currency: string): ReactNode {
  if (m.delta === null) return <span className="text-ink-400">—</span>;
  if (m.delta === 0) return <span className="inline-flex items-center gap-1 text-ink-500"><Minus className="size-3.5" aria-hidden />no change</span>;
  const up = m.delta > 0;
  // more time, more money, more hours: worse (red); higher confidence: better (green)
  const worse = m.key === "confidence" ? !up : up;
  const Icon = up ? ArrowUpRight : ArrowDownRight;
  const abs = Math.abs(m.delta);
  const text = m.unit === "date" ? `${abs} days ${up ? "later" : "earlier"}` : m.unit === "cents" ? formatMoneyCents(abs, currency) : m.unit === "share" ? `${(abs * 100).toFixed(1)} pts` : m.unit === "months" ? `${abs.toFixed(1)} mo` : m.unit === "weeks" ? `${abs.toFixed(1)} wk` : m.unit === "hours" ? `${Math.round(abs).toLocaleString("en-US")} h` : String(abs);
  return (
    <span className={cn("inline-flex items-center gap-1 font-medium", worse ? "text-red-700" : "text-emerald-700")}>
      <Icon className="size-3.5" aria-hidden />
      {m.unit === "date" ? text : `${up ? "+" : "−"}${text}`}
      {m.deltaRatio !== null && m.unit !== "share" && m.unit !== "date" && m.unit !== "score" ? <span className="text-xs font-normal">({up ? "+" : "−"}{Math.abs(Math.round(m.deltaRatio * 1000) / 10)}%)</span> : null}
    </span>
  );
}

export function MetricTable({ caption, metrics, currency, thenLabel, hideUnchanged = false }: { caption: string; metrics: MetricChange[]; currency: string; thenLabel: string; hideUnchanged?: boolean }) {
  const rows = hideUnchanged ? metrics.filter((m) => m.delta !== 0) : metrics;
  if (rows.length === 0) return <p className="text-sm text-ink-500">No change.</p>;
  return (
    <ScrollRegion label={caption}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-xs text-ink-500">
          <tr className="border-b border-ink-100">
            <th scope="col" className="py-2 pr-3 font-medium">Measure</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">{thenLabel}</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Now</th>
            <th scope="col" className="py-2 pl-3 font-medium">Change</th>
          </tr>
        </thead>
        <tbody className="tabular">
          {rows.map((m) => (
            <tr key={m.key} className="border-b border-ink-50">
              <th scope="row" className="py-1.5 pr-3 font-normal text-ink-800">{m.label}</th>
              <td className="px-3 py-1.5 text-right text-ink-600">{value(m, m.before, currency)}</td>
              <td className="px-3 py-1.5 text-right text-ink-900">{value(m, m.after, currency)}</td>
              <td className="py-1.5 pl-3">{change(m, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function ComparisonSummary({ data }: { data: BaselineComparison }) {
  const { comparison: c, inputChanges } = data;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="what-changed">
        <h3 id="what-changed" className="text-sm font-semibold text-ink-900">What changed in the numbers</h3>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-ink-800">
          {c.summary.map((s) => <li key={s}>{s}</li>)}
        </ul>
      </section>
      <section aria-labelledby="why-changed">
        <h3 id="why-changed" className="text-sm font-semibold text-ink-900">Which inputs caused it</h3>
        {inputChanges.length ? (
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-ink-800">
            {inputChanges.slice(0, 40).map((s) => <li key={s}>{s}</li>)}
            {inputChanges.length > 40 ? <li className="text-ink-500">…and {inputChanges.length - 40} more changes.</li> : null}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-ink-600">No input changed since this baseline{c.run.sameEngineVersion ? "." : "; differences come from the new version of the estimate model."}</p>
        )}
      </section>
    </div>
  );
}

export function FlagChanges({ data }: { data: BaselineComparison }) {
  const f = data.comparison.flags;
  if (!f.added.length && !f.removed.length && !f.changed.length) return <p className="text-sm text-ink-600">The same honesty flags as at the baseline ({f.unchanged}).</p>;
  return (
    <ul className="space-y-2 text-sm">
      {f.added.map((x) => <li key={`a-${x.code}-${x.message}`} className="rounded-md bg-red-50 px-3 py-2 text-red-900 ring-1 ring-red-200"><strong>New:</strong> {x.message}</li>)}
      {f.removed.map((x) => <li key={`r-${x.code}-${x.message}`} className="rounded-md bg-emerald-50 px-3 py-2 text-emerald-900 ring-1 ring-emerald-200"><strong>Resolved:</strong> {x.message}</li>)}
      {f.changed.map((x) => <li key={`c-${x.key}`} className="rounded-md bg-amber-50 px-3 py-2 text-amber-900 ring-1 ring-amber-200"><strong>Changed:</strong> {x.after?.message} <span className="text-xs">(was: {x.before?.message})</span></li>)}
    </ul>
  );
}
