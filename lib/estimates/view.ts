// The estimate as a viewer may see it. For roles without rates.view (clinical reviewers) every labor
// rate and license fee is removed — and so is what would give them away at once: the cost of each
// workstream and role (cost ÷ hours = the rate), the overlap split by destination/source/archive and
// per wave (÷ months ÷ providers = the fee), the cost after decommission and the month-by-month cost
// (after decommission a month costs exactly the archive fee; month-to-month steps show fees starting
// and stopping), explanation inputs and formula text naming a rate or fee, and rate overrides.
// Totals, phases, overlap totals and band, S-curves and hours stay; so does the one-time vendor-fee line
// (a contract total, like planned mitigation — not a fee per unit). Pure (client + server).
// INVARIANT: tests/unit/estimates/view.test.ts serializes a redacted view and looks for the rates and
// fees of the input: add any new money-per-unit field of the engine output here.
import { isMoneyConstant } from "@/lib/estimate/defaults";
import type { CostLineKey, Distribution, Estimate, Explanation, HonestyFlag, LabelledDistribution, WorkstreamBreakdown } from "@/lib/estimate";
import { isMoneyValue } from "@/lib/estimate/types";

export type ViewWorkstream = Omit<WorkstreamBreakdown, "rateCents" | "cost"> & { rateCents: number | null; cost: Distribution | null };
export type ViewRole = Omit<Estimate["breakdown"]["byRole"][number], "costBaseCents" | "costMeanCents"> & {
  costBaseCents: number | null;
  costMeanCents: number | null;
};
export type ViewOverlap = Omit<Estimate["licenseOverlap"], "base" | "perWave" | "perSource" | "flat"> & {
  base: { totalCents: number; destinationCents: number | null; sourceCents: number | null; archiveCents: number | null };
  /** flat fees' overlap (÷ months = the fee): null when redacted; absent in results of engines before 2.1 */
  flat?: { destinationCents: number | null; sourceCents: number | null };
  perSource?: (Omit<Estimate["licenseOverlap"]["perSource"][number], "baseCents"> & { baseCents: number | null })[];
  perWave: { wave: string; destinationCents: number | null; sourceCents: number | null; destinationMonths: number; sourceMonths: number }[];
};
/** A cost line as shown: the engine's lines, or (redacted) one "Labor (all workstreams)" line without percentiles. */
export type ViewCostLine = Omit<LabelledDistribution, "min" | "max"> & { min: number | null; max: number | null; key: CostLineKey | "labor"; explainKey: string | null };

export type EstimateView = Omit<Estimate, "breakdown" | "licenseOverlap" | "cost" | "basePlan"> & {
  redacted: boolean;
  cost: { totalCents: Distribution; lines: ViewCostLine[] };
  basePlan: Omit<Estimate["basePlan"], "lines"> & { lines: Partial<Record<CostLineKey, number>> };
  breakdown: Omit<Estimate["breakdown"], "byWorkstream" | "byRole"> & { byWorkstream: ViewWorkstream[]; byRole: ViewRole[] };
  licenseOverlap: ViewOverlap;
};

const isLabor = (key: string) => key.startsWith("labor.");

// Results of engines before 2.2 (kept in baselines) carried money in explanations as bare numbers and rates
// inside the formula text; only for those, money inputs are found by key and rates by text.
const LEGACY_MONEY_INPUT = /rate|fee|monthly|burn|cents/i;
const RATE_IN_TEXT = /\(?\$?\d[\d,]*(\.\d+)?\s*\$?\/h\)?/g;

export function redactText(text: string): string {
  return text.replace(RATE_IN_TEXT, "(rate hidden for your role)");
}

function isLegacyEngine(version: string | undefined): boolean {
  const [major = 0, minor = 0] = (version ?? "0").split(".").map(Number);
  return major < 2 || (major === 2 && minor < 2);
}

/**
 * An explanation without money: every input typed as money (MoneyValue — rates, fees, burn, totals and their
 * parts alike) is removed by its type; the formula and notes hold no money since engine 2.2. Money constants go too.
 */
function redactExplanation(e: Explanation, legacy: boolean): Explanation {
  return {
    ...e,
    formula: legacy ? redactText(e.formula) : e.formula,
    inputs: Object.fromEntries(Object.entries(e.inputs).filter(([k, v]) => !isMoneyValue(v) && !(legacy && typeof v === "number" && LEGACY_MONEY_INPUT.test(k)))),
    constants: e.constants.filter((c) => !isMoneyConstant(c.key)),
    ...(e.notes ? { notes: legacy ? e.notes.map(redactText) : e.notes } : {}),
  };
}

function redactFlag(f: HonestyFlag): HonestyFlag {
  if (f.code === "CONSTANT_OVERRIDE_ISSUE" && String(f.data.key ?? "").startsWith("rate.")) {
    return { ...f, message: `The labor-rate override "${String(f.data.key)}" has a problem (amount hidden for your role).`, data: { key: f.data.key ?? null, problem: f.data.problem ?? null } };
  }
  if (f.code === "NO_LICENSE_FEES") return { ...f, data: {} };
  return f;
}

function costLines(estimate: Estimate, redacted: boolean): ViewCostLine[] {
  const entries = Object.entries(estimate.cost.lines) as [CostLineKey, LabelledDistribution][];
  if (!redacted) return entries.map(([key, d]) => ({ ...d, key, explainKey: `cost.${key}` }));
  const labor = entries.filter(([k]) => isLabor(k));
  const sum = (f: (d: LabelledDistribution) => number) => labor.reduce((s, [, d]) => s + f(d), 0);
  const laborLine: ViewCostLine = {
    key: "labor",
    explainKey: null,
    label: "Labor (all workstreams; rates hidden for your role)",
    base: sum((d) => d.base),
    mean: sum((d) => d.mean), // means add up; percentiles of a sum do not
    min: null,
    max: null,
    percentiles: {},
  };
  return [laborLine, ...entries.filter(([k]) => !isLabor(k)).map(([key, d]) => ({ ...d, key, explainKey: `cost.${key}` }))];
}

/** The estimate for a viewer: unchanged (but typed as a view) for rates.view roles, redacted otherwise. */
export function toEstimateView(estimate: Estimate, opts: { canSeeRates: boolean }): EstimateView {
  const redacted = !opts.canSeeRates;
  const base: EstimateView = {
    ...estimate,
    redacted,
    cost: { totalCents: estimate.cost.totalCents, lines: costLines(estimate, redacted) },
  };
  if (!redacted) return base;
  const lo = estimate.licenseOverlap;
  return {
    ...base,
    basePlan: { ...estimate.basePlan, lines: Object.fromEntries(Object.entries(estimate.basePlan.lines).filter(([k]) => !isLabor(k))) },
    breakdown: {
      ...estimate.breakdown,
      byPhase: estimate.breakdown.byPhase.filter((p) => p.phase !== "after"),
      byMonth: [],
      byWorkstream: estimate.breakdown.byWorkstream.map((w) => ({ ...w, rateCents: null, cost: null })),
      byRole: estimate.breakdown.byRole.map((r) => ({ ...r, costBaseCents: null, costMeanCents: null })),
    },
    licenseOverlap: {
      ...lo,
      base: { totalCents: lo.base.totalCents, destinationCents: null, sourceCents: null, archiveCents: null },
      perWave: lo.perWave.map((w) => ({ ...w, destinationCents: null, sourceCents: null })),
      flat: { destinationCents: null, sourceCents: null },
      perSource: (lo.perSource ?? []).map((x) => ({ ...x, monthlyCents: null, baseCents: null })),
      explanation: `${lo.semantics} The band (P10–P90) is wide because every week the schedule slips is a week of double fees. License fees are hidden for your role.`,
    },
    explanations: Object.fromEntries(
      Object.entries(estimate.explanations)
        .filter(([k]) => !k.startsWith("cost.labor."))
        .map(([k, e]) => [k, redactExplanation(e, isLegacyEngine(estimate.engine?.version))]),
    ),
    flags: estimate.flags.map(redactFlag),
    assumptions: {
      overridden: estimate.assumptions.overridden.filter((o) => !isMoneyConstant(o.key)),
      issues: estimate.assumptions.issues.filter((i) => !isMoneyConstant(i.key)),
    },
  };
}
