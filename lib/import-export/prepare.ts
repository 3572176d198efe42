// The steps between column mapping and the strict dry run, for files as clients send them:
//   1. rows that are not data — totals ("Total interfaces: 40"), subtotals, section headings, repeated
//      header rows — are skipped with a note;
//   2. vocabulary, level and yes/no cells go through the value mapping (value-mapping.ts);
//   3. counts, years, percentages and dates go through the transforms (transforms.ts); "n/a", "TBD",
//      "unknown" become blank and are counted as not known (lower input confidence), never an error;
//   4. free-text known issues become typed quirks (quirk-classifier.ts);
//   5. a required column the file lacks is inferred per row from the others (inference.ts) or set to one
//      value for every row; "fill blanks" does the same for a mapped column's empty cells.
// The output is cells the strict pipeline of dry-run.ts accepts, plus a report of what was done, so
// classifyRows stays the one place that decides create / update / unchanged / error.
// Client-safe and pure.
import type { RiskMatrix } from "@/lib/engagement-format/schema";
import { columnById, type ColumnDef, type InventorySpec } from "@/lib/import-export/columns";
import { createClassifier, DEFAULT_CONTEXT, type DryRunCounts, type ExistingRow, type RowResult } from "@/lib/import-export/dry-run";
import { canonicalHeader } from "@/lib/import-export/headers";
import { isBlank, quote, type Cell } from "@/lib/import-export/normalize";
import { formatQuirks, parseQuirks } from "@/lib/import-export/quirks";
import { classifyKnownIssues } from "@/lib/import-export/quirk-classifier";
import { composedName, composesName, fallbackValue, inferValue, inferableColumns } from "@/lib/import-export/inference";
import { approximateCount, approximateNumber, isNotKnown, yearsSpan, type Transformed } from "@/lib/import-export/transforms";
import { distinctValues, mappableColumn, resolveValue, suggestValue, targetLabel, valueKey, type ColumnValues, type EngagementSystems, type ValueMappings, type ValueTarget } from "@/lib/import-export/value-mapping";

export type PrepareOptions = {
  /** The consultant's choices in the value mapping (override suggestions). */
  valueMappings?: ValueMappings;
  /** Confirm every suggestion (value mapping, inferred columns, quirks from known issues). */
  acceptSuggestions?: boolean;
  /** Inferred columns confirmed one by one (column id → true). */
  acceptInferred?: Record<string, boolean>;
  /** Free-text known issues classified into typed quirks (default: with acceptSuggestions). */
  acceptQuirks?: boolean;
  /** Column id → a value for every row that has none (a column the file lacks, or a mapped column's blanks). */
  fill?: Record<string, string>;
  now?: Date;
};

export type SkippedRow = { row: number; reason: "total" | "heading" | "repeated_header"; note: string };

export type InferenceReport = {
  column: string;
  header: string;
  /** Rows the rules told, by suggested value. */
  suggested: { value: string; label: string; count: number }[];
  /** Which columns told. */
  from: string[];
  /** Rows where nothing told (they take the fill value, else "Other" when the vocabulary has it, else fail). */
  untold: number;
  accepted: boolean;
};

export type PrepareReport = {
  skipped: SkippedRow[];
  values: ColumnValues[];
  /** Per mapped column header: cells read as not known (n/a, TBD, unknown…) and as approximations. */
  notKnown: Record<string, number>;
  approximate: Record<string, number>;
  inferred: InferenceReport[];
  fills: { column: string; header: string; value: string; label: string; rows: number }[];
  quirks: { rows: number; quirks: number; byKind: Record<string, number>; accepted: boolean; examples: { row: number; text: string; kinds: string[] }[] };
  /** Cells whose value is not mapped (per column header): their rows are held back. */
  unmapped: Record<string, number>;
};

export type PreparedFile = {
  headers: string[];
  mapping: (string | null)[];
  rows: { row: number; cells: Cell[] }[];
  report: PrepareReport;
  /** row → [header, value] of cells left unmapped (for the error message). */
  unmappedByRow: Map<number, { header: string; value: string; suggestion: string }[]>;
};

// ---------- rows that are not data ----------
const TOTAL_WORD = /^\s*(grand\s+|sub[- ]?)?totals?\b|^\s*(sum|count|counts)\s*[:=]|^\s*(number|no\.?|#)\s+of\s+\w+\s*[:=]/i;

/** Why a row is not data (totals, a section heading, the header again), or null. */
export function nonDataRow(cells: readonly Cell[], headers: readonly string[]): SkippedRow["reason"] | null {
  const filled = cells.map((c, i) => ({ c, i })).filter(({ c }) => !isBlank(c));
  if (filled.length === 0) return null;
  const first = filled[0].c;
  const texts = filled.filter(({ c }) => typeof c === "string" && !/^[\d\s,.$%()~+-]+$/.test(c as string));
  if (typeof first === "string" && TOTAL_WORD.test(first)) {
    // "Total Joint Replacement outcomes" is a report name: a totals row has a number, a colon, or nothing else in words
    if (/[:=]|\d/.test(first) || /^\s*(grand\s+|sub[- ]?)?totals?\s*$/i.test(first) || texts.length <= 1) return "total";
  }
  if (filled.length >= 2 && filled.every(({ c, i }) => typeof c === "string" && headers[i] !== undefined && canonicalHeader(c) === canonicalHeader(headers[i]))) return "repeated_header";
  if (filled.length === 1 && typeof first === "string" && headers.length > 1) return "heading";
  return null;
}

// ---------- the pipeline ----------
function transformFor(col: ColumnDef, cell: Cell, now: Date): Transformed<unknown> | null {
  switch (col.kind) {
    case "int": return approximateCount(cell);
    case "number": return /years/i.test(col.id) ? yearsSpan(cell, now) : approximateNumber(cell);
    case "money": return approximateNumber(cell);
    case "percent":
    case "date":
      return isNotKnown(cell) ? { ok: true, value: null, confidence: "not_known" } : null;
    default: return null;
  }
}

export function prepareFile(
  spec: InventorySpec,
  file: { headers: readonly string[]; rows: readonly { row: number; cells: readonly Cell[] }[] },
  mapping: readonly (string | null)[],
  options: PrepareOptions = {},
  matrix: RiskMatrix = DEFAULT_CONTEXT.riskMatrix,
  /** Natural keys of the inventory's rows: a row that updates one of them keeps its own values where the file is silent. */
  existingKeys: ReadonlySet<string> = new Set(),
  /** The engagement's source and destination systems (a status "Live in Epic" says which side it is on). */
  systems?: EngagementSystems,
): PreparedFile {
  const preparer = createPreparer(spec, file, mapping, options, matrix, existingKeys, systems);
  const { rows, unmappedByRow } = preparer.prepare(preparer.dataRows);
  return { headers: preparer.headers, mapping: preparer.mapping, rows, report: preparer.report(), unmappedByRow };
}

export type FilePreparer = {
  /** The prepared rows' headers and mapping (the file's, then the columns added by inference or fills). */
  headers: string[];
  mapping: (string | null)[];
  /** The file's rows that are data (totals, headings and repeated headers left out), in file order. */
  dataRows: readonly { row: number; cells: readonly Cell[] }[];
  /** Prepares the next data rows, in file order (a chunk at a time: bounded memory, issue 14). */
  prepare: (rows: readonly { row: number; cells: readonly Cell[] }[]) => { rows: { row: number; cells: Cell[] }[]; unmappedByRow: PreparedFile["unmappedByRow"] };
  /** What was done, for the rows prepared so far. */
  report: () => PrepareReport;
};

/**
 * prepareFile in two passes: this one reads every row once for what needs the whole file — the rows that are
 * not data and the value-mapping table (distinct values with counts) —, then `prepare` does the rest a chunk
 * of rows at a time; the report's counts and the key-collision check carry over between chunks.
 */
export function createPreparer(
  spec: InventorySpec,
  file: { headers: readonly string[]; rows: readonly { row: number; cells: readonly Cell[] }[] },
  mapping: readonly (string | null)[],
  options: PrepareOptions = {},
  matrix: RiskMatrix = DEFAULT_CONTEXT.riskMatrix,
  existingKeys: ReadonlySet<string> = new Set(),
  systems?: EngagementSystems,
): FilePreparer {
  const now = options.now ?? new Date();
  const accept = !!options.acceptSuggestions;
  const acceptQuirks = options.acceptQuirks ?? accept;
  const report: PrepareReport = { skipped: [], values: [], notKnown: {}, approximate: {}, inferred: [], fills: [], quirks: { rows: 0, quirks: 0, byKind: {}, accepted: acceptQuirks, examples: [] }, unmapped: {} };
  const headers = [...file.headers];
  const mapped = mapping
    .map((id, index) => ({ index, col: id ? columnById(spec, id) : undefined, header: file.headers[index] || `Column ${index + 1}` }))
    .filter((m): m is { index: number; col: ColumnDef; header: string } => m.col !== undefined);

  // 1. rows that are not data
  const dataRows: { row: number; cells: readonly Cell[] }[] = [];
  for (const r of file.rows) {
    const reason = nonDataRow(r.cells, file.headers);
    if (reason) {
      const text = r.cells.filter((c) => !isBlank(c)).map((c) => String(c)).join(" · ");
      report.skipped.push({ row: r.row, reason, note: reason === "total" ? `totals row ${quote(text)} skipped` : reason === "heading" ? `section heading ${quote(text)} skipped` : "the header row repeated: skipped" });
    } else dataRows.push(r);
  }

  // 2. the value-mapping table (on data rows only)
  report.values = distinctValues(mapped, dataRows, matrix, systems);
  const valuesByColumn = new Map(report.values.map((v) => [v.column, new Map(v.values.map((r) => [r.value, r]))]));

  // 5a. inference and fills: which columns are added
  const mappedIds = new Set(mapped.map((m) => m.col.id));
  const inferable = inferableColumns(spec).filter((c) => c.isRequired && !mappedIds.has(c.id));
  // a key name the file lacks, composed from the row's other columns (integrations: partner + messages; data: system + entity)
  const nameCol = composesName(spec) ? spec.columns.find((c) => c.isKey && c.isRequired && c.kind === "text" && !mappedIds.has(c.id)) : undefined;
  if (nameCol) inferable.push(nameCol);
  const fillOnly = Object.keys(options.fill ?? {}).map((id) => columnById(spec, id)).filter((c): c is ColumnDef => !!c && !mappedIds.has(c.id) && !inferable.includes(c));
  const added = [...inferable, ...fillOnly];
  const fillTarget = (col: ColumnDef): ValueTarget | undefined => {
    const raw = options.fill?.[col.id];
    if (raw === undefined || raw.trim() === "") return undefined;
    if (!mappableColumn(col)) return raw;
    const s = suggestValue(col, raw.trim(), { header: col.header, matrix, scale: null, systems });
    return s.target;
  };
  for (const col of [...mapped.map((m) => m.col), ...added]) {
    const raw = options.fill?.[col.id];
    if (raw === undefined || raw.trim() === "") continue;
    const t = fillTarget(col);
    report.fills.push({ column: col.id, header: col.header, value: raw, label: t === undefined ? `${quote(raw)} (not a value of this column)` : mappableColumn(col) ? targetLabel(col, t, matrix) : String(t), rows: 0 });
  }
  const fillReport = new Map(report.fills.map((f) => [f.column, f]));
  const inferenceReports = new Map<string, InferenceReport & { counts: Map<string, number>; fromSet: Set<string> }>();
  for (const col of inferable) {
    const accepted = accept || !!options.acceptInferred?.[col.id];
    inferenceReports.set(col.id, { column: col.id, header: col.header, suggested: [], from: [], untold: 0, accepted, counts: new Map(), fromSet: new Set() });
  }

  const outHeaders = [...headers, ...added.map((c) => `${c.header} (${inferable.includes(c) ? "inferred" : "set for every row"})`)];
  const outMapping = [...Array.from({ length: headers.length }, (_, i) => mapping[i] ?? null), ...added.map((c) => c.id)];
  const bump = (rec: Record<string, number>, k: string) => { rec[k] = (rec[k] ?? 0) + 1; };

  // 6. (per chunk, below) rows the value mapping made identical on the key: the first row of each key, in its own words
  const keyEnums = mapped.filter((m) => m.col.isKey && mappableColumn(m.col));
  const keyText = mapped.find((m) => m.col.isKey && m.col.kind === "text" && m.col.isRequired);
  const keyTexts = mapped.filter((m) => m.col.isKey && m.col.kind === "text");
  const firstWordsByKey = new Map<string, string>();

  const prepare = (chunk: readonly { row: number; cells: readonly Cell[] }[]) => {
    const unmappedByRow = new Map<number, { header: string; value: string; suggestion: string }[]>();
    const rows = chunk.map(({ row, cells }) => {
      const out: Cell[] = [...cells];
      while (out.length < headers.length) out.push(null);
      for (const { index, col, header } of mapped) {
        const cell = out[index] ?? null;
        if (isBlank(cell)) {
          const t = fillTarget(col);
          if (t !== undefined && t !== null) {
            out[index] = t as Cell;
            fillReport.get(col.id)!.rows++;
          }
          continue;
        }
        if (mappableColumn(col)) {
          const key = valueKey(cell);
          const target = resolveValue(valuesByColumn.get(col.id)?.get(key), options.valueMappings?.[col.id], key, accept);
          if (target === undefined) {
            bump(report.unmapped, header);
            const suggestion = valuesByColumn.get(col.id)?.get(key)?.suggestedLabel ?? "";
            (unmappedByRow.get(row) ?? unmappedByRow.set(row, []).get(row)!).push({ header, value: key, suggestion });
            continue;
          }
          if (target === null) bump(report.notKnown, header);
          out[index] = target as Cell;
          if (target === null && col.isRequired && accept) {
            // a required value the client does not know: what the row's other columns tell, as for a missing column
            const textById: Record<string, string> = {};
            for (const m of mapped) if (m.col.id !== col.id && !isBlank(cells[m.index] ?? null)) textById[m.col.id] = String(cells[m.index]);
            const inferred = inferValue(spec, col.id, textById);
            if (inferred) out[index] = inferred.value;
          }
          continue;
        }
        if (col.kind === "quirks" && typeof cell === "string") {
          if (parseQuirks(cell).ok) continue;
          const quirks = acceptQuirks ? classifyKnownIssues(cell) : [{ kind: "other" as const, severity: "medium" as const, affectedCount: null, affectedShare: null, cleanupDecision: "undecided" as const, decider: "", description: cell.trim().slice(0, 1000) }];
          report.quirks.rows++;
          report.quirks.quirks += quirks.length;
          for (const q of quirks) report.quirks.byKind[q.kind] = (report.quirks.byKind[q.kind] ?? 0) + 1;
          if (report.quirks.examples.length < 20) report.quirks.examples.push({ row, text: cell.slice(0, 300), kinds: quirks.map((q) => q.kind) });
          out[index] = formatQuirks(quirks);
          continue;
        }
        const t = transformFor(col, cell, now);
        if (t && !t.ok && accept && !col.isRequired && (col.kind === "int" || col.kind === "number" || col.kind === "money")) {
          // "every visit", "continuous", "daily batch" in a count column: not a number; read as not known
          bump(report.notKnown, header);
          out[index] = null;
          continue;
        }
        if (!t || !t.ok) continue;
        if (t.confidence === "not_known") bump(report.notKnown, header);
        else if (t.confidence === "approximate") bump(report.approximate, header);
        out[index] = t.value as Cell;
      }
      // 5b. columns the file lacks (not for a row that updates an existing one: it keeps its values)
      if (added.length) {
        const textById: Record<string, string> = {};
        for (const { index, col } of mapped) {
          const c = cells[index];
          if (!isBlank(c ?? null)) textById[col.id] = String(c);
        }
        const keyProbe: Record<string, unknown> = {};
        for (const c of spec.columns.filter((k) => k.isKey)) {
          const m = mapped.find((x) => x.col.id === c.id);
          keyProbe[c.id] = m ? (typeof out[m.index] === "string" ? (out[m.index] as string).trim() : out[m.index] ?? "") : c === nameCol ? (composedName(spec, textById) ?? "") : "";
        }
        const updatesExisting = existingKeys.size > 0 && existingKeys.has(spec.naturalKey(keyProbe as never));
        for (const col of added) {
          if (updatesExisting && col !== nameCol) {
            out.push(null);
            continue;
          }
          const rep = inferenceReports.get(col.id);
          let value: Cell = null;
          if (rep && col === nameCol) {
            const name = composedName(spec, textById);
            if (name) {
              rep.counts.set("composed", (rep.counts.get("composed") ?? 0) + 1);
              for (const id of ["partner", "messageTypes", "standard"]) if (textById[id]) rep.fromSet.add(id);
              if (rep.accepted) value = name;
            } else rep.untold++;
          } else if (rep) {
            const fallback = fallbackValue(spec, col.id);
            const inferred = inferValue(spec, col.id, textById) ?? (fallback && !options.fill?.[col.id] ? { value: fallback, from: "" } : null);
            if (inferred) {
              rep.counts.set(inferred.value, (rep.counts.get(inferred.value) ?? 0) + 1);
              if (inferred.from) rep.fromSet.add(inferred.from);
              else rep.untold++;
              if (rep.accepted) value = inferred.value;
            } else rep.untold++;
          }
          if (value === null) {
            const t = fillTarget(col);
            if (t !== undefined && t !== null) {
              value = t as Cell;
              fillReport.get(col.id)!.rows++;
            }
          }
          out.push(value);
        }
      }
      return { row, cells: out };
    });

    // 6. rows the value mapping made identical on the key ("Patients" and "Patient demographics - guardians",
    //    both from PrimeSuite): a row whose key words differ from those of the key's first row keeps its own
    //    words in the text part of the key, so nothing collides (the same words twice: a real duplicate)
    if (keyEnums.length && keyText) {
      rows.forEach((r, i) => {
        const k = [...keyEnums.map((m) => String(r.cells[m.index])), ...keyTexts.map((m) => String(r.cells[m.index] ?? "").trim().toLowerCase())].join("\u0000");
        const words = keyEnums.map((m) => valueKey(chunk[i].cells[m.index] ?? "")).join(" · ");
        const first = firstWordsByKey.get(k);
        if (first === undefined) {
          firstWordsByKey.set(k, words.toLowerCase());
          return;
        }
        const text = String(r.cells[keyText.index] ?? "").trim();
        if (words.toLowerCase() !== first && text) r.cells[keyText.index] = `${text} (${words})`.slice(0, 200);
      });
    }
    return { rows, unmappedByRow };
  };

  const finalReport = (): PrepareReport => ({
    ...report,
    inferred: [...inferenceReports.values()].map(({ counts, fromSet, ...r }) => {
      const col = columnById(spec, r.column)!;
      return {
        ...r,
        from: [...fromSet].map((id) => mapped.find((m) => m.col.id === id)?.header ?? id),
        suggested: [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([value, count]) => ({ value, label: col === nameCol ? "composed from the row" : targetLabel(col, value, matrix), count })),
      };
    }),
  });
  return { headers: outHeaders, mapping: outMapping, dataRows, prepare, report: finalReport };
}

// ---------- prepare + classify ----------
export type RowTotals = { total: number; ok: number; skipped: number; error: number };

export type PreparedDryRun = {
  results: RowResult[];
  counts: DryRunCounts;
  rows: RowTotals;
  report: PrepareReport;
  /** Rows blank in every mapped column (skipped like empty rows). */
  blankRows: number;
};

export type DryRunFileInput = {
  spec: InventorySpec;
  headers: readonly string[];
  mapping: readonly (string | null)[];
  rows: readonly { row: number; cells: readonly Cell[] }[];
  existing: readonly ExistingRow[];
  riskMatrix?: RiskMatrix;
  options?: PrepareOptions;
  /** The engagement's source and destination systems, by name. */
  systems?: EngagementSystems;
};

/** The whole dry run of a parsed file: prepare, then the strict classification; unmapped values explained. */
export function prepareAndClassify(input: DryRunFileInput): PreparedDryRun {
  const results: RowResult[] = [];
  const out = prepareAndClassifyInChunks(input, Number.MAX_SAFE_INTEGER, (chunk) => {
    for (const r of chunk) results.push(r);
  });
  return { ...out, results };
}

/** Rows prepared and classified at a time by the dry run (bounded memory, issue 14). */
export const DRY_RUN_CHUNK_ROWS = 500;

/**
 * prepareAndClassify a chunk of rows at a time: each chunk's results go to `onResults` (in file order) and are
 * not kept here, so a 10k-row file never has all its prepared rows and results alive at once. The outcome is
 * the same as one call over the whole file (the value-mapping table and the duplicate-key check see every row).
 */
export function prepareAndClassifyInChunks(input: DryRunFileInput, chunkRows: number, onResults: (results: RowResult[]) => void): Omit<PreparedDryRun, "results"> {
  const matrix = input.riskMatrix ?? DEFAULT_CONTEXT.riskMatrix;
  const existingKeys = new Set(input.existing.map((e) => input.spec.naturalKey(e.row as never)));
  const preparer = createPreparer(input.spec, { headers: input.headers, rows: input.rows }, input.mapping, input.options, matrix, existingKeys, input.systems);
  const classifier = createClassifier({ spec: input.spec, headers: preparer.headers, mapping: preparer.mapping, existing: input.existing, context: { riskMatrix: matrix } });
  const size = Math.max(1, chunkRows);
  for (let lo = 0; lo < preparer.dataRows.length; lo += size) {
    const prepared = preparer.prepare(preparer.dataRows.slice(lo, lo + size));
    const results = classifier.classify(prepared.rows);
    for (const r of results) {
      if (r.status !== "error") continue;
      const unmapped = prepared.unmappedByRow.get(r.row);
      if (!unmapped) continue;
      r.errors = (r.errors ?? []).map((e) => {
        const u = unmapped.find((x) => x.header === e.column);
        return u && u.suggestion ? { column: e.column, message: `${e.message} (suggested: ${u.suggestion}; confirm it in the value mapping)` } : e;
      });
    }
    onResults(results);
  }
  const report = preparer.report();
  const { counts, blankRows } = classifier;
  const ok = counts.create + counts.update + counts.unchanged;
  const skipped = report.skipped.length + blankRows;
  return {
    counts: { ...counts },
    rows: { total: ok + counts.error + skipped, ok, skipped, error: counts.error },
    report,
    blankRows,
  };
}

// ---------- mapping by content ----------
/** Columns a header may mean instead, told apart by the cells: "Probability" holding High / Med / Low is the likelihood. */
const CONTENT_ALTERNATES: Record<string, string> = { probability: "likelihood", residualProbability: "residualLikelihood" };

/**
 * The suggested mapping, corrected by what the columns hold: a header mapped to a percentage whose cells
 * are mostly words or 1–5 digits moves to its level column when that one is unmapped.
 */
export function refineMappingByContent(spec: InventorySpec, mapping: readonly (string | null)[], rows: readonly { cells: readonly Cell[] }[]): (string | null)[] {
  const out = [...mapping];
  out.forEach((id, i) => {
    const alt = id ? CONTENT_ALTERNATES[id] : undefined;
    if (!alt || out.includes(alt) || !columnById(spec, alt)) return;
    let pct = 0;
    let other = 0;
    for (const r of rows.slice(0, 500)) {
      const c = r.cells[i];
      if (isBlank(c ?? null) || isNotKnown(c ?? null)) continue;
      if ((typeof c === "number" && c >= 0 && c <= 1) || (typeof c === "string" && /%\s*$/.test(c))) pct++;
      else other++;
    }
    if (other > pct) out[i] = alt;
  });
  return out;
}
