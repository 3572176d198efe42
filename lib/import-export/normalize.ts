// Cell normalizers: what spreadsheets really contain → the typed values of the contract.
// Each returns { ok: true, value } or { ok: false, message } with a message a consultant understands.
// Client-safe and pure.
import { restoreFormulaText } from "@/lib/import-export/formula";
import { allowedLabels, matchVocabulary } from "@/lib/import-export/vocabulary";

/** A cell as parsed from CSV or XLSX. Dates from XLSX arrive as ISO strings ("2027-03-15"). */
export type Cell = string | number | boolean | null;

export type Normalized<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Normalized<T> => ({ ok: true, value });
const fail = (message: string): Normalized<never> => ({ ok: false, message });

export function isBlank(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/** Quote a user's value in a message, shortened. */
export function quote(cell: Cell): string {
  const s = String(cell).replace(/\s+/g, " ").trim();
  return `“${s.length > 40 ? `${s.slice(0, 39)}…` : s}”`;
}

// ---------- text ----------
export function normalizeText(cell: Cell): Normalized<string> {
  if (isBlank(cell)) return ok("");
  if (typeof cell === "string") return ok(restoreFormulaText(cell.replace(/^\uFEFF/, "")).trim());
  if (typeof cell === "boolean") return ok(cell ? "Yes" : "No");
  return ok(String(cell));
}

// ---------- numbers ----------
const SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, mm: 1e6, b: 1e9, bn: 1e9 };

/**
 * "12,000", "12 000", "1,234.5", "$1.2M", "~1200", "approx. 3k", "(500)" (accounting negative), "1.234,5"
 * (European, when the shape is unambiguous). Returns null for text that is not a number.
 */
export function parseNumberText(raw: string): number | null {
  let s = restoreFormulaText(raw).trim().replace(/^\uFEFF/, "");
  if (s === "") return null;
  s = s.replace(/^(approx\.?|approximately|about|around|ca\.?|est\.?|~|≈|>|<|≥|≤)\s*/i, "");
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  s = s.replace(/^[$€£]\s*/, "").replace(/\s*(usd|eur|gbp|\$|€|£)$/i, "");
  if (s.startsWith("-")) {
    negative = !negative;
    s = s.slice(1).trim();
  } else if (s.startsWith("+")) s = s.slice(1).trim();
  s = s.replace(/^[$€£]\s*/, "");
  const suffixMatch = /^(.*?)\s*(k|mm|m|bn|b)$/i.exec(s);
  let multiplier = 1;
  if (suffixMatch && /\d$/.test(suffixMatch[1])) {
    multiplier = SUFFIX[suffixMatch[2].toLowerCase()];
    s = suffixMatch[1];
  }
  let digits: string;
  if (/^\d{1,3}(\.\d{3})+,\d+$/.test(s)) digits = s.replace(/\./g, "").replace(",", "."); // 1.234,5
  else if (/^\d{1,3}([,\u00a0\u202f' ]\d{3})+(\.\d+)?$/.test(s)) digits = s.replace(/[,\u00a0\u202f' ]/g, ""); // 12,000.5
  else if (/^\d+(\.\d+)?$/.test(s) || /^\.\d+$/.test(s)) digits = s;
  else if (/^\d+,\d{1,2}$/.test(s)) digits = s.replace(",", "."); // 12,5 (decimal comma; never a thousands group)
  else if (/^\d+(\.\d+)?e[+-]?\d+$/i.test(s)) digits = s;
  else return null;
  const n = Number(digits) * multiplier;
  if (!Number.isFinite(n)) return null;
  return negative ? -n : n;
}

/** Remove floating-point noise from arithmetic on user input (0.15 * 100 → 15.000000000000002). */
export function tidy(n: number): number {
  return Number.parseFloat(n.toPrecision(15));
}

export function normalizeNumber(cell: Cell): Normalized<number | null> {
  if (cell === null || isBlank(cell)) return ok(null);
  if (typeof cell === "number") return Number.isFinite(cell) ? ok(cell) : fail("is not a number");
  if (typeof cell === "boolean") return fail(`${quote(cell)} is not a number`);
  const n = parseNumberText(cell);
  return n === null ? fail(`${quote(cell)} is not a number`) : ok(n);
}

export function normalizeInteger(cell: Cell): Normalized<number | null> {
  const r = normalizeNumber(cell);
  if (!r.ok || r.value === null) return r;
  const n = tidy(r.value);
  return Number.isInteger(n) ? ok(n) : fail(`${quote(cell)} is not a whole number`);
}

/**
 * A share 0..1. "35%" → 0.35; 0.35 → 0.35; a bare number above 1 (up to 100) is read as percent: "35" → 0.35.
 */
export function normalizePercent(cell: Cell): Normalized<number | null> {
  if (cell === null || isBlank(cell)) return ok(null);
  if (typeof cell === "string" && /%\s*$/.test(cell)) {
    const n = parseNumberText(cell.replace(/%\s*$/, ""));
    return n === null ? fail(`${quote(cell)} is not a percentage`) : ok(tidy(n / 100));
  }
  const r = normalizeNumber(cell);
  if (!r.ok) return fail(`${quote(cell)} is not a percentage`);
  if (r.value === null) return r;
  return ok(r.value > 1 && r.value <= 100 ? tidy(r.value / 100) : r.value);
}

/** Dollars → integer cents: "$12,500.50" → 1250050. */
export function normalizeMoneyCents(cell: Cell): Normalized<number | null> {
  const r = normalizeNumber(cell);
  if (!r.ok) return fail(`${quote(cell)} is not an amount of money`);
  if (r.value === null) return r;
  return ok(Math.round(tidy(r.value * 100)));
}

export function centsToDollars(cents: number): number {
  return tidy(cents / 100);
}

// ---------- booleans ----------
const TRUE_WORDS = new Set(["yes", "y", "true", "t", "x", "1", "✓", "✔", "on", "in scope", "checked"]);
const FALSE_WORDS = new Set(["no", "n", "false", "f", "0", "-", "–", "off", "out of scope", "unchecked", "none"]);

export function normalizeBoolean(cell: Cell): Normalized<boolean | null> {
  if (cell === null || isBlank(cell)) return ok(null);
  if (typeof cell === "boolean") return ok(cell);
  if (typeof cell === "number") return cell === 1 ? ok(true) : cell === 0 ? ok(false) : fail(`${quote(cell)} is not yes or no`);
  const w = restoreFormulaText(cell).trim().toLowerCase().replace(/[.!]$/, "");
  if (TRUE_WORDS.has(w)) return ok(true);
  if (FALSE_WORDS.has(w)) return ok(false);
  return fail(`${quote(cell)} is not yes or no (use Yes/No, True/False, X or leave it blank)`);
}

// ---------- dates ----------
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

function isoFromParts(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** Excel serial day number (1900 date system) → ISO date. 45366 → "2024-03-15". */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * ISO "2027-03-15" (also with a time), Excel serials (45366 or "45366"), US "3/15/2027", "15 Mar 2027",
 * "March 15, 2027", "2027/03/15". Slashed dates are read month first (US), unless the first part is > 12.
 */
export function normalizeDate(cell: Cell): Normalized<string | null> {
  if (cell === null || isBlank(cell)) return ok(null);
  if (typeof cell === "boolean") return fail(`${quote(cell)} is not a date`);
  if (typeof cell === "number") {
    const iso = excelSerialToIso(cell);
    return iso ? ok(iso) : fail(`${quote(cell)} is not a date`);
  }
  const s = restoreFormulaText(cell).trim();
  let m: RegExpExecArray | null;
  let iso: string | null = null;
  if ((m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/.exec(s))) iso = isoFromParts(+m[1], +m[2], +m[3]);
  else if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s))) {
    const a = +m[1];
    const b = +m[2];
    const y = m[3].length === 2 ? 2000 + +m[3] : +m[3]; // "3/15/27"; a four-digit "0027" stays year 27 (refused)
    iso = a > 12 ? isoFromParts(y, b, a) : isoFromParts(y, a, b);
  } else if ((m = /^(\d{1,2})[\s-]([a-z]{3,9})\.?[\s-,]+(\d{4})$/i.exec(s))) {
    const month = MONTHS[m[2].slice(0, m[2].toLowerCase().startsWith("sept") ? 4 : 3).toLowerCase()];
    iso = month ? isoFromParts(+m[3], month, +m[1]) : null;
  } else if ((m = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i.exec(s))) {
    const month = MONTHS[m[1].slice(0, m[1].toLowerCase().startsWith("sept") ? 4 : 3).toLowerCase()];
    iso = month ? isoFromParts(+m[3], month, +m[2]) : null;
  } else if (/^\d{5}(\.\d+)?$/.test(s)) iso = excelSerialToIso(Number(s));
  return iso ? ok(iso) : fail(`${quote(cell)} is not a date (use YYYY-MM-DD, e.g. 2027-03-15)`);
}

// ---------- vocabularies ----------
export function normalizeEnum(cell: Cell, codes: readonly string[]): Normalized<string | null> {
  if (cell === null || isBlank(cell)) return ok(null);
  const word = typeof cell === "string" ? restoreFormulaText(cell) : String(cell);
  const code = matchVocabulary(codes, word);
  return code ? ok(code) : fail(`${quote(cell)} is not one of: ${allowedLabels(codes)}`);
}

/**
 * A level on the engagement's likelihood × impact matrix: a number (1..size) or one of the matrix's labels
 * ("Likely" → 4 on the default 5×5 matrix).
 */
export function normalizeLevel(cell: Cell, labels: readonly string[]): Normalized<number | null> {
  if (cell === null || isBlank(cell)) return ok(null);
  const r = normalizeInteger(cell);
  if (r.ok) return r;
  if (typeof cell === "string") {
    const word = cell.trim().toLowerCase();
    const i = labels.findIndex((l) => l.trim().toLowerCase() === word);
    if (i >= 0) return ok(i + 1);
    const lead = /^(\d+)\s*[-–—:.)]/.exec(cell.trim()); // "4 - Likely"
    if (lead) return ok(Number(lead[1]));
  }
  return fail(`${quote(cell)} is not a level (use 1–${labels.length} or one of: ${labels.join(", ")})`);
}

