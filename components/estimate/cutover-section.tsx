// Engine v2 on the estimate page: the cutover waves on their concurrent go-live tracks (one Gantt row per
// track) with the blackout windows and the go-lives they moved, and the Phase 1 lanes — which one binds
// and what one more person in it saves.
import type { EstimateView } from "@/lib/estimates/view";
import { ChartFrame, LegendItem } from "@/components/charts/chart-frame";
import { CHART_COLORS, weeksToIsoDate } from "@/components/charts/format";
import { BLACKOUT_FILL, MOVED_COLOR as MOVED, TrackChart, type TrackWave } from "@/components/charts/track-chart";
import { formatDate, formatMoneyCents, formatNumber } from "@/components/ui/format";
import { Badge } from "@/components/ui/badge";

const wk = (v: number) => `${formatNumber(v, { maximumFractionDigits: 1 })} ${Math.abs(v - 1) < 1e-9 ? "week" : "weeks"}`;

function trackWaves(view: EstimateView): TrackWave[] {
  const start = view.input.plannedStart;
  return view.waves.waves.map((w) => ({
    name: w.name,
    track: w.track + 1,
    startWeek: w.baseStartWeek,
    goLiveWeek: w.baseGoLiveWeek,
    endWeek: w.baseEndWeek,
    moved: w.blackoutShiftWeeks > 0,
    title: `${w.name}: ${formatDate(weeksToIsoDate(start, w.baseStartWeek))} – ${formatDate(weeksToIsoDate(start, w.baseEndWeek))}, go-live ${formatDate(w.baseGoLiveDate)}`,
  }));
}

/** The entered go-live date beside the planned one: met, held for it, or late (with the simulated chance of making it). */
function enteredText(w: EstimateView["waves"]["waves"][number]): string {
  if (!w.enteredGoLiveDate) return "—";
  const d = formatDate(w.enteredGoLiveDate);
  const chance = w.dateProbability === null ? "" : `, made in ${formatNumber(w.dateProbability * 100, { maximumFractionDigits: 0 })}% of simulations`;
  if ((w.dateMissWeeks ?? 0) > 0) return `${d} — ${wk(w.dateMissWeeks!)} late${chance}`;
  return w.dateHoldWeeks > 0.05 ? `${d} — held ${wk(w.dateHoldWeeks)} for it${chance}` : `${d} — met${chance}`;
}

export function CutoverSection({ view }: { view: EstimateView }) {
  const c = view.cutover;
  const waves = view.waves.waves;
  const start = view.input.plannedStart;
  const unit = view.input.migrationType === "C" ? "cohort" : "wave";
  const parallelWeeks = view.basePlan.phases.P3;
  const saved = c.sequentialCutoverWeeks - parallelWeeks;
  const anyDate = waves.some((w) => w.enteredGoLiveDate);
  const late = waves.filter((w) => (w.dateMissWeeks ?? 0) > 0);
  return (
    <div className="space-y-5">
      <p className="text-sm text-ink-700">
        {c.tracks === 1 ? "One go-live track: the waves go live one after another" : `${c.tracks} concurrent go-live tracks`}, at least {wk(c.gapWeeks)} of stabilisation between two go-lives on the same track. {c.tracksBasis}{" "}
        {c.tracks > 1 && saved > 0.05 ? `The cutover takes ${wk(parallelWeeks)} in the base plan; one after another it would take ${wk(c.sequentialCutoverWeeks)}.` : `The cutover takes ${wk(parallelWeeks)} in the base plan.`}
      </p>
      {waves.length ? (
        <ChartFrame
          title={`Go-live tracks — ${waves.length === 1 ? `one ${unit}` : `${waves.length} ${unit}s`} on ${c.tracks === 1 ? "one track" : `${c.tracks} tracks`}`}
          description="One row per concurrent go-live track (base plan). Bar: the wave from preparation to the end of its stabilisation; ◆ its go-live (orange when a blackout moved it). Shaded: blackout windows."
          summary={waves.map((w) => `${w.name} on track ${w.track + 1}, go-live ${formatDate(w.baseGoLiveDate)}${w.blackoutShiftWeeks > 0 ? ` (moved ${wk(w.blackoutShiftWeeks)} by a blackout)` : ""}`).join("; ")}
          legend={
            <div className="flex flex-wrap gap-4">
              <LegendItem color={CHART_COLORS.waveBase} label="Wave (base plan)" />
              <LegendItem color={CHART_COLORS.ink} label="Go-live" variant="diamond" />
              <LegendItem color={MOVED} label="Go-live moved by a blackout" variant="diamond" />
              <LegendItem color={BLACKOUT_FILL} label="Blackout window" />
            </div>
          }
          table={{
            caption: "Waves by go-live track",
            columns: [
              { key: "wave", label: "Wave" },
              { key: "track", label: "Track", align: "right" },
              { key: "start", label: "Starts" },
              { key: "goLive", label: "Go-live" },
              ...(anyDate ? [{ key: "entered", label: "Entered date" }] : []),
              { key: "end", label: "Stable by" },
              { key: "note", label: "Moved / waited" },
            ],
            rows: waves.map((w) => ({
              wave: w.name,
              track: w.track + 1,
              start: formatDate(weeksToIsoDate(start, w.baseStartWeek)),
              goLive: formatDate(w.baseGoLiveDate),
              entered: enteredText(w),
              end: formatDate(weeksToIsoDate(start, w.baseEndWeek)),
              note: [w.blackoutShiftWeeks > 0 ? `moved ${wk(w.blackoutShiftWeeks)} by a blackout` : "", w.buildWaitWeeks > 0.05 ? `waited ${wk(w.buildWaitWeeks)} for its build` : ""].filter(Boolean).join("; ") || "—",
            })),
          }}
        >
          <TrackChart start={start} waves={trackWaves(view)} blackouts={c.blackouts.map((b) => ({ label: b.label, startWeek: b.startWeek, endWeek: b.endWeek, title: `Blackout: ${b.label}, ${formatDate(b.start)} – ${formatDate(b.end)}` }))} />
        </ChartFrame>
      ) : null}

      {late.length ? (
        <ul className="space-y-1 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-amber-200" aria-label="Entered go-live dates the plan cannot make">
          {late.map((w) => (
            <li key={w.name}><strong>{w.name}</strong>: entered {formatDate(w.enteredGoLiveDate!)}, planned {formatDate(w.baseGoLiveDate)} — {wk(w.dateMissWeeks!)} late: {w.dateMissReason}.</li>
          ))}
        </ul>
      ) : null}

      <div className="space-y-2">
        <h3 className="text-sm font-semibold text-ink-900">Blackout windows</h3>
        {c.blackouts.length === 0 ? (
          <p className="text-sm text-ink-600">No blackout window falls in the plan. Add one (year end, a regulatory submission, a local peak season) under Assumptions → model constants.</p>
        ) : (
          <ul className="space-y-1 text-sm text-ink-700">
            {c.blackouts.map((b) => (
              <li key={`${b.label}-${b.start}`}>{b.label}: {formatDate(b.start)} – {formatDate(b.end)}</li>
            ))}
          </ul>
        )}
        {c.moved.length ? (
          <ul className="space-y-1 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-amber-200">
            {c.moved.map((m) => (
              <li key={m.wave}><strong>{m.wave}</strong> goes live {formatDate(m.goLiveDate)}, {wk(m.weeks)} later than its track allowed: its go-live fell in “{m.reason}”.</li>
            ))}
          </ul>
        ) : c.blackouts.length ? (
          <p className="text-sm text-ink-600">No go-live falls in a blackout window: none was moved.</p>
        ) : null}
      </div>

      {c.buildDoneWeek !== null ? (
        <p className="text-sm text-ink-700">
          Incremental build: Phase 1 builds {formatNumber(c.phase1BuildShare * 100, { maximumFractionDigits: 0 })}% of the function points (the core and the pilot’s slice); the rest is built ahead of each {unit}, and the whole build is done by {formatDate(weeksToIsoDate(start, c.buildDoneWeek))} (base plan).
        </p>
      ) : null}
    </div>
  );
}

export function LanesSection({ view }: { view: EstimateView }) {
  const l = view.lanes;
  const more = l.oneMorePerson;
  const cur = view.input.currency;
  const cost = more.costDeltaCents === 0 ? "leaves the cost unchanged" : more.costDeltaCents < 0 ? `saves ${formatMoneyCents(-more.costDeltaCents, cur)}` : `adds ${formatMoneyCents(more.costDeltaCents, cur)}`;
  const bindingRow = l.lanes.find((x) => x.key === l.binding);
  return (
    <div className="grid gap-5 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Phase 1 lanes">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Phase 1 lanes: people, how the staffing was set and the weeks each lane needs</caption>
          <thead className="text-xs text-ink-500">
            <tr className="border-b border-ink-100">
              <th scope="col" className="py-2 pr-3 font-medium">Lane</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">People</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Phase 1 needs</th>
              <th scope="col" className="py-2 pl-3 font-medium">How it was set</th>
            </tr>
          </thead>
          <tbody className="tabular">
            {l.lanes.map((x) => (
              <tr key={x.key} className="border-b border-ink-50" data-binding={x.key === l.binding ? "true" : undefined}>
                <th scope="row" className="py-2 pr-3 font-medium text-ink-800">
                  {x.label} {x.key === l.binding ? <Badge tone="amber" className="ml-1">Binding</Badge> : null}
                </th>
                <td className="px-3 py-2 text-right">{x.fte === null ? "—" : formatNumber(x.fte)}</td>
                <td className="px-3 py-2 text-right">{wk(x.weeks)}</td>
                <td className="py-2 pl-3 text-ink-600">{x.basis}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="rounded-md bg-brand-50/60 p-4 text-sm ring-1 ring-brand-100" aria-labelledby="one-more-person-title">
        <h3 id="one-more-person-title" className="font-semibold text-ink-900">What one more person saves</h3>
        <p className="mt-1 text-ink-700">
          The binding lane is <strong>{bindingRow?.label ?? l.bindingLabel}</strong>
          {bindingRow ? ` (${wk(bindingRow.weeks)} of Phase 1)` : ""}.
        </p>
        {more.lane !== "minimum" && (more.lane !== "build" || more.weeksSaved > 0.05) ? (
          <p className="mt-2 text-ink-800" data-testid="one-more-person">
            One more person there: <strong>{more.weeksSaved > 0.05 ? `${wk(more.weeksSaved)} sooner` : "no time saved"}</strong>, and it {cost} (base plan).
          </p>
        ) : (
          <p className="mt-2 text-ink-800" data-testid="one-more-person"><strong>No time saved</strong> by one more person.</p>
        )}
        <p className="mt-2 text-xs text-ink-600">{more.explanation}</p>
      </section>
      {l.staffing?.length ? (
        <div className="lg:col-span-2">
          <h3 className="text-sm font-semibold text-ink-900">Team by role</h3>
          <ul className="mt-1 grid gap-x-6 gap-y-1 text-sm text-ink-700 sm:grid-cols-2">
            {l.staffing.map((r) => (
              <li key={r.role}>
                <span className="font-medium text-ink-800">{r.label}</span>: {r.fte === null ? "—" : `${formatNumber(r.fte, { maximumFractionDigits: 1 })} FTE`}{" "}
                <span className="text-ink-500">({r.entered ? "entered" : "derived"})</span>
                <span className="block text-xs text-ink-500">{r.basis}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
