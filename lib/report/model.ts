// The executive report as data: one plain, serializable view built from the engagement document, the
// estimate and a few summaries. The page, the PDF, the share page and the exports all render this one
// object, so they cannot disagree. Pure (client + server): no database, no clock (asOf comes in).
// INVARIANT: what a viewer without `rates.view` may not see is left out here, not merely hidden by the UI —
// by the estimate page's own rules (lib/estimates/view.ts toEstimateView): no labor rate, no license fee,
// and nothing that gives them away (per-workstream labor cost, the overlap split and per-wave amounts).
import type { ValidationPlan } from "@/lib/profile-runs/validation-plan";
import { MIGRATION_TYPE_LABELS, WORKSTREAMS, type AuditTrailPolicy, type EngagementDocument, type LicenseTerms, type Risk, type Workstream } from "@/lib/engagement-format/schema";
import { PHASE_LABELS, WORKSTREAM_LABELS, type CostLineKey, type Distribution, type Estimate, type GanttBar, type PhaseKey } from "@/lib/estimate";
import { addWeeks, parseIsoDate } from "@/lib/estimate/calendar";
import { compareEstimates, type MetricChange } from "@/lib/estimates/compare";
import { describeDocumentDiff, diffEngagementDocuments } from "@/lib/estimates/input-diff";
import { toEstimateView } from "@/lib/estimates/view";
import { buildCommitment, type Commitment } from "@/lib/estimates/commitment";
import { knownMeasures, readConfidence, signOffState, type ConfidenceLevel, type KnownMeasure } from "@/lib/estimates/confidence";
import type { RatedRisk } from "@/lib/risk-matrix/schema";
import type { WorkflowSignOffSummary } from "@/lib/workflow-review/schema";
import { formatConstantValue, formatCount, formatReportDate, listInWords, plural } from "@/lib/report/format";
import { constantDefinition } from "@/lib/assumptions/schema";
import { constantLabel } from "@/lib/estimates/explain-labels";
import type { TypeDecisionView } from "@/lib/estimate/tco";
import { FIT_ANSWER_LABELS, FIT_CRITERIA, summarizeChecklist, type TypeDecisionAnswers } from "@/lib/type-decision/schema";

export const PHASE_KEYS: PhaseKey[] = ["P0", "P1", "P2", "P3", "P4"];
/** The five risks with the largest expected impact. */
export const TOP_RISK_COUNT = 5;

export type ReportViewer = { canSeeRates: boolean };

/** Overview completeness counts (the shape of lib/engagements/data.ts findInventoryCounts().completeness). */
export type InventoryCompleteness = {
  data: { total: number; incomplete: number; unknownCounts: number; undecided: number };
  workflows: { total: number; incomplete: number; undecided: number; notReviewed: number };
  integrations: { total: number; incomplete: number; undecided: number };
  reports: { total: number; incomplete: number; regulatory: number; regulatoryWithoutPlan: number };
  risks: { total: number; notClosed: number; incomplete: number; withoutOwner: number; residualNotAssessed: number; overdue: number };
  auditTrail: { policy: string | null; retrievalProcedure: string; destination: string };
};

/**
 * The latest saved baseline (lib/estimates findLatestBaseline): its inputs and engine output as they were, and
 * today's estimate computed with the baseline's seed and iterations, so only the inputs differ.
 */
export type BaselineSource = {
  name: string;
  createdAt: string;
  createdByName: string;
  seed: number;
  iterations: number;
  document: EngagementDocument;
  estimate: Estimate;
  current: Estimate;
};

export type ReportSources = {
  engagementId: string;
  doc: EngagementDocument;
  estimate: Estimate;
  firmName: string;
  leadNames: string[];
  isArchived: boolean;
  signOff: WorkflowSignOffSummary;
  completeness: InventoryCompleteness;
  baseline: BaselineSource | null;
  /** ISO date-time the live data was read */
  asOf: string;
  viewer: ReportViewer;
  /** the cost of ownership of the engagement as Type A, B and C (lib/estimate/tco.ts), as this viewer may see it */
  typeDecision?: TypeDecisionView | null;
  /** the consultant's answers to the four fit criteria */
  fitChecklist?: TypeDecisionAnswers | null;
  /** the validation plan as edited (lib/profile-runs/validation-plan.ts), for the appendix */
  validationPlan?: ValidationPlan | null;
};

/** Go-live tracks, blackout windows and the go-lives they moved (base plan). */
export type ReportCutover = {
  tracks: number;
  tracksBasis: string;
  gapWeeks: number;
  cutoverWeeks: number;
  sequentialCutoverWeeks: number;
  waves: { name: string; track: number; start: string; goLive: string; end: string; startWeek: number; goLiveWeek: number; endWeek: number; movedWeeks: number; buildWaitWeeks: number; enteredGoLive: string | null; dateHoldWeeks: number; dateMissWeeks: number | null }[];
  blackouts: { label: string; start: string; end: string; startWeek: number; endWeek: number }[];
  moved: { wave: string; weeks: number; goLive: string; reason: string }[];
  /** B/C: share of the build done in Phase 1, and the date the whole build is done; null for A */
  build: { phase1Share: number; doneDate: string } | null;
};

/** Phase 1 lanes, the binding one, and what one more person in it saves (base plan). */
export type ReportLanes = {
  bindingLabel: string;
  rows: { key: string; label: string; fte: number | null; basis: string; weeks: number; binding: boolean }[];
  oneMorePerson: { applies: boolean; weeksSaved: number; costDeltaCents: number; explanation: string };
};

export type ReportFitChecklist = { criteria: { key: string; label: string; question: string; answer: string; note: string }[]; summary: string };

/** The validation plan as the appendix shows it: the reconciliation checks, the golden sets with what they cover, the mock rounds. */
export type ReportValidationPlan = {
  /** the first REPORT_PLAN_ROWS checks, in the plan's order */
  checks: { sourceObject: string; check: string; acceptance: string }[];
  checksTotal: number;
  /** the first REPORT_PLAN_ROWS golden-patient sets */
  goldenSets: { sourceObject: string; size: number; covers: string; notes: string }[];
  goldenSetsTotal: number;
  rounds: { name: string; acceptance: string }[];
  edited: boolean;
};

/**
 * How many reconciliation checks and golden-patient sets the report's appendix lists (page and PDF). A large
 * engagement's plan has one set and several checks per data entity — 5,000 entities made the page 14 MB; the
 * report names how many there are and where the whole plan is (its page and XLSX).
 */
export const REPORT_PLAN_ROWS = 40;

export type HeadlineBand = { base: string; p50: string; p80: string };

export type CostLineGroup = "labor" | "license" | "risk";

/** The words for a cost-line group, the same on the page's legend, in the PDF and in the CSV/XLSX exports. */
export const COST_LINE_GROUP_LABELS: Record<CostLineGroup, string> = {
  labor: "Labor",
  license: "License and vendor fees",
  risk: "Risk and slip",
};

/**
 * The group of a cost line: labor lines; what the client pays software vendors (the license overlap and the
 * one-time vendor implementation fees); and risk (risk events, schedule slip, planned mitigation).
 */
export function costLineGroup(key: CostLineKey | "labor"): CostLineGroup {
  if (key === "labor" || key.startsWith("labor.")) return "labor";
  if (key === "license_overlap" || key === "vendor_fees") return "license";
  return "risk";
}

export type CostLineRow = {
  /** an engine cost line, or "labor" — all workstreams in one line for viewers without rates.view */
  key: CostLineKey | "labor";
  label: string;
  group: CostLineGroup;
  base: number;
  mean: number;
  /** null on the combined labor line (percentiles of a sum are not the sum of percentiles) */
  p50: number | null;
  p80: number | null;
  p90: number | null;
  /** base-plan hours of a labor line; null for viewers without rates.view and for non-labor lines */
  hours: number | null;
  /** $/h in cents of a labor line; null for viewers without rates.view and for non-labor lines */
  rateCents: number | null;
};

export type PhaseRow = {
  key: PhaseKey;
  label: string;
  start: string;
  end: string;
  baseWeeks: number;
  p50Weeks: number;
  p80Weeks: number;
  fieldMinimumWeeks: number;
};

export type WaveRow = { name: string; cohort: string; providers: number; users: number; goLive: string; start: string; end: string };

export type TopRisk = {
  title: string;
  category: string;
  phase: PhaseKey;
  /** probability that it happens at least once (after mitigation when mitigated) */
  probability: number;
  /** mean cost it adds over all iterations = probability × cost impact (incl. team burn for the weeks it adds) */
  expectedCostCents: number;
  /** mean schedule impact drawn = probability × weeks */
  expectedWeeks: number;
  owner: string;
  mitigation: string;
  treatment: string;
  mitigated: boolean;
  fromDefaultLibrary: boolean;
  nextReviewDate: string | null;
};

/** One inventory in the report's summary: its rows, what is known about them — the input-confidence components
 * of that inventory, the same shares as in the confidence breakdown — and what is still unknown. */
export type InventoryRow = { key: string; label: string; count: number; known: KnownMeasure[]; unknowns: string[] };

export type BaselineMetric = { label: string; kind: "money" | "months" | "date" | "score"; before: number | string; after: number | string };

export type ReportView = {
  meta: {
    engagementId: string;
    clientName: string;
    engagementName: string;
    firmName: string;
    preparedBy: string[];
    migrationType: "A" | "B" | "C";
    migrationTypeName: string;
    sourceSystem: string;
    destinationSystem: string;
    plannedStart: string;
    currency: string;
    status: string;
    isArchived: boolean;
    asOf: string;
    seed: number;
    iterations: number;
    engineVersion: string;
    reproduce: string;
    sizeClass: "small" | "mid" | "large";
    fieldRangeMonths: { min: number; max: number };
    canSeeRates: boolean;
  };
  scope: string;
  /** P80 to commit to, P50 to expect, the base plan and targets with their chance, one recommendation */
  commitment: Commitment;
  /** the top drivers (tornado) of the duration (in months) and of the cost (in cents) */
  drivers: { duration: ReportDriver[]; cost: ReportDriver[] };
  headline: {
    goLive: HeadlineBand;
    completion: HeadlineBand;
    months: { base: number; p50: number; p80: number };
    cost: { base: number; p50: number; p80: number; contingency: number; contingencyShareOfBase: number };
    overlap: { p50: number; p10: number; p90: number; base: number; shareOfP50Cost: number };
  };
  overlap: {
    semantics: string;
    explanation: string;
    rampDown: string;
    /** the base-plan split; null for viewers without rates.view (÷ months ÷ providers = the fee) */
    parts: { destination: number; source: number; archive: number } | null;
    perWave: { wave: string; destinationCents: number | null; sourceCents: number | null; destinationMonths: number; sourceMonths: number }[];
    /** contract terms without money: always shown */
    terms: { billingStart: string; noticeMonths: number; rampsDownPerWave: boolean; tailMonths: number; archiveMonths: number };
    /** fees: only for viewers with rates.view */
    fees: { source: string; destination: string; archive: string } | null;
    /** false when no license, hosting or archive fee is entered: the overlap is "not entered", not $0 */
    feesEntered: boolean;
  };
  timeline: {
    bars: GanttBar[];
    p80Bars: GanttBar[];
    phases: PhaseRow[];
    waves: WaveRow[];
    wavesDerived: boolean;
    wavesBasis: string;
    markers: { p50GoLiveWeeks: number; p80GoLiveWeeks: number; p50EndWeeks: number; p80EndWeeks: number };
    phase1Bound: string;
  };
  costs: {
    lines: CostLineRow[];
    total: { base: number; mean: number; p50: number; p80: number; p90: number };
    byPhase: { key: string; label: string; base: number; mean: number }[];
  };
  risks: {
    matrix: { size: number; likelihoodLabels: string[]; impactLabels: string[] };
    rated: (RatedRisk & { status: string })[];
    top: TopRisk[];
    openCount: number;
    closedCount: number;
    usedDefaultLibrary: boolean;
    /** expected cost of all modelled risk events (mean of risk events + schedule slip lines) */
    expectedRiskCostCents: number;
  };
  flags: { code: string; severity: "critical" | "warning" | "info"; message: string }[];
  confidence: { score: number; level: "High" | "Moderate" | "Low"; summary: string; components: { key: string; label: string; value: number; detail: string }[] };
  assumptions: {
    teamFte: number;
    interfaceEngineers: number;
    productiveHoursPerWeek: number;
    buildFunctionPoints: number | null;
    targetGoLive: string | null;
    targetBudgetCents: number | null;
    /** null for viewers without rates.view */
    rates: { workstream: Workstream; label: string; rateCents: number; isDefault: boolean }[] | null;
    /** constants changed from their defaults, by their label (never the engine key) with values in their unit */
    overriddenConstants: { key: string; label: string; value: number; default: number; unit: string; text: string }[];
  };
  signOff: WorkflowSignOffSummary;
  inventory: { rows: InventoryRow[]; auditPolicy: string; unknownCount: number };
  cutover: ReportCutover;
  lanes: ReportLanes;
  /** null when no type could be estimated */
  typeDecision: TypeDecisionView | null;
  fitChecklist: ReportFitChecklist | null;
  /** appendix: the validation plan (null when no entity is to be migrated or archived) */
  validationPlan: ReportValidationPlan | null;
  baseline: null | {
    name: string;
    createdAt: string;
    createdByName: string;
    seed: number;
    iterations: number;
    /** the report's own seed differs: today's numbers below are recomputed with the baseline's seed */
    recomputedWithBaselineSeed: boolean;
    metrics: BaselineMetric[];
    /** the inputs that changed, in plain words (amounts of rates and fees hidden without rates.view) */
    inputChanges: string[];
    /** honesty flags raised or cleared since */
    flagChanges: string[];
  };
};

/** One bar of the tornado as the report shows it: the mean outcome at the driver's low and high end. */
export type ReportDriver = { label: string; kind: "input" | "risk"; low: number; high: number; swing: number; lowLabel: string; highLabel: string };

/** How many drivers the report and the PDF list. */
export const REPORT_DRIVER_COUNT = 5;

// ---------- helpers ----------

const pct = (d: Distribution, p: number) => d.percentiles[`P${p}`] ?? d.percentiles[String(p)] ?? d.mean;

const lowerFirst = (s: string) => (s ? s[0]!.toLowerCase() + s.slice(1) : s);

const BILLING_START_WORDS: Record<string, string> = {
  project_start: "the project start",
  foundation_start: "the start of Phase 1 (foundation)",
  pilot_start: "the start of the pilot",
  date: "an agreed date",
};

const AUDIT_POLICY_WORDS: Record<string, string> = {
  migrate: "migration of the source audit log into the destination",
  archive: "a read-only archive of the source audit log",
  hybrid: "a hybrid audit-trail policy (part migrated, the rest archived read-only)",
  undecided: "an audit-trail policy that is not decided yet",
};

export const SEVERITY_WORDS: Record<"critical" | "warning" | "info", string> = { critical: "Critical", warning: "Warning", info: "Note" };

/** The level of a score alone (no sign-off known); pages with the sign-off use readConfidence. */
export function confidenceLevel(score: number): ConfidenceLevel {
  return readConfidence(score, null).level;
}

function feeText(cents: number | null, basis: string, currency: string): string {
  if (cents === null) return "not entered";
  const money = `${currency === "USD" ? "$" : `${currency} `}${(cents / 100).toLocaleString("en-US", { maximumFractionDigits: 2 })}`;
  return basis === "flat_month" ? `${money} per month (flat)` : basis === "per_user_month" ? `${money} per user per month` : `${money} per provider per month`;
}

/** A source's name in the report; "" for a single unnamed source (it is the engagement's source system). */
function sourceLabel(name: string, i: number, count: number): string {
  return name.trim() || (count === 1 ? "" : `Source system ${i + 1}`);
}

function rampDownText(lic: LicenseTerms): string {
  if (lic.sources.length === 0) return "No source system license is entered.";
  return lic.sources
    .map((s, i) => {
      const name = sourceLabel(s.name, i, lic.sources.length) || "The source contract";
      const end = s.contractEnd ? ` Its contract ends ${s.contractEnd}.` : "";
      return s.rampsDownPerWave && s.feeBasis !== "flat_month"
        ? `${name} releases seats wave by wave, ${plural(s.noticeMonths, "month")} after each go-live (notice period).${end}`
        : `${name} cannot ramp down per wave: every seat runs until decommission plus a ${formatCount(s.contractTailMonths, 1)}-month contract tail.${end}`;
    })
    .join(" ");
}

function auditPolicyOf(a: AuditTrailPolicy | null): string {
  return a?.policy ?? "undecided";
}

// ---------- scope ----------

export function scopeParagraph(doc: EngagementDocument, est: Estimate): string {
  const e = doc.engagement;
  const p = e.profile;
  const type = MIGRATION_TYPE_LABELS[e.migrationType];
  const source = e.sourceSystem.trim() || "its current EMR";
  const destination = e.destinationSystem.trim() || (e.migrationType === "A" ? "a new commercial EMR" : "a new platform");
  const verb = e.migrationType === "C" ? `is rebuilding ${source} in place as ${destination}` : `is moving from ${source} to ${destination}`;
  const first = `${e.clientName} ${verb}: a ${type.name.replace(" — ", " ")} (${lowerFirst(type.explanation.replace(/\.$/, ""))}).`;

  const profile = [
    `${plural(p.providers, "provider")} at ${plural(p.locations, "location")}`,
    p.specialties > 0 ? `across ${plural(p.specialties, "specialty", "specialties")}` : "",
  ].filter(Boolean).join(" ");
  const people = [`${plural(p.staffUsers, "EMR user")}`, `${formatCount(p.activePatients)} active patients`].join(" and ");
  const data = `${formatCount(p.yearsOfData, 1)} years of data in ${plural(p.sourceSystemCount, "source system")}`;

  const workflowItems = doc.workflows.reduce((s, w) => s + w.quantity, 0);
  const orderSets = doc.workflows.filter((w) => w.kind === "order_set").reduce((s, w) => s + w.quantity, 0);
  const byComplexity = (c: string) => doc.integrations.filter((i) => i.complexity === c).length;
  const interfaceMix = doc.integrations.length
    ? ` (${[["simple", byComplexity("simple")], ["medium", byComplexity("medium")], ["complex", byComplexity("complex")]].filter(([, n]) => (n as number) > 0).map(([k, n]) => `${n} ${k}`).join(", ")})`
    : "";
  const regulatory = doc.reports.filter((r) => r.kind === "regulatory").length;
  const inventory = [
    plural(doc.dataEntities.length, "source data entity", "source data entities"),
    `${plural(workflowItems, "workflow item")}${orderSets > 0 ? ` (${plural(orderSets, "order set")})` : ""}`,
    `${plural(doc.integrations.length, "interface")}${interfaceMix}`,
    `${plural(doc.reports.length, "report")}${regulatory > 0 ? ` (${formatCount(regulatory)} regulatory)` : ""}`,
    AUDIT_POLICY_WORDS[auditPolicyOf(doc.auditTrail)] ?? AUDIT_POLICY_WORDS.undecided!,
  ];
  const second = `In scope: ${profile}, ${people}, with ${data} — ${listInWords(inventory)}.`;

  const waves = est.waves.waves.length;
  const unit = e.migrationType === "C" ? "user cohort" : "wave";
  const third = `Cutover runs in ${plural(waves, unit)}${est.waves.derived ? " (derived from the organization profile; no wave plan entered yet)" : ""}, from a planned start on ${formatReportDate(e.plannedStart)}.`;
  return `${first} ${second} ${third}`;
}

// ---------- sections ----------

function costLines(est: Estimate, view: ReturnType<typeof toEstimateView>, viewer: ReportViewer): CostLineRow[] {
  const rateOf = new Map(est.breakdown.byWorkstream.map((w) => [w.workstream, w.rateCents]));
  return view.cost.lines
    .map((d): CostLineRow => {
      const ws = d.key.startsWith("labor.") ? (d.key.slice(6) as Workstream) : null;
      const hasPercentiles = d.key !== "labor";
      return {
        key: d.key,
        label: d.key === "labor" ? "Labor (all workstreams)" : d.label,
        group: costLineGroup(d.key),
        base: d.base,
        mean: d.mean,
        p50: hasPercentiles ? pct(d as Distribution, 50) : null,
        p80: hasPercentiles ? pct(d as Distribution, 80) : null,
        p90: hasPercentiles ? pct(d as Distribution, 90) : null,
        hours: ws && viewer.canSeeRates ? est.basePlan.hours[ws] : null,
        rateCents: ws && viewer.canSeeRates ? (rateOf.get(ws) ?? null) : null,
      };
    })
    .filter((l) => l.base !== 0 || l.mean !== 0 || (l.p80 ?? 0) !== 0);
}

function topRisks(doc: EngagementDocument, est: Estimate): TopRisk[] {
  const byTitle = new Map<string, Risk>(doc.risks.map((r) => [r.title, r]));
  return [...est.risks]
    .sort((a, b) => b.meanCostCents - a.meanCostCents || b.meanWeeksAdded - a.meanWeeksAdded || a.title.localeCompare(b.title))
    .slice(0, TOP_RISK_COUNT)
    .map((r) => {
      const reg = byTitle.get(r.title);
      return {
        title: r.title,
        category: reg?.category ?? "other",
        phase: r.phase,
        probability: r.probabilityAnyOccurrence,
        expectedCostCents: r.meanCostCents,
        expectedWeeks: r.meanWeeksAdded,
        owner: reg?.owner ?? "",
        mitigation: reg?.mitigationPlan ?? "",
        treatment: reg?.treatment ?? "accept",
        mitigated: r.mitigated,
        fromDefaultLibrary: r.source === "default_library",
        nextReviewDate: reg?.nextReviewDate ?? null,
      };
    });
}

function inventoryRows(doc: EngagementDocument, c: InventoryCompleteness, est: Estimate): InventoryRow[] {
  const known = (inventory: string) => knownMeasures(est.inputConfidence.components, inventory);
  const n = (count: number, what: string, many?: string) => (count > 0 ? [plural(count, what, many)] : []);
  const workflowItems = doc.workflows.reduce((s, w) => s + w.quantity, 0);
  return [
    {
      key: "data",
      known: known("data"),
      label: "Data entities",
      count: c.data.total,
      unknowns: [...n(c.data.unknownCounts, "entity without a record count", "entities without a record count"), ...n(c.data.undecided, "entity with an undecided migrate decision", "entities with an undecided migrate decision")],
    },
    {
      key: "workflows",
      known: known("workflows"),
      label: `Workflow entries (${plural(workflowItems, "item")})`,
      count: c.workflows.total,
      unknowns: [...n(c.workflows.notReviewed, "entry not reviewed by a clinical lead", "entries not reviewed by a clinical lead"), ...n(c.workflows.undecided, "entry without a cutover disposition", "entries without a cutover disposition")],
    },
    {
      key: "integrations",
      known: known("integrations"),
      label: "Interfaces",
      count: c.integrations.total,
      unknowns: n(c.integrations.undecided, "interface without a transition strategy", "interfaces without a transition strategy"),
    },
    {
      key: "reports",
      known: known("reports"),
      label: "Reports",
      count: c.reports.total,
      unknowns: n(c.reports.regulatoryWithoutPlan, "regulatory report without a reproducibility plan", "regulatory reports without a reproducibility plan"),
    },
    {
      key: "risks",
      known: known("risks"),
      label: "Risks (not closed)",
      count: c.risks.notClosed,
      unknowns: [
        ...n(c.risks.withoutOwner, "risk without an owner", "risks without an owner"),
        ...n(c.risks.residualNotAssessed, "risk without a residual rating", "risks without a residual rating"),
        ...n(c.risks.overdue, "risk review overdue", "risk reviews overdue"),
      ],
    },
  ];
}

function confidence(est: Estimate, signOff: WorkflowSignOffSummary): ReportView["confidence"] {
  const ic = est.inputConfidence;
  const reading = readConfidence(ic.score, signOffState(signOff));
  const level = reading.level;
  const weakest = [...ic.components].filter((c) => c.value < 1).sort((a, b) => a.value - b.value || b.weight - a.weight).slice(0, 2);
  const opening =
    level === "High"
      ? "The inventories behind this estimate are largely complete"
      : level === "Moderate"
        ? reading.capped
          ? `Not "High" while ${reading.reason}`
          : "The inventories behind this estimate have gaps that could move the numbers"
        : "Much of what drives this estimate is still unknown; treat the numbers as a first sounding";
  const tail = weakest.length ? `; the weakest inputs: ${listInWords(weakest.map((w) => `${lowerFirst(w.label)} (${Math.round(w.value * 100)}%)`))}.` : ".";
  return {
    score: ic.score,
    level,
    summary: `${level} input confidence (${ic.score} of 100). ${opening}${tail}`,
    components: ic.components.map((c) => ({ key: c.key, label: c.label, value: c.value, detail: c.detail })),
  };
}

const BASELINE_METRICS: Record<string, BaselineMetric["kind"]> = {
  p50Cost: "money",
  p80Cost: "money",
  p50Months: "months",
  p80Months: "months",
  p50GoLive: "date",
  p80GoLive: "date",
  overlapP50: "money",
  confidence: "score",
};

function baselineView(src: BaselineSource, doc: EngagementDocument, reportSeed: number, viewer: ReportViewer): NonNullable<ReportView["baseline"]> {
  // compareEstimates / diffEngagementDocuments: the baselines page's own comparison (lib/estimates)
  const c = compareEstimates(src.estimate, src.current);
  const metrics = c.headline
    .filter((m: MetricChange) => BASELINE_METRICS[m.key] && m.before !== null && m.after !== null)
    .map((m) => ({ label: m.label, kind: BASELINE_METRICS[m.key]!, before: m.before as number | string, after: m.after as number | string }));
  const flagChanges = [...c.flags.added.map((f) => `New: ${f.message}`), ...c.flags.removed.map((f) => `No longer flagged: ${f.message}`)];
  return {
    name: src.name,
    createdAt: src.createdAt,
    createdByName: src.createdByName,
    seed: src.seed,
    iterations: src.iterations,
    recomputedWithBaselineSeed: src.seed !== reportSeed,
    metrics,
    inputChanges: describeDocumentDiff(diffEngagementDocuments(src.document, doc), { hideMoney: !viewer.canSeeRates }).map((t) => t.replace(/\.$/, "")),
    flagChanges: viewer.canSeeRates ? flagChanges : flagChanges.filter((t) => !/rate|fee/i.test(t)),
  };
}

// ---------- the view ----------

export function buildReportView(s: ReportSources): ReportView {
  const { doc, estimate: est, viewer } = s;
  const start = est.input.plannedStart;
  const at = (weeks: number) => addWeeks(start, weeks);
  const fgl = est.duration.finalGoLiveWeeks;
  const tw = est.duration.totalWeeks;
  const lic = doc.assumptions.license;
  const currency = doc.engagement.currency;

  const phaseBars = new Map(est.gantt.base.filter((b) => b.kind === "phase").map((b) => [b.phase, b]));
  const phases: PhaseRow[] = PHASE_KEYS.map((k) => {
    const d = est.duration.phases[k];
    const bar = phaseBars.get(k);
    return { key: k, label: PHASE_LABELS[k], start: bar?.start ?? start, end: bar?.end ?? start, baseWeeks: d.base, p50Weeks: pct(d, 50), p80Weeks: pct(d, 80), fieldMinimumWeeks: d.fieldMinimumWeeks };
  });
  const waves: WaveRow[] = est.waves.waves.map((w) => ({ name: w.name, cohort: w.cohort, providers: w.providers, users: w.users, goLive: w.baseGoLiveDate, start: at(w.baseStartWeek), end: at(w.baseEndWeek) }));

  const defaultsRates = new Map(est.breakdown.byWorkstream.map((w) => [w.workstream, w.rateCents]));
  const openRisks = doc.risks.filter((r) => r.status !== "closed");
  // the estimate as this viewer may see it (rates and fees removed for roles without rates.view)
  const seen = toEstimateView(est, { canSeeRates: viewer.canSeeRates });
  const costLinesOut = costLines(est, seen, viewer);
  const riskLines = (["risk_events", "schedule_slip"] as const).reduce((sum, k) => sum + est.cost.lines[k].mean, 0);

  const severityRank = { critical: 0, warning: 1, info: 2 } as const;
  const view: ReportView = {
    meta: {
      engagementId: s.engagementId,
      clientName: doc.engagement.clientName,
      engagementName: doc.engagement.name,
      firmName: s.firmName,
      preparedBy: s.leadNames,
      migrationType: doc.engagement.migrationType,
      migrationTypeName: MIGRATION_TYPE_LABELS[doc.engagement.migrationType].name,
      sourceSystem: doc.engagement.sourceSystem,
      destinationSystem: doc.engagement.destinationSystem,
      plannedStart: start,
      currency,
      status: doc.engagement.status,
      isArchived: s.isArchived,
      asOf: s.asOf,
      seed: est.run.seed,
      iterations: est.run.iterations,
      engineVersion: est.engine.version,
      reproduce: `npm run estimate -- engagement.json --seed ${est.run.seed}${est.run.iterations !== 10_000 ? ` --iterations ${est.run.iterations}` : ""}`,
      sizeClass: est.input.sizeClass,
      fieldRangeMonths: est.input.fieldRangeMonths,
      canSeeRates: viewer.canSeeRates,
    },
    scope: scopeParagraph(doc, est),
    commitment: buildCommitment(est, { goLive: doc.assumptions.targetGoLive, budgetCents: doc.assumptions.targetBudgetCents }),
    drivers: {
      duration: est.tornado.duration.slice(0, REPORT_DRIVER_COUNT).map((b) => driverRow(b, (w) => w / (365.25 / 12 / 7))),
      cost: est.tornado.cost.slice(0, REPORT_DRIVER_COUNT).map((b) => driverRow(b, (c) => Math.round(c))),
    },
    headline: {
      goLive: { base: est.basePlan.finalGoLiveDate, p50: at(pct(fgl, 50)), p80: at(pct(fgl, 80)) },
      completion: { base: est.basePlan.endDate, p50: at(pct(tw, 50)), p80: at(pct(tw, 80)) },
      months: { base: est.basePlan.totalMonths, p50: pct(est.duration.totalMonths, 50), p80: pct(est.duration.totalMonths, 80) },
      cost: {
        base: est.cost.totalCents.base,
        p50: pct(est.cost.totalCents, 50),
        p80: pct(est.cost.totalCents, 80),
        contingency: est.contingency.costCents,
        contingencyShareOfBase: est.contingency.costShareOfBase,
      },
      overlap: { p50: est.licenseOverlap.band.p50, p10: est.licenseOverlap.band.p10, p90: est.licenseOverlap.band.p90, base: est.licenseOverlap.base.totalCents, shareOfP50Cost: est.licenseOverlap.shareOfTotalCostP50 },
    },
    overlap: {
      semantics: seen.licenseOverlap.semantics,
      explanation: seen.licenseOverlap.explanation,
      rampDown: rampDownText(lic),
      parts: viewer.canSeeRates ? { destination: est.licenseOverlap.base.destinationCents, source: est.licenseOverlap.base.sourceCents, archive: est.licenseOverlap.base.archiveCents } : null,
      perWave: seen.licenseOverlap.perWave,
      terms: {
        billingStart: lic.destinationBillingStart === "date" && lic.destinationBillingStartDate ? lic.destinationBillingStartDate : (BILLING_START_WORDS[lic.destinationBillingStart] ?? lic.destinationBillingStart),
        noticeMonths: lic.sources[0]?.noticeMonths ?? 0,
        rampsDownPerWave: lic.sources[0]?.rampsDownPerWave ?? false,
        tailMonths: lic.sources[0]?.contractTailMonths ?? 0,
        archiveMonths: lic.archiveMonths,
      },
      fees: viewer.canSeeRates
        ? {
            source:
              lic.sources.length === 0
                ? "not entered"
                : lic.sources.map((x, i) => [sourceLabel(x.name, i, lic.sources.length), feeText(x.feeCents, x.feeBasis, currency)].filter(Boolean).join(" ")).join(", "),
            destination: feeText(lic.destinationFeeCents, lic.destinationFeeBasis, currency),
            archive: feeText(lic.archiveFeeCentsPerMonth, "flat_month", currency).replace(" (flat)", ""),
          }
        : null,
      feesEntered: est.licenseOverlap.fees ? est.licenseOverlap.fees !== "not_entered" : !est.flags.some((f) => f.code === "NO_LICENSE_FEES"),
    },
    timeline: {
      bars: est.gantt.base,
      p80Bars: est.gantt.p80,
      phases,
      waves,
      wavesDerived: est.waves.derived,
      wavesBasis: est.waves.basis,
      markers: { p50GoLiveWeeks: pct(fgl, 50), p80GoLiveWeeks: pct(fgl, 80), p50EndWeeks: pct(tw, 50), p80EndWeeks: pct(tw, 80) },
      phase1Bound: est.basePlan.phase1.binding,
    },
    costs: {
      lines: costLinesOut,
      total: { base: est.cost.totalCents.base, mean: est.cost.totalCents.mean, p50: pct(est.cost.totalCents, 50), p80: pct(est.cost.totalCents, 80), p90: pct(est.cost.totalCents, 90) },
      // without rates.view: no "after decommission" bucket (it is the contract tail and the archive fee, i.e. the fees)
      byPhase: seen.breakdown.byPhase.map((b) => ({ key: b.phase, label: b.label, base: b.cost.base, mean: b.cost.mean })),
    },
    risks: {
      matrix: { size: doc.riskMatrix.size, likelihoodLabels: doc.riskMatrix.likelihoodLabels, impactLabels: doc.riskMatrix.impactLabels },
      rated: openRisks.map((r, i) => ({ id: `risk-${i + 1}`, title: r.title, likelihood: r.likelihood, impact: r.impact, residualLikelihood: r.residualLikelihood, residualImpact: r.residualImpact, status: r.status })),
      top: topRisks(doc, est),
      openCount: openRisks.length,
      closedCount: doc.risks.length - openRisks.length,
      usedDefaultLibrary: est.risks.some((r) => r.source === "default_library"),
      expectedRiskCostCents: Math.round(riskLines),
    },
    flags: [...seen.flags].sort((a, b) => severityRank[a.severity] - severityRank[b.severity]).map((f) => ({ code: f.code, severity: f.severity, message: f.message })),
    confidence: confidence(est, s.signOff),
    assumptions: {
      teamFte: doc.assumptions.teamFte,
      interfaceEngineers: doc.assumptions.interfaceEngineers,
      productiveHoursPerWeek: doc.assumptions.productiveHoursPerWeek,
      buildFunctionPoints: doc.engagement.migrationType === "A" ? null : doc.assumptions.buildFunctionPoints,
      targetGoLive: doc.assumptions.targetGoLive,
      targetBudgetCents: doc.assumptions.targetBudgetCents,
      rates: viewer.canSeeRates
        ? WORKSTREAMS.filter((w) => w !== "build" || doc.engagement.migrationType !== "A").map((w) => ({
            workstream: w,
            label: WORKSTREAM_LABELS[w],
            rateCents: defaultsRates.get(w) ?? 0,
            isDefault: doc.assumptions.ratesCents[w] === undefined,
          }))
        : null,
      overriddenConstants: seen.assumptions.overridden.map((c) => overriddenConstantRow(c, currency)),
    },
    signOff: s.signOff,
    inventory: {
      rows: inventoryRows(doc, s.completeness, est),
      auditPolicy: AUDIT_POLICY_WORDS[s.completeness.auditTrail.policy ?? "undecided"] ?? AUDIT_POLICY_WORDS.undecided!,
      unknownCount: 0,
    },
    cutover: cutoverView(est),
    lanes: lanesView(est),
    typeDecision: s.typeDecision ?? null,
    fitChecklist: s.fitChecklist ? fitChecklistView(s.fitChecklist) : null,
    validationPlan: s.validationPlan && s.validationPlan.checks.length ? validationPlanView(s.validationPlan) : null,
    baseline: s.baseline ? baselineView(s.baseline, doc, est.run.seed, viewer) : null,
  };
  const c = s.completeness;
  view.inventory.unknownCount = c.data.incomplete + c.workflows.incomplete + c.integrations.incomplete + c.reports.incomplete + c.risks.incomplete + (c.auditTrail.policy && c.auditTrail.policy !== "undecided" ? 0 : 1);
  return view;
}

function overriddenConstantRow(c: { key: string; value: number; default: number }, currency: string): ReportView["assumptions"]["overriddenConstants"][number] {
  const unit = constantDefinition(c.key)?.unit ?? "";
  const label = constantLabel(c.key);
  const text = `${label}: ${formatConstantValue(c.value, unit, currency)} (default ${formatConstantValue(c.default, unit, currency)})`;
  return { key: c.key, label, value: c.value, default: c.default, unit, text };
}

function cutoverView(est: Estimate): ReportCutover {
  const start = est.input.plannedStart;
  const c = est.cutover;
  return {
    tracks: c.tracks,
    tracksBasis: c.tracksBasis,
    gapWeeks: c.gapWeeks,
    cutoverWeeks: est.basePlan.phases.P3,
    sequentialCutoverWeeks: c.sequentialCutoverWeeks,
    waves: est.waves.waves.map((w) => ({
      name: w.name,
      track: w.track + 1,
      start: addWeeks(start, w.baseStartWeek),
      goLive: w.baseGoLiveDate,
      end: addWeeks(start, w.baseEndWeek),
      startWeek: w.baseStartWeek,
      goLiveWeek: w.baseGoLiveWeek,
      endWeek: w.baseEndWeek,
      movedWeeks: w.blackoutShiftWeeks,
      buildWaitWeeks: w.buildWaitWeeks,
      enteredGoLive: w.enteredGoLiveDate,
      dateHoldWeeks: w.dateHoldWeeks,
      dateMissWeeks: w.dateMissWeeks,
    })),
    blackouts: c.blackouts.map((b) => ({ label: b.label, start: b.start, end: b.end, startWeek: b.startWeek, endWeek: b.endWeek })),
    moved: c.moved.map((m) => ({ wave: m.wave, weeks: m.weeks, goLive: m.goLiveDate, reason: m.reason })),
    build: c.buildDoneWeek === null ? null : { phase1Share: c.phase1BuildShare, doneDate: addWeeks(start, c.buildDoneWeek) },
  };
}

function lanesView(est: Estimate): ReportLanes {
  const l = est.lanes;
  return {
    bindingLabel: l.lanes.find((x) => x.key === l.binding)?.label ?? l.bindingLabel,
    rows: l.lanes.map((x) => ({ key: x.key, label: x.label, fte: x.fte, basis: x.basis, weeks: x.weeks, binding: x.key === l.binding })),
    oneMorePerson: { applies: l.oneMorePerson.lane === "team" || l.oneMorePerson.lane === "interfaces", weeksSaved: l.oneMorePerson.weeksSaved, costDeltaCents: l.oneMorePerson.costDeltaCents, explanation: l.oneMorePerson.explanation },
  };
}

function fitChecklistView(a: TypeDecisionAnswers): ReportFitChecklist {
  return {
    criteria: FIT_CRITERIA.map((c) => ({ key: c.key, label: c.label, question: c.question, answer: FIT_ANSWER_LABELS[a[c.key].answer ?? "unanswered"], note: a[c.key].note })),
    summary: summarizeChecklist(a).words,
  };
}

function driverRow(b: Estimate["tornado"]["duration"][number], unit: (v: number) => number): ReportDriver {
  const label = b.label.replace(/ \(three-point range\)$/, "").replace(/ \(shared systemic factor\)$/, " (systemic)");
  // rounded to what the report prints (hundredths of a month, whole cents): no float noise in the payload
  const round = (v: number) => Math.round(v * 100) / 100;
  const low = round(unit(b.low));
  const high = round(unit(b.high));
  return { label, kind: b.kind, low, high, swing: round(high - low), lowLabel: b.lowLabel, highLabel: b.highLabel };
}

/** Whole days between two ISO dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return parseIsoDate(b) - parseIsoDate(a);
}

function validationPlanView(p: ValidationPlan): ReportValidationPlan {
  const sets = p.goldenSets.slice(0, REPORT_PLAN_ROWS);
  const quirksOf = new Map<string, string[]>();
  const shown = new Set(sets.map((g) => g.entityId));
  for (const x of p.golden) if (shown.has(x.entityId)) quirksOf.set(x.entityId, [...(quirksOf.get(x.entityId) ?? []), x.quirk]);
  return {
    checks: p.checks.slice(0, REPORT_PLAN_ROWS).map((c) => ({ sourceObject: c.sourceObject, check: c.check, acceptance: c.acceptance })),
    checksTotal: p.checks.length,
    goldenSets: sets.map((g) => ({
      sourceObject: g.sourceObject, size: g.size, notes: g.notes,
      covers: quirksOf.get(g.entityId)?.join(", ") || "no quirk recorded",
    })),
    goldenSetsTotal: p.goldenSets.length,
    rounds: p.rounds.map((r) => ({ name: r.name, acceptance: r.acceptance.join("; ") })),
    edited: p.edited,
  };
}
