// The headline: P50/P80 duration with go-live and completion dates, P50/P80 cost with contingency,
// the license overlap and the input confidence — each with its "Explain".
import type { ReactNode } from "react";
import type { EstimateView } from "@/lib/estimates/view";
import { addWeeksIso } from "@/lib/estimates/compare";
import { formatDate, formatMoneyCents } from "@/components/ui/format";
import { moneyCompact } from "@/components/charts/format";
import { Explain } from "@/components/estimate/explain";

function Stat({ label, value, sub, emphasis }: { label: string; value: ReactNode; sub?: ReactNode; emphasis?: boolean }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-ink-500">{label}</dt>
      <dd className={emphasis ? "mt-0.5 text-2xl font-semibold tabular text-ink-900" : "mt-0.5 text-lg font-semibold tabular text-ink-800"}>{value}</dd>
      {sub ? <dd className="mt-0.5 text-xs text-ink-600">{sub}</dd> : null}
    </div>
  );
}

function Panel({ title, explain, children }: { title: string; explain?: ReactNode; children: ReactNode }) {
  return (
    <section className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-ink-200/70" aria-label={title}>
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold text-ink-900">{title}</h2>
        {explain}
      </div>
      {children}
    </section>
  );
}

export function EstimateHeadline({ view, engagementId }: { view: EstimateView; engagementId: string }) {
  const cur = view.input.currency;
  const start = view.input.plannedStart;
  const m = view.duration.totalMonths.percentiles;
  const w = view.duration.totalWeeks.percentiles;
  const g = view.duration.finalGoLiveWeeks.percentiles;
  const c = view.cost.totalCents.percentiles;
  const date = (weeks: number | undefined) => (weeks === undefined ? "—" : formatDate(addWeeksIso(start, weeks)));
  const ex = view.explanations;
  const range = view.input.fieldRangeMonths;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <Panel title="Duration" explain={<Explain explanation={ex["total.duration"]} engagementId={engagementId} currency={cur} />}>
        <dl className="mt-3 grid grid-cols-2 gap-3">
          <Stat label="P50" value={`${m.P50?.toFixed(1)} months`} sub={<>Final go-live {date(g.P50)}<br />Complete {date(w.P50)}</>} emphasis />
          <Stat label="P80" value={`${m.P80?.toFixed(1)} months`} sub={<>Final go-live {date(g.P80)}<br />Complete {date(w.P80)}</>} emphasis />
        </dl>
        <div className="mt-3 border-t border-ink-100 pt-2 text-xs text-ink-600">
          Base plan {view.basePlan.totalMonths.toFixed(1)} months; schedule contingency {(view.contingency.durationWeeks / (365.25 / 12 / 7)).toFixed(1)} months{" "}
          <Explain explanation={ex["contingency.duration"]} engagementId={engagementId} currency={cur} align="left" />
          <br />
          Field range for a {view.input.sizeClass === "mid" ? "mid-size" : view.input.sizeClass} organization: {range.min}–{range.max} months.
        </div>
      </Panel>
      <Panel title="Cost" explain={<Explain explanation={ex["total.cost"]} engagementId={engagementId} currency={cur} />}>
        <dl className="mt-3 grid grid-cols-2 gap-3">
          <Stat label="P50" value={moneyCompact(c.P50 ?? 0, cur)} sub={formatMoneyCents(c.P50 ?? null, cur)} emphasis />
          <Stat label="P80" value={moneyCompact(c.P80 ?? 0, cur)} sub={formatMoneyCents(c.P80 ?? null, cur)} emphasis />
        </dl>
        <div className="mt-3 border-t border-ink-100 pt-2 text-xs text-ink-600">
          Base plan {formatMoneyCents(view.basePlan.totalCostCents, cur)} + contingency {formatMoneyCents(view.contingency.costCents, cur)} ({Math.round(view.contingency.costShareOfBase * 100)}%) = P80{" "}
          <Explain explanation={ex["contingency.cost"]} engagementId={engagementId} currency={cur} align="left" />
        </div>
      </Panel>
      <Panel title="License overlap" explain={<Explain explanation={ex["licenseOverlap"]} engagementId={engagementId} currency={cur} />}>
        <dl className="mt-3 grid grid-cols-2 gap-3">
          <Stat label="P50" value={moneyCompact(view.licenseOverlap.band.p50, cur)} sub={`${(view.licenseOverlap.shareOfTotalCostP50 * 100).toFixed(1)}% of P50 cost`} emphasis />
          <Stat label="P10 – P90" value={`${moneyCompact(view.licenseOverlap.band.p10, cur)} – ${moneyCompact(view.licenseOverlap.band.p90, cur)}`} sub="Paying two systems at once" />
        </dl>
        <p className="mt-3 border-t border-ink-100 pt-2 text-xs text-ink-600">Every week the schedule slips is another week of double fees.</p>
      </Panel>
      <Panel title="Input confidence" explain={<Explain explanation={ex["inputConfidence"]} engagementId={engagementId} currency={cur} />}>
        <dl className="mt-3">
          <Stat label="Score" value={<span>{view.inputConfidence.score}<span className="text-base font-normal text-ink-500"> / 100</span></span>} emphasis sub="How much of the inventories is known, decided and reviewed." />
        </dl>
        <div className="mt-3 h-2 overflow-hidden rounded-full bg-ink-100" aria-hidden>
          <div className={view.inputConfidence.score >= 60 ? "h-full bg-emerald-500" : "h-full bg-amber-500"} style={{ width: `${view.inputConfidence.score}%` }} />
        </div>
      </Panel>
    </div>
  );
}
