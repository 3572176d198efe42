// /engagements/[id]/estimate — the estimate of the current inputs (seed via ?seed=), computed once per
// input and stored; after an input change the previous numbers are shown marked "updating" until the new ones are ready.
// When the estimate cannot be computed (inputs refused, time budget), the page says why, what to check, and offers Try again.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import type { ReactNode } from "react";
import { requirePageAccess } from "@/lib/auth/session";
import { can } from "@/lib/auth/access-matrix";
import { loadEstimatePage } from "@/lib/estimates/data";
import { parseSeedParam } from "@/lib/estimates/schema";
import { buildCommitment } from "@/lib/estimates/commitment";
import { signOffState } from "@/lib/estimates/confidence";
import { findWorkflowSignOffSummary } from "@/lib/workflow-review/data";
import { PageHeader } from "@/components/ui/page-header";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EstimateSubnav } from "@/components/estimate/estimate-subnav";
import { RunBar } from "@/components/estimate/run-bar";
import { UpdatingNotice } from "@/components/estimate/updating-notice";
import { FlagsList } from "@/components/estimate/flags-list";
import { EstimateHeadline } from "@/components/estimate/estimate-headline";
import { TimelineSection } from "@/components/estimate/timeline-section";
import { CutoverSection, LanesSection } from "@/components/estimate/cutover-section";
import { UncertaintySection } from "@/components/estimate/uncertainty-section";
import { CostSection } from "@/components/estimate/cost-section";
import { OverlapSection } from "@/components/estimate/overlap-section";
import { DriversSection } from "@/components/estimate/drivers-section";
import { tornadoBars } from "@/components/estimate/drivers-data";
import { EstimateFailed } from "@/components/estimate/estimate-failed";
import { RetryEstimateButton } from "@/components/estimate/retry-estimate-button";
import { findEngagement } from "@/lib/engagements/data";
import { estimateFailureMessage } from "@/lib/estimate-results/obtain";
import { describeEstimateFailure } from "@/lib/estimate-results/failure";
import { retryEstimateAction } from "@/lib/estimate-results/actions";
import { ConfidencePanel, EffortTable, RisksTable } from "@/components/estimate/details-sections";

export const metadata: Metadata = { title: "Estimate" };

const SECTIONS = [
  ["flags", "Flags"],
  ["timeline", "Timeline"],
  ["tracks", "Go-live tracks"],
  ["lanes", "Lanes"],
  ["uncertainty", "S-curves"],
  ["cost", "Cost"],
  ["overlap", "License overlap"],
  ["drivers", "Drivers"],
  ["effort", "Effort"],
  ["confidence", "Input confidence"],
  ["risks", "Risk events"],
] as const;

function Section({ id, title, description, children }: { id: string; title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <Card className="scroll-mt-20">
      <div id={id} className="scroll-mt-20" />
      <CardHeader title={title} description={description} />
      <CardBody className="py-5">{children}</CardBody>
    </Card>
  );
}

function riskHrefs(eid: string, seed: string | string[] | undefined | null): { all: string; top: string } {
  const s = typeof seed === "string" && seed.trim() !== "" ? `seed=${encodeURIComponent(seed.trim())}` : "";
  const base = `/engagements/${eid}/estimate`;
  return { all: `${base}?${s ? `${s}&` : ""}risks=all#risks`, top: `${base}${s ? `?${s}` : ""}#risks` };
}

export default async function EstimatePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const { access } = await requirePageAccess(id, "estimate.view");
  const query = await searchParams;
  const { seed, error: seedError } = parseSeedParam(query.seed);
  // ?risks=all: every risk event (by default the costliest RISK_ROWS; a large register has hundreds)
  const showAllRisks = query.risks === "all";
  const eid = access.engagementId;
  const [loaded, signOff] = await Promise.all([
    loadEstimatePage(eid, access.role, seed).catch((err: unknown) => {
      // the engine refused these inputs or ran over its budget: a state of this page, not the error page
      const message = estimateFailureMessage(err);
      if (message === null) throw err;
      return { failure: describeEstimateFailure(message, eid) };
    }),
    findWorkflowSignOffSummary(eid),
  ]);
  if ("failure" in loaded) {
    const engagement = await findEngagement(eid);
    return (
      <main className="space-y-6">
        <PageHeader
          eyebrow="Estimate"
          title={engagement.name}
          actions={<ButtonLink href={`/engagements/${eid}/assumptions`} variant="secondary">{can(access.role, "assumptions.edit") ? "Edit assumptions" : "Assumptions"}</ButtonLink>}
        />
        <EstimateSubnav engagementId={eid} />
        <EstimateFailed failure={loaded.failure} retry={<RetryEstimateButton engagementId={eid} seed={seed} retry={retryEstimateAction} />} />
      </main>
    );
  }
  const { view, timings, targets, updating } = loaded;
  const commitment = buildCommitment(view, targets);
  return (
    <main className="space-y-6">
      <PageHeader
        eyebrow="Estimate"
        title={`${view.input.engagementName}`}
        description={<>{view.input.migrationTypeName}, {view.input.providers} providers, planned start {new Date(`${view.input.plannedStart}T00:00:00Z`).toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" })}. Every number below has an “Explain”: the inputs, the formula in words and the assumptions behind it.</>}
        actions={
          <>
            <ButtonLink href={`/engagements/${eid}/assumptions`} variant="secondary">{can(access.role, "assumptions.edit") ? "Edit assumptions" : "Assumptions"}</ButtonLink>
            {can(access.role, "baseline.create") ? <ButtonLink href={`/engagements/${eid}/estimate/baselines?seed=${seed}`}>Save a baseline</ButtonLink> : null}
          </>
        }
      />
      <EstimateSubnav engagementId={eid} />
      {updating ? <UpdatingNotice shownComputedAt={updating.shownComputedAt} /> : null}
      <RunBar seed={view.run.seed} iterations={view.run.iterations} engineVersion={view.engine.version} timings={timings} seedError={seedError} action={`/engagements/${eid}/estimate`} />

      <nav aria-label="On this page" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {SECTIONS.map(([anchor, label]) => (
          <Link key={anchor} href={`#${anchor}`} className="text-brand-700 hover:text-brand-900">{label}</Link>
        ))}
      </nav>

      <EstimateHeadline view={view} commitment={commitment} engagementId={eid} signOff={signOffState(signOff)} />

      <Section id="flags" title="Honesty flags" description="What this estimate must say out loud.">
        <FlagsList flags={view.flags} />
      </Section>
      <Section id="timeline" title="Timeline" description="Phases and cutover waves with dates.">
        <TimelineSection view={view} commitment={commitment} engagementId={eid} />
      </Section>
      <Section id="tracks" title="Go-live tracks and blackouts" description="Waves that overlap on concurrent go-live tracks, and the go-lives moved out of blackout windows.">
        <CutoverSection view={view} />
      </Section>
      <Section id="lanes" title="Team lanes" description="Which lane of the team sets the length of Phase 1, and what one more person in it saves.">
        <LanesSection view={view} />
      </Section>
      <Section id="uncertainty" title="How sure is it?" description="Cumulative probability over 10,000 simulated runs of the schedule and the risk register.">
        <UncertaintySection view={view} targets={targets} />
      </Section>
      <Section id="cost" title="Cost breakdown" description={view.redacted ? "Labor rates and license fees are hidden for your role; workstreams and roles are shown in hours." : "By workstream, role, phase and month; every line with its percentiles."}>
        <CostSection view={view} engagementId={eid} />
      </Section>
      <Section id="overlap" title="License overlap" description="What the client pays for two systems at once, tied to the cutover waves.">
        <OverlapSection view={view} engagementId={eid} />
      </Section>
      <Section id="drivers" title="Drivers" description="Which inputs and risks move the numbers most (tornado).">
        <DriversSection duration={tornadoBars(view.tornado.duration)} cost={tornadoBars(view.tornado.cost)} meanWeeks={view.duration.totalWeeks.mean} meanCents={view.cost.totalCents.mean} currency={view.input.currency} />
      </Section>
      <Section id="effort" title="Effort by workstream" description="Hours of each workstream and where they come from.">
        <EffortTable view={view} engagementId={eid} />
      </Section>
      <Section id="confidence" title="Input confidence" description="How much of what drives the estimate is actually known.">
        <ConfidencePanel view={view} />
      </Section>
      <Section id="risks" title="Risk events" description="Each open risk as simulated: its probability, how often it occurred, and what it added on average.">
        <RisksTable view={view} showAll={showAllRisks} hrefs={riskHrefs(eid, seedError ? null : query.seed)} />
      </Section>
    </main>
  );
}
