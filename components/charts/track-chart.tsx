// Go-live tracks as a Gantt: one row per concurrent track, each wave a bar (preparation to the end of its
// stabilisation) with its go-live as a diamond (orange when a blackout moved it), blackout windows shaded.
// Plain SVG (renders on the server, prints, scales with its container); pair it with its data table.
import { CHART_COLORS, monthTicks, shortMonth, weeksToIsoDate } from "@/components/charts/format";

export type TrackWave = { name: string; /** 1-based */ track: number; startWeek: number; goLiveWeek: number; endWeek: number; moved: boolean; title: string };
export type TrackBlackout = { label: string; startWeek: number; endWeek: number; title: string };

export const BLACKOUT_FILL = "#fde7c2";
export const MOVED_COLOR = CHART_COLORS.p80;

export function TrackChart({ start, waves, blackouts }: { start: string; waves: TrackWave[]; blackouts: TrackBlackout[] }) {
  if (waves.length === 0) return null;
  const tracks = Math.max(1, ...waves.map((w) => w.track));
  const from = Math.max(0, Math.min(...waves.map((w) => w.startWeek)) - 2);
  const to = Math.max(...waves.map((w) => w.endWeek)) + 2;
  const shown = blackouts.filter((b) => b.endWeek > from && b.startWeek < to);
  const W = 800, left = 70, right = 12, top = 8, rowH = 36, axisH = 22;
  const H = top + tracks * rowH + axisH;
  const x = (w: number) => left + ((Math.min(Math.max(w, from), to) - from) / (to - from)) * (W - left - right);
  const ticks = monthTicks(start, to, 40).filter((t) => t >= from);
  const step = Math.max(1, Math.ceil(ticks.length / 10));
  const barH = rowH - 14;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" aria-hidden focusable="false">
      {ticks.filter((_, i) => i % step === 0).map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={top} y2={top + tracks * rowH} stroke={CHART_COLORS.grid} />
          <text x={x(t)} y={H - 6} fontSize={11} textAnchor="middle" fill={CHART_COLORS.ink}>{shortMonth(weeksToIsoDate(start, t))}</text>
        </g>
      ))}
      {shown.map((b) => (
        <rect key={`${b.label}-${b.startWeek}`} x={x(b.startWeek)} y={top} width={Math.max(2, x(b.endWeek) - x(b.startWeek))} height={tracks * rowH} fill={BLACKOUT_FILL}>
          <title>{b.title}</title>
        </rect>
      ))}
      {Array.from({ length: tracks }, (_, t) => (
        <text key={t} x={4} y={top + t * rowH + rowH / 2 + 4} fontSize={12} fill={CHART_COLORS.ink}>Track {t + 1}</text>
      ))}
      {waves.map((w) => {
        const y = top + (w.track - 1) * rowH + 7;
        const x0 = x(w.startWeek), x1 = x(w.endWeek), g = x(w.goLiveWeek);
        return (
          <g key={w.name}>
            <rect x={x0} y={y} width={Math.max(3, x1 - x0)} height={barH} rx={3} fill={CHART_COLORS.waveBase}>
              <title>{w.title}</title>
            </rect>
            {x1 - x0 > 70 ? <text x={x0 + 5} y={y + barH / 2 + 4} fontSize={11} fill="white">{w.name.length > 16 ? `${w.name.slice(0, 15)}…` : w.name}</text> : null}
            <path d={`M${g},${y - 3} L${g + 6},${y + barH / 2} L${g},${y + barH + 3} L${g - 6},${y + barH / 2} Z`} fill={w.moved ? MOVED_COLOR : CHART_COLORS.ink} stroke="white" strokeWidth={1.5} />
          </g>
        );
      })}
    </svg>
  );
}
