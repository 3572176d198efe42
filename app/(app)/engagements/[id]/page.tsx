import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { Database, GitBranch, Plug, FileBarChart, ShieldCheck, AlertTriangle } from "lucide-react";
import { requirePageAccess } from "@/lib/auth/session";
import { findEngagement, findEngagementAssumptionsRaw, findInventoryCounts } from "@/lib/engagements/data";
import { MIGRATION_TYPE_LABELS } from "@/lib/engagement-format/schema";
import { can } from "@/lib/auth/access-matrix";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { formatDate, formatNumber } from "@/components/ui/format";
import { StatusBadge } from "@/components/engagements/badges";
import { InventoryLink, type InventoryCard } from "@/components/inventory/inventory-link";
import { auditTrailWarnings } from "@/lib/audit-trail/schema";
import { AUDIT_POLICY_LABELS, labelOf } from "@/lib/inventories/labels";
import { findWorkflowSignOffSummary } from "@/lib/workflow-review/data";
import { SignOffStatus } from "@/components/workflow-review/sign-off-status";
import { quotableChecklist } from "@/lib/engagements/checklist";
import { loadEstimateHeadline } from "@/lib/estimates/data";
import { DEFAULT_SEED } from "@/lib/estimates/schema";
import { buildCommitment } from "@/lib/estimates/commitment";
import { readConfidence, signOffState } from "@/lib/estimates/confidence";
import { QuotableChecklist } from "@/components/engagements/quotable-checklist";
import { CommitmentPanel } from "@/components/estimate/estimate-headline";
import { EstimateFailed } from "@/components/estimate/estimate-failed";
import { estimateFailureMessage } from "@/lib/estimate-results/obtain";
import { describeEstimateFailure } from "@/lib/estimate-results/failure";

export const metadata: Metadata = { title: "Overview" };

export default async function EngagementOverviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { access } = await requirePageAccess(id, "engagement.view");
  const [engagement, counts, signOff, assumptions, loadedEstimate] = await Promise.all([
    findEngagement(access.engagementId),
    findInventoryCounts(access.engagementId),
    findWorkflowSignOffSummary(access.engagementId),
    findEngagementAssumptionsRaw(access.engagementId),
    can(access.role, "estimate.view")
      ? // the stored headline only (a few KB), not the whole estimate
        loadEstimateHeadline(access.engagementId, DEFAULT_SEED).catch((err: unknown) => {
          // inputs the engine refuses (or a run over its budget): say so here, the estimate page says what to check
          const message = estimateFailureMessage(err);
          if (message === null) throw err;
          return { failure: describeEstimateFailure(message, access.engagementId) };
        })
      : Promise.resolve(null),
  ]);
  const estimate = loadedEstimate && !("failure" in loadedEstimate) ? loadedEstimate : null;
  const estimateFailure = loadedEstimate && "failure" in loadedEstimate ? loadedEstimate.failure : null;
  const checklist = quotableChecklist({
    profile: { providers: engagement.providers, locations: engagement.locations },
    assumptions,
    completeness: counts.completeness,
    signOff: { signedOff: signOff.lastSignOff !== null, changedSinceSignOff: signOff.changedSinceSignOff },
  });
  const commitment = estimate ? buildCommitment(estimate.headline, estimate.targets) : null;
  const confidence = estimate ? readConfidence(estimate.headline.confidence, signOffState(signOff)) : null;
  const criticalCount = estimate ? estimate.headline.criticalFlagCount : 0;
  const awaitingReview = can(access.role, "workflow.approve") ? signOff.notReviewed + signOff.changedSinceApproval : can(access.role, "workflow.comment") ? signOff.changesRequested : 0;
  const base = `/engagements/${engagement.id}`;
  const c = counts.completeness;
  const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;
  const issues = (...parts: [number, string, string?][]) => parts.filter(([n]) => n > 0).map(([n, one, many]) => `${formatNumber(n)} ${n === 1 || !many ? one : many}`);
  const auditWarnings = auditTrailWarnings(c.auditTrail.policy ? { policy: c.auditTrail.policy, retrievalProcedure: c.auditTrail.retrievalProcedure, destination: c.auditTrail.destination } : null);
  const inventories: InventoryCard[] = [
    {
      href: `${base}/data`, label: "Data inventory", icon: Database, total: c.data.total, summary: plural(c.data.total, "source entity", "source entities"),
      incomplete: c.data.incomplete, issues: issues([c.data.unknownCounts, "with unknown record counts"], [c.data.undecided, "undecided"]),
    },
    {
      href: `${base}/workflows`, label: "Workflows", icon: GitBranch, total: c.workflows.total, summary: plural(c.workflows.total, "workflow item", "workflow items"),
      incomplete: c.workflows.incomplete, issues: issues([c.workflows.undecided, "disposition undecided"], [c.workflows.notReviewed, "not reviewed"]),
    },
    {
      href: `${base}/integrations`, label: "Integrations", icon: Plug, total: c.integrations.total, summary: plural(c.integrations.total, "interface", "interfaces"),
      incomplete: c.integrations.incomplete, issues: issues([c.integrations.undecided, "without a transition strategy"]),
    },
    {
      href: `${base}/reports`, label: "Reports", icon: FileBarChart, total: c.reports.total, summary: `${plural(c.reports.total, "report", "reports")} · ${formatNumber(c.reports.regulatory)} regulatory`,
      incomplete: c.reports.incomplete, issues: issues([c.reports.regulatoryWithoutPlan, "regulatory without a reproducibility plan"]), isSevere: c.reports.regulatoryWithoutPlan > 0,
    },
    {
      href: `${base}/audit-trail`, label: "Audit-trail policy", icon: ShieldCheck, total: c.auditTrail.policy ? 1 : 0,
      summary: c.auditTrail.policy && c.auditTrail.policy !== "undecided" ? `Policy: ${labelOf(AUDIT_POLICY_LABELS, c.auditTrail.policy)}` : "Not decided",
      incomplete: auditWarnings.length, issues: auditWarnings.map((w) => w.short), isSevere: !c.auditTrail.policy || c.auditTrail.policy === "undecided",
      isSingle: true,
    },
    {
      href: `${base}/risks`, label: "Risk register", icon: AlertTriangle, total: c.risks.total, summary: `${plural(c.risks.total, "risk", "risks")} · ${formatNumber(c.risks.notClosed)} open`,
      incomplete: c.risks.incomplete + c.risks.overdue, issues: issues([c.risks.overdue, "review overdue", "reviews overdue"], [c.risks.withoutOwner, "without owner"], [c.risks.residualNotAssessed, "residual not assessed"]), isSevere: c.risks.overdue > 0,
    },
  ];
  const profile = [
    ["Providers", formatNumber(engagement.providers)],
    ["Locations", formatNumber(engagement.locations)],
    ["Specialties", formatNumber(engagement.specialties)],
    ["EMR users", formatNumber(engagement.staffUsers)],
    ["Active patients", formatNumber(engagement.activePatients)],
    ["Years of data", formatNumber(engagement.yearsOfData)],
    ["Source systems", formatNumber(engagement.sourceSystemCount)],
    ["Planned start", formatDate(engagement.plannedStart)],
  ] as const;

  return (
    <main>
      <PageHeader
        eyebrow={engagement.clientName}
        title={engagement.name}
        description={`${MIGRATION_TYPE_LABELS[engagement.migrationType].name}: ${engagement.sourceSystem || "source not set"} → ${engagement.destinationSystem || "destination not set"}. ${MIGRATION_TYPE_LABELS[engagement.migrationType].explanation}`}
        actions={
          <>
            <StatusBadge status={engagement.status} />
            {can(access.role, "engagement.edit") ? <ButtonLink href={`${base}/settings`} variant="secondary" size="sm">Edit details</ButtonLink> : null}
          </>
        }
      />

      {commitment && estimate ? (
        <div className="mb-6 space-y-2" data-testid="overview-headline">
          <CommitmentPanel commitment={commitment} currency={estimate.headline.input.currency} />
          <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-ink-700">
            <span data-testid="overview-confidence">Input confidence <strong className="tabular">{confidence!.score} / 100</strong> ({confidence!.level}{confidence!.reason ? `: ${confidence!.reason}` : ""})</span>
            <span>{criticalCount ? <strong className="text-red-800">{formatNumber(criticalCount)} critical flag{criticalCount === 1 ? "" : "s"}</strong> : "No critical flag"}</span>
            <Link className="font-medium text-brand-700 underline" href={`${base}/estimate`}>The estimate, explained</Link>
            {can(access.role, "report.view") ? <Link className="font-medium text-brand-700 underline" href={`${base}/report`}>Executive report</Link> : null}
          </p>
        </div>
      ) : null}

      {estimateFailure ? (
        <div className="mb-6">
          <EstimateFailed failure={{ ...estimateFailure, checks: [{ label: "The estimate page", href: `${base}/estimate` }, ...estimateFailure.checks] }} compact />
        </div>
      ) : null}

      {awaitingReview > 0 ? (
        <p className="mb-6 rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200" data-testid="overview-awaiting">
          <strong>{formatNumber(awaitingReview)} workflow item{awaitingReview === 1 ? "" : "s"} {can(access.role, "workflow.approve") ? "await your review" : "have changes requested for you to answer"}.</strong>{" "}
          <Link className="font-medium underline" href={`${base}/workflows/review?status=${can(access.role, "workflow.approve") ? "needs_me" : "changes_requested"}`}>Open the review queue</Link>
        </p>
      ) : null}

      {can(access.role, "engagement.edit") || !checklist.quotable ? (
        <div className="mb-6">
          <QuotableChecklist engagementId={engagement.id} {...checklist} />
        </div>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title="Phase 0 inventories" description="What the estimate is computed from, and what is still unknown or undecided. Open one to fill it by hand or by importing a spreadsheet." />
          <CardBody>
            <ul className="grid gap-3 sm:grid-cols-2">
              {inventories.map((inv) => (
                <li key={inv.href}>
                  <InventoryLink card={inv} />
                </li>
              ))}
            </ul>
            <SignOffStatus summary={signOff} signOffHref={`${base}/workflows/sign-off`} reviewHref={`${base}/workflows/review`} className="mt-4" />
          </CardBody>
        </Card>

        <Card>
          <CardHeader title="Organization profile" />
          <CardBody>
            <dl className="grid grid-cols-2 gap-x-4 gap-y-3 text-sm">
              {profile.map(([k, val]) => (
                <div key={k}>
                  <dt className="text-ink-500">{k}</dt>
                  <dd className="tabular font-medium text-ink-900">{val}</dd>
                </div>
              ))}
            </dl>
            <p className="mt-4 text-xs text-ink-500">{formatNumber(counts.members)} member{counts.members === 1 ? "" : "s"} · currency {engagement.currency}</p>
          </CardBody>
        </Card>
      </div>
    </main>
  );
}
