// Cost: where the money goes — by workstream, by role, by phase and by month — and every cost line
// with its percentiles and "Explain". For a viewer without rates.view, workstreams and roles show hours.
import type { EstimateView } from "@/lib/estimates/view";
import { ChartFrame, LegendItem } from "@/components/charts/chart-frame";
import { HorizontalBarChart } from "@/components/charts/bar-chart";
import { MonthlyCostChart } from "@/components/charts/monthly-cost-chart";
import { CHART_COLORS } from "@/components/charts/format";
import { formatMoneyCents, formatNumber } from "@/components/ui/format";
import { Explain } from "@/components/estimate/explain";
import { ScrollRegion } from "@/components/ui/scroll-region";

const SERIES = [
  { key: "base", label: "Base plan", color: CHART_COLORS.base },
  { key: "mean", label: "Expected (mean of all runs)", color: CHART_COLORS.p80 },
];

function Legend2() {
  return (
    <div className="flex flex-wrap gap-4">
      <LegendItem color={CHART_COLORS.base} label="Base plan (most likely, no risk events)" />
      <LegendItem color={CHART_COLORS.p80} label="Expected (mean of all runs)" />
    </div>
  );
}

export function CostSection({ view, engagementId }: { view: EstimateView; engagementId: string }) {
  const cur = view.input.currency;
  const money = (v: number | null | undefined) => formatMoneyCents(v ?? null, cur);
  const ws = view.breakdown.byWorkstream.filter((w) => w.hours.base > 0 || w.hours.mean > 0);
  const redacted = view.redacted;
  const wsData = ws.map((w) => (redacted ? { label: w.label, base: w.hours.base, mean: w.hours.mean } : { label: w.label, base: w.cost?.base ?? 0, mean: w.cost?.mean ?? 0 }));
  const roleData: { label: string; base: number; mean: number | null }[] = view.breakdown.byRole.map((r) => (redacted ? { label: r.role, base: r.hoursBase, mean: null } : { label: r.role, base: r.costBaseCents ?? 0, mean: r.costMeanCents ?? 0 }));
  const phaseData = view.breakdown.byPhase.filter((p) => p.cost.base > 0 || p.cost.mean > 0).map((p) => ({ label: p.label.replace(" (source contract tail, archive)", ""), base: p.cost.base, mean: p.cost.mean }));
  const months = view.breakdown.byMonth;
  const peak = months.reduce((a, b) => (b.costCents > a.costCents ? b : a), months[0] ?? { month: "", costCents: 0, cumulativeCents: 0 });
  return (
    <div className="space-y-8">
      <div className="grid gap-8 xl:grid-cols-2">
        <ChartFrame
          title={redacted ? "Effort by workstream (hours)" : "Cost by workstream"}
          description={redacted ? "Labor rates are hidden for your role, so workstreams are shown in hours." : "Labor cost of each workstream."}
          summary={wsData.map((d) => `${d.label}: ${redacted ? `${formatNumber(d.base)} h` : money(d.base)} base, ${redacted ? `${formatNumber(d.mean)} h` : money(d.mean)} expected`).join("; ")}
          legend={<Legend2 />}
          table={{ columns: [{ key: "label", label: "Workstream" }, { key: "base", label: "Base plan", align: "right" }, { key: "mean", label: "Expected", align: "right" }], rows: wsData.map((d) => ({ label: d.label, base: redacted ? `${formatNumber(d.base)} h` : money(d.base), mean: redacted ? `${formatNumber(d.mean)} h` : money(d.mean) })) }}
        >
          <HorizontalBarChart data={wsData} series={SERIES} unit={redacted ? "hours" : "money"} currency={cur} />
        </ChartFrame>
        <ChartFrame
          title={redacted ? "Effort by role (hours)" : "Cost by role"}
          description="Workstreams grouped by who does the work."
          summary={roleData.map((d) => `${d.label}: ${redacted ? `${formatNumber(d.base)} h` : money(d.base)}`).join("; ")}
          legend={redacted ? <LegendItem color={CHART_COLORS.base} label="Base plan (hours)" /> : <Legend2 />}
          table={{ columns: [{ key: "label", label: "Role" }, { key: "base", label: "Base plan", align: "right" }, ...(redacted ? [] : [{ key: "mean", label: "Expected", align: "right" as const }])], rows: roleData.map((d) => ({ label: d.label, base: redacted ? `${formatNumber(d.base)} h` : money(d.base), mean: d.mean === null ? "" : money(d.mean) })) }}
        >
          <HorizontalBarChart data={roleData} series={redacted ? SERIES.slice(0, 1) : SERIES} unit={redacted ? "hours" : "money"} currency={cur} labelWidth={180} />
        </ChartFrame>
        <ChartFrame
          title="Cost by phase"
          description="Labor by phase share, project management by duration, license overlap where it accrues."
          summary={phaseData.map((d) => `${d.label}: ${money(d.base)} base, ${money(d.mean)} expected`).join("; ")}
          legend={<Legend2 />}
          table={{ columns: [{ key: "label", label: "Phase" }, { key: "base", label: "Base plan", align: "right" }, { key: "mean", label: "Expected", align: "right" }], rows: phaseData.map((d) => ({ label: d.label, base: money(d.base), mean: money(d.mean) })) }}
        >
          <HorizontalBarChart data={phaseData} series={SERIES} unit="money" currency={cur} labelWidth={200} />
        </ChartFrame>
        {redacted ? (
          <div className="rounded-lg bg-ink-50 p-4 text-sm text-ink-600 ring-1 ring-ink-200">
            <h3 className="text-sm font-semibold text-ink-900">Cost by month</h3>
            <p className="mt-1">Hidden for your role: month-to-month changes would reveal the license fees.</p>
          </div>
        ) : (
        <ChartFrame
            title="Cost by month (base plan)"
            description="Bars: cost in the month. Line: cumulative cost (right axis)."
            summary={`${months.length} months from ${months[0]?.month ?? "—"} to ${months[months.length - 1]?.month ?? "—"}; the busiest month is ${peak.month} at ${money(peak.costCents)}; cumulative ${money(months[months.length - 1]?.cumulativeCents)}.`}
            legend={
              <div className="flex flex-wrap gap-4">
                <LegendItem color={CHART_COLORS.base} label="In the month" />
                <LegendItem color={CHART_COLORS.p80} label="Cumulative" variant="line" />
              </div>
            }
            table={{ columns: [{ key: "month", label: "Month" }, { key: "cost", label: "Cost", align: "right" }, { key: "cum", label: "Cumulative", align: "right" }], rows: months.map((m) => ({ month: m.month, cost: money(m.costCents), cum: money(m.cumulativeCents) })) }}
          >
            <MonthlyCostChart months={months} currency={cur} />
          </ChartFrame>
        )}
      </div>

      <ScrollRegion label="Cost lines">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Cost lines with percentiles</caption>
          <thead className="text-xs text-ink-500">
            <tr className="border-b border-ink-100">
              <th scope="col" className="py-2 pr-3 font-medium">Cost line</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Base plan</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">P10</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">P50</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">P80</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">P90</th>
              <th scope="col" className="py-2 pl-3"><span className="sr-only">Explain</span></th>
            </tr>
          </thead>
          <tbody className="tabular">
            {view.cost.lines
              .filter((l) => l.base > 0 || l.mean > 0)
              .map((l) => (
                <tr key={l.key} className="border-b border-ink-50">
                  <th scope="row" className="py-2 pr-3 font-medium text-ink-800">{l.label}</th>
                  <td className="px-3 py-2 text-right">{money(l.base)}</td>
                  <td className="px-3 py-2 text-right">{money(l.percentiles.P10)}</td>
                  <td className="px-3 py-2 text-right">{money(l.percentiles.P50)}</td>
                  <td className="px-3 py-2 text-right">{money(l.percentiles.P80)}</td>
                  <td className="px-3 py-2 text-right">{money(l.percentiles.P90)}</td>
                  <td className="py-2 pl-3 text-right">{l.explainKey ? <Explain explanation={view.explanations[l.explainKey]} engagementId={engagementId} currency={cur} focus={[{ label: "P50", value: money(l.percentiles.P50) }, { label: "P80", value: money(l.percentiles.P80) }]} /> : null}</td>
                </tr>
              ))}
            <tr className="font-semibold">
              <th scope="row" className="py-2 pr-3 text-ink-900">Total</th>
              <td className="px-3 py-2 text-right">{money(view.cost.totalCents.base)}</td>
              <td className="px-3 py-2 text-right">{money(view.cost.totalCents.percentiles.P10)}</td>
              <td className="px-3 py-2 text-right">{money(view.cost.totalCents.percentiles.P50)}</td>
              <td className="px-3 py-2 text-right">{money(view.cost.totalCents.percentiles.P80)}</td>
              <td className="px-3 py-2 text-right">{money(view.cost.totalCents.percentiles.P90)}</td>
              <td className="py-2 pl-3 text-right"><Explain explanation={view.explanations["total.cost"]} engagementId={engagementId} currency={cur} focus={[{ label: "P50", value: money(view.cost.totalCents.percentiles.P50) }, { label: "P80", value: money(view.cost.totalCents.percentiles.P80) }]} /></td>
            </tr>
          </tbody>
        </table>
        <p className="mt-2 text-xs text-ink-500">Percentiles of the lines do not add up to the percentile of the total: each comes from different runs. The base plan has no risk events, so risk and slip lines are zero there.</p>
      </ScrollRegion>
    </div>
  );
}
