// Honesty flags in plain words: what the estimate must say out loud (critical first).
import { AlertOctagon, AlertTriangle, Info } from "lucide-react";
import type { HonestyFlag } from "@/lib/estimate";
import { cn } from "@/components/ui/cn";

const ORDER = { critical: 0, warning: 1, info: 2 } as const;
const STYLE = {
  critical: { box: "bg-red-50 ring-red-200 text-red-900", icon: AlertOctagon, word: "Critical" },
  warning: { box: "bg-amber-50 ring-amber-200 text-amber-900", icon: AlertTriangle, word: "Warning" },
  info: { box: "bg-ink-50 ring-ink-200 text-ink-800", icon: Info, word: "Note" },
} as const;

export function FlagsList({ flags }: { flags: HonestyFlag[] }) {
  if (flags.length === 0) {
    return <p className="rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-900 ring-1 ring-emerald-200">No honesty flags: the estimate is within the field ranges and the inputs raise no warnings.</p>;
  }
  const sorted = [...flags].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  return (
    <ul className="space-y-2" aria-label="Honesty flags">
      {sorted.map((f, i) => {
        const s = STYLE[f.severity];
        const Icon = s.icon;
        return (
          <li key={`${f.code}-${i}`} className={cn("flex gap-3 rounded-lg px-4 py-3 text-sm ring-1 ring-inset", s.box)} data-flag={f.code}>
            <Icon className="mt-0.5 size-4 shrink-0" aria-hidden />
            <div className="min-w-0">
              <span className="sr-only">{s.word}: </span>
              <span>{f.message}</span>
              {typeof f.probability === "number" ? <span className="ml-1 font-semibold">Probability of meeting it: {Math.round(f.probability * 100)}%.</span> : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
