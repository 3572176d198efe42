// The contract's building blocks that the inventory definitions (lib/inventories/definitions) are made of:
// primitives, the inventories' vocabularies and the structured parts of a row (quirk, three-point estimate,
// cost impact). lib/engagement-format/schema.ts re-exports all of it and builds the row schemas from the
// definitions; import from there. Runs on client and server: no Prisma, no Node APIs.
import { z } from "zod";
import { isoDateInRange, plainText } from "@/lib/input-rules";
import { INPUT_LIMITS as L, bounded } from "@/lib/engagement-format/limits";

// ---------- contract primitives ----------
// Dates within 1900–2100 and text without control characters (lib/input-rules.ts): the same vocabulary as
// the forms, so an import cannot store what a form would refuse.
export const isoDate = isoDateInRange();
export const count = bounded(L.count);
// every number of the contract has a documented range (lib/engagement-format/limits.ts)
export const cents = bounded(L.amountCents);
export const text = (max = 2000) => plainText(z.string().trim().max(max));

export const ThreePointSchema = z
  .strictObject({ min: bounded(L.scheduleWeeks), likely: bounded(L.scheduleWeeks), max: bounded(L.scheduleWeeks) })
  .refine((v) => v.min <= v.likely && v.likely <= v.max, { message: "Needs min ≤ most likely ≤ max" });
export type ThreePoint = z.infer<typeof ThreePointSchema>;

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
  affectedCount: bounded(L.affectedCount).nullable().default(null),
  affectedShare: bounded(L.share).nullable().default(null), // 0..1 of the entity's records
  severity: z.enum(SEVERITIES),
  cleanupDecision: z.enum(CLEANUP_DECISIONS).default("undecided"),
  decider: text(200).default(""),
});
export type Quirk = z.infer<typeof QuirkSchema>;

// ---------- 2. workflow inventory ----------
export const WORKFLOW_KINDS = [
  "order_set", "alert_rule", "document_routing", "encounter_template", "role_permission_set",
  "reporting_pipeline", "other",
] as const;
export const COMPLEXITIES = ["low", "medium", "high"] as const;
export const DISPOSITIONS = ["undecided", "must_survive", "may_change", "retire"] as const;
export const REVIEW_STATUSES = ["not_reviewed", "approved", "changes_requested"] as const;

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

// ---------- 4. report inventory ----------
export const REPORT_KINDS = ["operational", "financial", "clinical_dashboard", "regulatory"] as const;
export const FREQUENCIES = ["ad_hoc", "daily", "weekly", "monthly", "quarterly", "annual"] as const;

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

export const CostImpactSchema = z.discriminatedUnion("kind", [
  // an amount of money, in integer cents
  z.strictObject({ kind: z.literal("amount"), min: cents, likely: cents, max: cents }),
  // a share of one workstream's effort (0.25 = +25% of data-migration hours)
  z.strictObject({
    kind: z.literal("effort_share"),
    workstream: z.enum(WORKSTREAMS),
    min: bounded(L.effortShare),
    likely: bounded(L.effortShare),
    max: bounded(L.effortShare),
  }),
]);
export type CostImpact = z.infer<typeof CostImpactSchema>;
