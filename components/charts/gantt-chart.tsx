"use client";
// Gantt of the phases and cutover waves: the base plan (most likely, no risk events) and the P80
// scenario as two bars per row, go-lives as diamonds, on a calendar axis (month starts).
import { Bar, BarChart, CartesianGrid, Cell, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartPlaceholder, useMounted } from "@/components/charts/use-mounted";
import { CHART_COLORS, longDate, monthTicks, shortMonth, weeksToIsoDate } from "@/components/charts/format";

export type GanttRow = {
  key: string;
  label: string;
  kind: "phase" | "wave";
  base: [number, number];
  p80: [number, number] | null;
  /** go-live week (waves) */
  goLive?: number | null;
};

function Diamond({ cx, cy }: { cx?: number; cy?: number }) {
  if (cx === undefined || cy === undefined) return null;
  const s = 6;
  return <path d={`M${cx},${cy - s} L${cx + s},${cy} L${cx},${cy + s} L${cx - s},${cy} Z`} fill={CHART_COLORS.ink} stroke="white" strokeWidth={1.5} />;
}

/** A vertical line across the chart: the P50 and P80 final go-live. */
export type GanttMarker = { weeks: number; label: string; color: string };

export function GanttChart({ rows, start, maxWeeks, markers = [] }: { rows: GanttRow[]; start: string; maxWeeks: number; markers?: GanttMarker[] }) {
  const ticks = monthTicks(start, maxWeeks, 10);
  const height = 40 + rows.length * 34;
  const mounted = useMounted();
  if (!mounted) return <ChartPlaceholder height={height} />;
  const tooltipRange = (r: [number, number]) => `${longDate(weeksToIsoDate(start, r[0]))} → ${longDate(weeksToIsoDate(start, r[1]))} (${(r[1] - r[0]).toFixed(1)} weeks)`;
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 800, height }}>
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }} barGap={1} barCategoryGap="22%">
        <CartesianGrid horizontal={false} stroke={CHART_COLORS.grid} />
        <XAxis
          type="number"
          domain={[0, Math.ceil(maxWeeks)]}
          ticks={ticks}
          tickFormatter={(w: number) => shortMonth(weeksToIsoDate(start, w))}
          tick={{ fontSize: 12, fill: CHART_COLORS.ink }}
          allowDataOverflow
        />
        <YAxis type="category" dataKey="label" width={210} tick={{ fontSize: 12, fill: CHART_COLORS.ink }} interval={0} />
        <Tooltip
          cursor={{ fill: "rgba(31,121,179,0.06)" }}
          formatter={(value, name) => [Array.isArray(value) ? tooltipRange(value as [number, number]) : String(value), name === "base" ? "Base plan" : "P80 scenario"]}
          labelStyle={{ fontWeight: 600 }}
        />
        <Bar dataKey="base" name="base" fill={CHART_COLORS.base} radius={3} isAnimationActive={false}>
          {rows.map((r) => <Cell key={r.key} fill={r.kind === "wave" ? CHART_COLORS.waveBase : CHART_COLORS.base} />)}
        </Bar>
        <Bar dataKey="p80" name="p80" fill={CHART_COLORS.p80Light} stroke={CHART_COLORS.p80} strokeWidth={1} radius={3} isAnimationActive={false} />
        {rows
          .filter((r) => r.goLive !== undefined && r.goLive !== null)
          .map((r) => (
            <ReferenceDot key={`go-${r.key}`} x={r.goLive as number} y={r.label} r={6} shape={<Diamond />} ifOverflow="extendDomain" />
          ))}
        {markers.map((m) => (
          <ReferenceLine key={m.label} x={m.weeks} stroke={m.color} strokeWidth={1.5} strokeDasharray="4 3" label={{ value: m.label, position: "insideTopRight", fill: m.color, fontSize: 11, fontWeight: 600 }} ifOverflow="extendDomain" />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
