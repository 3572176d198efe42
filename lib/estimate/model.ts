// Precomputation: everything that does not change between iterations, built once per estimate.
import type { EngagementDocument, MigrationType } from "@/lib/engagement-format/schema";
import { daysFromCivil, parseIsoDate, WEEKS_PER_MONTH } from "./calendar";
import { MAX_PLAN_WEEKS } from "./guard";
import { WORKSTREAMS } from "@/lib/engagement-format/schema";
import { PHASE_KEYS, phaseShares, rateCents, resolveConstants, triple, type ResolvedConstants } from "./defaults";
import { pertQuantileTable, pertShape } from "./distributions";
import { buildSize, buildWorkstreamModels, isSmallOrganization, PRIMARY_WORKSTREAMS, type BuildSize, type WorkstreamModel } from "./effort";
import { buildLicenseModel, type LicenseModel } from "./license";
import { prepareRisks, type RiskPreparation } from "./risks";
import { planWaves, type WavePlan } from "./waves";

export interface PhaseDist {
  key: string;
  min: number;
  likely: number;
  max: number;
  range: number;
  table: Float64Array;
}

export const WS_COUNT = WORKSTREAMS.length; // 9
export const WS_INDEX = Object.fromEntries(WORKSTREAMS.map((w, i) => [w, i])) as Record<(typeof WORKSTREAMS)[number], number>;
/** index in WORKSTREAMS of each primary workstream */
export const PRIMARY_INDEX = PRIMARY_WORKSTREAMS.map((w) => WS_INDEX[w]);

/** Phase 1 role lanes a consultant can staff (assumptions.staffing); bound index in simulate = 4 + position. */
export const ROLE_LANES = [
  { key: "data", field: "dataFte", label: "Data migration engineers", workstreams: ["data_migration", "audit_trail"] },
  { key: "workflow", field: "workflowFte", label: "Clinical workflow analysts", workstreams: ["workflow"] },
  { key: "training", field: "trainerFte", label: "Trainers and go-live support", workstreams: ["training"] },
] as const;
export type RoleLaneKey = (typeof ROLE_LANES)[number]["key"];

export interface StaffingModel {
  /** per ROLE_LANES entry: the entered FTE (own lane) or null, and the FTE derived from the team by its Phase 1 effort */
  roles: { key: RoleLaneKey; label: string; entered: number | null; derived: number }[];
  /** people on the pooled migration-team lane: teamFte when no role is entered, else the team's share for the roles not entered */
  poolFte: number;
  anyRoleEntered: boolean;
  /** build developers: entered, or null (staffed as COCOMO II implies: derivedBuildFte on average in Phase 0–1) */
  buildEntered: number | null;
  derivedBuildFte: number | null;
}

export interface Model {
  doc: EngagementDocument;
  type: MigrationType;
  constants: ResolvedConstants;
  c: Record<string, number>;
  workstreams: WorkstreamModel[];
  /** cents per hour, WORKSTREAMS order */
  rates: Float64Array;
  /** phase shares, WORKSTREAMS order × 5 phases (project management row unused: it follows duration) */
  shares: Float64Array;
  systemic: PhaseDist;
  p0: PhaseDist;
  p1: PhaseDist;
  p2: PhaseDist;
  wave: PhaseDist;
  stabilisation: PhaseDist;
  p4: PhaseDist;
  wavePlan: WavePlan;
  waveCount: number;
  waveSizeFactors: Float64Array;
  /** entered go-live date of each wave in weeks from the planned start (NO_WAVE_DATE when none): its go-live is never earlier */
  waveDates: Float64Array;
  goLiveOffset: number;
  riskPrep: RiskPreparation;
  /** hours per week of the pooled migration-team lane (the whole team, or the share of the roles not entered) */
  teamHoursPerWeek: number;
  laneHoursPerWeek: number;
  /** workstreams on the pooled team lane (1) — every one but build, PM and the entered roles' */
  poolMask: Uint8Array;
  /** per ROLE_LANES entry: hours per week of its own lane (0 = not entered: it is in the pool) */
  roleLaneHoursPerWeek: Float64Array;
  /** per ROLE_LANES entry: its workstreams' indexes */
  roleWs: Int32Array[];
  /** hours per week of entered build developers (0 = staffed as COCOMO II implies) */
  buildLaneHoursPerWeek: number;
  staffing: StaffingModel;
  /** interface engineers used: the entered number, or the team's share by interface effort when larger */
  lanes: { interfaceEngineersEntered: number; interfaceEngineersDerived: number; interfaceEngineers: number };
  /** concurrent go-live tracks and the gap between go-lives on one track (weeks) */
  cutover: { tracks: number; tracksDerived: boolean; gapWeeks: number };
  /** blackout windows as [start, end) pairs in weeks from the planned start, sorted and merged */
  blackouts: Float64Array;
  blackoutLabels: { startWeek: number; endWeek: number; label: string }[];
  /** incremental build (B/C): share of the remaining build that must be done before wave i starts (0 for the pilot's cohort) */
  incrementCum: Float64Array;
  /** share of the build done in Phase 1 (core + the pilot cohort's slice) */
  phase1BuildShare: number;
  /** scoping and minimum-foundation durations (and their field minimums) × this for a small organization */
  phaseFactor: number;
  cocomo: { enabled: boolean; coefficient: number; exponent: number; hoursPerPM: number; share: number };
  build: BuildSize;
  testingShare: number;
  pmShare: number;
  /** share of build hours the testing and PM shares apply to (0: ISBSG delivery rates are whole-lifecycle) */
  buildOverheadShare: number;
  /** cents per week of schedule slip: team FTE × productive hours × mean rate × team share */
  burnPerWeekCents: number;
  blendedRateCents: number;
  license: LicenseModel;
  /** mitigation cost by bucket (P0..P4, after) */
  mitigationByBucket: Float64Array;
  mitigationTotalCents: number;
}

function dist(c: Record<string, number>, key: string, factor = 1): PhaseDist {
  const [min, likely, max] = triple(c, key).map((v) => v * factor) as [number, number, number];
  return { key, min, likely, max, range: max - min, table: pertQuantileTable(pertShape({ min, likely, max })) };
}

/** waveDates value of a wave without an entered go-live date (finite, far before any plan) */
export const NO_WAVE_DATE = -1e9;

export function buildModel(doc: EngagementDocument): Model {
  const constants = resolveConstants(doc);
  const c = constants.values;
  const type = doc.engagement.migrationType;
  const wavePlan = planWaves(doc, c);
  const waveCount = wavePlan.waves.length;
  const workstreams = buildWorkstreamModels({ doc, c, type, waveCount });
  const rates = Float64Array.from(WORKSTREAMS.map((w) => rateCents(c, w)));
  const shares = new Float64Array(WS_COUNT * 5);
  WORKSTREAMS.forEach((w, i) => {
    if (w === "project_management") return;
    phaseShares(c, w).forEach((s, j) => (shares[i * 5 + j] = s));
  });
  const build = buildSize(doc, c);
  const riskPrep = prepareRisks(doc, c, doc.integrations.length, waveCount, type !== "A" && build.functionPoints > 0);
  const mitigationByBucket = new Float64Array(6);
  let mitigationTotalCents = 0;
  for (const r of riskPrep.risks) {
    mitigationByBucket[r.phaseIndex] = (mitigationByBucket[r.phaseIndex] as number) + r.mitigationCostCents;
    mitigationTotalCents += r.mitigationCostCents;
  }
  const a = doc.assumptions;
  const cocomoEnabled = type !== "A" && build.functionPoints > 0;
  // incremental build (B/C): Phase 1 builds the core and the pilot cohort's slice; the rest ahead of each wave
  const core = c["build.coreShare"] as number;
  const waveShares = wavePlan.waves.map((w) => w.share);
  const phase1BuildShare = cocomoEnabled && waveCount > 1 ? core + (1 - core) * (waveShares[0] ?? 1) : 1;
  const incrementCum = new Float64Array(waveCount);
  if (cocomoEnabled && waveCount > 1) {
    const rest = waveShares.slice(1).reduce((x, y) => x + y, 0);
    let cum = 0;
    for (let i = 1; i < waveCount; i++) {
      cum += waveShares[i] as number;
      incrementCum[i] = rest > 0 ? cum / rest : 1;
    }
  }
  if (phase1BuildShare < 1) {
    const b = WS_INDEX.build * 5;
    const p1 = shares[b + 1] as number;
    shares[b + 1] = p1 * phase1BuildShare;
    shares[b + 3] = (shares[b + 3] as number) + p1 * (1 - phase1BuildShare);
  }
  // lanes: the interface lane is the entered engineers, or the team's share by interface effort when larger
  const likely = new Float64Array(WS_COUNT);
  workstreams.forEach((w) => (likely[WS_INDEX[w.key]] = w.likelyHours));
  likely[WS_INDEX.testing] = (c["testing.share"] as number) * (likely[WS_INDEX.workflow]! + likely[WS_INDEX.integrations]! + likely[WS_INDEX.build]! * (c["build.lifecycleOverheadShare"] as number));
  let foundationLikely = 0;
  for (let w = 0; w < WS_COUNT; w++) if (w !== WS_INDEX.build && w !== WS_INDEX.project_management) foundationLikely += likely[w]! * shares[w * 5 + 1]!;
  const interfaceP1 = likely[WS_INDEX.integrations]! * shares[WS_INDEX.integrations * 5 + 1]!;
  const interfaceEngineersDerived = foundationLikely > 0 ? Math.floor(((a.teamFte * interfaceP1) / foundationLikely) * 10) / 10 : 0;
  const interfaceEngineers = Math.max(a.interfaceEngineers, interfaceEngineersDerived);
  // staffing by role: an entered role is its own lane; the roles not entered stay on the pooled team lane with
  // the team's share for them by Phase 1 effort (so the base plan is unchanged when a role is entered at its
  // derived FTE, and nothing entered is exactly the pooled lane of before)
  const p1Of = (ws: readonly string[]) => ws.reduce((x, w) => x + likely[WS_INDEX[w as keyof typeof WS_INDEX]]! * shares[WS_INDEX[w as keyof typeof WS_INDEX] * 5 + 1]!, 0);
  const poolMask = new Uint8Array(WS_COUNT);
  for (let w = 0; w < WS_COUNT; w++) poolMask[w] = w !== WS_INDEX.build && w !== WS_INDEX.project_management ? 1 : 0;
  const roleLaneHoursPerWeek = new Float64Array(ROLE_LANES.length);
  let enteredP1 = 0;
  const roles = ROLE_LANES.map((r, k) => {
    const entered = a.staffing[r.field];
    const p1 = p1Of(r.workstreams);
    if (entered !== null) {
      roleLaneHoursPerWeek[k] = entered * a.productiveHoursPerWeek;
      enteredP1 += p1;
      for (const w of r.workstreams) poolMask[WS_INDEX[w]] = 0;
    }
    return { key: r.key, label: r.label, entered, derived: foundationLikely > 0 ? Math.round(((a.teamFte * p1) / foundationLikely) * 10) / 10 : 0 };
  });
  const anyRoleEntered = roles.some((r) => r.entered !== null);
  const poolFte = !anyRoleEntered ? a.teamFte : foundationLikely > 0 ? (a.teamFte * Math.max(0, foundationLikely - enteredP1)) / foundationLikely : a.teamFte;
  const buildP01 = likely[WS_INDEX.build]! * (shares[WS_INDEX.build * 5]! + shares[WS_INDEX.build * 5 + 1]!);
  const hpm = c["build.hoursPerPersonMonth"] as number;
  const tdevMonths = buildP01 > 0 ? (c["build.cocomoCoefficient"] as number) * Math.pow(buildP01 / hpm, c["build.cocomoExponent"] as number) : 0;
  const staffing: StaffingModel = {
    roles,
    poolFte,
    anyRoleEntered,
    buildEntered: type !== "A" ? a.staffing.buildFte : null,
    derivedBuildFte: type !== "A" && tdevMonths > 0 ? Math.round((buildP01 / hpm / tdevMonths) * 10) / 10 : null,
  };
  // cutover capacity: concurrent go-live tracks (entered, or one per N FTE of the team), at most one per wave
  const enteredTracks = Math.round(c["cutover.goLiveTracks"] as number);
  const derivedTracks = Math.max(1, Math.floor(a.teamFte / (c["cutover.ftePerTrack"] as number)));
  const tracks = Math.max(1, Math.min(Math.max(1, waveCount), enteredTracks > 0 ? enteredTracks : derivedTracks));
  const { pairs: blackouts, labels: blackoutLabels } = blackoutWindows(doc, c);
  const small = isSmallOrganization(doc, c);
  const phaseFactor = small ? (c["scale.smallPhaseFactor"] as number) : 1;
  // burn rate of a slip week: the whole team keeps billing at the mean of the role rates
  const blendedRateCents = rates.reduce((s, r) => s + r, 0) / rates.length;
  const burnPerWeekCents = a.teamFte * a.productiveHoursPerWeek * blendedRateCents * (c["burn.teamShare"] as number);
  return {
    doc,
    type,
    constants,
    c,
    workstreams,
    rates,
    shares,
    systemic: dist(c, "systemic"),
    p0: dist(c, "phase.P0", phaseFactor),
    p1: dist(c, "phase.P1", phaseFactor),
    p2: dist(c, "phase.P2"), // the pilot is never compressed, whatever the size
    wave: dist(c, "phase.wave"),
    stabilisation: dist(c, "phase.stabilisation"),
    p4: dist(c, "phase.P4"),
    wavePlan,
    waveCount,
    waveSizeFactors: Float64Array.from(wavePlan.waves.map((w) => w.sizeFactor)),
    waveDates: Float64Array.from(wavePlan.waves.map((w) => (w.goLiveDate ? (parseIsoDate(w.goLiveDate) - parseIsoDate(doc.engagement.plannedStart)) / 7 : NO_WAVE_DATE))),
    goLiveOffset: c["schedule.waveGoLiveOffset"] as number,
    riskPrep,
    teamHoursPerWeek: poolFte * a.productiveHoursPerWeek,
    laneHoursPerWeek: interfaceEngineers * a.productiveHoursPerWeek,
    poolMask,
    roleLaneHoursPerWeek,
    roleWs: ROLE_LANES.map((r) => Int32Array.from(r.workstreams.map((w) => WS_INDEX[w]))),
    buildLaneHoursPerWeek: staffing.buildEntered !== null && build.functionPoints > 0 ? staffing.buildEntered * a.productiveHoursPerWeek : 0,
    staffing,
    lanes: { interfaceEngineersEntered: a.interfaceEngineers, interfaceEngineersDerived, interfaceEngineers },
    cutover: { tracks, tracksDerived: enteredTracks <= 0, gapWeeks: c["cutover.goLiveGapWeeks"] as number },
    blackouts,
    blackoutLabels,
    incrementCum,
    phase1BuildShare,
    phaseFactor,
    cocomo: {
      enabled: cocomoEnabled,
      coefficient: c["build.cocomoCoefficient"] as number,
      exponent: c["build.cocomoExponent"] as number,
      hoursPerPM: c["build.hoursPerPersonMonth"] as number,
      share: c["build.cocomoScheduleShare"] as number,
    },
    build,
    testingShare: c["testing.share"] as number,
    pmShare: c["pm.share"] as number,
    buildOverheadShare: c["build.lifecycleOverheadShare"] as number,
    burnPerWeekCents,
    blendedRateCents,
    license: buildLicenseModel(
      a.license,
      { providers: doc.engagement.profile.providers, users: doc.engagement.profile.staffUsers, plannedStart: doc.engagement.plannedStart, sourceSystem: doc.engagement.sourceSystem },
      wavePlan.waves.map((w) => w.share),
      type,
    ),
    mitigationByBucket,
    mitigationTotalCents,
  };
}

/**
 * COCOMO II nominal schedule in weeks for a build of `buildHours`: TDEV = 3.67 · PM^0.318 months.
 * TDEV spans elaboration + construction = our P0 + P1, so PM = the build effort of P0 and P1
 * (the pilot's fixes are COCOMO's transition phase, outside TDEV).
 */
export function cocomoTdevWeeks(model: Model, buildHours: number): number {
  const i = WS_INDEX.build * 5;
  const pm = (buildHours * ((model.shares[i] as number) + (model.shares[i + 1] as number))) / model.cocomo.hoursPerPM;
  return model.cocomo.coefficient * Math.pow(pm, model.cocomo.exponent) * WEEKS_PER_MONTH;
}

/** COCOMO II nominal schedule in weeks for `hours` of build effort (TDEV = C · PM^F months). */
export function cocomoWeeksForHours(model: Model, hours: number): number {
  return model.cocomo.coefficient * Math.pow(hours / model.cocomo.hoursPerPM, model.cocomo.exponent) * WEEKS_PER_MONTH;
}

/**
 * Blackout windows in weeks from the planned start over the engine's horizon: the last N days of each
 * December, and the weeks before the regulatory submission deadline when the engagement has regulatory reports.
 */
export function blackoutWindows(doc: EngagementDocument, c: Record<string, number>): { pairs: Float64Array; labels: { startWeek: number; endWeek: number; label: string }[] } {
  const day0 = parseIsoDate(doc.engagement.plannedStart);
  const y0 = Math.floor(Number(doc.engagement.plannedStart.slice(0, 4)));
  const years = Math.ceil(MAX_PLAN_WEEKS / 52) + 2;
  const raw: { s: number; e: number; label: string }[] = [];
  const yearEndDays = Math.round(c["blackout.yearEndDays"] as number);
  const regWeeks = c["blackout.regulatoryWeeks"] as number;
  const hasRegulatory = doc.reports.some((r) => r.kind === "regulatory");
  for (let y = y0 - 1; y <= y0 + years; y++) {
    if ((c["blackout.yearEnd"] as number) >= 0.5 && yearEndDays > 0) {
      const end = daysFromCivil(y + 1, 1, 1);
      raw.push({ s: (end - yearEndDays - day0) / 7, e: (end - day0) / 7, label: "year-end holidays" });
    }
    if (hasRegulatory && regWeeks > 0) {
      const m = Math.round(c["blackout.regulatoryDeadlineMonth"] as number);
      const d = Math.round(c["blackout.regulatoryDeadlineDay"] as number);
      const deadline = daysFromCivil(y, m, Math.min(d, 28)) + Math.max(0, d - 28) + 1;
      raw.push({ s: (deadline - regWeeks * 7 - day0) / 7, e: (deadline - day0) / 7, label: "regulatory submission deadline" });
    }
  }
  const sorted = raw.filter((r) => r.e > 0).sort((a, b) => a.s - b.s);
  const merged: { s: number; e: number; label: string }[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.s <= last.e) {
      last.e = Math.max(last.e, r.e);
      if (!last.label.includes(r.label)) last.label += ` and ${r.label}`;
    } else merged.push({ ...r });
  }
  const pairs = new Float64Array(merged.length * 2);
  merged.forEach((m, i) => {
    pairs[2 * i] = m.s;
    pairs[2 * i + 1] = m.e;
  });
  return { pairs, labels: merged.map((m) => ({ startWeek: m.s, endWeek: m.e, label: m.label })) };
}

export { PHASE_KEYS, PRIMARY_WORKSTREAMS };
