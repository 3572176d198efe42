// Drivers → effort: one three-point model per workstream, built from the inventories.
// Source of every formula: ESTIMATION.md "Drivers → effort"; constants in defaults.ts.
import type { EngagementDocument, MigrationType, Workstream } from "@/lib/engagement-format/schema";
import { triple, typeConstant } from "./defaults";
import { TermAccumulator, type Component, type Term } from "./terms";

/** Workstreams sampled directly (testing and project management are derived from them). */
export const PRIMARY_WORKSTREAMS = [
  "data_migration",
  "workflow",
  "integrations",
  "reports",
  "audit_trail",
  "build",
  "training",
] as const satisfies readonly Workstream[];
export type PrimaryWorkstream = (typeof PRIMARY_WORKSTREAMS)[number];

export const WORKSTREAM_LABELS: Record<Workstream, string> = {
  data_migration: "Data migration",
  workflow: "Workflow reconstruction",
  integrations: "Integrations",
  reports: "Reports and regulatory submissions",
  audit_trail: "Audit trail",
  build: "Custom build",
  testing: "Testing",
  training: "Training and go-live support",
  project_management: "Project management",
};

export interface WorkstreamModel {
  key: PrimaryWorkstream;
  label: string;
  terms: Term[];
  likelyHours: number;
  minHours: number;
  maxHours: number;
  formula: string;
  inputs: Record<string, number | string | boolean>;
  constants: string[];
  components: Component[];
}

export interface EffortContext {
  doc: EngagementDocument;
  c: Record<string, number>;
  type: MigrationType;
  waveCount: number;
}

/** A small organization (below the mid-size provider threshold): fixed-scope onboarding applies. */
export function isSmallOrganization(doc: EngagementDocument, c: Record<string, number>): boolean {
  return doc.engagement.profile.providers < (c["size.midMinProviders"] as number);
}

export interface BuildSize {
  functionPoints: number;
  assumed: boolean;
}

/** Function points the build is sized on (B/C only; A has no build track). */
export function buildSize(doc: EngagementDocument, c: Record<string, number>): BuildSize {
  const type = doc.engagement.migrationType;
  if (type === "A") return { functionPoints: 0, assumed: false };
  const fp = doc.assumptions.buildFunctionPoints;
  if (fp === null || fp === undefined) return { functionPoints: c["build.assumedFunctionPoints"] as number, assumed: true };
  return { functionPoints: fp, assumed: false };
}

function finish(
  key: PrimaryWorkstream,
  acc: TermAccumulator,
  formula: string,
  inputs: WorkstreamModel["inputs"],
  constants: string[],
): WorkstreamModel {
  const components = [...acc.components].sort((a, b) => b.likelyHours - a.likelyHours);
  return {
    key,
    label: WORKSTREAM_LABELS[key],
    terms: acc.terms(),
    likelyHours: acc.likely,
    minHours: acc.min,
    maxHours: acc.max,
    formula,
    inputs,
    constants,
    components,
  };
}

// ---------- data migration ----------
export function dataMigrationModel({ doc, c, type }: EffortContext): WorkstreamModel {
  const acc = new TermAccumulator();
  const [a, m, b] = triple(c, "data.entityHours");
  const typeFactor = typeConstant(c, type, "dataFactor");
  const ref = c["data.volumeReferenceRecords"] as number;
  const exp = c["data.volumeExponent"] as number;
  const patients = doc.engagement.profile.activePatients;
  const sources = doc.engagement.profile.sourceSystemCount;
  // each extra source system adds extraction, identity matching and de-duplication
  const sourceFactor = 1 + (c["data.extraSourceSystemFactor"] as number) * Math.max(0, sources - 1);
  // mock conversion rounds + record-by-record validation, as shares of the mapping/ETL effort
  const rehearsalFactor =
    1 + (c["data.mockConversionRounds"] as number) * (c["data.mockRoundShare"] as number) + (c["data.validationShare"] as number);
  // economies of scale: a small Type A practice on one source uses the destination vendor's conversion package
  const vendorPackage = type === "A" && sources === 1 && isSmallOrganization(doc, c);
  const packageFactor = vendorPackage ? (c["scale.smallDataFactor.A"] as number) : 1;
  let unknownCounts = 0;
  let records = 0;
  for (const e of doc.dataEntities) {
    const known = e.recordCount !== null && e.recordCount !== undefined;
    if (!known) unknownCounts++;
    // unknown count: assume N records per active patient (lowers input confidence)
    const count = known ? (e.recordCount as number) : patients * (c["data.unknownRecordsPerPatient"] as number);
    records += count;
    // volume scales sub-linearly, never below one reference batch: (records/10k)^0.4
    const volume = Math.pow(Math.max(1, count / ref), exp);
    // quirks: severity weight × cleanup-decision weight, added per quirk
    let quirk = 1;
    for (const q of e.quirks) {
      quirk += (c[`data.quirkWeight.${q.severity}`] as number) * (c[`data.cleanupWeight.${q.cleanupDecision}`] as number);
    }
    const cleanup = e.cleanupInScope ? (c["data.cleanupInScopeFactor"] as number) : 1;
    const decision = c[`data.decisionFactor.${e.decision}`] as number;
    const scale = decision * volume * quirk * cleanup * typeFactor * sourceFactor * rehearsalFactor * packageFactor;
    acc.add(`${e.entity}: ${e.sourceObject}`, scale, a, m, b);
  }
  return finish(
    "data_migration",
    acc,
    "Σ over entities of per-entity hours (30/60/120) × max(1, records/10k)^0.4 × (1 + Σ quirk severity × cleanup weight) × cleanup-in-scope × decision × type factor × source-system factor × (1 + mock rounds × round share + validation share)",
    {
      entities: doc.dataEntities.length,
      entitiesWithUnknownCount: unknownCounts,
      totalRecords: Math.round(records),
      migrationType: type,
      typeFactor,
      sourceSystems: sources,
      sourceSystemFactor: sourceFactor,
      rehearsalFactor,
      vendorConversionPackage: vendorPackage,
      packageFactor,
    },
    [
      "data.entityHours.likely", "data.volumeReferenceRecords", "data.volumeExponent", `type.${type}.dataFactor`,
      "data.quirkWeight.medium", "data.cleanupWeight.undecided", "data.cleanupInScopeFactor", "data.decisionFactor.archive_only",
      "data.extraSourceSystemFactor", "data.mockConversionRounds", "data.mockRoundShare", "data.validationShare", "data.unknownRecordsPerPatient",
      "scale.smallDataFactor.A",
    ],
  );
}

// ---------- workflow reconstruction ----------
export function workflowModel({ doc, c, type }: EffortContext): WorkstreamModel {
  const acc = new TermAccumulator();
  const p = doc.engagement.profile;
  // B/C: roughly half of workflow reconstruction moves into the build track
  const typeFactor = typeConstant(c, type, "workflowFactor");
  const small = isSmallOrganization(doc, c);
  const baseFactor = small ? (c["scale.smallWorkflowBaseFactor"] as number) : 1;
  acc.add("Base (governance, design sessions)", typeFactor * baseFactor, ...triple(c, "workflow.baseHours"));
  // large organizations amortise per-provider content across sites beyond a threshold
  const above = c["scale.providerAmortiseAbove"] as number;
  const effectiveProviders = p.providers <= above ? p.providers : above + (p.providers - above) * (c["scale.providerAmortiseFactor"] as number);
  acc.add(`Per provider × ${p.providers}${effectiveProviders < p.providers ? ` (amortised: ${Math.round(effectiveProviders)} equivalent)` : ""}`, typeFactor * effectiveProviders, ...triple(c, "workflow.perProviderHours"));
  acc.add(`Per specialty × ${p.specialties}`, typeFactor * p.specialties, ...triple(c, "workflow.perSpecialtyHours"));
  const lo = c["workflow.itemRange.min"] as number, hi = c["workflow.itemRange.max"] as number;
  let items = 0, mustSurvive = 0, unreviewed = 0;
  for (const w of doc.workflows) {
    items += w.quantity;
    if (w.disposition === "must_survive") mustSurvive += w.quantity;
    if (w.reviewStatus === "not_reviewed") unreviewed += w.quantity;
    const likely = c[`workflow.kindHours.${w.kind}`] as number;
    // quantity × kind hours × complexity × disposition (must-survive costs more to verify)
    const scale = typeFactor * w.quantity * (c[`workflow.complexity.${w.complexity}`] as number) * (c[`workflow.disposition.${w.disposition}`] as number);
    acc.add(`${w.kind}: ${w.name}${w.department ? ` (${w.department})` : ""} × ${w.quantity}`, scale, lo * likely, likely, hi * likely);
  }
  return finish(
    "workflow",
    acc,
    "type factor × [base (× 0.5 for a small practice) + providers (beyond 100 at half) × (6/10/16 h) + specialties × (40/80/160 h) + Σ items quantity × kind hours × complexity × disposition]",
    { providers: p.providers, effectiveProviders: Math.round(effectiveProviders * 100) / 100, smallOrganization: small, specialties: p.specialties, workflowRows: doc.workflows.length, workflowItems: items, mustSurviveItems: mustSurvive, unreviewedItems: unreviewed, typeFactor },
    [
      "workflow.baseHours.likely", "workflow.perProviderHours.likely", "workflow.perSpecialtyHours.likely", "workflow.kindHours.order_set",
      "workflow.complexity.high", "workflow.disposition.must_survive", "workflow.itemRange.min", "workflow.itemRange.max", `type.${type}.workflowFactor`,
      "scale.smallWorkflowBaseFactor", "scale.providerAmortiseAbove", "scale.providerAmortiseFactor",
    ],
  );
}

// ---------- integrations ----------
export function integrationsModel({ doc, c, type }: EffortContext): WorkstreamModel {
  const acc = new TermAccumulator();
  // C re-points existing interfaces (≈0.6); A/B rebuild them
  const typeFactor = typeConstant(c, type, "integrationFactor");
  const counts = { simple: 0, medium: 0, complex: 0 };
  for (const i of doc.integrations) {
    counts[i.complexity]++;
    const strategy = i.transitionStrategy === "parallel_run" ? (c["integration.parallelRunFactor"] as number) : i.transitionStrategy === "retire" ? (c["integration.retireFactor"] as number) : 1;
    acc.add(`${i.name} (${i.complexity}, ${i.standard})`, typeFactor * strategy, ...triple(c, `integration.hours.${i.complexity}`));
  }
  return finish(
    "integrations",
    acc,
    "Σ interfaces of complexity hours (simple 16/32/60, medium 40/80/160, complex 120/240/480) × transition strategy × type factor",
    { interfaces: doc.integrations.length, simple: counts.simple, medium: counts.medium, complex: counts.complex, typeFactor, interfaceEngineers: doc.assumptions.interfaceEngineers },
    ["integration.hours.simple.likely", "integration.hours.medium.likely", "integration.hours.complex.likely", "integration.parallelRunFactor", "integration.retireFactor", `type.${type}.integrationFactor`],
  );
}

// ---------- reports ----------
export function reportsModel({ doc, c }: EffortContext): WorkstreamModel {
  const acc = new TermAccumulator();
  const lo = c["report.range.min"] as number, hi = c["report.range.max"] as number;
  let regulatory = 0, regulatoryWithoutPlan = 0;
  for (const r of doc.reports) {
    const likely = c[`report.hours.${r.complexity}`] as number;
    let scale = c[`report.kindWeight.${r.kind}`] as number;
    if (r.kind === "regulatory") {
      regulatory++;
      // regulatory weight already includes parallel validation; a missing plan still has to be written
      if (r.reproducibilityPlan.trim() === "") {
        regulatoryWithoutPlan++;
        scale *= c["report.noPlanFactor"] as number;
      }
    } else if (r.parallelValidation) {
      scale *= c["report.parallelValidationFactor"] as number;
    }
    acc.add(`${r.name} (${r.kind}, ${r.complexity})`, scale, lo * likely, likely, hi * likely);
  }
  return finish(
    "reports",
    acc,
    "Σ reports of complexity hours × kind weight (regulatory ×2.5 for reproducibility plan + parallel validation) × missing-plan / parallel-validation factors",
    { reports: doc.reports.length, regulatory, regulatoryWithoutPlan },
    ["report.hours.medium", "report.kindWeight.regulatory", "report.noPlanFactor", "report.parallelValidationFactor", "report.range.min", "report.range.max"],
  );
}

// ---------- audit trail ----------
export function auditTrailModel({ doc, c, type }: EffortContext): WorkstreamModel {
  const acc = new TermAccumulator();
  const a = doc.auditTrail;
  const policy = a?.policy ?? "undecided";
  const p = doc.engagement.profile;
  const rowsKnown = a?.sourceLogRows !== null && a?.sourceLogRows !== undefined;
  // unknown log size: users × events per user-year × years of log (or years of data)
  const years = a?.sourceLogYears ?? p.yearsOfData;
  const rows = rowsKnown ? (a?.sourceLogRows as number) : p.staffUsers * (c["audit.eventsPerUserYear"] as number) * years;
  const millions = rows / 1e6;
  const addMigrate = (label: string, share: number) => {
    acc.add(`${label}: transform + load + verify`, share, ...triple(c, "audit.migrateFixedHours"));
    acc.add(`${label}: ${millions.toFixed(1)}M rows`, share * millions, ...triple(c, "audit.migrateHoursPerMillionRows"));
  };
  const addArchive = (label: string) => acc.add(`${label}: export + read-only store + retrieval procedure`, 1, ...triple(c, "audit.archiveHours"));
  if (policy === "migrate") addMigrate("Migrate", 1);
  else if (policy === "archive") addArchive("Archive");
  else if (policy === "hybrid") {
    addMigrate("Hybrid (recent years migrated)", c["audit.hybridMigrateShare"] as number);
    addArchive("Hybrid (older years archived)");
  } else {
    // undecided: price the dearer of migrate and archive until decided (and flag it)
    const migrateLikely = (c["audit.migrateFixedHours.likely"] as number) + millions * (c["audit.migrateHoursPerMillionRows.likely"] as number);
    if (migrateLikely >= (c["audit.archiveHours.likely"] as number)) addMigrate("Undecided (priced as migrate)", 1);
    else addArchive("Undecided (priced as archive)");
  }
  // Type C always carries an audit-continuity item across the cutover
  if (type === "C") acc.add("Type C audit continuity across cutover", 1, ...triple(c, "audit.continuityHours"));
  return finish(
    "audit_trail",
    acc,
    "migrate: fixed + per-million-rows hours; archive: export + read-only store + retrieval; hybrid: share migrated + archive; undecided: the dearer of the two; Type C adds a continuity item",
    { policy, sourceLogRows: Math.round(rows), sourceLogRowsKnown: rowsKnown, migrationType: type },
    ["audit.migrateFixedHours.likely", "audit.migrateHoursPerMillionRows.likely", "audit.archiveHours.likely", "audit.hybridMigrateShare", "audit.eventsPerUserYear", "audit.continuityHours.likely"],
  );
}

// ---------- build (B/C) ----------
export function buildModel({ doc, c, type, waveCount }: EffortContext): WorkstreamModel {
  const acc = new TermAccumulator();
  const size = buildSize(doc, c);
  const compliance = c["build.complianceFactor"] as number;
  // C: coexistence/sync while cohorts are split between old and new stack
  const coexistence = type === "C" && waveCount > 1 ? (c["build.C.coexistenceFactor"] as number) : 1;
  if (type !== "A" && size.functionPoints > 0) {
    acc.add(`${size.functionPoints} FP${size.assumed ? " (assumed)" : ""}`, size.functionPoints * compliance * coexistence, ...triple(c, "build.hoursPerFunctionPoint"));
  }
  return finish(
    "build",
    acc,
    type === "A"
      ? "Type A has no build track (vendor configuration is in workflow reconstruction)"
      : "function points × delivery rate (8/11/20 h/FP) × compliance factor" + (type === "C" ? " × coexistence factor (more than one cohort)" : ""),
    { migrationType: type, functionPoints: size.functionPoints, functionPointsAssumed: size.assumed, complianceFactor: compliance, coexistenceFactor: coexistence },
    ["build.hoursPerFunctionPoint.likely", "build.complianceFactor", "build.C.coexistenceFactor", "build.assumedFunctionPoints"],
  );
}

// ---------- training and go-live support ----------
export function trainingModel({ doc, c }: EffortContext): WorkstreamModel {
  const acc = new TermAccumulator();
  const p = doc.engagement.profile;
  const staff = Math.max(0, p.staffUsers - p.providers);
  // trainer hours: learner hours / class size (8 h per staff member, 16 h per provider, classes of 8)
  const trainer = (staff * (c["training.staffHours"] as number) + p.providers * (c["training.providerHours"] as number)) / Math.max(1, c["training.classSize"] as number);
  // at-the-elbow support: one supporter per 8 users for 40 h, of which the billed share (the rest are client super-users)
  const floor = (p.staffUsers / Math.max(1, c["training.usersPerFloorSupporter"] as number)) * (c["training.floorSupportHours"] as number) * (c["training.floorSupportBilledShare"] as number);
  const lo = c["training.range.min"] as number, hi = c["training.range.max"] as number;
  acc.add("Curriculum and materials", 1, ...triple(c, "training.curriculumHours"));
  acc.add(`Classes: ${staff} staff + ${p.providers} providers`, trainer, lo, 1, hi);
  acc.add(`At-the-elbow support for ${p.staffUsers} users`, floor, lo, 1, hi);
  return finish(
    "training",
    acc,
    "curriculum + (staff × 8 h + providers × 16 h) / class size 8 + users / 8 × 40 h floor support × billed share",
    { staffUsers: p.staffUsers, providers: p.providers, trainerHours: Math.round(trainer), floorSupportHours: Math.round(floor) },
    ["training.staffHours", "training.providerHours", "training.classSize", "training.usersPerFloorSupporter", "training.floorSupportHours", "training.floorSupportBilledShare", "training.curriculumHours.likely", "training.range.min", "training.range.max"],
  );
}

export function buildWorkstreamModels(ctx: EffortContext): WorkstreamModel[] {
  return [
    dataMigrationModel(ctx),
    workflowModel(ctx),
    integrationsModel(ctx),
    reportsModel(ctx),
    auditTrailModel(ctx),
    buildModel(ctx),
    trainingModel(ctx),
  ];
}
