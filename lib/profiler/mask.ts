// Masking: what a profile may keep of a value. Initials and lengths, shapes, years — never the value.

/** "Jonathan" → "J… (8)". */
export function maskName(v: string): string {
  const t = v.trim();
  if (!t) return "(blank)";
  const first = t.replace(/[^A-Za-z\u00C0-\u024F]/g, "").charAt(0).toUpperCase() || "?";
  return `${first}… (${t.length})`;
}

/** Shape of a code: digits → 9, letters → A, other characters kept: "250.00" → "999.99". */
export function maskShape(v: string): string {
  const t = v.trim();
  if (t.length > 24) return `text (${t.length} chars)`;
  return t.replace(/[0-9]/g, "9").replace(/[A-Za-z]/g, "A").replace(/[^9A.\-/ ]/g, "*");
}

/** Free text: only its length and word count. */
export function maskText(v: string): string {
  const t = v.trim();
  const words = t ? t.split(/\s+/).length : 0;
  return `text (${t.length} chars, ${words} word${words === 1 ? "" : "s"})`;
}

export const maskYear = (y: number) => `year ${y}`;
