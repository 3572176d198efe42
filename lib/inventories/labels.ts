// Human labels for every inventory vocabulary of the contract (lib/engagement-format/schema.ts).
// Client-safe: tables, forms, filters and exports read labels from here and nowhere else.
// INVARIANT: each map is keyed by the contract's own tuple, so adding a value there fails to compile here.
import type { AUDIT_POLICIES } from "@/lib/engagement-format/schema";
import {
  CLEANUP_DECISIONS,
  COMPLEXITIES,
  DATA_ENTITY_KINDS,
  DIRECTIONS,
  DISPOSITIONS,
  FREQUENCIES,
  INTEGRATION_KINDS,
  INTEGRATION_STANDARDS,
  INTERFACE_COMPLEXITIES,
  MAPPING_STATUSES,
  MIGRATE_DECISIONS,
  PHASES,
  QUIRK_KINDS,
  REPORT_KINDS,
  REVIEW_STATUSES,
  RISK_CATEGORIES,
  RISK_SCOPES,
  RISK_STATUSES,
  SEVERITIES,
  TRANSITION_STRATEGIES,
  TREATMENTS,
  WORK_STATUSES,
  WORKFLOW_KINDS,
  WORKSTREAMS,
} from "@/lib/engagement-format/vocabularies";

type Labels<T extends readonly string[]> = Readonly<Record<T[number], string>>;

export const DATA_ENTITY_KIND_LABELS: Labels<typeof DATA_ENTITY_KINDS> = {
  patient_demographics: "Patient demographics",
  encounters: "Encounters",
  clinical_notes: "Clinical notes",
  problems: "Problems",
  medications: "Medications",
  allergies: "Allergies",
  immunizations: "Immunizations",
  lab_results: "Lab results",
  vitals: "Vitals",
  orders: "Orders",
  scanned_documents: "Scanned documents",
  images: "Images",
  appointments: "Appointments",
  billing_claims: "Billing and claims",
  insurance: "Insurance",
  providers: "Providers",
  users: "Users",
  source_audit_log: "Source audit log",
  other: "Other",
};

export const MIGRATE_DECISION_LABELS: Labels<typeof MIGRATE_DECISIONS> = {
  migrate: "Migrate",
  archive_only: "Archive only",
  do_not_migrate: "Do not migrate",
  undecided: "Undecided",
};

export const MAPPING_STATUS_LABELS: Labels<typeof MAPPING_STATUSES> = {
  not_started: "Not started",
  draft: "Draft",
  validated: "Validated",
};

export const QUIRK_KIND_LABELS: Labels<typeof QUIRK_KINDS> = {
  unmerged_patients: "Unmerged duplicate patients",
  icd9_unconverted: "ICD-9 never converted",
  free_text_for_structured: "Free text where structured data belongs",
  scanned_paper: "Scanned paper charts",
  multiple_identifiers: "Several identifiers for one entity",
  orphaned_records: "Orphaned records",
  invalid_codes: "Invalid codes",
  encoding_problems: "Character-encoding problems",
  other: "Other",
};

export const SEVERITY_LABELS: Labels<typeof SEVERITIES> = {
  low: "Low",
  medium: "Medium",
  high: "High",
  critical: "Critical",
};

export const CLEANUP_DECISION_LABELS: Labels<typeof CLEANUP_DECISIONS> = {
  undecided: "Undecided",
  cleanup_before: "Clean up before migration",
  cleanup_during: "Clean up during migration",
  migrate_as_is: "Migrate as is",
  exclude: "Exclude",
};

export const WORKFLOW_KIND_LABELS: Labels<typeof WORKFLOW_KINDS> = {
  order_set: "Order set",
  alert_rule: "Alert / decision support",
  document_routing: "Document routing",
  encounter_template: "Encounter template",
  role_permission_set: "Role / permission set",
  reporting_pipeline: "Reporting pipeline",
  other: "Other",
};

export const COMPLEXITY_LABELS: Labels<typeof COMPLEXITIES> = {
  low: "Low",
  medium: "Medium",
  high: "High",
};

export const DISPOSITION_LABELS: Labels<typeof DISPOSITIONS> = {
  undecided: "Undecided",
  must_survive: "Must survive unchanged",
  may_change: "May change",
  retire: "Retire",
};

export const REVIEW_STATUS_LABELS: Labels<typeof REVIEW_STATUSES> = {
  not_reviewed: "Not reviewed",
  approved: "Approved",
  changes_requested: "Changes requested",
};

export const INTEGRATION_KIND_LABELS: Labels<typeof INTEGRATION_KINDS> = {
  lab_orders: "Lab orders",
  lab_results: "Lab results",
  erx: "eRx",
  payer: "Payer",
  patient_portal: "Patient portal",
  billing: "Billing",
  document_management: "Document management",
  imaging: "Imaging",
  telehealth: "Telehealth",
  hie: "Health information exchange",
  registry: "Registry",
  specialty_tool: "Specialty tool",
  other: "Other",
};

export const INTEGRATION_STANDARD_LABELS: Labels<typeof INTEGRATION_STANDARDS> = {
  hl7v2: "HL7 v2",
  fhir_r4: "FHIR R4",
  x12: "X12",
  ncpdp_script: "NCPDP SCRIPT",
  ccda: "C-CDA",
  file_sftp: "File / SFTP",
  proprietary_api: "Proprietary API",
  other: "Other",
};

export const DIRECTION_LABELS: Labels<typeof DIRECTIONS> = {
  inbound: "Inbound",
  outbound: "Outbound",
  bidirectional: "Bidirectional",
};

export const TRANSITION_STRATEGY_LABELS: Labels<typeof TRANSITION_STRATEGIES> = {
  undecided: "Undecided",
  parallel_run: "Parallel run",
  cut_and_switch: "Cut and switch",
  retire: "Retire",
};

export const INTERFACE_COMPLEXITY_LABELS: Labels<typeof INTERFACE_COMPLEXITIES> = {
  simple: "Simple",
  medium: "Medium",
  complex: "Complex",
};

export const WORK_STATUS_LABELS: Labels<typeof WORK_STATUSES> = {
  not_started: "Not started",
  in_progress: "In progress",
  done: "Done",
  blocked: "Blocked",
};

export const REPORT_KIND_LABELS: Labels<typeof REPORT_KINDS> = {
  operational: "Operational",
  financial: "Financial",
  clinical_dashboard: "Clinical dashboard",
  regulatory: "Regulatory",
};

export const FREQUENCY_LABELS: Labels<typeof FREQUENCIES> = {
  ad_hoc: "Ad hoc",
  daily: "Daily",
  weekly: "Weekly",
  monthly: "Monthly",
  quarterly: "Quarterly",
  annual: "Annual",
};

export const AUDIT_POLICY_LABELS: Labels<typeof AUDIT_POLICIES> = {
  undecided: "Undecided",
  migrate: "Migrate",
  archive: "Archive",
  hybrid: "Hybrid",
};

/** One line each: what the policy means for "who looked at patient X's record in 2022?". */
export const AUDIT_POLICY_EXPLANATIONS: Labels<typeof AUDIT_POLICIES> = {
  undecided: "Not chosen yet. Until it is, nobody can say how old access history will be answered after cutover.",
  migrate: "Convert the source audit log into the destination's audit format, so one system answers for all years.",
  archive: "Keep the source log read-only in an archive, with a documented procedure to query it when asked.",
  hybrid: "Migrate recent years into the destination and archive the older log read-only with a retrieval procedure.",
};

export const RISK_CATEGORY_LABELS: Labels<typeof RISK_CATEGORIES> = {
  data: "Data",
  workflow: "Workflow",
  integration: "Integration",
  reporting: "Reporting",
  audit_trail: "Audit trail",
  vendor: "Vendor",
  staffing: "Staffing",
  schedule: "Schedule",
  budget: "Budget",
  regulatory: "Regulatory",
  technical: "Technical",
  other: "Other",
};

export const TREATMENT_LABELS: Labels<typeof TREATMENTS> = {
  mitigate: "Mitigate",
  accept: "Accept",
  transfer: "Transfer",
  avoid: "Avoid",
};

export const PHASE_LABELS: Labels<typeof PHASES> = {
  P0: "Phase 0 — scoping",
  P1: "Phase 1 — foundation",
  P2: "Phase 2 — pilot",
  P3: "Phase 3 — cutover",
  P4: "Phase 4 — decommission",
};

export const RISK_STATUS_LABELS: Labels<typeof RISK_STATUSES> = {
  open: "Open",
  monitoring: "Monitoring",
  closed: "Closed",
};

export const RISK_SCOPE_LABELS: Labels<typeof RISK_SCOPES> = {
  once: "Once",
  per_interface: "Per interface",
  per_wave: "Per cutover wave",
};

export const WORKSTREAM_LABELS: Labels<typeof WORKSTREAMS> = {
  data_migration: "Data migration",
  workflow: "Workflow",
  integrations: "Integrations",
  reports: "Reports",
  audit_trail: "Audit trail",
  build: "Build",
  testing: "Testing",
  training: "Training",
  project_management: "Project management",
};

/** Each vocabulary of the inventories (the contract's own tuple) → its labels: what exports write and imports read. */
export const VOCABULARY_LABELS: ReadonlyMap<readonly string[], Readonly<Record<string, string>>> = new Map<readonly string[], Readonly<Record<string, string>>>([
  [DATA_ENTITY_KINDS, DATA_ENTITY_KIND_LABELS], [MIGRATE_DECISIONS, MIGRATE_DECISION_LABELS], [MAPPING_STATUSES, MAPPING_STATUS_LABELS],
  [QUIRK_KINDS, QUIRK_KIND_LABELS], [SEVERITIES, SEVERITY_LABELS], [CLEANUP_DECISIONS, CLEANUP_DECISION_LABELS],
  [WORKFLOW_KINDS, WORKFLOW_KIND_LABELS], [COMPLEXITIES, COMPLEXITY_LABELS], [DISPOSITIONS, DISPOSITION_LABELS],
  [REVIEW_STATUSES, REVIEW_STATUS_LABELS], [INTEGRATION_KINDS, INTEGRATION_KIND_LABELS], [INTEGRATION_STANDARDS, INTEGRATION_STANDARD_LABELS],
  [DIRECTIONS, DIRECTION_LABELS], [TRANSITION_STRATEGIES, TRANSITION_STRATEGY_LABELS], [INTERFACE_COMPLEXITIES, INTERFACE_COMPLEXITY_LABELS],
  [WORK_STATUSES, WORK_STATUS_LABELS], [REPORT_KINDS, REPORT_KIND_LABELS], [FREQUENCIES, FREQUENCY_LABELS],
  [RISK_CATEGORIES, RISK_CATEGORY_LABELS], [TREATMENTS, TREATMENT_LABELS], [PHASES, PHASE_LABELS], [RISK_STATUSES, RISK_STATUS_LABELS],
  [RISK_SCOPES, RISK_SCOPE_LABELS], [WORKSTREAMS, WORKSTREAM_LABELS],
]);

/** The labels of a vocabulary (a definition field's `vocabulary`); undefined for one without labels. */
export function labelsOfVocabulary(codes: readonly string[]): Readonly<Record<string, string>> | undefined {
  return VOCABULARY_LABELS.get(codes);
}

/** `[{ value, label }]` for a select, in the contract's order. */
export function optionsFrom<K extends string>(labels: Readonly<Record<K, string>>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

/** The label of a vocabulary value; an unknown value (e.g. from an old import) shows as itself. */
export function labelOf<K extends string>(labels: Readonly<Record<K, string>>, value: string | null | undefined): string {
  if (value === null || value === undefined || value === "") return "—";
  return (labels as Record<string, string>)[value] ?? value;
}
