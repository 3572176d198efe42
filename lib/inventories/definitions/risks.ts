// The cutover risk register. Its form is its own (lib/risks/schema.ts: levels on the engagement's matrix,
// money in currency units, three-point schedule and cost impacts); the fields here say the rest.
import { z } from "zod";
import {
  CostImpactSchema, PHASES, RISK_CATEGORIES, RISK_SCOPES, RISK_STATUSES, ThreePointSchema, TREATMENTS, WORKSTREAMS, cents, isoDate, text,
} from "@/lib/engagement-format/vocabularies";
import { defineInventory } from "@/lib/inventories/definition";
import { choice, customField, ownedElsewhere, requiredTextField, textField, type ColumnDef } from "@/lib/inventories/fields";

const level = z.int().min(1).max(7); // a level on the engagement's matrix
const LEVEL_HELP = "Level on the engagement's matrix";

/** The id, header and kind of the min / likely / max spreadsheet columns of a three-point value. */
const threePointColumns = (prefix: string, kind: ColumnDef["kind"], label: string, unit: string) =>
  (["min", "likely", "max"] as const).map((p) => ({ id: `${prefix}.${p}`, header: `${label} ${p} (${unit})`, kind }));
const [sMin, sLikely, sMax] = threePointColumns("scheduleImpactWeeks", "number", "Schedule impact", "weeks");
const [aMin, aLikely, aMax] = threePointColumns("costImpact.amount", "money", "Cost impact", "$");
const [eMin, eLikely, eMax] = threePointColumns("costImpact.effort", "percent", "Effort impact", "%");

export const RISK_DEFINITION = defineInventory({
  key: "risks",
  label: "Risk register",
  noun: "risk",
  nounPlural: "risks",
  entityType: "risk",
  section: "risks",
  keyFields: ["title"],
  keyMessage: "This engagement already has a risk with this title",
  defaultSort: "score",
  defaultDir: "desc",
  searchPlaceholder: "Search risks…",
  fields: {
    title: requiredTextField(200, {
      label: "Title", key: true, table: "Risk", sort: true, search: true,
      aliases: ["Risk", "Risk title", "Name", "Risk name", "Summary"],
      help: "Short title; identifies the row.",
    }),
    cause: textField(2000, { label: "Cause", multiline: true, search: true, aliases: ["Causes", "Root cause", "Trigger", "If (cause)"], help: "What could cause it." }),
    effect: textField(2000, { label: "Effect", multiline: true, search: true, aliases: ["Consequence", "Impact description", "Then (effect)", "Effects"], help: "What happens if it occurs." }),
    category: choice(RISK_CATEGORIES, "other", {
      label: "Category", bulk: true, message: "Choose a category", sort: true, filter: "category",
      aliases: ["Type", "Risk category", "Area"], help: "Risk category.",
    }),
    likelihood: customField("level", level, {
      label: "Likelihood", required: true, aliases: ["L", "Likelihood level", "Likelihood score", "Probability level"],
      help: `${LEVEL_HELP}: a number (1–5 on the default 5×5) or its label (Rare … Almost certain).`,
    }),
    impact: customField("level", level, {
      label: "Impact", required: true, aliases: ["I", "Impact level", "Impact score", "Severity", "Consequence level"],
      help: `${LEVEL_HELP}: a number or its label (Minimal … Severe).`,
    }),
    residualLikelihood: customField("level", level.nullable().default(null), {
      label: "Residual likelihood", nullable: true, aliases: ["Residual L", "Post-mitigation likelihood", "Target likelihood"],
      help: "Likelihood after mitigation; blank = not assessed.",
    }),
    residualImpact: customField("level", level.nullable().default(null), {
      label: "Residual impact", nullable: true, aliases: ["Residual I", "Post-mitigation impact", "Target impact"],
      help: "Impact after mitigation; blank = not assessed.",
    }),
    probability: customField("percent", z.number().min(0).max(1).nullable().default(null), {
      label: "Probability", nullable: true, aliases: ["Probability %", "Probability (%)", "Chance", "P"],
      help: "Overrides the matrix's probability for this risk: 35% (or 0.35). Blank = use the matrix.",
    }),
    residualProbability: customField("percent", z.number().min(0).max(1).nullable().default(null), {
      label: "Residual probability", nullable: true, aliases: ["Post-mitigation probability", "Residual chance", "Residual probability %"],
      help: "Probability after mitigation: 10% (or 0.1). Blank = use the matrix.",
    }),
    scope: choice(RISK_SCOPES, "once", {
      label: "Scope", aliases: ["Applies", "Occurrence", "Applies per"],
      help: "Once, per interface or per cutover wave (the probability applies to each).",
    }),
    treatment: choice(TREATMENTS, "mitigate", {
      label: "Treatment", bulk: true, table: true, sort: true, filter: "treatment", aliases: ["Response", "Risk response", "Response strategy"],
      help: "Mitigate, accept, transfer or avoid.",
    }),
    mitigationPlan: textField(2000, {
      label: "Mitigation plan", multiline: true, search: true, aliases: ["Mitigation", "Mitigations", "Action plan", "Actions", "Response plan"],
      help: "What we do about it.",
    }),
    mitigationCostCents: customField("money", cents.default(0), {
      label: "Mitigation cost", header: "Mitigation cost ($)", table: "Mitigation", sort: true, aliases: ["Mitigation cost", "Cost of mitigation", "Mitigation budget"],
      help: "Cost of the mitigation in dollars, e.g. 12,500.",
    }),
    scheduleImpactWeeks: customField("threePoint", ThreePointSchema.nullable().default(null), {
      label: "Schedule impact", storage: "json", nullable: true,
      help: "Delay if it occurs (weeks): min, most likely, max — or none.",
      columns: [
        { ...sMin, aliases: ["Schedule min", "Schedule impact min", "Schedule impact minimum", "Delay min (weeks)", "Min delay (weeks)"], description: "Delay if it occurs, best case, in weeks. Give min, likely and max — or only likely — or leave all three blank." },
        { ...sLikely, aliases: ["Schedule likely", "Schedule impact likely", "Schedule impact most likely", "Schedule impact (weeks)", "Delay (weeks)", "Delay likely (weeks)", "Most likely delay (weeks)"], description: "Delay if it occurs, most likely, in weeks." },
        { ...sMax, aliases: ["Schedule max", "Schedule impact max", "Schedule impact maximum", "Delay max (weeks)", "Max delay (weeks)"], description: "Delay if it occurs, worst case, in weeks." },
      ],
    }),
    costImpact: customField("costImpact", CostImpactSchema.nullable().default(null), {
      label: "Cost impact", storage: "json", nullable: true,
      help: "Extra cost if it occurs: an amount (cents) or a share of one workstream's effort, as min, most likely, max — or none.",
      columns: [
        { ...aMin, aliases: ["Cost min", "Cost impact min", "Cost impact minimum"], description: "Extra cost if it occurs, best case, in dollars. Give min, likely and max — or only likely — or leave all three blank." },
        { ...aLikely, aliases: ["Cost likely", "Cost impact likely", "Cost impact most likely", "Cost impact", "Cost impact ($)"], description: "Extra cost if it occurs, most likely, in dollars." },
        { ...aMax, aliases: ["Cost max", "Cost impact max", "Cost impact maximum"], description: "Extra cost if it occurs, worst case, in dollars." },
        { id: "costImpact.effort.workstream", header: "Effort impact workstream", aliases: ["Effort workstream", "Workstream", "Effort impact on"], kind: "enum", values: WORKSTREAMS, description: "Instead of dollars, the cost impact can be extra effort on one workstream: which one." },
        { ...eMin, aliases: ["Effort min", "Effort impact min", "Effort impact minimum"], description: "Extra effort on that workstream, best case: 10% = +10% of its hours. Leave the dollar columns blank when you use these." },
        { ...eLikely, aliases: ["Effort likely", "Effort impact likely", "Effort impact most likely", "Effort impact (%)"], description: "Extra effort on that workstream, most likely." },
        { ...eMax, aliases: ["Effort max", "Effort impact max", "Effort impact maximum"], description: "Extra effort on that workstream, worst case." },
      ],
    }),
    phase: choice(PHASES, "P3", {
      label: "Phase", bulk: true, sort: true, filter: "phase", aliases: ["Project phase", "When"],
      help: "Phase in which it would hit: P0 scoping … P4 decommission.",
    }),
    owner: textField(200, {
      label: "Owner", bulk: true, table: true, sort: true, search: true, aliases: ["Risk owner", "Responsible", "Assigned to", "Accountable"],
      help: "Who owns it.",
    }),
    nextReviewDate: customField("date", isoDate.nullable().default(null), {
      label: "Next review", storage: "date", nullable: true, table: true, sort: true, aliases: ["Next review date", "Review date", "Review by", "Due date", "Due"],
      help: "Next review date: 2027-03-15 (Excel dates and 3/15/2027 work too).",
    }),
    status: choice(RISK_STATUSES, "open", {
      label: "Status", bulk: true, table: true, sort: true, filter: "status", aliases: ["Risk status", "State"],
      help: "Open, monitoring or closed.",
    }),
    libraryKey: ownedElsewhere(customField("text", text(100).nullable().default(null), {
      label: "Library key", nullable: true, aliases: ["Library", "Library id"],
      help: "Set when the risk came from the risk library; leave as is.",
    })),
  },
  example: {
    title: "Cutover compressed by license-overlap cost", cause: "Source contract ends before the last wave",
    effect: "Pilot shortened; providers go live unproductive", category: "schedule", likelihood: 4, impact: 4, residualLikelihood: 2,
    residualImpact: 3, probability: 0.35, scope: "once", treatment: "mitigate", mitigationPlan: "Negotiate a 3-month source extension now",
    mitigationCostCents: 4_500_000, scheduleImpactWeeks: { min: 2, likely: 4, max: 8 },
    costImpact: { kind: "amount", min: 5_000_000, likely: 12_000_000, max: 25_000_000 }, phase: "P3", owner: "Engagement lead",
    nextReviewDate: "2027-03-15", status: "open",
  },
});
