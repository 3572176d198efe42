// The pure heart of an import: mapped cells → contract rows → create / update / unchanged / error per row.
// No database: the caller passes the inventory's existing rows (one query) and stores the result.
// INVARIANT: a row that is "unchanged" deep-equals the stored row after the schema's defaults; re-importing
// an exported file therefore classifies every row as unchanged and apply writes nothing.
import type { z } from "zod";
import { RiskMatrixSchema, type RiskMatrix } from "@/lib/engagement-format/schema";
import { columnById, type ColumnDef, type InventorySpec, type OutCell } from "@/lib/import-export/columns";
import {
  isBlank, quote, normalizeBoolean, normalizeDate, normalizeEnum, normalizeInteger, normalizeLevel, normalizeMoneyCents,
  normalizeNumber, normalizePercent, normalizeText, type Cell, type Normalized,
} from "@/lib/import-export/normalize";
import { parseQuirks } from "@/lib/import-export/quirks";
import { allowedLabels } from "@/lib/import-export/vocabulary";
import { columnRangeProblems } from "@/lib/import-export/sql-types";

export type RowError = { column: string; message: string };
export type RowChange = { column: string; from: string; to: string };
export type RowStatus = "create" | "update" | "unchanged" | "error";

export type RowResult = {
  /** Row number in the spreadsheet (the header row counts). */
  row: number;
  status: RowStatus;
  label: string;
  key?: string;
  /** Existing row matched by the natural key (update / unchanged), with the version the dry run saw. */
  id?: string;
  version?: number;
  /** The full contract row to write (create / update). */
  data?: Record<string, unknown>;
  changes?: RowChange[];
  errors?: RowError[];
  /** New rows: a few of the values it will get ("Record count: 138,400 · Decision: Migrate"). */
  summary?: string;
};

export type ExistingRow = { id: string; version: number; row: Record<string, unknown> };

export type ImportContext = { riskMatrix: RiskMatrix };
export const DEFAULT_CONTEXT: ImportContext = { riskMatrix: RiskMatrixSchema.parse({}) };

export type DryRunCounts = { create: number; update: number; unchanged: number; error: number };

// ---------- cells → contract input ----------

type Shape = Record<string, z.ZodType>;
const shapeOf = (spec: InventorySpec) => (spec.schema as unknown as { shape: Shape }).shape;

/** What a blank cell in a mapped column means: the field's default (text "", unknown = null), or missing if required. */
function blankValue(spec: InventorySpec, field: string): unknown {
  const fieldSchema = shapeOf(spec)[field];
  if (!fieldSchema) return undefined;
  const r = fieldSchema.safeParse(undefined);
  return r.success ? r.data : undefined;
}

function normalizeCell(col: ColumnDef, cell: Cell, ctx: ImportContext): Normalized<unknown> {
  switch (col.kind) {
    case "text": return normalizeText(cell);
    case "int": return normalizeInteger(cell);
    case "number": return normalizeNumber(cell);
    case "percent": return normalizePercent(cell);
    case "money": return normalizeMoneyCents(cell);
    case "bool": return normalizeBoolean(cell);
    case "date": return normalizeDate(cell);
    case "enum": return normalizeEnum(cell, col.values ?? []);
    case "quirks": return typeof cell === "string" ? parseQuirks(cell) : { ok: false, message: "is not a list of quirks" };
    case "level": {
      const labels = col.id.toLowerCase().includes("likelihood") ? ctx.riskMatrix.likelihoodLabels : ctx.riskMatrix.impactLabels;
      const r = normalizeLevel(cell, labels);
      if (r.ok && r.value !== null && (r.value < 1 || r.value > labels.length)) {
        return { ok: false, message: `${quote(cell)} is outside this engagement's ${labels.length}×${labels.length} matrix (use 1–${labels.length} or ${labels[0]} … ${labels[labels.length - 1]})` };
      }
      return r;
    }
  }
}

export type MappedCell = { col: ColumnDef; header: string; cell: Cell };

type ThreePointParts = { min: number | null; likely: number | null; max: number | null };

function threePoint(parts: ThreePointParts): { ok: true; value: { min: number; likely: number; max: number } | null } | { ok: false } {
  const { min, likely, max } = parts;
  if (min === null && likely === null && max === null) return { ok: true, value: null };
  if (min === null && max === null && likely !== null) return { ok: true, value: { min: likely, likely, max: likely } };
  if (min !== null && likely !== null && max !== null) return { ok: true, value: { min, likely, max } };
  return { ok: false };
}

/**
 * One spreadsheet row → the contract fields it provides (only mapped columns; a blank cell is the field's
 * empty value) and the problems found in its cells.
 */
export function buildRowInput(spec: InventorySpec, cells: readonly MappedCell[], ctx: ImportContext = DEFAULT_CONTEXT): { input: Record<string, unknown>; errors: RowError[] } {
  const input: Record<string, unknown> = {};
  const errors: RowError[] = [];
  const groups = new Map<string, Map<string, { value: unknown; header: string }>>();
  for (const { col, header, cell } of cells) {
    const dot = col.id.indexOf(".");
    if (isBlank(cell)) {
      if (dot < 0) input[col.id] = blankValue(spec, col.id);
      else (groups.get(col.id.slice(0, dot)) ?? groups.set(col.id.slice(0, dot), new Map()).get(col.id.slice(0, dot))!).set(col.id.slice(dot + 1), { value: null, header });
      continue;
    }
    const r = normalizeCell(col, cell, ctx);
    if (!r.ok) {
      errors.push({ column: header, message: r.message });
      continue;
    }
    if (dot < 0) input[col.id] = r.value;
    else (groups.get(col.id.slice(0, dot)) ?? groups.set(col.id.slice(0, dot), new Map()).get(col.id.slice(0, dot))!).set(col.id.slice(dot + 1), { value: r.value, header });
  }

  // risks: schedule impact (three points in weeks)
  const schedule = groups.get("scheduleImpactWeeks");
  if (schedule) {
    const part = (k: string) => (schedule.get(k)?.value ?? null) as number | null;
    const tp = threePoint({ min: part("min"), likely: part("likely"), max: part("max") });
    if (tp.ok) input.scheduleImpactWeeks = tp.value;
    else errors.push({ column: [...schedule.values()][0].header, message: "give the schedule impact as min, most likely and max weeks (or only most likely), or leave all three blank" });
  }

  // risks: cost impact, either dollars (three points) or a share of one workstream's effort
  const cost = groups.get("costImpact");
  if (cost) {
    const part = (k: string) => (cost.get(k)?.value ?? null) as number | null;
    const amount = threePoint({ min: part("amount.min"), likely: part("amount.likely"), max: part("amount.max") });
    const effort = threePoint({ min: part("effort.min"), likely: part("effort.likely"), max: part("effort.max") });
    const workstream = (cost.get("effort.workstream")?.value ?? null) as string | null;
    const header = (prefix: string) => [...cost.entries()].find(([k]) => k.startsWith(prefix))?.[1].header ?? [...cost.values()][0].header;
    if (!amount.ok) errors.push({ column: header("amount"), message: "give the cost impact as min, most likely and max dollars (or only most likely), or leave all three blank" });
    else if (!effort.ok) errors.push({ column: header("effort"), message: "give the effort impact as min, most likely and max percent (or only most likely), or leave all three blank" });
    else if (amount.value && (effort.value || workstream)) errors.push({ column: header("amount"), message: "give the cost impact either in dollars or as extra effort on a workstream, not both" });
    else if (effort.value && !workstream) errors.push({ column: header("effort"), message: "an effort impact needs its workstream (Effort impact workstream)" });
    else if (!effort.value && workstream) errors.push({ column: header("effort.workstream"), message: "give the extra effort (min, likely, max percent) for this workstream, or leave the workstream blank" });
    else if (amount.value) input.costImpact = { kind: "amount", ...amount.value };
    else if (effort.value && workstream) input.costImpact = { kind: "effort_share", workstream, ...effort.value };
    else input.costImpact = null;
  }
  return { input, errors };
}

// ---------- zod issues → plain words ----------

type Issue = z.core.$ZodIssue;

/** The value an issue's path points at in the parsed input (zod 4 issues don't carry it). */
export function valueAtPath(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const p of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

const found = (value: unknown) => (typeof value === "number" ? ` (it is ${Number.parseFloat(value.toPrecision(12))})` : "");

/** A zod issue in plain words; `value` is what the input held at the issue's path. */
export function plainIssueMessage(issue: Issue, value?: unknown): string {
  const i = issue as Issue & { minimum?: number | bigint; maximum?: number | bigint; origin?: string; values?: unknown[]; expected?: string; format?: string };
  if ((value === undefined || value === null) && (issue.code === "invalid_type" || issue.code === "invalid_value" || issue.code === "invalid_union")) return "is required";
  switch (issue.code) {
    case "invalid_type":
      if (i.expected === "int") return "must be a whole number";
      return `must be ${i.expected === "number" ? "a number" : i.expected === "boolean" ? "yes or no" : `a ${i.expected}`}`;
    case "too_small":
      if (i.origin === "string" && Number(i.minimum) === 1) return "is required";
      if (i.origin === "string") return `needs at least ${i.minimum} characters`;
      if (i.origin === "array") return `needs at least ${i.minimum} entries`;
      return `must be at least ${i.minimum}${found(value)}`;
    case "too_big":
      if (i.origin === "string") return `is too long (at most ${Number(i.maximum).toLocaleString("en-US")} characters)`;
      if (i.origin === "array") return `has too many entries (at most ${i.maximum})`;
      return `must be at most ${i.maximum}${found(value)}`;
    case "invalid_value":
      return `must be one of: ${allowedLabels((i.values ?? []).map(String))}`;
    case "invalid_format":
      return i.format === "date" ? "is not a date (use YYYY-MM-DD)" : `is not a valid ${i.format}`;
    case "invalid_union":
      return "is not valid";
    default:
      return issue.message.charAt(0).toLowerCase() + issue.message.slice(1);
  }
}

/** The column an issue belongs to: its id (when it maps to one) and the header to show. */
function issueColumn(spec: InventorySpec, issue: Issue, input: Record<string, unknown>, headerOf: (id: string) => string | undefined): { col?: ColumnDef; header: string } {
  const path = issue.path.map(String);
  let candidates: string[];
  if (path[0] === "costImpact") {
    const kind = (input.costImpact as { kind?: string } | null | undefined)?.kind === "effort_share" ? "effort" : "amount";
    candidates = [`costImpact.${kind}.${path[1] ?? "likely"}`, path[1] === "workstream" ? "costImpact.effort.workstream" : ""];
  } else if (path[0] === "scheduleImpactWeeks") candidates = [`scheduleImpactWeeks.${path[1] ?? "likely"}`];
  else candidates = [path[0]];
  for (const id of candidates) {
    if (!id) continue;
    const col = columnById(spec, id);
    const header = headerOf(id) ?? col?.header;
    if (header) {
      const where = path[0] === "quirks" && path[1] !== undefined ? `quirk ${Number(path[1]) + 1}${path[2] ? ` ${path[2]}` : ""}` : "";
      return { col, header: where ? `${header}: ${where}` : header };
    }
  }
  return { header: path.join(".") || "row" };
}

/** Range messages in the column's own unit: percent columns in %, money columns in dollars. */
function columnMessage(col: ColumnDef | undefined, issue: Issue, value: unknown): string {
  const i = issue as Issue & { minimum?: number | bigint; maximum?: number | bigint; origin?: string };
  const isRange = (issue.code === "too_big" || issue.code === "too_small") && i.origin === "number";
  if (isRange && (col?.kind === "percent" || col?.kind === "money")) {
    const bound = Number(issue.code === "too_big" ? i.maximum : i.minimum);
    const show = (n: number) => (col.kind === "percent" ? `${Number.parseFloat((n * 100).toPrecision(12))}%` : `$${(n / 100).toLocaleString("en-US", { maximumFractionDigits: 2 })}`);
    return `must be ${issue.code === "too_big" ? "at most" : "at least"} ${show(bound)}${typeof value === "number" ? ` (it is ${show(value)})` : ""}`;
  }
  return plainIssueMessage(issue, value);
}

// ---------- comparing and describing ----------

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const shorten = (s: string) => (s.length > 80 ? `${s.slice(0, 79)}…` : s);

export function displayCell(c: OutCell | undefined): string {
  if (!c) return "—";
  switch (c.t) {
    case "text": return c.v === "" ? "—" : shorten(c.v);
    case "int":
    case "number": return c.v.toLocaleString("en-US", { maximumFractionDigits: 4 });
    case "money": return `$${c.v.toLocaleString("en-US", { maximumFractionDigits: 2 })}`;
    case "percent": return `${Number.parseFloat((c.v * 100).toPrecision(12))}%`;
    case "date": return c.v;
  }
}

function describeNewRow(spec: InventorySpec, row: Record<string, unknown>): string {
  const cells = spec.toCells(row as never);
  return spec.columns
    .filter((c) => !c.isKey)
    .map((c) => ({ c, v: displayCell(cells[c.id]) }))
    .filter(({ v }) => v !== "—")
    .slice(0, 4)
    .map(({ c, v }) => `${c.header}: ${v.length > 40 ? `${v.slice(0, 39)}…` : v}`)
    .join(" · ");
}

function describeChanges(spec: InventorySpec, before: Record<string, unknown>, after: Record<string, unknown>): RowChange[] {
  const a = spec.toCells(before as never);
  const b = spec.toCells(after as never);
  const changes: RowChange[] = [];
  for (const col of spec.columns) {
    const from = displayCell(a[col.id]);
    const to = displayCell(b[col.id]);
    if (from !== to) changes.push({ column: col.header, from, to });
  }
  return changes;
}

// ---------- classification ----------

export type DryRunInput = {
  spec: InventorySpec;
  headers: readonly string[];
  mapping: readonly (string | null)[];
  rows: readonly { row: number; cells: readonly Cell[] }[];
  existing: readonly ExistingRow[];
  context?: ImportContext;
};

export type DryRunOutput = { results: RowResult[]; counts: DryRunCounts; blankRows: number };

/** Classifies every non-blank row. Pure; O(rows) with one map lookup per row. */
export function classifyRows(input: DryRunInput): DryRunOutput {
  const classifier = createClassifier(input);
  const results = classifier.classify(input.rows);
  return { results, counts: classifier.counts, blankRows: classifier.blankRows };
}

export type RowClassifier = {
  /** Classifies the next rows of the file (in file order): their results only; the counts add up across calls. */
  classify: (rows: readonly { row: number; cells: readonly Cell[] }[]) => RowResult[];
  readonly counts: DryRunCounts;
  readonly blankRows: number;
};

/**
 * classifyRows a chunk at a time (bounded memory, issue 14): the keys seen so far (duplicates in the file)
 * and the counts carry over from one chunk to the next, so the chunks' results are those of one call.
 */
export function createClassifier({ spec, headers, mapping, existing, context = DEFAULT_CONTEXT }: Omit<DryRunInput, "rows">): RowClassifier {
  const mappedColumns = mapping
    .map((id, index) => ({ index, col: id ? columnById(spec, id) : undefined, header: headers[index] || `Column ${index + 1}` }))
    .filter((m): m is { index: number; col: ColumnDef; header: string } => m.col !== undefined);
  const headerById = new Map(mappedColumns.map((m) => [m.col.id, m.header]));
  const headerOf = (id: string) => headerById.get(id);
  const keyColumns = spec.columns.filter((c) => c.isKey);

  const existingByKey = new Map<string, ExistingRow>();
  for (const e of existing) {
    const k = spec.naturalKey(e.row as never);
    if (!existingByKey.has(k)) existingByKey.set(k, e);
  }

  const firstRowByKey = new Map<string, number>();
  const counts: DryRunCounts = { create: 0, update: 0, unchanged: 0, error: 0 };
  let blankRows = 0;

  const classify = (rows: readonly { row: number; cells: readonly Cell[] }[]): RowResult[] => {
    const results: RowResult[] = [];
    for (const { row, cells } of rows) {
      const mapped = mappedColumns.map((m) => ({ col: m.col, header: m.header, cell: cells[m.index] ?? null }));
      if (mapped.every((m) => isBlank(m.cell))) {
        blankRows++;
        continue;
      }
      const { input, errors } = buildRowInput(spec, mapped, context);
      const label = spec.rowLabel(input as never) || `Row ${row}`;
      const fail = (errs: RowError[]): void => {
        counts.error++;
        results.push({ row, status: "error", label, errors: errs });
      };

      // the natural key: every required key field present
      const keyProbe: Record<string, unknown> = {};
      const keyErrors: RowError[] = [];
      for (const col of keyColumns) {
        const v = input[col.id] ?? (col.isRequired ? undefined : blankValue(spec, col.id));
        if (!col.isRequired) keyProbe[col.id] = typeof v === "string" ? v.trim() : "";
        else if (typeof v !== "string" || v.trim() === "") {
          if (!errors.some((e) => e.column === (headerOf(col.id) ?? col.header))) {
            keyErrors.push({ column: headerOf(col.id) ?? col.header, message: `is required (rows are matched on ${spec.keyHeaders})` });
          }
        } else keyProbe[col.id] = v.trim();
      }
      if (errors.length || keyErrors.length) {
        fail([...errors, ...keyErrors]);
        continue;
      }
      const key = spec.naturalKey(keyProbe as never);
      const duplicateOf = firstRowByKey.get(key);
      if (duplicateOf !== undefined) {
        fail([{ column: keyColumns.map((c) => headerOf(c.id) ?? c.header).join(" + "), message: `same ${spec.keyHeaders} as row ${duplicateOf}: each ${spec.noun} may appear once in the file` }]);
        continue;
      }
      firstRowByKey.set(key, row);

      const match = existingByKey.get(key);
      // an existing row keeps its value where this row gives none (a blank required cell, a column the file lacks)
      const candidate = match ? { ...match.row, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } : input;
      const parsed = spec.schema.safeParse(candidate);
      if (!parsed.success) {
        fail(parsed.error.issues.map((issue) => {
          const { col, header } = issueColumn(spec, issue, input, headerOf);
          return { column: header, message: columnMessage(col, issue, valueAtPath(candidate, issue.path)) };
        }));
        continue;
      }
      const data = parsed.data as Record<string, unknown>;
      const tooLarge = columnRangeProblems(spec.key, data);
      if (tooLarge.length) {
        fail(tooLarge.map((p) => ({ column: headerOf(p.field) ?? columnById(spec, p.field)?.header ?? p.field, message: p.message })));
        continue;
      }
      if (!match) {
        counts.create++;
        results.push({ row, status: "create", label, key, data, summary: describeNewRow(spec, data) });
      } else if (deepEqual(data, match.row)) {
        counts.unchanged++;
        results.push({ row, status: "unchanged", label, key, id: match.id, version: match.version });
      } else {
        counts.update++;
        results.push({ row, status: "update", label, key, id: match.id, version: match.version, data, changes: describeChanges(spec, match.row, data) });
      }
    }
    return results;
  };
  return { classify, counts, get blankRows() { return blankRows; } };
}
