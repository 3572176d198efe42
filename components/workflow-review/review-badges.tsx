import { Badge } from "@/components/ui/badge";
import type { ReviewStatus, ReviewVerdict } from "@/lib/workflow-review/schema";
import { REVIEW_STATUS_LABELS } from "@/lib/inventories/labels";

/** An item's review status; an approval that no longer covers the item says so (not only by color). */
export function ReviewStatusBadge({ status, isChangedSinceApproval = false }: { status: ReviewStatus; isChangedSinceApproval?: boolean }) {
  if (status === "approved" && isChangedSinceApproval) return <Badge tone="amber">Changed since approval</Badge>;
  const tone = status === "approved" ? "green" : status === "changes_requested" ? "red" : "neutral";
  return <Badge tone={tone}>{REVIEW_STATUS_LABELS[status]}</Badge>;
}

export function VerdictBadge({ verdict }: { verdict: ReviewVerdict }) {
  if (verdict === "approved") return <Badge tone="green">Approved</Badge>;
  if (verdict === "changes_requested") return <Badge tone="red">Requested changes</Badge>;
  return null;
}
