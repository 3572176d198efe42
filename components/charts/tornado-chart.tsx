"use client";
// Tornado: for each driver, how far the mean outcome moves when the driver is at its low end (left)
// or its high end (right), relative to the overall mean; largest swing on top.
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartPlaceholder, useMounted } from "@/components/charts/use-mounted";
import { CHART_COLORS, formatterFor, type ValueUnit } from "@/components/charts/format";

export type TornadoRow = { label: string; low: number; high: number; lowLabel: string; highLabel: string };

export function TornadoChart({ rows, center, unit, currency = "USD", centerLabel }: { rows: TornadoRow[]; center: number; unit: ValueUnit; currency?: string; centerLabel: string }) {
  const tick = formatterFor(unit, currency, "tick");
  const full = formatterFor(unit, currency, "full");
  const signed = (v: number) => (Math.abs(v) < 1e-9 ? "0" : v > 0 ? `+${tick(v)}` : `−${tick(-v)}`);
  const data = rows.map((r) => ({
    label: r.label,
    down: Math.min(r.low, r.high) - center,
    up: Math.max(r.low, r.high) - center,
    lowLabel: r.low <= r.high ? r.lowLabel : r.highLabel,
    highLabel: r.low <= r.high ? r.highLabel : r.lowLabel,
    lowValue: Math.min(r.low, r.high),
    highValue: Math.max(r.low, r.high),
  }));
  const extent = Math.max(1e-9, ...data.map((d) => Math.max(Math.abs(d.down), Math.abs(d.up))));
  const height = 40 + data.length * 30;
  const mounted = useMounted();
  if (!mounted) return <ChartPlaceholder height={height} />;
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 640, height }}>
      <BarChart data={data} layout="vertical" stackOffset="sign" margin={{ top: 18, right: 24, bottom: 4, left: 4 }} barCategoryGap="18%">
        <CartesianGrid horizontal={false} stroke={CHART_COLORS.grid} />
        <XAxis type="number" domain={[-extent * 1.05, extent * 1.05]} tickFormatter={signed} tick={{ fontSize: 11, fill: CHART_COLORS.ink }} tickCount={7} />
        <YAxis type="category" dataKey="label" width={250} interval={0} tick={{ fontSize: 12, fill: CHART_COLORS.ink }} />
        <Tooltip
          formatter={(_v, name, item) => {
            const p = item.payload as (typeof data)[number];
            return name === "down" ? [`${full(p.lowValue)} (${p.lowLabel})`, "Low end"] : [`${full(p.highValue)} (${p.highLabel})`, "High end"];
          }}
          cursor={{ fill: "rgba(31,121,179,0.06)" }}
        />
        <ReferenceLine x={0} stroke={CHART_COLORS.ink} label={{ value: `${centerLabel} ${full(center)}`, position: "top", fontSize: 11, fill: CHART_COLORS.ink }} />
        <Bar dataKey="down" name="down" stackId="t" fill={CHART_COLORS.base} isAnimationActive={false} />
        <Bar dataKey="up" name="up" stackId="t" fill={CHART_COLORS.p80} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
