// Honesty flags (ESTIMATION.md "Honesty flags") and the input-confidence score.
import type { EngagementDocument } from "@/lib/engagement-format/schema";
import { addWeeks, weeksBetween, WEEKS_PER_MONTH } from "./calendar";
import { cocomoTdevWeeks, type Model } from "./model";
import type { Summarizer } from "./summarize";
import type { ConfidenceComponent, HonestyFlag, InputConfidence } from "./types";

const pct = (p: number) => `${Math.round(p * 100)}%`;
const months = (w: number) => (w / WEEKS_PER_MONTH).toFixed(1);
/** whole currency units with thousands separators (no Intl: output must not depend on the runtime's locale data) */
export const money = (cents: number, currency: string) =>
  `${currency === "USD" ? "$" : `${currency} `}${String(Math.round(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`;

export type SizeClass = "small" | "mid" | "large";

export function sizeClassOf(model: Model): SizeClass {
  const p = model.doc.engagement.profile.providers;
  if (p >= (model.c["size.largeMinProviders"] as number)) return "large";
  if (p >= (model.c["size.midMinProviders"] as number)) return "mid";
  return "small";
}

export function fieldRange(model: Model, size: SizeClass): { min: number; max: number } {
  return { min: model.c[`field.months.${size}.min`] as number, max: model.c[`field.months.${size}.max`] as number };
}

// ---------- input confidence ----------
export function inputConfidence(doc: EngagementDocument): InputConfidence {
  const comp = (key: string, label: string, weight: number, known: number, total: number, detail: string): ConfidenceComponent => ({
    key,
    label,
    weight,
    known,
    total,
    value: total > 0 ? known / total : 0, // an empty inventory is unknown, not perfect
    detail,
  });
  const de = doc.dataEntities;
  const countsKnown = de.filter((e) => e.recordCount !== null).length;
  const decided = de.filter((e) => e.decision !== "undecided" && e.quirks.every((q) => q.cleanupDecision !== "undecided")).length;
  const wfTotal = doc.workflows.reduce((s, w) => s + w.quantity, 0);
  const wfReviewed = doc.workflows.filter((w) => w.reviewStatus !== "not_reviewed" && w.disposition !== "undecided").reduce((s, w) => s + w.quantity, 0);
  const intDecided = doc.integrations.filter((i) => i.transitionStrategy !== "undecided").length;
  const regulatory = doc.reports.filter((r) => r.kind === "regulatory");
  const reportsPlanned = doc.reports.filter((r) => r.reproducibilityPlan.trim() !== "" || (r.kind !== "regulatory" && r.consumers.trim() !== "")).length;
  const openRisks = doc.risks.filter((r) => r.status !== "closed");
  const assessed = openRisks.filter((r) => (r.scheduleImpactWeeks !== null || r.costImpact !== null) && r.owner.trim() !== "").length;
  const auditDecided = doc.auditTrail && doc.auditTrail.policy !== "undecided" ? 1 : 0;
  /** "1 interface has", "3 interfaces have": the count and its words agree */
  const agree = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const components = [
    comp("data_counts", "Data entities with a known record count", 0.2, countsKnown, de.length, `${de.length - countsKnown} of ${de.length} ${de.length === 1 ? "entity" : "entities"} ${de.length - countsKnown === 1 ? "has" : "have"} an unknown count`),
    comp("data_decisions", "Data entities with migrate and cleanup decisions made", 0.1, decided, de.length, `${agree(de.length - decided, "entity has", "entities have")} an undecided migrate or cleanup decision`),
    comp("workflows_reviewed", "Workflow items reviewed by a clinical lead with a disposition", 0.2, wfReviewed, wfTotal, `${wfTotal - wfReviewed} of ${wfTotal} workflow ${wfTotal === 1 ? "item" : "items"} ${wfTotal - wfReviewed === 1 ? "is" : "are"} unreviewed or undecided`),
    comp("integrations_planned", "Interfaces with a transition strategy", 0.15, intDecided, doc.integrations.length, `${agree(doc.integrations.length - intDecided, "interface has", "interfaces have")} no transition strategy`),
    comp("reports_planned", "Reports with consumers and (regulatory) a reproducibility plan", 0.1, reportsPlanned, doc.reports.length, `${agree(regulatory.filter((r) => r.reproducibilityPlan.trim() === "").length, "regulatory report lacks", "regulatory reports lack")} a reproducibility plan`),
    comp("risks_assessed", "Open risks with a quantified impact and an owner", 0.15, assessed, openRisks.length, `${openRisks.length - assessed} of ${openRisks.length} open ${openRisks.length === 1 ? "risk" : "risks"} ${openRisks.length - assessed === 1 ? "is" : "are"} unassessed`),
    comp("audit_policy", "Audit-trail policy decided", 0.1, auditDecided, 1, auditDecided ? `policy: ${doc.auditTrail?.policy}` : "no audit-trail policy decided"),
  ];
  const score = Math.round(100 * components.reduce((s, c) => s + c.weight * c.value, 0));
  return { score, components };
}

// ---------- flags ----------
export interface FlagInputs {
  model: Model;
  sum: Summarizer;
  baseWeeks: number;
  basePhases: ArrayLike<number>;
  baseBuildHours: number;
  confidence: InputConfidence;
}

export function honestyFlags({ model, sum, baseWeeks, basePhases, baseBuildHours, confidence }: FlagInputs): HonestyFlag[] {
  const { doc, c } = model;
  const flags: HonestyFlag[] = [];
  const currency = doc.engagement.currency;
  const size = sizeClassOf(model);
  const range = fieldRange(model, size);
  const p50Weeks = sum.quantile("totalWeeks", 50);
  const p80Weeks = sum.quantile("totalWeeks", 80);
  const p50Months = p50Weeks / WEEKS_PER_MONTH;
  const sizeWords = size === "mid" ? "mid-size" : size;
  const start = doc.engagement.plannedStart;

  // total P50 against the field's range for the organization's size
  if (p50Months < range.min) {
    flags.push({
      code: "BELOW_FIELD_RANGE",
      severity: "critical",
      message: `The P50 duration is ${months(p50Weeks)} months, below the ${range.min}–${range.max} months a ${sizeWords} migration takes in the field. A quote this short is not honest: check the phase constants and the inventories.`,
      data: { p50Months: round1(p50Months), fieldMinMonths: range.min, fieldMaxMonths: range.max, sizeClass: size, providers: doc.engagement.profile.providers },
    });
  } else if (p50Months > range.max) {
    const custom = model.type !== "A" && model.build.functionPoints > 0;
    const tdevWeeks = custom ? cocomoTdevWeeks(model, baseBuildHours) : 0;
    flags.push({
      code: custom ? "CUSTOM_BUILD_EXCEEDS_FIELD_RANGE" : "ABOVE_FIELD_RANGE",
      severity: "warning",
      message: custom
        ? `The P50 duration is ${months(p50Weeks)} months, longer than the ${range.min}–${range.max} months of a ${sizeWords} migration, because the custom build (${model.build.functionPoints} function points, ${Math.round(baseBuildHours)} h) needs at least ${months((c["build.cocomoScheduleShare"] as number) * tdevWeeks)} months from the start under COCOMO II. Only a build that already exists would bring the migration into the usual range.`
        : `The P50 duration is ${months(p50Weeks)} months, longer than the ${range.min}–${range.max} months usual for a ${sizeWords} migration. Check the inventories and the team size: the tornado shows what drives it.`,
      data: { p50Months: round1(p50Months), fieldMinMonths: range.min, fieldMaxMonths: range.max, sizeClass: size, functionPoints: model.build.functionPoints, cocomoNominalMonths: round1(tdevWeeks / WEEKS_PER_MONTH) },
    });
  }

  // a quoted target date or budget below P50, with its probability of being met
  const target = doc.assumptions.targetGoLive;
  if (target) {
    const tWeeks = weeksBetween(start, target);
    const prob = sum.cdfAt("finalGoLiveWeeks", tWeeks);
    const p50GoLive = sum.quantile("finalGoLiveWeeks", 50);
    if (prob < 0.5) {
      flags.push({
        code: "TARGET_DATE_BEFORE_P50",
        severity: prob < 0.2 ? "critical" : "warning",
        probability: round3(prob),
        message: `The target go-live ${target} is earlier than the P50 final go-live ${addWeeks(start, p50GoLive)}: it has about a ${pct(prob)} probability of being met.`,
        data: { targetGoLive: target, targetWeeks: round1(tWeeks), p50FinalGoLive: addWeeks(start, p50GoLive), p50FinalGoLiveWeeks: round1(p50GoLive), p80FinalGoLive: addWeeks(start, sum.quantile("finalGoLiveWeeks", 80)) },
      });
    }
    // B/C: can the build fit before the target under COCOMO bounds?
    if (model.cocomo.enabled) {
      const tdevWeeks = cocomoTdevWeeks(model, baseBuildHours);
      const floorP1End = Math.max(model.p0.min + model.p1.min, model.cocomo.share * tdevWeeks);
      let wavesMin = 0;
      model.waveSizeFactors.forEach((f, i) => (wavesMin += model.wave.min * f * (i === model.waveCount - 1 ? model.goLiveOffset : 1)));
      const earliest = floorP1End + Math.max(model.p2.min, c["field.minWeeks.P2"] as number) + wavesMin;
      if (tWeeks < earliest) {
        flags.push({
          code: "BUILD_DOES_NOT_FIT_TIMELINE",
          severity: "critical",
          message: `The custom build cannot fit before ${target}: COCOMO II puts the shortest build at ${months(model.cocomo.share * tdevWeeks)} months from the start, and with the pilot and waves at their minimums the earliest final go-live is ${addWeeks(start, earliest)}.`,
          data: { targetGoLive: target, earliestFinalGoLive: addWeeks(start, earliest), buildHours: Math.round(baseBuildHours), cocomoNominalMonths: round1(tdevWeeks / WEEKS_PER_MONTH), scheduleShare: model.cocomo.share },
        });
      }
    }
  }
  const budget = doc.assumptions.targetBudgetCents;
  if (budget !== null && budget !== undefined) {
    const prob = sum.cdfAt("totalCost", budget);
    if (prob < 0.5) {
      flags.push({
        code: "TARGET_BUDGET_BELOW_P50",
        severity: prob < 0.2 ? "critical" : "warning",
        probability: round3(prob),
        message: `The target budget ${money(budget, currency)} is below the P50 cost ${money(sum.quantile("totalCost", 50), currency)}: it has about a ${pct(prob)} probability of being enough.`,
        data: { targetBudgetCents: budget, p50CostCents: Math.round(sum.quantile("totalCost", 50)), p80CostCents: Math.round(sum.quantile("totalCost", 80)) },
      });
    }
  }

  // pilot and phase minimums
  const pilotMin = c["field.minWeeks.P2"] as number;
  const pilotP50 = sum.quantile("phase.P2", 50);
  if (model.p2.likely < pilotMin || model.p2.min < pilotMin) {
    flags.push({
      code: "PILOT_TOO_SHORT",
      severity: "critical",
      message: `The pilot is planned at ${round1(model.p2.min)}–${round1(model.p2.max)} weeks (most likely ${round1(model.p2.likely)}); the field minimum is ${pilotMin} weeks. A truncated pilot moves its problems into the first full wave.`,
      data: { pilotMinWeeks: model.p2.min, pilotLikelyWeeks: model.p2.likely, pilotP50Weeks: round1(pilotP50), fieldMinimumWeeks: pilotMin },
    });
  }
  const below: string[] = [];
  const check = (label: string, value: number, key: string, factor = 1) => {
    const min = (c[key] as number) * factor;
    if (value < min - 1e-9) below.push(`${label} ${round1(value)} < ${round1(min)} weeks`);
  };
  // a small organization's scoping and foundation minimums are the playbook's × the small-practice factor
  check("scoping", model.p0.min, "field.minWeeks.P0", model.phaseFactor);
  check("foundation", model.p1.min, "field.minWeeks.P1", model.phaseFactor);
  check("cutover wave", model.wave.min, "field.minWeeks.wave");
  check("decommission", model.p4.min, "field.minWeeks.P4");
  if (below.length > 0) {
    flags.push({
      code: "PHASE_BELOW_FIELD_MINIMUM",
      severity: "warning",
      message: `Some phase assumptions allow durations below the field minimum: ${below.join("; ")}.`,
      data: { phases: below.join("; ") },
    });
  }

  // license overlap against the cutover: each source's contract end (entered date, else the constant)
  const lic = model.license;
  const contractEndMonths = c["license.sourceContractEndMonths"] as number;
  const ends: { name: string; week: number }[] = [];
  lic.sources.forEach((s) => {
    if (s.contractEndWeek === s.contractEndWeek) ends.push({ name: s.name, week: s.contractEndWeek });
    else if (contractEndMonths > 0) ends.push({ name: s.name, week: contractEndMonths * WEEKS_PER_MONTH });
  });
  if (lic.sources.length === 0 && contractEndMonths > 0) ends.push({ name: "the source system", week: contractEndMonths * WEEKS_PER_MONTH });
  for (const e of ends) {
    const prob = sum.cdfAt("p3EndWeeks", e.week);
    if (prob >= 0.8) continue;
    const endDate = addWeeks(start, e.week);
    flags.push({
      code: "OVERLAP_SHORTER_THAN_CUTOVER",
      severity: prob < 0.5 ? "critical" : "warning",
      probability: round3(prob),
      message: `The contract of ${e.name} ends ${endDate}, but the cutover (last wave plus stabilisation) ends at P50 ${addWeeks(start, sum.quantile("p3EndWeeks", 50))} and at P80 ${addWeeks(start, sum.quantile("p3EndWeeks", 80))}. There is only a ${pct(prob)} probability that the overlap covers the cutover; extend the contract rather than compress the waves.`,
      data: { source: e.name, sourceContractEnd: endDate, p50CutoverEnd: addWeeks(start, sum.quantile("p3EndWeeks", 50)), p80CutoverEnd: addWeeks(start, sum.quantile("p3EndWeeks", 80)) },
    });
  }
  const postGoLiveWeeks = model.wave.likely * (1 - model.goLiveOffset);
  for (const s of lic.sources) {
    if (!s.rampsDown || s.noticeWeeks >= postGoLiveWeeks) continue;
    flags.push({
      code: "NO_ROLLBACK_WINDOW",
      severity: "warning",
      message: `${s.name}: seats are released ${s.noticeMonths} months after each wave goes live — shorter than the wave's at-the-elbow period, so a wave could not roll back to the source.`,
      data: { source: s.name, sourceNoticeMonths: s.noticeMonths, postGoLiveWeeks: round1(postGoLiveWeeks) },
    });
  }
  if (lic.status === "not_entered") {
    flags.push({
      code: "NO_LICENSE_FEES",
      // Types A and B pay a commercial vendor during the overlap; a Type C's legacy infrastructure may be owned
      severity: model.type === "C" ? "info" : "warning",
      message:
        model.type === "C"
          ? "No infrastructure fees are entered for the legacy or the new platform, so the overlap is shown as not entered. Running two platforms at once usually costs something; enter the fees on the assumptions page."
          : `No license fees are entered, so the license overlap is not known — the estimate shows it as "not entered", not $0. A Type ${model.type} pays ${model.type === "A" ? "two vendors" : "the commercial source vendor and the new platform's hosting"} during the overlap, usually a visible share of the total; enter the fees on the assumptions page.`,
      data: { missing: lic.missing.join("; ") },
    });
  } else if (lic.status === "partial") {
    // a missing destination or source fee leaves part of the overlap out (warning for A and B)
    flags.push({
      code: "LICENSE_FEES_INCOMPLETE",
      severity: model.type === "C" ? "info" : "warning",
      message: `Some license fees are not entered, so the overlap leaves them out: ${lic.missing.join(", ")}.`,
      data: { missing: lic.missing.join("; ") },
    });
  }
  // the data inventory's source systems should be the licensed ones (where both are named)
  const named = lic.terms.sources.map((s) => s.name.trim().toLowerCase()).filter((n) => n !== "");
  if (named.length > 0) {
    const unknown = [...new Set(doc.dataEntities.map((e) => e.sourceSystem.trim()).filter((n) => n !== "" && !named.includes(n.toLowerCase())))];
    if (unknown.length > 0) {
      flags.push({
        code: "SOURCE_SYSTEM_NOT_LICENSED",
        severity: "info",
        message: `Data entities name source system${unknown.length === 1 ? "" : "s"} without a license entry: ${unknown.slice(0, 5).join(", ")}${unknown.length > 5 ? ", …" : ""}. Add ${unknown.length === 1 ? "it" : "them"} to the license sources (or correct the name) so ${unknown.length === 1 ? "its" : "their"} fees and contract reach the overlap.`,
        data: { sourceSystems: unknown.join("; "), licensed: lic.terms.sources.map((s) => s.name).join("; ") },
      });
    }
  }

  // inventories and policies
  const a = doc.auditTrail;
  if (!a || a.policy === "undecided") {
    flags.push({
      code: "AUDIT_POLICY_UNDECIDED",
      severity: model.type === "C" ? "critical" : "warning",
      message: `No audit-trail policy is decided. Years from now someone will ask "who looked at patient X's record?" — decide whether the source log is migrated, archived read-only, or both. The estimate prices the dearer option until then.`,
      data: { policy: a?.policy ?? null },
    });
  }
  const noPlan = doc.reports.filter((r) => r.kind === "regulatory" && r.reproducibilityPlan.trim() === "");
  if (noPlan.length > 0) {
    flags.push({
      code: "REGULATORY_REPORTS_WITHOUT_PLAN",
      severity: "warning",
      message: `${noPlan.length} regulatory report${noPlan.length === 1 ? " has" : "s have"} no reproducibility plan on the destination (${noPlan.slice(0, 5).map((r) => r.name).join(", ")}${noPlan.length > 5 ? ", …" : ""}). Quality-measure submissions that cannot be reproduced fail and accrue penalties.`,
      data: { count: noPlan.length, reports: noPlan.map((r) => r.name).join("; ") },
    });
  }
  if (doc.integrations.length === 0) {
    flags.push({
      code: "EMPTY_INTEGRATION_INVENTORY",
      severity: "warning",
      message: "The integration inventory is empty. Every EMR has lab, eRx, payer and billing interfaces; the estimate has no interface work in it.",
      data: {},
    });
  }
  if (doc.dataEntities.length === 0) {
    flags.push({
      code: "EMPTY_DATA_INVENTORY",
      severity: "warning",
      message: "The data inventory is empty, so the estimate contains no data-migration effort — usually the largest workstream.",
      data: {},
    });
  }
  if (model.build.assumed) {
    flags.push({
      code: "BUILD_SIZE_ASSUMED",
      severity: "critical",
      message: `A Type ${model.type} migration needs a build size, and none is entered: the estimate assumes ${model.build.functionPoints} function points. Size the build before quoting.`,
      data: { assumedFunctionPoints: model.build.functionPoints },
    });
  }
  if (model.type === "A" && (doc.assumptions.buildFunctionPoints ?? 0) > 0) {
    flags.push({
      code: "BUILD_IGNORED_FOR_TYPE_A",
      severity: "info",
      message: "Function points are entered, but a Type A vendor switch has no custom build track; they are ignored.",
      data: { functionPoints: doc.assumptions.buildFunctionPoints ?? 0 },
    });
  }

  // risks and confidence
  if (model.riskPrep.usedDefaultLibrary) {
    flags.push({
      code: "RISK_REGISTER_EMPTY",
      severity: "warning",
      message: `The risk register is empty; the estimate assumed the ${model.riskPrep.risks.length} default library risks for Type ${model.type}. Review them with the client.`,
      data: { assumedRisks: model.riskPrep.risks.length },
    });
  } else if (doc.risks.length === 0) {
    flags.push({ code: "RISK_REGISTER_EMPTY", severity: "critical", message: "The risk register is empty and the default library is switched off: the estimate contains no risk events.", data: { assumedRisks: 0 } });
  } else if (model.riskPrep.risks.length === 0) {
    flags.push({
      code: "NO_OPEN_RISKS",
      severity: "warning",
      message: `All ${doc.risks.length} risks in the register are closed, so the estimate contains no risk events. A migration with no open risk is rare: review the register before quoting.`,
      data: { closedRisks: model.riskPrep.ignoredClosed },
    });
  }
  if (model.riskPrep.unquantified.length > 0) {
    flags.push({
      code: "RISKS_UNQUANTIFIED",
      severity: "info",
      message: `${model.riskPrep.unquantified.length} open risk${model.riskPrep.unquantified.length === 1 ? " has" : "s have"} no quantified impact; the estimate assumed a schedule impact from the impact level (${model.riskPrep.unquantified.slice(0, 5).join(", ")}${model.riskPrep.unquantified.length > 5 ? ", …" : ""}).`,
      data: { count: model.riskPrep.unquantified.length },
    });
  }
  if (confidence.score < (c["honesty.lowConfidence"] as number)) {
    const worst = [...confidence.components].sort((x, y) => x.value - y.value).slice(0, 3);
    flags.push({
      code: "LOW_INPUT_CONFIDENCE",
      severity: "warning",
      message: `Input confidence is ${confidence.score}/100: ${worst.map((w) => w.detail).join("; ")}. The range is wider in reality than the model can show.`,
      data: { score: confidence.score, threshold: c["honesty.lowConfidence"] as number },
    });
  }
  const ratio = baseWeeks > 0 ? p80Weeks / baseWeeks : 0;
  const rMin = c["honesty.p80RatioMin"] as number, rMax = c["honesty.p80RatioMax"] as number;
  if (ratio < rMin || ratio > rMax) {
    flags.push({
      code: "P80_RATIO_OUTSIDE_FIELD",
      severity: "warning",
      message:
        ratio < rMin
          ? `P80 is only ${round2(ratio)}× the base plan; IT projects typically land at ${rMin}–${rMax}×. The risk register is probably missing risks or understating them.`
          : `P80 is ${round2(ratio)}× the base plan, beyond the usual ${rMin}–${rMax}×: large risks dominate — mitigating the top tornado items narrows it.`,
      data: { ratio: round2(ratio), baseWeeks: round1(baseWeeks), p80Weeks: round1(p80Weeks), fieldMin: rMin, fieldMax: rMax },
    });
  }

  // waves
  const plan = model.wavePlan;
  if (plan.derived) {
    flags.push({ code: "WAVES_DERIVED", severity: "info", message: `No waves are entered; ${plan.waves.length} waves were derived. ${plan.basis}`, data: { waves: plan.waves.length } });
  } else {
    const p = doc.engagement.profile;
    if (plan.providersEntered !== p.providers || plan.usersEntered !== p.staffUsers) {
      flags.push({
        code: "WAVES_DO_NOT_MATCH_PROFILE",
        severity: "warning",
        message: `The waves add up to ${plan.providersEntered} providers and ${plan.usersEntered} users, but the profile has ${p.providers} providers and ${p.staffUsers} users. License overlap uses the waves' shares of the profile's totals.`,
        data: { waveProviders: plan.providersEntered, waveUsers: plan.usersEntered, profileProviders: p.providers, profileUsers: p.staffUsers },
      });
    }
  }
  for (const issue of model.constants.issues) {
    flags.push({
      code: "CONSTANT_OVERRIDE_ISSUE",
      severity: "warning",
      message:
        issue.problem === "unknown_key"
          ? `The assumption override "${issue.key}" is not a model constant and was ignored.`
          : issue.problem === "three_point_order"
            ? `The three-point assumption "${issue.key}" was not ordered min ≤ most likely ≤ max; it was sorted.`
            : `The assumption override "${issue.key}" = ${issue.given} is out of range; ${issue.used} was used.`,
      data: { key: issue.key, problem: issue.problem, given: issue.given, used: issue.used },
    });
  }
  void basePhases;
  return flags;
}

const round1 = (v: number) => Math.round(v * 10) / 10;
const round2 = (v: number) => Math.round(v * 100) / 100;
const round3 = (v: number) => Math.round(v * 1000) / 1000;
