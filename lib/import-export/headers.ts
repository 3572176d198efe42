// Header auto-mapping: a file's column headers → the inventory's columns. Headers are compared in a canonical
// form that ignores case, accents, punctuation, camelCase/snake_case, plurals and filler words, so
// "Record count", "# records", "Approx. records", "recordCount" and "RECORDS" all land on the same column.
// Client-safe and pure.
import type { ColumnDef, InventorySpec } from "@/lib/import-export/columns";
import { EXTRA_HEADER_ALIASES, FALLBACK_HEADER_WORDS, HEADER_ABBREVIATIONS } from "@/lib/import-export/header-aliases";

const FILLER = new Set(["approx", "approximate", "approximately", "est", "estimated", "the", "of", "a", "an", "no", "nr", "num", "number", "count", "total", "tot"]);

function singular(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/** Canonical form of a header: "Approx. # of Records (est.)" → "record". */
export function canonicalHeader(header: string, { dropParentheses = false } = {}): string {
  let s = header.replace(/^\uFEFF/, "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  if (dropParentheses) s = s.replace(/\([^)]*\)|\[[^\]]*\]/g, " ");
  s = s
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/#/g, " number ")
    .replace(/%/g, " percent ")
    .replace(/\$/g, " dollars ")
    .replace(/&/g, " and ")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ");
  return s
    .split(" ")
    .map((w) => HEADER_ABBREVIATIONS[w] ?? w)
    .filter((w) => w && !FILLER.has(w))
    .map(singular)
    .join(" ");
}

/** canonical header → column id, for one inventory (column headers, aliases and field names). */
export function headerIndex(spec: InventorySpec): Map<string, string> {
  const index = new Map<string, string>();
  const add = (name: string, col: ColumnDef) => {
    for (const form of [canonicalHeader(name), canonicalHeader(name, { dropParentheses: true })]) {
      if (form && !index.has(form)) index.set(form, col.id);
    }
  };
  for (const col of spec.columns) add(col.header, col);
  for (const col of spec.columns) add(col.id.replace(/\./g, " "), col);
  for (const col of spec.columns) for (const alias of col.aliases) add(alias, col);
  for (const col of spec.columns) for (const alias of EXTRA_HEADER_ALIASES[spec.key]?.[col.id] ?? []) add(alias, col);
  return index;
}

const indexes = new WeakMap<InventorySpec, Map<string, string>>();
function cachedIndex(spec: InventorySpec) {
  let index = indexes.get(spec);
  if (!index) indexes.set(spec, (index = headerIndex(spec)));
  return index;
}

/** The column a header stands for, or null. */
export function matchHeader(spec: InventorySpec, header: string): string | null {
  const index = cachedIndex(spec);
  const whole = index.get(canonicalHeader(header)) ?? index.get(canonicalHeader(header, { dropParentheses: true }));
  if (whole) return whole;
  // "Data Type / Entity", "Module / Table": the first part that is recognised
  const parts = header.split(/\s+\/\s+|\s*\|\s*/).filter((p) => p.trim() !== "");
  if (parts.length > 1) {
    for (const part of parts) {
      const id = index.get(canonicalHeader(part)) ?? index.get(canonicalHeader(part, { dropParentheses: true }));
      if (id) return id;
    }
  }
  return null;
}

/**
 * Suggested mapping for a file's headers (same order): each column id at most once — a later header that
 * matches an already-used column is left unmapped (ignored) so the user can decide.
 */
export function suggestMapping(spec: InventorySpec, headers: readonly string[]): (string | null)[] {
  const used = new Set<string>();
  const mapping: (string | null)[] = headers.map(() => null);
  // identifier columns ("Rpt #", "Risk ID") come last: "Report Name" is the name, not "Rpt #"
  const isIdentifier = (h: string) => /#|\b(id|no\.?|nbr|ref|number)\s*$/i.test(h.trim());
  const order = headers.map((h, i) => i).sort((a, b) => Number(isIdentifier(headers[a])) - Number(isIdentifier(headers[b])) || a - b);
  for (const i of order) {
    const id = matchHeader(spec, headers[i]);
    if (!id || used.has(id)) continue;
    used.add(id);
    mapping[i] = id;
  }
  // second choice: a column still unmapped takes the one unmapped header that holds one of its words
  const words = FALLBACK_HEADER_WORDS[spec.key] ?? {};
  for (const col of spec.columns) {
    if (used.has(col.id) || !words[col.id]) continue;
    const candidates = headers
      .map((h, i) => ({ i, tokens: canonicalHeader(h).split(" ") }))
      .filter(({ i, tokens }) => mapping[i] === null && !/^Column [A-Z]+$/.test(headers[i]) && tokens.some((t) => words[col.id].includes(t)));
    if (candidates.length === 1) {
      mapping[candidates[0].i] = col.id;
      used.add(col.id);
    }
  }
  return mapping;
}

export type MappingProblem = { kind: "missing_key" | "missing_required" | "duplicate" | "unknown_column"; message: string; isBlocking: boolean };

/**
 * What is wrong with a mapping before a dry run: key columns must be mapped (rows are matched on them);
 * required columns should be (else every new row fails); a column may be mapped once.
 */
export function checkMapping(spec: InventorySpec, mapping: readonly (string | null)[]): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const seen = new Map<string, number>();
  mapping.forEach((id, i) => {
    if (!id) return;
    if (!spec.columns.some((c) => c.id === id)) problems.push({ kind: "unknown_column", message: `Column ${i + 1} is mapped to an unknown field.`, isBlocking: true });
    seen.set(id, (seen.get(id) ?? 0) + 1);
  });
  for (const [id, n] of seen) {
    if (n > 1) {
      const header = spec.columns.find((c) => c.id === id)?.header ?? id;
      problems.push({ kind: "duplicate", message: `${n} file columns are mapped to “${header}”. Map each field once and ignore the others.`, isBlocking: true });
    }
  }
  for (const col of spec.columns) {
    if (seen.has(col.id)) continue;
    if (col.isKey && col.isRequired) problems.push({ kind: "missing_key", message: `Map a column to “${col.header}”: rows are matched on ${spec.keyHeaders}.`, isBlocking: true });
    else if (col.isRequired) problems.push({ kind: "missing_required", message: `No column is mapped to “${col.header}”: new rows need it, so they will fail (updates of existing rows keep their value).`, isBlocking: false });
  }
  return problems;
}
