// Precomputation: everything that does not change between iterations, built once per estimate.
import type { EngagementDocument, MigrationType } from "@/lib/engagement-format/schema";
import { WEEKS_PER_MONTH } from "./calendar";
import { WORKSTREAMS } from "@/lib/engagement-format/schema";
import { PHASE_KEYS, phaseShares, rateCents, resolveConstants, triple, type ResolvedConstants } from "./defaults";
import { pertQuantileTable, pertShape } from "./distributions";
import { buildSize, buildWorkstreamModels, PRIMARY_WORKSTREAMS, type BuildSize, type WorkstreamModel } from "./effort";
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
  goLiveOffset: number;
  riskPrep: RiskPreparation;
  teamHoursPerWeek: number;
  laneHoursPerWeek: number;
  cocomo: { enabled: boolean; coefficient: number; exponent: number; hoursPerPM: number; share: number };
  build: BuildSize;
  testingShare: number;
  pmShare: number;
  /** cents per week of schedule slip: team FTE × productive hours × mean rate × team share */
  burnPerWeekCents: number;
  blendedRateCents: number;
  license: LicenseModel;
  /** mitigation cost by bucket (P0..P4, after) */
  mitigationByBucket: Float64Array;
  mitigationTotalCents: number;
}

function dist(c: Record<string, number>, key: string): PhaseDist {
  const [min, likely, max] = triple(c, key);
  return { key, min, likely, max, range: max - min, table: pertQuantileTable(pertShape({ min, likely, max })) };
}

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
    p0: dist(c, "phase.P0"),
    p1: dist(c, "phase.P1"),
    p2: dist(c, "phase.P2"),
    wave: dist(c, "phase.wave"),
    stabilisation: dist(c, "phase.stabilisation"),
    p4: dist(c, "phase.P4"),
    wavePlan,
    waveCount,
    waveSizeFactors: Float64Array.from(wavePlan.waves.map((w) => w.sizeFactor)),
    goLiveOffset: c["schedule.waveGoLiveOffset"] as number,
    riskPrep,
    teamHoursPerWeek: a.teamFte * a.productiveHoursPerWeek,
    laneHoursPerWeek: a.interfaceEngineers * a.productiveHoursPerWeek,
    cocomo: {
      enabled: type !== "A" && build.functionPoints > 0,
      coefficient: c["build.cocomoCoefficient"] as number,
      exponent: c["build.cocomoExponent"] as number,
      hoursPerPM: c["build.hoursPerPersonMonth"] as number,
      share: c["build.cocomoScheduleShare"] as number,
    },
    build,
    testingShare: c["testing.share"] as number,
    pmShare: c["pm.share"] as number,
    burnPerWeekCents,
    blendedRateCents,
    license: buildLicenseModel(a.license, doc.engagement.profile.providers, wavePlan.waves.map((w) => w.share), type),
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

export { PHASE_KEYS, PRIMARY_WORKSTREAMS };
