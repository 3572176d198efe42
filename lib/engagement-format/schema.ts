// The whole-engagement JSON format ("sounding.engagement", version 1).
// INVARIANT: this is the one contract shared by the app's export/import, the inventories' row schemas,
// and the estimate engine's input (`npm run estimate -- engagement.json`). Change it only with a
// version bump and a note in docs/engagement-format.md.
// Runs on client and server: no Prisma, no Node APIs.
import { z } from "zod";
import { WORKSTREAMS, isoDate, text } from "@/lib/engagement-format/vocabularies";
import { INPUT_LIMITS as L, bounded, rangeMessage } from "@/lib/engagement-format/limits";
import { CONSTANT_DEFINITIONS } from "@/lib/estimate/defaults";
import { rowSchema } from "@/lib/inventories/definition";
import { DATA_DEFINITION, INTEGRATION_DEFINITION, REPORT_DEFINITION, RISK_DEFINITION, WORKFLOW_DEFINITION } from "@/lib/inventories/definitions";
import { TypeDecisionAnswersSchema } from "@/lib/type-decision/schema";

// The inventories' vocabularies and row parts live in vocabularies.ts; each inventory's row schema is built
// from its definition (lib/inventories/definitions/*), where each field is written once.
export * from "@/lib/engagement-format/vocabularies";

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

// ---------- engagement + organization profile ----------
export const OrganizationProfileSchema = z.strictObject({
  providers: bounded(L.providers),
  locations: bounded(L.locations),
  specialties: bounded(L.specialties),
  staffUsers: bounded(L.staffUsers), // all EMR users (clinical + administrative)
  activePatients: bounded(L.activePatients),
  yearsOfData: bounded(L.years),
  sourceSystemCount: bounded(L.sourceSystemCount).default(1),
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
export const DataEntitySchema = rowSchema(DATA_DEFINITION);
export type DataEntity = z.infer<typeof DataEntitySchema>;

// ---------- 2. workflow inventory ----------
export const WorkflowItemSchema = rowSchema(WORKFLOW_DEFINITION);
export type WorkflowItem = z.infer<typeof WorkflowItemSchema>;

// ---------- 3. integration inventory ----------
export const IntegrationSchema = rowSchema(INTEGRATION_DEFINITION);
export type Integration = z.infer<typeof IntegrationSchema>;

// ---------- 4. report inventory ----------
export const ReportSchema = rowSchema(REPORT_DEFINITION);
export type Report = z.infer<typeof ReportSchema>;

// ---------- 5. audit-trail policy ----------
export const AUDIT_POLICIES = ["undecided", "migrate", "archive", "hybrid"] as const;
export const AuditTrailPolicySchema = z.strictObject({
  policy: z.enum(AUDIT_POLICIES).default("undecided"),
  sourceLogRows: bounded(L.sourceLogRows).nullable().default(null),
  sourceLogYears: bounded(L.years).nullable().default(null),
  retentionYears: bounded(L.years).nullable().default(null),
  retentionBasis: text(500).default(""), // e.g. "HIPAA 164.316(b)(2): 6 years; state law: 10 years"
  destination: text(500).default(""),
  retrievalProcedure: text(5000).default(""),
  owner: text(200).default(""),
});
export type AuditTrailPolicy = z.infer<typeof AuditTrailPolicySchema>;

// ---------- 6. cutover risk register ----------
export const RiskMatrixSchema = z.strictObject({
  size: bounded(L.matrixSize).default(5),
  likelihoodLabels: z.array(text(40).min(1)).default(["Rare", "Unlikely", "Possible", "Likely", "Almost certain"]),
  impactLabels: z.array(text(40).min(1)).default(["Minimal", "Minor", "Moderate", "Major", "Severe"]),
  // probability used by the estimate for each likelihood level when a risk gives none of its own
  likelihoodProbabilities: z.array(bounded(L.share)).default([0.05, 0.15, 0.35, 0.6, 0.85]),
});
export type RiskMatrix = z.infer<typeof RiskMatrixSchema>;

export const RiskSchema = rowSchema(RISK_DEFINITION);
export type Risk = z.infer<typeof RiskSchema>;

// ---------- assumptions (rates, team, license terms, waves, model constants) ----------
export const FEE_BASES = ["per_provider_month", "per_user_month", "flat_month"] as const;
export type FeeBasis = (typeof FEE_BASES)[number];
export const BILLING_STARTS = ["project_start", "foundation_start", "pilot_start", "date"] as const;
export const MAX_LICENSE_SOURCES = 20;

/** One source system's license: its own fee, fee basis, contract end and notice period. */
export const LicenseSourceSchema = z.strictObject({
  // matches the data entities' `sourceSystem` (the estimate flags entities naming no licensed source)
  name: text(200).default(""),
  feeCents: bounded(L.feeCents).nullable().default(null), // null = not entered (never read as $0)
  feeBasis: z.enum(FEE_BASES).default("per_provider_month"),
  contractEnd: isoDate.nullable().default(null), // the contract's end date; null = not constrained
  noticeMonths: bounded(L.months36).default(3),
  rampsDownPerWave: z.boolean().default(false), // per-seat fees only: a flat fee cannot ramp down
  contractTailMonths: bounded(L.months36).default(0),
});
export type LicenseSource = z.infer<typeof LicenseSourceSchema>;

// Before the sources list the contract held one source's terms in flat fields. They are still read (an
// old export, fixture or stored assumptions document) and migrated into `sources[0]`; a fee of 0 in that
// old form meant "not entered" (it was the default), so it migrates to null.
const LEGACY_SOURCE_KEYS = ["sourceFeeCents", "sourceFeeBasis", "sourceNoticeMonths", "sourceRampsDownPerWave", "sourceContractTailMonths"] as const;

export const LicenseTermsSchema = z
  .strictObject({
    sources: z.array(LicenseSourceSchema).max(MAX_LICENSE_SOURCES, `At most ${MAX_LICENSE_SOURCES} source systems`).optional(),
    destinationFeeCents: bounded(L.feeCents).nullable().optional(), // null / absent = not entered
    destinationFeeBasis: z.enum(FEE_BASES).default("per_provider_month"),
    destinationBillingStart: z.enum(BILLING_STARTS).default("foundation_start"),
    destinationBillingStartDate: isoDate.nullable().default(null), // when destinationBillingStart is "date"
    implementationFeeCents: bounded(L.amountCents).nullable().default(null), // one-time vendor implementation fees (Type A)
    archiveFeeCentsPerMonth: bounded(L.feeCents).default(0), // read-only / archive access after decommission
    archiveMonths: bounded(L.months240).default(12),
    // legacy single-source fields (read, migrated into sources[0], never written)
    sourceFeeCents: bounded(L.feeCents).optional(),
    sourceFeeBasis: z.enum(FEE_BASES).optional(),
    sourceNoticeMonths: bounded(L.months36).optional(),
    sourceRampsDownPerWave: z.boolean().optional(),
    sourceContractTailMonths: bounded(L.months36).optional(),
  })
  .transform((v) => {
    const legacy = v.sources === undefined && LEGACY_SOURCE_KEYS.some((k) => v[k] !== undefined);
    const sources: LicenseSource[] = legacy
      ? [
          {
            name: "",
            feeCents: v.sourceFeeCents ? v.sourceFeeCents : null,
            feeBasis: v.sourceFeeBasis ?? "per_provider_month",
            contractEnd: null,
            noticeMonths: v.sourceNoticeMonths ?? 3,
            rampsDownPerWave: v.sourceRampsDownPerWave ?? false,
            contractTailMonths: v.sourceContractTailMonths ?? 0,
          },
        ]
      : (v.sources ?? []);
    const dest = v.destinationFeeCents ?? null;
    return {
      sources,
      destinationFeeCents: legacy && dest === 0 ? null : dest,
      destinationFeeBasis: v.destinationFeeBasis,
      destinationBillingStart: v.destinationBillingStart,
      destinationBillingStartDate: v.destinationBillingStartDate,
      implementationFeeCents: v.implementationFeeCents,
      archiveFeeCentsPerMonth: v.archiveFeeCentsPerMonth,
      archiveMonths: v.archiveMonths,
    };
  });
export type LicenseTerms = z.infer<typeof LicenseTermsSchema>;
export type LicenseTermsInput = z.input<typeof LicenseTermsSchema>;

export const WaveSchema = z.strictObject({
  name: text(100).min(1),
  cohort: text(300).default(""), // sites / specialty / user cohort
  providers: bounded(L.waveProviders),
  users: bounded(L.waveUsers),
  // an entered go-live date is a constraint: the planner never places this wave's go-live earlier (null = none)
  goLiveDate: isoDate.nullable().default(null),
});
export type Wave = z.infer<typeof WaveSchema>;

/**
 * Staffing by role (optional; null = derived): each entered role is its own Phase 1 lane. Not entered, a
 * role is part of the migration team (teamFte), its share derived from its Phase 1 effort; the build is
 * staffed as COCOMO II implies. Interface engineers are `interfaceEngineers`. docs/estimation.md "Lanes".
 */
export const StaffingSchema = z.strictObject({
  dataFte: bounded(L.roleFte).nullable().default(null), // data migration and audit-trail engineers
  workflowFte: bounded(L.roleFte).nullable().default(null), // clinical workflow analysts
  trainerFte: bounded(L.roleFte).nullable().default(null), // trainers and go-live support
  buildFte: bounded(L.roleFte).nullable().default(null), // build developers (Type B/C)
});
export type Staffing = z.infer<typeof StaffingSchema>;

const CONSTANT_RANGES = new Map(CONSTANT_DEFINITIONS.map((d) => [d.key, d]));
function checkConstantRanges(constants: Record<string, number>, ctx: z.RefinementCtx): void {
  for (const [key, value] of Object.entries(constants)) {
    const d = CONSTANT_RANGES.get(key);
    if (!d || (value >= d.min && value <= d.max)) continue;
    ctx.addIssue({ code: "custom", path: [key], message: `${rangeMessage({ min: d.min, max: d.max, unit: `(${d.unit})` })} (got ${value})` });
  }
}

export const AssumptionsSchema = z.strictObject({
  // $/h in cents by workstream; missing keys use the engine's defaults (lib/estimate/defaults.ts)
  ratesCents: z.partialRecord(z.enum(WORKSTREAMS), bounded(L.rateCents)).default({}),
  teamFte: bounded(L.teamFte).default(8),
  interfaceEngineers: bounded(L.interfaceEngineers).default(2),
  staffing: StaffingSchema.default(StaffingSchema.parse({})),
  productiveHoursPerWeek: bounded(L.productiveHoursPerWeek).default(32),
  license: LicenseTermsSchema.default(LicenseTermsSchema.parse({})),
  waves: z.array(WaveSchema).default([]), // empty = the engine derives waves from the profile
  buildFunctionPoints: bounded(L.functionPoints).nullable().default(null), // Type B/C only
  targetGoLive: isoDate.nullable().default(null),
  targetBudgetCents: bounded(L.budgetCents).nullable().default(null),
  // overrides of named model constants (keys and defaults with their basis: lib/estimate/defaults.ts)
  // each known key within its documented range (CONSTANT_DEFINITIONS min/max); unknown keys are kept and
  // reported by the engine (CONSTANT_OVERRIDE_ISSUE), but must still be finite numbers
  constants: z.record(z.string(), z.number({ error: "Must be a finite number" })).superRefine(checkConstantRanges).default({}),
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
  // the type-decision fit checklist: the consultant's answer (yes / no / unsure / null) and note per criterion.
  // Not an estimate input: the engine ignores it and stored results are keyed without it (lib/estimate-results/key.ts).
  typeDecision: TypeDecisionAnswersSchema.default(TypeDecisionAnswersSchema.parse({})),
});
export type EngagementDocument = z.infer<typeof EngagementDocumentSchema>;
export type EngagementDocumentInput = z.input<typeof EngagementDocumentSchema>;
