// /engagements/<id>/workflows/review – the clinical review queue (comment, approve, request changes).
import type { Metadata } from "next";
import { requirePageAccess } from "@/lib/auth/session";
import { can } from "@/lib/auth/access-matrix";
import { findReviewQueue } from "@/lib/workflow-review/data";
import { defaultReviewFilter, ReviewQueueFilterSchema } from "@/lib/workflow-review/schema";
import { commentOnWorkflowItemAction, reviewWorkflowItemAction } from "@/lib/workflow-review/actions";
import { PageHeader } from "@/components/ui/page-header";
import { ReviewQueue } from "@/components/workflow-review/review-queue";
import { WorkflowSubnav } from "@/components/workflow-review/workflow-subnav";

export const metadata: Metadata = { title: "Clinical review" };

export default async function WorkflowReviewPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const { access } = await requirePageAccess(id, "inventory.view");
  const sp = await searchParams;
  const canApprove = can(access.role, "workflow.approve");
  const canComment = can(access.role, "workflow.comment");
  // the queue opens on what needs this viewer (reviewers: to review; consultants: changes to answer)
  const filter = ReviewQueueFilterSchema.parse({ ...sp, status: sp.status ?? defaultReviewFilter(canApprove, canComment) });
  const queue = await findReviewQueue(access.engagementId, filter);
  const basePath = `/engagements/${access.engagementId}/workflows/review`;
  return (
    <main>
      <PageHeader
        title="Workflows"
        description="Clinical review: for each order set, alert, routing rule and template, decide whether it must survive cutover unchanged or may change. Reviewers approve or request changes; consultants answer in the thread."
      />
      <WorkflowSubnav engagementId={access.engagementId} current="review" />
      <ReviewQueue
        engagementId={access.engagementId}
        items={queue.items}
        counts={queue.counts}
        filter={{ status: filter.status, q: filter.q }}
        page={queue.page}
        pageCount={queue.pageCount}
        total={queue.total}
        basePath={basePath}
        canComment={canComment}
        canApprove={canApprove}
        commentAction={commentOnWorkflowItemAction}
        reviewAction={reviewWorkflowItemAction}
        initialItemId={filter.item}
      />
    </main>
  );
}
