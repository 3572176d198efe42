// The headline: P80 first — the go-live date and the cost to commit to — with P50 as the expectation, one
// recommendation in words, the base plan and any target with its probability (lib/estimates/commitment.ts,
// the same sentences as the report and the PDF); then duration, cost, license overlap and input confidence,
// each with its "Explain".
import type { ReactNode } from "react";
import type { EstimateView } from "@/lib/estimates/view";
import type { Commitment } from "@/lib/estimates/commitment";
import { formatMoneyCents } from "@/components/ui/format";
import { formatMoneyShort, formatMonths, formatReportDate } from "@/lib/report/format";
import { moneyCompact } from "@/components/charts/format";
import { Explain } from "@/components/estimate/explain";
import { readConfidence, type SignOffState } from "@/lib/estimates/confidence";

function Stat({ label, value, sub, emphasis, testId }: { label: string; value: ReactNode; sub?: ReactNode; emphasis?: boolean; testId?: string }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-ink-500">{label}</dt>
      <dd className={emphasis ? "mt-0.5 text-2xl font-semibold tabular text-ink-900" : "mt-0.5 text-lg font-semibold tabular text-ink-700"} data-testid={testId}>{value}</dd>
      {sub ? <dd className="mt-0.5 text-xs text-ink-600">{sub}</dd> : null}
    </div>
  );
}

function Panel({ title, explain, children }: { title: string; explain?: ReactNode; children: ReactNode }) {
  return (
    <section className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-ink-200/70" aria-label={title}>
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold text-ink-900">{title}</h2>
        {explain}
      </div>
      {children}
    </section>
  );
}

/** The commitment: P80 go-live, duration and cost, the recommendation, P50 and the base plan's chance. */
export function CommitmentPanel({ commitment: c, currency }: { commitment: Commitment; currency: string }) {
  return (
    <section aria-labelledby="commit-title" className="rounded-lg bg-brand-50 p-4 ring-1 ring-brand-200 sm:p-5">
      <h2 id="commit-title" className="text-sm font-semibold text-brand-900">Commit to (P80: four in five simulated outcomes finish by then, within budget)</h2>
      <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-3 lg:grid-cols-4">
        <Stat label="Go-live by" value={formatReportDate(c.commit.goLive)} emphasis testId="commit-go-live" />
        <Stat label="Budget" value={formatMoneyShort(c.commit.costCents, currency)} emphasis testId="commit-cost" sub={formatMoneyCents(c.commit.costCents, currency)} />
        <Stat label="Duration" value={formatMonths(c.commit.months)} emphasis testId="commit-months" sub={`Complete by ${formatReportDate(c.commit.completion)}`} />
        <Stat label="Includes contingency" value={formatMoneyShort(c.contingency.costCents, currency)} sub={`and ${formatMonths(c.contingency.months)} over the base plan`} />
      </dl>
      <p className="mt-3 text-sm font-medium text-ink-900" data-testid="commit-recommendation">{c.recommendation}</p>
      <dl className="mt-3 grid gap-x-6 gap-y-2 border-t border-brand-200 pt-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="inline font-medium text-ink-800">Expect (P50): </dt>
          <dd className="inline tabular text-ink-700" data-testid="expect-summary">
            go-live {formatReportDate(c.expect.goLive)}, {formatMonths(c.expect.months)}, {formatMoneyShort(c.expect.costCents, currency)} — as likely to come in under as over.
          </dd>
        </div>
        <div>
          <dt className="inline font-medium text-ink-800">Base plan: </dt>
          <dd className="inline tabular text-ink-700" data-testid="base-plan-chance">
            go-live {formatReportDate(c.basePlan.goLive)}, {formatMonths(c.basePlan.months)}, {formatMoneyShort(c.basePlan.costCents, currency)} — everything at its most likely, no risk event; chance on time {c.basePlan.completionChance.words}, on budget {c.basePlan.costChance.words}.
          </dd>
        </div>
        {c.targets.goLive ? (
          <div>
            <dt className="inline font-medium text-ink-800">Target go-live {formatReportDate(c.targets.goLive.date)}: </dt>
            <dd className="inline text-ink-700" data-testid="target-go-live-chance">chance of meeting it {c.targets.goLive.words}.</dd>
          </div>
        ) : null}
        {c.targets.budget ? (
          <div>
            <dt className="inline font-medium text-ink-800">Target budget {formatMoneyShort(c.targets.budget.cents, currency)}: </dt>
            <dd className="inline text-ink-700" data-testid="target-budget-chance">chance of staying within it {c.targets.budget.words}.</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}

export function EstimateHeadline({ view, commitment, engagementId, signOff = null }: { view: EstimateView; commitment: Commitment; engagementId: string; signOff?: SignOffState }) {
  const cur = view.input.currency;
  const c = commitment;
  const ex = view.explanations;
  const range = view.input.fieldRangeMonths;
  // the engine's structured marker (engines before 2.1: the flag)
  const noFees = view.licenseOverlap.fees ? view.licenseOverlap.fees === "not_entered" : view.flags.some((f) => f.code === "NO_LICENSE_FEES");
  const confidence = readConfidence(view.inputConfidence.score, signOff);
  return (
    <div className="space-y-4">
      <CommitmentPanel commitment={c} currency={cur} />
      <div className="grid gap-4 md:grid-cols-2">
        <Panel title="Duration" explain={<Explain explanation={ex["total.duration"]} engagementId={engagementId} currency={cur} focus={[{ label: "P80 · commit", value: formatMonths(c.commit.months) }, { label: "P50 · expect", value: formatMonths(c.expect.months) }]} />}>
          <dl className="mt-3 grid grid-cols-2 gap-3">
            <Stat label="P80 · commit" testId="duration-p80" value={formatMonths(c.commit.months)} sub={<>Final go-live {formatReportDate(c.commit.goLive)}<br />Complete {formatReportDate(c.commit.completion)}</>} emphasis />
            <Stat label="P50 · expect" testId="duration-p50" value={formatMonths(c.expect.months)} sub={<>Final go-live {formatReportDate(c.expect.goLive)}<br />Complete {formatReportDate(c.expect.completion)}</>} />
          </dl>
          <div className="mt-3 border-t border-ink-100 pt-2 text-xs text-ink-600">
            P80 = base plan {formatMonths(c.basePlan.months)} (chance {c.basePlan.completionChance.words}) + schedule contingency {formatMonths(c.contingency.months)}{" "}
            <Explain explanation={ex["contingency.duration"]} engagementId={engagementId} currency={cur} align="left" focus={[{ label: "Schedule contingency", value: formatMonths(c.contingency.months) }, { label: "P80 · commit", value: formatMonths(c.commit.months) }]} />
            <br />
            Field range for a {view.input.sizeClass === "mid" ? "mid-size" : view.input.sizeClass} organization: {range.min}–{range.max} months.
          </div>
        </Panel>
        <Panel title="Cost" explain={<Explain explanation={ex["total.cost"]} engagementId={engagementId} currency={cur} focus={[{ label: "P80 · commit", value: formatMoneyCents(c.commit.costCents, cur) }, { label: "P50 · expect", value: formatMoneyCents(c.expect.costCents, cur) }]} />}>
          <dl className="mt-3 grid grid-cols-2 gap-3">
            <Stat label="P80 · commit" value={moneyCompact(c.commit.costCents, cur)} sub={formatMoneyCents(c.commit.costCents, cur)} emphasis />
            <Stat label="P50 · expect" value={moneyCompact(c.expect.costCents, cur)} sub={formatMoneyCents(c.expect.costCents, cur)} />
          </dl>
          <div className="mt-3 border-t border-ink-100 pt-2 text-xs text-ink-600">
            P80 = base plan {formatMoneyCents(view.basePlan.totalCostCents, cur)} + contingency {formatMoneyCents(view.contingency.costCents, cur)} ({Math.round(view.contingency.costShareOfBase * 100)}%){" "}
            <Explain explanation={ex["contingency.cost"]} engagementId={engagementId} currency={cur} align="left" focus={[{ label: "Cost contingency", value: formatMoneyCents(view.contingency.costCents, cur) }, { label: "P80 · commit", value: formatMoneyCents(c.commit.costCents, cur) }]} />
          </div>
        </Panel>
        <Panel title="License overlap" explain={<Explain explanation={ex["licenseOverlap"]} engagementId={engagementId} currency={cur} focus={noFees ? [{ label: "License overlap", value: "not entered" }] : [{ label: "P50", value: formatMoneyCents(view.licenseOverlap.band.p50, cur) }, { label: "P10 – P90", value: `${moneyCompact(view.licenseOverlap.band.p10, cur)} – ${moneyCompact(view.licenseOverlap.band.p90, cur)}` }]} />}>
          {noFees ? (
            <p className="mt-3 text-sm text-ink-700" data-testid="overlap-not-entered">
              <span className="text-lg font-semibold text-amber-800">Not entered.</span> No license, hosting or archive fees are entered, so paying two systems at once is not in the cost yet. Enter them under Assumptions → License terms.
            </p>
          ) : (
            <>
              <dl className="mt-3 grid grid-cols-2 gap-3">
                <Stat label="P50" value={moneyCompact(view.licenseOverlap.band.p50, cur)} sub={`${(view.licenseOverlap.shareOfTotalCostP50 * 100).toFixed(1)}% of P50 cost`} emphasis />
                <Stat label="P10 – P90" value={`${moneyCompact(view.licenseOverlap.band.p10, cur)} – ${moneyCompact(view.licenseOverlap.band.p90, cur)}`} sub="Paying two systems at once" />
              </dl>
              <p className="mt-3 border-t border-ink-100 pt-2 text-xs text-ink-600">Every week the schedule slips is another week of double fees.</p>
            </>
          )}
        </Panel>
        <Panel title="Input confidence" explain={<Explain explanation={ex["inputConfidence"]} engagementId={engagementId} currency={cur} />}>
          <dl className="mt-3">
            <Stat label="Score" testId="estimate-confidence" value={<span>{confidence.score}<span className="text-base font-normal text-ink-500"> / 100 · {confidence.level}</span></span>} emphasis sub={confidence.reason ? `Not “High” while ${confidence.reason}.` : "How much of the inventories is known, decided and reviewed."} />
          </dl>
          <div className="mt-3 h-2 overflow-hidden rounded-full bg-ink-100" aria-hidden>
            <div className={view.inputConfidence.score >= 60 ? "h-full bg-emerald-500" : "h-full bg-amber-500"} style={{ width: `${view.inputConfidence.score}%` }} />
          </div>
        </Panel>
      </div>
    </div>
  );
}
