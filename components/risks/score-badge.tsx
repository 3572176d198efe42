// A risk score (likelihood × impact) as a pill coloured by its band on the engagement's matrix.
import { cn } from "@/components/ui/cn";
import { scoreBand } from "@/lib/risks/score";

const bandClass = {
  low: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  medium: "bg-amber-50 text-amber-800 ring-amber-200",
  high: "bg-orange-100 text-orange-900 ring-orange-300",
  critical: "bg-red-600 text-white ring-red-600",
};
const bandLabel = { low: "Low", medium: "Medium", high: "High", critical: "Critical" };

export function ScoreBadge({ score, size, showBand = true }: { score: number | null; size: number; showBand?: boolean }) {
  if (score === null) return <span className="text-xs text-ink-400">Not assessed</span>;
  const band = scoreBand(score, size);
  return (
    <span className={cn("inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset", bandClass[band])} title={`${bandLabel[band]}: ${score} of ${size * size}`}>
      <span className="tabular">{score}</span>
      {showBand ? <span className="font-medium">{bandLabel[band]}</span> : null}
    </span>
  );
}
