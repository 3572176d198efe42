// Which type should this client choose? The 5- and 10-year cost of ownership per type (chart + table),
// the break-even year of each custom type against a vendor switch, and the four fit criteria.
import type { TypeDecisionView } from "@/lib/estimate/tco";
import { ChartFrame, DataTable, LegendItem } from "@/components/charts/chart-frame";
import { formatMoneyCents } from "@/components/ui/format";
import { TYPE_COLORS, TypeDecisionChart } from "@/components/estimate/type-decision-chart";

const yearsWords = (v: number) => `${v.toFixed(1)} years`;

export function TypeDecisionCost({ decision, currency }: { decision: TypeDecisionView | null; currency: string }) {
  if (!decision) return <p className="text-sm text-ink-600">No type could be estimated for this engagement, so there is no cost of ownership to compare. Fix the inputs the scenarios above name.</p>;
  if (decision.redacted) {
    return (
      <div className="space-y-3 text-sm text-ink-700">
        <p>{decision.summary}</p>
        <ul className="list-disc space-y-1 pl-5">
          {decision.breakEven.map((b) => <li key={b.type}>{b.words}</li>)}
        </ul>
      </div>
    );
  }
  const money = (c: number) => formatMoneyCents(c, currency);
  const breakEvens = decision.breakEven.filter((b): b is typeof b & { years: number } => b.years !== null && b.years > 0);
  const beOf = new Map(decision.breakEven.map((b) => [b.type, b]));
  return (
    <div className="space-y-5">
      <p className="text-sm text-ink-700">{decision.summary}</p>
      <ChartFrame
        title={`Cumulative cost of ownership over ${decision.horizonYears} years`}
        description="From the planned start: each type's migration (P50 of its estimate) spread until it completes, then its running cost every year after its final go-live. Dashed: break-even with Type A."
        summary={`${decision.types.map((t) => `Type ${t.type}: ${money(t.at5Cents)} after 5 years, ${money(t.at10Cents)} after ${decision.horizonYears}`).join("; ")}. ${decision.breakEven.map((b) => b.words).join(" ")}`}
        legend={
          <div className="flex flex-wrap gap-4">
            {decision.types.map((t) => <LegendItem key={t.type} color={TYPE_COLORS[t.type]} label={t.name} variant="line" />)}
          </div>
        }
        table={{
          caption: "Cumulative cost of ownership by year",
          columns: [{ key: "year", label: "Year" }, ...decision.types.map((t) => ({ key: t.type, label: `Type ${t.type}`, align: "right" as const }))],
          rows: Array.from({ length: decision.horizonYears + 1 }, (_, y) => ({
            year: y === 0 ? "Start" : `End of year ${y}`,
            ...Object.fromEntries(decision.types.map((t) => [t.type, money(t.cumulativeCents[y] ?? 0)])),
          })),
        }}
      >
        <TypeDecisionChart series={decision.types.map((t) => ({ type: t.type, cumulativeCents: t.cumulativeCents }))} breakEvens={breakEvens.map((b) => ({ type: b.type, years: b.years }))} currency={currency} />
      </ChartFrame>
      <DataTable
        caption="Cost of ownership per type"
        columns={[
          { key: "type", label: "Type" },
          { key: "oneTime", label: "One-time", align: "right" },
          { key: "run", label: "Per year after go-live", align: "right" },
          { key: "goLive", label: "Final go-live (P50)", align: "right" },
          { key: "at5", label: "5 years", align: "right" },
          { key: "at10", label: `${decision.horizonYears} years`, align: "right" },
          { key: "breakEven", label: "Break-even with A" },
        ]}
        rows={decision.types.map((t) => {
          const be = t.type === "A" ? null : beOf.get(t.type);
          return {
            type: t.name,
            oneTime: <span title={t.oneTime.map((p) => `${p.label}: ${money(p.cents)}`).join("\n")}>{money(t.oneTimeCents)}</span>,
            run: <span title={t.run.map((p) => `${p.label}: ${money(p.cents)} (${p.basis})`).join("\n")}>{money(t.runPerYearCents)}</span>,
            goLive: `after ${yearsWords(t.goLiveYears)}`,
            at5: <span className={decision.cheapestAt5 === t.type ? "font-semibold text-emerald-800" : undefined}>{money(t.at5Cents)}</span>,
            at10: <span className={decision.cheapestAt10 === t.type ? "font-semibold text-emerald-800" : undefined}>{money(t.at10Cents)}</span>,
            breakEven: t.type === "A" ? "—" : !be ? "—" : be.year === null ? `Not within ${decision.horizonYears} years` : be.year === 0 ? "Never costs more" : `Year ${be.year} (${yearsWords(be.years ?? 0)})`,
          };
        })}
      />
      <details className="text-sm">
        <summary className="cursor-pointer text-xs font-medium text-brand-700 hover:text-brand-800">What each type’s running cost is made of</summary>
        <ul className="mt-2 space-y-2 text-ink-700">
          {decision.types.map((t) => (
            <li key={t.type}>
              <span className="font-medium text-ink-900">Type {t.type}:</span>{" "}
              {[...t.oneTime.map((p) => `${p.label} ${money(p.cents)} once`), ...t.run.map((p) => `${p.label} ${money(p.cents)} a year (${p.basis})`)].join("; ")}.
            </li>
          ))}
        </ul>
        <p className="mt-2 text-xs text-ink-500">Defaults and their basis: Assumptions → “Type decision (total cost of ownership)”; docs/estimation.md “Type decision”.</p>
      </details>
    </div>
  );
}
