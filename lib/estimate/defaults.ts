// Every model constant of the estimate: key, default, unit, basis and label.
// INVARIANT: this table is the single source for the app's Assumptions page and for
// `assumptions.constants` overrides (same keys). No formula in lib/estimate may use a literal
// model number that is not listed here (calendar facts such as days per week excepted).
import type { EngagementDocument, MigrationType } from "@/lib/engagement-format/schema";
import { WORKSTREAMS, type Workstream } from "@/lib/engagement-format/vocabularies";

export type ConstantGroup =
  | "rates"
  | "type"
  | "data"
  | "workflow"
  | "integrations"
  | "reports"
  | "audit"
  | "build"
  | "testing"
  | "training"
  | "project_management"
  | "schedule"
  | "phase_shares"
  | "waves"
  | "risk"
  | "systemic"
  | "license"
  | "honesty"
  | "cutover"
  | "scale"
  | "tco";

export interface ConstantDefinition {
  key: string;
  value: number;
  unit: string;
  label: string;
  basis: string;
  group: ConstantGroup;
  /**
   * Inclusive range an override must respect. Enforced at save (assumptions form), at import and on the
   * CLI (AssumptionsSchema in lib/engagement-format/schema.ts); the engine clamps and flags anything that
   * reaches it from elsewhere. Every constant has both bounds (UNIT_BOUNDS when not given explicitly).
   */
  min: number;
  max: number;
}

/**
 * Default range of a constant by its unit: wide enough for any real engagement, narrow enough that no
 * combination of in-range values overflows or holds the CPU (docs/estimation.md "Bounded and finite").
 * Divisors start at 1.
 */
export const UNIT_BOUNDS: Readonly<Record<string, readonly [number, number]>> = {
  "cents/h": [0, 1_000_000],
  "×": [0, 10],
  "h/entity": [0, 10_000],
  records: [1, 1e9],
  "records/patient": [0, 10_000],
  "× per quirk": [0, 10],
  "× per extra source": [0, 10],
  rounds: [0, 20],
  "× entity effort per round": [0, 1],
  "× entity effort": [0, 5],
  h: [0, 100_000],
  "h/provider": [0, 10_000],
  "h/specialty": [0, 10_000],
  "× likely": [0, 10],
  "h/item": [0, 10_000],
  "h/interface": [0, 10_000],
  "h/report": [0, 10_000],
  "h/million rows": [0, 10_000],
  share: [0, 1],
  "rows/user-year": [0, 10_000_000],
  "h/FP": [0, 200],
  FP: [0, 1_000_000],
  "h/PM": [1, 500],
  months: [0, 240],
  exponent: [0, 1],
  "share of TDEV": [0, 2],
  "× (workflow + integrations + build)": [0, 5],
  "h/learner": [0, 1_000],
  "learners/class": [1, 1_000],
  "users/supporter": [1, 10_000],
  "h/supporter": [0, 1_000],
  "× other effort": [0, 5],
  weeks: [0, 520],
  "weeks/wave": [0, 104],
  users: [1, 1_000_000],
  "share of wave": [0, 1],
  "locations/wave": [1, 10_000],
  "users/cohort": [1, 1_000_000],
  waves: [1, 50],
  "weeks/level": [0, 52],
  "0/1": [0, 1],
  "× team": [0, 2],
  "months from start": [0, 240],
  providers: [0, 100_000],
  "× base": [0, 10],
  score: [0, 100],
  tracks: [0, 50],
  "FTE/track": [1, 500],
  days: [0, 60],
  month: [1, 12],
  "day of month": [1, 31],
};

const defs: ConstantDefinition[] = [];
function def(group: ConstantGroup, key: string, value: number, unit: string, label: string, basis: string, min?: number, max?: number) {
  const bounds = UNIT_BOUNDS[unit];
  const lo = min ?? bounds?.[0];
  const hi = max ?? bounds?.[1];
  if (lo === undefined || hi === undefined) throw new Error(`constant ${key}: no range for unit ${unit}`);
  if (!(lo <= value && value <= hi)) throw new Error(`constant ${key}: default ${value} outside its range ${lo}–${hi}`);
  defs.push({ group, key, value, unit, label, basis, min: lo, max: hi });
}
/** a three-point constant: `<key>.min`, `<key>.likely`, `<key>.max` */
function def3(group: ConstantGroup, key: string, v: [number, number, number], unit: string, label: string, basis: string) {
  def(group, `${key}.min`, v[0], unit, `${label} — minimum`, basis);
  def(group, `${key}.likely`, v[1], unit, `${label} — most likely`, basis);
  def(group, `${key}.max`, v[2], unit, `${label} — maximum`, basis);
}

// ---------- rates ($/h in cents by workstream; assumptions.ratesCents wins over these) ----------
export const DEFAULT_RATES_CENTS: Record<Workstream, number> = {
  data_migration: 12_500,
  workflow: 13_000,
  integrations: 12_000,
  reports: 12_000,
  audit_trail: 12_500,
  build: 11_000,
  testing: 10_000,
  training: 8_500,
  project_management: 16_000,
};
const RATE_BASIS: Record<Workstream, string> = {
  data_migration: "ESTIMATION.md default rate for data migration ($125/h)",
  workflow: "ESTIMATION.md default rate for workflow / clinical analysts ($130/h)",
  integrations: "ESTIMATION.md default rate for interface engineers ($120/h)",
  reports: "Assumed equal to the interface-engineer rate: report rebuilds are done by integration/BI analysts ($120/h)",
  audit_trail: "Assumed equal to the data-migration rate: the same ETL engineers move or archive the audit log ($125/h)",
  build: "ESTIMATION.md default rate for custom build ($110/h)",
  testing: "ESTIMATION.md default rate for testing ($100/h)",
  training: "ESTIMATION.md default rate for training and go-live support ($85/h)",
  project_management: "ESTIMATION.md default rate for project management ($160/h)",
};
for (const ws of WORKSTREAMS) {
  def("rates", `rate.${ws}`, DEFAULT_RATES_CENTS[ws], "cents/h", `Hourly rate — ${ws.replace(/_/g, " ")}`, RATE_BASIS[ws]);
}

// ---------- migration-type factors ----------
def("type", "type.A.dataFactor", 0.7, "×", "Type A data-migration factor", "ESTIMATION.md: vendor conversion tooling exists for commercial destinations (0.7)");
def("type", "type.B.dataFactor", 1.0, "×", "Type B data-migration factor", "ESTIMATION.md: we own the destination model, full mapping (1.0)");
def("type", "type.C.dataFactor", 0.5, "×", "Type C data-migration factor", "ESTIMATION.md: data model often 1:1 on a modernization (0.5)");
def("type", "type.A.workflowFactor", 0.8, "×", "Type A share of workflow reconstruction kept in the workflow workstream", "Tuned (ESTIMATION.md implies 1.0): commercial destinations ship starter content — order-set, template and alert libraries — that covers ~20% of the rebuild");
def("type", "type.B.workflowFactor", 0.5, "×", "Type B share of workflow reconstruction kept in the workflow workstream", "ESTIMATION.md: for B/C roughly half moves into the build track (0.5)");
def("type", "type.C.workflowFactor", 0.5, "×", "Type C share of workflow reconstruction kept in the workflow workstream", "ESTIMATION.md: for B/C roughly half moves into the build track (0.5)");
def("type", "type.A.integrationFactor", 1.0, "×", "Type A interface factor", "Each interface is rebuilt against the new vendor (1.0)");
def("type", "type.B.integrationFactor", 1.0, "×", "Type B interface factor", "Each interface is rebuilt against our platform (1.0)");
def("type", "type.C.integrationFactor", 0.6, "×", "Type C interface factor", "ESTIMATION.md: a modernization re-points existing interfaces (≈0.6)");

// ---------- data migration ----------
def3("data", "data.entityHours", [30, 60, 120], "h/entity", "Mapping + ETL + validation per data entity (before volume and quirks)", "ESTIMATION.md default per-entity hours 30/60/120");
def("data", "data.volumeReferenceRecords", 10_000, "records", "Record count at which the volume factor is 1", "ESTIMATION.md: (records/10k)^0.4");
def("data", "data.volumeExponent", 0.4, "exponent", "Volume exponent (sub-linear scaling with record count)", "ESTIMATION.md: sub-linear, e.g. (records/10k)^0.4 — ETL code is written once, volume adds reconciliation and edge cases", 0, 1);
def("data", "data.unknownRecordsPerPatient", 10, "records/patient", "Records assumed per active patient when an entity's count is unknown", "Assumption: a mid-range clinical entity holds ~10 rows per active patient (encounters over 5–10 years); lowers input confidence");
def("data", "data.quirkWeight.low", 0.05, "× per quirk", "Effort added per low-severity quirk", "Assumption: calibrated so a typical entity with 2–3 medium quirks costs ~30–40% more (field: data quality is the main driver of overrun)");
def("data", "data.quirkWeight.medium", 0.1, "× per quirk", "Effort added per medium-severity quirk", "Assumption (see low)");
def("data", "data.quirkWeight.high", 0.2, "× per quirk", "Effort added per high-severity quirk", "Assumption (see low)");
def("data", "data.quirkWeight.critical", 0.35, "× per quirk", "Effort added per critical quirk", "Assumption (see low)");
def("data", "data.cleanupWeight.undecided", 1.0, "×", "Quirk weight when the cleanup decision is undecided", "Conservative: an undecided quirk is priced as if it must be handled");
def("data", "data.cleanupWeight.cleanup_before", 0.8, "×", "Quirk weight when the source is cleaned before migration", "Client cleans at source; we still profile, verify and re-extract");
def("data", "data.cleanupWeight.cleanup_during", 1.0, "×", "Quirk weight when cleanup happens in the ETL", "Transformation rules and exception queues in the ETL");
def("data", "data.cleanupWeight.migrate_as_is", 0.4, "×", "Quirk weight when data is migrated as is", "Mapping and flagging only");
def("data", "data.cleanupWeight.exclude", 0.25, "×", "Quirk weight when affected records are excluded", "Filter rules plus an exclusion report");
def("data", "data.cleanupInScopeFactor", 1.2, "×", "Extra effort when cleanup of the entity is in our scope", "Assumption: owning cleanup adds ~20% (exception handling, decider loops)");
def("data", "data.decisionFactor.migrate", 1.0, "×", "Entity effort — migrate", "Full mapping, ETL and validation");
def("data", "data.decisionFactor.undecided", 1.0, "×", "Entity effort — undecided", "Conservative: priced as migrate until decided");
def("data", "data.decisionFactor.archive_only", 0.35, "×", "Entity effort — archive only", "Export + read-only store + retrieval; no mapping to the destination");
def("data", "data.decisionFactor.do_not_migrate", 0.05, "×", "Entity effort — do not migrate", "Decision record and sign-off only");
def("data", "data.extraSourceSystemFactor", 0.1, "× per extra source", "Data effort added per source system beyond the first", "Assumption: cross-source identity matching and de-duplication (~10%); each source's own entities are inventoried and priced separately");
def("data", "data.mockConversionRounds", 3, "rounds", "Mock conversion rounds", "ESTIMATION.md: 3 mock conversions before go-live");
def("data", "data.mockRoundShare", 0.05, "× entity effort per round", "Effort of one mock conversion round", "Assumption: each full rehearsal (run, reconcile, sign-off) costs ~5% of the mapping/ETL effort; fixes are in the per-entity hours");
def("data", "data.validationShare", 0.05, "× entity effort", "Record-by-record validation (on top of the per-entity validation)", "Assumption: automated record-by-record reconciliation runs plus clinical spot-check sign-off ≈5% of mapping/ETL effort");

// ---------- workflow reconstruction ----------
def3("workflow", "workflow.baseHours", [80, 160, 320], "h", "Workflow reconstruction base (governance, design sessions)", "Assumption: four weeks of one analyst, range ×0.5–×2");
def3("workflow", "workflow.perProviderHours", [6, 10, 16], "h/provider", "Per provider (preference lists, personal templates)", "ESTIMATION.md 6/10/16 h per provider");
def3("workflow", "workflow.perSpecialtyHours", [40, 80, 160], "h/specialty", "Per specialty (content, specialty build review)", "ESTIMATION.md 40/80/160 h per specialty");
def("workflow", "workflow.itemRange.min", 0.5, "× likely", "Workflow item range — minimum as a share of most likely", "ESTIMATION.md order set 2/4/8 h (×0.5 / ×2)", 0, 1);
def("workflow", "workflow.itemRange.max", 2, "× likely", "Workflow item range — maximum as a share of most likely", "ESTIMATION.md order set 2/4/8 h (×0.5 / ×2)", 1, 10);
def("workflow", "workflow.kindHours.order_set", 4, "h/item", "Order set (hours per set)", "ESTIMATION.md 2/4/8 h per order set");
def("workflow", "workflow.kindHours.alert_rule", 6, "h/item", "Alert rule / decision support", "Assumption: rule logic + clinical validation ≈1.5 order sets");
def("workflow", "workflow.kindHours.document_routing", 8, "h/item", "Document classification and routing rule", "Assumption: queues, routing logic and end-to-end test");
def("workflow", "workflow.kindHours.encounter_template", 2, "h/item", "Encounter template / smartphrase / smartlist", "Assumption: mostly text and field mapping, below an order set");
def("workflow", "workflow.kindHours.role_permission_set", 8, "h/item", "User role and permission set", "Assumption: role design plus least-privilege review");
def("workflow", "workflow.kindHours.reporting_pipeline", 24, "h/item", "Reporting pipeline (extracts, feeds)", "Assumption: an ETL feed with reconciliation ≈ a medium report ×2");
def("workflow", "workflow.kindHours.other", 6, "h/item", "Other workflow item", "Assumption: like an alert rule");
def("workflow", "workflow.complexity.low", 0.5, "×", "Workflow complexity — low", "Assumption");
def("workflow", "workflow.complexity.medium", 1.0, "×", "Workflow complexity — medium", "Reference");
def("workflow", "workflow.complexity.high", 1.5, "×", "Workflow complexity — high", "Assumption");
def("workflow", "workflow.disposition.must_survive", 1.3, "×", "Workflow item that must survive cutover unchanged", "ESTIMATION.md: items that must survive unchanged cost more to verify (parity testing with clinicians)");
def("workflow", "workflow.disposition.may_change", 1.0, "×", "Workflow item that may change", "Reference");
def("workflow", "workflow.disposition.undecided", 1.15, "×", "Workflow item with an undecided disposition", "Conservative mid-point between may-change and must-survive");
def("workflow", "workflow.disposition.retire", 0.2, "×", "Workflow item to retire", "Confirm retirement and communicate");

// ---------- integrations ----------
def3("integrations", "integration.hours.simple", [16, 32, 60], "h/interface", "Simple interface", "ESTIMATION.md 16/32/60 h");
def3("integrations", "integration.hours.medium", [40, 80, 160], "h/interface", "Medium interface", "ESTIMATION.md 40/80/160 h");
def3("integrations", "integration.hours.complex", [120, 240, 480], "h/interface", "Complex interface", "ESTIMATION.md 120/240/480 h");
def("integrations", "integration.parallelRunFactor", 1.15, "×", "Parallel-run transition", "Assumption: running both interfaces and reconciling adds ~15%");
def("integrations", "integration.retireFactor", 0.15, "×", "Interface retired instead of rebuilt", "Assumption: partner notice, shutdown and verification");

// ---------- reports ----------
def("reports", "report.hours.low", 3, "h/report", "Report rebuild — low complexity (most likely)", "Assumption: rebuilt in the destination's report writer from one data source (3 h most likely)");
def("reports", "report.hours.medium", 6, "h/report", "Report rebuild — medium complexity (most likely)", "Assumption");
def("reports", "report.hours.high", 14, "h/report", "Report rebuild — high complexity (most likely)", "Assumption");
def("reports", "report.range.min", 0.5, "× likely", "Report range — minimum as a share of most likely", "Same ×0.5/×2 spread as workflow items", 0, 1);
def("reports", "report.range.max", 2, "× likely", "Report range — maximum as a share of most likely", "Same ×0.5/×2 spread as workflow items", 1, 10);
def("reports", "report.kindWeight.operational", 1.0, "×", "Operational report", "Reference");
def("reports", "report.kindWeight.financial", 1.2, "×", "Financial report", "Assumption: reconciliation with the billing system");
def("reports", "report.kindWeight.clinical_dashboard", 1.3, "×", "Clinical dashboard", "Assumption: measure logic plus clinician review");
def("reports", "report.kindWeight.regulatory", 2.0, "×", "Regulatory submission (CMS quality measures / MIPS)", "ESTIMATION.md: weight higher — reproducibility plan and parallel validation of the measure (×2)");
def("reports", "report.noPlanFactor", 1.2, "×", "Regulatory report without a reproducibility plan", "Assumption: the plan still has to be written (and the line is flagged)");
def("reports", "report.parallelValidationFactor", 1.15, "×", "Non-regulatory report with parallel validation", "Assumption: side-by-side runs against the source");

// ---------- audit trail ----------
def3("audit", "audit.migrateFixedHours", [40, 80, 160], "h", "Audit-log migration — transform + load + verify (fixed)", "Assumption: one ETL pipeline with verification queries");
def3("audit", "audit.migrateHoursPerMillionRows", [1, 2, 4], "h/million rows", "Audit-log migration — per million rows", "ESTIMATION.md: scales with audit-log volume; assumption: batch loads, reconciliation by counts and hashes");
def3("audit", "audit.archiveHours", [24, 48, 96], "h", "Audit-log archive — export + read-only store + retrieval procedure", "ESTIMATION.md archive policy; assumption: six analyst-days");
def("audit", "audit.hybridMigrateShare", 0.5, "share", "Hybrid policy — share of the log migrated", "Assumption: recent years migrated, older years archived");
def("audit", "audit.eventsPerUserYear", 20_000, "rows/user-year", "Audit rows per user per year when the log size is unknown", "Assumption: ~80 audited events per user per working day");
def3("audit", "audit.continuityHours", [40, 80, 160], "h", "Type C audit-trail continuity across cutover", "ESTIMATION.md: Type C always carries a continuity item (identities, event correlation, unified retrieval)");

// ---------- build (Type B/C) ----------
def3("build", "build.hoursPerFunctionPoint", [8, 11, 20], "h/FP", "Delivery rate", "ESTIMATION.md 8/11/20 h per function point (ISBSG-range delivery rates)");
def("build", "build.lifecycleOverheadShare", 0, "share", "Share of the build hours that the testing and project-management shares also apply to", "ISBSG delivery rates (the 8/11/20 h per FP above) are whole-lifecycle: the project's own planning, management, design and testing are inside them, so 0 (testing and PM on top of the build would count them twice); 1 = the engine before 2.2");
def("build", "build.complianceFactor", 1.25, "×", "Healthcare compliance factor", "ESTIMATION.md 1.1–1.5 (HIPAA security controls, ONC certification criteria, audit logging); mid value");
def("build", "build.C.coexistenceFactor", 1.15, "×", "Type C coexistence/sync while cohorts are split", "ESTIMATION.md: C adds a coexistence/sync factor when more than one cohort");
def("build", "build.assumedFunctionPoints", 300, "FP", "Function points assumed when a B/C build size is missing", "Assumption for a specialty EMR core; raises a critical flag");
def("build", "build.hoursPerPersonMonth", 152, "h/PM", "Hours per person-month", "COCOMO II: 152 hours per person-month");
def("build", "build.cocomoCoefficient", 3.67, "months", "COCOMO II schedule coefficient C", "COCOMO II.2000: TDEV = 3.67 · PM^F");
def("build", "build.cocomoExponent", 0.318, "exponent", "COCOMO II schedule exponent F at nominal scale factors", "COCOMO II.2000: F = 0.28 + 0.2·(E − 0.91) ≈ 0.318 at nominal scale factors");
def("build", "build.cocomoScheduleShare", 0.75, "share of TDEV", "Shortest build schedule as a share of COCOMO TDEV", "COCOMO II SCED 'very low': a schedule cannot be compressed below 75% of nominal", 0, 2);

// ---------- testing, training, PM ----------
def("testing", "testing.share", 0.2, "× (workflow + integrations + build)", "Testing effort", "ESTIMATION.md ≈20% of workflow + integrations + build (of the build, only its lifecycle-overhead share: see the build group)");
def("training", "training.staffHours", 8, "h/learner", "Training per staff member (non-provider)", "ESTIMATION.md 8 h per staff member");
def("training", "training.providerHours", 16, "h/learner", "Training per provider", "ESTIMATION.md 16 h per provider");
def("training", "training.classSize", 8, "learners/class", "Learners per class", "ESTIMATION.md classes of 8");
def("training", "training.usersPerFloorSupporter", 8, "users/supporter", "Users per at-the-elbow supporter", "ESTIMATION.md 1 supporter per 8 users");
def("training", "training.floorSupportHours", 40, "h/supporter", "Hours per at-the-elbow supporter per go-live", "ESTIMATION.md 40 h");
def("training", "training.floorSupportBilledShare", 0.5, "share", "Share of at-the-elbow support staffed by billed go-live support (the rest by the client's own super-users)", "Tuned: super-user programs cover about half of at-the-elbow support on ambulatory go-lives; like learner hours, client staff time is not priced", 0, 1);
def3("training", "training.curriculumHours", [40, 80, 160], "h", "Curriculum and materials", "Assumption: two weeks of one trainer");
def("training", "training.range.min", 0.8, "× likely", "Training effort — minimum as a share of most likely", "Assumption: attendance and class fill vary", 0, 1);
def("training", "training.range.max", 1.4, "× likely", "Training effort — maximum as a share of most likely", "Assumption: re-training and extra support days", 1, 10);
def("project_management", "pm.share", 0.15, "× other effort", "Project management", "ESTIMATION.md ≈15%");

// ---------- schedule ----------
def3("schedule", "phase.P0", [4, 5, 6], "weeks", "Phase 0 scoping", "ESTIMATION.md / playbook: 4–6 weeks");
def3("schedule", "phase.P1", [8, 10, 12], "weeks", "Phase 1 foundation — minimum duration", "ESTIMATION.md / playbook: 8–12 weeks");
def3("schedule", "phase.P2", [4, 6, 8], "weeks", "Phase 2 pilot (never compressed by staffing)", "ESTIMATION.md / playbook: 4–8 weeks");
def3("schedule", "phase.wave", [3, 4, 6], "weeks/wave", "Phase 3 — one cutover wave", "ESTIMATION.md 3/4/6 weeks per wave");
def3("schedule", "phase.stabilisation", [1, 2, 4], "weeks", "Phase 3 — stabilisation after the last wave", "Assumption: hypercare until ticket volume returns to baseline (each wave already carries its own at-the-elbow weeks)");
def3("schedule", "phase.P4", [2, 3, 4], "weeks", "Phase 4 decommission", "ESTIMATION.md / playbook: 2–4 weeks");
def("schedule", "schedule.waveReferenceUsers", 150, "users", "Wave size at which a wave takes its nominal duration", "Assumption: a mid-size site or specialty group");
def("schedule", "schedule.waveSizeExponent", 0.25, "exponent", "Growth of wave duration with wave size (above the reference)", "Assumption: more users → more classes and floor support days, sub-linear", 0, 1);
def("schedule", "schedule.waveGoLiveOffset", 0.5, "share of wave", "Go-live point within a wave window", "Training and final conversion before, at-the-elbow support after", 0, 1);
def("schedule", "field.minWeeks.P0", 4, "weeks", "Field minimum — scoping", "Playbook: Phase 0 4–6 weeks");
def("schedule", "field.minWeeks.P1", 8, "weeks", "Field minimum — foundation", "Playbook: Phase 1 8–12 weeks");
def("schedule", "field.minWeeks.P2", 4, "weeks", "Field minimum — pilot", "Playbook: Phase 2 4–8 weeks, never compressed");
def("schedule", "field.minWeeks.wave", 3, "weeks/wave", "Field minimum — one cutover wave", "ESTIMATION.md 3–6 weeks per wave");
def("schedule", "field.minWeeks.P4", 2, "weeks", "Field minimum — decommission", "Playbook: Phase 4 2–4 weeks");

// ---------- effort → phases (shares of each workstream's hours by phase; normalised per workstream) ----------
const PHASE_SHARES: Record<Exclude<Workstream, "project_management">, [number, number, number, number, number, string]> = {
  data_migration: [0.05, 0.45, 0.15, 0.3, 0.05, "Playbook: mapping, ETL and the first mock in foundation; later mocks and the pilot conversion in the pilot; per-wave conversions in cutover; final sync at decommission"],
  workflow: [0.05, 0.5, 0.15, 0.3, 0, "Playbook: core build in foundation; pilot fixes; specialty content built before each wave"],
  integrations: [0.02, 0.7, 0.1, 0.18, 0, "Playbook: rebuilt one at a time by clinical impact — those the pilot needs in foundation, the rest during pilot and cutover"],
  reports: [0.02, 0.4, 0.1, 0.48, 0, "Assumption: operational reports before the pilot; period-end and regulatory reports validated in parallel during cutover"],
  audit_trail: [0.05, 0.45, 0, 0.1, 0.4, "Assumption: pipeline in foundation; final export/archive at decommission"],
  build: [0.05, 0.85, 0.1, 0, 0, "Assumption: build in foundation, fixes during the pilot"],
  testing: [0, 0.5, 0.25, 0.25, 0, "Assumption: system/integration testing in foundation; pilot and per-wave regression"],
  training: [0, 0.05, 0.15, 0.8, 0, "ESTIMATION.md: training and go-live support happen with the pilot and the waves"],
};
export const PHASE_KEYS = ["P0", "P1", "P2", "P3", "P4"] as const;
export type PhaseKey = (typeof PHASE_KEYS)[number];
for (const [ws, row] of Object.entries(PHASE_SHARES)) {
  PHASE_KEYS.forEach((p, i) => {
    def("phase_shares", `phaseShare.${ws}.${p}`, row[i] as number, "share", `Share of ${ws.replace(/_/g, " ")} effort in ${p}`, row[5], 0, 1);
  });
}

// ---------- waves ----------
def("waves", "waves.derivedSitesPerWave", 3, "locations/wave", "Locations per derived wave (A/B, when no waves are entered)", "Assumption: mid-size groups cut over 2–4 sites at a time");
def("waves", "waves.derivedUsersPerCohort", 150, "users/cohort", "Users per derived cohort (C, when no waves are entered)", "Assumption: one cohort ≈ one department");
def("waves", "waves.derivedMax", 12, "waves", "Most waves derived from the profile", "Assumption: beyond ~12 waves, go-lives run in parallel tracks");

// ---------- cutover capacity, blackouts, increments, scale (engine v2) ----------
def("cutover", "cutover.goLiveTracks", 0, "tracks", "Concurrent go-live tracks (0 = derived from the team)", "ESTIMATION.md v2: go-lives run in parallel tracks bounded by go-live support; 0 derives one track per cutover.ftePerTrack of the team, at most one per wave");
def("cutover", "cutover.ftePerTrack", 10, "FTE/track", "Team FTE one concurrent go-live track needs", "Assumption: a go-live track needs a command-centre lead, conversion and interface engineers on call, trainers and the at-the-elbow coordinators — about 10 of the consulting team");
def("cutover", "cutover.goLiveGapWeeks", 3, "weeks", "Minimum stabilisation gap between two go-lives on the same track", "Assumption: hypercare of one go-live (ticket volume back to baseline) before the same track takes the next");
def("cutover", "blackout.yearEnd", 1, "0/1", "Year-end blackout on (no go-live in the last days of December)", "The article: cut over in periods of low clinical volume and full staffing; year-end holidays are neither", 0, 1);
def("cutover", "blackout.yearEndDays", 14, "days", "Length of the year-end blackout (last N days of December)", "Consultant default: the last two weeks of December");
def("cutover", "blackout.regulatoryWeeks", 2, "weeks", "Blackout before the regulatory submission deadline (when the engagement has regulatory reports; 0 = off)", "Consultant default: no go-live in the two weeks before the quality-measure submission deadline", 0, 12);
def("cutover", "blackout.regulatoryDeadlineMonth", 3, "month", "Regulatory submission deadline — month", "CMS MIPS data submission closes March 31");
def("cutover", "blackout.regulatoryDeadlineDay", 31, "day of month", "Regulatory submission deadline — day", "CMS MIPS data submission closes March 31");
def("build", "build.coreShare", 0.3, "share", "Share of the function points that is the core platform, built in Phase 1 before the pilot", "ESTIMATION.md v2 (strangler pattern): Phase 1 builds the core (identity, patient record, scheduling, audit, integration backbone) and the pilot cohort's functions; the rest is built ahead of each wave");
def("scale", "scale.smallDataFactor.A", 0.4, "×", "Type A small practice: data effort with the destination vendor's conversion package", "Vendors' fixed-scope onboarding for small practices converts demographics, problems, medications, allergies, appointments and balances from common ambulatory systems with their own tooling; we map exceptions and validate (one source system only)");
def("scale", "scale.smallWorkflowBaseFactor", 0.5, "×", "Small organization: workflow governance base", "A small practice has one design team and the vendor's standard content; the governance base of a multi-site program does not apply");
def("scale", "scale.smallPhaseFactor", 0.7, "×", "Small organization: scoping, minimum foundation and pilot durations", "Fixed-scope onboarding: small practices switching vendors commonly finish in 4–9 months (ESTIMATION.md v2) — shorter scoping, foundation and pilot than a multi-site program", 0.3, 1);
def("scale", "scale.providerAmortiseAbove", 100, "providers", "Providers beyond which per-provider workflow hours are amortised", "Large organizations clone preference lists and personal content across sites (ESTIMATION.md v2: large organizations amortise)");
def("scale", "scale.providerAmortiseFactor", 0.5, "×", "Per-provider workflow hours beyond the threshold, as a share", "Assumption: half the per-provider effort once templates are shared across sites", 0, 1);

// ---------- systemic factor and risks ----------
def3("systemic", "systemic", [0.9, 1.0, 1.5], "×", "Shared systemic factor on all workstreams", "ESTIMATION.md PERT(0.9, 1.0, 1.5): common cause so P80 is not unrealistically close to P50 (Flyvbjerg: +27% average overrun)");
def("risk", "risk.unquantifiedWeeksPerImpactLevel", 1, "weeks/level", "Schedule impact assumed for an open risk with no quantified impact", "Assumption: impact level i → PERT(0.5·i, i, 2·i) weeks; flagged so someone quantifies it");
def("risk", "risk.useDefaultLibraryWhenEmpty", 1, "0/1", "Apply the default risk library when the register is empty", "An empty register is not zero risk; flagged", 0, 1);
def("risk", "burn.teamShare", 0.8, "× team", "Share of the team that keeps billing during a schedule slip", "ESTIMATION.md: slips cost burn rate × extra weeks; average staffing over a migration is ~80% of the peak team (ramp-up in scoping, ramp-down after cutover)", 0, 2);

// ---------- license ----------
def("license", "license.sourceContractEndMonths", 0, "months from start", "Source contract end for sources without an entered contract end (0 = not constrained)", "Fallback for license sources without a contractEnd date; an end before the cutover finishes raises a flag");

// ---------- honesty thresholds and field ranges ----------
def("honesty", "size.midMinProviders", 20, "providers", "Smallest mid-size organization", "Assumption: small practices below ~20 providers");
def("honesty", "size.largeMinProviders", 150, "providers", "Smallest large organization", "Assumption: ~150 providers (multi-specialty group / small health system)");
def("honesty", "field.months.small.min", 3, "months", "Field range — small, lower bound", "Assumption: a small single-site practice");
def("honesty", "field.months.small.max", 9, "months", "Field range — small, upper bound", "Assumption");
def("honesty", "field.months.mid.min", 6, "months", "Field range — mid-size, lower bound", "PRODUCT.md: a mid-size migration takes 6–12 months");
def("honesty", "field.months.mid.max", 12, "months", "Field range — mid-size, upper bound", "PRODUCT.md");
def("honesty", "field.months.large.min", 12, "months", "Field range — large, lower bound", "PRODUCT.md: a large organization 12–24 months");
def("honesty", "field.months.large.max", 24, "months", "Field range — large, upper bound", "PRODUCT.md");
def("honesty", "honesty.p80RatioMin", 1.2, "× base", "Expected lower bound of P80 / base duration", "ESTIMATION.md: 1.2–1.6 (Flyvbjerg +27% cost overrun; KLAS go-lives 5 months late)");
def("honesty", "honesty.p80RatioMax", 1.6, "× base", "Expected upper bound of P80 / base duration", "ESTIMATION.md");
def("honesty", "honesty.lowConfidence", 60, "score", "Input confidence below which a flag is raised", "Assumption");

// ---------- type decision: 5- and 10-year total cost of ownership per type (lib/estimate/tco.ts) ----------
def("tco", "tco.A.licencePerProviderMonthCents", 50_000, "cents/provider/month", "Type A: destination licence per provider per month (when no destination fee is entered)", "Published ambulatory cloud EHR subscription list prices run about $200–$700 per provider per month; enterprise suites cost more — enter the quote when there is one", 0, 10_000_000);
def("tco", "tco.A.interfaceFeePerYearCents", 300_000, "cents/interface/year", "Type A: vendor fees per interface per year (interface licences, upgrades)", "Assumption: commercial EHR vendors bill interface licences and maintenance per interface, commonly $1k–$5k a year each", 0, 100_000_000);
def("tco", "tco.custom.hostingPerProviderMonthCents", 10_000, "cents/provider/month", "Type B/C: hosting and operations per provider per month (when no destination fee is entered)", "Assumption: cloud hosting, backups, security monitoring and on-call of a HIPAA-grade platform, about $100 per provider per month at mid size", 0, 10_000_000);
def("tco", "tco.custom.maintenanceShareOfBuild", 0.2, "share/year", "Type B/C: maintenance per year as a share of the build cost", "Software maintenance commonly costs 15–25% of the original development cost every year (corrective, adaptive and perfective work; maintenance is the larger part of a system's lifetime cost)", 0, 1);
def("tco", "tco.custom.minMaintenancePerYearCents", 30_000_000, "cents/year", "Type B/C: least maintenance per year — the standing team a clinical system in production needs", "Assumption: a platform the client owns needs at least two engineers for corrective and adaptive work and on-call, whatever the build's size (BLS median software developer pay ≈ $130k a year, ≈ $150k with benefits); without it a small build's 20% looks cheaper than any licence", 0, 10_000_000_000);
def("tco", "tco.custom.regulatoryPerYearCents", 15_000_000, "cents/year", "Type B/C: regulatory updates per year (quality-measure specifications, interoperability rules)", "Assumption: CMS updates eCQM/MIPS specifications every year and ONC's Cures Act rules move USCDI versions; a custom platform carries that work itself — about one engineer-year", 0, 10_000_000_000);
def("tco", "tco.custom.certificationCents", 20_000_000, "cents", "Type B/C: one-time certification of the new platform (ONC Health IT certification, security assessment)", "Assumption: a certification body's testing plus the engineering to pass it and a third-party security assessment, a few hundred thousand dollars; 0 when the client does not need certified technology", 0, 10_000_000_000);

export const CONSTANT_DEFINITIONS: readonly ConstantDefinition[] = Object.freeze(defs);
const MONEY_CONSTANT_KEYS: ReadonlySet<string> = new Set(defs.filter((d) => d.unit.startsWith("cents")).map((d) => d.key));
/**
 * Is this constant an amount of money (its unit is cents: the labor rates, the type decision's licence,
 * interface, hosting, regulatory and certification amounts)? Roles without rates.view never see these — on the
 * assumptions page, in the estimate view and in the report — because a quote may be entered there.
 */
export function isMoneyConstant(key: string): boolean {
  return MONEY_CONSTANT_KEYS.has(key) || key.startsWith("rate.");
}

export const DEFAULT_CONSTANTS: Readonly<Record<string, number>> = Object.freeze(
  Object.fromEntries(defs.map((d) => [d.key, d.value])),
);

export interface ConstantIssue {
  key: string;
  problem: "unknown_key" | "out_of_range" | "not_finite" | "three_point_order";
  given: number;
  used: number | null;
}

export interface ResolvedConstants {
  /** every constant with overrides applied */
  values: Record<string, number>;
  /** keys whose value differs from the default */
  overridden: string[];
  issues: ConstantIssue[];
}

/** Defaults ← engagement overrides (`assumptions.constants`, then `assumptions.ratesCents`), validated. */
export function resolveConstants(doc: Pick<EngagementDocument, "assumptions">): ResolvedConstants {
  const values: Record<string, number> = { ...DEFAULT_CONSTANTS };
  const issues: ConstantIssue[] = [];
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const overrides = doc.assumptions?.constants ?? {};
  for (const key of Object.keys(overrides).sort()) {
    const given = overrides[key] as number;
    const d = byKey.get(key);
    if (!d) {
      issues.push({ key, problem: "unknown_key", given, used: null });
      continue;
    }
    if (!Number.isFinite(given)) {
      issues.push({ key, problem: "not_finite", given, used: d.value });
      continue;
    }
    let used = given;
    if (d.min !== undefined && used < d.min) used = d.min;
    if (d.max !== undefined && used > d.max) used = d.max;
    if (used !== given) issues.push({ key, problem: "out_of_range", given, used });
    values[key] = used;
  }
  const rates = doc.assumptions?.ratesCents ?? {};
  for (const ws of WORKSTREAMS) {
    const r = rates[ws];
    if (typeof r === "number") values[`rate.${ws}`] = r;
  }
  // three-point constants must stay ordered: repair by sorting, and report it
  const triples = new Set(defs.filter((d) => d.key.endsWith(".likely")).map((d) => d.key.slice(0, -".likely".length)));
  for (const base of triples) {
    const a = values[`${base}.min`] as number, m = values[`${base}.likely`] as number, b = values[`${base}.max`] as number;
    if (a <= m && m <= b) continue;
    const sorted = [a, m, b].sort((x, y) => x - y);
    issues.push({ key: base, problem: "three_point_order", given: m, used: sorted[1] as number });
    values[`${base}.min`] = sorted[0] as number;
    values[`${base}.likely`] = sorted[1] as number;
    values[`${base}.max`] = sorted[2] as number;
  }
  const overridden = Object.keys(values).filter((k) => values[k] !== DEFAULT_CONSTANTS[k]).sort();
  return { values, overridden, issues };
}

/** Read a three-point constant. */
export function triple(c: Record<string, number>, base: string): [number, number, number] {
  return [c[`${base}.min`] as number, c[`${base}.likely`] as number, c[`${base}.max`] as number];
}

export function typeConstant(c: Record<string, number>, type: MigrationType, name: string): number {
  return c[`type.${type}.${name}`] as number;
}

export function rateCents(c: Record<string, number>, ws: Workstream): number {
  return c[`rate.${ws}`] as number;
}

/** Phase shares of a workstream, normalised to sum to 1 (overrides may not). */
export function phaseShares(c: Record<string, number>, ws: Exclude<Workstream, "project_management">): number[] {
  const raw = PHASE_KEYS.map((p) => Math.max(0, c[`phaseShare.${ws}.${p}`] as number));
  const sum = raw.reduce((s, v) => s + v, 0);
  return sum > 0 ? raw.map((v) => v / sum) : [0, 1, 0, 0, 0];
}
