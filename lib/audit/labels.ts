// Human words for the keys and values the activity log, Explain and exports would otherwise show raw
// (`teamFte`, `retire → may_change`, `foundation_start`). Pure (client + server). A key or value without
// its own label is turned into words (camelCase and snake_case split, first letter capitalised), so a new
// field never shows up as code.

const KEY_LABELS: Record<string, string> = {
  teamFte: "Team (FTE)",
  interfaceEngineers: "Interface engineers",
  productiveHoursPerWeek: "Productive hours per week",
  buildFunctionPoints: "Build size (function points)",
  targetGoLive: "Target go-live",
  targetBudgetCents: "Target budget",
  ratesCents: "Labor rates",
  sourceFeeCents: "Source license fee",
  destinationFeeCents: "Destination license fee",
  archiveFeeCentsPerMonth: "Archive fee per month",
  sourceFeeBasis: "Source fee basis",
  destinationFeeBasis: "Destination fee basis",
  destinationBillingStart: "Destination billing starts at",
  sourceNoticeMonths: "Source notice (months)",
  sourceRampsDownPerWave: "Source ramps down per wave",
  sourceContractTailMonths: "Source contract tail (months)",
  archiveMonths: "Archive kept (months)",
  clientName: "Client",
  name: "Name",
  migrationType: "Migration type",
  sourceSystem: "Source system",
  destinationSystem: "Destination system",
  staffUsers: "EMR users",
  activePatients: "Active patients",
  yearsOfData: "Years of data",
  sourceSystemCount: "Source systems",
  plannedStart: "Planned start",
  reviewStatus: "Review status",
  recordCount: "Record count",
  transitionStrategy: "Transition strategy",
  reproducibilityPlan: "Reproducibility plan",
  residualLikelihood: "Residual likelihood",
  residualImpact: "Residual impact",
  nextReviewDate: "Next review date",
  mitigationCostCents: "Mitigation cost",
  scheduleImpactWeeks: "Schedule impact (weeks)",
  costImpact: "Cost impact",
};

const VALUE_LABELS: Record<string, string> = {
  project_start: "the project start",
  foundation_start: "the start of Phase 1 (foundation)",
  pilot_start: "the start of the pilot",
  per_provider_month: "per provider per month",
  flat_month: "flat per month",
  not_reviewed: "not reviewed",
  changes_requested: "changes requested",
  must_survive: "must survive",
  may_change: "may change",
  clinical_reviewer: "clinical reviewer",
};

/** "teamFte" → "Team (FTE)"; "license.sourceFeeCents" → "License: source license fee"; "foo_bar" → "Foo bar". */
export function humanKey(key: string): string {
  if (KEY_LABELS[key]) return KEY_LABELS[key];
  const dot = key.lastIndexOf(".");
  if (dot > 0) {
    const head = key.slice(0, dot);
    const tail = key.slice(dot + 1);
    return `${humanKey(head)}: ${(KEY_LABELS[tail] ?? humanKey(tail)).replace(/^./, (c) => c.toLowerCase())}`;
  }
  const words = key
    .replace(/Cents(PerMonth)?$/, "$1")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase()
    .trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
}

/** A stored value in words: enum codes spelled out, booleans yes/no, empty as "—". */
export function humanValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return Number.isInteger(value) ? value.toLocaleString("en-US") : String(Math.round(value * 100) / 100);
  if (typeof value === "string") return VALUE_LABELS[value] ?? (/^[a-z]+(_[a-z]+)+$/.test(value) ? value.replace(/_/g, " ") : value);
  if (Array.isArray(value)) return value.length === 0 ? "none" : `${value.length} item${value.length === 1 ? "" : "s"}`;
  return JSON.stringify(value);
}

/** One line per change: "Team (FTE): 8 → 12"; values of other shapes in words. */
export function describeChanges(changes: Record<string, unknown>, limit = 4): string {
  const entries = Object.entries(changes);
  const parts = entries.slice(0, limit).map(([k, v]) => {
    if (v && typeof v === "object" && !Array.isArray(v) && "from" in v && "to" in v) {
      const c = v as { from: unknown; to: unknown };
      return `${humanKey(k)}: ${humanValue(c.from)} → ${humanValue(c.to)}`;
    }
    return `${humanKey(k)}: ${humanValue(v)}`;
  });
  const more = entries.length - parts.length;
  return parts.join("; ") + (more > 0 ? `; +${more} more` : "");
}
