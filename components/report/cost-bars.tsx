// Where the money goes: expected cost per line (bar) with its P80 (tick). HTML, not SVG, so it reflows: on a
// phone each line's label and amount sit above a full-width bar; from `sm` up, label | bar | amount in a row.
import { formatMoneyShort } from "@/lib/report/format";
import { COST_LINE_GROUP_LABELS, type ReportView } from "@/lib/report/model";
import { cn } from "@/components/ui/cn";

const GROUP_BAR = { labor: "bg-[#155f91]", license: "bg-[#7a5af8]", risk: "bg-[#b54708]" } as const;

export function CostBars({ report }: { report: ReportView }) {
  const cur = report.meta.currency;
  const lines = report.costs.lines.filter((l) => l.mean > 0).sort((a, b) => b.mean - a.mean);
  const max = Math.max(...lines.map((l) => l.p80 ?? l.mean), 1);
  const pct = (v: number) => `${Math.min(100, (v / max) * 100).toFixed(2)}%`;
  return (
    <figure>
      <ul className="space-y-2 sm:space-y-1" aria-label="Expected cost by line">
        {lines.map((l) => (
          <li key={l.key} className="grid grid-cols-[1fr_auto] items-center gap-x-3 gap-y-1 text-sm sm:grid-cols-[minmax(0,16rem)_1fr_5.5rem]">
            <span className="min-w-0 text-ink-700 sm:truncate" title={l.label}>{l.label}</span>
            <span className="tabular text-right font-semibold text-ink-900 sm:order-last">
              {formatMoneyShort(l.mean, cur)}
              {l.p80 !== null ? <span className="sr-only">{` expected, ${formatMoneyShort(l.p80, cur)} at P80`}</span> : null}
            </span>
            <span className="relative col-span-2 block h-3 sm:col-span-1" aria-hidden>
              <span className={cn("absolute inset-y-0 left-0 rounded-sm", GROUP_BAR[l.group])} style={{ width: pct(l.mean), minWidth: 2 }} />
              {l.p80 !== null ? <span className="absolute -inset-y-0.5 w-0 border-l-2 border-ink-900" style={{ left: pct(l.p80) }} /> : null}
            </span>
          </li>
        ))}
      </ul>
      <figcaption className="mt-3 flex flex-wrap gap-x-5 gap-y-1 text-xs text-ink-600">
        <span className="inline-flex items-center gap-1.5"><span className={cn("inline-block size-2.5 rounded-sm", GROUP_BAR.labor)} aria-hidden /> {COST_LINE_GROUP_LABELS.labor}</span>
        <span className="inline-flex items-center gap-1.5"><span className={cn("inline-block size-2.5 rounded-sm", GROUP_BAR.license)} aria-hidden /> {COST_LINE_GROUP_LABELS.license}</span>
        <span className="inline-flex items-center gap-1.5"><span className={cn("inline-block size-2.5 rounded-sm", GROUP_BAR.risk)} aria-hidden /> {COST_LINE_GROUP_LABELS.risk}</span>
        <span className="inline-flex items-center gap-1.5"><span className="inline-block h-3 w-0 border-l-2 border-ink-900" aria-hidden /> P80 of the line</span>
        <span>Bars show the expected (mean) cost.</span>
      </figcaption>
    </figure>
  );
}
