// Uncertainty: S-curves of the total duration and the total cost (cumulative probability, P50 and P80
// marked), and the probability of meeting the target go-live and budget when they are entered.
import type { EstimateView } from "@/lib/estimates/view";
import { addWeeksIso } from "@/lib/estimates/compare";
import { percentileBracket, probabilityAtOrBelow } from "@/lib/estimates/targets";
import { ChartFrame } from "@/components/charts/chart-frame";
import { SCurveChart } from "@/components/charts/s-curve-chart";
import { CHART_COLORS } from "@/components/charts/format";
import { formatDate, formatMoneyCents } from "@/components/ui/format";

const WEEKS_PER_MONTH = 365.25 / 12 / 7;

function dayNumber(iso: string) {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}

export function UncertaintySection({ view, targets }: { view: EstimateView; targets: { goLive: string | null; budgetCents: number | null } }) {
  const cur = view.input.currency;
  const start = view.input.plannedStart;
  const dPoints = view.sCurves.durationWeeks.map((p) => ({ probability: p.probability, value: p.value / WEEKS_PER_MONTH }));
  const cPoints = view.sCurves.costCents;
  const m = view.duration.totalMonths.percentiles;
  const c = view.cost.totalCents.percentiles;
  const budgetProbability = targets.budgetCents !== null ? probabilityAtOrBelow(cPoints, targets.budgetCents) : null;
  const targetWeeks = targets.goLive ? (dayNumber(targets.goLive) - dayNumber(start)) / 7 : null;
  const goLiveFlag = view.flags.find((f) => f.code === "TARGET_DATE_BEFORE_P50");
  const budgetFlag = view.flags.find((f) => f.code === "TARGET_BUDGET_BELOW_P50");
  const dRows = view.sCurves.durationWeeks.filter((_, i) => i % 4 === 0 || i === view.sCurves.durationWeeks.length - 1);
  const cRows = cPoints.filter((_, i) => i % 4 === 0 || i === cPoints.length - 1);
  return (
    <div className="space-y-6">
      <div className="grid gap-8 xl:grid-cols-2">
        <ChartFrame
          title="S-curve — total duration"
          description="Chance of finishing (decommission included) within a given number of months, over 10,000 simulated runs."
          summary={`50% of runs finish within ${m.P50?.toFixed(1)} months and 80% within ${m.P80?.toFixed(1)} months; the fastest ${view.duration.totalMonths.min.toFixed(1)}, the slowest ${view.duration.totalMonths.max.toFixed(1)} months.`}
          table={{ columns: [{ key: "p", label: "Probability" }, { key: "v", label: "Within (months)", align: "right" }, { key: "d", label: "Completion date", align: "right" }], rows: dRows.map((p) => ({ p: `${Math.round(p.probability * 100)}%`, v: (p.value / WEEKS_PER_MONTH).toFixed(1), d: formatDate(addWeeksIso(start, p.value)) })) }}
        >
          <SCurveChart points={dPoints} unit="months" currency={cur} xLabel="Total duration (months)" markers={[{ label: "P50", value: m.P50 ?? 0, color: CHART_COLORS.base }, { label: "P80", value: m.P80 ?? 0, color: CHART_COLORS.p80 }]} />
        </ChartFrame>
        <ChartFrame
          title="S-curve — total cost"
          description="Chance that the total cost stays within a given amount, over 10,000 simulated runs."
          summary={`50% of runs cost at most ${formatMoneyCents(c.P50 ?? null, cur)} and 80% at most ${formatMoneyCents(c.P80 ?? null, cur)}.`}
          table={{ columns: [{ key: "p", label: "Probability" }, { key: "v", label: "Cost at most", align: "right" }], rows: cRows.map((p) => ({ p: `${Math.round(p.probability * 100)}%`, v: formatMoneyCents(p.value, cur) })) }}
        >
          <SCurveChart
            points={cPoints}
            unit="money"
            currency={cur}
            xLabel={`Total cost (${cur})`}
            markers={[
              { label: "P50", value: c.P50 ?? 0, color: CHART_COLORS.base },
              { label: "P80", value: c.P80 ?? 0, color: CHART_COLORS.p80 },
              ...(targets.budgetCents !== null && targets.budgetCents >= (cPoints[0]?.value ?? 0) * 0.8 && targets.budgetCents <= (cPoints[cPoints.length - 1]?.value ?? 0) * 1.2 ? [{ label: "Target", value: targets.budgetCents, color: CHART_COLORS.bad }] : []),
            ]}
          />
        </ChartFrame>
      </div>
      {targets.goLive || targets.budgetCents !== null ? (
        <div className="rounded-lg bg-white p-4 text-sm shadow-sm ring-1 ring-ink-200/70">
          <h3 className="text-sm font-semibold text-ink-900">Targets</h3>
          <ul className="mt-2 space-y-1 text-ink-700">
            {targets.goLive && targetWeeks !== null ? (
              <li>
                Target go-live <strong>{formatDate(targets.goLive)}</strong>:{" "}
                {goLiveFlag && typeof goLiveFlag.probability === "number"
                  ? <>probability of meeting it <strong>{Math.round(goLiveFlag.probability * 100)}%</strong> (the P50 go-live is {formatDate(addWeeksIso(start, view.duration.finalGoLiveWeeks.percentiles.P50 ?? 0))}).</>
                  : <>probability of meeting it <strong>{percentileBracket(view.duration.finalGoLiveWeeks.percentiles, targetWeeks)}</strong> (P50 go-live {formatDate(addWeeksIso(start, view.duration.finalGoLiveWeeks.percentiles.P50 ?? 0))}, P80 {formatDate(addWeeksIso(start, view.duration.finalGoLiveWeeks.percentiles.P80 ?? 0))}).</>}
              </li>
            ) : null}
            {targets.budgetCents !== null && budgetProbability !== null ? (
              <li>
                Target budget <strong>{formatMoneyCents(targets.budgetCents, cur)}</strong>: probability of staying within it{" "}
                <strong>{Math.round((typeof budgetFlag?.probability === "number" ? budgetFlag.probability : budgetProbability) * 100)}%</strong>.
              </li>
            ) : null}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
