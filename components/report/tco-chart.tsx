// The report's cost-of-ownership chart: cumulative cost per migration type over ten years, one line per
// type, break-even years dashed. Plain SVG (prints; the same shape as the PDF's).
import type { TypeDecision } from "@/lib/estimate/tco";
import { formatMoneyShort } from "@/lib/report/format";
import { niceTicks } from "@/components/charts/format";

export const TCO_COLORS: Record<"A" | "B" | "C", string> = { A: "#1f79b3", B: "#d97706", C: "#7c5cc4" };

export function TcoChart({ decision, currency }: { decision: TypeDecision; currency: string }) {
  const W = 640, H = 220, left = 64, right = 70, top = 10, bottom = 24;
  const years = decision.horizonYears;
  const max = Math.max(1, ...decision.types.flatMap((t) => t.cumulativeCents));
  const yTicks = niceTicks(0, max, 4);
  const yMax = yTicks[yTicks.length - 1] ?? max;
  const x = (y: number) => left + (y / years) * (W - left - right);
  const y = (c: number) => top + (1 - c / yMax) * (H - top - bottom);
  // end labels at least 13 px apart
  const labelY = new Map<string, number>();
  [...decision.types].sort((a, b) => y(a.at10Cents) - y(b.at10Cents)).forEach((t, i, all) => {
    const prev = i > 0 ? (labelY.get(all[i - 1]!.type) as number) : -Infinity;
    labelY.set(t.type, Math.max(y(t.at10Cents) + 4, prev + 13));
  });
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full max-w-3xl" aria-hidden focusable="false">
      {yTicks.map((t) => (
        <g key={t}>
          <line x1={left} x2={W - right} y1={y(t)} y2={y(t)} stroke="#e5e8ee" />
          <text x={left - 6} y={y(t) + 4} fontSize={10} textAnchor="end" fill="#364152">{formatMoneyShort(t, currency)}</text>
        </g>
      ))}
      {Array.from({ length: years + 1 }, (_, i) => (
        <text key={i} x={x(i)} y={H - 6} fontSize={10} textAnchor="middle" fill="#364152">{i === 0 ? "Start" : `Yr ${i}`}</text>
      ))}
      {decision.breakEven.filter((b) => b.years !== null && b.years > 0).map((b) => (
        <line key={b.type} x1={x(b.years as number)} x2={x(b.years as number)} y1={top} y2={H - bottom} stroke={TCO_COLORS[b.type]} strokeDasharray="4 3" />
      ))}
      {decision.types.map((t) => (
        <g key={t.type}>
          <polyline fill="none" stroke={TCO_COLORS[t.type]} strokeWidth={2} points={t.cumulativeCents.map((c, i) => `${x(i)},${y(c)}`).join(" ")} />
          <text x={W - right + 6} y={labelY.get(t.type)} fontSize={11} fill={TCO_COLORS[t.type]} fontWeight={600}>Type {t.type}</text>
        </g>
      ))}
    </svg>
  );
}
