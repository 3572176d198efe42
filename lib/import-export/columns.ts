// The spreadsheet columns of each inventory: the one table that export, template and import all read, so an
// exported file imports back into the same rows. A column is a contract field (or, for risks, one point of a
// three-point estimate); its header is what exports write, its aliases are the header variants imports
// recognise (compared after canonicalHeader, see headers.ts).
// Client-safe and pure: the mapping UI and the help sheet use the same descriptions.
import type { z } from "zod";
import { INVENTORIES, type InventoryKey } from "@/lib/inventories/registry";
import {
  COMPLEXITIES, DATA_ENTITY_KINDS, DIRECTIONS, DISPOSITIONS, FREQUENCIES, INTEGRATION_KINDS,
  INTEGRATION_STANDARDS, INTERFACE_COMPLEXITIES, MAPPING_STATUSES, MIGRATE_DECISIONS, PHASES, REPORT_KINDS,
  REVIEW_STATUSES, RISK_CATEGORIES, RISK_SCOPES, RISK_STATUSES, SEVERITIES, TRANSITION_STRATEGIES, TREATMENTS,
  WORKFLOW_KINDS, WORKSTREAMS, WORK_STATUSES,
  type CostImpact, type DataEntity, type Integration, type Report, type Risk, type ThreePoint, type WorkflowItem,
} from "@/lib/engagement-format/schema";
import { centsToDollars } from "@/lib/import-export/normalize";
import { formatQuirks } from "@/lib/import-export/quirks";
import { labelFor } from "@/lib/import-export/vocabulary";

export type ColumnKind = "text" | "int" | "number" | "percent" | "money" | "bool" | "enum" | "date" | "level" | "quirks";

export type ColumnDef = {
  /** Contract field, or a dotted path for the parts of a three-point estimate (risks). */
  id: string;
  header: string;
  aliases: readonly string[];
  kind: ColumnKind;
  /** Vocabulary codes (kind "enum"). */
  values?: readonly string[];
  /** Part of the natural key: rows are matched on these. */
  isKey?: boolean;
  /** A new row needs a value (no default). */
  isRequired?: boolean;
  description: string;
};

/** A typed cell for the writers (CSV and XLSX format each type their own way). */
export type OutCell =
  | { t: "text"; v: string }
  | { t: "int"; v: number }
  | { t: "number"; v: number }
  | { t: "money"; v: number } // dollars
  | { t: "percent"; v: number } // share 0..1
  | { t: "date"; v: string } // YYYY-MM-DD
  | null;

type AnyRow = DataEntity | WorkflowItem | Integration | Report | Risk;

export type InventorySpec<R extends AnyRow = AnyRow> = {
  key: InventoryKey;
  label: string;
  /** One row, for messages: "data entity", "risk". */
  noun: string;
  nounPlural: string;
  schema: z.ZodType<R>;
  naturalKey: (row: R) => string;
  columns: ColumnDef[];
  /** Human description of the natural key, e.g. "Entity + Source object". */
  keyHeaders: string;
  rowLabel: (row: Partial<R>) => string;
  toCells: (row: R) => Record<string, OutCell>;
  example: R;
};

const text = (v: string): OutCell => ({ t: "text", v });
const label = (codes: readonly string[], v: string): OutCell => ({ t: "text", v: labelFor(codes, v) });
const yesNo = (v: boolean): OutCell => ({ t: "text", v: v ? "Yes" : "No" });
const num = (v: number | null): OutCell => (v === null ? null : { t: "number", v });
const int = (v: number | null): OutCell => (v === null ? null : { t: "int", v });
const pct = (v: number | null): OutCell => (v === null ? null : { t: "percent", v });

const NOTES: ColumnDef = { id: "notes", header: "Notes", aliases: ["Comments", "Comment", "Remarks", "Note"], kind: "text", description: "Free text." };

// ---------- 1. data inventory ----------
const dataColumns: ColumnDef[] = [
  { id: "entity", header: "Entity", aliases: ["Entity type", "Data entity", "Data type", "Entity kind", "Data category", "Data domain", "Domain"], kind: "enum", values: DATA_ENTITY_KINDS, isKey: true, isRequired: true, description: "What kind of clinical or administrative data this is." },
  { id: "sourceObject", header: "Source object", aliases: ["Source table", "Source tables", "Table", "Table name", "Source", "Object", "Source entity", "Source object name", "Legacy table", "Source location"], kind: "text", isKey: true, isRequired: true, description: "Where it lives in the source system (table, module, file share). With Entity, identifies the row." },
  { id: "recordCount", header: "Record count", aliases: ["Records", "# records", "Approx. records", "Number of records", "Row count", "Rows", "Volume", "Record volume", "Est. records", "Total records"], kind: "int", description: "Approximate number of records. Thousands separators, 1.2M and 45k are fine; blank = unknown." },
  { id: "yearsCovered", header: "Years covered", aliases: ["Years of data", "Years", "History (years)", "Years of history", "Data years", "Lookback (years)"], kind: "number", description: "How many years of history the source holds; blank = unknown." },
  { id: "decision", header: "Decision", aliases: ["Migrate?", "Migration decision", "Migrate decision", "Migrate / archive", "Migrate or archive"], kind: "enum", values: MIGRATE_DECISIONS, description: "Migrate, keep in a read-only archive, leave behind, or not decided yet." },
  { id: "destinationEntity", header: "Destination entity", aliases: ["Destination", "Destination object", "Target", "Target entity", "Target table", "Maps to", "Destination table", "Mapping target"], kind: "text", description: "What it maps to in the destination model." },
  { id: "mappingStatus", header: "Mapping status", aliases: ["Mapping", "Map status", "Mapping state"], kind: "enum", values: MAPPING_STATUSES, description: "How far the source → destination mapping is." },
  { id: "cleanupInScope", header: "Cleanup in scope", aliases: ["Cleanup", "Clean up in scope", "Cleanup?", "Data cleanup", "Cleanup in scope?", "In scope for cleanup"], kind: "bool", description: "Is data cleanup part of our scope for this entity? Yes/No (also True/False, X)." },
  { id: "decider", header: "Decider", aliases: ["Decided by", "Decision owner", "Who decides", "Decision maker"], kind: "text", description: "Who decides cleanup and migration questions for this entity." },
  NOTES,
  { id: "quirks", header: "Quirks", aliases: ["Known quirks", "Data quality issues", "Data quality", "Issues", "Quirk", "DQ issues"], kind: "quirks", description: "Known data-quality quirks, one cell: kind:severity:affected[:cleanup decision[:decider[:description]]], separated by “;”. Example: unmerged_patients:high:1200; icd9_unconverted:medium:15%." },
];

// ---------- 2. workflows ----------
const workflowColumns: ColumnDef[] = [
  { id: "kind", header: "Kind", aliases: ["Type", "Workflow type", "Workflow kind", "Item type", "Category"], kind: "enum", values: WORKFLOW_KINDS, isKey: true, isRequired: true, description: "What kind of workflow artefact this is." },
  { id: "name", header: "Name", aliases: ["Workflow", "Workflow name", "Item", "Item name", "Title"], kind: "text", isKey: true, isRequired: true, description: "Its name. With Kind and Department, identifies the row." },
  { id: "department", header: "Department", aliases: ["Dept", "Specialty", "Service line", "Clinic", "Area"], kind: "text", isKey: true, description: "Owning department or specialty; blank for organization-wide items." },
  { id: "quantity", header: "Quantity", aliases: ["Qty", "How many", "Instances"], kind: "int", description: "How many items this row stands for (e.g. 42 cardiology order sets). Default 1." },
  { id: "complexity", header: "Complexity", aliases: ["Effort", "Difficulty"], kind: "enum", values: COMPLEXITIES, description: "Rebuild complexity." },
  { id: "disposition", header: "Disposition", aliases: ["Survive cutover?", "Must survive?", "Change allowed?", "Cutover disposition", "Keep / change", "Keep or change"], kind: "enum", values: DISPOSITIONS, description: "Must it survive cutover unchanged, may it change, or is it retired?" },
  { id: "reviewStatus", header: "Review status", aliases: ["Clinical review", "Review", "Reviewed", "Approval status", "Approval"], kind: "enum", values: REVIEW_STATUSES, description: "Clinical review state." },
  NOTES,
];

// ---------- 3. integrations ----------
const integrationColumns: ColumnDef[] = [
  { id: "name", header: "Name", aliases: ["Interface", "Interface name", "Integration", "Integration name", "Feed", "Feed name"], kind: "text", isKey: true, isRequired: true, description: "The interface's name; identifies the row." },
  { id: "kind", header: "Kind", aliases: ["Type", "Interface type", "Integration type", "Category"], kind: "enum", values: INTEGRATION_KINDS, isRequired: true, description: "What the interface is for." },
  { id: "standard", header: "Standard", aliases: ["Protocol", "Format", "Message standard", "Interface standard", "Message format"], kind: "enum", values: INTEGRATION_STANDARDS, isRequired: true, description: "Message standard or transport." },
  { id: "messageTypes", header: "Message types", aliases: ["Messages", "Message type", "Transactions", "Event types", "Message / event types"], kind: "text", description: "E.g. ORM^O01, ORU^R01 or 270/271, 837P." },
  { id: "direction", header: "Direction", aliases: ["Flow", "Data flow", "In / out", "Inbound / outbound"], kind: "enum", values: DIRECTIONS, isRequired: true, description: "Seen from the EMR: inbound, outbound or both." },
  { id: "partner", header: "Partner", aliases: ["Vendor", "Trading partner", "Counterparty", "Partner / vendor", "External system"], kind: "text", description: "The other party (lab, payer, vendor)." },
  { id: "sourceEndpoint", header: "Source endpoint", aliases: ["Endpoint", "Current endpoint", "Source-side endpoint", "Source interface", "Current connection"], kind: "text", description: "How it connects today, on the source side." },
  { id: "replacementPlan", header: "Replacement plan", aliases: ["Destination plan", "Destination-side replacement", "Target plan", "Replacement", "Destination replacement"], kind: "text", description: "How it is rebuilt on the destination side." },
  { id: "transitionStrategy", header: "Transition strategy", aliases: ["Transition", "Cutover strategy", "Strategy"], kind: "enum", values: TRANSITION_STRATEGIES, description: "Parallel run, cut and switch, or retire." },
  { id: "clinicalImpact", header: "Clinical impact", aliases: ["Impact", "Priority", "Clinical priority", "Criticality"], kind: "enum", values: SEVERITIES, description: "Clinical impact if it fails (drives the rebuild order)." },
  { id: "complexity", header: "Complexity", aliases: ["Interface complexity", "Effort", "Difficulty"], kind: "enum", values: INTERFACE_COMPLEXITIES, description: "Interface build complexity." },
  { id: "status", header: "Status", aliases: ["Work status", "Progress", "State"], kind: "enum", values: WORK_STATUSES, description: "Work status." },
];

// ---------- 4. reports ----------
const reportColumns: ColumnDef[] = [
  { id: "name", header: "Name", aliases: ["Report", "Report name", "Title", "Dashboard", "Report title"], kind: "text", isKey: true, isRequired: true, description: "The report's name; identifies the row." },
  { id: "kind", header: "Kind", aliases: ["Type", "Report type", "Category"], kind: "enum", values: REPORT_KINDS, isRequired: true, description: "Operational, financial, clinical dashboard or regulatory submission." },
  { id: "consumers", header: "Consumers", aliases: ["Audience", "Users", "Recipients", "Downstream consumers", "Used by", "Consumer"], kind: "text", description: "Who relies on it downstream." },
  { id: "frequency", header: "Frequency", aliases: ["Cadence", "Schedule", "Run frequency", "How often"], kind: "enum", values: FREQUENCIES, description: "How often it runs." },
  { id: "complexity", header: "Complexity", aliases: ["Effort", "Difficulty"], kind: "enum", values: COMPLEXITIES, description: "Rebuild complexity." },
  { id: "reproducibilityPlan", header: "Reproducibility plan", aliases: ["Reproducibility", "Rebuild plan", "Destination plan", "How to reproduce", "Plan"], kind: "text", description: "How it is reproduced on the destination (empty on a regulatory report is flagged)." },
  { id: "parallelValidation", header: "Parallel validation", aliases: ["Validate in parallel", "Parallel run", "Parallel validation?", "Side-by-side validation"], kind: "bool", description: "Validated side by side with the source before cutover? Yes/No." },
  { id: "status", header: "Status", aliases: ["Work status", "Progress", "State"], kind: "enum", values: WORK_STATUSES, description: "Work status." },
];

// ---------- 6. risks ----------
const riskColumns: ColumnDef[] = [
  { id: "title", header: "Title", aliases: ["Risk", "Risk title", "Name", "Risk name", "Summary"], kind: "text", isKey: true, isRequired: true, description: "Short title; identifies the row." },
  { id: "cause", header: "Cause", aliases: ["Causes", "Root cause", "Trigger", "If (cause)"], kind: "text", description: "What could cause it." },
  { id: "effect", header: "Effect", aliases: ["Consequence", "Impact description", "Then (effect)", "Effects"], kind: "text", description: "What happens if it occurs." },
  { id: "category", header: "Category", aliases: ["Type", "Risk category", "Area"], kind: "enum", values: RISK_CATEGORIES, description: "Risk category." },
  { id: "likelihood", header: "Likelihood", aliases: ["L", "Likelihood level", "Likelihood score", "Probability level"], kind: "level", isRequired: true, description: "Level on the engagement's matrix: a number (1–5 on the default 5×5) or its label (Rare … Almost certain)." },
  { id: "impact", header: "Impact", aliases: ["I", "Impact level", "Impact score", "Severity", "Consequence level"], kind: "level", isRequired: true, description: "Level on the engagement's matrix: a number or its label (Minimal … Severe)." },
  { id: "residualLikelihood", header: "Residual likelihood", aliases: ["Residual L", "Post-mitigation likelihood", "Target likelihood"], kind: "level", description: "Likelihood after mitigation; blank = not assessed." },
  { id: "residualImpact", header: "Residual impact", aliases: ["Residual I", "Post-mitigation impact", "Target impact"], kind: "level", description: "Impact after mitigation; blank = not assessed." },
  { id: "probability", header: "Probability", aliases: ["Probability %", "Probability (%)", "Chance", "P"], kind: "percent", description: "Overrides the matrix's probability for this risk: 35% (or 0.35). Blank = use the matrix." },
  { id: "residualProbability", header: "Residual probability", aliases: ["Post-mitigation probability", "Residual chance", "Residual probability %"], kind: "percent", description: "Probability after mitigation: 10% (or 0.1). Blank = use the matrix." },
  { id: "scope", header: "Scope", aliases: ["Applies", "Occurrence", "Applies per"], kind: "enum", values: RISK_SCOPES, description: "Once, per interface or per cutover wave (the probability applies to each)." },
  { id: "treatment", header: "Treatment", aliases: ["Response", "Risk response", "Response strategy"], kind: "enum", values: TREATMENTS, description: "Mitigate, accept, transfer or avoid." },
  { id: "mitigationPlan", header: "Mitigation plan", aliases: ["Mitigation", "Mitigations", "Action plan", "Actions", "Response plan"], kind: "text", description: "What we do about it." },
  { id: "mitigationCostCents", header: "Mitigation cost ($)", aliases: ["Mitigation cost", "Cost of mitigation", "Mitigation budget"], kind: "money", description: "Cost of the mitigation in dollars, e.g. 12,500." },
  { id: "scheduleImpactWeeks.min", header: "Schedule impact min (weeks)", aliases: ["Schedule min", "Schedule impact min", "Schedule impact minimum", "Delay min (weeks)", "Min delay (weeks)"], kind: "number", description: "Delay if it occurs, best case, in weeks. Give min, likely and max — or only likely — or leave all three blank." },
  { id: "scheduleImpactWeeks.likely", header: "Schedule impact likely (weeks)", aliases: ["Schedule likely", "Schedule impact likely", "Schedule impact most likely", "Schedule impact (weeks)", "Delay (weeks)", "Delay likely (weeks)", "Most likely delay (weeks)"], kind: "number", description: "Delay if it occurs, most likely, in weeks." },
  { id: "scheduleImpactWeeks.max", header: "Schedule impact max (weeks)", aliases: ["Schedule max", "Schedule impact max", "Schedule impact maximum", "Delay max (weeks)", "Max delay (weeks)"], kind: "number", description: "Delay if it occurs, worst case, in weeks." },
  { id: "costImpact.amount.min", header: "Cost impact min ($)", aliases: ["Cost min", "Cost impact min", "Cost impact minimum"], kind: "money", description: "Extra cost if it occurs, best case, in dollars. Give min, likely and max — or only likely — or leave all three blank." },
  { id: "costImpact.amount.likely", header: "Cost impact likely ($)", aliases: ["Cost likely", "Cost impact likely", "Cost impact most likely", "Cost impact", "Cost impact ($)"], kind: "money", description: "Extra cost if it occurs, most likely, in dollars." },
  { id: "costImpact.amount.max", header: "Cost impact max ($)", aliases: ["Cost max", "Cost impact max", "Cost impact maximum"], kind: "money", description: "Extra cost if it occurs, worst case, in dollars." },
  { id: "costImpact.effort.workstream", header: "Effort impact workstream", aliases: ["Effort workstream", "Workstream", "Effort impact on"], kind: "enum", values: WORKSTREAMS, description: "Instead of dollars, the cost impact can be extra effort on one workstream: which one." },
  { id: "costImpact.effort.min", header: "Effort impact min (%)", aliases: ["Effort min", "Effort impact min", "Effort impact minimum"], kind: "percent", description: "Extra effort on that workstream, best case: 10% = +10% of its hours. Leave the dollar columns blank when you use these." },
  { id: "costImpact.effort.likely", header: "Effort impact likely (%)", aliases: ["Effort likely", "Effort impact likely", "Effort impact most likely", "Effort impact (%)"], kind: "percent", description: "Extra effort on that workstream, most likely." },
  { id: "costImpact.effort.max", header: "Effort impact max (%)", aliases: ["Effort max", "Effort impact max", "Effort impact maximum"], kind: "percent", description: "Extra effort on that workstream, worst case." },
  { id: "phase", header: "Phase", aliases: ["Project phase", "When"], kind: "enum", values: PHASES, description: "Phase in which it would hit: P0 scoping … P4 decommission." },
  { id: "owner", header: "Owner", aliases: ["Risk owner", "Responsible", "Assigned to", "Accountable"], kind: "text", description: "Who owns it." },
  { id: "nextReviewDate", header: "Next review", aliases: ["Next review date", "Review date", "Review by", "Due date", "Due"], kind: "date", description: "Next review date: 2027-03-15 (Excel dates and 3/15/2027 work too)." },
  { id: "status", header: "Status", aliases: ["Risk status", "State"], kind: "enum", values: RISK_STATUSES, description: "Open, monitoring or closed." },
  { id: "libraryKey", header: "Library key", aliases: ["Library", "Library id"], kind: "text", description: "Set when the risk came from the risk library; leave as is." },
];

const threePointCells = (p: ThreePoint | null, prefix: string, cell: (v: number) => OutCell) =>
  p ? { [`${prefix}.min`]: cell(p.min), [`${prefix}.likely`]: cell(p.likely), [`${prefix}.max`]: cell(p.max) } : {};

function costImpactCells(c: CostImpact | null): Record<string, OutCell> {
  if (!c) return {};
  if (c.kind === "amount") return threePointCells(c, "costImpact.amount", (v) => ({ t: "money", v: centsToDollars(v) }));
  return { "costImpact.effort.workstream": label(WORKSTREAMS, c.workstream), ...threePointCells(c, "costImpact.effort", (v) => ({ t: "percent", v })) };
}

export const INVENTORY_SPECS: { [K in InventoryKey]: InventorySpec } = {
  data: {
    key: "data",
    label: INVENTORIES.data.label,
    noun: "data entity",
    nounPlural: "data entities",
    schema: INVENTORIES.data.schema,
    naturalKey: INVENTORIES.data.naturalKey as InventorySpec["naturalKey"],
    columns: dataColumns,
    keyHeaders: "Entity + Source object",
    rowLabel: (r) => [(r as Partial<DataEntity>).entity ? labelFor(DATA_ENTITY_KINDS, (r as DataEntity).entity) : "", (r as Partial<DataEntity>).sourceObject ?? ""].filter(Boolean).join(" · "),
    toCells: (row) => {
      const r = row as DataEntity;
      return {
        entity: label(DATA_ENTITY_KINDS, r.entity), sourceObject: text(r.sourceObject), recordCount: int(r.recordCount), yearsCovered: num(r.yearsCovered),
        decision: label(MIGRATE_DECISIONS, r.decision), destinationEntity: text(r.destinationEntity), mappingStatus: label(MAPPING_STATUSES, r.mappingStatus),
        cleanupInScope: yesNo(r.cleanupInScope), decider: text(r.decider), notes: text(r.notes), quirks: text(formatQuirks(r.quirks)),
      };
    },
    example: INVENTORIES.data.schema.parse({
      entity: "patient_demographics", sourceObject: "PATIENT_MASTER", recordCount: 138400, yearsCovered: 12, decision: "migrate",
      destinationEntity: "Patient", mappingStatus: "draft", cleanupInScope: true, decider: "HIM director",
      notes: "Includes charts from the 2021 acquisition",
      quirks: [
        { kind: "unmerged_patients", severity: "high", affectedCount: 4200, cleanupDecision: "cleanup_before" },
        { kind: "multiple_identifiers", severity: "medium", affectedShare: 0.13 },
      ],
    }),
  },
  workflows: {
    key: "workflows",
    label: INVENTORIES.workflows.label,
    noun: "workflow item",
    nounPlural: "workflow items",
    schema: INVENTORIES.workflows.schema,
    naturalKey: INVENTORIES.workflows.naturalKey as InventorySpec["naturalKey"],
    columns: workflowColumns,
    keyHeaders: "Kind + Department + Name",
    rowLabel: (r) => {
      const w = r as Partial<WorkflowItem>;
      return [w.kind ? labelFor(WORKFLOW_KINDS, w.kind) : "", w.department ?? "", w.name ?? ""].filter(Boolean).join(" · ");
    },
    toCells: (row) => {
      const r = row as WorkflowItem;
      return {
        kind: label(WORKFLOW_KINDS, r.kind), name: text(r.name), department: text(r.department), quantity: int(r.quantity), complexity: label(COMPLEXITIES, r.complexity),
        disposition: label(DISPOSITIONS, r.disposition), reviewStatus: label(REVIEW_STATUSES, r.reviewStatus), notes: text(r.notes),
      };
    },
    example: INVENTORIES.workflows.schema.parse({
      kind: "order_set", name: "Chest pain admission", department: "Cardiology", quantity: 12, complexity: "high",
      disposition: "must_survive", reviewStatus: "not_reviewed", notes: "Includes the troponin protocol",
    }),
  },
  integrations: {
    key: "integrations",
    label: INVENTORIES.integrations.label,
    noun: "integration",
    nounPlural: "integrations",
    schema: INVENTORIES.integrations.schema,
    naturalKey: INVENTORIES.integrations.naturalKey as InventorySpec["naturalKey"],
    columns: integrationColumns,
    keyHeaders: "Name",
    rowLabel: (r) => (r as Partial<Integration>).name ?? "",
    toCells: (row) => {
      const r = row as Integration;
      return {
        name: text(r.name), kind: label(INTEGRATION_KINDS, r.kind), standard: label(INTEGRATION_STANDARDS, r.standard), messageTypes: text(r.messageTypes), direction: label(DIRECTIONS, r.direction),
        partner: text(r.partner), sourceEndpoint: text(r.sourceEndpoint), replacementPlan: text(r.replacementPlan),
        transitionStrategy: label(TRANSITION_STRATEGIES, r.transitionStrategy), clinicalImpact: label(SEVERITIES, r.clinicalImpact), complexity: label(INTERFACE_COMPLEXITIES, r.complexity), status: label(WORK_STATUSES, r.status),
      };
    },
    example: INVENTORIES.integrations.schema.parse({
      name: "Quest lab orders and results", kind: "lab_results", standard: "hl7v2", messageTypes: "ORM^O01, ORU^R01", direction: "bidirectional",
      partner: "Quest Diagnostics", sourceEndpoint: "Mirth channel QUEST_OUT (VPN)", replacementPlan: "Destination's native Quest interface",
      transitionStrategy: "parallel_run", clinicalImpact: "critical", complexity: "medium", status: "not_started",
    }),
  },
  reports: {
    key: "reports",
    label: INVENTORIES.reports.label,
    noun: "report",
    nounPlural: "reports",
    schema: INVENTORIES.reports.schema,
    naturalKey: INVENTORIES.reports.naturalKey as InventorySpec["naturalKey"],
    columns: reportColumns,
    keyHeaders: "Name",
    rowLabel: (r) => (r as Partial<Report>).name ?? "",
    toCells: (row) => {
      const r = row as Report;
      return {
        name: text(r.name), kind: label(REPORT_KINDS, r.kind), consumers: text(r.consumers), frequency: label(FREQUENCIES, r.frequency), complexity: label(COMPLEXITIES, r.complexity),
        reproducibilityPlan: text(r.reproducibilityPlan), parallelValidation: yesNo(r.parallelValidation), status: label(WORK_STATUSES, r.status),
      };
    },
    example: INVENTORIES.reports.schema.parse({
      name: "MIPS quality measures submission", kind: "regulatory", consumers: "Quality team; CMS", frequency: "annual", complexity: "high",
      reproducibilityPlan: "Destination's certified MIPS registry export", parallelValidation: true, status: "not_started",
    }),
  },
  risks: {
    key: "risks",
    label: INVENTORIES.risks.label,
    noun: "risk",
    nounPlural: "risks",
    schema: INVENTORIES.risks.schema,
    naturalKey: INVENTORIES.risks.naturalKey as InventorySpec["naturalKey"],
    columns: riskColumns,
    keyHeaders: "Title",
    rowLabel: (r) => (r as Partial<Risk>).title ?? "",
    toCells: (row) => {
      const r = row as Risk;
      return {
        title: text(r.title), cause: text(r.cause), effect: text(r.effect), category: label(RISK_CATEGORIES, r.category), likelihood: int(r.likelihood), impact: int(r.impact),
        residualLikelihood: int(r.residualLikelihood), residualImpact: int(r.residualImpact), probability: pct(r.probability),
        residualProbability: pct(r.residualProbability), scope: label(RISK_SCOPES, r.scope), treatment: label(TREATMENTS, r.treatment), mitigationPlan: text(r.mitigationPlan),
        mitigationCostCents: { t: "money", v: centsToDollars(r.mitigationCostCents) },
        ...threePointCells(r.scheduleImpactWeeks, "scheduleImpactWeeks", (v) => ({ t: "number", v })),
        ...costImpactCells(r.costImpact),
        phase: label(PHASES, r.phase), owner: text(r.owner), nextReviewDate: r.nextReviewDate ? { t: "date", v: r.nextReviewDate } : null,
        status: label(RISK_STATUSES, r.status), libraryKey: r.libraryKey === null ? null : text(r.libraryKey),
      };
    },
    example: INVENTORIES.risks.schema.parse({
      title: "Cutover compressed by license-overlap cost", cause: "Source contract ends before the last wave",
      effect: "Pilot shortened; providers go live unproductive", category: "schedule", likelihood: 4, impact: 4, residualLikelihood: 2,
      residualImpact: 3, probability: 0.35, scope: "once", treatment: "mitigate", mitigationPlan: "Negotiate a 3-month source extension now",
      mitigationCostCents: 4_500_000, scheduleImpactWeeks: { min: 2, likely: 4, max: 8 },
      costImpact: { kind: "amount", min: 5_000_000, likely: 12_000_000, max: 25_000_000 }, phase: "P3", owner: "Engagement lead",
      nextReviewDate: "2027-03-15", status: "open",
    }),
  },
};

export function inventorySpec(key: InventoryKey): InventorySpec {
  return INVENTORY_SPECS[key];
}

export function columnById(spec: InventorySpec, id: string): ColumnDef | undefined {
  return spec.columns.find((c) => c.id === id);
}

/** What a help sheet / the mapping UI says a column accepts. */
export function allowedValuesText(col: ColumnDef): string {
  switch (col.kind) {
    case "enum": return (col.values ?? []).map((v) => labelFor(col.values ?? [], v)).join(", ");
    case "int": return "A whole number (12,000 / 1.2M / 45k)";
    case "number": return "A number";
    case "percent": return "A percentage (35%) or a fraction (0.35)";
    case "money": return "Dollars ($12,500 / 12500)";
    case "bool": return "Yes / No (also True/False, X, blank = No)";
    case "date": return "A date: 2027-03-15 (Excel dates, 3/15/2027, 15 Mar 2027 also work)";
    case "level": return "1–5 on the default matrix, or the level's label (e.g. Likely)";
    case "quirks": return "kind:severity:affected; … (see the description)";
    default: return "Text";
  }
}
