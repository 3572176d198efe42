// The overview's checklist from an empty engagement to a quotable estimate (lib/engagements/checklist.ts):
// each step done or not, what is missing in words, and a link to where it is done.
import Link from "@/components/ui/link";
import { CheckCircle2, Circle } from "lucide-react";
import type { ChecklistStep } from "@/lib/engagements/checklist";
import { cn } from "@/components/ui/cn";

export function QuotableChecklist({ engagementId, steps, done, total, quotable }: { engagementId: string; steps: ChecklistStep[]; done: number; total: number; quotable: boolean }) {
  return (
    <section aria-labelledby="quotable-title" className="rounded-lg bg-white shadow-sm ring-1 ring-ink-200/70">
      <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-ink-100 px-5 py-4">
        <div>
          <h2 id="quotable-title" className="text-base font-semibold">{quotable ? "Quotable estimate: everything the estimate needs is in" : "Towards a quotable estimate"}</h2>
          <p className="mt-0.5 text-sm text-ink-600">What the estimate cannot guess. Until every step is done, the estimate rests on defaults for the rest.</p>
        </div>
        <span className="tabular text-sm font-medium text-ink-800" data-testid="checklist-progress">{done} of {total} done</span>
      </div>
      <div className="h-1.5 bg-ink-100" aria-hidden>
        <div className={cn("h-full", quotable ? "bg-emerald-500" : "bg-brand-500")} style={{ width: `${(done / total) * 100}%` }} />
      </div>
      <ol className="divide-y divide-ink-100" aria-label="Steps to a quotable estimate">
        {steps.map((s) => (
          <li key={s.key} className="flex items-start gap-3 px-5 py-2.5" data-testid={`checklist-${s.key}`} data-done={s.done ? "true" : "false"}>
            {s.done ? <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-emerald-700" aria-hidden /> : <Circle className="mt-0.5 size-4 shrink-0 text-ink-500" aria-hidden />}
            <div className="min-w-0 flex-1 text-sm">
              <span className="sr-only">{s.done ? "Done: " : "To do: "}</span>
              {s.done ? (
                <span className="font-medium text-ink-900">{s.label}</span>
              ) : (
                <Link href={`/engagements/${engagementId}${s.path}`} className="font-medium text-brand-700 underline hover:text-brand-900">{s.label}</Link>
              )}
              <span className={cn("block text-xs", s.done ? "text-ink-600" : "text-amber-800")}>{s.detail}</span>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
