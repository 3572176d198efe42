// Scenarios side by side: P50/P80 duration, dates and cost, contingency, overlap, confidence, waves,
// critical flags and the top drivers of each, plus charts of P50/P80 duration and cost.
import type { ReactNode } from "react";
import type { ScenarioColumn } from "@/lib/estimates/scenarios";
import { ChartFrame, LegendItem } from "@/components/charts/chart-frame";
import { HorizontalBarChart } from "@/components/charts/bar-chart";
import { CHART_COLORS } from "@/components/charts/format";
import { formatDate, formatMoneyCents } from "@/components/ui/format";
import { moneyCompact } from "@/components/charts/format";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { ScrollRegion } from "@/components/ui/scroll-region";

type Summary = NonNullable<ScenarioColumn["summary"]>;

export function ScenarioTable({ columns, currency }: { columns: ScenarioColumn[]; currency: string }) {
  const money = (v: number) => moneyCompact(v, currency);
  const short = (label: string) => label.replace(/ \(three-point range\)$/, "").replace(/ \(shared systemic factor\)$/, " (systemic)");
  const cur = columns[0]?.summary;
  const delta = (v: number, base: number | undefined, fmt: (x: number) => string) => {
    if (base === undefined || v === base) return null;
    const d = v - base;
    return <span className={cn("ml-1 text-xs whitespace-nowrap", d > 0 ? "text-red-700" : "text-emerald-700")}>({d > 0 ? "+" : "−"}{fmt(Math.abs(d))})</span>;
  };
  const rows: { label: string; cell: (s: Summary, isCurrent: boolean) => ReactNode }[] = [
    { label: "P50 duration", cell: (s, c) => <>{s.p50Months.toFixed(1)} mo{c ? null : delta(s.p50Months, cur?.p50Months, (x) => `${x.toFixed(1)} mo`)}</> },
    { label: "P80 duration", cell: (s, c) => <>{s.p80Months.toFixed(1)} mo{c ? null : delta(s.p80Months, cur?.p80Months, (x) => `${x.toFixed(1)} mo`)}</> },
    { label: "P50 final go-live", cell: (s) => formatDate(s.p50GoLive) },
    { label: "P80 final go-live", cell: (s) => formatDate(s.p80GoLive) },
    { label: "P50 cost", cell: (s, c) => <>{money(s.p50Cost)}{c ? null : delta(s.p50Cost, cur?.p50Cost, money)}</> },
    { label: "P80 cost", cell: (s, c) => <>{money(s.p80Cost)}{c ? null : delta(s.p80Cost, cur?.p80Cost, money)}</> },
    { label: "Contingency (P80 − base)", cell: (s) => money(s.contingency) },
    { label: "License overlap (P50)", cell: (s) => <>{money(s.overlapP50)} <span className="text-xs text-ink-500">({(s.overlapShare * 100).toFixed(1)}%)</span></> },
    { label: "Cutover waves", cell: (s) => <>{s.waves}{s.wavesDerived ? <span className="text-xs text-ink-500"> (derived)</span> : null}</> },
    { label: "Input confidence", cell: (s) => `${s.confidence}/100` },
    { label: "Critical flags", cell: (s) => (s.critical.length ? <ul className="space-y-1 text-xs text-red-800">{s.critical.map((f) => <li key={f.code}>{f.message}</li>)}</ul> : <span className="text-xs text-ink-500">none</span>) },
    { label: "Top duration drivers", cell: (s) => <ol className="list-decimal pl-4 text-xs text-ink-700">{s.topDurationDrivers.map((d) => <li key={d.label}>{short(d.label)}</li>)}</ol> },
    { label: "Top cost drivers", cell: (s) => <ol className="list-decimal pl-4 text-xs text-ink-700">{s.topCostDrivers.map((d) => <li key={d.label}>{short(d.label)}</li>)}</ol> },
  ];
  return (
    <ScrollRegion label="Scenarios side by side">
      <table className="w-full min-w-[720px] text-left text-sm">
        <caption className="sr-only">Scenarios side by side</caption>
        <thead>
          <tr className="border-b border-ink-200 align-bottom">
            <th scope="col" className="w-48 py-2 pr-3 text-xs font-medium text-ink-500">Scenario</th>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={cn("px-3 py-2 align-bottom", c.kind === "current" && "bg-brand-50")}>
                <div className="font-semibold text-ink-900">{c.name}</div>
                <div className="mt-0.5 flex flex-wrap gap-1">
                  {c.kind === "current" ? <Badge tone="brand">as entered</Badge> : null}
                  {c.summary ? <Badge>Type {c.summary.migrationType}</Badge> : null}
                  {c.summary?.buildSizeAssumed ? <Badge tone="amber">build size assumed</Badge> : null}
                </div>
                {c.description ? <div className="mt-1 text-xs font-normal text-ink-500">{c.description}</div> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="tabular">
          {rows.map((r) => (
            <tr key={r.label} className="border-b border-ink-50 align-top">
              <th scope="row" className="py-2 pr-3 text-xs font-medium text-ink-600">{r.label}</th>
              {columns.map((c) => (
                <td key={c.key} className={cn("px-3 py-2", c.kind === "current" && "bg-brand-50/60")}>
                  {c.summary ? r.cell(c.summary, c.kind === "current") : r.label === "P50 duration" ? <span className="text-sm text-red-700">Not computed: {c.error}</span> : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function ScenarioCharts({ columns, currency }: { columns: ScenarioColumn[]; currency: string }) {
  const ok = columns.filter((c) => c.summary);
  const dur = ok.map((c) => ({ label: c.name, p50: c.summary!.p50Months, p80: c.summary!.p80Months }));
  const cost = ok.map((c) => ({ label: c.name, p50: c.summary!.p50Cost, p80: c.summary!.p80Cost }));
  const series = [
    { key: "p50", label: "P50", color: CHART_COLORS.base },
    { key: "p80", label: "P80", color: CHART_COLORS.p80 },
  ];
  const legend = (
    <div className="flex gap-4">
      <LegendItem color={CHART_COLORS.base} label="P50" />
      <LegendItem color={CHART_COLORS.p80} label="P80" />
    </div>
  );
  return (
    <div className="grid gap-8 xl:grid-cols-2">
      <ChartFrame
        title="Duration by scenario"
        summary={dur.map((d) => `${d.label}: P50 ${d.p50.toFixed(1)}, P80 ${d.p80.toFixed(1)} months`).join("; ")}
        legend={legend}
        table={{ columns: [{ key: "label", label: "Scenario" }, { key: "p50", label: "P50 (months)", align: "right" }, { key: "p80", label: "P80 (months)", align: "right" }], rows: dur.map((d) => ({ label: d.label, p50: d.p50.toFixed(1), p80: d.p80.toFixed(1) })) }}
      >
        <HorizontalBarChart data={dur} series={series} unit="months" currency={currency} labelWidth={150} />
      </ChartFrame>
      <ChartFrame
        title="Cost by scenario"
        summary={cost.map((d) => `${d.label}: P50 ${formatMoneyCents(d.p50, currency)}, P80 ${formatMoneyCents(d.p80, currency)}`).join("; ")}
        legend={legend}
        table={{ columns: [{ key: "label", label: "Scenario" }, { key: "p50", label: "P50", align: "right" }, { key: "p80", label: "P80", align: "right" }], rows: cost.map((d) => ({ label: d.label, p50: formatMoneyCents(d.p50, currency), p80: formatMoneyCents(d.p80, currency) })) }}
      >
        <HorizontalBarChart data={cost} series={series} unit="money" currency={currency} labelWidth={150} />
      </ChartFrame>
    </div>
  );
}
