import { Badge } from "@/components/ui/badge";
import { MIGRATION_TYPE_LABELS, type MigrationType } from "@/lib/engagement-format/schema";
import { ENGAGEMENT_STATUS_LABELS } from "@/lib/engagements/schema";

export function MigrationTypeBadge({ type }: { type: MigrationType }) {
  const tone = type === "A" ? "brand" : type === "B" ? "violet" : "amber";
  return <Badge tone={tone} className="whitespace-nowrap">{MIGRATION_TYPE_LABELS[type].name}</Badge>;
}

export function StatusBadge({ status }: { status: keyof typeof ENGAGEMENT_STATUS_LABELS }) {
  const tone = status === "active" ? "green" : status === "on_hold" ? "amber" : status === "completed" ? "neutral" : "brand";
  return <Badge tone={tone}>{ENGAGEMENT_STATUS_LABELS[status]}</Badge>;
}
