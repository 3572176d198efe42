// Timeline: the Gantt of phases and cutover waves (base plan vs the P80 scenario) and the phases table.
import Link from "@/components/ui/link";
import type { EstimateView } from "@/lib/estimates/view";
import type { Commitment } from "@/lib/estimates/commitment";
import { ChartFrame, LegendItem } from "@/components/charts/chart-frame";
import { GanttChart, type GanttRow } from "@/components/charts/gantt-chart";
import { CHART_COLORS } from "@/components/charts/format";
import { formatDate } from "@/components/ui/format";
import { Explain } from "@/components/estimate/explain";
import { ScrollRegion } from "@/components/ui/scroll-region";

const w1 = (v: number | undefined) => (v === undefined ? "—" : v.toFixed(1));

export function ganttRows(view: EstimateView): GanttRow[] {
  const p80 = new Map(view.gantt.p80.map((b) => [b.key, b]));
  const goLive = new Map(view.gantt.base.filter((b) => b.kind === "go_live").map((b) => [b.key.replace("go_live.", "wave."), b.startWeek]));
  return view.gantt.base
    .filter((b) => b.kind !== "go_live")
    .map((b) => {
      const q = p80.get(b.key);
      return {
        key: b.key,
        label: b.kind === "wave" ? `  ${b.label}` : b.label,
        kind: b.kind === "wave" ? "wave" : "phase",
        base: [b.startWeek, b.endWeek],
        p80: q ? [q.startWeek, q.endWeek] : null,
        goLive: goLive.get(b.key) ?? null,
      };
    });
}

export function TimelineSection({ view, commitment, engagementId }: { view: EstimateView; commitment: Commitment; engagementId: string }) {
  const rows = ganttRows(view);
  const maxWeeks = Math.max(...view.gantt.p80.map((b) => b.endWeek), ...view.gantt.base.map((b) => b.endWeek));
  const baseByKey = new Map(view.gantt.base.map((b) => [b.key, b]));
  const p80ByKey = new Map(view.gantt.p80.map((b) => [b.key, b]));
  const cur = view.input.currency;
  const phases = (["P0", "P1", "P2", "P3", "P4"] as const).map((p) => ({ key: p, ...view.duration.phases[p] }));
  const last = view.waves.waves[view.waves.waves.length - 1];
  return (
    <div className="space-y-6">
      <ChartFrame
        title="Gantt — phases and cutover waves"
        description={`From the planned start (${formatDate(view.input.plannedStart)}). Solid: base plan (most likely, no risk events — chance as a whole ${commitment.basePlan.completionChance.words}). Outlined: the P80 scenario. ◆ marks each wave's base-plan go-live; dashed lines the P50 and P80 final go-live.`}
        summary={`Final go-live ${formatDate(commitment.expect.goLive)} at P50, ${formatDate(commitment.commit.goLive)} at P80. Base plan: ${rows.map((r) => `${r.label.trim()} ${formatDate(baseByKey.get(r.key)?.start)} to ${formatDate(baseByKey.get(r.key)?.end)}`).join("; ")}. Final go-live ${formatDate(view.basePlan.finalGoLiveDate)}, completion ${formatDate(view.basePlan.endDate)}.`}
        legend={
          <div className="flex flex-wrap gap-4">
            <LegendItem color={CHART_COLORS.base} label="Phase (base plan)" />
            <LegendItem color={CHART_COLORS.waveBase} label="Cutover wave (base plan)" />
            <LegendItem color={CHART_COLORS.p80Light} label="P80 scenario" />
            <LegendItem color={CHART_COLORS.ink} label="Go-live (base plan)" variant="diamond" />
            <LegendItem color={CHART_COLORS.base} label={`P50 final go-live ${formatDate(commitment.expect.goLive)}`} variant="line" />
            <LegendItem color={CHART_COLORS.p80} label={`P80 final go-live ${formatDate(commitment.commit.goLive)}`} variant="line" />
          </div>
        }
        table={{
          columns: [
            { key: "row", label: "Phase / wave" },
            { key: "start", label: "Base start" },
            { key: "end", label: "Base end" },
            { key: "p80end", label: "P80 end" },
            { key: "golive", label: "Go-live (base)" },
          ],
          rows: rows.map((r) => ({
            row: r.label.trim(),
            start: formatDate(baseByKey.get(r.key)?.start),
            end: formatDate(baseByKey.get(r.key)?.end),
            p80end: formatDate(p80ByKey.get(r.key)?.end),
            golive: r.goLive !== null && r.goLive !== undefined ? formatDate(view.gantt.base.find((b) => b.key === r.key.replace("wave.", "go_live."))?.start) : "",
          })),
        }}
      >
        <GanttChart
          rows={rows}
          start={view.input.plannedStart}
          maxWeeks={maxWeeks}
          markers={[
            { weeks: view.duration.finalGoLiveWeeks.percentiles.P50 ?? 0, label: "P50", color: CHART_COLORS.base },
            { weeks: view.duration.finalGoLiveWeeks.percentiles.P80 ?? 0, label: "P80", color: CHART_COLORS.p80 },
          ]}
        />
      </ChartFrame>
      {view.waves.derived ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          No cutover waves are entered, so the engine derived {view.waves.waves.length}. {view.waves.basis}{" "}
          <Link className="font-medium underline" href={`/engagements/${engagementId}/assumptions#field-waves`}>Enter the real wave plan</Link>.
        </p>
      ) : null}

      <ScrollRegion label="Phase durations">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Phase durations in weeks</caption>
          <thead className="text-xs text-ink-500">
            <tr className="border-b border-ink-100">
              <th scope="col" className="py-2 pr-3 font-medium">Phase</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Base</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">P50</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">P80</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Field minimum</th>
              <th scope="col" className="px-3 py-2 font-medium">Dates (base plan: chance {commitment.basePlan.completionChance.words})</th>
              <th scope="col" className="py-2 pl-3 font-medium"><span className="sr-only">Explain</span></th>
            </tr>
          </thead>
          <tbody className="tabular">
            {phases.map((p) => (
              <tr key={p.key} className="border-b border-ink-50">
                <th scope="row" className="py-2 pr-3 font-medium text-ink-800">{p.label}</th>
                <td className="px-3 py-2 text-right">{w1(p.base)} wk</td>
                <td className="px-3 py-2 text-right">{w1(p.percentiles.P50)} wk</td>
                <td className="px-3 py-2 text-right">{w1(p.percentiles.P80)} wk</td>
                <td className="px-3 py-2 text-right text-ink-500">{w1(p.fieldMinimumWeeks)} wk</td>
                <td className="px-3 py-2 text-ink-600">{formatDate(baseByKey.get(p.key)?.start)} – {formatDate(baseByKey.get(p.key)?.end)}</td>
                <td className="py-2 pl-3 text-right"><Explain explanation={view.explanations[`phase.${p.key}`]} engagementId={engagementId} currency={cur} focus={[{ label: "P50", value: `${w1(p.percentiles.P50)} weeks` }, { label: "P80", value: `${w1(p.percentiles.P80)} weeks` }]} /></td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-2 text-xs text-ink-500">
          Phase 1 is bound by <strong>{view.basePlan.phase1.binding}</strong> in the base plan. Percentiles of phases do not add up to the percentile of the total: they come from different runs.
          {last ? ` Last wave (${last.name}) goes live ${formatDate(last.baseGoLiveDate)} in the base plan; the final go-live is ${formatDate(commitment.expect.goLive)} at P50 and ${formatDate(commitment.commit.goLive)} at P80.` : ""}
        </p>
      </ScrollRegion>
    </div>
  );
}
