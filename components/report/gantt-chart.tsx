// The phase Gantt with cutover waves, drawn as SVG (scales with its container, prints as vectors).
// Solid bars: the base plan; dashed outlines: the P80 scenario; diamonds: wave go-lives; dashed lines:
// P50 and P80 final go-live. Presentational: the rows and ticks come from lib/report/presenters.
import { useId } from "react";
import { formatMonthKey, formatReportDate } from "@/lib/report/format";
import { ganttRows, ganttTicks } from "@/lib/report/presenters";
import type { ReportView } from "@/lib/report/model";

const PHASE_COLORS: Record<string, string> = { P0: "#8590a2", P1: "#155f91", P2: "#7a5af8", P3: "#1f79b3", P4: "#4b5565" };

export function GanttChart({ report }: { report: ReportView }) {
  const uid = useId();
  const rows = ganttRows(report);
  const width = 1000;
  const labelW = 240;
  const rowH = 30;
  const top = 34;
  const chartW = width - labelW - 16;
  const m = report.timeline.markers;
  const maxWeeks = Math.max(m.p80EndWeeks, ...report.timeline.bars.map((b) => b.endWeek), ...report.timeline.p80Bars.map((b) => b.endWeek)) * 1.02;
  const x = (w: number) => labelW + (w / maxWeeks) * chartW;
  const bottom = top + rows.length * rowH;
  const height = bottom + 48;
  const ticks = ganttTicks(report.meta.plannedStart, maxWeeks, 12).filter((t) => x(t.weeks) < width - 72);
  const p80ByKey = new Map(report.timeline.p80Bars.map((b) => [b.key, b]));
  const markers = [
    { weeks: m.p50GoLiveWeeks, label: `P50 final go-live · ${formatReportDate(report.headline.goLive.p50)}`, color: "#104a72" },
    { weeks: m.p80GoLiveWeeks, label: `P80 final go-live · ${formatReportDate(report.headline.goLive.p80)}`, color: "#b42318" },
  ];

  return (
    <figure>
      <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" role="img" aria-labelledby={`${uid}-t ${uid}-d`}>
        <title id={`${uid}-t`}>Phase plan with cutover waves</title>
        <desc id={`${uid}-d`}>
          {rows.map((r) => `${r.label}: ${formatReportDate(r.bar.start)} to ${formatReportDate(r.bar.end)}`).join("; ")}. P50 final go-live {formatReportDate(report.headline.goLive.p50)}, P80 final go-live {formatReportDate(report.headline.goLive.p80)}.
        </desc>
        {ticks.map((t) => (
          <g key={t.month}>
            <line x1={x(t.weeks)} x2={x(t.weeks)} y1={top - 6} y2={bottom} stroke="#eceef2" strokeWidth={1} />
            <text x={x(t.weeks) + 3} y={top - 12} fontSize={12} fill="#667085">{formatMonthKey(t.month)}</text>
          </g>
        ))}
        {rows.map((row, i) => {
          const y = top + i * rowH;
          const color = PHASE_COLORS[row.bar.phase] ?? "#1f79b3";
          const p80 = p80ByKey.get(row.bar.key);
          const barH = row.indent ? 10 : 14;
          return (
            <g key={row.bar.key}>
              {i % 2 === 0 ? <rect x={0} y={y} width={width} height={rowH} fill="#f6f7f9" /> : null}
              <text x={row.indent ? 20 : 6} y={y + rowH / 2 + 4.5} fontSize={row.indent ? 12 : 13} fontWeight={row.indent ? 400 : 600} fill={row.indent ? "#4b5565" : "#121926"}>
                {row.label}
              </text>
              {p80 && row.kind === "phase" ? (
                <rect x={x(p80.startWeek)} y={y + 6} width={Math.max(1, x(p80.endWeek) - x(p80.startWeek))} height={rowH - 12} fill="none" stroke={color} strokeWidth={1.2} strokeDasharray="4 3" rx={2} />
              ) : null}
              <rect x={x(row.bar.startWeek)} y={y + (rowH - barH) / 2} width={Math.max(2, x(row.bar.endWeek) - x(row.bar.startWeek))} height={barH} fill={color} fillOpacity={row.indent ? 0.55 : 1} rx={2}>
                <title>{`${row.label}: ${formatReportDate(row.bar.start)} – ${formatReportDate(row.bar.end)}`}</title>
              </rect>
              {row.goLiveWeeks !== null ? (
                <path d={`M ${x(row.goLiveWeeks)} ${y + 5} l 8 ${rowH / 2 - 5} l -8 ${rowH / 2 - 5} l -8 ${-(rowH / 2 - 5)} z`} fill="#121926">
                  <title>{`${row.label} go-live`}</title>
                </path>
              ) : null}
            </g>
          );
        })}
        {markers.map((mk, i) => (
          <g key={mk.label}>
            <line x1={x(mk.weeks)} x2={x(mk.weeks)} y1={top - 4} y2={bottom + 6} stroke={mk.color} strokeWidth={1.6} strokeDasharray="5 4" />
            <text x={x(mk.weeks)} y={bottom + 22 + i * 16} fontSize={12} fontWeight={600} fill={mk.color} textAnchor={x(mk.weeks) > width - 140 ? "end" : "middle"}>
              {mk.label}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-xs text-ink-600">
        <span className="inline-flex items-center gap-1.5"><span className="inline-block h-2.5 w-5 rounded-sm bg-brand-600" aria-hidden /> Base plan (most likely, no risk event)</span>
        <span className="inline-flex items-center gap-1.5"><span className="inline-block h-2.5 w-5 rounded-sm border border-dashed border-brand-600" aria-hidden /> P80 scenario</span>
        <span className="inline-flex items-center gap-1.5"><span className="inline-block size-2.5 rotate-45 bg-ink-900" aria-hidden /> Wave go-live</span>
        <span className="inline-flex items-center gap-1.5"><span className="inline-block h-0 w-5 border-t-2 border-dashed border-brand-700" aria-hidden /> P50 / <span className="text-red-700">P80</span> final go-live</span>
      </figcaption>
    </figure>
  );
}
