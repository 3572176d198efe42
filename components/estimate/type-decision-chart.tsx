"use client";
// Cumulative cost of ownership per migration type over ten years (one line per type), break-even marked.
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartPlaceholder, useMounted } from "@/components/charts/use-mounted";
import { CHART_COLORS, moneyCompact, moneyFull } from "@/components/charts/format";

export const TYPE_COLORS: Record<"A" | "B" | "C", string> = { A: CHART_COLORS.base, B: CHART_COLORS.p80, C: "#7c5cc4" };

export function TypeDecisionChart({
  series,
  breakEvens,
  currency = "USD",
  height = 260,
}: {
  series: { type: "A" | "B" | "C"; cumulativeCents: number[] }[];
  breakEvens: { type: "B" | "C"; years: number }[];
  currency?: string;
  height?: number;
}) {
  const mounted = useMounted();
  if (!mounted) return <ChartPlaceholder height={height} />;
  const years = series[0]?.cumulativeCents.length ?? 0;
  const data = Array.from({ length: years }, (_, y) => Object.fromEntries([["year", y], ...series.map((s) => [`T${s.type}`, s.cumulativeCents[y] ?? 0])]));
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 480, height }}>
      <LineChart data={data} margin={{ top: 8, right: 12, bottom: 4, left: 4 }}>
        <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
        <XAxis dataKey="year" type="number" domain={[0, years - 1]} ticks={data.map((d) => d.year as number)} tickFormatter={(v: number) => (v === 0 ? "Start" : `Yr ${v}`)} tick={{ fontSize: 11, fill: CHART_COLORS.ink }} />
        <YAxis tickFormatter={(v: number) => moneyCompact(v, currency)} tick={{ fontSize: 11, fill: CHART_COLORS.ink }} width={60} />
        <Tooltip labelFormatter={(v) => (Number(v) === 0 ? "Start" : `End of year ${v}`)} formatter={(v, name) => [moneyFull(Number(v), currency), `Type ${String(name).slice(1)}`]} />
        <Legend formatter={(name: string) => `Type ${name.slice(1)}`} wrapperStyle={{ fontSize: 12 }} />
        {breakEvens.map((b) => (
          <ReferenceLine key={b.type} x={b.years} stroke={TYPE_COLORS[b.type]} strokeDasharray="4 3" label={{ value: `${b.type} breaks even`, position: "insideTopLeft", fontSize: 11, fill: CHART_COLORS.ink }} />
        ))}
        {series.map((s) => (
          <Line key={s.type} dataKey={`T${s.type}`} name={`T${s.type}`} stroke={TYPE_COLORS[s.type]} strokeWidth={2} dot={{ r: 2 }} isAnimationActive={false} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
