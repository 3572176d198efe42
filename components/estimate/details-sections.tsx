// Effort by workstream (hours and cost with "Explain"), input confidence with its components, and the
// risk events as simulated (the costliest RISK_ROWS by default: a large register has hundreds, and each row
// is part of the page's payload — "Show all" renders the rest on the server, no client code).
import Link from "@/components/ui/link";
import type { EstimateView } from "@/lib/estimates/view";
import { formatMoneyCents, formatNumber } from "@/components/ui/format";
import { Badge } from "@/components/ui/badge";
import { Explain } from "@/components/estimate/explain";
import { ScrollRegion } from "@/components/ui/scroll-region";

export function EffortTable({ view, engagementId }: { view: EstimateView; engagementId: string }) {
  const cur = view.input.currency;
  const rows = view.breakdown.byWorkstream.filter((w) => w.hours.base > 0 || w.hours.mean > 0);
  return (
    <ScrollRegion label="Effort by workstream">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Effort by workstream</caption>
        <thead className="text-xs text-ink-500">
          <tr className="border-b border-ink-100">
            <th scope="col" className="py-2 pr-3 font-medium">Workstream</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Base hours</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">P50 hours</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">P80 hours</th>
            {view.redacted ? null : <th scope="col" className="px-3 py-2 text-right font-medium">Rate</th>}
            {view.redacted ? null : <th scope="col" className="px-3 py-2 text-right font-medium">P50 cost</th>}
            <th scope="col" className="px-3 py-2 font-medium">Largest items</th>
            <th scope="col" className="py-2 pl-3"><span className="sr-only">Explain</span></th>
          </tr>
        </thead>
        <tbody className="tabular">
          {rows.map((w) => (
            <tr key={w.workstream} className="border-b border-ink-50 align-top">
              <th scope="row" className="py-2 pr-3 font-medium text-ink-800">{w.label}<div className="text-xs font-normal text-ink-500">{w.role}</div></th>
              <td className="px-3 py-2 text-right">{formatNumber(w.hours.base, { maximumFractionDigits: 0 })}</td>
              <td className="px-3 py-2 text-right">{formatNumber(w.hours.percentiles.P50, { maximumFractionDigits: 0 })}</td>
              <td className="px-3 py-2 text-right">{formatNumber(w.hours.percentiles.P80, { maximumFractionDigits: 0 })}</td>
              {view.redacted ? null : <td className="px-3 py-2 text-right">{w.rateCents === null ? "—" : `${formatMoneyCents(w.rateCents, cur)}/h`}</td>}
              {view.redacted ? null : <td className="px-3 py-2 text-right">{formatMoneyCents(w.cost?.percentiles.P50 ?? null, cur)}</td>}
              <td className="max-w-xs px-3 py-2 text-xs text-ink-600">{w.topItems.slice(0, 3).map((t) => `${t.label} (${formatNumber(t.likelyHours)} h)`).join("; ") || "—"}</td>
              <td className="py-2 pl-3 text-right"><Explain explanation={view.explanations[`workstream.${w.workstream}`]} engagementId={engagementId} currency={cur} focus={[{ label: "P50", value: `${formatNumber(w.hours.percentiles.P50, { maximumFractionDigits: 0 })} hours` }, { label: "P80", value: `${formatNumber(w.hours.percentiles.P80, { maximumFractionDigits: 0 })} hours` }]} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export function ConfidencePanel({ view }: { view: EstimateView }) {
  const c = view.inputConfidence;
  return (
    <div>
      <p className="text-sm text-ink-700">
        <strong className="text-2xl tabular text-ink-900">{c.score}</strong>
        <span className="text-ink-500"> / 100</span> — the weighted share of inputs that are known, decided and reviewed. An empty inventory scores 0: unknown is not perfect.
      </p>
      <ul className="mt-4 space-y-3" aria-label="Input confidence components">
        {c.components.map((k) => (
          <li key={k.key}>
            <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
              <span className="font-medium text-ink-800">{k.label}</span>
              <span className="tabular text-ink-600">{Math.round(k.value * 100)}% · weight {Math.round(k.weight * 100)}%</span>
            </div>
            <div className="mt-1 h-2 overflow-hidden rounded-full bg-ink-100" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(k.value * 100)} aria-label={k.label}>
              <div className={k.value >= 0.8 ? "h-full bg-emerald-500" : k.value >= 0.5 ? "h-full bg-amber-400" : "h-full bg-red-400"} style={{ width: `${Math.round(k.value * 100)}%` }} />
            </div>
            <p className="mt-0.5 text-xs text-ink-500">{k.detail}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Risk events shown before "Show all" (sorted by mean cost, so the ones that matter come first). */
export const RISK_ROWS = 25;

/**
 * `showAll`: every risk; otherwise the RISK_ROWS costliest. `hrefs` are the same page with and without
 * "all risks" (the page keeps its seed in them).
 */
export function RisksTable({ view, showAll = false, hrefs }: { view: EstimateView; showAll?: boolean; hrefs?: { all: string; top: string } }) {
  const cur = view.input.currency;
  const all = [...view.risks].sort((a, b) => b.meanCostCents - a.meanCostCents);
  if (all.length === 0) return <p className="text-sm text-ink-600">No open risk events are simulated.</p>;
  const limited = !showAll && all.length > RISK_ROWS;
  const risks = limited ? all.slice(0, RISK_ROWS) : all;
  const footer = hrefs && all.length > RISK_ROWS ? (
    <p className="mt-3 text-sm text-ink-600" data-testid="risk-events-count">
      {limited ? (
        <>
          The {formatNumber(RISK_ROWS)} costliest of {formatNumber(all.length)} risk events.{" "}
          <Link className="font-medium text-brand-700 underline" href={hrefs.all} scroll={false}>Show all {formatNumber(all.length)}</Link>
        </>
      ) : (
        <>
          All {formatNumber(all.length)} risk events.{" "}
          <Link className="font-medium text-brand-700 underline" href={hrefs.top} scroll={false}>Show the {formatNumber(RISK_ROWS)} costliest only</Link>
        </>
      )}
    </p>
  ) : null;
  return (
    <>
      <ScrollRegion label="Risk events as simulated">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Risk events as simulated</caption>
          <thead className="text-xs text-ink-500">
            <tr className="border-b border-ink-100">
              <th scope="col" className="py-2 pr-3 font-medium">Risk</th>
              <th scope="col" className="px-3 py-2 font-medium">Phase</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Probability</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Occurred in</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Mean weeks drawn</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Mean cost</th>
            </tr>
          </thead>
          <tbody className="tabular">
            {risks.map((r) => (
              <tr key={r.title} className="border-b border-ink-50">
                <th scope="row" className="py-2 pr-3 font-normal text-ink-800">
                  {r.title}
                  {r.source === "default_library" ? <Badge className="ml-2" tone="amber">assumed (default library)</Badge> : null}
                  {r.mitigated ? <Badge className="ml-2" tone="green">mitigated</Badge> : null}
                  {r.instances > 1 ? <span className="ml-1 text-xs text-ink-500">× {r.instances} ({r.scope === "per_wave" ? "per wave" : "per interface"})</span> : null}
                </th>
                <td className="px-3 py-2">{r.phase}</td>
                <td className="px-3 py-2 text-right">{Math.round(r.probabilityAnyOccurrence * 100)}%</td>
                <td className="px-3 py-2 text-right">{Math.round(r.simulatedOccurrence * 100)}% of runs</td>
                <td className="px-3 py-2 text-right">{r.meanWeeksAdded.toFixed(1)}</td>
                <td className="px-3 py-2 text-right">{formatMoneyCents(r.meanCostCents, cur)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {footer}
    </>
  );
}
