// Totals of the data inventory: entities, known records, unknown counts, undecided rows, quirks by severity.
import { formatNumber } from "@/components/ui/format";
import { InventoryTotals, segmentsFrom } from "@/components/inventory/totals";
import { DECISION_TONES, SEVERITY_TONES } from "@/components/inventory/badges";
import { MIGRATE_DECISION_LABELS, SEVERITY_LABELS } from "@/lib/inventories/labels";
import type { DataEntityTotals } from "@/lib/data-inventory/schema";

export function DataTotals({ totals: t }: { totals: DataEntityTotals }) {
  const serious = t.quirksBySeverity.critical + t.quirksBySeverity.high;
  return (
    <InventoryTotals
      label="Data inventory totals"
      count={t.entities}
      stats={[
        { label: "Source entities", value: formatNumber(t.entities) },
        {
          label: "Known records",
          value: formatNumber(t.knownRecords, { notation: t.knownRecords >= 1_000_000 ? "compact" : "standard", maximumFractionDigits: 1 }),
          detail: t.knownRecords >= 1_000_000 ? formatNumber(t.knownRecords, { maximumFractionDigits: 0 }) : undefined,
        },
        { label: "Record count unknown", value: formatNumber(t.unknownCounts), tone: t.unknownCounts ? "warning" : "good", detail: t.unknownCounts ? "entities to size" : "every entity sized" },
        { label: "Decision undecided", value: formatNumber(t.undecided), tone: t.undecided ? "warning" : "good" },
        {
          label: "Known quirks",
          value: formatNumber(t.quirks),
          tone: t.quirksBySeverity.critical ? "danger" : "default",
          detail: t.quirks ? `${formatNumber(t.quirksBySeverity.critical)} critical · ${formatNumber(serious)} high or worse` : "none recorded yet",
        },
      ]}
      breakdowns={[
        { title: "Entities by decision", segments: segmentsFrom(MIGRATE_DECISION_LABELS, DECISION_TONES, t.byDecision) },
        { title: "Quirks by severity", segments: segmentsFrom(SEVERITY_LABELS, SEVERITY_TONES, t.quirksBySeverity) },
      ]}
    />
  );
}
