"use client";
// Two S-curves on one axis: a baseline's and the current estimate's.
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartPlaceholder, useMounted } from "@/components/charts/use-mounted";
import { CHART_COLORS, formatterFor, niceTicks, type ValueUnit } from "@/components/charts/format";

export function CompareSCurveChart({ then, now, unit, currency = "USD", xLabel, thenLabel, height = 260 }: { then: { probability: number; value: number }[]; now: { probability: number; value: number }[]; unit: ValueUnit; currency?: string; xLabel: string; thenLabel: string; height?: number }) {
  const tick = formatterFor(unit, currency, "tick");
  const mounted = useMounted();
  if (!mounted) return <ChartPlaceholder height={height} />;
  const full = formatterFor(unit, currency, "full");
  const map = (pts: { probability: number; value: number }[]) => pts.map((p) => ({ value: p.value, probability: Math.round(p.probability * 1000) / 10 }));
  const all = [...then, ...now].map((p) => p.value);
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const ticks = niceTicks(lo, hi, 6);
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 480, height }}>
      <LineChart margin={{ top: 8, right: 20, bottom: 22, left: 4 }}>
        <CartesianGrid stroke={CHART_COLORS.grid} />
        <XAxis type="number" dataKey="value" domain={[ticks[0] as number, ticks[ticks.length - 1] as number]} ticks={ticks} tickFormatter={tick} tick={{ fontSize: 12, fill: CHART_COLORS.ink }} label={{ value: xLabel, position: "insideBottom", offset: -14, fontSize: 12, fill: CHART_COLORS.muted }} />
        <YAxis type="number" domain={[0, 100]} ticks={[0, 20, 50, 80, 100]} tickFormatter={(v: number) => `${v}%`} tick={{ fontSize: 12, fill: CHART_COLORS.ink }} width={44} />
        <Tooltip formatter={(v, name) => [`${v}%`, name === "then" ? thenLabel : "Now"]} labelFormatter={(v) => `Within ${full(Number(v))}`} />
        <Line data={map(then)} dataKey="probability" name="then" stroke={CHART_COLORS.muted} strokeDasharray="5 4" strokeWidth={2} dot={false} isAnimationActive={false} />
        <Line data={map(now)} dataKey="probability" name="now" stroke={CHART_COLORS.base} strokeWidth={2.5} dot={false} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
