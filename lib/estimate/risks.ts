// Risk-register entries → risk events for the Monte Carlo (ESTIMATION.md "Effort → phases").
// Each iteration: occurrences k ~ Binomial(n, p) by inverse CDF (n = 1, interfaces or waves by scope),
// then k × a three-point impact (schedule weeks to the risk's phase, and a cost amount or a share of a
// workstream's effort), both drawn at one impact uniform.
import type { EngagementDocument, Risk, Workstream } from "@/lib/engagement-format/schema";
import { RiskSchema, WORKSTREAMS } from "@/lib/engagement-format/schema";
import { binomialCdf, pertQuantileTable, pertShape } from "./distributions";
import { PHASE_KEYS } from "./defaults";
import { riskLibraryFor } from "./risk-library";

export interface ImpactTerm {
  min: number;
  range: number;
  likely: number;
  table: Float64Array;
}

export interface PreparedRisk {
  title: string;
  libraryKey: string | null;
  source: "register" | "default_library";
  scope: Risk["scope"];
  /** probability per instance used by the engine */
  probability: number;
  probabilitySource: "explicit" | "matrix" | "residual_explicit" | "residual_matrix";
  instances: number;
  /** P(at least one occurrence) */
  probabilityAny: number;
  cdf: Float64Array;
  phaseIndex: number;
  /**
   * Phase 1 runs parallel tracks; a P1 risk delays the track it hits (index into P1 bounds:
   * 1 team capacity, 2 interface lane, 3 COCOMO build) or, with -1, the whole phase.
   */
  p1Track: number;
  /** residual impact / impact when mitigated (1 otherwise) */
  impactScale: number;
  mitigated: boolean;
  mitigationCostCents: number;
  schedule: ImpactTerm | null;
  scheduleAssumed: boolean;
  amount: ImpactTerm | null;
  effort: (ImpactTerm & { workstream: Workstream; workstreamIndex: number }) | null;
}

function term(min: number, likely: number, max: number, scale: number): ImpactTerm {
  const t = { min: min * scale, likely: likely * scale, max: max * scale };
  return { min: t.min, likely: t.likely, range: t.max - t.min, table: pertQuantileTable(pertShape(t)) };
}

/**
 * Which Phase 1 track a risk category delays: data, audit-trail, workflow and reporting risks hit the
 * migration team's work; integration risks the interface lane; technical risks the build (B/C).
 * Vendor, staffing, schedule, budget, regulatory and other risks delay the whole phase.
 */
export function p1TrackOf(category: Risk["category"], hasBuildTrack: boolean): number {
  switch (category) {
    case "data":
    case "audit_trail":
    case "workflow":
    case "reporting":
      return 1;
    case "integration":
      return 2;
    case "technical":
      return hasBuildTrack ? 3 : 1;
    default:
      return -1;
  }
}

export interface RiskPreparation {
  risks: PreparedRisk[];
  ignoredClosed: number;
  usedDefaultLibrary: boolean;
  unquantified: string[];
}

export function prepareRisks(doc: EngagementDocument, c: Record<string, number>, interfaces: number, waves: number, hasBuildTrack: boolean): RiskPreparation {
  const matrix = doc.riskMatrix.likelihoodProbabilities;
  const fromMatrix = (level: number) => (matrix.length === 0 ? 0 : (matrix[Math.min(matrix.length, Math.max(1, level)) - 1] as number));
  let register: Risk[] = doc.risks;
  let usedDefaultLibrary = false;
  if (register.length === 0 && (c["risk.useDefaultLibraryWhenEmpty"] as number) >= 0.5) {
    // an empty register is not zero risk: assume the default library for this migration type (flagged)
    register = riskLibraryFor(doc.engagement.migrationType).map((r) => RiskSchema.parse(r));
    usedDefaultLibrary = true;
  }
  let ignoredClosed = 0;
  const unquantified: string[] = [];
  const out: PreparedRisk[] = [];
  for (const r of register) {
    if (r.status === "closed") {
      ignoredClosed++;
      continue;
    }
    const hasResidual = r.residualProbability !== null || r.residualLikelihood !== null || r.residualImpact !== null;
    const mitigated = r.treatment === "mitigate" && hasResidual;
    let probability: number;
    let probabilitySource: PreparedRisk["probabilitySource"];
    if (mitigated && r.residualProbability !== null) {
      probability = r.residualProbability;
      probabilitySource = "residual_explicit";
    } else if (mitigated && r.residualLikelihood !== null) {
      probability = fromMatrix(r.residualLikelihood);
      probabilitySource = "residual_matrix";
    } else if (r.probability !== null) {
      probability = r.probability;
      probabilitySource = "explicit";
    } else {
      probability = fromMatrix(r.likelihood);
      probabilitySource = "matrix";
    }
    // mitigated: impacts scale with residual impact level / impact level
    const impactScale = mitigated && r.residualImpact !== null && r.impact > 0 ? r.residualImpact / r.impact : 1;
    const instances = r.scope === "per_interface" ? interfaces : r.scope === "per_wave" ? waves : 1;
    let schedule: ImpactTerm | null = null;
    let scheduleAssumed = false;
    if (r.scheduleImpactWeeks) {
      schedule = term(r.scheduleImpactWeeks.min, r.scheduleImpactWeeks.likely, r.scheduleImpactWeeks.max, impactScale);
    } else if (!r.costImpact) {
      // no quantified impact: assume PERT(0.5·i, i, 2·i) weeks for impact level i (flagged)
      const w = (c["risk.unquantifiedWeeksPerImpactLevel"] as number) * r.impact;
      schedule = term(0.5 * w, w, 2 * w, impactScale);
      scheduleAssumed = true;
      unquantified.push(r.title);
    }
    let amount: ImpactTerm | null = null;
    let effort: PreparedRisk["effort"] = null;
    if (r.costImpact?.kind === "amount") amount = term(r.costImpact.min, r.costImpact.likely, r.costImpact.max, impactScale);
    if (r.costImpact?.kind === "effort_share") {
      effort = {
        ...term(r.costImpact.min, r.costImpact.likely, r.costImpact.max, impactScale),
        workstream: r.costImpact.workstream,
        workstreamIndex: WORKSTREAMS.indexOf(r.costImpact.workstream),
      };
    }
    const cdf = binomialCdf(instances, probability);
    out.push({
      title: r.title,
      libraryKey: r.libraryKey,
      source: usedDefaultLibrary ? "default_library" : "register",
      scope: r.scope,
      probability,
      probabilitySource,
      instances,
      probabilityAny: instances > 0 ? 1 - Math.pow(1 - probability, instances) : 0,
      cdf,
      phaseIndex: PHASE_KEYS.indexOf(r.phase),
      p1Track: p1TrackOf(r.category, hasBuildTrack),
      impactScale,
      mitigated,
      mitigationCostCents: mitigated ? r.mitigationCostCents : 0,
      schedule,
      scheduleAssumed,
      amount,
      effort,
    });
  }
  return { risks: out, ignoredClosed, usedDefaultLibrary, unquantified };
}
