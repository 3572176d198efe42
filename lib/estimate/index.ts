// The estimation engine: a pure function from an engagement document to an explainable,
// risk-adjusted estimate (ESTIMATION.md). No I/O, no clock, no Math.random: same input + seed →
// same output. Model documentation: docs/estimation.md.
import { MIGRATION_TYPE_LABELS, WORKSTREAMS, type EngagementDocument, type Workstream } from "@/lib/engagement-format/schema";
import { addWeeks, weeksBetween, WEEKS_PER_MONTH } from "./calendar";
import { DEFAULT_CONSTANTS } from "./defaults";
import { assertFiniteDocument, assertFiniteOutput, defaultTimeBudgetMs, EstimateInputError, MAX_PLAN_WEEKS, TimeBudget } from "./guard";
import { WORKSTREAM_LABELS } from "./effort";
import { buildExplanations, COST_LINE_LABELS } from "./explain";
import { fieldRange, honestyFlags, inputConfidence, sizeClassOf } from "./flags";
import { ganttBars, monthlyCost, PHASE_LABELS, scaleWaves } from "./gantt";
import type { OverlapInterval } from "./license";
import { buildModel, ROLE_LANES, WS_INDEX, type Model } from "./model";
import {
  BUCKETS,
  baseSample,
  COST_LINES,
  evaluate,
  O_BUCKET_COST,
  O_FINAL_GO_LIVE,
  O_HOURS,
  O_LINES,
  O_OVERLAP_PARTS,
  O_P1_BINDING,
  O_P1_BOUNDS,
  O_PHASE,
  O_TOTAL_COST,
  O_TOTAL_HOURS,
  O_TOTAL_WEEKS,
  OUT_SIZE,
  P1_BOUND_LABELS,
  Scratch,
  simulate,
  type CostLineKey,
} from "./simulate";
import { sCurve, summarizer, tornado } from "./summarize";
import type { Distribution, Estimate, GanttBar, LabelledDistribution, LaneOut, PhaseKey, RiskOut } from "./types";

export const ENGINE_VERSION = "2.4.0"; // 2: go-live tracks, blackouts, increments, lanes, scale; 2.1: license per source system, flat fees never ramp, vendor fees, "not entered"; 2.2: money in explanations as typed values; 2.3: testing and PM no longer on top of whole-lifecycle build hours; 2.4: entered wave go-live dates are constraints (stored results of older versions are recomputed)
export const DEFAULT_ITERATIONS = 10_000;
export const MAX_ITERATIONS = 100_000;
export const DEFAULT_SEED = 1;
export const DEFAULT_PERCENTILES = [10, 50, 80, 90] as const;
/** points on each S-curve */
export const S_CURVE_POINTS = 41;

export interface EstimateOptions {
  /** Monte Carlo iterations (default 10,000; at most 100,000) */
  iterations?: number;
  /** PRNG seed (integer; default 1) */
  seed?: number;
  /** percentiles to report, each in (0, 100) (default 10, 50, 80, 90) */
  percentiles?: number[];
  /**
   * Time budget of the Monte Carlo loop in ms (default 10 s per 10k iterations, at least 10 s). Past it the
   * estimate throws EstimateInputError rather than holding the CPU. 0 = no budget.
   */
  timeBudgetMs?: number;
  /** the clock the budget is measured with (default performance.now); tests inject one */
  now?: () => number;
}

export class EstimateOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EstimateOptionsError";
  }
}

export function normalizeOptions(options: EstimateOptions = {}): { iterations: number; seed: number; percentiles: number[]; timeBudgetMs: number } {
  const iterations = options.iterations ?? DEFAULT_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
    throw new EstimateOptionsError(`iterations must be an integer from 1 to ${MAX_ITERATIONS} (got ${iterations})`);
  }
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new EstimateOptionsError(`seed must be an integer from 0 to 4294967295 (got ${seed})`);
  const percentiles = [...new Set(options.percentiles ?? DEFAULT_PERCENTILES)].sort((a, b) => a - b);
  if (percentiles.length === 0 || percentiles.some((p) => !Number.isFinite(p) || p <= 0 || p >= 100)) {
    throw new EstimateOptionsError(`percentiles must be numbers strictly between 0 and 100 (got ${JSON.stringify(options.percentiles)})`);
  }
  const timeBudgetMs = options.timeBudgetMs ?? defaultTimeBudgetMs(iterations);
  if (!Number.isFinite(timeBudgetMs) || timeBudgetMs < 0) throw new EstimateOptionsError(`timeBudgetMs must be a number of milliseconds ≥ 0 (got ${options.timeBudgetMs})`);
  return { iterations, seed, percentiles, timeBudgetMs };
}

const cents = (v: number) => Math.round(v);
const w2 = (v: number) => Math.round(v * 100) / 100;
const h0 = (v: number) => Math.round(v);

const ROLES: { role: string; workstreams: Workstream[] }[] = [
  { role: "Data migration engineer", workstreams: ["data_migration", "audit_trail"] },
  { role: "Clinical workflow analyst", workstreams: ["workflow"] },
  { role: "Interface engineer", workstreams: ["integrations"] },
  { role: "Reporting analyst", workstreams: ["reports"] },
  { role: "Software engineer", workstreams: ["build"] },
  { role: "Test analyst", workstreams: ["testing"] },
  { role: "Trainer / go-live support", workstreams: ["training"] },
  { role: "Project manager", workstreams: ["project_management"] },
];

/** Estimate an engagement. `doc` must be the output of EngagementDocumentSchema.parse. */
export function estimate(doc: EngagementDocument, options?: EstimateOptions): Estimate {
  const { iterations, seed, percentiles, timeBudgetMs } = normalizeOptions(options);
  assertFiniteDocument(doc);
  const model = buildModel(doc);
  const start = doc.engagement.plannedStart;
  model.wavePlan.waves.forEach((w, i) => {
    if (w.goLiveDate && (model.waveDates[i] as number) > MAX_PLAN_WEEKS) {
      throw new EstimateInputError(`assumptions.waves.${i}.goLiveDate: ${w.name}'s entered go-live date ${w.goLiveDate} is more than ${MAX_PLAN_WEEKS / 52} years after the planned start (${start}) — beyond the horizon the engine models`);
    }
  });

  // ---- deterministic base plan ----
  const baseOut = new Float64Array(OUT_SIZE);
  const baseScratch = new Scratch(model);
  const intervals: OverlapInterval[] = [];
  evaluate(model, baseSample(model), baseOut, baseScratch, intervals);
  const basePhases = [0, 1, 2, 3, 4].map((j) => baseOut[O_PHASE + j] as number);
  const baseHours = Object.fromEntries(WORKSTREAMS.map((w, i) => [w, baseOut[O_HOURS + i] as number])) as Record<Workstream, number>;
  const baseLines = Object.fromEntries(COST_LINES.map((l, i) => [l, baseOut[O_LINES + i] as number])) as Record<CostLineKey, number>;
  const baseWeeks = baseOut[O_TOTAL_WEEKS] as number;
  const baseCost = baseOut[O_TOTAL_COST] as number;
  if (!(baseWeeks <= MAX_PLAN_WEEKS)) {
    throw new EstimateInputError(
      `the base plan would take ${Number.isFinite(baseWeeks) ? `${Math.round(baseWeeks / 52)} years` : "forever"} — beyond the ${MAX_PLAN_WEEKS / 52} years the engine models; check the team size and the largest inventory counts (phases: ${basePhases.map((w) => Math.round(w)).join(" / ")} weeks)`,
    );
  }
  const baseWaves = model.wavePlan.waves.map((_, i) => ({ start: baseScratch.waveStarts[i] as number, goLive: baseScratch.goLives[i] as number, end: baseScratch.waveEnds[i] as number }));

  // ---- engine v2: sequential comparison, lanes and what one more person saves (base plan) ----
  const evalBase = (m: typeof model) => {
    const o = new Float64Array(OUT_SIZE);
    evaluate(m, baseSample(m), o, new Scratch(m));
    return o;
  };
  const sequentialOut = model.cutover.tracks > 1 ? evalBase({ ...model, cutover: { ...model.cutover, tracks: 1 } }) : baseOut;
  const hPerWeek = doc.assumptions.productiveHoursPerWeek;
  const bindingIndex = baseOut[O_P1_BINDING] as number;
  const laneKeys = ["minimum", "team", "interfaces", "build", ...ROLE_LANES.map((r) => r.key)] as const;
  const bindingLane: LaneOut["key"] = laneKeys[bindingIndex] ?? "minimum";
  const roleIndex = ROLE_LANES.findIndex((r) => r.key === bindingLane);
  const moreOut =
    bindingLane === "team" ? evalBase({ ...model, teamHoursPerWeek: model.teamHoursPerWeek + hPerWeek })
    : bindingLane === "interfaces" ? evalBase({ ...model, laneHoursPerWeek: model.laneHoursPerWeek + hPerWeek })
    : bindingLane === "build" && model.buildLaneHoursPerWeek > 0 ? evalBase({ ...model, buildLaneHoursPerWeek: model.buildLaneHoursPerWeek + hPerWeek })
    : roleIndex >= 0 ? evalBase({ ...model, roleLaneHoursPerWeek: model.roleLaneHoursPerWeek.map((h, k) => (k === roleIndex ? h + hPerWeek : h)) })
    : baseOut;

  // ---- Monte Carlo ----
  const clock = options?.now ?? (() => performance.now());
  const sim = simulate(model, iterations, seed, timeBudgetMs > 0 ? new TimeBudget(timeBudgetMs, clock) : undefined);
  const sum = summarizer(sim, percentiles);
  const targetGoLive = doc.assumptions.targetGoLive;
  const targetBudget = doc.assumptions.targetBudgetCents ?? null;
  const dist = (key: string, base: number, round: (v: number) => number): Distribution => sum.dist(key, base, round);
  const q = (key: string, p: number) => sum.quantile(key, p);

  const phases = {} as Estimate["duration"]["phases"];
  (["P0", "P1", "P2", "P3", "P4"] as PhaseKey[]).forEach((p, j) => {
    const fieldKey = p === "P3" ? null : `field.minWeeks.${p}`;
    // P3: the waves run on concurrent go-live tracks, so its minimum is the minimum wave × waves per track;
    // a small organization's scoping and foundation minimums are scaled like their durations
    const fieldMin = fieldKey
      ? (model.c[fieldKey] as number) * (p === "P0" || p === "P1" ? model.phaseFactor : 1)
      : (model.c["field.minWeeks.wave"] as number) * Math.ceil(model.waveCount / Math.max(1, model.cutover.tracks));
    phases[p] = { label: PHASE_LABELS[p], ...dist(`phase.${p}`, basePhases[j] as number, w2), fieldMinimumWeeks: fieldMin };
  });
  const totalWeeks = dist("totalWeeks", baseWeeks, w2);
  const toMonths = (d: Distribution): Distribution => ({
    base: w2(d.base / WEEKS_PER_MONTH),
    mean: w2(d.mean / WEEKS_PER_MONTH),
    min: w2(d.min / WEEKS_PER_MONTH),
    max: w2(d.max / WEEKS_PER_MONTH),
    percentiles: Object.fromEntries(Object.entries(d.percentiles).map(([k, v]) => [k, w2(v / WEEKS_PER_MONTH)])),
  });
  const workstreamDists = {} as Record<Workstream, LabelledDistribution>;
  const lineDists = {} as Record<CostLineKey, LabelledDistribution>;
  COST_LINES.forEach((l) => (lineDists[l] = { label: COST_LINE_LABELS[l], ...dist(`line.${l}`, baseLines[l], cents) }));
  WORKSTREAMS.forEach((w, i) => {
    const rate = model.rates[i] as number;
    if (!(rate > 0)) {
      workstreamDists[w] = { label: WORKSTREAM_LABELS[w], ...dist(`hours.${i}`, baseHours[w], h0) };
      return;
    }
    // labor = hours × a constant rate, so the hours' distribution is the labor line's ÷ rate
    const d = dist(`line.labor.${w}`, baseLines[`labor.${w}` as CostLineKey], (v) => v);
    workstreamDists[w] = {
      label: WORKSTREAM_LABELS[w],
      base: h0(baseHours[w]),
      mean: h0(d.mean / rate),
      min: h0(d.min / rate),
      max: h0(d.max / rate),
      percentiles: Object.fromEntries(Object.entries(d.percentiles).map(([k, v]) => [k, h0(v / rate)])),
    };
  });

  // ---- contingency ----
  const p80Weeks = q("totalWeeks", 80);
  const p80Cost = q("totalCost", 80);
  const p50Cost = q("totalCost", 50);

  // ---- Gantt: base plan, and a P80 scenario (mean phase split of the iterations around P80, scaled to P80) ----
  const baseGantt = ganttBars(model, basePhases, baseWaves);
  const p80Gantt = p80Scenario(sum, p80Weeks, iterations, (phasesP80) => {
    const p3Start = phasesP80[0]! + phasesP80[1]! + phasesP80[2]!;
    const refP3Start = basePhases[0]! + basePhases[1]! + basePhases[2]!;
    return ganttBars(model, phasesP80, scaleWaves(baseWaves, refP3Start, basePhases[3]!, p3Start, phasesP80[3]!));
  });

  // ---- breakdowns ----
  const byWorkstream = WORKSTREAMS.map((w) => {
    const wm = model.workstreams.find((x) => x.key === w);
    return {
      workstream: w,
      label: WORKSTREAM_LABELS[w],
      role: ROLES.find((r) => r.workstreams.includes(w))?.role ?? "",
      rateCents: model.rates[WS_INDEX[w]] as number,
      hours: { ...workstreamDists[w] },
      cost: { ...lineDists[`labor.${w}` as CostLineKey] },
      topItems: (wm?.components ?? []).slice(0, 10).map((x) => ({ label: x.label, likelyHours: h0(x.likelyHours) })),
    };
  }).map(({ hours, cost, ...rest }) => ({ ...rest, hours: stripLabel(hours), cost: stripLabel(cost) }));
  const byRole = ROLES.map((r) => ({
    role: r.role,
    workstreams: r.workstreams,
    hoursBase: h0(r.workstreams.reduce((s, w) => s + baseHours[w], 0)),
    costBaseCents: cents(r.workstreams.reduce((s, w) => s + baseLines[`labor.${w}` as CostLineKey], 0)),
    costMeanCents: cents(r.workstreams.reduce((s, w) => s + sum.mean(`line.labor.${w}`), 0)),
  })).filter((r) => r.hoursBase > 0 || r.costMeanCents > 0);
  const bucketLabels: Record<string, string> = { ...PHASE_LABELS, after: "After decommission (source contract tail, archive)" };
  const byPhase = BUCKETS.map((b, j) => ({ phase: b, label: bucketLabels[b] as string, cost: dist(`bucket.${b}`, baseOut[O_BUCKET_COST + j] as number, cents) }));
  const byMonth = monthlyCost(model, basePhases, WORKSTREAMS.map((w) => baseHours[w]), intervals);

  // ---- license overlap ----
  const overlapBase = { totalCents: cents(baseLines.license_overlap), destinationCents: cents(baseOut[O_OVERLAP_PARTS] as number), sourceCents: cents(baseOut[O_OVERLAP_PARTS + 1] as number), archiveCents: cents(baseOut[O_OVERLAP_PARTS + 2] as number) };
  const ivCents = (iv: OverlapInterval) => (iv.endWeek - iv.startWeek) * iv.centsPerWeek;
  const ivMonths = (ivs: OverlapInterval[]) => w2(ivs.reduce((m, iv) => Math.max(m, iv.endWeek - iv.startWeek), 0) / WEEKS_PER_MONTH);
  const perWave = model.wavePlan.waves.map((w, i) => {
    const d = intervals.filter((iv) => iv.kind === "destination" && iv.wave === i);
    const s = intervals.filter((iv) => iv.kind === "source" && iv.wave === i);
    return { wave: w.name, destinationCents: cents(d.reduce((x, iv) => x + ivCents(iv), 0)), sourceCents: cents(s.reduce((x, iv) => x + ivCents(iv), 0)), destinationMonths: ivMonths(d), sourceMonths: ivMonths(s) };
  });
  const flatIntervals = intervals.filter((iv) => iv.wave === -1 && iv.kind !== "archive");
  const overlapFlat = {
    destinationCents: cents(flatIntervals.filter((iv) => iv.kind === "destination").reduce((x, iv) => x + ivCents(iv), 0)),
    sourceCents: cents(flatIntervals.filter((iv) => iv.kind === "source").reduce((x, iv) => x + ivCents(iv), 0)),
  };
  const perSource = model.license.sources.map((src, k) => {
    const ivs = intervals.filter((iv) => iv.kind === "source" && iv.source === k);
    return {
      name: src.name,
      entered: src.entered,
      feeBasis: src.basis,
      monthlyCents: src.entered ? cents(src.monthlyCents) : null,
      rampsDown: src.rampsDown,
      contractEnd: src.contractEnd,
      releaseDate: ivs.length > 0 ? addWeeks(start, Math.max(...ivs.map((iv) => iv.endWeek))) : null,
      baseCents: cents(ivs.reduce((x, iv) => x + ivCents(iv), 0)),
    };
  });
  const overlapP50 = q("line.license_overlap", 50);
  const lic = model.license;

  // ---- risks ----
  const risks: RiskOut[] = model.riskPrep.risks.map((r, i) => ({
    title: r.title,
    libraryKey: r.libraryKey,
    source: r.source,
    scope: r.scope,
    phase: (["P0", "P1", "P2", "P3", "P4"] as PhaseKey[])[r.phaseIndex] as PhaseKey,
    instances: r.instances,
    probability: r.probability,
    probabilitySource: r.probabilitySource,
    probabilityAnyOccurrence: Math.round(r.probabilityAny * 1e4) / 1e4,
    mitigated: r.mitigated,
    impactScale: r.impactScale,
    mitigationCostCents: r.mitigationCostCents,
    scheduleImpactAssumed: r.scheduleAssumed,
    simulatedOccurrence: Math.round(((sim.riskStats.occurrences[i] as number) / iterations) * 1e4) / 1e4,
    meanWeeksAdded: w2((sim.riskStats.weeks[i] as number) / iterations),
    meanCostCents: cents((sim.riskStats.cost[i] as number) / iterations),
  }));

  // ---- flags, confidence, explanations ----
  const confidence = inputConfidence(doc);
  const flags = honestyFlags({ model, sum, baseWeeks, basePhases, baseBuildHours: baseHours.build, confidence });
  const moved = model.wavePlan.waves
    .map((w, i) => ({ wave: w.name, weeks: w2(baseScratch.blackoutShift[i] as number), goLiveDate: addWeeks(start, baseScratch.goLives[i] as number), i }))
    .filter((m) => m.weeks > 0)
    .map(({ i, ...m }) => ({ ...m, reason: blackoutAt(model.blackoutLabels, baseScratch.goLives[i] as number) }));
  if (moved.length > 0) {
    flags.push({
      code: "GO_LIVE_MOVED_BY_BLACKOUT",
      severity: "info",
      message: `The plan moves ${moved.length === 1 ? "one go-live" : `${moved.length} go-lives`} out of blackout windows (cut over in periods of low clinical volume): ${moved.map((m) => `${m.wave} by ${round1(m.weeks)} weeks to ${m.goLiveDate} (${m.reason})`).join("; ")}.`,
      data: { goLivesMoved: moved.length, weeksMoved: w2(moved.reduce((x, m) => x + m.weeks, 0)) },
    });
  }
  const waits = model.wavePlan.waves.map((w, i) => ({ wave: w.name, weeks: baseScratch.buildWait[i] as number })).filter((x) => x.weeks > 0.05);
  if (waits.length > 0) {
    flags.push({
      code: "WAVE_WAITS_FOR_BUILD",
      severity: "warning",
      message: `${waits.map((x) => `${x.wave} waits ${round1(x.weeks)} weeks`).join("; ")} for its functions to be built: the build, not cutover capacity, sets ${waits.length === 1 ? "its" : "their"} go-live. Going live before the increment is built would run the cohort on half-built functions — the "replaced one workflow well, three poorly" failure.`,
      data: { wavesWaiting: waits.length, weeksWaiting: w2(waits.reduce((x, y) => x + y.weeks, 0)), buildDoneWeek: w2(baseScratch.buildReadyWeek) },
    });
  }
  // entered go-live dates the plan cannot meet: by how much and why (what set the wave's earliest go-live)
  const p3Start = basePhases[0]! + basePhases[1]! + basePhases[2]!;
  const missReason = model.wavePlan.waves.map((w, i) => {
    if (!w.goLiveDate || !((baseScratch.naturalGoLive[i] as number) > (model.waveDates[i] as number) + 1e-6)) return null;
    const shift = baseScratch.blackoutShift[i] as number;
    const moved = shift > 0 ? `, and then a blackout (${blackoutAt(model.blackoutLabels, baseScratch.goLives[i] as number)}) moves it ${round1(shift)} weeks more` : "";
    const cause = baseScratch.startCause[i];
    if (cause === 2) return `its functions are built only by ${addWeeks(start, (baseScratch.waveStarts[i] as number) - shift)} (the build increment ahead of it)${moved}`;
    if (cause === 1) return `its go-live track is busy with the waves before it (${model.cutover.tracks === 1 ? "one go-live track" : `${model.cutover.tracks} go-live tracks`}, at least ${model.cutover.gapWeeks} weeks between two go-lives on a track)${moved}`;
    return `no wave goes live before the foundation and the pilot are done (${addWeeks(start, p3Start)})${moved}`;
  });
  const misses = model.wavePlan.waves
    .map((w, i) => ({ w, i, reason: missReason[i], weeks: (baseScratch.goLives[i] as number) - (model.waveDates[i] as number) }))
    .filter((x) => x.reason !== null);
  if (misses.length > 0) {
    flags.push({
      code: "WAVE_DATE_NOT_MET",
      severity: "warning",
      message: `The plan cannot meet ${misses.length === 1 ? "an entered go-live date" : `${misses.length} entered go-live dates`}: ${misses.map((r) => `${r.w.name} (entered ${r.w.goLiveDate}) goes live ${addWeeks(start, baseScratch.goLives[r.i] as number)}, ${round1(r.weeks)} weeks later, because ${r.reason}`).join("; ")}. Move the date, add go-live capacity or shorten what comes before it.`,
      data: { wavesLate: misses.length, weeksLate: w2(Math.max(...misses.map((r) => r.weeks))), firstWave: misses[0]!.w.name },
    });
  }
  const size = sizeClassOf(model);
  const explanations = buildExplanations({
    model,
    base: {
      phases: basePhases,
      hours: baseHours,
      lines: baseLines,
      totalWeeks: baseWeeks,
      totalCost: baseCost,
      p1Bounds: P1_BOUND_LABELS.map((_, i) => baseOut[O_P1_BOUNDS + i] as number),
      p1Binding: baseOut[O_P1_BINDING] as number,
      overlap: { destination: overlapBase.destinationCents, source: overlapBase.sourceCents, archive: overlapBase.archiveCents },
    },
    p50: {
      weeks: q("totalWeeks", 50),
      cost: p50Cost,
      phases: ["P0", "P1", "P2", "P3", "P4"].map((p) => q(`phase.${p}`, 50)),
      lines: Object.fromEntries(COST_LINES.map((l) => [l, q(`line.${l}`, 50)])) as Record<CostLineKey, number>,
    },
    p80: { weeks: p80Weeks, cost: p80Cost },
    confidence,
  });

  const phase1Binding: Record<string, number> = {};
  P1_BOUND_LABELS.forEach((label, i) => {
    if (laneActive(model, i)) phase1Binding[label] = Math.round(((sim.p1Binding[i] as number) / iterations) * 1e4) / 1e4;
  });

  const result: Estimate = {
    schemaVersion: 1,
    engine: { name: "sounding-estimate", version: ENGINE_VERSION },
    input: {
      clientName: doc.engagement.clientName,
      engagementName: doc.engagement.name,
      migrationType: model.type,
      migrationTypeName: MIGRATION_TYPE_LABELS[model.type].name,
      plannedStart: start,
      currency: doc.engagement.currency,
      sizeClass: size,
      providers: doc.engagement.profile.providers,
      fieldRangeMonths: fieldRange(model, size),
    },
    run: { seed, iterations, percentiles },
    duration: { totalWeeks, totalMonths: toMonths(totalWeeks), finalGoLiveWeeks: dist("finalGoLiveWeeks", baseOut[O_FINAL_GO_LIVE] as number, w2), phases },
    effort: { totalHours: dist("totalHours", baseOut[O_TOTAL_HOURS] as number, h0), workstreams: workstreamDists },
    cost: { totalCents: dist("totalCost", baseCost, cents), lines: lineDists },
    basePlan: {
      totalWeeks: w2(baseWeeks),
      totalMonths: w2(baseWeeks / WEEKS_PER_MONTH),
      finalGoLiveWeeks: w2(baseOut[O_FINAL_GO_LIVE] as number),
      endDate: addWeeks(start, baseWeeks),
      finalGoLiveDate: addWeeks(start, baseOut[O_FINAL_GO_LIVE] as number),
      phases: { P0: w2(basePhases[0]!), P1: w2(basePhases[1]!), P2: w2(basePhases[2]!), P3: w2(basePhases[3]!), P4: w2(basePhases[4]!) },
      totalCostCents: cents(baseCost),
      lines: Object.fromEntries(COST_LINES.map((l) => [l, cents(baseLines[l])])) as Record<CostLineKey, number>,
      hours: Object.fromEntries(WORKSTREAMS.map((w) => [w, h0(baseHours[w])])) as Record<Workstream, number>,
      phase1: {
        binding: P1_BOUND_LABELS[baseOut[O_P1_BINDING] as number] as string,
        candidatesWeeks: Object.fromEntries(P1_BOUND_LABELS.flatMap((l, i) => (laneActive(model, i) ? [[l, w2(baseOut[O_P1_BOUNDS + i] as number)]] : []))),
      },
    },
    sCurves: {
      durationWeeks: sCurve(sum.sorted("totalWeeks"), S_CURVE_POINTS, w2),
      costCents: sCurve(sum.sorted("totalCost"), S_CURVE_POINTS, cents),
      finalGoLiveWeeks: sCurve(sum.sorted("finalGoLiveWeeks"), S_CURVE_POINTS, w2),
    },
    targets: {
      goLive: targetGoLive ? { date: targetGoLive, weeks: w2(weeksBetween(start, targetGoLive)), probability: Math.round(sum.cdfAt("finalGoLiveWeeks", weeksBetween(start, targetGoLive)) * 1e4) / 1e4 } : null,
      budget: targetBudget !== null ? { cents: targetBudget, probability: Math.round(sum.cdfAt("totalCost", targetBudget) * 1e4) / 1e4 } : null,
    },
    tornado: { duration: tornado(sim, 0, w2), cost: tornado(sim, 1, cents) },
    contingency: {
      costCents: cents(p80Cost - baseCost),
      durationWeeks: w2(p80Weeks - baseWeeks),
      costP80Cents: cents(p80Cost),
      durationP80Weeks: w2(p80Weeks),
      costShareOfBase: baseCost > 0 ? Math.round(((p80Cost - baseCost) / baseCost) * 1e4) / 1e4 : 0,
      durationRatioP80ToBase: baseWeeks > 0 ? Math.round((p80Weeks / baseWeeks) * 1e4) / 1e4 : 0,
    },
    gantt: { base: baseGantt, p80: p80Gantt },
    breakdown: { byWorkstream, byRole, byPhase, byMonth },
    licenseOverlap: {
      semantics: lic.semantics,
      base: overlapBase,
      band: { p10: cents(q("line.license_overlap", 10)), p50: cents(overlapP50), p90: cents(q("line.license_overlap", 90)), mean: cents(sum.mean("line.license_overlap")) },
      shareOfTotalCostP50: p50Cost > 0 ? Math.round((overlapP50 / p50Cost) * 1e4) / 1e4 : 0,
      perWave,
      flat: overlapFlat,
      perSource,
      fees: lic.status,
      notEntered: [...lic.missing, ...(model.type === "A" && !lic.implementationEntered ? ["one-time vendor implementation fees"] : [])],
      vendorFeesCents: lic.implementationEntered ? cents(lic.implementationCents) : null,
      explanation: lic.status === "not_entered" ? `${lic.semantics} No license, hosting or infrastructure fee is entered, so the overlap is not known — it is not zero: paying two systems at once is usually a visible share of the total. Enter the fees on the assumptions page.` : `${lic.semantics}${lic.status === "partial" ? ` Not entered: ${lic.missing.join(", ")}.` : ""} In the base plan the client pays ${fmt(overlapBase.destinationCents)} for the destination before go-lives, ${fmt(overlapBase.sourceCents)} for the source after go-lives${overlapBase.archiveCents > 0 ? ` and ${fmt(overlapBase.archiveCents)} for read-only archive access` : ""}; the band (P10–P90) is ${fmt(q("line.license_overlap", 10))}–${fmt(q("line.license_overlap", 90))} because every week the schedule slips is a week of double fees.`,
    },
    waves: {
      derived: model.wavePlan.derived,
      basis: model.wavePlan.basis,
      waves: model.wavePlan.waves.map((w, i) => ({
        name: w.name,
        cohort: w.cohort,
        providers: w.providers,
        users: w.users,
        share: Math.round(w.share * 1e4) / 1e4,
        sizeFactor: Math.round(w.sizeFactor * 1e4) / 1e4,
        baseStartWeek: w2(baseWaves[i]!.start),
        baseGoLiveWeek: w2(baseWaves[i]!.goLive),
        baseGoLiveDate: addWeeks(start, baseWaves[i]!.goLive),
        baseEndWeek: w2(baseWaves[i]!.end),
        track: baseScratch.waveTrack[i] as number,
        blackoutShiftWeeks: w2(baseScratch.blackoutShift[i] as number),
        buildWaitWeeks: w2(baseScratch.buildWait[i] as number),
        enteredGoLiveDate: w.goLiveDate,
        dateHoldWeeks: w2(baseScratch.dateHold[i] as number),
        dateMissWeeks: w.goLiveDate ? (missReason[i] ? w2((baseScratch.goLives[i] as number) - (model.waveDates[i] as number)) : 0) : null,
        dateMissReason: missReason[i] ?? null,
        dateProbability: w.goLiveDate ? Math.round(((sim.waveDateMet[i] as number) / iterations) * 1e4) / 1e4 : null,
      })),
      count: model.waveCount,
    },
    cutover: {
      tracks: model.cutover.tracks,
      tracksDerived: model.cutover.tracksDerived,
      tracksBasis: model.cutover.tracksDerived
        ? `Derived: one concurrent go-live track per ${model.c["cutover.ftePerTrack"]} FTE of a team of ${doc.assumptions.teamFte}, at most one per wave.`
        : `Entered: ${model.cutover.tracks} concurrent go-live track${model.cutover.tracks === 1 ? "" : "s"}.`,
      gapWeeks: model.cutover.gapWeeks,
      blackouts: model.blackoutLabels
        .filter((b) => b.endWeek > 0 && b.startWeek < baseWeeks + 52)
        .map((b) => ({ label: b.label, startWeek: w2(b.startWeek), endWeek: w2(b.endWeek), start: addWeeks(start, b.startWeek), end: addWeeks(start, b.endWeek) })),
      moved,
      phase1BuildShare: Math.round(model.phase1BuildShare * 1e4) / 1e4,
      buildDoneWeek: model.cocomo.enabled ? w2(baseScratch.buildReadyWeek) : null,
      sequentialCutoverWeeks: w2(sequentialOut[O_PHASE + 3] as number),
    },
    lanes: {
      binding: bindingLane,
      bindingLabel: P1_BOUND_LABELS[bindingIndex] as string,
      lanes: laneRows(model, baseOut, doc.assumptions.teamFte),
      oneMorePerson: oneMorePerson(model, bindingLane, baseWeeks, baseCost, moreOut, basePhases[1]!),
      staffing: staffingRows(model, doc.assumptions.interfaceEngineers),
    },
    risks,
    phase1Binding,
    flags,
    inputConfidence: confidence,
    assumptions: {
      overridden: model.constants.overridden.map((key) => ({ key, value: model.c[key] as number, default: DEFAULT_CONSTANTS[key] as number })),
      issues: model.constants.issues,
    },
    explanations,
  };
  assertFiniteOutput(result);
  return result;
}

const round1 = (v: number) => Math.round(v * 10) / 10;
const fte1 = (v: number) => Math.round(v * 10) / 10;

/** Phase 1 bound i is a lane of this engagement: the four of engine 2, and each role lane staffed as its own */
function laneActive(model: Model, i: number): boolean {
  return i < 4 || (model.roleLaneHoursPerWeek[i - 4] as number) > 0;
}

function laneRows(model: Model, baseOut: Float64Array, teamFte: number): LaneOut[] {
  const st = model.staffing;
  const weeks = (i: number) => w2(baseOut[O_P1_BOUNDS + i] as number);
  const notEntered = st.roles.filter((r) => r.entered === null).map((r) => r.label.toLowerCase());
  const rows: LaneOut[] = [
    { key: "minimum", label: "Minimum foundation duration", fte: null, basis: "Calendar minimum of the playbook (design decisions, vendor provisioning)", weeks: weeks(0) },
    st.anyRoleEntered
      ? { key: "team", label: `Rest of the migration team (${[...notEntered, "reports", "testing", "interfaces' volume"].join(", ")})`, fte: fte1(st.poolFte), basis: `Derived: the share of the team of ${teamFte} FTE for the work of the roles not entered, by their Phase 1 effort`, weeks: weeks(1) }
      : { key: "team", label: "Migration team (data, workflow, reports, testing, training)", fte: teamFte, basis: "Entered team size", weeks: weeks(1) },
    {
      key: "interfaces",
      label: "Interface engineers",
      fte: model.lanes.interfaceEngineers,
      basis: model.lanes.interfaceEngineers > model.lanes.interfaceEngineersEntered
        ? `Derived: the team's share by interface effort (${model.lanes.interfaceEngineersDerived}) is more than the ${model.lanes.interfaceEngineersEntered} entered`
        : `Entered: ${model.lanes.interfaceEngineersEntered}`,
      weeks: weeks(2),
    },
  ];
  if (model.cocomo.enabled) {
    rows.push(
      st.buildEntered !== null
        ? { key: "build", label: "Build developers (the core and the pilot's slice)", fte: st.buildEntered, basis: `Entered: ${st.buildEntered}; never faster than 75% of the COCOMO II schedule${st.derivedBuildFte !== null ? ` (COCOMO II staffs it with ${st.derivedBuildFte} on average)` : ""}`, weeks: weeks(3) }
        : { key: "build", label: "Build team (COCOMO II schedule of the core and the pilot's slice)", fte: st.derivedBuildFte, basis: "Derived: staffed as COCOMO II implies (effort ÷ schedule); its schedule cannot be compressed below 75% of nominal", weeks: weeks(3) },
    );
  }
  st.roles.forEach((r, k) => {
    if (r.entered !== null) rows.push({ key: r.key, label: r.label, fte: r.entered, basis: `Entered: ${r.entered} (derived from the team it would be ${r.derived})`, weeks: weeks(4 + k) });
  });
  return rows;
}

function staffingRows(model: Model, interfaceEngineers: number): Estimate["lanes"]["staffing"] {
  const st = model.staffing;
  const rows: Estimate["lanes"]["staffing"] = st.roles.map((r) => ({
    role: r.key,
    label: r.label,
    fte: r.entered ?? r.derived,
    entered: r.entered !== null,
    basis: r.entered !== null ? "Entered: its own Phase 1 lane" : "Derived: the team size × the role's share of the team's Phase 1 effort (most-likely hours); works in the pooled team lane",
  }));
  rows.push({ role: "interfaces", label: "Interface engineers", fte: model.lanes.interfaceEngineers, entered: model.lanes.interfaceEngineers <= interfaceEngineers, basis: "Entered, or the team's share by interface effort when larger; bounds how many interfaces are rebuilt at once" });
  if (model.cocomo.enabled) rows.push({ role: "build", label: "Build developers", fte: st.buildEntered ?? st.derivedBuildFte, entered: st.buildEntered !== null, basis: st.buildEntered !== null ? "Entered: its own Phase 1 lane, never faster than 75% of the COCOMO II schedule" : "Derived: COCOMO II average staffing (Phase 0–1 build effort in person-months ÷ its schedule in months)" });
  rows.push({ role: "project_management", label: "Project management", fte: null, entered: false, basis: "Not a lane: project-management hours are a share of the effort (pm.share) spread over the calendar, so they never bound Phase 1" });
  return rows;
}

function oneMorePerson(model: Model, lane: LaneOut["key"], baseWeeks: number, baseCost: number, moreOut: Float64Array, baseP1: number): Estimate["lanes"]["oneMorePerson"] {
  const saved = Math.max(0, baseWeeks - (moreOut[O_TOTAL_WEEKS] as number));
  const p1Saved = Math.max(0, baseP1 - (moreOut[O_PHASE + 1] as number));
  const role = ROLE_LANES.find((r) => r.key === lane);
  const staffed = lane === "team" || lane === "interfaces" || role !== undefined || (lane === "build" && model.buildLaneHoursPerWeek > 0);
  const name = lane === "team" ? (model.staffing.anyRoleEntered ? "the rest of the migration team" : "the migration team") : lane === "interfaces" ? "interface engineers" : lane === "build" ? "build developers" : role ? role.label.toLowerCase() : "";
  return {
    lane,
    weeksSaved: w2(saved),
    costDeltaCents: cents((moreOut[O_TOTAL_COST] as number) - baseCost),
    explanation: staffed
      ? saved > 0.05
        ? `One more person in the binding lane (${name}) shortens the base plan by ${round1(saved)} weeks; the hours of work are the same, the shorter overlap changes cost by the amount shown.`
        : p1Saved > 0.05
          ? `One more person in the binding lane (${name}) shortens Phase 1 by ${round1(p1Saved)} weeks, but the plan does not end sooner: entered go-live dates or the cutover after it set the end. The cost changes by the amount shown (the overlap moves with Phase 1).`
          : lane !== "build"
            ? `One more person in the binding lane (${name}) saves no time in the base plan.`
        : "The entered build developers are already as many as the COCOMO II schedule can use: one more saves no time (adding people to a late software project makes it later)."
      : lane === "build"
        ? "The build's COCOMO II schedule binds: it is already compressed to its limit, so one more person saves no time (adding people to a late software project makes it later)."
        : "The calendar minimum of the foundation binds: one more person saves no time.",
  };
}

function blackoutAt(labels: { startWeek: number; endWeek: number; label: string }[], week: number): string {
  return labels.find((b) => Math.abs(b.endWeek - week) < 1e-6)?.label ?? "blackout window";
}

function stripLabel(d: LabelledDistribution): Distribution {
  const { label: _label, ...rest } = d;
  return rest;
}

function fmt(c: number): string {
  return `$${String(Math.round(c / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`;
}

/** Phase split of the iterations whose total lies around P80 (±2.5 points), scaled to exactly P80. */
function p80Scenario(sum: ReturnType<typeof summarizer>, p80Weeks: number, n: number, build: (phases: number[]) => GanttBar[]): GanttBar[] {
  const lo = sum.quantile("totalWeeks", 77.5), hi = sum.quantile("totalWeeks", 82.5);
  const total = sum.raw("totalWeeks");
  const raws = ["P0", "P1", "P2", "P3", "P4"].map((p) => sum.raw(`phase.${p}`));
  const acc = [0, 0, 0, 0, 0];
  let count = 0;
  for (let i = 0; i < n; i++) {
    const t = total[i] as number;
    if (t < lo || t > hi) continue;
    count++;
    for (let j = 0; j < 5; j++) acc[j] = (acc[j] as number) + (raws[j]![i] as number);
  }
  if (count === 0) return build(raws.map((r) => r[0] as number));
  const mean = acc.map((a) => a / count);
  const s = mean.reduce((x, y) => x + y, 0);
  return build(mean.map((m) => (s > 0 ? (m * p80Weeks) / s : m)));
}

export type {
  ConfidenceComponent,
  Distribution,
  Estimate,
  Explanation,
  ExplanationInput,
  MoneyValue,
  FlagCode,
  FlagSeverity,
  GanttBar,
  HonestyFlag,
  InputConfidence,
  LabelledDistribution,
  MonthCost,
  PhaseKey,
  PlannedWaveOut,
  RiskOut,
  SCurvePoint,
  TornadoBar,
  WorkstreamBreakdown,
  BlackoutOut,
  LaneOut,
} from "./types";
export type { BucketKey } from "./simulate";
export { CONSTANT_DEFINITIONS, DEFAULT_CONSTANTS, DEFAULT_RATES_CENTS, resolveConstants, UNIT_BOUNDS, type ConstantDefinition } from "./defaults";
export { DEFAULT_RISK_LIBRARY, riskLibraryFor, toRiskInput, type RiskLibraryEntry, type RiskInput } from "./risk-library";
export { mulberry32 } from "./rng";
export { EstimateInputError, MAX_PLAN_WEEKS } from "./guard";
export { COST_LINES, type CostLineKey } from "./simulate";
export { COST_LINE_LABELS } from "./explain";
export { isMoneyValue } from "./types";
export { percentileBracket, probabilityAtOrBelow, probabilityOfBudget, probabilityOfCompletionBy, probabilityOfGoLiveBy } from "./targets";
export { WORKSTREAM_LABELS } from "./effort";
export { PHASE_LABELS } from "./gantt";
