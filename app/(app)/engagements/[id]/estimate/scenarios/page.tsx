// /engagements/[id]/estimate/scenarios — the engagement as Type A, B and C, and named variants from the URL.
import type { Metadata } from "next";
import { requirePageAccess } from "@/lib/auth/session";
import { can } from "@/lib/auth/access-matrix";
import { computeScenarios } from "@/lib/estimates/data";
import { parseSeedParam } from "@/lib/estimates/schema";
import { parseVariantsParam } from "@/lib/estimates/scenarios";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EstimateSubnav } from "@/components/estimate/estimate-subnav";
import { ScenarioEditor } from "@/components/estimate/scenario-editor";
import { ScenarioCharts, ScenarioTable } from "@/components/estimate/scenario-table";
import { TypeDecisionCost } from "@/components/estimate/type-decision-section";
import { FitChecklistForm } from "@/components/estimate/fit-checklist-form";
import { findTypeDecisionChecklist } from "@/lib/type-decision/data";
import { saveTypeDecisionChecklistAction } from "@/lib/type-decision/actions";

export const metadata: Metadata = { title: "Scenarios" };

export default async function ScenariosPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const { access } = await requirePageAccess(id, "estimate.view");
  const sp = await searchParams;
  const { seed, error: seedError } = parseSeedParam(sp.seed);
  const canSeeRates = can(access.role, "rates.view");
  const { variants, errors } = parseVariantsParam(sp.variants, { canSeeRates });
  const [result, checklist] = await Promise.all([computeScenarios(access.engagementId, variants, seed, { canSeeRates }), findTypeDecisionChecklist(access.engagementId)]);
  const canAnswer = can(access.role, "assumptions.edit") && !access.isArchived;
  const currency = result.currency;
  const eid = access.engagementId;
  return (
    <main className="space-y-6">
      <PageHeader
        eyebrow="Estimate"
        title="Scenarios"
        description={`The same engagement under each migration type, and under variants of its assumptions — all with seed ${seed} and 10,000 runs each, so differences come from the inputs alone. Variants live in this page's link: share it to share the comparison.`}
      />
      <EstimateSubnav engagementId={eid} />
      {seedError || errors.length ? (
        <ul role="alert" className="space-y-1 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
          {seedError ? <li>{seedError}</li> : null}
          {errors.map((e) => <li key={e}>{e}</li>)}
        </ul>
      ) : null}
      {result.currentType === "A" && !result.hasBuildSize ? (
        <p className="text-sm text-ink-600">This is a Type A engagement with no build size: as Type B or C the estimate assumes a 300-function-point build and flags it. Add a variant with a build size to compare a realistic custom build.</p>
      ) : null}
      <Card>
        <CardHeader title="Variants" description="Name a variant and change a few values; it runs beside the others." />
        <CardBody>
          <ScenarioEditor variants={variants} canSeeRates={canSeeRates} seed={seed} basePath={`/engagements/${eid}/estimate/scenarios`} currency={currency} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Side by side" description={`Computed in ${Math.round(result.totalMs)} ms (${result.columns.length} estimates in worker threads). Changes against the current inputs in brackets.`} />
        <CardBody className="space-y-8">
          <ScenarioTable columns={result.columns} currency={currency} />
          <ScenarioCharts columns={result.columns} currency={currency} />
        </CardBody>
      </Card>
      <Card>
        <div id="type-decision" className="scroll-mt-20" />
        <CardHeader
          title="Which type should this client choose?"
          description={`The total cost of ownership of this engagement as Type A, B and C over 5 and 10 years (seed ${seed}), and the article's four fit criteria for a custom replacement.`}
        />
        <CardBody className="space-y-8">
          <TypeDecisionCost decision={result.typeDecision} currency={currency} />
          <section aria-labelledby="fit-criteria-title" className="space-y-3">
            <h3 id="fit-criteria-title" className="text-sm font-semibold text-ink-900">Fit criteria (“When custom replacement is the right answer”)</h3>
            <FitChecklistForm engagementId={eid} saved={checklist} action={canAnswer ? saveTypeDecisionChecklistAction : null} />
          </section>
        </CardBody>
      </Card>
    </main>
  );
}
