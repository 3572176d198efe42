// /engagements/<id>/workflows/sign-off – current sign-off status, the sign-off action, the history,
// and for a chosen sign-off "what changed since" (?compare=<id>) or its frozen items (?view=<id>).
import type { Metadata } from "next";
import { z } from "zod";
import { requirePageAccess } from "@/lib/auth/session";
import { can, ROLE_LABELS } from "@/lib/auth/access-matrix";
import { findSignOff, findSignOffComparison, findSignOffPage } from "@/lib/workflow-review/data";
import { SNAPSHOT_PAGE_SIZE } from "@/lib/workflow-review/schema";
import { requestSignOffAction, signOffWorkflowsAction } from "@/lib/workflow-review/actions";
import { AppError } from "@/lib/errors";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { formatDateTime, formatNumber } from "@/components/ui/format";
import { WorkflowSubnav } from "@/components/workflow-review/workflow-subnav";
import { SignOffStatus } from "@/components/workflow-review/sign-off-status";
import { SignOffPanel } from "@/components/workflow-review/sign-off-panel";
import { RequestSignOff } from "@/components/workflow-review/request-sign-off";
import { SignOffHistory } from "@/components/workflow-review/sign-off-history";
import { SignOffDiff } from "@/components/workflow-review/sign-off-diff";
import { SnapshotTable } from "@/components/workflow-review/snapshot-table";

export const metadata: Metadata = { title: "Workflow sign-off" };

const QuerySchema = z.object({
  compare: z.string().min(1).max(64).optional().catch(undefined),
  view: z.string().min(1).max(64).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

/** A sign-off id from the URL that is not this engagement's shows as "not found" inline, not a crash. */
async function orNotFound<T>(p: Promise<T>): Promise<T | "not_found"> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") return "not_found";
    throw err;
  }
}

export default async function WorkflowSignOffPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const { user, access } = await requirePageAccess(id, "inventory.view");
  const q = QuerySchema.parse(await searchParams);
  const { summary, fingerprint, history } = await findSignOffPage(access.engagementId);
  const basePath = `/engagements/${access.engagementId}/workflows/sign-off`;
  // default: compare the latest sign-off with now
  const compareId = q.view ? undefined : (q.compare ?? summary.lastSignOff?.id);
  const [comparison, viewed] = await Promise.all([
    compareId ? orNotFound(findSignOffComparison(access.engagementId, compareId)) : null,
    q.view ? orNotFound(findSignOff(access.engagementId, q.view)) : null,
  ]);

  return (
    <main className="space-y-6">
      <div>
        <PageHeader title="Workflows" description="Sign-off freezes the workflow inventory as reviewed. Every sign-off stays on record and can be compared with the inventory as it is now." />
        <WorkflowSubnav engagementId={access.engagementId} current="sign-off" />
      </div>

      <SignOffStatus summary={summary} signOffHref={`${basePath}#changes`} reviewHref={`/engagements/${access.engagementId}/workflows/review`} />

      <Card>
        <CardHeader title="Sign off" />
        <CardBody>
          <SignOffPanel
            engagementId={access.engagementId}
            summary={summary}
            fingerprint={fingerprint}
            signerName={user.name}
            signerRoleLabel={ROLE_LABELS[access.role]}
            canSignOff={can(access.role, "workflow.signoff")}
            action={signOffWorkflowsAction}
          />
        </CardBody>
      </Card>

      {can(access.role, "workflow.request_signoff") && summary.total > 0 ? (
        <Card>
          <CardHeader title="Request sign-off" description="The engagement's clinical reviewers are notified in Sounding (and by e-mail when the firm has it set up)." />
          <CardBody>
            <RequestSignOff engagementId={access.engagementId} action={requestSignOffAction} />
          </CardBody>
        </Card>
      ) : null}

      {comparison ? (
        <Card>
          <div id="changes" className="scroll-mt-24" />
          {comparison === "not_found" ? (
            <CardBody><p className="text-sm text-ink-600">That sign-off does not exist on this engagement.</p></CardBody>
          ) : (
            <>
              <CardHeader
                title={`What changed since the sign-off of ${formatDateTime(comparison.signOff.createdAt)}`}
                description={`Signed by ${comparison.signOff.signedByName} with ${formatNumber(comparison.signOff.itemCount)} items; the inventory has ${formatNumber(comparison.currentCount)} now.`}
                actions={<ButtonLink href={`${basePath}?view=${comparison.signOff.id}#snapshot`} variant="secondary" size="sm">View snapshot</ButtonLink>}
              />
              <SignOffDiff diff={comparison.diff} />
            </>
          )}
        </Card>
      ) : null}

      {viewed ? (
        <Card>
          <div id="snapshot" className="scroll-mt-24" />
          {viewed === "not_found" ? (
            <CardBody><p className="text-sm text-ink-600">That sign-off does not exist on this engagement.</p></CardBody>
          ) : (
            <>
              <CardHeader
                title={`Signed off ${formatDateTime(viewed.createdAt)}`}
                description={`${viewed.signedByName} (${ROLE_LABELS[viewed.signedByRole as keyof typeof ROLE_LABELS] ?? viewed.signedByRole}) · ${formatNumber(viewed.itemCount)} items frozen as they were.${viewed.note ? ` Note: “${viewed.note}”` : ""}`}
                actions={<ButtonLink href={`${basePath}?compare=${viewed.id}#changes`} variant="secondary" size="sm">What changed since</ButtonLink>}
              />
              <SnapshotTable
                items={viewed.snapshot}
                page={q.page}
                pageSize={SNAPSHOT_PAGE_SIZE}
                pageHref={(p) => `${basePath}?view=${viewed.id}&page=${p}#snapshot`}
                caption={`Workflow items signed off on ${formatDateTime(viewed.createdAt)}`}
              />
            </>
          )}
        </Card>
      ) : null}

      <Card>
        <CardHeader title="History" description="Sign-offs are immutable: they are never edited or deleted." />
        <SignOffHistory signOffs={history} basePath={basePath} selectedId={q.view ?? compareId} />
      </Card>
    </main>
  );
}
