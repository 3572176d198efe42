"use client";
// Horizontal bars by category, one or two series (e.g. base plan vs expected), values labelled.
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartPlaceholder, useMounted } from "@/components/charts/use-mounted";
import { CHART_COLORS, formatterFor, labelFor, niceTicks, type ValueUnit } from "@/components/charts/format";

export type BarSeries = { key: string; label: string; color: string };

export function HorizontalBarChart({
  data,
  series,
  unit,
  currency = "USD",
  labelWidth = 190,
  showValues = true,
}: {
  data: ({ label: string } & Record<string, number | string | null>)[];
  series: BarSeries[];
  unit: ValueUnit;
  currency?: string;
  labelWidth?: number;
  showValues?: boolean;
}) {
  const tick = formatterFor(unit, currency, "tick");
  const full = formatterFor(unit, currency, "full");
  const label = labelFor(unit, currency);
  const max = Math.max(0, ...data.flatMap((d) => series.map((s) => (typeof d[s.key] === "number" ? (d[s.key] as number) : 0))));
  const ticks = niceTicks(0, max || 1, 4);
  const perRow = series.length > 1 ? 34 : 26;
  const height = 36 + data.length * perRow;
  const mounted = useMounted();
  if (!mounted) return <ChartPlaceholder height={height} />;
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 480, height }}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: showValues ? 64 : 16, bottom: 4, left: 4 }} barGap={1} barCategoryGap="20%">
        <CartesianGrid horizontal={false} stroke={CHART_COLORS.grid} />
        <XAxis type="number" domain={[0, ticks[ticks.length - 1] as number]} ticks={ticks} tickFormatter={tick} tick={{ fontSize: 11, fill: CHART_COLORS.ink }} />
        <YAxis type="category" dataKey="label" width={labelWidth} interval={0} tick={{ fontSize: 12, fill: CHART_COLORS.ink }} />
        <Tooltip formatter={(v, name) => [full(Number(v)), series.find((s) => s.key === name)?.label ?? String(name)]} cursor={{ fill: "rgba(31,121,179,0.06)" }} />
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.key} fill={s.color} radius={[0, 3, 3, 0]} isAnimationActive={false}>
            {showValues ? <LabelList dataKey={s.key} position="right" formatter={(v: unknown) => (typeof v === "number" ? label(v) : "")} style={{ fontSize: 11, fill: CHART_COLORS.ink }} /> : null}
          </Bar>
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
