// Value classifiers used by every profiler check. Pure and allocation-light: they run once per cell
// on extracts with millions of rows.

/** Placeholder spellings that mean "no value" in client extracts. */
const PLACEHOLDER = /^(?:null|\(null\)|<null>|n\/?a|#n\/a|none|nan|undefined|-+|\.|\?)$/i;

export function isBlank(v: string | null | undefined): boolean {
  if (v == null || v.length === 0) return true;
  if (v.length > 13 && v.charCodeAt(0) > 32) return false; // too long for a placeholder, not padded
  const t = v.trim();
  return t === "" || (t.length <= 11 && PLACEHOLDER.test(t));
}

// ---------- NPI ----------

/** A valid NPI: 10 digits whose Luhn check (computed over the 80840 card-issuer prefix) holds. */
export function isValidNpi(raw: string): boolean {
  const v = raw.trim();
  if (v.length !== 10) return false;
  // Luhn over "80840" + the 10 digits; the prefix contributes a constant 24 to the sum.
  let sum = 24;
  for (let i = 0; i < 10; i++) {
    const c = v.charCodeAt(9 - i) - 48;
    if (c < 0 || c > 9) return false;
    if (i % 2 === 1) {
      const d = c * 2;
      sum += d > 9 ? d - 9 : d;
    } else sum += c;
  }
  return sum % 10 === 0;
}

/** The check digit that makes the first nine digits a valid NPI (used by the synthetic generator). */
export function npiCheckDigit(first9: string): number {
  let sum = 24;
  for (let i = 0; i < 9; i++) {
    const c = first9.charCodeAt(8 - i) - 48;
    // position from the right, counting the (missing) check digit as position 0
    if (i % 2 === 0) {
      const d = c * 2;
      sum += d > 9 ? d - 9 : d;
    } else sum += c;
  }
  return (10 - (sum % 10)) % 10;
}

// ---------- diagnosis codes ----------

export type DxClass = "icd10" | "icd9" | "snomed" | "local" | "free_text";

const ICD10 = /^[A-TV-Z][0-9][0-9AB](?:\.?[0-9A-TV-Z]{1,4})?$/;
const ICD9_NUM = /^[0-9]{3}(?:\.[0-9]{1,2})?$/;
const ICD9_NUM_NODOT = /^[0-9]{4,5}$/;
const ICD9_V = /^V[0-9]{2}(?:\.?[0-9]{1,2})?$/;
const ICD9_E = /^E[89][0-9]{2}\.[0-9]$/; // E800–E999 external causes, dotted (E849 undotted is ICD-10 E84.9)
const SNOMED = /^[0-9]{6,18}$/;

/**
 * Text, not a code: whitespace between words ("HTN - see note", "HX OF MI 2009"), a lower-case word
 * ("obesity"), punctuation codes do not use ("COPD?", "anxiety/depression"), an all-letter word of three
 * or more capitals ("DIABETES", "HTN"), or a long value. Codes are capitals, digits and . - _ only.
 */
export function looksLikeFreeText(raw: string): boolean {
  const v = raw.trim();
  if (v.length > 30) return true;
  if (/\s/.test(v)) return /[A-Za-z]{2,}/.test(v);
  if (/[a-z]{3,}/.test(v)) return true;
  if (/[^A-Za-z0-9.\-_^:]/.test(v)) return /[A-Za-z]{2,}/.test(v);
  return /^[A-Z]{3,}$/.test(v);
}

const LOCAL_LABEL = /^(?:l|loc|local|custom|internal|site|legacy|proprietary|user)$|local|legacy|custom|internal|proprietary|urn:oid:2\.16\.840\.1\.113883\.3\./i;
const STANDARD_URI = /^(?:https?:\/\/(?:hl7\.org|terminology\.hl7\.org|snomed\.info|loinc\.org|www\.nlm\.nih\.gov|www\.ama-assn\.org|www\.cms\.gov)|urn:oid:2\.16\.840\.1\.113883\.6\.)/i;
type Label = "icd9" | "icd10" | "snomed" | "local" | null;
function readLabel(system: string | undefined): Label {
  if (!system) return null;
  const s = system.trim();
  if (!s) return null;
  if (/icd-?9|icd9|^i9c?$|2\.16\.840\.1\.113883\.6\.(?:103|104|42)$/i.test(s)) return "icd9";
  if (/icd-?10|icd10|^i10c?$|2\.16\.840\.1\.113883\.6\.(?:90|3)$/i.test(s)) return "icd10";
  if (/snomed|^sct$|^snm$|2\.16\.840\.1\.113883\.6\.96$/i.test(s)) return "snomed";
  if (LOCAL_LABEL.test(s)) return "local";
  if (/^(?:https?:|urn:)/i.test(s) && !STANDARD_URI.test(s)) return "local"; // someone's own code system URI
  return null; // unknown or unhelpful labels ("TEXT", "DX") do not decide
}

/**
 * Classify a diagnosis/problem code. The code's shape decides where it is unambiguous (a system label
 * saying "ICD9" on "E11.9" is a mislabel); the label decides the ambiguous shapes (V codes, numbers that
 * could be SNOMED) and marks local codes. ICD-9 V codes (V12.3) are read as ICD-9 without a label:
 * ICD-10's V codes are external causes that need 5+ characters.
 */
export function classifyDx(raw: string, system?: string): DxClass {
  const v = raw.trim().toUpperCase();
  if (looksLikeFreeText(raw)) return "free_text";
  const label = readLabel(system);
  if (label === "local") return "local";
  if (ICD9_V.test(v) && v.replace(".", "").length <= 5) return label === "icd10" ? "icd10" : "icd9";
  if (ICD9_E.test(v) || /^E9[0-9]{2,3}$/.test(v)) return "icd9"; // ICD-10's E chapter ends at E89
  if (/^E8[0-9]{3}$/.test(v)) return label === "icd10" ? "icd10" : "icd9"; // E849.0 written without its dot
  if (/^E8[0-9]{2}$/.test(v)) return label === "icd9" ? "icd9" : "icd10";
  if (ICD10.test(v)) return "icd10";
  if (ICD9_NUM.test(v) || ICD9_NUM_NODOT.test(v)) return "icd9";
  if (SNOMED.test(v)) return label === "icd9" || label === "icd10" ? "local" : "snomed";
  return label === "snomed" ? "snomed" : "local";
}

// ---------- numbers ----------

const NUMERIC = /^[<>≤≥=~]{0,2}\s*[-+]?(?:\d+(?:[.,]\d+)?|[.,]\d+)\s*(?:%|[A-Za-z/µ^0-9*]{1,10})?$/;
/** A measurement-like value (optionally with comparator and unit). */
export function isNumericLike(v: string): boolean {
  return NUMERIC.test(v.trim());
}

// ---------- dates ----------

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function ymd(y: number, m: number, d: number): Ymd | null {
  if (m < 1 || m > 12 || d < 1 || d > DAYS_IN_MONTH[m - 1]!) return null;
  if (m === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return null;
  return { y, m, d };
}

const CURRENT_YY = new Date().getUTCFullYear() % 100;
const fullYear = (yy: number) => (yy > CURRENT_YY ? 1900 + yy : 2000 + yy);

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:\d{2,6}(?:\.\d+)?)?(?:[+-]\d{4})?$/;
const US = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?:$|[T\s])/;
const NAMED = /^(\d{1,2})[-\s]([A-Za-z]{3,9})[-\s,]+(\d{4}|\d{2})(?:$|[T\s])/; // 02-Jan-2020, 2 JAN 20
const NAMED_US = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?:$|[T\s,])/; // Jan 2, 2020
export const ZERO_DATE = /^0{1,4}[-/.]?0{1,2}[-/.]?0{1,4}(?:$|[T\s])/;

/**
 * Parse the date spellings seen in client extracts: ISO (with or without time), YYYYMMDD (HL7 style,
 * optional time), MM/DD/YYYY and M/D/YY (DD/MM when the first part exceeds 12; DD.MM.YYYY with dots),
 * 02-Jan-2020, Jan 2, 2020. Returns null when the value is not a real calendar date.
 */
export function parseDate(raw: string): Ymd | null {
  const v = raw.trim();
  if (v.length < 6) return null;
  const c0 = v.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57) {
    let m = ISO.exec(v);
    if (m) return ymd(+m[1]!, +m[2]!, +m[3]!);
    m = COMPACT.exec(v);
    if (m) return ymd(+m[1]!, +m[2]!, +m[3]!);
    m = US.exec(v);
    if (m) {
      const a = +m[1]!, b = +m[3]!;
      const y = m[4]!.length === 2 ? fullYear(+m[4]!) : +m[4]!;
      if (m[2] === "." || a > 12) return ymd(y, b, a);
      return ymd(y, a, b);
    }
    m = NAMED.exec(v);
    if (m) {
      const mo = MONTHS[m[2]!.slice(0, 4).toLowerCase()] ?? MONTHS[m[2]!.slice(0, 3).toLowerCase()];
      if (!mo) return null;
      return ymd(m[3]!.length === 2 ? fullYear(+m[3]!) : +m[3]!, mo, +m[1]!);
    }
    return null;
  }
  const m = NAMED_US.exec(v);
  if (m) {
    const mo = MONTHS[m[1]!.slice(0, 4).toLowerCase()] ?? MONTHS[m[1]!.slice(0, 3).toLowerCase()];
    if (!mo) return null;
    return ymd(+m[3]!, mo, +m[2]!);
  }
  return null;
}

/** Dates systems use for "unknown" or "forever". */
export function isSentinelDate(d: Ymd): boolean {
  const { y, m, d: day } = d;
  if (y <= 1800 || y >= 2099) return true; // 0001-01-01, 1753-01-01 (SQL Server min), 1800-01-01, 9999-12-31, 2099/2999…
  if (y === 1900 && m === 1 && day === 1) return true;
  if (y === 1899 && m === 12 && (day === 30 || day === 31)) return true; // Excel/Access day zero
  if (y === 1901 && m === 1 && day === 1) return true;
  if (y === 1111 || (y === 1911 && m === 11 && day === 11)) return true;
  return false;
}

export const dayNumber = (d: Ymd) => d.y * 372 + (d.m - 1) * 31 + (d.d - 1); // monotone, cheap

// ---------- encoding ----------

/** Replacement characters, UTF-8 read as Windows-1252 (Ã©, â€™, Â ), or stray control characters. */
const DAMAGE = /\uFFFD|Ã[\u0080-\u00BF]|â€|Â[\u00A0-\u00BF]|[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
const PLAIN = /^[\x20-\x7e\t\r\n]*$/;
export function hasEncodingDamage(v: string): boolean {
  return !PLAIN.test(v) && DAMAGE.test(v); // most cells are plain ASCII: one cheap scan
}

// ---------- people ----------

/** Lower-case letters only, accents removed: "O'Brien-Smith" → "obriensmith". */
export function normalizeName(v: string): string {
  let s = v.toLowerCase();
  if (/[^\x00-\x7f]/.test(s)) s = s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  return s.replace(/[^a-z]/g, "");
}

const TITLES = /\b(?:dr|md|do|np|pa|rn|phd|mbbs|dds|dmd|od|dpm|fnp|aprn|crnp|pac|jr|sr|ii|iii|iv|mr|mrs|ms)\b\.?/g;
/** A provider name reduced to sorted tokens without titles: "Smith, John A MD" ≡ "Dr. John A Smith". */
export function normalizeProviderName(v: string): string {
  let s = v.toLowerCase();
  if (/[^\x00-\x7f]/.test(s)) s = s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  s = s.replace(/[^a-z\s,]/g, " ").replace(TITLES, " ");
  return s.split(/[\s,]+/).filter((t) => t.length > 1).sort().join(" ");
}

/** Split a full patient name ("LAST, FIRST M" or "First M Last") into family and given. */
export function splitFullName(v: string): { family: string; given: string } {
  const t = v.trim();
  const comma = t.indexOf(",");
  if (comma >= 0) return { family: t.slice(0, comma), given: t.slice(comma + 1).trim().split(/\s+/)[0] ?? "" };
  const caret = t.indexOf("^"); // HL7 XPN pasted into a column
  if (caret >= 0) return { family: t.slice(0, caret), given: t.slice(caret + 1).split("^")[0] ?? "" };
  const parts = t.split(/\s+/);
  if (parts.length === 1) return { family: parts[0] ?? "", given: "" };
  return { family: parts[parts.length - 1] ?? "", given: parts[0] ?? "" };
}

export type Sex = "f" | "m" | "u";
export function normalizeSex(v: string): Sex {
  const s = v.trim().toLowerCase();
  if (s === "f" || s === "female" || s === "w" || s === "2" || s === "fem") return "f";
  if (s === "m" || s === "male" || s === "1") return "m";
  return "u";
}

const TRUTHY = /^(?:y|yes|true|t|1|x)$/i;
const FALSY = /^(?:n|no|false|f|0)$/i;
/** "Does this document carry text?" from a flag, a count or the text itself. */
export function carriesText(v: string): boolean | null {
  const t = v.trim();
  if (t === "") return false;
  if (TRUTHY.test(t)) return true;
  if (FALSY.test(t)) return false;
  if (/^\d+$/.test(t)) return Number(t) > 0;
  return t.length > 0;
}

const IMAGE_EXT = /\.(?:tiff?|jpe?g|png|gif|bmp|pdf)$/i;
/** An attachment type that is an image or PDF (a scan unless text travels with it). */
export function isImageLikeType(v: string): boolean {
  const t = v.trim().toLowerCase();
  if (t.startsWith("image/") || t === "application/pdf") return true;
  if (IMAGE_EXT.test(t)) return true;
  return t === "pdf" || t === "tif" || t === "tiff" || t === "jpg" || t === "jpeg" || t === "png" || t === "scan" || t === "scanned" || t === "image";
}
