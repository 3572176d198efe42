// Risk register: form, action and table-query schemas (client + server). CRUD only — the heat map, the matrix
// configuration and the risk library belong to lib/risk-library.
// The form is flat (what the inputs hold): money in currency units → cents, percentages → shares, schedule
// impact as three week counts, cost impact as none / amount / share of a workstream's effort. Its output is
// a contract Risk row without libraryKey (set only by "add from the library", kept by edits).
import { z } from "zod";
import {
  PHASES,
  RISK_CATEGORIES,
  RISK_SCOPES,
  RISK_STATUSES,
  TREATMENTS,
  WORKSTREAMS,
  type CostImpact,
  type Risk,
  type ThreePoint,
} from "@/lib/engagement-format/schema";
import { enumField, optionalText, requiredText } from "@/lib/form-fields";
import {
  centsToDollarsInput,
  levelField,
  moneyCents,
  numberToInput,
  optionalDecimal,
  optionalIsoDateField,
  optionalLevelField,
  optionalPercentShare,
  percentShare,
  shareToPercentInput,
} from "@/lib/inventories/form-fields";
import { createInput, updateInput } from "@/lib/inventories/action-input";
import type { RowMeta } from "@/lib/inventories/table-query";
import { RISK_DEFINITION } from "@/lib/inventories/definitions";
import { querySchemaOf } from "@/lib/inventories/derive";

export const COST_IMPACT_KINDS = ["none", "amount", "effort_share"] as const;
export type CostImpactKind = (typeof COST_IMPACT_KINDS)[number];
export const COST_IMPACT_KIND_LABELS: Record<CostImpactKind, string> = {
  none: "None",
  amount: "An amount of money",
  effort_share: "A share of a workstream's effort",
};

/** Largest mitigation cost the column holds (32-bit integer cents), in currency units. */
export const MAX_MITIGATION_DOLLARS = 21_000_000;
/** Largest schedule impact accepted, in weeks (ten years). */
export const MAX_SCHEDULE_WEEKS = 520;

const rawText = z.preprocess((v) => (v === undefined || v === null ? "" : typeof v === "string" ? v.trim() : v), z.string().max(40));

export type RiskFormValues = Omit<Risk, "libraryKey">;

/** The form schema for a matrix of `size` levels (the server re-checks against the engagement's matrix). */
export function makeRiskFormSchema(size = 7) {
  const level = levelField(size, `Choose a level from 1 to ${size}`);
  const optionalLevel = optionalLevelField(size, `Choose a level from 1 to ${size}`);
  const weeks = optionalDecimal({ max: MAX_SCHEDULE_WEEKS });
  return z
    .strictObject({
      title: requiredText(200),
      cause: optionalText(2000),
      effect: optionalText(2000),
      category: enumField(RISK_CATEGORIES, "Choose a category"),
      likelihood: level,
      impact: level,
      residualLikelihood: optionalLevel,
      residualImpact: optionalLevel,
      probability: optionalPercentShare(),
      residualProbability: optionalPercentShare(),
      scope: enumField(RISK_SCOPES),
      treatment: enumField(TREATMENTS),
      mitigationPlan: optionalText(2000),
      mitigationCost: moneyCents({ maxDollars: MAX_MITIGATION_DOLLARS, blank: "zero" }),
      scheduleMin: weeks,
      scheduleLikely: weeks,
      scheduleMax: weeks,
      costKind: enumField(COST_IMPACT_KINDS),
      costWorkstream: rawText,
      costMin: rawText,
      costLikely: rawText,
      costMax: rawText,
      phase: enumField(PHASES),
      owner: optionalText(200),
      nextReviewDate: optionalIsoDateField(),
      status: enumField(RISK_STATUSES),
    })
    .transform((v, ctx): RiskFormValues => {
      const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", message, path: [path] });

      // residual position: both levels or neither
      if ((v.residualLikelihood === null) !== (v.residualImpact === null)) {
        issue(v.residualLikelihood === null ? "residualLikelihood" : "residualImpact", "Set both residual levels, or neither");
      }

      // schedule impact: three numbers or none, min ≤ most likely ≤ max
      let scheduleImpactWeeks: ThreePoint | null = null;
      const sched = { scheduleMin: v.scheduleMin, scheduleLikely: v.scheduleLikely, scheduleMax: v.scheduleMax };
      const filled = Object.values(sched).filter((x) => x !== null).length;
      if (filled > 0 && filled < 3) {
        for (const [k, x] of Object.entries(sched)) if (x === null) issue(k, "Enter all three week counts, or none");
      } else if (filled === 3) {
        const t = { min: v.scheduleMin!, likely: v.scheduleLikely!, max: v.scheduleMax! };
        if (t.min > t.likely) issue("scheduleLikely", "Most likely must be at least the minimum");
        else if (t.likely > t.max) issue("scheduleMax", "Maximum must be at least the most likely");
        else scheduleImpactWeeks = t;
      }

      // cost impact
      let costImpact: CostImpact | null = null;
      if (v.costKind !== "none") {
        const field = v.costKind === "amount" ? moneyCents({ maxDollars: 1_000_000_000 }) : percentShare({ max: 1000 });
        const parsed: Record<string, number | null> = {};
        for (const k of ["costMin", "costLikely", "costMax"] as const) {
          const r = field.safeParse(v[k]);
          if (r.success) parsed[k] = r.data;
          else {
            parsed[k] = null;
            issue(k, r.error.issues[0]?.message ?? "Enter a number");
          }
        }
        let workstream: (typeof WORKSTREAMS)[number] | null = null;
        if (v.costKind === "effort_share") {
          const w = z.enum(WORKSTREAMS).safeParse(v.costWorkstream);
          if (w.success) workstream = w.data;
          else issue("costWorkstream", "Choose the workstream");
        }
        const { costMin: min, costLikely: likely, costMax: max } = parsed;
        if (min !== null && likely !== null && max !== null) {
          if (min > likely) issue("costLikely", "Most likely must be at least the minimum");
          else if (likely > max) issue("costMax", "Maximum must be at least the most likely");
          else if (v.costKind === "amount") costImpact = { kind: "amount", min, likely, max };
          else if (workstream) costImpact = { kind: "effort_share", workstream, min, likely, max };
        }
      }

      return {
        title: v.title,
        cause: v.cause,
        effect: v.effect,
        category: v.category,
        likelihood: v.likelihood,
        impact: v.impact,
        residualLikelihood: v.residualLikelihood,
        residualImpact: v.residualImpact,
        probability: v.probability,
        residualProbability: v.residualProbability,
        scope: v.scope,
        treatment: v.treatment,
        mitigationPlan: v.mitigationPlan,
        mitigationCostCents: v.mitigationCost,
        scheduleImpactWeeks,
        costImpact,
        phase: v.phase,
        owner: v.owner,
        nextReviewDate: v.nextReviewDate,
        status: v.status,
      };
    });
}

export const RiskFormSchema = makeRiskFormSchema(7);
export const RiskCreateSchema = createInput(RiskFormSchema);
export const RiskUpdateSchema = updateInput(RiskFormSchema);

export type RiskRow = Risk & RowMeta;

export type RiskFormState = {
  title: string;
  cause: string;
  effect: string;
  category: string;
  likelihood: string;
  impact: string;
  residualLikelihood: string;
  residualImpact: string;
  probability: string; // percent
  residualProbability: string; // percent
  scope: string;
  treatment: string;
  mitigationPlan: string;
  mitigationCost: string; // currency units
  scheduleMin: string;
  scheduleLikely: string;
  scheduleMax: string;
  costKind: string;
  costWorkstream: string;
  costMin: string; // currency units (amount) or percent (effort share)
  costLikely: string;
  costMax: string;
  phase: string;
  owner: string;
  nextReviewDate: string;
  status: string;
};

export const emptyRiskForm: RiskFormState = {
  title: "",
  cause: "",
  effect: "",
  category: "other",
  likelihood: "",
  impact: "",
  residualLikelihood: "",
  residualImpact: "",
  probability: "",
  residualProbability: "",
  scope: "once",
  treatment: "mitigate",
  mitigationPlan: "",
  mitigationCost: "",
  scheduleMin: "",
  scheduleLikely: "",
  scheduleMax: "",
  costKind: "none",
  costWorkstream: "",
  costMin: "",
  costLikely: "",
  costMax: "",
  phase: "P3",
  owner: "",
  nextReviewDate: "",
  status: "open",
};

export function riskToForm(row: Risk): RiskFormState {
  const c = row.costImpact;
  const costInput = (n: number) => (c?.kind === "amount" ? centsToDollarsInput(n) : shareToPercentInput(n));
  return {
    title: row.title,
    cause: row.cause,
    effect: row.effect,
    category: row.category,
    likelihood: String(row.likelihood),
    impact: String(row.impact),
    residualLikelihood: row.residualLikelihood === null ? "" : String(row.residualLikelihood),
    residualImpact: row.residualImpact === null ? "" : String(row.residualImpact),
    probability: shareToPercentInput(row.probability),
    residualProbability: shareToPercentInput(row.residualProbability),
    scope: row.scope,
    treatment: row.treatment,
    mitigationPlan: row.mitigationPlan,
    mitigationCost: row.mitigationCostCents === 0 ? "" : centsToDollarsInput(row.mitigationCostCents),
    scheduleMin: numberToInput(row.scheduleImpactWeeks?.min),
    scheduleLikely: numberToInput(row.scheduleImpactWeeks?.likely),
    scheduleMax: numberToInput(row.scheduleImpactWeeks?.max),
    costKind: c ? c.kind : "none",
    costWorkstream: c?.kind === "effort_share" ? c.workstream : "",
    costMin: c ? costInput(c.min) : "",
    costLikely: c ? costInput(c.likely) : "",
    costMax: c ? costInput(c.max) : "",
    phase: row.phase,
    owner: row.owner,
    nextReviewDate: row.nextReviewDate ?? "",
    status: row.status,
  };
}

// ---- table ----
export const RISK_FLAGS = ["overdue", "no_owner", "no_residual", "no_review_date"] as const;
export const RISK_FLAG_LABELS: Record<(typeof RISK_FLAGS)[number], string> = {
  overdue: "Review overdue",
  no_owner: "Without owner",
  no_residual: "Residual not assessed",
  no_review_date: "No review date",
};

/** Sorted by the inherent or residual score (likelihood × impact) besides the definition's own sorts. */
export const RiskQuerySchema = querySchemaOf(RISK_DEFINITION, { sorts: ["score", "residualScore"], flags: RISK_FLAGS });
export type RiskQuery = z.output<typeof RiskQuerySchema>;

export type RiskTotals = {
  risks: number;
  byStatus: Record<(typeof RISK_STATUSES)[number], number>;
  overdue: number; // not closed, next review date before today
  withoutOwner: number; // not closed
  residualNotAssessed: number; // not closed
  highOrWorse: number; // not closed, inherent score in the high or critical band
  byTreatment: Record<(typeof TREATMENTS)[number], number>; // not closed
  openMitigationCents: number; // mitigation cost of the risks that are not closed
};

export function riskKeyMessage() {
  return RISK_DEFINITION.keyMessage;
}
