"use client";
// Likelihood × impact heat map: a real table (caption, row and column headers, a label per cell),
// colored green → amber → red by severity, with the band also written in each cell (never color alone).
// Clicking (or Enter/Space on) a cell lists its risks below the grid. Presentational: data comes in props.
import { useId, useMemo, useState } from "react";
import Link from "@/components/ui/link";
import { cn } from "@/components/ui/cn";
import { formatNumber } from "@/components/ui/format";
import type { RiskMatrix } from "@/lib/engagement-format/schema";
import { buildHeatMap, SEVERITY_LABELS, type HeatMapCell, type HeatMapMode, type HeatMapRisk, type SeverityBand } from "@/lib/risk-matrix/heat-map";
import { ScrollRegion } from "@/components/ui/scroll-region";

export type HeatMapProps = {
  matrix: Pick<RiskMatrix, "size" | "likelihoodLabels" | "impactLabels">;
  risks: HeatMapRisk[];
  mode: HeatMapMode;
  /** heading above the grid; defaults to "Inherent risk" / "Residual risk" */
  title?: string;
  /** link for a listed risk, with "{id}" replaced (e.g. "/engagements/x/risks?risk={id}"); no link when absent */
  riskHrefTemplate?: string;
  className?: string;
};

// full cell (has risks) and faint cell (empty) per band
export const SEVERITY_CELL_CLASSES: Record<SeverityBand, { full: string; faint: string; swatch: string }> = {
  low: { full: "bg-emerald-200 text-emerald-950 hover:bg-emerald-300", faint: "bg-emerald-50 text-emerald-800/60", swatch: "bg-emerald-200" },
  medium: { full: "bg-amber-200 text-amber-950 hover:bg-amber-300", faint: "bg-amber-50 text-amber-800/60", swatch: "bg-amber-200" },
  high: { full: "bg-orange-300 text-orange-950 hover:bg-orange-400", faint: "bg-orange-50 text-orange-800/60", swatch: "bg-orange-300" },
  critical: { full: "bg-red-500 text-white hover:bg-red-600", faint: "bg-red-50 text-red-800/60", swatch: "bg-red-500" },
};

const MODE_TITLES: Record<HeatMapMode, string> = { inherent: "Inherent risk", residual: "Residual risk" };

export function HeatMap({ matrix, risks, mode, title, riskHrefTemplate, className }: HeatMapProps) {
  const model = useMemo(() => buildHeatMap(matrix, risks, mode), [matrix, risks, mode]);
  const [selected, setSelected] = useState<{ l: number; i: number } | null>(null);
  const uid = useId();
  const heading = title ?? MODE_TITLES[mode];
  const lLabel = (l: number) => matrix.likelihoodLabels[l - 1] ?? `Level ${l}`;
  const iLabel = (i: number) => matrix.impactLabels[i - 1] ?? `Level ${i}`;
  const cellName = (c: HeatMapCell) => `${lLabel(c.likelihood)} likelihood × ${iLabel(c.impact)} impact`;
  const selectedCell = selected ? model.rows.flat().find((c) => c.likelihood === selected.l && c.impact === selected.i) ?? null : null;

  return (
    <section aria-labelledby={`${uid}-title`} className={cn("min-w-0", className)}>
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={`${uid}-title`} className="text-sm font-semibold">{heading}</h3>
        <p className="text-xs text-ink-500">
          {formatNumber(model.total)} risk{model.total === 1 ? "" : "s"}
          {mode === "residual" && model.fallbackCount > 0 ? ` · ${formatNumber(model.fallbackCount)} without a residual rating, shown at their inherent level` : ""}
        </p>
      </div>

      <div className="flex gap-2">
        {/* the vertical axis title */}
        <div className="flex w-5 shrink-0 items-center justify-center" aria-hidden>
          <span className="-rotate-90 text-xs font-medium tracking-wide whitespace-nowrap text-ink-500 uppercase">Likelihood →</span>
        </div>
        <ScrollRegion label={heading} className="min-w-0 flex-1">
          <table className="w-full table-fixed border-separate border-spacing-1 text-xs">
            <caption className="sr-only">
              {heading}: number of risks in each cell of the {matrix.size}×{matrix.size} likelihood by impact matrix. Rows are likelihood from highest to lowest, columns are impact
              from lowest to highest. Select a cell to list its risks.
            </caption>
            <thead>
              <tr>
                <td className="w-24" />
                {model.rows[0]!.map((c) => (
                  <th key={c.impact} scope="col" className="px-1 pb-1 text-center align-bottom font-medium text-ink-600">
                    <span className="block text-[11px] leading-tight">{iLabel(c.impact)}</span>
                    <span className="tabular text-ink-400">{c.impact}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {model.rows.map((row) => (
                <tr key={row[0]!.likelihood}>
                  <th scope="row" className="w-24 pr-1 text-right align-middle font-medium text-ink-600">
                    <span className="block text-[11px] leading-tight">{lLabel(row[0]!.likelihood)}</span>
                    <span className="tabular text-ink-400">{row[0]!.likelihood}</span>
                  </th>
                  {row.map((cell) => {
                    const n = cell.risks.length;
                    const isSelected = selected?.l === cell.likelihood && selected?.i === cell.impact;
                    const label = `${cellName(cell)}: ${n === 0 ? "no risks" : `${n} risk${n === 1 ? "" : "s"}`}, ${SEVERITY_LABELS[cell.severity].toLowerCase()} severity`;
                    const cls = SEVERITY_CELL_CLASSES[cell.severity];
                    return (
                      <td key={cell.impact} className="p-0">
                        {n > 0 ? (
                          <button
                            type="button"
                            aria-label={label}
                            aria-pressed={isSelected}
                            aria-controls={`${uid}-list`}
                            onClick={() => setSelected(isSelected ? null : { l: cell.likelihood, i: cell.impact })}
                            className={cn("flex h-14 w-full flex-col items-center justify-center rounded-md font-semibold transition-colors", cls.full, isSelected && "ring-2 ring-ink-900 ring-offset-1")}
                          >
                            <span className="tabular text-lg leading-none">{n}</span>
                            <span className="mt-0.5 text-[10px] font-medium opacity-80">{SEVERITY_LABELS[cell.severity]}</span>
                          </button>
                        ) : (
                          <div role="img" aria-label={label} className={cn("flex h-14 w-full items-center justify-center rounded-md", cls.faint)}>
                            <span aria-hidden className="text-[10px]">·</span>
                          </div>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <div className="mt-1 text-center text-xs font-medium tracking-wide text-ink-500 uppercase" aria-hidden>Impact →</div>
        </ScrollRegion>
      </div>

      <HeatMapLegend counts={model.bySeverity} />

      <div id={`${uid}-list`} aria-live="polite" className="mt-3">
        {selectedCell ? (
          <div className="rounded-md bg-ink-50 p-3 ring-1 ring-ink-200 ring-inset">
            <div className="flex items-baseline justify-between gap-2">
              <h4 className="text-sm font-semibold">{cellName(selectedCell)}</h4>
              <button type="button" className="text-xs text-brand-700 hover:underline" onClick={() => setSelected(null)}>Close</button>
            </div>
            <ul className="mt-1.5 space-y-1 text-sm">
              {selectedCell.risks.map((r) => (
                <li key={r.id}>
                  {riskHrefTemplate ? (
                    <Link href={riskHrefTemplate.replace("{id}", encodeURIComponent(r.id))} className="text-brand-700 hover:underline">{r.title}</Link>
                  ) : (
                    <span className="text-ink-800">{r.title}</span>
                  )}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {model.outside.length > 0 ? (
          <p role="note" className="mt-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200 ring-inset">
            {formatNumber(model.outside.length)} risk{model.outside.length === 1 ? " is" : "s are"} rated above level {matrix.size} and not shown:{" "}
            {model.outside.slice(0, 5).map((r) => r.title).join(", ")}
            {model.outside.length > 5 ? "…" : ""}. Re-rate {model.outside.length === 1 ? "it" : "them"} on this matrix.
          </p>
        ) : null}
      </div>
    </section>
  );
}

export function HeatMapLegend({ counts }: { counts?: Record<SeverityBand, number> }) {
  return (
    <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-ink-600" aria-label="Severity legend">
      {(Object.keys(SEVERITY_LABELS) as SeverityBand[]).map((b) => (
        <li key={b} className="inline-flex items-center gap-1.5">
          <span className={cn("size-3 rounded-sm", SEVERITY_CELL_CLASSES[b].swatch)} aria-hidden />
          {SEVERITY_LABELS[b]}
          {counts ? <span className="tabular text-ink-400">({formatNumber(counts[b])})</span> : null}
        </li>
      ))}
    </ul>
  );
}
