// The estimate's output shape. Durations in weeks (months where named), money in integer cents.
import type { FeeBasis, MigrationType, Workstream } from "@/lib/engagement-format/schema";
import type { ConstantIssue } from "./defaults";
import type { BucketKey, CostLineKey } from "./simulate";

export type PhaseKey = "P0" | "P1" | "P2" | "P3" | "P4";

/** A simulated quantity: base plan (most-likely, no risk events), mean, min/max and the requested percentiles ("P10", "P50", …). */
export interface Distribution {
  base: number;
  mean: number;
  min: number;
  max: number;
  percentiles: Record<string, number>;
}

export interface LabelledDistribution extends Distribution {
  label: string;
}

export interface SCurvePoint {
  /** cumulative probability 0..1 that the outcome is at or below `value` */
  probability: number;
  value: number;
}

export interface TornadoBar {
  driver: string;
  label: string;
  kind: "input" | "risk";
  /** mean outcome when the driver is at its low end (input ≤ its P10, or risk does not occur) */
  low: number;
  /** mean outcome when the driver is at its high end (input ≥ its P90, or risk occurs) */
  high: number;
  swing: number;
  /** correlation of the driver's quantile (or occurrence) with the outcome, −1..1 */
  correlation: number;
  lowLabel: string;
  highLabel: string;
}

export interface GanttBar {
  key: string;
  label: string;
  kind: "phase" | "wave" | "go_live";
  phase: PhaseKey;
  startWeek: number;
  endWeek: number;
  start: string;
  end: string;
}

export type FlagSeverity = "info" | "warning" | "critical";
export type FlagCode =
  | "BELOW_FIELD_RANGE"
  | "ABOVE_FIELD_RANGE"
  | "CUSTOM_BUILD_EXCEEDS_FIELD_RANGE"
  | "TARGET_DATE_BEFORE_P50"
  | "TARGET_BUDGET_BELOW_P50"
  | "PILOT_TOO_SHORT"
  | "PHASE_BELOW_FIELD_MINIMUM"
  | "OVERLAP_SHORTER_THAN_CUTOVER"
  | "NO_ROLLBACK_WINDOW"
  | "AUDIT_POLICY_UNDECIDED"
  | "REGULATORY_REPORTS_WITHOUT_PLAN"
  | "EMPTY_INTEGRATION_INVENTORY"
  | "EMPTY_DATA_INVENTORY"
  | "BUILD_DOES_NOT_FIT_TIMELINE"
  | "BUILD_SIZE_ASSUMED"
  | "BUILD_IGNORED_FOR_TYPE_A"
  | "RISK_REGISTER_EMPTY"
  | "NO_OPEN_RISKS"
  | "RISKS_UNQUANTIFIED"
  | "LOW_INPUT_CONFIDENCE"
  | "P80_RATIO_OUTSIDE_FIELD"
  | "WAVES_DERIVED"
  | "WAVES_DO_NOT_MATCH_PROFILE"
  | "NO_LICENSE_FEES"
  | "LICENSE_FEES_INCOMPLETE"
  | "SOURCE_SYSTEM_NOT_LICENSED"
  | "CONSTANT_OVERRIDE_ISSUE"
  | "GO_LIVE_MOVED_BY_BLACKOUT"
  | "WAVE_WAITS_FOR_BUILD"
  | "WAVE_DATE_NOT_MET";

export interface HonestyFlag {
  code: FlagCode;
  severity: FlagSeverity;
  /** plain words, for the client's executive */
  message: string;
  /** probability that a quoted target is met, when the flag is about a target */
  probability?: number;
  /** the numbers behind the flag */
  data: Record<string, number | string | boolean | null>;
}

export interface ConfidenceComponent {
  key: string;
  label: string;
  weight: number;
  /** 0..1: share of rows that are known/decided/reviewed (0 when the inventory is empty) */
  value: number;
  known: number;
  total: number;
  detail: string;
}

export interface InputConfidence {
  score: number;
  components: ConfidenceComponent[];
}

/**
 * An amount of money in an explanation, marked by its type (never a bare number, never inside the formula
 * text), so the view for roles without rates.view removes it by type (lib/estimates/view.ts). `per`: a rate or
 * fee per unit of time.
 */
export type MoneyValue = { kind: "money"; cents: number; per?: "hour" | "week" | "month" };
export type ExplanationInput = number | string | boolean | null | MoneyValue;

export function isMoneyValue(v: unknown): v is MoneyValue {
  return typeof v === "object" && v !== null && (v as { kind?: unknown }).kind === "money";
}

export interface Explanation {
  label: string;
  value: number;
  unit: "weeks" | "months" | "hours" | "cents" | "share" | "score";
  /** words and non-money numbers only: money is in `inputs` as MoneyValue */
  formula: string;
  inputs: Record<string, ExplanationInput>;
  constants: { key: string; value: number }[];
  notes?: string[];
}

export interface WorkstreamBreakdown {
  workstream: Workstream;
  label: string;
  role: string;
  rateCents: number;
  hours: Distribution;
  cost: Distribution;
  /** largest items behind the most-likely hours */
  topItems: { label: string; likelyHours: number }[];
}

export interface MonthCost {
  month: string;
  costCents: number;
  cumulativeCents: number;
}

export interface PlannedWaveOut {
  name: string;
  cohort: string;
  providers: number;
  users: number;
  share: number;
  sizeFactor: number;
  baseStartWeek: number;
  baseGoLiveWeek: number;
  baseGoLiveDate: string;
  baseEndWeek: number;
  /** go-live track the wave runs on in the base plan (0-based) */
  track: number;
  /** weeks its go-live moved out of a blackout window in the base plan */
  blackoutShiftWeeks: number;
  /** weeks it waited for its functions to be built (B/C increments) in the base plan */
  buildWaitWeeks: number;
  /** entered go-live date (a constraint: the plan never goes live earlier), or null */
  enteredGoLiveDate: string | null;
  /** base plan: weeks the wave was held to go live on its entered date (0 without one) */
  dateHoldWeeks: number;
  /** base plan: weeks the planned go-live is later than the entered date because the plan cannot meet it (0 when met; null without a date) */
  dateMissWeeks: number | null;
  /** why the plan cannot meet the entered date (null when met or none) */
  dateMissReason: string | null;
  /** share of iterations in which the wave could go live by its entered date (null without one) */
  dateProbability: number | null;
}

export interface BlackoutOut {
  label: string;
  startWeek: number;
  endWeek: number;
  start: string;
  end: string;
}

export interface LaneOut {
  key: "minimum" | "team" | "interfaces" | "build" | "data" | "workflow" | "training";
  label: string;
  /** people in the lane (null: a calendar minimum, not staffed) */
  fte: number | null;
  /** how the staffing was set */
  basis: string;
  /** Phase 1 weeks this lane needs in the base plan */
  weeks: number;
}

export interface RiskOut {
  title: string;
  libraryKey: string | null;
  source: "register" | "default_library";
  scope: "once" | "per_interface" | "per_wave";
  phase: PhaseKey;
  instances: number;
  probability: number;
  probabilitySource: "explicit" | "matrix" | "residual_explicit" | "residual_matrix";
  probabilityAnyOccurrence: number;
  mitigated: boolean;
  impactScale: number;
  mitigationCostCents: number;
  scheduleImpactAssumed: boolean;
  /** share of iterations in which it occurred */
  simulatedOccurrence: number;
  /** mean over all iterations of the schedule impact drawn (before float on parallel Phase 1 tracks absorbs any of it) */
  meanWeeksAdded: number;
  /** mean over all iterations of its cost: amount + extra labor + burn for the weeks it really added */
  meanCostCents: number;
}

export interface Estimate {
  schemaVersion: 1;
  engine: { name: "sounding-estimate"; version: string };
  input: {
    clientName: string;
    engagementName: string;
    migrationType: MigrationType;
    migrationTypeName: string;
    plannedStart: string;
    currency: string;
    sizeClass: "small" | "mid" | "large";
    providers: number;
    fieldRangeMonths: { min: number; max: number };
  };
  run: { seed: number; iterations: number; percentiles: number[] };
  duration: {
    totalWeeks: Distribution;
    totalMonths: Distribution;
    finalGoLiveWeeks: Distribution;
    phases: Record<PhaseKey, LabelledDistribution & { fieldMinimumWeeks: number }>;
  };
  effort: { totalHours: Distribution; workstreams: Record<Workstream, LabelledDistribution> };
  cost: { totalCents: Distribution; lines: Record<CostLineKey, LabelledDistribution> };
  basePlan: {
    totalWeeks: number;
    totalMonths: number;
    finalGoLiveWeeks: number;
    endDate: string;
    finalGoLiveDate: string;
    phases: Record<PhaseKey, number>;
    totalCostCents: number;
    lines: Record<CostLineKey, number>;
    hours: Record<Workstream, number>;
    phase1: { binding: string; candidatesWeeks: Record<string, number> };
  };
  /** S-curves of the total duration, total cost and final go-live: any target's probability reads from them (lib/estimate/targets.ts) */
  sCurves: { durationWeeks: SCurvePoint[]; costCents: SCurvePoint[]; finalGoLiveWeeks: SCurvePoint[] };
  /** the entered targets and the exact simulated probability of meeting each (null when none is entered) */
  targets: {
    goLive: { date: string; weeks: number; probability: number } | null;
    budget: { cents: number; probability: number } | null;
  };
  tornado: { duration: TornadoBar[]; cost: TornadoBar[] };
  contingency: {
    costCents: number;
    durationWeeks: number;
    costP80Cents: number;
    durationP80Weeks: number;
    costShareOfBase: number;
    durationRatioP80ToBase: number;
  };
  gantt: { base: GanttBar[]; p80: GanttBar[] };
  breakdown: {
    byWorkstream: WorkstreamBreakdown[];
    byRole: { role: string; workstreams: Workstream[]; hoursBase: number; costBaseCents: number; costMeanCents: number }[];
    byPhase: { phase: BucketKey; label: string; cost: Distribution }[];
    byMonth: MonthCost[];
  };
  licenseOverlap: {
    semantics: string;
    base: { totalCents: number; destinationCents: number; sourceCents: number; archiveCents: number };
    band: { p10: number; p50: number; p90: number; mean: number };
    shareOfTotalCostP50: number;
    /** per-seat fees attributed to each wave (flat fees are in `flat`) */
    perWave: { wave: string; destinationCents: number; sourceCents: number; destinationMonths: number; sourceMonths: number }[];
    /** flat fees: they never ramp, so they belong to no wave (base plan) */
    flat: { destinationCents: number; sourceCents: number };
    /** each source system's overlap in the base plan; monthlyCents null = fee not entered */
    perSource: { name: string; entered: boolean; feeBasis: FeeBasis; monthlyCents: number | null; rampsDown: boolean; contractEnd: string | null; releaseDate: string | null; baseCents: number }[];
    /**
     * Structured marker of what was entered: "not_entered" = no destination and no source fee — the
     * overlap is unknown and must be shown as "Not entered", never as $0; "partial" = some are missing.
     */
    fees: "entered" | "partial" | "not_entered";
    /** what is missing, in words */
    notEntered: string[];
    /** one-time vendor implementation fees (cents); null = not entered */
    vendorFeesCents: number | null;
    explanation: string;
  };
  waves: { derived: boolean; basis: string; waves: PlannedWaveOut[]; /** number of waves planned (derived or entered) */ count: number };
  /** engine v2: concurrent go-live tracks, blackout windows and the incremental build */
  cutover: {
    tracks: number;
    tracksDerived: boolean;
    tracksBasis: string;
    gapWeeks: number;
    /** blackout windows from the planned start to a year after the base plan's end */
    blackouts: BlackoutOut[];
    /** go-lives the base plan moved out of a blackout */
    moved: { wave: string; weeks: number; goLiveDate: string; reason: string }[];
    /** B/C: share of the build done in Phase 1 (core + the pilot cohort's slice); 1 = no increments */
    phase1BuildShare: number;
    /** B/C: base-plan week the whole build is done (COCOMO II bound on the whole build) */
    buildDoneWeek: number | null;
    /** the same as a sequential plan (one track) would give, base plan: cutover weeks */
    sequentialCutoverWeeks: number;
  };
  /** engine v2: Phase 1 lanes, the binding one, and what one more person in it saves */
  lanes: {
    binding: LaneOut["key"];
    bindingLabel: string;
    lanes: LaneOut[];
    oneMorePerson: { lane: LaneOut["key"]; weeksSaved: number; costDeltaCents: number; explanation: string };
    /** the team by role: entered, or derived (and how); fte null = not a staffed role */
    staffing: { role: "data" | "workflow" | "training" | "interfaces" | "build" | "project_management"; label: string; fte: number | null; entered: boolean; basis: string }[];
  };
  risks: RiskOut[];
  phase1Binding: Record<string, number>;
  flags: HonestyFlag[];
  inputConfidence: InputConfidence;
  assumptions: { overridden: { key: string; value: number; default: number }[]; issues: ConstantIssue[] };
  explanations: Record<string, Explanation>;
}
