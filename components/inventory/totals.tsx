// The totals strip above an inventory table: headline numbers and breakdowns by a vocabulary.
// Server-renderable (no state); numbers formatted for people.
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { formatNumber } from "@/components/ui/format";
import type { Tone } from "@/components/inventory/badges";

export type Stat = { label: string; value: ReactNode; detail?: ReactNode; tone?: "default" | "warning" | "danger" | "good" };

const statTone = {
  default: "text-ink-900",
  warning: "text-amber-700",
  danger: "text-red-700",
  good: "text-emerald-700",
};

export function StatGrid({ stats, label }: { stats: Stat[]; label: string }) {
  return (
    <dl aria-label={label} className="grid grid-cols-2 gap-px overflow-hidden rounded-lg bg-ink-200/70 shadow-sm ring-1 ring-ink-200/70 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-5">
      {stats.map((s) => (
        // an odd last stat on the two-column phone grid spans the row instead of leaving a grey hole
        <div key={s.label} className="bg-white px-4 py-3 last:odd:col-span-2 sm:last:odd:col-span-1">
          <dt className="text-xs font-medium text-ink-500">{s.label}</dt>
          <dd className={cn("tabular mt-1 text-xl font-semibold", statTone[s.tone ?? "default"])}>{s.value}</dd>
          {s.detail ? <dd className="mt-0.5 text-xs text-ink-500">{s.detail}</dd> : null}
        </div>
      ))}
    </dl>
  );
}

const barTone: Record<Tone, string> = {
  neutral: "bg-ink-300",
  brand: "bg-brand-500",
  green: "bg-emerald-500",
  amber: "bg-amber-400",
  red: "bg-red-500",
  violet: "bg-violet-500",
};

export type BreakdownSegment = { key: string; label: string; value: number; tone: Tone };

/** One stacked bar with its legend, e.g. "By disposition". Zero segments are listed but take no width. */
export function Breakdown({ title, segments, unit }: { title: string; segments: BreakdownSegment[]; unit?: string }) {
  const total = segments.reduce((n, s) => n + s.value, 0);
  return (
    <div className="min-w-0">
      <div className="flex items-baseline justify-between gap-2">
        <h2 className="text-xs font-medium text-ink-500">{title}</h2>
        {unit ? <span className="text-xs text-ink-400">{unit}</span> : null}
      </div>
      <div className="mt-2 flex h-2 overflow-hidden rounded-full bg-ink-100" aria-hidden>
        {total > 0 ? segments.filter((s) => s.value > 0).map((s) => <span key={s.key} className={barTone[s.tone]} style={{ width: `${(s.value / total) * 100}%` }} />) : null}
      </div>
      <ul className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-xs text-ink-600">
        {segments.map((s) => (
          <li key={s.key} className="flex items-center gap-1.5">
            <span className={cn("size-2 rounded-full", barTone[s.tone])} aria-hidden />
            {s.label} <span className="tabular font-medium text-ink-900">{formatNumber(s.value)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function BreakdownRow({ children }: { children: ReactNode }) {
  return <div className="grid gap-5 rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-ink-200/70 md:grid-cols-2 xl:grid-cols-3">{children}</div>;
}

export function TotalsSection({ children }: { children: ReactNode }) {
  return <section aria-label="Totals" className="mb-5 space-y-3">{children}</section>;
}

/** Breakdown segments in a vocabulary's order from its labels, tones and counts. */
export function segmentsFrom(labels: Readonly<Record<string, string>>, tones: Record<string, Tone>, counts: Record<string, number>): BreakdownSegment[] {
  return Object.keys(labels).map((key) => ({ key, label: labels[key]!, value: counts[key] ?? 0, tone: tones[key] ?? "neutral" }));
}

/** An inventory's totals above its table: the headline numbers, then one breakdown per vocabulary; nothing while it is empty. */
export function InventoryTotals({ label, count, stats, breakdowns }: { label: string; count: number; stats: Stat[]; breakdowns: { title: string; unit?: string; segments: BreakdownSegment[] }[] }) {
  if (count === 0) return null;
  return (
    <TotalsSection>
      <StatGrid label={label} stats={stats} />
      <BreakdownRow>
        {breakdowns.map((b) => <Breakdown key={b.title} {...b} />)}
      </BreakdownRow>
    </TotalsSection>
  );
}
