"use client";
// Cost by calendar month (bars) with the cumulative cost (line, right axis).
import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartPlaceholder, useMounted } from "@/components/charts/use-mounted";
import { CHART_COLORS, moneyCompact, moneyFull, shortMonth } from "@/components/charts/format";

export function MonthlyCostChart({ months, currency = "USD", height = 280 }: { months: { month: string; costCents: number; cumulativeCents: number }[]; currency?: string; height?: number }) {
  const data = months.map((m) => ({ ...m, label: shortMonth(`${m.month}-01`) }));
  const mounted = useMounted();
  if (!mounted) return <ChartPlaceholder height={height} />;
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 480, height }}>
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 4, left: 4 }}>
        <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
        <XAxis dataKey="label" tick={{ fontSize: 11, fill: CHART_COLORS.ink }} interval="preserveStartEnd" minTickGap={8} />
        <YAxis yAxisId="m" tickFormatter={(v: number) => moneyCompact(v, currency)} tick={{ fontSize: 11, fill: CHART_COLORS.ink }} width={56} />
        <YAxis yAxisId="c" orientation="right" tickFormatter={(v: number) => moneyCompact(v, currency)} tick={{ fontSize: 11, fill: CHART_COLORS.muted }} width={56} />
        <Tooltip formatter={(v, name) => [moneyFull(Number(v), currency), name === "costCents" ? "In the month" : "Cumulative"]} />
        <Bar yAxisId="m" dataKey="costCents" name="costCents" fill={CHART_COLORS.base} radius={[2, 2, 0, 0]} isAnimationActive={false} />
        <Line yAxisId="c" dataKey="cumulativeCents" name="cumulativeCents" stroke={CHART_COLORS.p80} strokeWidth={2} dot={false} isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
