// /engagements/[id]/estimate/baselines/[baselineId] — now vs a baseline: what changed and which inputs caused it.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { requirePageAccess } from "@/lib/auth/session";
import { loadBaselineComparison } from "@/lib/estimates/data";
import { AppError } from "@/lib/errors";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatDateTime, formatMoneyCents } from "@/components/ui/format";
import { EstimateSubnav } from "@/components/estimate/estimate-subnav";
import { ComparisonSummary, FlagChanges, MetricTable } from "@/components/estimate/comparison-view";
import { ChartFrame, LegendItem } from "@/components/charts/chart-frame";
import { CompareSCurveChart } from "@/components/charts/compare-s-curve";
import { CHART_COLORS } from "@/components/charts/format";

export const metadata: Metadata = { title: "Baseline comparison" };

const WEEKS_PER_MONTH = 365.25 / 12 / 7;

export default async function BaselineComparisonPage({ params }: { params: Promise<{ id: string; baselineId: string }> }) {
  const { id, baselineId } = await params;
  const { access } = await requirePageAccess(id, "estimate.view");
  const data = await loadBaselineComparison(access.engagementId, access.role, baselineId).catch((err) => {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  const { baseline: b, comparison: c, current, then } = data;
  const cur = current.input.currency;
  const thenLabel = `“${b.name}”`;
  const months = (pts: { probability: number; value: number }[]) => pts.map((p) => ({ probability: p.probability, value: p.value / WEEKS_PER_MONTH }));
  const legend = (
    <div className="flex gap-4">
      <LegendItem color={CHART_COLORS.muted} label={`Baseline ${thenLabel}`} variant="line" />
      <LegendItem color={CHART_COLORS.base} label="Now" variant="line" />
    </div>
  );
  const eid = access.engagementId;
  return (
    <main className="space-y-6">
      <PageHeader
        eyebrow={<Link href={`/engagements/${eid}/estimate/baselines`} className="hover:text-brand-700">← Baselines</Link>}
        title={`Now vs ${thenLabel}`}
        description={`Baseline saved ${formatDateTime(b.createdAt)}${b.createdByName ? ` by ${b.createdByName}` : ""} · seed ${b.seed} · ${b.iterations.toLocaleString("en-US")} runs. The current estimate is computed with the same seed and runs, so differences come from the inputs${c.run.sameEngineVersion ? "" : " and from the newer estimate model"}.`}
      />
      <EstimateSubnav engagementId={eid} />
      {!c.run.sameEngineVersion ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">The estimate model changed since this baseline (engine {b.engineVersion} → {current.engine.version}): part of the difference comes from the model, not the inputs.</p>
      ) : null}
      <Card>
        <CardHeader title="In plain words" />
        <CardBody><ComparisonSummary data={data} /></CardBody>
      </Card>
      <Card>
        <CardHeader title="Headline numbers" />
        <CardBody className="space-y-8">
          <MetricTable caption="Headline numbers, baseline vs now" metrics={c.headline} currency={cur} thenLabel="Baseline" />
          <div className="grid gap-8 xl:grid-cols-2">
            <ChartFrame title="S-curve — duration, baseline vs now" summary={`P50 duration ${then.duration.totalMonths.percentiles.P50?.toFixed(1)} months at the baseline, ${current.duration.totalMonths.percentiles.P50?.toFixed(1)} now.`} legend={legend}
              table={{ columns: [{ key: "m", label: "Measure" }, { key: "a", label: "Baseline", align: "right" }, { key: "b", label: "Now", align: "right" }], rows: ["P10", "P50", "P80", "P90"].map((p) => ({ m: p, a: `${then.duration.totalMonths.percentiles[p]?.toFixed(1)} mo`, b: `${current.duration.totalMonths.percentiles[p]?.toFixed(1)} mo` })) }}>
              <CompareSCurveChart then={months(then.sCurves.durationWeeks)} now={months(current.sCurves.durationWeeks)} unit="months" xLabel="Total duration (months)" thenLabel={thenLabel} />
            </ChartFrame>
            <ChartFrame title="S-curve — cost, baseline vs now" summary={`P50 cost ${formatMoneyCents(then.cost.totalCents.percentiles.P50 ?? null, cur)} at the baseline, ${formatMoneyCents(current.cost.totalCents.percentiles.P50 ?? null, cur)} now.`} legend={legend}
              table={{ columns: [{ key: "m", label: "Measure" }, { key: "a", label: "Baseline", align: "right" }, { key: "b", label: "Now", align: "right" }], rows: ["P10", "P50", "P80", "P90"].map((p) => ({ m: p, a: formatMoneyCents(then.cost.totalCents.percentiles[p] ?? null, cur), b: formatMoneyCents(current.cost.totalCents.percentiles[p] ?? null, cur) })) }}>
              <CompareSCurveChart then={then.sCurves.costCents} now={current.sCurves.costCents} unit="money" currency={cur} xLabel={`Total cost (${cur})`} thenLabel={thenLabel} />
            </ChartFrame>
          </div>
        </CardBody>
      </Card>
      <div className="grid gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader title="Phases (P50 weeks)" />
          <CardBody><MetricTable caption="Phase durations at P50, baseline vs now" metrics={c.phases} currency={cur} thenLabel="Baseline" /></CardBody>
        </Card>
        <Card>
          <CardHeader title="Honesty flags" />
          <CardBody><FlagChanges data={data} /></CardBody>
        </Card>
      </div>
      <Card>
        <CardHeader title="Cost lines (P50)" description={current.redacted ? "Per-workstream labor lines are hidden for your role." : undefined} />
        <CardBody><MetricTable caption="Cost lines at P50, baseline vs now" metrics={c.costLines} currency={cur} thenLabel="Baseline" /></CardBody>
      </Card>
      <Card>
        <CardHeader title="Effort by workstream (P50 hours)" />
        <CardBody><MetricTable caption="Workstream hours at P50, baseline vs now" metrics={c.workstreamHours} currency={cur} thenLabel="Baseline" /></CardBody>
      </Card>
    </main>
  );
}
