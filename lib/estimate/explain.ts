// "Why this number?" — for every line: the inputs used, the formula in words and the constants behind it.
import { WORKSTREAMS, type Workstream } from "@/lib/engagement-format/schema";
import { WEEKS_PER_MONTH } from "./calendar";
import { WORKSTREAM_LABELS } from "./effort";
import { PHASE_LABELS } from "./gantt";
import { WS_INDEX, type Model } from "./model";
import { COST_LINES, P1_BOUND_LABELS, type CostLineKey } from "./simulate";
import type { Explanation, ExplanationInput, InputConfidence, MoneyValue, PhaseKey } from "./types";

export const COST_LINE_LABELS: Record<CostLineKey, string> = {
  "labor.data_migration": "Labor — data migration",
  "labor.workflow": "Labor — workflow reconstruction",
  "labor.integrations": "Labor — integrations",
  "labor.reports": "Labor — reports",
  "labor.audit_trail": "Labor — audit trail",
  "labor.build": "Labor — custom build",
  "labor.testing": "Labor — testing",
  "labor.training": "Labor — training and go-live support",
  "labor.project_management": "Labor — project management",
  license_overlap: "License overlap (two systems at once)",
  risk_events: "Risk events (direct cost)",
  schedule_slip: "Schedule slip (team burn while late)",
  risk_mitigation: "Risk mitigation (planned)",
  vendor_fees: "Vendor implementation fees (one-time)",
};

export interface ExplainInputs {
  model: Model;
  base: {
    phases: number[];
    hours: Record<Workstream, number>;
    lines: Record<CostLineKey, number>;
    totalWeeks: number;
    totalCost: number;
    p1Bounds: number[];
    p1Binding: number;
    overlap: { destination: number; source: number; archive: number };
  };
  p50: { weeks: number; cost: number; phases: number[]; lines: Record<CostLineKey, number> };
  p80: { weeks: number; cost: number };
  confidence: InputConfidence;
}

const r1 = (v: number) => Math.round(v * 10) / 10;
/** money as a typed value (MoneyValue); `per` for rates and fees */
const money = (cents: number, per?: MoneyValue["per"]): MoneyValue => (per ? { kind: "money", cents: Math.round(cents), per } : { kind: "money", cents: Math.round(cents) });

export function buildExplanations({ model, base, p50, p80, confidence }: ExplainInputs): Record<string, Explanation> {
  const c = model.c;
  const k = (...keys: string[]) => keys.filter((key) => key in c).map((key) => ({ key, value: c[key] as number }));
  const a = model.doc.assumptions;
  const ex: Record<string, Explanation> = {};

  ex["total.duration"] = {
    label: "Total duration",
    value: r1(base.totalWeeks),
    unit: "weeks",
    formula: "Phase 0 + Phase 1 + Phase 2 + Phase 3 + Phase 4, run sequentially; the base plan takes every three-point at its most likely value with no risk event, the percentiles come from the Monte Carlo.",
    inputs: { baseWeeks: r1(base.totalWeeks), baseMonths: r1(base.totalWeeks / WEEKS_PER_MONTH), p50Weeks: r1(p50.weeks), p80Weeks: r1(p80.weeks), plannedStart: model.doc.engagement.plannedStart },
    constants: [],
  };
  ex["total.cost"] = {
    label: "Total cost",
    value: Math.round(base.totalCost),
    unit: "cents",
    formula: "Σ labor (hours × rate by workstream) + license overlap + risk events + schedule slip (burn × extra weeks) + planned mitigation + one-time vendor implementation fees.",
    inputs: { baseCents: money(base.totalCost), p50Cents: money(p50.cost), p80Cents: money(p80.cost) },
    constants: [],
  };

  // phases
  const p1Inputs: Record<string, number | string> = { binding: P1_BOUND_LABELS[base.p1Binding] as string };
  P1_BOUND_LABELS.forEach((label, i) => {
    if (i < 4 || (model.roleLaneHoursPerWeek[i - 4] as number) > 0) p1Inputs[`candidate: ${label} (weeks)`] = r1(base.p1Bounds[i] as number);
  });
  const phaseText: Record<PhaseKey, { formula: string; inputs: Explanation["inputs"]; constants: string[] }> = {
    P0: { formula: "PERT(4, 5, 6) weeks + risk events assigned to Phase 0.", inputs: {}, constants: ["phase.P0.min", "phase.P0.likely", "phase.P0.max"] },
    P1: {
      formula:
        "max( PERT(8, 10, 12) weeks; foundation effort of the migration team ÷ (team FTE × productive hours); interface hours ÷ (interface engineers × productive hours)" +
        (model.cocomo.enabled ? "; share × COCOMO II TDEV (3.67·PM^0.318 months) − scoping" : "") +
        " ) + risk events assigned to Phase 1.",
      inputs: { ...p1Inputs, teamFte: a.teamFte, interfaceEngineers: a.interfaceEngineers, productiveHoursPerWeek: a.productiveHoursPerWeek, buildFunctionPoints: model.build.functionPoints },
      constants: ["phase.P1.min", "phase.P1.likely", "phase.P1.max", "phaseShare.data_migration.P1", "phaseShare.workflow.P1", "phaseShare.integrations.P1", "build.cocomoCoefficient", "build.cocomoExponent", "build.cocomoScheduleShare", "build.hoursPerPersonMonth"],
    },
    P2: { formula: "PERT(4, 6, 8) weeks + risk events assigned to Phase 2. Never compressed: staffing does not change it.", inputs: {}, constants: ["phase.P2.min", "phase.P2.likely", "phase.P2.max", "field.minWeeks.P2"] },
    P3: {
      formula: "Σ waves PERT(3, 4, 6) weeks × max(1, wave users ÷ reference)^exponent + stabilisation PERT + risk events assigned to Phase 3 (spread over the waves).",
      inputs: { waves: model.waveCount, derivedWaves: model.wavePlan.derived, waveBasis: model.wavePlan.basis },
      constants: ["phase.wave.likely", "phase.stabilisation.likely", "schedule.waveReferenceUsers", "schedule.waveSizeExponent", "schedule.waveGoLiveOffset"],
    },
    P4: { formula: "PERT(2, 3, 4) weeks + risk events assigned to Phase 4.", inputs: {}, constants: ["phase.P4.min", "phase.P4.likely", "phase.P4.max"] },
  };
  (["P0", "P1", "P2", "P3", "P4"] as PhaseKey[]).forEach((p, j) => {
    ex[`phase.${p}`] = {
      label: PHASE_LABELS[p],
      value: r1(base.phases[j] as number),
      unit: "weeks",
      formula: phaseText[p].formula,
      inputs: { ...phaseText[p].inputs, baseWeeks: r1(base.phases[j] as number), p50Weeks: r1(p50.phases[j] as number) },
      constants: k(...phaseText[p].constants),
    };
  });

  // workstreams
  for (const w of model.workstreams) {
    ex[`workstream.${w.key}`] = {
      label: w.label,
      value: Math.round(base.hours[w.key]),
      unit: "hours",
      formula: `${w.formula}; then × the shared systemic factor (1 in the base plan) and × (1 + risk effort shares) in iterations where such risks occur. Cost = hours × the workstream's rate per hour.`,
      inputs: { ...w.inputs, likelyHours: Math.round(w.likelyHours), minHours: Math.round(w.minHours), maxHours: Math.round(w.maxHours), rateCents: money(model.rates[WS_INDEX[w.key]] as number, "hour") },
      constants: k(...w.constants, `rate.${w.key}`),
      notes: w.components.slice(0, 8).map((x) => `${x.label}: ${Math.round(x.likelyHours)} h most likely`),
    };
  }
  ex["workstream.testing"] = {
    label: WORKSTREAM_LABELS.testing,
    value: Math.round(base.hours.testing),
    unit: "hours",
    formula: "testing share × (workflow + integrations hours + build hours × the build's lifecycle-overhead share). Delivery rates per function point are whole-lifecycle, so the build's own testing is already in its hours.",
    inputs: { workflowHours: Math.round(base.hours.workflow), integrationHours: Math.round(base.hours.integrations), buildHours: Math.round(base.hours.build) },
    constants: k("testing.share", "build.lifecycleOverheadShare", "rate.testing"),
  };
  ex["workstream.project_management"] = {
    label: WORKSTREAM_LABELS.project_management,
    value: Math.round(base.hours.project_management),
    unit: "hours",
    formula: "PM share × all other hours (of the build only its lifecycle-overhead share: its own management is in its delivery rate); its cost is spread over the phases by duration.",
    inputs: { otherHours: Math.round(WORKSTREAMS.filter((w) => w !== "project_management").reduce((s, w) => s + base.hours[w], 0) - base.hours.build * (1 - (c["build.lifecycleOverheadShare"] as number))) },
    constants: k("pm.share", "build.lifecycleOverheadShare", "rate.project_management"),
  };

  // cost lines
  for (const line of COST_LINES) {
    const value = Math.round(base.lines[line]);
    if (line.startsWith("labor.")) {
      const w = line.slice("labor.".length) as Workstream;
      ex[`cost.${line}`] = {
        label: COST_LINE_LABELS[line],
        value,
        unit: "cents",
        formula: `${WORKSTREAM_LABELS[w]} hours × the workstream's rate per hour.`,
        inputs: { hours: Math.round(base.hours[w]), rateCents: money(model.rates[WS_INDEX[w]] as number, "hour"), p50Cents: money(p50.lines[line]) },
        constants: k(`rate.${w}`),
        notes: [`See workstream.${w} for where the hours come from.`],
      };
    }
  }
  const lic = model.license;
  const sourceInputs: Record<string, ExplanationInput> = {};
  const mo = (n: number) => `${n} month${n === 1 ? "" : "s"}`;
  lic.sources.forEach((src, i) => {
    const basis = src.basis === "per_provider_month" ? "per provider" : src.basis === "per_user_month" ? "per user" : "flat";
    sourceInputs[`source ${i + 1}`] = `${src.name}: ${
      src.entered ? `${basis}; ${src.rampsDown ? `ramps down per wave, notice ${mo(src.noticeMonths)}` : `runs until decommission + ${mo(src.tailMonths)}`}${src.contractEnd ? `; contract ends ${src.contractEnd}` : ""}` : "fee not entered"
    }`;
    sourceInputs[`source ${i + 1} monthly cents`] = src.entered ? money(src.monthlyCents, "month") : null;
  });
  ex["cost.license_overlap"] = {
    label: COST_LINE_LABELS.license_overlap,
    value: Math.round(base.lines.license_overlap),
    unit: "cents",
    formula:
      "Per-seat fees (per provider or per user): Σ waves (share of providers) × [destination monthly fee × months from destination billing start to the wave's go-live + each source's monthly fee × months from go-live until that source releases the seats (go-live + notice when it ramps down per wave, otherwise decommission + contract tail, never before its contract end)]. " +
      "Flat fees never ramp: a flat destination fee counts in full from billing start to the last go-live, a flat source fee in full from the last go-live until release. Plus archive fee × archive months." +
      (lic.status === "not_entered" ? " No fee is entered: the overlap is not known (shown as “not entered”), not zero." : lic.status === "partial" ? ` Not entered: ${lic.missing.join(", ")}.` : ""),
    inputs: {
      semantics: lic.semantics,
      feesEntered: lic.status,
      destinationMonthlyCents: lic.destEntered ? money(lic.destMonthlyCents, "month") : null,
      destinationFeeBasis: lic.terms.destinationFeeBasis,
      sourceMonthlyCents: money(lic.sourceMonthlyCents, "month"),
      destinationBillingStart: lic.billingStart === "date" ? (lic.terms.destinationBillingStartDate ?? "foundation_start") : lic.billingStart,
      ...sourceInputs,
      archiveFeeCentsPerMonth: money(lic.terms.archiveFeeCentsPerMonth, "month"),
      archiveMonths: lic.terms.archiveMonths,
      destinationCents: money(base.overlap.destination),
      sourceCents: money(base.overlap.source),
      archiveCents: money(base.overlap.archive),
      p50Cents: money(p50.lines.license_overlap),
    },
    constants: k("schedule.waveGoLiveOffset"),
  };
  ex["cost.vendor_fees"] = {
    label: COST_LINE_LABELS.vendor_fees,
    value: Math.round(base.lines.vendor_fees),
    unit: "cents",
    formula: "The destination vendor's one-time implementation fees as entered (Type A: contracted services, environment set-up, the vendor's conversion tooling), paid during foundation. Not part of the overlap and not uncertain: the contract fixes them.",
    inputs: { implementationFeeCents: lic.implementationEntered ? money(lic.implementationCents) : null },
    constants: [],
  };
  ex["cost.risk_events"] = {
    label: COST_LINE_LABELS.risk_events,
    value: 0,
    unit: "cents",
    formula: "Σ risks with a cost amount: occurrences (Binomial by scope) × three-point amount × residual-impact scale. Zero in the base plan (no risk event); see the percentiles.",
    inputs: { risks: model.riskPrep.risks.filter((r) => r.amount).length, p50Cents: money(p50.lines.risk_events) },
    constants: [],
  };
  ex["cost.schedule_slip"] = {
    label: COST_LINE_LABELS.schedule_slip,
    value: 0,
    unit: "cents",
    formula: "Σ risk schedule weeks × burn rate (team FTE × productive hours × mean role rate × team share). Zero in the base plan.",
    inputs: { burnPerWeekCents: money(model.burnPerWeekCents, "week"), teamFte: a.teamFte, productiveHoursPerWeek: a.productiveHoursPerWeek, blendedRateCents: money(model.blendedRateCents, "hour"), p50Cents: money(p50.lines.schedule_slip) },
    constants: k("burn.teamShare"),
  };
  ex["cost.risk_mitigation"] = {
    label: COST_LINE_LABELS.risk_mitigation,
    value: Math.round(base.lines.risk_mitigation),
    unit: "cents",
    formula: "Σ mitigationCostCents of risks treated by mitigation that give residual values (those use their residual probability and impact).",
    inputs: { mitigatedRisks: model.riskPrep.risks.filter((r) => r.mitigated).length },
    constants: [],
  };
  ex["licenseOverlap"] = { ...ex["cost.license_overlap"], label: "License overlap" } as Explanation;
  ex["contingency.cost"] = {
    label: "Cost contingency",
    value: Math.round(p80.cost - base.totalCost),
    unit: "cents",
    formula: "P80 total cost − base-plan total cost: the reserve that covers the risk events, the systemic factor and the effort ranges at 80% confidence.",
    inputs: { p80Cents: money(p80.cost), baseCents: money(base.totalCost) },
    constants: k("systemic.min", "systemic.likely", "systemic.max"),
  };
  ex["contingency.duration"] = {
    label: "Schedule contingency",
    value: r1(p80.weeks - base.totalWeeks),
    unit: "weeks",
    formula: "P80 total duration − base-plan duration.",
    inputs: { p80Weeks: r1(p80.weeks), baseWeeks: r1(base.totalWeeks), ratio: Math.round((p80.weeks / base.totalWeeks) * 100) / 100 },
    constants: k("honesty.p80RatioMin", "honesty.p80RatioMax"),
  };
  ex["systemic"] = {
    label: "Shared systemic factor",
    value: c["systemic.likely"] as number,
    unit: "share",
    formula: "One PERT(0.9, 1.0, 1.5) draw per iteration multiplies every workstream: estimating bias and organizational productivity are common causes, so workstreams overrun together.",
    inputs: {},
    constants: k("systemic.min", "systemic.likely", "systemic.max"),
  };
  ex["inputConfidence"] = {
    label: "Input confidence",
    value: confidence.score,
    unit: "score",
    formula: "100 × Σ weight × share of rows known/decided/reviewed per component (an empty inventory scores 0).",
    inputs: Object.fromEntries(confidence.components.map((x) => [x.key, Math.round(x.value * 100) / 100])),
    constants: k("honesty.lowConfidence"),
  };
  return ex;
}
