// Shown while the estimate is computed (10,000 Monte Carlo runs, off the event loop).
export default function EstimateLoading() {
  return (
    <main className="space-y-6" aria-busy="true" aria-live="polite">
      <div>
        <div className="h-3 w-24 animate-pulse rounded bg-ink-200" />
        <div className="mt-2 h-7 w-80 animate-pulse rounded bg-ink-200" />
      </div>
      <p className="flex items-center gap-2 text-sm text-ink-600">
        <span className="size-4 animate-spin rounded-full border-2 border-brand-500 border-r-transparent" aria-hidden />
        Computing the estimate — 10,000 simulated runs of the schedule, costs and risk register…
      </p>
      <div className="grid gap-4 lg:grid-cols-2 xl:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-40 animate-pulse rounded-lg bg-white ring-1 ring-ink-200/70" />
        ))}
      </div>
      <div className="h-96 animate-pulse rounded-lg bg-white ring-1 ring-ink-200/70" />
    </main>
  );
}
