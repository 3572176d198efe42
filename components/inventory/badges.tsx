// Badges for inventory vocabularies: one tone map per vocabulary, labels from lib/inventories/labels.ts.
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import {
  COMPLEXITY_LABELS,
  DISPOSITION_LABELS,
  INTERFACE_COMPLEXITY_LABELS,
  MAPPING_STATUS_LABELS,
  MIGRATE_DECISION_LABELS,
  REVIEW_STATUS_LABELS,
  RISK_STATUS_LABELS,
  SEVERITY_LABELS,
  TRANSITION_STRATEGY_LABELS,
  WORK_STATUS_LABELS,
  labelOf,
} from "@/lib/inventories/labels";
import {
  COMPLEXITIES,
  DISPOSITIONS,
  INTERFACE_COMPLEXITIES,
  MAPPING_STATUSES,
  MIGRATE_DECISIONS,
  REPORT_KINDS,
  REVIEW_STATUSES,
  RISK_STATUSES,
  SEVERITIES,
  TRANSITION_STRATEGIES,
  WORK_STATUSES,
} from "@/lib/engagement-format/vocabularies";

export type Tone = "neutral" | "brand" | "green" | "amber" | "red" | "violet";

export const SEVERITY_TONES: Record<string, Tone> = { low: "neutral", medium: "brand", high: "amber", critical: "red" };
export const DECISION_TONES: Record<string, Tone> = { migrate: "green", archive_only: "violet", do_not_migrate: "neutral", undecided: "amber" };
export const MAPPING_TONES: Record<string, Tone> = { not_started: "neutral", draft: "brand", validated: "green" };
export const DISPOSITION_TONES: Record<string, Tone> = { undecided: "amber", must_survive: "violet", may_change: "brand", retire: "neutral" };
export const REVIEW_TONES: Record<string, Tone> = { not_reviewed: "neutral", approved: "green", changes_requested: "amber" };
export const STRATEGY_TONES: Record<string, Tone> = { undecided: "amber", parallel_run: "brand", cut_and_switch: "violet", retire: "neutral" };
export const WORK_STATUS_TONES: Record<string, Tone> = { not_started: "neutral", in_progress: "brand", done: "green", blocked: "red" };
export const RISK_STATUS_TONES: Record<string, Tone> = { open: "amber", monitoring: "brand", closed: "neutral" };
export const COMPLEXITY_TONES: Record<string, Tone> = { low: "neutral", simple: "neutral", medium: "brand", high: "amber", complex: "amber" };
export const BAND_TONES: Record<string, Tone> = { low: "green", medium: "amber", high: "red", critical: "red" };
export const REPORT_KIND_TONES: Record<string, Tone> = { operational: "neutral", financial: "neutral", clinical_dashboard: "brand", regulatory: "violet" };

/** The vocabularies shown as badges (a definition field's `vocabulary` → its tones); the others show as words. */
export const VOCABULARY_TONES: ReadonlyMap<readonly string[], Record<string, Tone>> = new Map<readonly string[], Record<string, Tone>>([
  [SEVERITIES, SEVERITY_TONES], [MIGRATE_DECISIONS, DECISION_TONES], [MAPPING_STATUSES, MAPPING_TONES], [DISPOSITIONS, DISPOSITION_TONES],
  [REVIEW_STATUSES, REVIEW_TONES], [TRANSITION_STRATEGIES, STRATEGY_TONES], [WORK_STATUSES, WORK_STATUS_TONES], [RISK_STATUSES, RISK_STATUS_TONES],
  [COMPLEXITIES, COMPLEXITY_TONES], [INTERFACE_COMPLEXITIES, COMPLEXITY_TONES], [REPORT_KINDS, REPORT_KIND_TONES],
]);

export function VocabBadge({ value, labels, tones, className }: { value: string; labels: Readonly<Record<string, string>>; tones: Record<string, Tone>; className?: string }) {
  return (
    <Badge tone={tones[value] ?? "neutral"} className={cn("whitespace-nowrap", value === "critical" && "bg-red-600 text-white ring-red-600", className)}>
      {labelOf(labels, value)}
    </Badge>
  );
}

export const SeverityBadge = ({ value }: { value: string }) => <VocabBadge value={value} labels={SEVERITY_LABELS} tones={SEVERITY_TONES} />;
export const DecisionBadge = ({ value }: { value: string }) => <VocabBadge value={value} labels={MIGRATE_DECISION_LABELS} tones={DECISION_TONES} />;
export const MappingBadge = ({ value }: { value: string }) => <VocabBadge value={value} labels={MAPPING_STATUS_LABELS} tones={MAPPING_TONES} />;
export const DispositionBadge = ({ value }: { value: string }) => <VocabBadge value={value} labels={DISPOSITION_LABELS} tones={DISPOSITION_TONES} />;
export const ReviewBadge = ({ value }: { value: string }) => <VocabBadge value={value} labels={REVIEW_STATUS_LABELS} tones={REVIEW_TONES} />;
export const StrategyBadge = ({ value }: { value: string }) => <VocabBadge value={value} labels={TRANSITION_STRATEGY_LABELS} tones={STRATEGY_TONES} />;
export const WorkStatusBadge = ({ value }: { value: string }) => <VocabBadge value={value} labels={WORK_STATUS_LABELS} tones={WORK_STATUS_TONES} />;
export const RiskStatusBadge = ({ value }: { value: string }) => <VocabBadge value={value} labels={RISK_STATUS_LABELS} tones={RISK_STATUS_TONES} />;
export const ComplexityBadge = ({ value }: { value: string }) => <VocabBadge value={value} labels={COMPLEXITY_LABELS} tones={COMPLEXITY_TONES} />;
export const InterfaceComplexityBadge = ({ value }: { value: string }) => <VocabBadge value={value} labels={INTERFACE_COMPLEXITY_LABELS} tones={COMPLEXITY_TONES} />;
