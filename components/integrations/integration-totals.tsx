// Totals of the integration inventory: interfaces by complexity, clinical impact and transition strategy.
import { formatNumber } from "@/components/ui/format";
import { InventoryTotals, segmentsFrom } from "@/components/inventory/totals";
import { COMPLEXITY_TONES, SEVERITY_TONES, STRATEGY_TONES } from "@/components/inventory/badges";
import { INTERFACE_COMPLEXITY_LABELS, SEVERITY_LABELS, TRANSITION_STRATEGY_LABELS } from "@/lib/inventories/labels";
import type { IntegrationTotals as Totals } from "@/lib/integrations/schema";

export function IntegrationTotals({ totals: t }: { totals: Totals }) {
  const serious = t.byClinicalImpact.critical + t.byClinicalImpact.high;
  return (
    <InventoryTotals
      label="Integration inventory totals"
      count={t.interfaces}
      stats={[
        { label: "Interfaces", value: formatNumber(t.interfaces) },
        { label: "High or critical clinical impact", value: formatNumber(serious), tone: t.byClinicalImpact.critical ? "danger" : "default", detail: `${formatNumber(t.byClinicalImpact.critical)} critical` },
        { label: "Complex interfaces", value: formatNumber(t.byComplexity.complex), detail: `${formatNumber(t.byComplexity.medium)} medium · ${formatNumber(t.byComplexity.simple)} simple` },
        { label: "Transition undecided", value: formatNumber(t.byTransitionStrategy.undecided), tone: t.byTransitionStrategy.undecided ? "warning" : "good" },
        { label: "Blocked", value: formatNumber(t.byStatus.blocked), tone: t.byStatus.blocked ? "danger" : "default", detail: `${formatNumber(t.byStatus.done)} done · ${formatNumber(t.byStatus.in_progress)} in progress` },
      ]}
      breakdowns={[
        { title: "By clinical impact", segments: segmentsFrom(SEVERITY_LABELS, SEVERITY_TONES, t.byClinicalImpact) },
        { title: "By complexity", segments: segmentsFrom(INTERFACE_COMPLEXITY_LABELS, COMPLEXITY_TONES, t.byComplexity) },
        { title: "By transition strategy", segments: segmentsFrom(TRANSITION_STRATEGY_LABELS, STRATEGY_TONES, t.byTransitionStrategy) },
      ]}
    />
  );
}
