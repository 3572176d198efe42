// Effort → phases → cost for one set of sampled values, and the Monte Carlo loop around it.
// The same `evaluate` computes the deterministic base plan (most-likely values, no risk events)
// and every iteration, so the base plan and the percentiles can never disagree on formulas.
// Performance: no allocation inside the loop; per-item work was folded into terms (terms.ts).
import * as dist from "./distributions";
import type { TimeBudget } from "./guard";
import * as license from "./license";
import type { OverlapInterval } from "./license";
import * as modelModule from "./model";
import type { Model, PhaseDist } from "./model";
import { StreamBank, streamSeed } from "./rng";
import * as terms from "./terms";

// Local bindings of hot imports: transpilers turn imported bindings into property getters, which
// cost measurably inside a 10k-iteration loop.
const tableQuantile = dist.tableQuantile;
const discreteQuantile = dist.discreteQuantile;
const computeOverlap = license.computeOverlap;
const OVERLAP_OUT_SIZE = license.OVERLAP_OUT_SIZE;
const cocomoTdevWeeks = modelModule.cocomoTdevWeeks;
const cocomoWeeksForHours = modelModule.cocomoWeeksForHours;
const NO_WAVE_DATE = modelModule.NO_WAVE_DATE;
const ROLE_COUNT = modelModule.ROLE_LANES.length;
const PRIMARY_INDEX: readonly number[] = modelModule.PRIMARY_INDEX;
const WS_COUNT = modelModule.WS_COUNT;
const WS_INDEX = modelModule.WS_INDEX;
const sampleTerms = terms.sampleTerms;

// ---------- cost lines ----------
export const COST_LINES = [
  "labor.data_migration",
  "labor.workflow",
  "labor.integrations",
  "labor.reports",
  "labor.audit_trail",
  "labor.build",
  "labor.testing",
  "labor.training",
  "labor.project_management",
  "license_overlap",
  "risk_events",
  "schedule_slip",
  "risk_mitigation",
  "vendor_fees",
] as const;
export type CostLineKey = (typeof COST_LINES)[number];
export const LINE_OVERLAP = 9, LINE_RISK = 10, LINE_SLIP = 11, LINE_MITIGATION = 12, LINE_VENDOR_FEES = 13;

export const BUCKETS = ["P0", "P1", "P2", "P3", "P4", "after"] as const;
export type BucketKey = (typeof BUCKETS)[number];

// ---------- output slots of one evaluation ----------
export const O_HOURS = 0; // 9 workstreams (WORKSTREAMS order)
export const O_PHASE = 9; // 5 phase durations (weeks)
export const O_TOTAL_WEEKS = 14;
export const O_FINAL_GO_LIVE = 15;
export const O_LINES = 16; // 14 cost lines (cents)
export const O_BUCKET_COST = O_LINES + COST_LINES.length; // 6 buckets (cents)
export const O_TOTAL_COST = O_BUCKET_COST + 6;
export const O_OVERLAP_PARTS = O_TOTAL_COST + 1; // destination, source, archive
export const O_P1_BINDING = O_OVERLAP_PARTS + 3; // 0 minimum, 1 team capacity, 2 interface lane, 3 COCOMO
export const O_TOTAL_HOURS = O_P1_BINDING + 1;
export const P1_BOUNDS = 7;
export const O_P1_BOUNDS = O_TOTAL_HOURS + 1; // 7 candidate P1 durations (P1_BOUND_LABELS)
export const O_RISK_WEEKS = O_P1_BOUNDS + P1_BOUNDS; // 5 phases: nominal risk weeks drawn
export const O_SLIP_WEEKS = O_RISK_WEEKS + 5; // 5 phases: weeks the risks actually added to each phase (P1: after float)
export const OUT_SIZE = O_SLIP_WEEKS + 5;

export const P1_BOUND_LABELS = ["minimum foundation duration", "team capacity", "interface-engineer lane", "COCOMO II build schedule", "data migration lane", "clinical workflow lane", "training lane"] as const;

/** Sampled values for one evaluation. */
export class Sample {
  systemic = 1;
  readonly ws: Float64Array; // primary workstream hours before the systemic factor
  p0 = 0;
  p1 = 0;
  p2 = 0;
  stabilisation = 0;
  p4 = 0;
  readonly waves: Float64Array; // nominal wave durations before the size factor
  readonly riskK: Int32Array;
  readonly riskU: Float64Array;
  constructor(model: Model) {
    this.ws = new Float64Array(PRIMARY_INDEX.length);
    this.waves = new Float64Array(model.waveCount);
    this.riskK = new Int32Array(model.riskPrep.risks.length);
    this.riskU = new Float64Array(model.riskPrep.risks.length);
  }
}

/** The most-likely sample: every three-point at its mode, systemic factor 1, no risk event. */
export function baseSample(model: Model): Sample {
  const s = new Sample(model);
  s.systemic = model.systemic.likely;
  model.workstreams.forEach((w, i) => (s.ws[i] = w.likelyHours));
  s.p0 = model.p0.likely;
  s.p1 = model.p1.likely;
  s.p2 = model.p2.likely;
  s.stabilisation = model.stabilisation.likely;
  s.p4 = model.p4.likely;
  s.waves.fill(model.wave.likely);
  return s;
}

/** Scratch buffers reused across evaluations. */
export class Scratch {
  readonly phaseEnds = new Float64Array(5);
  readonly goLives: Float64Array;
  readonly waveStarts: Float64Array;
  readonly waveEnds: Float64Array;
  readonly overlap = new Float64Array(OVERLAP_OUT_SIZE);
  readonly addShare = new Float64Array(WS_COUNT);
  readonly riskWeeks: Float64Array; // per risk, this evaluation
  readonly riskCost: Float64Array; // per risk: amount + effort-share labor, this evaluation
  readonly p1Track = new Float64Array(4); // P1 risk weeks by track (index of the P1 bound they delay; role lanes take the team's)
  readonly trackFree: Float64Array; // per go-live track: when it can start the next wave
  readonly trackLastGoLive: Float64Array; // per go-live track: its last go-live
  readonly blackoutShift: Float64Array; // per wave: weeks its go-live moved out of a blackout
  readonly buildWait: Float64Array; // per wave: weeks it waited for its functions to be built
  readonly dateHold: Float64Array; // per wave: weeks it was held for its entered go-live date
  readonly naturalGoLive: Float64Array; // per wave: its earliest go-live (tracks, pilot, build), before its entered date and blackouts
  readonly startCause: Int8Array; // per wave: what set its earliest start — 0 the pilot's end, 1 an earlier wave on its track, 2 its build increment
  readonly waveTrack: Int32Array; // per wave: the track it ran on
  buildReadyWeek = 0; // when the whole build is done (B/C)
  constructor(model: Model) {
    this.trackFree = new Float64Array(Math.max(1, model.cutover.tracks));
    this.trackLastGoLive = new Float64Array(Math.max(1, model.cutover.tracks));
    this.blackoutShift = new Float64Array(model.waveCount);
    this.buildWait = new Float64Array(model.waveCount);
    this.dateHold = new Float64Array(model.waveCount);
    this.naturalGoLive = new Float64Array(model.waveCount);
    this.startCause = new Int8Array(model.waveCount);
    this.waveTrack = new Int32Array(model.waveCount);
    this.goLives = new Float64Array(model.waveCount);
    this.waveStarts = new Float64Array(model.waveCount);
    this.waveEnds = new Float64Array(model.waveCount);
    this.riskWeeks = new Float64Array(model.riskPrep.risks.length);
    this.riskCost = new Float64Array(model.riskPrep.risks.length);
  }
}

const I_TESTING = WS_INDEX.testing, I_PM = WS_INDEX.project_management, I_WORKFLOW = WS_INDEX.workflow;
const I_INTEGRATIONS = WS_INDEX.integrations, I_BUILD = WS_INDEX.build;

/** Evaluate one sample into `out` (OUT_SIZE slots). */
export function evaluate(model: Model, s: Sample, out: Float64Array, sc: Scratch, intervals?: OverlapInterval[]): void {
  // only the accumulated slots need zeroing; every other slot is assigned below
  for (let j = 0; j < 5; j++) out[O_RISK_WEEKS + j] = 0;
  for (let j = 0; j < 6; j++) out[O_BUCKET_COST + j] = 0;
  const risks = model.riskPrep.risks;
  const addShare = sc.addShare;
  addShare.fill(0);
  const p1Track = sc.p1Track;
  p1Track.fill(0);
  let p1General = 0;
  // ---- risk events: occurrences × impact drawn at one uniform ----
  let riskAmount = 0;
  for (let r = 0; r < risks.length; r++) {
    const k = s.riskK[r] as number;
    sc.riskWeeks[r] = 0;
    sc.riskCost[r] = 0;
    if (k === 0) continue;
    const risk = risks[r]!;
    const u = s.riskU[r] as number;
    if (risk.schedule) {
      const weeks = k * (risk.schedule.min + risk.schedule.range * tableQuantile(risk.schedule.table, u)); // k occurrences × impact
      sc.riskWeeks[r] = weeks;
      out[O_RISK_WEEKS + risk.phaseIndex] += weeks;
      if (risk.phaseIndex === 1) {
        if (risk.p1Track > 0) p1Track[risk.p1Track] += weeks;
        else p1General += weeks;
      }
    }
    if (risk.amount) {
      const cents = k * (risk.amount.min + risk.amount.range * tableQuantile(risk.amount.table, u));
      riskAmount += cents;
      sc.riskCost[r] += cents;
      out[O_BUCKET_COST + risk.phaseIndex] += cents;
    }
    if (risk.effort) {
      addShare[risk.effort.workstreamIndex] += k * (risk.effort.min + risk.effort.range * tableQuantile(risk.effort.table, u));
    }
  }
  // ---- effort: systemic factor × sampled hours × (1 + risk effort shares) ----
  const S = s.systemic;
  let primarySum = 0;
  for (let i = 0; i < PRIMARY_INDEX.length; i++) {
    const w = PRIMARY_INDEX[i] as number;
    const h = S * (s.ws[i] as number) * (1 + (addShare[w] as number)); // ESTIMATION.md: shared systemic factor multiplies all workstreams
    out[O_HOURS + w] = h;
    primarySum += h;
  }
  // testing ≈ 20% of workflow + integrations (+ build × its lifecycle-overhead share: ISBSG build rates already hold the build's own testing)
  const buildHours = out[O_HOURS + I_BUILD]!;
  const testing = model.testingShare * (out[O_HOURS + I_WORKFLOW]! + out[O_HOURS + I_INTEGRATIONS]! + buildHours * model.buildOverheadShare) * (1 + addShare[I_TESTING]!);
  out[O_HOURS + I_TESTING] = testing;
  // project management ≈ 15% of all other effort (the build's own management likewise inside its rate)
  const pm = model.pmShare * (primarySum - buildHours * (1 - model.buildOverheadShare) + testing) * (1 + addShare[I_PM]!);
  out[O_HOURS + I_PM] = pm;
  const totalHours = primarySum + testing + pm;
  out[O_TOTAL_HOURS] = totalHours;
  // per-risk labor of effort-share risks (for the risk table): extra hours × rate
  if (risks.length > 0) {
    for (let r = 0; r < risks.length; r++) {
      const risk = risks[r]!;
      const k = s.riskK[r] as number;
      if (k === 0 || !risk.effort) continue;
      const w = risk.effort.workstreamIndex;
      const share = k * (risk.effort.min + risk.effort.range * tableQuantile(risk.effort.table, s.riskU[r] as number));
      // hours before risk shares × this risk's share × rate
      sc.riskCost[r] += (out[O_HOURS + w]! / (1 + addShare[w]!)) * share * model.rates[w]!;
    }
  }

  // ---- schedule ----
  const sh = model.shares;
  // foundation effort carried by the pooled migration team: P1 share of every workstream except build (own
  // track), PM and the roles staffed as their own lanes
  let foundation = 0;
  const pool = model.poolMask;
  for (let w = 0; w < WS_COUNT; w++) {
    if (pool[w] === 0) continue;
    foundation += out[O_HOURS + w]! * sh[w * 5 + 1]!;
  }
  const p0 = s.p0 + out[O_RISK_WEEKS]!;
  const bMin = s.p1;
  const bCap = model.teamHoursPerWeek > 0 ? foundation / model.teamHoursPerWeek : 0; // foundation effort / (team FTE × productive h)
  const bLane = model.laneHoursPerWeek > 0 ? (out[O_HOURS + I_INTEGRATIONS]! * sh[I_INTEGRATIONS * 5 + 1]!) / model.laneHoursPerWeek : 0; // interfaces one at a time per engineer
  let bCocomo = 0;
  if (model.cocomo.enabled && buildHours > 0) {
    // COCOMO II bounds the build: P0 + P1 ≥ share × TDEV (SCED 'very low' = 75% of nominal)
    const tdevWeeks = cocomoTdevWeeks(model, buildHours);
    bCocomo = Math.max(0, model.cocomo.share * tdevWeeks - s.p0);
    // entered build developers: P0 + P1 ≥ the Phase 0–1 build hours ÷ (developers × productive h) — never
    // shorter than the COCOMO bound (more developers cannot compress it further)
    if (model.buildLaneHoursPerWeek > 0) {
      const staffed = (buildHours * (sh[I_BUILD * 5]! + sh[I_BUILD * 5 + 1]!)) / model.buildLaneHoursPerWeek - s.p0;
      if (staffed > bCocomo) bCocomo = staffed;
    }
  }
  // P1 = the longest track, each delayed by the risks that hit it (float absorbs the rest), + whole-phase risks
  let p1NoRisk = Math.max(bMin, bCap, bLane, bCocomo);
  let p1 = bMin, binding = 0;
  if (bCap + p1Track[1]! > p1) { p1 = bCap + p1Track[1]!; binding = 1; }
  if (bLane + p1Track[2]! > p1) { p1 = bLane + p1Track[2]!; binding = 2; }
  if (bCocomo + p1Track[3]! > p1) { p1 = bCocomo + p1Track[3]!; binding = 3; }
  // role lanes (entered staffing): the role's Phase 1 hours ÷ (its FTE × productive h); the team's risks delay them too
  for (let k = 0; k < ROLE_COUNT; k++) {
    const cap = model.roleLaneHoursPerWeek[k]!;
    let weeks = 0;
    if (cap > 0) {
      const ws = model.roleWs[k]!;
      let h = 0;
      for (let j = 0; j < ws.length; j++) h += out[O_HOURS + ws[j]!]! * sh[ws[j]! * 5 + 1]!;
      weeks = h / cap;
      if (weeks > p1NoRisk) p1NoRisk = weeks;
      if (weeks + p1Track[1]! > p1) { p1 = weeks + p1Track[1]!; binding = 4 + k; }
    }
    out[O_P1_BOUNDS + 4 + k] = weeks;
  }
  out[O_P1_BOUNDS] = bMin;
  out[O_P1_BOUNDS + 1] = bCap;
  out[O_P1_BOUNDS + 2] = bLane;
  out[O_P1_BOUNDS + 3] = bCocomo;
  out[O_P1_BINDING] = binding;
  p1 += p1General;
  out[O_SLIP_WEEKS] = out[O_RISK_WEEKS]!;
  out[O_SLIP_WEEKS + 1] = p1 - p1NoRisk;
  out[O_SLIP_WEEKS + 2] = out[O_RISK_WEEKS + 2]!;
  out[O_SLIP_WEEKS + 3] = out[O_RISK_WEEKS + 3]!;
  out[O_SLIP_WEEKS + 4] = out[O_RISK_WEEKS + 4]!;
  const p2 = s.p2 + out[O_RISK_WEEKS + 2]!; // the pilot never depends on staffing
  // cutover (engine v2): waves run on concurrent go-live tracks (list scheduling in wave order, each wave on
  // the track that can take it first), two go-lives on one track at least the stabilisation gap apart; a
  // B/C wave starts once its increment is built (COCOMO bounds the whole build); an entered go-live date holds
  // the wave until that date (never earlier; it keeps its track meanwhile, so what follows on the track waits);
  // a go-live that falls in a blackout window moves to the window's end. Wave duration = nominal × size
  // factor + P3 risk weeks / waves.
  const nW = model.waveCount;
  const perWaveRisk = nW > 0 ? out[O_RISK_WEEKS + 3]! / nW : 0;
  const t3 = p0 + p1 + p2;
  const p1End = p0 + p1;
  let buildAll = p1End;
  if (model.cocomo.enabled && buildHours > 0 && model.phase1BuildShare < 1) {
    // the whole build (all but the pilot's fixes) cannot finish before share × TDEV of its total effort
    const b = I_BUILD * 5;
    const wholeBuild = buildHours * (sh[b]! + sh[b + 1]! + sh[b + 3]!);
    const all = cocomoWeeksForHours(model, wholeBuild) * model.cocomo.share;
    if (all > buildAll) buildAll = all;
    // entered build developers cannot build it faster than their hours allow
    if (model.buildLaneHoursPerWeek > 0 && wholeBuild / model.buildLaneHoursPerWeek > buildAll) buildAll = wholeBuild / model.buildLaneHoursPerWeek;
  }
  sc.buildReadyWeek = buildAll;
  const nT = model.cutover.tracks;
  const gap = model.cutover.gapWeeks;
  const off = model.goLiveOffset;
  const bo = model.blackouts;
  const nB = bo.length >> 1;
  for (let k = 0; k < nT; k++) {
    sc.trackFree[k] = t3;
    sc.trackLastGoLive[k] = -1e9;
  }
  let lastEnd = t3;
  for (let i = 0; i < nW; i++) {
    const d = s.waves[i]! * model.waveSizeFactors[i]! + perWaveRisk;
    const ready = p1End + (buildAll - p1End) * model.incrementCum[i]!;
    // the track that can start this wave first
    let best = 0, bestStart = Infinity;
    for (let k = 0; k < nT; k++) {
      let st = sc.trackFree[k]!;
      const byGap = sc.trackLastGoLive[k]! + gap - off * d;
      if (byGap > st) st = byGap;
      if (st < bestStart) { bestStart = st; best = k; }
    }
    let start = bestStart;
    sc.startCause[i] = bestStart > t3 + 1e-9 ? 1 : 0;
    sc.buildWait[i] = 0;
    if (ready > start) { sc.buildWait[i] = ready - start; start = ready; sc.startCause[i] = 2; }
    let g = start + off * d;
    sc.naturalGoLive[i] = g;
    // an entered go-live date is a constraint: hold the wave until it
    const date = model.waveDates[i]!;
    sc.dateHold[i] = 0;
    if (date > g) {
      sc.dateHold[i] = date - g;
      sc.buildWait[i] = 0; // the date, not the build, sets its go-live
      start += date - g;
      g = date;
    }
    // blackout windows move the go-live (and the wave) to the window's end
    let shift = 0;
    for (let j = 0; j < nB; j++) {
      const bs = bo[2 * j]!, be = bo[2 * j + 1]!;
      if (be <= g) continue;
      if (bs <= g) { shift = be - g; g = be; }
      break;
    }
    start += shift;
    sc.blackoutShift[i] = shift;
    sc.waveTrack[i] = best;
    sc.waveStarts[i] = start;
    sc.goLives[i] = g;
    const end = start + d;
    sc.waveEnds[i] = end;
    sc.trackFree[best] = end;
    sc.trackLastGoLive[best] = g;
    if (end > lastEnd) lastEnd = end;
  }
  const p3 = lastEnd - t3 + s.stabilisation + (nW === 0 ? out[O_RISK_WEEKS + 3]! : 0);
  const p4 = s.p4 + out[O_RISK_WEEKS + 4]!;
  out[O_PHASE] = p0;
  out[O_PHASE + 1] = p1;
  out[O_PHASE + 2] = p2;
  out[O_PHASE + 3] = p3;
  out[O_PHASE + 4] = p4;
  const pe = sc.phaseEnds;
  pe[0] = p0;
  pe[1] = p0 + p1;
  pe[2] = pe[1] + p2;
  pe[3] = pe[2] + p3;
  pe[4] = pe[3] + p4;
  const total = pe[4]!;
  out[O_TOTAL_WEEKS] = total;
  let finalGoLive = nW > 0 ? 0 : pe[3]!;
  for (let i = 0; i < nW; i++) if (sc.goLives[i]! > finalGoLive) finalGoLive = sc.goLives[i]!;
  out[O_FINAL_GO_LIVE] = finalGoLive;

  // ---- cost ----
  let labor = 0;
  for (let w = 0; w < WS_COUNT; w++) {
    const cents = out[O_HOURS + w]! * model.rates[w]!; // labor = hours × rate by role
    out[O_LINES + w] = cents;
    labor += cents;
    if (w === I_PM) {
      // project management follows the calendar: spread by phase duration
      if (total > 0) for (let j = 0; j < 5; j++) out[O_BUCKET_COST + j] += cents * (out[O_PHASE + j]! / total);
    } else {
      for (let j = 0; j < 5; j++) out[O_BUCKET_COST + j] += cents * sh[w * 5 + j]!;
    }
  }
  computeOverlap(model.license, pe, sc.goLives, nW, sc.overlap, intervals);
  const overlap = sc.overlap[0]! + sc.overlap[1]! + sc.overlap[2]!;
  out[O_OVERLAP_PARTS] = sc.overlap[0]!;
  out[O_OVERLAP_PARTS + 1] = sc.overlap[1]!;
  out[O_OVERLAP_PARTS + 2] = sc.overlap[2]!;
  for (let j = 0; j < 6; j++) out[O_BUCKET_COST + j] += sc.overlap[3 + j]!;
  out[O_LINES + LINE_OVERLAP] = overlap;
  out[O_LINES + LINE_RISK] = riskAmount;
  // time-driven cost: schedule slips cost burn rate × the weeks they really added (the team keeps running)
  let slip = 0;
  for (let j = 0; j < 5; j++) {
    const c = out[O_SLIP_WEEKS + j]! * model.burnPerWeekCents;
    slip += c;
    out[O_BUCKET_COST + j] += c;
  }
  for (let r = 0; r < risks.length; r++) {
    const w = sc.riskWeeks[r]!;
    if (w === 0) continue;
    const j = risks[r]!.phaseIndex;
    // each risk's share of its phase's real extension
    sc.riskCost[r] += w * (out[O_SLIP_WEEKS + j]! / out[O_RISK_WEEKS + j]!) * model.burnPerWeekCents;
  }
  out[O_LINES + LINE_SLIP] = slip;
  out[O_LINES + LINE_MITIGATION] = model.mitigationTotalCents;
  for (let j = 0; j < 6; j++) out[O_BUCKET_COST + j] += model.mitigationByBucket[j]!;
  // one-time vendor implementation fees: contracted, paid during foundation
  const vendorFees = model.license.implementationCents;
  out[O_LINES + LINE_VENDOR_FEES] = vendorFees;
  out[O_BUCKET_COST + 1] += vendorFees;
  out[O_TOTAL_COST] = labor + overlap + riskAmount + slip + model.mitigationTotalCents + vendorFees;
}

// ---------- Monte Carlo ----------
export interface Driver {
  key: string;
  label: string;
  kind: "input" | "risk";
}

/** What the loop keeps: per-iteration metrics (for percentiles) and streaming tornado/risk statistics. */
export interface SimulationResult {
  iterations: number;
  /** metric-major: metric m of iteration i at m * iterations + i (unsorted) */
  metrics: Float64Array;
  metricKeys: string[];
  drivers: Driver[];
  /** per driver × 2 outputs (duration, cost): [lowSum, lowCount, highSum, highCount, sumX, sumXX, sumXY] */
  driverStats: Float64Array;
  /** Σy and Σy² per output (duration, cost) */
  outputSums: Float64Array;
  riskStats: { occurrences: Float64Array; weeks: Float64Array; cost: Float64Array };
  p1Binding: Float64Array;
  /** per wave: iterations in which its earliest go-live was on or before its entered date (0 for waves without one) */
  waveDateMet: Float64Array;
}

export const DRIVER_STAT_SIZE = 7;

/**
 * Per-iteration metrics kept for percentiles. Hours per workstream are not stored: labor cost = hours ×
 * a constant rate, so their percentiles are the labor line's divided by the rate (only a workstream
 * whose rate is 0 needs its own hours metric).
 */
export function metricKeys(model: Model): string[] {
  const keys = ["totalWeeks", "finalGoLiveWeeks", "p3EndWeeks", "phase.P0", "phase.P1", "phase.P2", "phase.P3", "phase.P4", "totalCost"];
  for (const l of COST_LINES) keys.push(`line.${l}`);
  for (const b of BUCKETS) keys.push(`bucket.${b}`);
  keys.push("totalHours");
  for (let w = 0; w < WS_COUNT; w++) if (!(model.rates[w]! > 0)) keys.push(`hours.${w}`);
  return keys;
}

/** Copy the metrics of one evaluation (order of metricKeys()). */
function storeMetrics(model: Model, out: Float64Array, metrics: Float64Array, n: number, i: number): void {
  let m = 0;
  metrics[m++ * n + i] = out[O_TOTAL_WEEKS]!;
  metrics[m++ * n + i] = out[O_FINAL_GO_LIVE]!;
  metrics[m++ * n + i] = out[O_TOTAL_WEEKS]! - out[O_PHASE + 4]!;
  for (let j = 0; j < 5; j++) metrics[m++ * n + i] = out[O_PHASE + j]!;
  metrics[m++ * n + i] = out[O_TOTAL_COST]!;
  for (let l = 0; l < COST_LINES.length; l++) metrics[m++ * n + i] = out[O_LINES + l]!;
  for (let b = 0; b < 6; b++) metrics[m++ * n + i] = out[O_BUCKET_COST + b]!;
  metrics[m++ * n + i] = out[O_TOTAL_HOURS]!;
  for (let w = 0; w < WS_COUNT; w++) if (!(model.rates[w]! > 0)) metrics[m++ * n + i] = out[O_HOURS + w]!;
}

export function driversOf(model: Model): Driver[] {
  const d: Driver[] = [{ key: "systemic", label: "Overall productivity and estimating bias (shared systemic factor)", kind: "input" }];
  for (const w of model.workstreams) d.push({ key: `ws.${w.key}`, label: `${w.label} effort (three-point range)`, kind: "input" });
  d.push({ key: "phase.P0", label: "Scoping (Phase 0) duration", kind: "input" });
  d.push({ key: "phase.P1", label: "Minimum foundation (Phase 1) duration", kind: "input" });
  d.push({ key: "phase.P2", label: "Pilot (Phase 2) duration", kind: "input" });
  d.push({ key: "phase.stabilisation", label: "Stabilisation after the last wave", kind: "input" });
  d.push({ key: "phase.P4", label: "Decommission (Phase 4) duration", kind: "input" });
  model.wavePlan.waves.forEach((w, i) => d.push({ key: `wave.${i}`, label: `Cutover wave duration — ${w.name}`, kind: "input" }));
  for (const r of model.riskPrep.risks) d.push({ key: `risk.${r.title}`, label: `Risk: ${r.title}`, kind: "risk" });
  return d;
}

function sampleDist(d: PhaseDist, u: number): number {
  return d.min + d.range * tableQuantile(d.table, u);
}

export function simulate(model: Model, iterations: number, seed: number, budget?: TimeBudget): SimulationResult {
  const n = iterations;
  const drivers = driversOf(model);
  const nD = drivers.length;
  const nR = model.riskPrep.risks.length;
  const nWs = model.workstreams.length;
  const nW = model.waveCount;
  const firstWave = 1 + nWs + 5;
  const firstRisk = firstWave + nW;
  // one stream per driver, plus one impact stream per risk; keys are stable names, not positions
  const seeds: number[] = drivers.map((d) => streamSeed(seed, d.key));
  for (const r of model.riskPrep.risks) seeds.push(streamSeed(seed, `risk-impact.${r.title}`));
  const bank = new StreamBank(seeds);
  const keys = metricKeys(model);
  const metrics = new Float64Array(keys.length * n);
  const driverStats = new Float64Array(nD * 2 * DRIVER_STAT_SIZE);
  const outputSums = new Float64Array(4);
  const occurrences = new Float64Array(nR), riskWeeks = new Float64Array(nR), riskCost = new Float64Array(nR);
  const p1Binding = new Float64Array(P1_BOUNDS);
  const waveDateMet = new Float64Array(nW);
  const datedWaves: number[] = [];
  for (let w = 0; w < nW; w++) if (model.waveDates[w]! > NO_WAVE_DATE) datedWaves.push(w);
  const x = new Float64Array(nD);
  const s = new Sample(model);
  const sc = new Scratch(model);
  const out = new Float64Array(OUT_SIZE);
  const risks = model.riskPrep.risks;
  const wsTerms = model.workstreams.map((w) => w.terms);
  const riskCdfs = risks.map((r) => r.cdf);

  for (let i = 0; i < n; i++) {
    if (budget && (i & 1023) === 1023) budget.check(i, n);
    // ---- draw: exactly one uniform per driver (and one impact uniform per risk) per iteration ----
    let u = bank.next(0);
    x[0] = u;
    s.systemic = sampleDist(model.systemic, u);
    for (let k = 0; k < nWs; k++) {
      u = bank.next(1 + k);
      x[1 + k] = u;
      s.ws[k] = sampleTerms(wsTerms[k]!, u); // comonotonic within a workstream (terms.ts)
    }
    let d = 1 + nWs;
    u = bank.next(d); x[d++] = u; s.p0 = sampleDist(model.p0, u);
    u = bank.next(d); x[d++] = u; s.p1 = sampleDist(model.p1, u);
    u = bank.next(d); x[d++] = u; s.p2 = sampleDist(model.p2, u);
    u = bank.next(d); x[d++] = u; s.stabilisation = sampleDist(model.stabilisation, u);
    u = bank.next(d); x[d++] = u; s.p4 = sampleDist(model.p4, u);
    for (let w = 0; w < nW; w++) {
      u = bank.next(firstWave + w);
      x[firstWave + w] = u;
      s.waves[w] = sampleDist(model.wave, u);
    }
    for (let r = 0; r < nR; r++) {
      const k = discreteQuantile(riskCdfs[r]!, bank.next(firstRisk + r)); // occurrences ~ Binomial(n, p) by inverse CDF
      s.riskK[r] = k;
      s.riskU[r] = bank.next(nD + r);
      x[firstRisk + r] = k > 0 ? 1 : 0;
    }
    evaluate(model, s, out, sc);
    storeMetrics(model, out, metrics, n, i);
    // ---- streaming statistics ----
    const yD = out[O_TOTAL_WEEKS]!, yC = out[O_TOTAL_COST]!;
    outputSums[0] += yD;
    outputSums[1] += yD * yD;
    outputSums[2] += yC;
    outputSums[3] += yC * yC;
    p1Binding[out[O_P1_BINDING]!] += 1;
    for (let k = 0; k < datedWaves.length; k++) {
      const w = datedWaves[k]!;
      if (sc.naturalGoLive[w]! <= model.waveDates[w]! + 1e-9) waveDateMet[w] += 1;
    }
    // layout per driver: [lowΣD, lowN, highΣD, highN, Σx, Σx², ΣxD, lowΣC, lowN, highΣC, highN, –, –, ΣxC]
    for (let j = 0; j < firstRisk; j++) {
      const xv = x[j]!;
      const base = j * 2 * DRIVER_STAT_SIZE;
      if (xv <= 0.1) {
        driverStats[base] += yD; driverStats[base + 1] += 1;
        driverStats[base + 7] += yC; driverStats[base + 8] += 1;
      } else if (xv >= 0.9) {
        driverStats[base + 2] += yD; driverStats[base + 3] += 1;
        driverStats[base + 9] += yC; driverStats[base + 10] += 1;
      }
      driverStats[base + 4] += xv; driverStats[base + 5] += xv * xv; driverStats[base + 6] += xv * yD;
      driverStats[base + 13] += xv * yC;
    }
    // risks: x is the occurrence indicator; "low" = did not occur (derived from totals afterwards)
    for (let j = firstRisk; j < nD; j++) {
      if (x[j] === 0) continue;
      const base = j * 2 * DRIVER_STAT_SIZE;
      driverStats[base + 2] += yD; driverStats[base + 3] += 1;
      driverStats[base + 9] += yC; driverStats[base + 10] += 1;
      driverStats[base + 4] += 1; driverStats[base + 5] += 1; driverStats[base + 6] += yD;
      driverStats[base + 13] += yC;
    }
    for (let r = 0; r < nR; r++) {
      if (s.riskK[r] === 0) continue;
      occurrences[r] += 1;
      riskWeeks[r] += sc.riskWeeks[r]!;
      riskCost[r] += sc.riskCost[r]!;
    }
  }
  // risks' "did not occur" bins: everything that is not in the "occurred" bin
  for (let j = firstRisk; j < nD; j++) {
    const base = j * 2 * DRIVER_STAT_SIZE;
    driverStats[base] = outputSums[0]! - driverStats[base + 2]!;
    driverStats[base + 1] = n - driverStats[base + 3]!;
    driverStats[base + 7] = outputSums[2]! - driverStats[base + 9]!;
    driverStats[base + 8] = n - driverStats[base + 10]!;
  }
  return { iterations: n, metrics, metricKeys: keys, drivers, driverStats, outputSums, riskStats: { occurrences, weeks: riskWeeks, cost: riskCost }, p1Binding, waveDateMet };
}
