// The estimate page (and the overview) when the estimate of the current inputs could not be computed: what
// failed in the engine's words, what to do, the pages where the inputs to check are edited, and Try again.
// Shown instead of the generic error page (issue 13); the description is lib/estimate-results/failure.ts.
import type { ReactNode } from "react";
import { AlertTriangle } from "lucide-react";
import type { EstimateFailureView } from "@/lib/estimate-results/failure";
import { ButtonLink } from "@/components/ui/button";

const TITLES: Record<EstimateFailureView["kind"], string> = {
  budget: "The estimate took too long to compute",
  input: "The estimate cannot be computed from these inputs",
  other: "The estimate could not be computed",
};

export function EstimateFailed({ failure, retry, compact = false }: { failure: EstimateFailureView; retry?: ReactNode; compact?: boolean }) {
  return (
    <section aria-labelledby="estimate-failed-title" className="rounded-lg bg-red-50 px-5 py-4 ring-1 ring-red-200" data-testid="estimate-failed">
      <div className="flex items-start gap-3">
        <AlertTriangle aria-hidden className="mt-0.5 size-5 shrink-0 text-red-700" />
        <div className="min-w-0 space-y-2">
          <h2 id="estimate-failed-title" className="text-base font-semibold text-red-900">{TITLES[failure.kind]}</h2>
          <p className="break-words text-sm text-red-900">
            <span className="font-medium">Reason: </span>
            {failure.reason}
          </p>
          {compact ? null : <p className="text-sm text-ink-800">{failure.advice}</p>}
          <div className="flex flex-wrap items-center gap-2 pt-1">
            <span className="text-sm text-ink-700">{compact ? "See:" : "Check:"}</span>
            {failure.checks.map((c) => (
              <ButtonLink key={c.href} href={c.href} variant="secondary" size="sm">{c.label}</ButtonLink>
            ))}
            {retry}
          </div>
        </div>
      </div>
    </section>
  );
}
