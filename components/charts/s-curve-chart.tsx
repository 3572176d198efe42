"use client";
// S-curve: the cumulative probability of finishing within a duration (or a cost), with P50 and P80
// marked, and an optional target (go-live date or budget).
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartPlaceholder, useMounted } from "@/components/charts/use-mounted";
import { CHART_COLORS, formatterFor, labelFor, niceTicks, type ValueUnit } from "@/components/charts/format";

export type SCurveMarker = { label: string; value: number; color?: string };

export function SCurveChart({
  points,
  markers,
  unit,
  currency = "USD",
  xLabel,
  height = 270,
}: {
  points: { probability: number; value: number }[];
  markers: SCurveMarker[];
  unit: ValueUnit;
  currency?: string;
  xLabel: string;
  height?: number;
}) {
  const format = formatterFor(unit, currency, "full");
  const mounted = useMounted();
  if (!mounted) return <ChartPlaceholder height={height} />;
  const tickFormat = formatterFor(unit, currency, "tick");
  const markerLabel = labelFor(unit, currency);
  const data = points.map((p) => ({ value: p.value, probability: Math.round(p.probability * 1000) / 10 }));
  const lo = Math.min(...data.map((d) => d.value), ...markers.map((m) => m.value));
  const hi = Math.max(...data.map((d) => d.value), ...markers.map((m) => m.value));
  const ticks = niceTicks(lo, hi, 6);
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 480, height }}>
      <LineChart data={data} margin={{ top: 12, right: 24, bottom: 22, left: 4 }}>
        <CartesianGrid stroke={CHART_COLORS.grid} />
        <XAxis
          type="number"
          dataKey="value"
          domain={[ticks[0] as number, ticks[ticks.length - 1] as number]}
          ticks={ticks}
          tickFormatter={tickFormat}
          tick={{ fontSize: 12, fill: CHART_COLORS.ink }}
          label={{ value: xLabel, position: "insideBottom", offset: -14, fontSize: 12, fill: CHART_COLORS.muted }}
        />
        <YAxis
          type="number"
          domain={[0, 100]}
          ticks={[0, 20, 40, 50, 60, 80, 100]}
          tickFormatter={(v: number) => `${v}%`}
          tick={{ fontSize: 12, fill: CHART_COLORS.ink }}
          width={44}
        />
        <Tooltip formatter={(v) => [`${v}%`, "Probability"]} labelFormatter={(v) => `Within ${format(Number(v))}`} />
        <ReferenceLine y={50} stroke={CHART_COLORS.grid} strokeDasharray="4 4" />
        <ReferenceLine y={80} stroke={CHART_COLORS.grid} strokeDasharray="4 4" />
        {markers.map((m, i) => (
          <ReferenceLine
            key={m.label}
            x={m.value}
            stroke={m.color ?? CHART_COLORS.ink}
            strokeDasharray={m.label.startsWith("Target") ? "2 3" : "5 3"}
            // labels sit where the curve is not: left of the line at the top for the first (the curve is
            // still low there), right of the line at the bottom for the next ones (the curve is already high)
            label={{ value: `${m.label} ${markerLabel(m.value)}`, position: i === 0 ? "insideTopRight" : "insideBottomLeft", fontSize: 11, fontWeight: 600, fill: m.color ?? CHART_COLORS.ink, dy: i >= 2 ? -14 * (i - 1) : 0 }}
          />
        ))}
        <Line type="monotone" dataKey="probability" stroke={CHART_COLORS.base} strokeWidth={2.5} dot={false} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
