// Totals of the workflow inventory: items and total quantity, by disposition and by clinical review status.
import { formatNumber } from "@/components/ui/format";
import { InventoryTotals, segmentsFrom } from "@/components/inventory/totals";
import { COMPLEXITY_TONES, DISPOSITION_TONES, REVIEW_TONES } from "@/components/inventory/badges";
import { COMPLEXITY_LABELS, DISPOSITION_LABELS, REVIEW_STATUS_LABELS } from "@/lib/inventories/labels";
import type { WorkflowTotals as Totals } from "@/lib/workflows/schema";

const items = (counts: Record<string, { items: number; quantity: number }>, key: "items" | "quantity") =>
  Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v[key]]));

export function WorkflowTotals({ totals: t }: { totals: Totals }) {
  const undecided = t.byDisposition.undecided;
  const notReviewed = t.byReviewStatus.not_reviewed;
  return (
    <InventoryTotals
      label="Workflow inventory totals"
      count={t.items}
      stats={[
        { label: "Rows", value: formatNumber(t.items) },
        { label: "Total quantity", value: formatNumber(t.quantity), detail: "order sets, alerts, templates… counted one by one" },
        { label: "Disposition undecided", value: formatNumber(undecided.items), tone: undecided.items ? "warning" : "good", detail: `${formatNumber(undecided.quantity)} in quantity` },
        { label: "Not reviewed yet", value: formatNumber(notReviewed.items), tone: notReviewed.items ? "warning" : "good", detail: "by a clinical reviewer" },
        { label: "Changes requested", value: formatNumber(t.byReviewStatus.changes_requested.items), tone: t.byReviewStatus.changes_requested.items ? "danger" : "default" },
      ]}
      breakdowns={[
        { title: "By disposition", unit: "quantity", segments: segmentsFrom(DISPOSITION_LABELS, DISPOSITION_TONES, items(t.byDisposition, "quantity")) },
        { title: "By clinical review", unit: "rows", segments: segmentsFrom(REVIEW_STATUS_LABELS, REVIEW_TONES, items(t.byReviewStatus, "items")) },
        { title: "By complexity", unit: "quantity", segments: segmentsFrom(COMPLEXITY_LABELS, COMPLEXITY_TONES, items(t.byComplexity, "quantity")) },
      ]}
    />
  );
}
