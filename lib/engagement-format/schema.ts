// The whole-engagement JSON format ("sounding.engagement", version 1).
// INVARIANT: this is the one contract shared by the app's export/import, the inventories' row schemas,
// and the estimate engine's input (`npm run estimate -- engagement.json`). Change it only with a
// version bump and a note in docs/engagement-format.md.
// Runs on client and server: no Prisma, no Node APIs.
import { z } from "zod";
import { isoDateInRange, plainText } from "@/lib/input-rules";

// ---------- shared vocabularies ----------
export const MIGRATION_TYPES = ["A", "B", "C"] as const;
export const MigrationTypeSchema = z.enum(MIGRATION_TYPES);
export type MigrationType = z.infer<typeof MigrationTypeSchema>;

export const MIGRATION_TYPE_LABELS: Record<MigrationType, { name: string; explanation: string }> = {
  A: {
    name: "Type A — vendor switch",
    explanation: "Commercial EMR to another commercial EMR; vendor tooling exists, the client pays both vendors during overlap.",
  },
  B: {
    name: "Type B — custom replacement",
    explanation: "A custom system replaces a commercial EMR; we own the destination model, clinical workflows and integrations.",
  },
  C: {
    name: "Type C — modernization in place",
    explanation: "A legacy custom EMR rebuilt on a modern stack; data model often 1:1, cutover by user cohort.",
  },
};

export const ENGAGEMENT_STATUSES = ["scoping", "active", "on_hold", "completed"] as const;
export const EngagementStatusSchema = z.enum(ENGAGEMENT_STATUSES);

// Dates within 1900–2100 and text without control characters (lib/input-rules.ts): the same vocabulary as
// the forms, so an import cannot store what a form would refuse.
const isoDate = isoDateInRange();
const count = z.int().min(0);
const cents = z.int().min(0);
const text = (max = 2000) => plainText(z.string().trim().max(max));

export const ThreePointSchema = z
  .strictObject({ min: z.number().min(0), likely: z.number().min(0), max: z.number().min(0) })
  .refine((v) => v.min <= v.likely && v.likely <= v.max, { message: "Needs min ≤ most likely ≤ max" });
export type ThreePoint = z.infer<typeof ThreePointSchema>;

// ---------- engagement + organization profile ----------
export const OrganizationProfileSchema = z.strictObject({
  providers: count,
  locations: count,
  specialties: count,
  staffUsers: count, // all EMR users (clinical + administrative)
  activePatients: count,
  yearsOfData: z.number().min(0).max(100),
  sourceSystemCount: z.int().min(1).max(20).default(1),
});
export type OrganizationProfile = z.infer<typeof OrganizationProfileSchema>;

export const EngagementCoreSchema = z.strictObject({
  clientName: text(200).min(1),
  name: text(200).min(1),
  migrationType: MigrationTypeSchema,
  sourceSystem: text(200),
  destinationSystem: text(200),
  plannedStart: isoDate,
  currency: z.string().regex(/^[A-Z]{3}$/, "Use a three-letter ISO currency code").default("USD"),
  status: EngagementStatusSchema.default("scoping"),
  profile: OrganizationProfileSchema,
});
export type EngagementCore = z.infer<typeof EngagementCoreSchema>;

// ---------- 1. data inventory ----------
export const DATA_ENTITY_KINDS = [
  "patient_demographics", "encounters", "clinical_notes", "problems", "medications", "allergies",
  "immunizations", "lab_results", "vitals", "orders", "scanned_documents", "images", "appointments",
  "billing_claims", "insurance", "providers", "users", "source_audit_log", "other",
] as const;
export const MIGRATE_DECISIONS = ["migrate", "archive_only", "do_not_migrate", "undecided"] as const;
export const MAPPING_STATUSES = ["not_started", "draft", "validated"] as const;
export const QUIRK_KINDS = [
  "unmerged_patients", "icd9_unconverted", "free_text_for_structured", "scanned_paper",
  "multiple_identifiers", "orphaned_records", "invalid_codes", "encoding_problems", "other",
] as const;
export const SEVERITIES = ["low", "medium", "high", "critical"] as const;
export const CLEANUP_DECISIONS = ["undecided", "cleanup_before", "cleanup_during", "migrate_as_is", "exclude"] as const;

export const QuirkSchema = z.strictObject({
  kind: z.enum(QUIRK_KINDS),
  description: text(1000).default(""),
  affectedCount: count.nullable().default(null),
  affectedShare: z.number().min(0).max(1).nullable().default(null), // 0..1 of the entity's records
  severity: z.enum(SEVERITIES),
  cleanupDecision: z.enum(CLEANUP_DECISIONS).default("undecided"),
  decider: text(200).default(""),
});
export type Quirk = z.infer<typeof QuirkSchema>;

export const DataEntitySchema = z.strictObject({
  entity: z.enum(DATA_ENTITY_KINDS),
  sourceObject: text(200).min(1), // natural key with `entity`
  recordCount: count.nullable().default(null), // null = unknown
  yearsCovered: z.number().min(0).max(100).nullable().default(null),
  decision: z.enum(MIGRATE_DECISIONS).default("undecided"),
  destinationEntity: text(200).default(""),
  mappingStatus: z.enum(MAPPING_STATUSES).default("not_started"),
  cleanupInScope: z.boolean().default(false),
  decider: text(200).default(""),
  notes: text().default(""),
  quirks: z.array(QuirkSchema).default([]),
});
export type DataEntity = z.infer<typeof DataEntitySchema>;

// ---------- 2. workflow inventory ----------
export const WORKFLOW_KINDS = [
  "order_set", "alert_rule", "document_routing", "encounter_template", "role_permission_set",
  "reporting_pipeline", "other",
] as const;
export const COMPLEXITIES = ["low", "medium", "high"] as const;
export const DISPOSITIONS = ["undecided", "must_survive", "may_change", "retire"] as const;
export const REVIEW_STATUSES = ["not_reviewed", "approved", "changes_requested"] as const;

export const WorkflowItemSchema = z.strictObject({
  kind: z.enum(WORKFLOW_KINDS),
  name: text(200).min(1), // natural key with `kind` + `department`
  department: text(200).default(""),
  quantity: z.int().min(1).default(1), // one row may stand for "42 cardiology order sets"
  complexity: z.enum(COMPLEXITIES).default("medium"),
  disposition: z.enum(DISPOSITIONS).default("undecided"),
  reviewStatus: z.enum(REVIEW_STATUSES).default("not_reviewed"),
  notes: text().default(""),
});
export type WorkflowItem = z.infer<typeof WorkflowItemSchema>;

// ---------- 3. integration inventory ----------
export const INTEGRATION_KINDS = [
  "lab_orders", "lab_results", "erx", "payer", "patient_portal", "billing", "document_management",
  "imaging", "telehealth", "hie", "registry", "specialty_tool", "other",
] as const;
export const INTEGRATION_STANDARDS = ["hl7v2", "fhir_r4", "x12", "ncpdp_script", "ccda", "file_sftp", "proprietary_api", "other"] as const;
export const DIRECTIONS = ["inbound", "outbound", "bidirectional"] as const;
export const TRANSITION_STRATEGIES = ["undecided", "parallel_run", "cut_and_switch", "retire"] as const;
export const INTERFACE_COMPLEXITIES = ["simple", "medium", "complex"] as const;
export const WORK_STATUSES = ["not_started", "in_progress", "done", "blocked"] as const;

export const IntegrationSchema = z.strictObject({
  name: text(200).min(1), // natural key
  kind: z.enum(INTEGRATION_KINDS),
  standard: z.enum(INTEGRATION_STANDARDS),
  messageTypes: text(300).default(""), // e.g. "ORM^O01, ORU^R01" or "270/271, 837P"
  direction: z.enum(DIRECTIONS),
  partner: text(200).default(""),
  sourceEndpoint: text(300).default(""),
  replacementPlan: text().default(""),
  transitionStrategy: z.enum(TRANSITION_STRATEGIES).default("undecided"),
  clinicalImpact: z.enum(SEVERITIES).default("medium"),
  complexity: z.enum(INTERFACE_COMPLEXITIES).default("medium"),
  status: z.enum(WORK_STATUSES).default("not_started"),
});
export type Integration = z.infer<typeof IntegrationSchema>;

// ---------- 4. report inventory ----------
export const REPORT_KINDS = ["operational", "financial", "clinical_dashboard", "regulatory"] as const;
export const FREQUENCIES = ["ad_hoc", "daily", "weekly", "monthly", "quarterly", "annual"] as const;

export const ReportSchema = z.strictObject({
  name: text(200).min(1), // natural key
  kind: z.enum(REPORT_KINDS),
  consumers: text(500).default(""),
  frequency: z.enum(FREQUENCIES).default("monthly"),
  complexity: z.enum(COMPLEXITIES).default("medium"),
  reproducibilityPlan: text().default(""), // empty on a regulatory report = flagged
  parallelValidation: z.boolean().default(false),
  status: z.enum(WORK_STATUSES).default("not_started"),
});
export type Report = z.infer<typeof ReportSchema>;

// ---------- 5. audit-trail policy ----------
export const AUDIT_POLICIES = ["undecided", "migrate", "archive", "hybrid"] as const;
export const AuditTrailPolicySchema = z.strictObject({
  policy: z.enum(AUDIT_POLICIES).default("undecided"),
  sourceLogRows: count.nullable().default(null),
  sourceLogYears: z.number().min(0).max(100).nullable().default(null),
  retentionYears: z.number().min(0).max(100).nullable().default(null),
  retentionBasis: text(500).default(""), // e.g. "HIPAA 164.316(b)(2): 6 years; state law: 10 years"
  destination: text(500).default(""),
  retrievalProcedure: text(5000).default(""),
  owner: text(200).default(""),
});
export type AuditTrailPolicy = z.infer<typeof AuditTrailPolicySchema>;

// ---------- 6. cutover risk register ----------
export const RISK_CATEGORIES = [
  "data", "workflow", "integration", "reporting", "audit_trail", "vendor", "staffing", "schedule",
  "budget", "regulatory", "technical", "other",
] as const;
export const TREATMENTS = ["mitigate", "accept", "transfer", "avoid"] as const;
export const PHASES = ["P0", "P1", "P2", "P3", "P4"] as const;
export const RISK_STATUSES = ["open", "monitoring", "closed"] as const;
export const RISK_SCOPES = ["once", "per_interface", "per_wave"] as const;
export const WORKSTREAMS = [
  "data_migration", "workflow", "integrations", "reports", "audit_trail", "build", "testing",
  "training", "project_management",
] as const;
export type Workstream = (typeof WORKSTREAMS)[number];

export const RiskMatrixSchema = z.strictObject({
  size: z.int().min(3).max(7).default(5),
  likelihoodLabels: z.array(text(40).min(1)).default(["Rare", "Unlikely", "Possible", "Likely", "Almost certain"]),
  impactLabels: z.array(text(40).min(1)).default(["Minimal", "Minor", "Moderate", "Major", "Severe"]),
  // probability used by the estimate for each likelihood level when a risk gives none of its own
  likelihoodProbabilities: z.array(z.number().min(0).max(1)).default([0.05, 0.15, 0.35, 0.6, 0.85]),
});
export type RiskMatrix = z.infer<typeof RiskMatrixSchema>;

export const CostImpactSchema = z.discriminatedUnion("kind", [
  // an amount of money, in integer cents
  z.strictObject({ kind: z.literal("amount"), min: cents, likely: cents, max: cents }),
  // a share of one workstream's effort (0.25 = +25% of data-migration hours)
  z.strictObject({
    kind: z.literal("effort_share"),
    workstream: z.enum(WORKSTREAMS),
    min: z.number().min(0).max(10),
    likely: z.number().min(0).max(10),
    max: z.number().min(0).max(10),
  }),
]);
export type CostImpact = z.infer<typeof CostImpactSchema>;

export const RiskSchema = z.strictObject({
  title: text(200).min(1), // natural key
  cause: text().default(""),
  effect: text().default(""),
  category: z.enum(RISK_CATEGORIES).default("other"),
  likelihood: z.int().min(1).max(7), // level on the engagement's matrix
  impact: z.int().min(1).max(7),
  residualLikelihood: z.int().min(1).max(7).nullable().default(null),
  residualImpact: z.int().min(1).max(7).nullable().default(null),
  probability: z.number().min(0).max(1).nullable().default(null), // overrides the matrix mapping
  residualProbability: z.number().min(0).max(1).nullable().default(null),
  scope: z.enum(RISK_SCOPES).default("once"), // per_interface / per_wave: probability applies to each
  treatment: z.enum(TREATMENTS).default("mitigate"),
  mitigationPlan: text().default(""),
  mitigationCostCents: cents.default(0),
  scheduleImpactWeeks: ThreePointSchema.nullable().default(null),
  costImpact: CostImpactSchema.nullable().default(null),
  phase: z.enum(PHASES).default("P3"),
  owner: text(200).default(""),
  nextReviewDate: isoDate.nullable().default(null),
  status: z.enum(RISK_STATUSES).default("open"),
  libraryKey: text(100).nullable().default(null),
});
export type Risk = z.infer<typeof RiskSchema>;

// ---------- assumptions (rates, team, license terms, waves, model constants) ----------
export const FEE_BASES = ["per_provider_month", "flat_month"] as const;
export const BILLING_STARTS = ["project_start", "foundation_start", "pilot_start"] as const;

export const LicenseTermsSchema = z.strictObject({
  sourceFeeCents: cents.default(0),
  sourceFeeBasis: z.enum(FEE_BASES).default("per_provider_month"),
  destinationFeeCents: cents.default(0),
  destinationFeeBasis: z.enum(FEE_BASES).default("per_provider_month"),
  destinationBillingStart: z.enum(BILLING_STARTS).default("foundation_start"),
  sourceNoticeMonths: z.number().min(0).max(36).default(3),
  sourceRampsDownPerWave: z.boolean().default(false),
  sourceContractTailMonths: z.number().min(0).max(36).default(0),
  archiveFeeCentsPerMonth: cents.default(0), // read-only / archive access after decommission
  archiveMonths: z.number().min(0).max(240).default(12),
});
export type LicenseTerms = z.infer<typeof LicenseTermsSchema>;

export const WaveSchema = z.strictObject({
  name: text(100).min(1),
  cohort: text(300).default(""), // sites / specialty / user cohort
  providers: count,
  users: count,
});
export type Wave = z.infer<typeof WaveSchema>;

export const AssumptionsSchema = z.strictObject({
  // $/h in cents by workstream; missing keys use the engine's defaults (lib/estimate/defaults.ts)
  ratesCents: z.partialRecord(z.enum(WORKSTREAMS), cents).default({}),
  teamFte: z.number().min(0.5).max(500).default(8),
  interfaceEngineers: z.int().min(1).max(50).default(2),
  productiveHoursPerWeek: z.number().min(10).max(60).default(32),
  license: LicenseTermsSchema.default(LicenseTermsSchema.parse({})),
  waves: z.array(WaveSchema).default([]), // empty = the engine derives waves from the profile
  buildFunctionPoints: count.nullable().default(null), // Type B/C only
  targetGoLive: isoDate.nullable().default(null),
  targetBudgetCents: cents.nullable().default(null),
  // overrides of named model constants (keys and defaults with their basis: lib/estimate/defaults.ts)
  constants: z.record(z.string(), z.number()).default({}),
});
export type Assumptions = z.infer<typeof AssumptionsSchema>;

// ---------- the whole engagement ----------
export const ENGAGEMENT_FORMAT = "sounding.engagement" as const;
export const ENGAGEMENT_FORMAT_VERSION = 1 as const;

export const EngagementDocumentSchema = z.strictObject({
  format: z.literal(ENGAGEMENT_FORMAT),
  version: z.literal(ENGAGEMENT_FORMAT_VERSION),
  exportedAt: z.iso.datetime().optional(),
  engagement: EngagementCoreSchema,
  dataEntities: z.array(DataEntitySchema).default([]),
  workflows: z.array(WorkflowItemSchema).default([]),
  integrations: z.array(IntegrationSchema).default([]),
  reports: z.array(ReportSchema).default([]),
  auditTrail: AuditTrailPolicySchema.nullable().default(null),
  riskMatrix: RiskMatrixSchema.default(RiskMatrixSchema.parse({})),
  risks: z.array(RiskSchema).default([]),
  assumptions: AssumptionsSchema.default(AssumptionsSchema.parse({})),
});
export type EngagementDocument = z.infer<typeof EngagementDocumentSchema>;
export type EngagementDocumentInput = z.input<typeof EngagementDocumentSchema>;
