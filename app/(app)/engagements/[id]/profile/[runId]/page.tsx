// /engagements/[id]/profile/[runId] — one profile run: progress while it runs (cancel), then what it measured
// and the findings to accept into the inventory.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { notFound } from "next/navigation";
import { requirePageAccess } from "@/lib/auth/session";
import { can } from "@/lib/auth/access-matrix";
import { findProfileRun, findProfileTarget } from "@/lib/profile-runs/data";
import { findingsOf, isMessageProfile } from "@/lib/profile-runs/findings";
import { acceptProfileFindingAction, cancelProfileRunAction } from "@/lib/profile-runs/actions";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { formatDateTime, formatNumber } from "@/components/ui/format";
import { RunProgress } from "@/components/profile-runs/run-progress";
import { FindingsList } from "@/components/profile-runs/findings-list";
import { ExtractChecks, ExtractFacts, MessageFacts } from "@/components/profile-runs/profile-result";

export const metadata: Metadata = { title: "Profile run" };

export default async function ProfileRunPage({ params }: { params: Promise<{ id: string; runId: string }> }) {
  const { id, runId } = await params;
  const { access } = await requirePageAccess(id, "inventory.view");
  const run = await findProfileRun(access.engagementId, runId);
  if (!run) notFound();
  const target = await findProfileTarget(access.engagementId, run.targetType, run.targetId);
  const base = `/engagements/${access.engagementId}`;
  const targetHref = `${base}/${run.targetType === "data_entity" ? "data" : "integrations"}`;
  const canRun = can(access.role, "profile.run") && !access.isArchived;
  const canAccept = canRun && can(access.role, "inventory.edit") && target !== null;
  const findings = run.result && target ? findingsOf(run.result, target.values, { id: run.id, createdAt: new Date(run.createdAt) }) : [];
  return (
    <main className="space-y-6">
      <PageHeader
        eyebrow={<Link href={`${base}/profile`} className="hover:text-brand-700">Profiling</Link>}
        title={<span className="break-all">{run.fileName}</span>}
        description={
          <>
            {run.targetType === "data_entity" ? "Extract of the data entity" : "Message sample of the interface"}{" "}
            <Link href={targetHref} className="underline hover:text-brand-700">{target?.label ?? run.targetLabel}</Link>
            {target ? "" : " (deleted since)"} · started {formatDateTime(run.createdAt)} by {run.createdByName}
            {run.sha256 ? <> · SHA-256 <span className="break-all font-mono text-xs">{run.sha256}</span></> : null}
          </>
        }
      />
      {run.status === "uploading" ? (
        <Card>
          <CardHeader title="Running" />
          <div className="px-5 py-4">
            <RunProgress engagementId={access.engagementId} initial={run} canCancel={canRun} cancelAction={cancelProfileRunAction} />
          </div>
        </Card>
      ) : run.status !== "done" ? (
        <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          {run.status === "failed" ? "The file could not be profiled: " : run.status === "cancelled" ? "" : "This run did not finish: "}
          {run.error || "the upload stopped before the end of the file (the page was closed, the connection was lost or the server restarted). Nothing was kept; start a new run."}
          {" "}<Link href={`${base}/profile?target=${run.targetType}:${run.targetId}`} className="underline">Profile a file again</Link>
        </p>
      ) : null}
      {run.result ? (
        <>
          <Card>
            <CardHeader
              title="Findings for the inventory"
              description={canAccept ? "Accept a finding to write it on the inventory row: quirks with their measured share and count, record count, years of data, interface complexity. Accepted facts feed the estimate. Severity is suggested from the share (under 1 % low, under 5 % medium, under 20 % high, more critical): change it on the row when the clinical weight differs." : "The suggestions this run makes for the inventory."}
            />
            <FindingsList engagementId={access.engagementId} runId={run.id} findings={findings} accepted={run.accepted} canAccept={canAccept} targetHref={targetHref} acceptAction={acceptProfileFindingAction} />
          </Card>
          <Card>
            <CardHeader title="What was measured" description={`${formatNumber(run.rowCount)} ${isMessageProfile(run.result) ? "messages" : "records"}, ${formatNumber(run.bytes / 1024, { maximumFractionDigits: 0 })} KB, finished ${formatDateTime(run.finishedAt)}.`} />
            {isMessageProfile(run.result) ? <MessageFacts result={run.result} /> : (
              <>
                <ExtractFacts result={run.result} />
                <ExtractChecks result={run.result} />
              </>
            )}
          </Card>
        </>
      ) : null}
    </main>
  );
}
