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

// ---- actions and kinds of activity ----

const ENTITY_LABELS: Record<string, string> = {
  data_entity: "Data entity",
  workflow_item: "Workflow item",
  integration: "Integration",
  report: "Report",
  risk: "Risk",
  audit_trail: "Audit-trail policy",
  engagement: "Engagement",
  assumptions: "Assumptions",
  baseline: "Baseline",
  member: "Member",
  share: "Share link",
  risk_library: "Risk library",
  risk_matrix: "Risk matrix",
  workflow: "Workflow review",
  import: "Import",
  export: "Export",
  user: "User",
  auth: "Sign-in",
  access: "Access",
  scenario: "Scenario",
  profile: "Profile",
};

const ACTION_LABELS: Record<string, string> = {
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Sign-in failed",
  "auth.sign_in_throttled": "Sign-in throttled",
  "access.denied": "Access refused",
  "engagement.create": "Engagement created",
  "engagement.import": "Engagement imported",
  "engagement.update": "Engagement details changed",
  "engagement.archive": "Engagement archived",
  "engagement.restore": "Engagement restored",
  "assumptions.update": "Assumptions changed",
  "baseline.create": "Baseline saved",
  "member.add": "Member added",
  "member.remove": "Member removed",
  "member.role": "Member's role changed",
  "share.create": "Share link created",
  "share.open": "Share link opened",
  "share.revoke": "Share link revoked",
  "risk_library.add": "Added to the risk library",
  "risk_library.delete": "Removed from the risk library",
  "risk_matrix.update": "Risk matrix changed",
  "workflow.approve": "Workflow item approved",
  "workflow.request_changes": "Changes requested on a workflow item",
  "workflow.comment": "Comment on a workflow item",
  "workflow.signoff": "Workflow inventory signed off",
  "import.upload": "Spreadsheet uploaded",
  "import.dry_run": "Import checked (dry run)",
  "import.apply": "Import applied",
  "report.export": "Report table exported",
  "report.pdf_download": "Report PDF downloaded",
  "export.engagement": "Engagement exported (JSON)",
  "export.import_skipped_rows": "Skipped import rows exported",
  "export.activity": "Activity log exported",
  "validation_plan.update": "Validation plan edited",
  "user.create": "User created",
  "user.password_reset": "Password reset",
  "user.sign_out_everywhere": "Signed out everywhere",
  "user.disable": "User disabled",
  "user.enable": "User enabled",
};

const VERB_LABELS: Record<string, string> = {
  create: "added",
  update: "changed",
  delete: "deleted",
  add: "added",
  remove: "removed",
  approve: "approved",
  comment: "commented",
};

/** "data_entity.update" → "Data entity changed"; "export.integrations" → "Export: integrations"; unknown codes in words. */
export function humanAction(action: string): string {
  if (ACTION_LABELS[action]) return ACTION_LABELS[action];
  const dot = action.indexOf(".");
  if (dot < 0) return humanKey(action);
  const head = action.slice(0, dot);
  const tail = action.slice(dot + 1);
  const entity = ENTITY_LABELS[head] ?? humanKey(head);
  if (head === "export") return `Exported: ${humanKey(tail).toLowerCase()}`;
  return `${entity} ${VERB_LABELS[tail] ?? humanKey(tail).toLowerCase()}`;
}

/** The kinds of activity a reader filters by; each is a set of action prefixes. */
export const ACTIVITY_KINDS = {
  inventories: { label: "Inventory changes", prefixes: ["data_entity.", "workflow_item.", "integration.", "report.create", "report.update", "report.delete", "risk.", "audit_trail.", "risk_matrix.", "risk_library.", "validation_plan."] },
  review: { label: "Clinical review and sign-off", prefixes: ["workflow."] },
  estimate: { label: "Assumptions and baselines", prefixes: ["assumptions.", "baseline.", "scenario."] },
  engagement: { label: "Engagement and members", prefixes: ["engagement.", "member."] },
  imports: { label: "Imports", prefixes: ["import."] },
  downloads: { label: "Exports and downloads", prefixes: ["export.", "report.export", "report.pdf_download"] },
  sharing: { label: "Share links", prefixes: ["share."] },
  access: { label: "Refused access", prefixes: ["access."] },
} as const satisfies Record<string, { label: string; prefixes: readonly string[] }>;
export type ActivityKind = keyof typeof ACTIVITY_KINDS;
export const ACTIVITY_KIND_KEYS = Object.keys(ACTIVITY_KINDS) as ActivityKind[];

/** Which kind an action belongs to (null: none of the filterable kinds). */
export function activityKindOf(action: string): ActivityKind | null {
  for (const k of ACTIVITY_KIND_KEYS) if (ACTIVITY_KINDS[k].prefixes.some((p) => action.startsWith(p))) return k;
  return null;
}
