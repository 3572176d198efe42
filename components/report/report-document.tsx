// The executive report as a document: the same ReportView as the PDF and the exports, laid out for reading
// on screen and for printing (components/report/report.css). Read-only by construction: no control here
// changes anything. Presentational: data comes in props.
import type { ReactNode } from "react";
import { AlertTriangle, Info, OctagonAlert } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { HeatMap } from "@/components/risks/heat-map";
import { GanttChart } from "@/components/report/gantt-chart";
import { CostBars } from "@/components/report/cost-bars";
import { TcoChart } from "@/components/report/tco-chart";
import { TrackChart } from "@/components/charts/track-chart";
import type { TypeDecision } from "@/lib/estimate/tco";
import {
  formatCount,
  formatMoneyFull,
  formatMoneyShort,
  formatMonths,
  formatRate,
  formatReportDate,
  formatReportDateTime,
  formatShare,
  formatWeeks,
  plural,
} from "@/lib/report/format";
import { baselineIntro, baselineMetricText, cutoverWaveRow, inventoryKnownText, planRowsNote, reportTitleLine, signOffText } from "@/lib/report/presenters";
import { SEVERITY_WORDS, type ReportView } from "@/lib/report/model";
import "./report.css";
import { ScrollRegion } from "@/components/ui/scroll-region";

type Col = { title: string; align?: "right"; className?: string };

function PlanRowsNote({ shown, total, noun }: { shown: number; total: number; noun: string }) {
  const note = planRowsNote(shown, total, noun);
  return note ? <p className="mt-2 text-sm text-ink-600" data-testid="report-plan-rows-note">{note}</p> : null;
}

const moneyOrDash = (cents: number | null, cur: string) => (cents === null ? "—" : formatMoneyFull(cents, cur));
const overlapCell = (cents: number | null, months: number, cur: string) => (cents === null ? `${formatCount(months, 1)} months` : `${formatMoneyFull(cents, cur)} (${formatCount(months, 1)} mo)`);

function DataTable({ caption, cols, rows, total }: { caption: string; cols: Col[]; rows: ReactNode[][]; total?: ReactNode[] }) {
  return (
    <ScrollRegion label={caption}>
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-ink-300">
            {cols.map((c) => (
              <th key={c.title} scope="col" className={cn("px-2 py-1.5 text-xs font-semibold tracking-wide text-ink-600 uppercase first:pl-0 last:pr-0", c.align === "right" ? "text-right" : "text-left", c.className)}>
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} className="border-b border-ink-100 align-top">
              {r.map((v, j) => (
                <td key={j} className={cn("px-2 py-1.5 first:pl-0 last:pr-0", cols[j]?.align === "right" ? "tabular text-right whitespace-nowrap" : "text-ink-800")}>
                  {v}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        {total ? (
          <tfoot>
            <tr className="border-t-2 border-ink-300 font-semibold">
              {total.map((v, j) => (
                <td key={j} className={cn("px-2 py-2 first:pl-0 last:pr-0", cols[j]?.align === "right" ? "tabular text-right whitespace-nowrap" : "")}>{v}</td>
              ))}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </ScrollRegion>
  );
}

function Section({ id, number, title, children, breakBefore = true }: { id: string; number?: string; title: string; children: ReactNode; breakBefore?: boolean }) {
  return (
    <section aria-labelledby={`${id}-title`} className={cn("report-section mt-10 border-t border-ink-200 pt-8", breakBefore && "report-break")}>
      {number ? <div className="text-xs font-semibold tracking-widest text-brand-700 uppercase">{number}</div> : null}
      <h2 id={`${id}-title`} className="mt-1 mb-4 text-xl font-semibold text-brand-900">{title}</h2>
      <div className="space-y-5">{children}</div>
    </section>
  );
}

function Sub({ title, children }: { title: string; children: ReactNode }) {
  // not kept whole on paper: long tables may run on (their rows and the heading stay together)
  return (
    <div>
      <h3 className="mb-2 text-base font-semibold">{title}</h3>
      {children}
    </div>
  );
}

function Kpi({ label, value, sub, testId, tone }: { label: string; value: string; sub: ReactNode; testId: string; tone?: "brand" }) {
  return (
    <div className={cn("report-keep rounded-lg p-4 ring-1 print:p-3", tone === "brand" ? "bg-brand-50 ring-brand-200" : "bg-white ring-ink-200")}>
      <div className="text-xs font-semibold tracking-wide text-ink-500 uppercase">{label}</div>
      <div className="tabular mt-1 text-2xl font-semibold text-ink-900 print:text-xl" data-testid={testId}>{value}</div>
      <div className="mt-1 text-sm text-ink-600">{sub}</div>
    </div>
  );
}

const FLAG_STYLE = {
  critical: { icon: OctagonAlert, box: "bg-red-50 ring-red-200", text: "text-red-800" },
  warning: { icon: AlertTriangle, box: "bg-amber-50 ring-amber-200", text: "text-amber-800" },
  info: { icon: Info, box: "bg-ink-50 ring-ink-200", text: "text-ink-600" },
} as const;

function Flags({ flags }: { flags: ReportView["flags"] }) {
  if (flags.length === 0) return <p className="text-sm text-ink-600">No honesty flags were raised on these inputs.</p>;
  return (
    <ul className="space-y-2" aria-label="Honesty flags">
      {flags.map((f) => {
        const st = FLAG_STYLE[f.severity];
        const Icon = st.icon;
        return (
          <li key={f.code} className={cn("report-keep flex gap-3 rounded-md p-3 text-sm ring-1 ring-inset", st.box)}>
            <Icon className={cn("mt-0.5 size-4 shrink-0", st.text)} aria-hidden />
            <p>
              <span className={cn("font-semibold", st.text)}>{SEVERITY_WORDS[f.severity]}: </span>
              <span className="text-ink-800">{f.message}</span>
            </p>
          </li>
        );
      })}
    </ul>
  );
}

export type ReportDocumentProps = {
  report: ReportView;
  className?: string;
};

export function ReportDocument({ report: r, className }: ReportDocumentProps) {
  const cur = r.meta.currency;
  const h = r.headline;
  const c = r.commitment;
  const waveWord = r.meta.migrationType === "C" ? "cohort" : "wave";
  const attention = r.flags.filter((f) => f.severity !== "info");

  return (
    <article className={cn("report-doc mx-auto max-w-[1000px] rounded-lg bg-white px-6 py-8 shadow-sm ring-1 ring-ink-200 sm:px-10", className)} aria-label="Executive report">
      {/* ---------- summary ---------- */}
      <header className="report-keep border-b-2 border-brand-700 pb-5">
        <div className="flex flex-wrap items-baseline justify-between gap-2 text-xs font-semibold tracking-widest text-brand-700 uppercase">
          <span>Priced timeline report</span>
          <span className="tracking-normal normal-case text-ink-600">{r.meta.firmName}</span>
        </div>
        <h1 className="mt-3 text-3xl font-semibold text-ink-900">{r.meta.clientName}</h1>
        <p className="mt-1 text-lg text-ink-700">{r.meta.engagementName}</p>
        <p className="mt-2 text-sm font-medium text-brand-700">{reportTitleLine(r)}</p>
        <p className="mt-2 text-xs text-ink-500">
          As of <span data-testid="report-as-of">{formatReportDateTime(r.meta.asOf)}</span> · estimate seed <span data-testid="report-seed">{r.meta.seed}</span> · {formatCount(r.meta.iterations)} Monte Carlo iterations
          {r.meta.isArchived ? " · engagement archived" : ""}
        </p>
      </header>

      <section aria-labelledby="scope-title" className="mt-6">
        <h2 id="scope-title" className="sr-only">Scope</h2>
        <p className="max-w-[75ch] text-[15px] leading-relaxed text-ink-800 print:max-w-none print:text-[12px]" data-testid="report-scope">{r.scope}</p>
      </section>

      <section aria-labelledby="headline-title" className="mt-6">
        <h2 id="headline-title" className="text-base font-semibold">The figure to commit to</h2>
        <p className="mt-1 max-w-[80ch] text-[15px] font-medium leading-relaxed text-ink-900 print:text-[12px]" data-testid="report-recommendation">{c.recommendation}</p>
        <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3 print:grid-cols-3 print:gap-2">
          <Kpi tone="brand" label="Final go-live · commit (P80)" value={formatReportDate(h.goLive.p80)} testId="headline-p80-go-live" sub={<>Expect (P50): <span className="tabular font-medium text-ink-800" data-testid="headline-p50-go-live">{formatReportDate(h.goLive.p50)}</span></>} />
          <Kpi tone="brand" label="Total cost · commit (P80)" value={formatMoneyShort(h.cost.p80, cur)} testId="headline-p80-cost" sub={<>Expect (P50): <span className="tabular font-medium text-ink-800" data-testid="headline-p50-cost">{formatMoneyShort(h.cost.p50, cur)}</span></>} />
          <Kpi label="Duration · commit (P80)" value={formatMonths(h.months.p80)} testId="headline-p80-months" sub={<>Expect (P50): <span className="tabular font-medium text-ink-800" data-testid="headline-p50-months">{formatMonths(h.months.p50)}</span></>} />
          <Kpi label="Completion · commit (P80)" value={formatReportDate(h.completion.p80)} testId="headline-p80-completion" sub={<>Expect (P50): <span className="tabular font-medium text-ink-800" data-testid="headline-p50-completion">{formatReportDate(h.completion.p50)}</span></>} />
          <Kpi label="Contingency in the P80" value={formatMoneyShort(h.cost.contingency, cur)} testId="headline-contingency" sub={<>Over the <span className="tabular">{formatMoneyShort(h.cost.base, cur)}</span> base plan (+{formatShare(h.cost.contingencyShareOfBase)}) — already in the P80, not to be added to it</>} />
          {r.overlap.feesEntered ? (
            <Kpi label="License overlap (P50)" value={formatMoneyShort(h.overlap.p50, cur)} testId="headline-overlap" sub={<>{formatShare(h.overlap.shareOfP50Cost)} of the P50 cost · P10–P90 {formatMoneyShort(h.overlap.p10, cur)}–{formatMoneyShort(h.overlap.p90, cur)}</>} />
          ) : (
            <Kpi label="License overlap" value="Not entered" testId="headline-overlap" sub="No license, hosting or archive fees are entered: paying two systems at once is not in these figures." />
          )}
        </div>
        <ul className="mt-3 space-y-0.5 text-sm text-ink-700" aria-label="Chances" data-testid="report-chances">
          <li>Base plan (every estimate at its most likely, no risk event): go-live {formatReportDate(c.basePlan.goLive)}, {formatMonths(c.basePlan.months)}, {formatMoneyShort(c.basePlan.costCents, cur)} — chance on time {c.basePlan.completionChance.words}, on budget {c.basePlan.costChance.words}.</li>
          {c.targets.goLive ? <li>Target go-live {formatReportDate(c.targets.goLive.date)}: chance of meeting it {c.targets.goLive.words}.</li> : null}
          {c.targets.budget ? <li>Target budget {formatMoneyShort(c.targets.budget.cents, cur)}: chance of staying within it {c.targets.budget.words}.</li> : null}
        </ul>
        <p className="mt-3 max-w-[80ch] text-xs leading-relaxed text-ink-600">
          P80: four in five simulated outcomes are at or below it — the figure to budget and commit to. P50: as likely to come in earlier or cheaper as later or dearer — the figure to plan the work to.
          The contingency is what it takes to get from the base plan to P80.
        </p>
      </section>

      <section aria-labelledby="attention-title" className="report-keep mt-6">
        <h2 id="attention-title" className="mb-2 text-base font-semibold">What needs attention</h2>
        <Flags flags={attention} />
        <p className="mt-3 text-sm text-ink-700" data-testid="report-confidence">{r.confidence.summary}</p>
      </section>

      {/* ---------- timeline ---------- */}
      <Section id="timeline" number="1 · Timeline" title="Phases, cutover waves and license overlap">
        <p className="text-sm text-ink-600">Phase 1 is bounded by {r.timeline.phase1Bound}. {r.timeline.wavesBasis}</p>
        <GanttChart report={r} />
        <Sub title="Phase durations">
          <DataTable
            caption="Phase durations: base-plan dates, and durations in the base plan, at P50 and at P80, with the field minimum"
            cols={[{ title: "Phase" }, { title: `Base-plan dates (chance ${c.basePlan.completionChance.words})` }, { title: "Base", align: "right" }, { title: "P50", align: "right" }, { title: "P80", align: "right" }, { title: "Field minimum", align: "right" }]}
            rows={r.timeline.phases.map((p) => [p.label, `${formatReportDate(p.start)} – ${formatReportDate(p.end)}`, formatWeeks(p.baseWeeks), formatWeeks(p.p50Weeks), formatWeeks(p.p80Weeks), formatWeeks(p.fieldMinimumWeeks)])}
          />
        </Sub>
        <Sub title={r.meta.migrationType === "C" ? "User cohorts" : "Cutover waves"}>
          <DataTable
            caption="Cutover waves with their cohort, size and planned go-live"
            cols={[{ title: waveWord === "cohort" ? "Cohort" : "Wave" }, { title: "Who moves" }, { title: "Providers", align: "right" }, { title: "Users", align: "right" }, { title: "Go-live (base plan)", align: "right" }]}
            rows={r.timeline.waves.map((w) => [w.name, w.cohort || "—", formatCount(w.providers), formatCount(w.users), formatReportDate(w.goLive)])}
          />
          <p className="mt-2 text-xs text-ink-600">
            Base-plan dates assume every estimate at its most likely and no risk event: the chance of the base plan as a whole is {c.basePlan.completionChance.words}. The final go-live is {formatReportDate(h.goLive.p50)} at P50 and {formatReportDate(h.goLive.p80)} at P80.
          </p>
        </Sub>
        <Sub title={r.overlap.feesEntered ? `License overlap: ${formatMoneyShort(h.overlap.p50, cur)} at P50` : "License overlap: fees not entered"}>
          <div className="space-y-2 text-sm leading-relaxed text-ink-800">
            <p data-testid="report-overlap-explanation">{r.overlap.explanation}</p>
            <p>
              {r.overlap.rampDown} The destination bills from {r.overlap.terms.billingStart}; read-only archive access is kept {plural(r.overlap.terms.archiveMonths, "month")} after decommission.
              {r.overlap.fees ? ` Fees: destination ${r.overlap.fees.destination}; source ${r.overlap.fees.source}; archive ${r.overlap.fees.archive}.` : ""}
            </p>
          </div>
          <div className="mt-3">
            <DataTable
              caption="License overlap per wave in the base plan"
              cols={[{ title: waveWord === "cohort" ? "Cohort" : "Wave" }, { title: "Destination before go-live", align: "right" }, { title: "Source after go-live", align: "right" }]}
              rows={r.overlap.perWave.map((w) => [w.wave, overlapCell(w.destinationCents, w.destinationMonths, cur), overlapCell(w.sourceCents, w.sourceMonths, cur)])}
              total={r.overlap.parts ? [`Base plan (plus archive ${formatMoneyFull(r.overlap.parts.archive, cur)})`, formatMoneyFull(r.overlap.parts.destination, cur), formatMoneyFull(r.overlap.parts.source, cur)] : undefined}
            />
          </div>
        </Sub>
      </Section>

      {/* ---------- cost ---------- */}
      <Section id="cost" number="2 · Cost" title="Where the money goes">
        <CostBars report={r} />
        <Sub title="Cost lines">
          <DataTable
            caption="Cost lines: base plan, expected (mean), P50 and P80"
            cols={[{ title: "Line" }, { title: "Base plan", align: "right" }, { title: "Expected", align: "right" }, { title: "P50", align: "right" }, { title: "P80", align: "right" }, ...(r.meta.canSeeRates ? [{ title: "Hours", align: "right" as const }, { title: "Rate", align: "right" as const }] : [])]}
            rows={r.costs.lines.map((l) => [
              l.label,
              formatMoneyFull(l.base, cur),
              formatMoneyFull(l.mean, cur),
              moneyOrDash(l.p50, cur),
              moneyOrDash(l.p80, cur),
              ...(r.meta.canSeeRates ? [l.hours === null ? "" : formatCount(l.hours), l.rateCents === null ? "" : `${formatRate(l.rateCents, cur)}/h`] : []),
            ])}
            total={["Total", formatMoneyFull(r.costs.total.base, cur), formatMoneyFull(r.costs.total.mean, cur), formatMoneyFull(r.costs.total.p50, cur), formatMoneyFull(r.costs.total.p80, cur), ...(r.meta.canSeeRates ? ["", ""] : [])]}
          />
          <p className="mt-2 text-xs text-ink-500">
            Percentiles of the lines do not add up to the percentile of the total (they come from different simulated outcomes); the base plan and the expected cost do.
            {r.meta.canSeeRates ? "" : " Labor rates and license fees are not shown in this view, so labor is one line."}
          </p>
        </Sub>
        <Sub title="Cost by phase">
          <DataTable
            caption="Cost by phase: base plan and expected"
            cols={[{ title: "Phase" }, { title: "Base plan", align: "right" }, { title: "Expected", align: "right" }]}
            rows={r.costs.byPhase.map((b) => [b.label, formatMoneyFull(b.base, cur), formatMoneyFull(b.mean, cur)])}
          />
          {r.meta.canSeeRates ? null : <p className="mt-2 text-xs text-ink-500">The cost after decommission (source contract tail and archive fees) is part of the license overlap and not shown by phase in this view.</p>}
        </Sub>
      </Section>

      {/* ---------- risk ---------- */}
      <Section id="risk" number="3 · Risk" title="Top risks and honesty flags">
        <p className="text-sm text-ink-600">
          {plural(r.risks.openCount, "open risk")}
          {r.risks.closedCount ? ` (${formatCount(r.risks.closedCount)} closed)` : ""}; together they add {formatMoneyShort(r.risks.expectedRiskCostCents, cur)} to the expected cost.
          {r.risks.usedDefaultLibrary ? " The register is empty, so the estimate assumes the default risk library for this migration type." : ""}
        </p>
        {r.risks.rated.length ? (
          <div className="grid gap-6 md:grid-cols-2 print:grid-cols-1 print:gap-4">
            <HeatMap matrix={r.risks.matrix} risks={r.risks.rated} mode="inherent" title="Inherent risk (before mitigation)" className="report-keep print:max-w-[440px]" />
            <HeatMap matrix={r.risks.matrix} risks={r.risks.rated} mode="residual" title="Residual risk (after mitigation)" className="report-keep print:max-w-[440px]" />
          </div>
        ) : null}
        <Sub title="What moves the numbers most (drivers)">
          <div className="grid gap-5 md:grid-cols-2 print:grid-cols-2">
            <DataTable
              caption="Top drivers of the duration: mean duration when the driver is at its low end and at its high end"
              cols={[{ title: "Duration driver" }, { title: "Low end", align: "right" }, { title: "High end", align: "right" }]}
              rows={r.drivers.duration.map((d) => [d.label, formatMonths(d.low), formatMonths(d.high)])}
            />
            <DataTable
              caption="Top drivers of the cost: mean cost when the driver is at its low end and at its high end"
              cols={[{ title: "Cost driver" }, { title: "Low end", align: "right" }, { title: "High end", align: "right" }]}
              rows={r.drivers.cost.map((d) => [d.label, formatMoneyShort(d.low, cur), formatMoneyShort(d.high, cur)])}
            />
          </div>
          <p className="mt-2 text-xs text-ink-600">Mean outcome when a driver is at its low end (at or below its P10, or the risk does not occur) or its high end (at or above its P90, or the risk occurs); the largest swing first. Narrowing the top drivers narrows the gap between P50 and P80.</p>
        </Sub>
        <Sub title={`The ${Math.min(5, r.risks.top.length)} risks with the largest expected impact`}>
          <DataTable
            caption="Top risks by expected impact (probability × impact), with owners and mitigations"
            cols={[{ title: "Risk" }, { title: "Probability", align: "right" }, { title: "Expected impact", align: "right" }, { title: "Owner" }, { title: "Mitigation" }]}
            rows={r.risks.top.map((t) => [
              <span key="t" className="font-medium text-ink-900">{t.title}</span>,
              formatShare(t.probability),
              <span key="e">{formatMoneyShort(t.expectedCostCents, cur)}<br /><span className="text-xs text-ink-500">{formatWeeks(t.expectedWeeks)}</span></span>,
              t.owner || <span key="o" className="text-amber-800">No owner</span>,
              t.mitigation || (t.treatment === "accept" ? "Accepted" : <span key="m" className="text-amber-800">No mitigation recorded</span>),
            ])}
          />
          <p className="mt-2 text-xs text-ink-500">Expected impact = probability × impact, averaged over the simulation; the cost includes the team’s burn for the weeks a risk adds.</p>
        </Sub>
        <Sub title="Honesty flags">
          <Flags flags={r.flags} />
        </Sub>
        <Sub title={`Input confidence: ${r.confidence.score} of 100 (${r.confidence.level})`}>
          <ul className="space-y-2" aria-label="Input confidence components">
            {r.confidence.components.map((c) => (
              <li key={c.key} className="grid grid-cols-[1fr_auto] items-center gap-x-4 gap-y-1 text-sm sm:grid-cols-[minmax(0,2fr)_160px_minmax(0,1.4fr)]">
                <span className="text-ink-800">{c.label}</span>
                <span className="flex items-center gap-2">
                  <span className="h-2 w-28 overflow-hidden rounded-full bg-ink-100" aria-hidden>
                    <span className={cn("block h-full rounded-full", c.value >= 0.8 ? "bg-emerald-500" : c.value >= 0.6 ? "bg-amber-400" : "bg-red-500")} style={{ width: `${Math.round(c.value * 100)}%` }} />
                  </span>
                  <span className="tabular w-10 text-right text-ink-700">{formatShare(c.value)}</span>
                </span>
                <span className="col-span-2 text-xs text-ink-500 sm:col-span-1">{c.detail}</span>
              </li>
            ))}
          </ul>
        </Sub>
      </Section>

      {/* ---------- basis ---------- */}
      <Section id="basis" number="4 · Basis" title="Key assumptions, sign-off and inventory">
        <Sub title="Team, plan and license terms">
          <dl className="grid gap-x-8 gap-y-2 text-sm sm:grid-cols-2">
            {[
              ["Migration team", `${formatCount(r.assumptions.teamFte, 1)} FTE · ${formatCount(r.assumptions.productiveHoursPerWeek, 1)} productive hours per week`],
              ["Interface engineers", formatCount(r.assumptions.interfaceEngineers)],
              ["Planned start", formatReportDate(r.meta.plannedStart)],
              ["Cutover", `${plural(r.timeline.waves.length, waveWord)}${r.timeline.wavesDerived ? " (derived from the profile)" : ""}`],
              ...(r.assumptions.buildFunctionPoints !== null ? [["Custom build size", `${formatCount(r.assumptions.buildFunctionPoints)} function points`]] : []),
              ...(r.assumptions.targetGoLive ? [["Target go-live", formatReportDate(r.assumptions.targetGoLive)]] : []),
              ...(r.assumptions.targetBudgetCents !== null ? [["Target budget", formatMoneyFull(r.assumptions.targetBudgetCents, cur)]] : []),
              ["Destination billing starts at", r.overlap.terms.billingStart],
              ["Source notice · contract tail", `${plural(r.overlap.terms.noticeMonths, "month")} · ${plural(r.overlap.terms.tailMonths, "month")}${r.overlap.terms.rampsDownPerWave ? " · ramps down per wave" : " · no ramp-down per wave"}`],
              ...(r.overlap.fees ? [["Destination fee", r.overlap.fees.destination], ["Source fee", r.overlap.fees.source], ["Archive fee", `${r.overlap.fees.archive} for ${plural(r.overlap.terms.archiveMonths, "month")}`]] : []),
            ].map(([k, v]) => (
              <div key={k} className="flex justify-between gap-4 border-b border-ink-100 py-1.5">
                <dt className="text-ink-600">{k}</dt>
                <dd className="text-right font-medium text-ink-900">{v}</dd>
              </div>
            ))}
          </dl>
          {r.assumptions.overriddenConstants.length ? (
            <p className="mt-2 text-xs text-ink-500">Model constants changed from their defaults: {r.assumptions.overriddenConstants.map((c) => c.text).join("; ")}.</p>
          ) : null}
        </Sub>
        {r.assumptions.rates ? (
          <Sub title="Labor rates">
            <DataTable
              caption="Labor rates per workstream"
              cols={[{ title: "Workstream" }, { title: "Rate per hour", align: "right" }, { title: "Source", align: "right" }]}
              rows={r.assumptions.rates.map((x) => [x.label, formatRate(x.rateCents, cur), x.isDefault ? "default" : "engagement"])}
            />
          </Sub>
        ) : null}
        <Sub title="Workflow sign-off">
          <p className={cn("rounded-md p-3 text-sm ring-1 ring-inset", !r.signOff.lastSignOff ? "bg-ink-50 ring-ink-200" : r.signOff.changedSinceSignOff > 0 ? "bg-amber-50 ring-amber-200" : "bg-emerald-50 ring-emerald-200")} data-testid="report-sign-off">
            {signOffText(r.signOff)}
          </p>
        </Sub>
        <Sub title="Inventory summary">
          <DataTable
            caption="Inventory summary: rows, what is known (the input-confidence shares) and what is still unknown"
            cols={[{ title: "Inventory" }, { title: "Rows", align: "right" }, { title: "Known" }, { title: "Still unknown" }]}
            rows={r.inventory.rows.map((x) => [x.label, formatCount(x.count), inventoryKnownText(x), x.unknowns.length ? x.unknowns.join("; ") : x.count ? "Nothing" : <span key="e" className="text-amber-800">Inventory is empty</span>])}
          />
          <p className="mt-2 text-sm text-ink-700">Audit trail: {r.inventory.auditPolicy}.</p>
        </Sub>
        <Sub title="Compared with the baseline">
          {r.baseline ? (
            <>
              <p className="mb-2 text-sm text-ink-700">{baselineIntro(r.baseline)}</p>
              <DataTable
                caption="Headline numbers now and at the baseline"
                cols={[{ title: "Measure" }, { title: "Baseline", align: "right" }, { title: "Now", align: "right" }, { title: "Change", align: "right" }]}
                rows={r.baseline.metrics.map((m) => baselineMetricText(m, cur))}
              />
              <div className="mt-3 text-sm text-ink-700" data-testid="report-baseline-changes">
                {r.baseline.inputChanges.length ? (
                  <>
                    <p className="font-medium text-ink-900">What changed in the inputs</p>
                    <ul className="mt-1 list-disc space-y-0.5 pl-5">{r.baseline.inputChanges.map((t) => <li key={t}>{t}</li>)}</ul>
                  </>
                ) : (
                  <p>The inputs are unchanged since the baseline.</p>
                )}
                {r.baseline.flagChanges.length ? <ul className="mt-2 list-disc space-y-0.5 pl-5">{r.baseline.flagChanges.map((t) => <li key={t}>{t}</li>)}</ul> : null}
              </div>
            </>
          ) : (
            <p className="text-sm text-ink-600">No baseline has been saved for this engagement yet.</p>
          )}
        </Sub>
      </Section>

      {/* ---------- cutover capacity (engine v2) ---------- */}
      <Section id="capacity" number="5 · Cutover capacity" title="Go-live tracks, blackouts and team lanes">
        <p className="text-sm text-ink-700" data-testid="report-tracks">
          {r.cutover.tracks === 1 ? "One go-live track: the waves go live one after another" : `${r.cutover.tracks} concurrent go-live tracks`}, with at least {formatWeeks(r.cutover.gapWeeks)} of stabilisation between two go-lives on the same track. {r.cutover.tracksBasis}{" "}
          {r.cutover.tracks > 1 && r.cutover.sequentialCutoverWeeks - r.cutover.cutoverWeeks > 0.05
            ? `The cutover takes ${formatWeeks(r.cutover.cutoverWeeks)} in the base plan; one wave after another it would take ${formatWeeks(r.cutover.sequentialCutoverWeeks)}.`
            : `The cutover takes ${formatWeeks(r.cutover.cutoverWeeks)} in the base plan.`}
        </p>
        <Sub title="Waves on their go-live tracks">
          <div className="hidden sm:block print:block">
            <TrackChart
              start={r.meta.plannedStart}
              waves={r.cutover.waves.map((w) => ({ name: w.name, track: w.track, startWeek: w.startWeek, goLiveWeek: w.goLiveWeek, endWeek: w.endWeek, moved: w.movedWeeks > 0, title: `${w.name}: go-live ${formatReportDate(w.goLive)}` }))}
              blackouts={r.cutover.blackouts.map((b) => ({ label: b.label, startWeek: b.startWeek, endWeek: b.endWeek, title: `${b.label}: ${formatReportDate(b.start)} – ${formatReportDate(b.end)}` }))}
            />
            <p className="mt-1 text-xs text-ink-500">One row per track. Bar: a wave from preparation to the end of its stabilisation; ◆ its go-live, orange when a blackout moved it; shaded: blackout windows.</p>
          </div>
          <DataTable
            caption="Waves by go-live track, with go-lives moved by a blackout or waiting for their build"
            cols={[{ title: waveWord === "cohort" ? "Cohort" : "Wave" }, { title: "Track", align: "right" }, { title: "Starts", align: "right" }, { title: "Go-live", align: "right" }, { title: "Stable by", align: "right" }, { title: "Note" }]}
            rows={r.cutover.waves.map(cutoverWaveRow)}
          />
        </Sub>
        <Sub title="Blackout windows">
          {r.cutover.blackouts.length ? (
            <ul className="list-disc space-y-0.5 pl-5 text-sm text-ink-800">
              {r.cutover.blackouts.map((b) => <li key={`${b.label}-${b.start}`}>{b.label}: {formatReportDate(b.start)} – {formatReportDate(b.end)}</li>)}
            </ul>
          ) : (
            <p className="text-sm text-ink-600">No blackout window falls in the plan.</p>
          )}
          <p className="mt-2 text-sm text-ink-800" data-testid="report-moved">
            {r.cutover.moved.length
              ? r.cutover.moved.map((m) => `${m.wave} goes live ${formatReportDate(m.goLive)}, ${formatWeeks(m.weeks)} later than its track allowed, out of “${m.reason}”.`).join(" ")
              : "No go-live falls in a blackout window."}
          </p>
          {r.cutover.build ? (
            <p className="mt-2 text-sm text-ink-700">Incremental build: Phase 1 builds {formatShare(r.cutover.build.phase1Share)} of the function points (the core and the pilot’s slice); the rest is built ahead of each {waveWord}, all of it by {formatReportDate(r.cutover.build.doneDate)}.</p>
          ) : null}
        </Sub>
        <Sub title={`Team lanes: ${r.lanes.bindingLabel.toLowerCase()} bind${r.lanes.bindingLabel.endsWith("s") ? "" : "s"} Phase 1`}>
          <DataTable
            caption="Phase 1 lanes: people, the weeks each needs, how the staffing was set"
            cols={[{ title: "Lane" }, { title: "People", align: "right" }, { title: "Phase 1 needs", align: "right" }, { title: "How it was set" }]}
            rows={r.lanes.rows.map((x) => [x.binding ? <strong key="b">{x.label} (binding)</strong> : x.label, x.fte === null ? "—" : formatCount(x.fte, 1), formatWeeks(x.weeks), x.basis])}
          />
          <p className="mt-2 text-sm text-ink-800" data-testid="report-one-more-person">
            {r.lanes.oneMorePerson.applies
              ? `What one more person in the binding lane saves: ${r.lanes.oneMorePerson.weeksSaved > 0.05 ? formatWeeks(r.lanes.oneMorePerson.weeksSaved) : "no time"}; cost ${r.lanes.oneMorePerson.costDeltaCents === 0 ? "unchanged" : `${r.lanes.oneMorePerson.costDeltaCents < 0 ? "lower by" : "higher by"} ${formatMoneyFull(Math.abs(r.lanes.oneMorePerson.costDeltaCents), cur)}`} (base plan). `
              : "One more person saves no time: "}
            {r.lanes.oneMorePerson.explanation}
          </p>
        </Sub>
      </Section>

      {/* ---------- type decision ---------- */}
      <Section id="type-decision" number="6 · Type decision" title="Which type should this client choose?">
        {r.typeDecision === null ? (
          <p className="text-sm text-ink-600">No migration type could be estimated for this engagement, so there is no cost of ownership to compare.</p>
        ) : (
          <>
            <p className="max-w-[80ch] text-sm leading-relaxed text-ink-800" data-testid="report-type-decision">{r.typeDecision.summary}</p>
            {r.typeDecision.redacted ? (
              <ul className="list-disc space-y-0.5 pl-5 text-sm text-ink-800">{r.typeDecision.breakEven.map((b) => <li key={b.type}>{b.words}</li>)}</ul>
            ) : (
              <>
                <Sub title={`Cumulative cost of ownership over ${r.typeDecision.horizonYears} years`}>
                  <div className="hidden sm:block print:block">
                    <TcoChart decision={r.typeDecision} currency={cur} />
                    <p className="mt-1 text-xs text-ink-500">Each type’s migration (P50 of its estimate) spread until it completes, then its running cost every year after its final go-live; dashed: break-even with Type A.</p>
                  </div>
                  <DataTable
                    caption="Cost of ownership per type: one-time, per year after go-live, after 5 and 10 years, break-even with Type A"
                    cols={[{ title: "Type" }, { title: "One-time", align: "right" }, { title: "Per year after go-live", align: "right" }, { title: "5 years", align: "right" }, { title: `${r.typeDecision.horizonYears} years`, align: "right" }, { title: "Break-even with A" }]}
                    rows={r.typeDecision.types.map((t) => {
                      const d = r.typeDecision as TypeDecision;
                      const be = d.breakEven.find((b) => b.type === t.type);
                      return [
                        t.name,
                        formatMoneyFull(t.oneTimeCents, cur),
                        formatMoneyFull(t.runPerYearCents, cur),
                        formatMoneyFull(t.at5Cents, cur),
                        formatMoneyFull(t.at10Cents, cur),
                        t.type === "A" || !be ? "—" : be.year === null ? `Not within ${d.horizonYears} years` : be.year === 0 ? "Never costs more" : `Year ${be.year}`,
                      ];
                    })}
                  />
                </Sub>
              </>
            )}
          </>
        )}
        {r.fitChecklist ? (
          <Sub title="The four fit criteria for a custom replacement">
            <p className="mb-2 text-sm text-ink-800" data-testid="report-fit-summary">{r.fitChecklist.summary}</p>
            <DataTable
              caption="Fit criteria and the consultant's answers"
              cols={[{ title: "Criterion" }, { title: "Answer" }, { title: "Why" }]}
              rows={r.fitChecklist.criteria.map((c) => [c.label, c.answer, c.note || "—"])}
            />
          </Sub>
        ) : null}
      </Section>

      {r.validationPlan ? (
        <Section id="validation-plan" number="Appendix" title="Validation plan">
          <p className="mb-4 max-w-[80ch] text-sm text-ink-700" data-testid="report-validation-plan">
            How the converted data will be proven right: the reconciliation checks per entity, the golden patients checked by hand (chosen to cover every quirk found) and the mock conversion rounds with their acceptance thresholds.
            {r.validationPlan.edited ? " Edited by the consultants from the generated plan." : " As generated from the data inventory and the profiled extracts."}
          </p>
          <div className="space-y-6">
            <Sub title="Reconciliation checks">
              <DataTable caption="Reconciliation checks per entity" cols={[{ title: "Entity" }, { title: "Check" }, { title: "Acceptance" }]} rows={r.validationPlan.checks.map((c) => [c.sourceObject, c.check, c.acceptance])} />
              <PlanRowsNote shown={r.validationPlan.checks.length} total={r.validationPlan.checksTotal} noun="reconciliation checks" />
            </Sub>
            <Sub title="Golden patients">
              <DataTable
                caption="Golden-patient sets per entity"
                cols={[{ title: "Entity" }, { title: "Patients", align: "right" }, { title: "Covers" }, { title: "Notes" }]}
                rows={r.validationPlan.goldenSets.map((g) => [g.sourceObject, formatCount(g.size), g.covers, g.notes || "—"])}
              />
              <PlanRowsNote shown={r.validationPlan.goldenSets.length} total={r.validationPlan.goldenSetsTotal} noun="golden-patient sets" />
            </Sub>
            <Sub title="Mock conversion rounds">
              <DataTable caption="Mock conversion rounds and their acceptance thresholds" cols={[{ title: "Round" }, { title: "Acceptance thresholds" }]} rows={r.validationPlan.rounds.map((x) => [x.name, x.acceptance])} />
            </Sub>
          </div>
        </Section>
      ) : null}

      <footer className="report-keep mt-10 border-t border-ink-200 pt-4 text-xs leading-relaxed text-ink-500">
        <p>
          As of {formatReportDateTime(r.meta.asOf)} · estimate seed {r.meta.seed} · {formatCount(r.meta.iterations)} Monte Carlo iterations · engine {r.meta.engineVersion}. Your consultants can reproduce every number from the engagement’s data and this seed.
        </p>
        <details className="no-print mt-1">
          <summary className="cursor-pointer text-brand-700">How to reproduce (for consultants)</summary>
          <p className="mt-1">
            Run <code className="rounded bg-ink-100 px-1 py-0.5 break-all text-ink-700">{r.meta.reproduce}</code> on the engagement’s JSON export as of this time.
          </p>
        </details>
        {r.meta.preparedBy.length ? <p className="mt-1">Prepared by {r.meta.preparedBy.join(", ")}, {r.meta.firmName}.</p> : null}
      </footer>
    </article>
  );
}
