// Which inputs changed between two engagement documents (a baseline's inputs → now): engagement and
// profile fields, each inventory (row counts; rows added, removed and changed, matched by the natural
// key of lib/inventories/registry.ts), the audit-trail policy, the risk matrix and the assumptions
// (effective values, lib/assumptions/diff.ts). With plain-words sentences. Pure (client + server).
import type { EngagementDocument } from "@/lib/engagement-format/schema";
import { INVENTORIES, type InventoryKey } from "@/lib/inventories/registry";
import { DATA_ENTITY_KIND_LABELS, WORKFLOW_KIND_LABELS } from "@/lib/inventories/labels";
import { describeAssumptionChanges, diffAssumptions, type FieldChange } from "@/lib/assumptions/diff";

export type ValueChange = { field: string; label: string; from: unknown; to: unknown };
export type RowRef = { key: string; label: string };
export type ChangedRow = RowRef & { fields: ValueChange[] };
export type InventoryDiff = {
  inventory: InventoryKey;
  label: string;
  before: number;
  after: number;
  added: RowRef[];
  removed: RowRef[];
  changed: ChangedRow[];
};
export type DocumentDiff = {
  engagement: ValueChange[];
  inventories: InventoryDiff[];
  auditTrail: ValueChange[];
  riskMatrix: ValueChange[];
  assumptions: Record<string, FieldChange>;
  isEmpty: boolean;
};

const ENGAGEMENT_FIELDS: [string, string][] = [
  ["migrationType", "Migration type"],
  ["plannedStart", "Planned start"],
  ["clientName", "Client"],
  ["name", "Engagement name"],
  ["sourceSystem", "Source system"],
  ["destinationSystem", "Destination system"],
  ["currency", "Currency"],
  ["status", "Status"],
];
const PROFILE_FIELDS: [string, string][] = [
  ["providers", "Providers"],
  ["locations", "Locations"],
  ["specialties", "Specialties"],
  ["staffUsers", "EMR users"],
  ["activePatients", "Active patients"],
  ["yearsOfData", "Years of data"],
  ["sourceSystemCount", "Source systems"],
];
const AUDIT_FIELDS: [string, string][] = [
  ["policy", "Audit-trail policy"],
  ["sourceLogRows", "Source audit-log rows"],
  ["sourceLogYears", "Source audit-log years"],
  ["retentionYears", "Retention years"],
  ["retentionBasis", "Retention basis"],
  ["destination", "Audit-log destination"],
  ["retrievalProcedure", "Retrieval procedure"],
  ["owner", "Audit-trail owner"],
];

const INVENTORY_ARRAYS: Record<InventoryKey, "dataEntities" | "workflows" | "integrations" | "reports" | "risks"> = {
  data: "dataEntities",
  workflows: "workflows",
  integrations: "integrations",
  reports: "reports",
  risks: "risks",
};

const INVENTORY_NOUNS: Record<InventoryKey, [string, string]> = {
  data: ["data entity", "data entities"],
  workflows: ["workflow item", "workflow items"],
  integrations: ["integration", "integrations"],
  reports: ["report", "reports"],
  risks: ["risk", "risks"],
};

/** A human label for one inventory row. */
function rowLabel(inventory: InventoryKey, row: Record<string, unknown>): string {
  switch (inventory) {
    case "data":
      return `${DATA_ENTITY_KIND_LABELS[row.entity as keyof typeof DATA_ENTITY_KIND_LABELS] ?? row.entity} — ${String(row.sourceObject)}`;
    case "workflows":
      return `${String(row.name)} (${WORKFLOW_KIND_LABELS[row.kind as keyof typeof WORKFLOW_KIND_LABELS] ?? row.kind}${row.department ? `, ${String(row.department)}` : ""})`;
    case "risks":
      return String(row.title);
    default:
      return String(row.name);
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function diffFieldsOf(before: Record<string, unknown> | null, after: Record<string, unknown> | null, fields: [string, string][]): ValueChange[] {
  const out: ValueChange[] = [];
  for (const [field, label] of fields) {
    const from = before?.[field] ?? null;
    const to = after?.[field] ?? null;
    if (!same(from, to)) out.push({ field, label, from, to });
  }
  return out;
}

/** Rows keyed by natural key; a duplicate key gets "#2", "#3" so nothing is lost. */
function keyed(inventory: InventoryKey, rows: Record<string, unknown>[]): Map<string, Record<string, unknown>> {
  const naturalKey = INVENTORIES[inventory].naturalKey as (r: Record<string, unknown>) => string;
  const map = new Map<string, Record<string, unknown>>();
  for (const row of rows) {
    const base = naturalKey(row);
    let key = base;
    for (let n = 2; map.has(key); n++) key = `${base}#${n}`;
    map.set(key, row);
  }
  return map;
}

function fieldLabel(field: string): string {
  return field.replace(/([A-Z])/g, " $1").replace(/^./, (c) => c.toUpperCase());
}

export function diffInventoryRows(inventory: InventoryKey, beforeRows: Record<string, unknown>[], afterRows: Record<string, unknown>[]): InventoryDiff {
  const b = keyed(inventory, beforeRows);
  const a = keyed(inventory, afterRows);
  const added: RowRef[] = [];
  const removed: RowRef[] = [];
  const changed: ChangedRow[] = [];
  for (const [key, row] of a) {
    const old = b.get(key);
    if (!old) {
      added.push({ key, label: rowLabel(inventory, row) });
      continue;
    }
    const fields = [...new Set([...Object.keys(old), ...Object.keys(row)])];
    const changes = fields.filter((f) => !same(old[f], row[f])).map((f) => ({ field: f, label: fieldLabel(f), from: old[f] ?? null, to: row[f] ?? null }));
    if (changes.length) changed.push({ key, label: rowLabel(inventory, row), fields: changes });
  }
  for (const [key, row] of b) if (!a.has(key)) removed.push({ key, label: rowLabel(inventory, row) });
  return { inventory, label: INVENTORIES[inventory].label, before: beforeRows.length, after: afterRows.length, added, removed, changed };
}

/** Everything that differs between the inputs of two estimates. */
export function diffEngagementDocuments(before: EngagementDocument, after: EngagementDocument): DocumentDiff {
  const engagement = [
    ...diffFieldsOf(before.engagement as unknown as Record<string, unknown>, after.engagement as unknown as Record<string, unknown>, ENGAGEMENT_FIELDS),
    ...diffFieldsOf(before.engagement.profile as unknown as Record<string, unknown>, after.engagement.profile as unknown as Record<string, unknown>, PROFILE_FIELDS),
  ];
  const inventories = (Object.keys(INVENTORY_ARRAYS) as InventoryKey[]).map((inv) =>
    diffInventoryRows(inv, before[INVENTORY_ARRAYS[inv]] as unknown as Record<string, unknown>[], after[INVENTORY_ARRAYS[inv]] as unknown as Record<string, unknown>[]),
  );
  const auditTrail = diffFieldsOf(before.auditTrail as unknown as Record<string, unknown> | null, after.auditTrail as unknown as Record<string, unknown> | null, AUDIT_FIELDS);
  const riskMatrix = diffFieldsOf(before.riskMatrix as unknown as Record<string, unknown>, after.riskMatrix as unknown as Record<string, unknown>, [
    ["size", "Risk matrix size"],
    ["likelihoodProbabilities", "Probability per likelihood level"],
    ["likelihoodLabels", "Likelihood labels"],
    ["impactLabels", "Impact labels"],
  ]);
  const assumptions = diffAssumptions(before.assumptions, after.assumptions);
  const isEmpty =
    engagement.length === 0 &&
    inventories.every((i) => i.added.length + i.removed.length + i.changed.length === 0) &&
    auditTrail.length === 0 &&
    riskMatrix.length === 0 &&
    Object.keys(assumptions).length === 0;
  return { engagement, inventories, auditTrail, riskMatrix, assumptions, isEmpty };
}

const show = (v: unknown): string => {
  if (v === null || v === undefined || v === "") return "not set";
  if (typeof v === "number") return v.toLocaleString("en-US", { maximumFractionDigits: 4 });
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (typeof v === "string") return v.length > 60 ? `“${v.slice(0, 57)}…”` : `“${v}”`;
  return JSON.stringify(v).slice(0, 80);
};

function list(items: RowRef[], max = 3): string {
  const names = items.slice(0, max).map((r) => r.label);
  const more = items.length - names.length;
  return more > 0 ? `${names.join("; ")} and ${more} more` : names.join("; ");
}

const plural = (n: number, [one, many]: [string, string]) => `${n} ${n === 1 ? one : many}`;

/** The input changes in plain words, most structural first. `hideMoney` hides rates and fees. */
export function describeDocumentDiff(d: DocumentDiff, opts: { hideMoney?: boolean } = {}): string[] {
  const out: string[] = [];
  for (const c of d.engagement) out.push(`${c.label}: ${show(c.from)} → ${show(c.to)}.`);
  for (const inv of d.inventories) {
    const noun = INVENTORY_NOUNS[inv.inventory];
    if (inv.added.length) out.push(`${plural(inv.added.length, noun)} added: ${list(inv.added)}.`);
    if (inv.removed.length) out.push(`${plural(inv.removed.length, noun)} removed: ${list(inv.removed)}.`);
    if (inv.changed.length) {
      const first = inv.changed[0] as ChangedRow;
      const firstText = `${first.label} (${first.fields.slice(0, 3).map((f) => `${f.label.toLowerCase()} ${show(f.from)} → ${show(f.to)}`).join(", ")})`;
      out.push(`${plural(inv.changed.length, noun)} changed: ${firstText}${inv.changed.length > 1 ? ` and ${inv.changed.length - 1} more` : ""}.`);
    }
  }
  for (const c of d.auditTrail) out.push(`${c.label}: ${show(c.from)} → ${show(c.to)}.`);
  for (const c of d.riskMatrix) out.push(`${c.label} changed.`);
  for (const s of describeAssumptionChanges(d.assumptions, opts)) out.push(`${s}.`);
  return out;
}
