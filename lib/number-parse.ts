// The one reading of a number typed by a person: every form field, the spreadsheet importer (under its own
// approximation transforms such as "~5k" or "$1.2M") and string cells of a JSON import go through here, so a
// value means the same wherever it is entered. Client-safe and pure.
//
// Accepted (returns the number):
//   "1234", "1234.5", ".5", "+3", "-3", "−3" (Unicode minus)
//   thousands groups of exactly three digits with one separator used consistently:
//     "12,000", "1,234,567.25", "12 000" (space, no-break space, narrow no-break space), "12_000", "12'000"
//   scientific notation without groups: "1.5e3", "2E-4"
//   with { currency: true }: a leading "$" ("$12,500", "-$5", "$ 5")
//   with { percent: true }: a trailing "%" ("25%" → 25; the caller decides what a percent means)
//   with { decimalComma: true } (only where a column says the file uses it): "12,5", "1.234,5", "1 234,5"
// Refused (returns null): blank text, hex/octal/binary ("0x10", "0o7"), "Infinity"/"NaN", a comma that is
// not a thousands group ("1,5" unless decimalComma), mixed separators ("1,234 567"), two signs, anything
// that is not finite once read ("1e400"), text longer than MAX_NUMBER_TEXT characters.
// Ranges are not checked here: the zod schema that calls this applies the field's documented bounds.

export type NumberSyntax = {
  /** "," is the decimal mark and "." / space / "_" / "'" group thousands (a European column). Default false. */
  decimalComma?: boolean;
  /** Allow a leading "$". Default false. */
  currency?: boolean;
  /** Allow a trailing "%" (stripped; the value is not divided by 100). Default false. */
  percent?: boolean;
};

/** Longer text is never a number a person typed. */
export const MAX_NUMBER_TEXT = 64;

// One separator, used consistently (backreference \2), between groups of exactly three digits.
const GROUPED_POINT = /^(\d{1,3}([,\u00a0\u202f '_])\d{3}(?:\2\d{3})*|\d+)(\.\d*)?$/;
const GROUPED_COMMA = /^(\d{1,3}([.\u00a0\u202f '_])\d{3}(?:\2\d{3})*|\d+)(,\d*)?$/;
const LEADING_POINT = /^\.\d+$/;
const LEADING_COMMA = /^,\d+$/;
const SCIENTIFIC = /^(\d+(\.\d*)?|\.\d+)e[+-]?\d+$/i;
const GROUP_CHARS = /[,.\u00a0\u202f '_]/g;

/** True for undefined, null and text that is empty once trimmed (what a form calls "not filled in"). */
export function isBlankNumberText(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
}

/** Reads `text` as a number under the rules above; null when it is not one (see the header for what is refused). */
export function parseNumber(text: string, syntax: NumberSyntax = {}): number | null {
  if (typeof text !== "string" || text.length > MAX_NUMBER_TEXT) return null;
  let s = text.trim();
  if (syntax.percent) s = s.replace(/\s*%$/, "");
  let negative = false;
  const signed = /^([+\-\u2212])\s*/.exec(s);
  if (signed) {
    negative = signed[1] !== "+";
    s = s.slice(signed[0].length);
  }
  if (syntax.currency && s.startsWith("$")) {
    s = s.slice(1).trimStart();
    if (!signed) {
      const inner = /^([+\-\u2212])/.exec(s);
      if (inner) {
        negative = inner[1] !== "+";
        s = s.slice(1);
      }
    }
  }
  if (s === "") return null;
  let digits: string;
  if (SCIENTIFIC.test(s)) digits = s;
  else if (syntax.decimalComma) {
    if (LEADING_COMMA.test(s)) digits = `0.${s.slice(1)}`;
    else {
      const m = GROUPED_COMMA.exec(s);
      if (!m) return null;
      digits = m[1].replace(GROUP_CHARS, "") + (m[3] ? `.${m[3].slice(1)}` : "");
    }
  } else if (LEADING_POINT.test(s)) digits = `0${s}`;
  else {
    const m = GROUPED_POINT.exec(s);
    if (!m) return null;
    digits = m[1].replace(GROUP_CHARS, "") + (m[3] ?? "");
  }
  const n = Number(digits);
  if (!Number.isFinite(n)) return null;
  return negative ? -n || 0 : n;
}
