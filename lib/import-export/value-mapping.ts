// The value-mapping step: for each vocabulary, level or yes/no column, the distinct values of the file with
// their counts and a suggested target — the vocabulary's own words (exact), the healthcare synonym rules
// (synonyms.ts), an ordinal scale (High / Med / Low, 1–5, onto the vocabulary or the engagement's risk
// matrix), or a fuzzy match (typos). Exact matches need no confirmation; the others are suggestions the
// consultant confirms or overrides. Values left unmapped hold back only the rows that use them.
// Client-safe and pure.
import { distance } from "fastest-levenshtein";
import type { RiskMatrix } from "@/lib/engagement-format/schema";
import type { ColumnDef } from "@/lib/import-export/columns";
import { isBlank, normalizeLevel, type Cell } from "@/lib/import-export/normalize";
import { booleanWord, isNotKnown } from "@/lib/import-export/transforms";
import { WORK_STATUSES } from "@/lib/engagement-format/vocabularies";
import { fivePointOfNumber, fivePointOfWord, isSourceGoneStatus, matrixLevel, numericScaleOf, ORDINAL_VOCABULARIES, ordinalCode, sameSystem, statusSystem, synonymFor, yesNoTargets, type NumericScale } from "@/lib/import-export/synonyms";
import { labelFor, matchVocabulary, vocabulary, vocabularyKey } from "@/lib/import-export/vocabulary";

/** What a source value becomes: a vocabulary code, a matrix level, yes/no, or null (blank: not known / default). */
export type ValueTarget = string | number | boolean | null;
export type MatchHow = "exact" | "synonym" | "scale" | "fuzzy" | "fallback" | "not_known" | "none";

export type ValueRow = {
  /** The source value as written (trimmed). */
  value: string;
  count: number;
  suggested: ValueTarget | undefined;
  how: MatchHow;
  /** Human label of the suggestion ("Lab results", "4 – Likely", "Yes", "blank (not known)"). */
  suggestedLabel: string;
};

export type ColumnValues = {
  column: string;
  header: string;
  kind: "enum" | "level" | "bool";
  /** The allowed targets, for the picker. */
  options: { value: ValueTarget; label: string }[];
  values: ValueRow[];
  /** More distinct values than shown (free text in a vocabulary column). */
  truncated: number;
  scale: NumericScale | null;
};

/** colId → source value (trimmed) → target. */
export type ValueMappings = Record<string, Record<string, ValueTarget>>;

export const MAX_DISTINCT_VALUES = 200;

export function valueKey(cell: Cell): string {
  return String(cell).replace(/\s+/g, " ").trim();
}

export function mappableColumn(col: ColumnDef): col is ColumnDef & { kind: "enum" | "level" | "bool" } {
  return col.kind === "enum" || col.kind === "level" || col.kind === "bool";
}

function matrixLabels(col: ColumnDef, matrix: RiskMatrix): string[] {
  return col.id.toLowerCase().includes("likelihood") ? matrix.likelihoodLabels : matrix.impactLabels;
}

export function targetOptions(col: ColumnDef, matrix: RiskMatrix): { value: ValueTarget; label: string }[] {
  const blank = { value: null, label: "Leave blank (not known)" };
  if (col.kind === "bool") return [{ value: true, label: "Yes" }, { value: false, label: "No" }, blank];
  if (col.kind === "level") return [...matrixLabels(col, matrix).map((l, i) => ({ value: i + 1, label: `${i + 1} – ${l}` })), blank];
  return [...(col.values ?? []).map((c) => ({ value: c, label: labelFor(col.values ?? [], c) })), blank];
}

export function targetLabel(col: ColumnDef, target: ValueTarget | undefined, matrix: RiskMatrix): string {
  if (target === undefined) return "";
  return targetOptions(col, matrix).find((o) => o.value === target)?.label ?? String(target);
}

function fuzzyCode(codes: readonly string[], value: string): string | null {
  const key = vocabularyKey(value);
  if (key.length < 4) return null;
  const limit = key.length >= 12 ? 3 : key.length >= 6 ? 2 : 1;
  let best: string | null = null;
  let bestDistance = Infinity;
  let tie = false;
  for (const [word, code] of vocabulary(codes).lookup) {
    if (word.length < 3) continue;
    const d = distance(key, word);
    if (d < bestDistance) {
      best = code;
      bestDistance = d;
      tie = false;
    } else if (d === bestDistance && code !== best) tie = true;
  }
  return best !== null && bestDistance <= limit && !tie ? best : null;
}

/** The engagement's systems by name: a work status that names one ("Live in Epic") says which side it is on. */
export type EngagementSystems = { source: string; destination: string };
type SuggestContext = { header: string; matrix: RiskMatrix; scale: NumericScale | null; systems?: EngagementSystems };

const sameCodes = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((c, i) => c === b[i]);

/** The suggested target for one source value of a column, and how it was found. */
export function suggestValue(col: ColumnDef, value: string, ctx: SuggestContext): { target: ValueTarget | undefined; how: MatchHow } {
  if (isNotKnown(value)) return { target: null, how: "not_known" };
  if (col.kind === "bool") {
    const r = booleanWord(value);
    if (!r.ok) return { target: undefined, how: "none" };
    return { target: r.value, how: r.confidence === "exact" ? "exact" : r.value === null ? "not_known" : "synonym" };
  }
  if (col.kind === "level") {
    const labels = matrixLabels(col, ctx.matrix);
    const size = labels.length;
    const n = /^\s*(\d+)(?:\.0+)?\s*$/.exec(value);
    // numbers are the matrix's own levels unless the column's scale is another one (1–10, 0–4, a priority)
    const scaled = ctx.scale && (ctx.scale.max > size || ctx.scale.min !== 1 || ctx.scale.inverted);
    if (n && !scaled && Number(n[1]) >= 1 && Number(n[1]) <= size) return { target: Number(n[1]), how: "exact" };
    const exact = normalizeLevel(value, labels);
    if (exact.ok && exact.value !== null && exact.value >= 1 && exact.value <= size && !scaled) return { target: exact.value, how: "exact" };
    const lead = /^\s*(\d+)/.exec(value);
    const point = lead && ctx.scale ? fivePointOfNumber(Number(lead[1]), ctx.scale) : fivePointOfWord(value);
    if (point !== null) return { target: matrixLevel(size, point), how: "scale" };
    const pct = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(value);
    if (pct) {
      const p = Number(pct[1]) / 100;
      const probs = ctx.matrix.likelihoodProbabilities;
      if (col.id.toLowerCase().includes("likelihood") && probs.length === size) {
        let best = 0;
        probs.forEach((q, i) => { if (Math.abs(q - p) < Math.abs(probs[best] - p)) best = i; });
        return { target: best + 1, how: "scale" };
      }
    }
    const fuzzy = labels.findIndex((l) => distance(vocabularyKey(l), vocabularyKey(value)) <= 2 && vocabularyKey(value).length >= 4);
    return fuzzy >= 0 ? { target: fuzzy + 1, how: "fuzzy" } : { target: undefined, how: "none" };
  }
  const codes = col.values ?? [];
  const isOrdinal = ORDINAL_VOCABULARIES.some((v) => v.length === codes.length && v.every((c, i) => c === codes[i]));
  // a numeric scale in an ordinal column is read on the column's scale first ("1" in a 1–5 priority column)
  if (isOrdinal && ctx.scale && /^\s*\d+/.test(value)) {
    const point = fivePointOfNumber(Number(/^\s*(\d+)/.exec(value)![1]), ctx.scale);
    if (point !== null) return { target: ordinalCode(codes, point), how: "scale" };
  }
  // yes / no answering the header's question ("Migrate?" Y → Migrate; "Can we change it?" no → Must survive)
  const yn = yesNoTargets(codes, ctx.header);
  if (yn) {
    const b = booleanWord(value);
    if (b.ok && b.value !== null && b.confidence === "exact") return { target: b.value ? yn.yes : yn.no, how: "synonym" };
    if (yn.maybe && /^(maybe|possibly|partial|partly|unsure|tbd|depends)\b/i.test(value.trim())) return { target: yn.maybe, how: "synonym" };
  }
  const exact = matchVocabulary(codes, value);
  if (exact) return { target: exact, how: "exact" };
  if (sameCodes(codes, WORK_STATUSES)) {
    // where the migration work stands: "Live in <the destination>" is done, "live in <the source>" not started,
    // live in another system or retired in the source does not say — the consultant chooses
    const system = statusSystem(value);
    if (system !== null) {
      if (ctx.systems?.destination && sameSystem(system, ctx.systems.destination)) return { target: "done", how: "synonym" };
      if (ctx.systems?.source && sameSystem(system, ctx.systems.source)) return { target: "not_started", how: "synonym" };
      return { target: undefined, how: "none" };
    }
    if (isSourceGoneStatus(value)) return { target: undefined, how: "none" };
  }
  const rule = synonymFor(codes, value);
  if (rule) return { target: rule, how: "synonym" };
  if (isOrdinal) {
    const point = fivePointOfWord(value);
    if (point !== null) return { target: ordinalCode(codes, point), how: "scale" };
  }
  const fuzzy = fuzzyCode(codes, value);
  if (fuzzy) return { target: fuzzy, how: "fuzzy" };
  // nothing tells: a vocabulary with "Other" offers it (the consultant may pick better)
  if (codes.includes("other")) return { target: "other", how: "fallback" };
  return { target: undefined, how: "none" };
}

/**
 * The value-mapping table of a file: every mapped vocabulary / level / yes-no column with its distinct
 * values (most frequent first), their counts and suggestions.
 */
export function distinctValues(
  columns: readonly { index: number; col: ColumnDef; header: string }[],
  rows: readonly { cells: readonly Cell[] }[],
  matrix: RiskMatrix,
  systems?: EngagementSystems,
): ColumnValues[] {
  const out: ColumnValues[] = [];
  for (const { index, col, header } of columns) {
    if (!mappableColumn(col)) continue;
    const counts = new Map<string, number>();
    for (const r of rows) {
      const c = r.cells[index];
      if (isBlank(c ?? null)) continue;
      const k = valueKey(c as Cell);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const values = [...counts.keys()];
    const scale = col.kind === "bool" ? null : numericScaleOf(values, header);
    const ctx = { header, matrix, scale, systems };
    const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const shown = sorted.slice(0, MAX_DISTINCT_VALUES).map(([value, count]) => {
      const { target, how } = suggestValue(col, value, ctx);
      return { value, count, suggested: target, how, suggestedLabel: target === undefined ? "" : how === "not_known" ? "Leave blank (not known)" : targetLabel(col, target, matrix) };
    });
    out.push({ column: col.id, header, kind: col.kind, options: targetOptions(col, matrix), values: shown, truncated: Math.max(0, sorted.length - shown.length), scale });
  }
  return out;
}

/**
 * The target each value of a column resolves to: the consultant's choice when given, else an exact match
 * or a "not known" word, else (when suggestions are accepted) the suggestion; undefined = unmapped.
 */
export function resolveValue(row: ValueRow | undefined, chosen: Record<string, ValueTarget> | undefined, value: string, acceptSuggestions: boolean): ValueTarget | undefined {
  if (chosen && Object.prototype.hasOwnProperty.call(chosen, value)) return chosen[value];
  if (!row) return undefined;
  if (row.how === "exact" || row.how === "not_known") return row.suggested;
  return acceptSuggestions ? row.suggested : undefined;
}
