// Cell transforms for what client spreadsheets really hold, applied before the strict normalizers of
// normalize.ts: approximations and units ("~5k", "1.2M", "148,212", "5,000+ records", "5-10k"), year spans
// ("2009-2026", "10+ years", "since 2012", "18 months"), "not known" words ("n/a", "TBD", "unknown", "?")
// and booleans in every spelling. Each transform says whether the value was exact, approximate or not
// known, so the dry run can report lower input confidence instead of failing the row.
// Client-safe and pure. `strictNumber` is the one place that reads a plain number from text.
import { parseNumber } from "@/lib/number-parse";
import { tidy, type Cell } from "@/lib/import-export/normalize";

export type Confidence = "exact" | "approximate" | "not_known";
export type Transformed<T> = { ok: true; value: T; confidence: Confidence; note?: string } | { ok: false };

const NOT_KNOWN = new Set([
  "na", "n/a", "n.a.", "n.a", "n / a", "tbd", "tbc", "tba", "to be determined", "to be confirmed", "unknown", "unk", "not known",
  "dont know", "don't know", "do not know", "idk", "?", "??", "???", "not sure", "unsure", "unclear", "varies", "various",
  "not available", "none given", "pending", "—", "–", "-", "--", "tk",
]);

/** "n/a", "TBD", "unknown", "?" … — a value the client does not know (never a failure). */
export function isNotKnown(cell: Cell): boolean {
  if (typeof cell !== "string") return false;
  const w = cell.trim().toLowerCase().replace(/\s+/g, " ").replace(/[.!]+$/, "");
  if (NOT_KNOWN.has(w)) return true;
  return /^(tbd|tbc|unknown|n\/a)\b/.test(w) && w.length <= 40; // "TBD - ask HIM", "unknown (vendor to confirm)"
}

const SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, mm: 1e6, b: 1e9, bn: 1e9 };

/**
 * A number written as text with at most a unit suffix and a currency sign ("148,212", "1.2M", "$12,500",
 * "(500)" as an accounting negative), read by the shared strict parser (lib/number-parse.ts) underneath.
 */
export function strictNumber(text: string): number | null {
  let s = text.trim().replace(/^\uFEFF/, "");
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  s = s.replace(/\s*(usd|dollars?)$/i, "").replace(/^[€£]\s*/, "$");
  let multiplier = 1;
  const suffix = /^(.*?\d)\s*(k|mm|m|bn|b)$/i.exec(s);
  if (suffix) {
    multiplier = SUFFIX[suffix[2].toLowerCase()];
    s = suffix[1];
  }
  const n = parseNumber(s, { currency: true });
  if (n === null) return null;
  const v = tidy(n * multiplier);
  return negative ? -v : v;
}

const WORD_MULTIPLIER: [RegExp, string][] = [
  [/\s*(million|mil|mill|mn)\b\.?/i, "M"],
  [/\s*(thousand|thou)\b\.?/i, "k"],
  [/\s*(billion)\b\.?/i, "B"],
];
const UNIT_WORDS = /\s*\b(records?|rows?|patients?|pts|items?|docs?|documents?|charts?|pages?|images?|files?|messages?|msgs?|encounters?|visits?|entries|users?|providers?|claims?|notes?|orders?|results?|reports?|interfaces?|per (day|month|year|week)|\/(day|mo|month|yr|year|week)|daily|monthly|total|approx\.?|approximately|estimated|est\.?)\b\.?/gi;

function approxPrefix(s: string): { s: string; approx: boolean } {
  const m = /^(approx\.?|approximately|about|around|roughly|circa|ca\.?|est\.?|estimated|~|≈|\+\/-|>|<|≥|≤|over|under|more than|less than|at least|up to|nearly|almost|maybe|possibly)\s*/i.exec(s);
  return m ? { s: s.slice(m[0].length), approx: true } : { s, approx: false };
}

/** A number written the way people write counts: "~5k", "1.2M", "5,000+ records", "5-10k" (midpoint), "about 1.2 million". */
export function approximateNumber(cell: Cell): Transformed<number | null> {
  if (cell === null) return { ok: true, value: null, confidence: "exact" };
  if (typeof cell === "number") return Number.isFinite(cell) ? { ok: true, value: cell, confidence: "exact" } : { ok: false };
  if (typeof cell === "boolean") return { ok: false };
  const raw = cell.trim();
  if (raw === "") return { ok: true, value: null, confidence: "exact" };
  if (isNotKnown(raw)) return { ok: true, value: null, confidence: "not_known", note: `“${raw}” read as not known` };
  const exact = strictNumber(raw);
  if (exact !== null) return { ok: true, value: exact, confidence: /^\s*(~|≈|approx|about|around|ca\b|est)/i.test(raw) || /[kmb]\s*$/i.test(raw) ? "approximate" : "exact" };
  let { s, approx } = approxPrefix(raw);
  for (const [re, suffix] of WORD_MULTIPLIER) s = s.replace(re, suffix);
  s = s.replace(UNIT_WORDS, " ").replace(/\s+/g, " ").trim();
  if (/\+$/.test(s)) {
    s = s.slice(0, -1).trim();
    approx = true;
  }
  s = approxPrefix(s).s;
  // a range: "5-10k", "5k - 10k", "5,000 to 10,000" → the midpoint
  const range = /^([^-–—]+?)\s*(?:-|–|—|to)\s*([^-–—]+)$/i.exec(s);
  if (range) {
    const suffix = /([kmb])$/i.exec(range[2].trim())?.[1] ?? "";
    const lowText = /[kmb]$/i.test(range[1].trim()) ? range[1] : `${range[1]}${suffix}`;
    const low = strictNumber(lowText);
    const high = strictNumber(range[2]);
    if (low !== null && high !== null && high >= low) return { ok: true, value: tidy((low + high) / 2), confidence: "approximate", note: `“${raw}” read as about ${tidy((low + high) / 2).toLocaleString("en-US")} (midpoint)` };
  }
  const n = strictNumber(s);
  if (n !== null) return { ok: true, value: n, confidence: approx || /[kmb]$/i.test(s) || s !== raw ? "approximate" : "exact" };
  // last resort: a leading number followed by words ("~60k future", "3.4M docs / ~22M pages", "$35k (viewer license)")
  const lead = /^[~≈]?\s*([$€£]?\s*\d[\d,.]*\s*[kmb]?)(?=[\s/(;,]|$)/i.exec(approxPrefix(raw).s);
  if (lead) {
    const v = strictNumber(lead[1].replace(/\s+/g, ""));
    if (v !== null) return { ok: true, value: v, confidence: "approximate", note: `“${raw}” read as ${v.toLocaleString("en-US")}` };
  }
  return { ok: false };
}

/** An integer count: approximations are rounded to a whole number. */
export function approximateCount(cell: Cell): Transformed<number | null> {
  const r = approximateNumber(cell);
  if (!r.ok || r.value === null) return r;
  if (Number.isInteger(tidy(r.value))) return { ...r, value: tidy(r.value) };
  if (r.confidence === "exact") return { ok: false };
  return { ...r, value: Math.round(r.value) };
}

/**
 * Years of history: a number ("12", "12 years", "10+ years", "18 months" → 1.5), a span of years
 * ("2009-2026" → 17, "2012–present" / "since 2012" → up to this year), or a single first year ("2009").
 * A span counts whole years between its ends (2009-2026 is 17 years), documented in docs/import-export.md.
 */
export function yearsSpan(cell: Cell, now: Date = new Date()): Transformed<number | null> {
  const thisYear = now.getUTCFullYear();
  if (cell === null) return { ok: true, value: null, confidence: "exact" };
  if (typeof cell === "number") {
    if (cell >= 1900 && cell <= thisYear && Number.isInteger(cell)) return { ok: true, value: thisYear - cell, confidence: "approximate", note: `${cell} read as the first year of data (${thisYear - cell} years)` };
    return Number.isFinite(cell) ? { ok: true, value: cell, confidence: "exact" } : { ok: false };
  }
  if (typeof cell === "boolean") return { ok: false };
  const raw = cell.trim();
  if (raw === "") return { ok: true, value: null, confidence: "exact" };
  if (isNotKnown(raw)) return { ok: true, value: null, confidence: "not_known", note: `“${raw}” read as not known` };
  const s = raw.toLowerCase().replace(/\s+/g, " ");
  const year = "(19\\d{2}|20\\d{2})";
  const yearOf = (t: string) => {
    const m = new RegExp(`(?:\\d{1,2}[/.-])?(?:\\d{1,2}[/.-])?${year}`).exec(t);
    return m ? Number(m[1]) : null;
  };
  let m: RegExpExecArray | null;
  if ((m = new RegExp(`^(?:from |since )?(?:[a-z]{3,9}\\.? |\\d{1,2}[/.-](?:\\d{1,2}[/.-])?)?${year}\\s*(?:-|–|—|to|through|thru)\\s*(.+)$`).exec(s))) {
    const start = Number(m[1]);
    const endText = m[2].trim();
    const end = /^(present|current|now|today|date|ongoing|live)\b/.test(endText) ? thisYear : yearOf(endText);
    if (end !== null && end >= start) return { ok: true, value: end - start, confidence: "exact", note: `“${raw}” read as ${end - start} years` };
  }
  if ((m = new RegExp(`^(?:since|from|starting|started|beginning|back to)\\s+(?:[a-z]{3,9}\\.? )?${year}\\b`).exec(s)) || (m = new RegExp(`^${year}\\s*(?:onwards?|onward|forward|\\+|-\\s*$)`).exec(s))) {
    const start = Number(m[1]);
    if (start <= thisYear) return { ok: true, value: thisYear - start, confidence: "approximate", note: `“${raw}” read as ${thisYear - start} years` };
  }
  if ((m = new RegExp(`^${year}$`).exec(s))) {
    const start = Number(m[1]);
    if (start <= thisYear) return { ok: true, value: thisYear - start, confidence: "approximate", note: `“${raw}” read as the first year of data (${thisYear - start} years)` };
  }
  const years = s.match(/\b(19\d{2}|20\d{2})\b/g);
  if (years && years.length === 1 && !/^\d+(\.\d+)?\s*(\+|years?|yrs?)?\s*$/.test(s)) {
    const start = Number(years[0]);
    if (start <= thisYear) return { ok: true, value: thisYear - start, confidence: "approximate", note: `“${raw}” read as data since ${start} (${thisYear - start} years)` };
  }
  if ((m = /^(?:approx\.? |about |~|over |more than |at least |>\s*)?(\d+(?:\.\d+)?)\s*(\+)?\s*(years?|yrs?|y|months?|mos?|m)?\s*(\+)?(?:\s*(?:of data|of history|history|online|retained|retention))?\.?$/.exec(s))) {
    let n = Number(m[1]);
    const unit = m[3] ?? "";
    if (/^(months?|mos?|m)$/.test(unit)) n = tidy(n / 12);
    const approx = !!(m[2] || m[4]) || /^(approx|about|~|over|more|at least|>)/.test(s);
    return { ok: true, value: n, confidence: approx ? "approximate" : "exact", ...(approx ? { note: `“${raw}” read as ${n} years (at least)` } : {}) };
  }
  return { ok: false };
}

const TRUE_WORDS = new Set([
  "yes", "y", "yeah", "yep", "true", "t", "x", "xx", "1", "✓", "✔", "✔️", "☑", "on", "in scope", "checked", "required", "req", "needed",
  "planned", "include", "included", "applicable", "si", "ja", "oui", "ok", "done", "agreed", "confirmed", "yes please", "definitely",
]);
const FALSE_WORDS = new Set([
  "no", "n", "nope", "false", "f", "0", "off", "out of scope", "unchecked", "none", "not required", "not needed", "exclude", "excluded",
  "not applicable", "nein", "non", "☐", "✗", "✘", "no thanks", "not planned",
]);

/** Yes/no in every spelling: Y/N, Yes/No, x, TRUE, ✓, "Yes - in scope", "No (retired)"; not-known words → null. */
export function booleanWord(cell: Cell): Transformed<boolean | null> {
  if (cell === null) return { ok: true, value: null, confidence: "exact" };
  if (typeof cell === "boolean") return { ok: true, value: cell, confidence: "exact" };
  if (typeof cell === "number") return cell === 1 ? { ok: true, value: true, confidence: "exact" } : cell === 0 ? { ok: true, value: false, confidence: "exact" } : { ok: false };
  const raw = cell.trim();
  if (raw === "") return { ok: true, value: null, confidence: "exact" };
  const w = raw.toLowerCase().replace(/\s+/g, " ").replace(/[.!]+$/, "");
  if (TRUE_WORDS.has(w)) return { ok: true, value: true, confidence: "exact" };
  if (FALSE_WORDS.has(w)) return { ok: true, value: false, confidence: "exact" };
  if (isNotKnown(raw)) return { ok: true, value: null, confidence: "not_known", note: `“${raw}” read as not known` };
  const lead = /^(yes|y|no|n|true|false)\b\s*[-–—:,(/]/.exec(w); // "Yes - in scope", "No (retired)"
  if (lead) return { ok: true, value: ["yes", "y", "true"].includes(lead[1]), confidence: "exact" };
  if (/^(partial|partly|some|maybe|possibly|likely)\b/.test(w)) return { ok: true, value: true, confidence: "approximate", note: `“${raw}” read as yes` };
  return { ok: false };
}
