// Where the money goes: expected cost per line (bar) with its P80 (tick), as SVG.
import { useId } from "react";
import { formatMoneyShort } from "@/lib/report/format";
import { COST_LINE_GROUP_LABELS, type ReportView } from "@/lib/report/model";

const GROUP_COLORS = { labor: "#155f91", license: "#7a5af8", risk: "#b54708" } as const;

export function CostBars({ report }: { report: ReportView }) {
  const uid = useId();
  const cur = report.meta.currency;
  const lines = report.costs.lines.filter((l) => l.mean > 0).sort((a, b) => b.mean - a.mean);
  const width = 1000;
  const labelW = 330;
  const valueW = 90;
  const rowH = 26;
  const height = lines.length * rowH + 6;
  const max = Math.max(...lines.map((l) => l.p80 ?? l.mean), 1);
  const w = (v: number) => (v / max) * (width - labelW - valueW - 10);
  return (
    <figure>
      <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full" role="img" aria-labelledby={`${uid}-t ${uid}-d`}>
        <title id={`${uid}-t`}>Expected cost by line</title>
        <desc id={`${uid}-d`}>{lines.map((l) => `${l.label}: ${formatMoneyShort(l.mean, cur)} expected${l.p80 !== null ? `, ${formatMoneyShort(l.p80, cur)} at P80` : ""}`).join("; ")}.</desc>
        {lines.map((l, i) => {
          const y = i * rowH;
          return (
            <g key={l.key}>
              <text x={0} y={y + rowH / 2 + 4.5} fontSize={13} fill="#364152">{l.label}</text>
              <rect x={labelW} y={y + 6} width={Math.max(2, w(l.mean))} height={rowH - 12} rx={2} fill={GROUP_COLORS[l.group]} />
              {l.p80 !== null ? <line x1={labelW + w(l.p80)} x2={labelW + w(l.p80)} y1={y + 3} y2={y + rowH - 3} stroke="#121926" strokeWidth={1.6} /> : null}
              <text x={width} y={y + rowH / 2 + 4.5} fontSize={13} fontWeight={600} fill="#121926" textAnchor="end">{formatMoneyShort(l.mean, cur)}</text>
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-xs text-ink-600">
        <span className="inline-flex items-center gap-1.5"><span className="inline-block size-2.5 rounded-sm bg-[#155f91]" aria-hidden /> {COST_LINE_GROUP_LABELS.labor}</span>
        <span className="inline-flex items-center gap-1.5"><span className="inline-block size-2.5 rounded-sm bg-[#7a5af8]" aria-hidden /> {COST_LINE_GROUP_LABELS.license}</span>
        <span className="inline-flex items-center gap-1.5"><span className="inline-block size-2.5 rounded-sm bg-[#b54708]" aria-hidden /> {COST_LINE_GROUP_LABELS.risk}</span>
        <span className="inline-flex items-center gap-1.5"><span className="inline-block h-3 w-0 border-l-2 border-ink-900" aria-hidden /> P80 of the line</span>
        <span>Bars show the expected (mean) cost.</span>
      </figcaption>
    </figure>
  );
}
