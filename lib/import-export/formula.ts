// Spreadsheet formula injection (OWASP "CSV injection"): a text cell that starts with = + - @ (or a tab or
// carriage return) can run as a formula when the file is opened. Exports prefix such cells with one `'`;
// imports remove exactly that prefix again, so export → import is lossless.
// INVARIANT: restoreFormulaText(neutraliseFormulaText(s)) === s for every string s. A text that already
// starts with quotes followed by a trigger character gets one more quote, which keeps the mapping invertible.
// Numbers are written as numbers and never neutralised.

const NEEDS_PREFIX = /^'*[=+\-@\t\r]/;
const HAS_PREFIX = /^'+[=+\-@\t\r]/;

export function neutraliseFormulaText(s: string): string {
  return NEEDS_PREFIX.test(s) ? `'${s}` : s;
}

export function restoreFormulaText(s: string): string {
  return HAS_PREFIX.test(s) ? s.slice(1) : s;
}
