// A chart's frame: a title, what it shows in words (the accessible description), the chart, and its
// data as a table for screen readers and for anyone who wants the numbers. On small screens (below 640 px)
// the chart is unreadable, so the frame shows its data table instead (pure CSS: no layout shift); from 640 px
// up the table is behind a "Data table" toggle. The table is rendered once (ChartDataTable).
import { useId, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { ChartDataTable } from "@/components/charts/chart-data-table";

export type DataTableColumn = { key: string; label: string; align?: "left" | "right" };

export function DataTable({ caption, columns, rows }: { caption: string; columns: DataTableColumn[]; rows: Record<string, ReactNode>[] }) {
  return (
    <ScrollRegion label={caption}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-xs text-ink-500">
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={cn("border-b border-ink-100 px-2 py-1.5 font-medium", c.align === "right" && "text-right")}>{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody className="tabular">
          {rows.map((r, i) => (
            <tr key={i} className="border-b border-ink-50 last:border-0">
              {columns.map((c, j) =>
                j === 0 ? (
                  <th key={c.key} scope="row" className="px-2 py-1 font-normal text-ink-800">{r[c.key]}</th>
                ) : (
                  <td key={c.key} className={cn("px-2 py-1 text-ink-700", c.align === "right" && "text-right")}>{r[c.key]}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function ChartFrame({
  title,
  description,
  summary,
  table,
  legend,
  className,
  children,
}: {
  title: string;
  /** shown under the title */
  description?: ReactNode;
  /** the chart in one or two sentences: the accessible name of the graphic */
  summary: string;
  table: { caption?: string; columns: DataTableColumn[]; rows: Record<string, ReactNode>[] };
  legend?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <figure className={cn("min-w-0", className)} aria-labelledby={`${id}-title`}>
      <figcaption>
        <h3 id={`${id}-title`} className="text-sm font-semibold text-ink-900">{title}</h3>
        {description ? <p className="mt-0.5 text-xs text-ink-500">{description}</p> : null}
      </figcaption>
      {legend ? <div className="mt-2 hidden sm:block">{legend}</div> : null}
      <div role="img" aria-label={summary} className="mt-2 hidden sm:block">
        {children}
      </div>
      <ChartDataTable summary={summary}>
        <DataTable caption={table.caption ?? title} columns={table.columns} rows={table.rows} />
      </ChartDataTable>
    </figure>
  );
}

export function LegendItem({ color, label, variant = "box" }: { color: string; label: string; variant?: "box" | "line" | "diamond" }) {
  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-ink-600">
      {variant === "box" ? <span className="inline-block size-3 rounded-sm" style={{ background: color }} aria-hidden /> : null}
      {variant === "line" ? <span className="inline-block h-0.5 w-4" style={{ background: color }} aria-hidden /> : null}
      {variant === "diamond" ? <span className="inline-block size-2.5 rotate-45" style={{ background: color }} aria-hidden /> : null}
      {label}
    </span>
  );
}
