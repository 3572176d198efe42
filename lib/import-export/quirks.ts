// The data inventory's known quirks, flattened into one spreadsheet cell (docs/engagement-format.md):
//
//   kind:severity[:affected[:cleanup decision[:decider[:description]]]]; next quirk; …
//
//   unmerged_patients:high:1200; icd9_unconverted:medium:15%
//   unmerged_patients:high:3,100 (3.1%):cleanup_before:HIM director:Probable duplicates from the 2021 acquisition
//
// - quirks are separated by `;` or line breaks; fields by `:`; trailing fields may be left out.
// - kind, severity and cleanup decision accept codes or labels ("Unmerged patients", "Clean up before migration").
// - affected: a record count ("1200", "1,200"), a share ("15%"), or both ("1200 (15%)"); empty = unknown.
// - a `\` escapes the next character, so a description may contain `;` or `:` (written `\;` and `\:`);
//   `\n` is a line break inside a description.
// INVARIANT: parseQuirks(formatQuirks(q)) deep-equals q for every valid Quirk[] (tested).
// Client-safe and pure.
import { CLEANUP_DECISIONS, QUIRK_KINDS, QuirkSchema, SEVERITIES, type Quirk } from "@/lib/engagement-format/schema";
import { normalizeEnum, parseNumberText, quote, tidy, type Normalized } from "@/lib/import-export/normalize";

/** Splits on unescaped separators; unescapes everything else. */
function splitEscaped(s: string, separators: string, opts: { limit?: number; keepEscapes?: boolean } = {}): string[] {
  const { limit = Infinity, keepEscapes = false } = opts;
  const out: string[] = [];
  let current = "";
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === "\\" && i + 1 < s.length) {
      const next = s[i + 1];
      // splitting entries keeps the escapes for the field split that follows
      current += keepEscapes ? ch + next : next === "n" ? "\n" : next === "r" ? "\r" : next;
      i++;
    } else if (separators.includes(ch) && out.length < limit - 1) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out;
}

function escapeField(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/:/g, "\\:").replace(/\r/g, "\\r").replace(/\n/g, "\\n");
}

function parseAffected(raw: string): Normalized<{ affectedCount: number | null; affectedShare: number | null }> {
  const s = raw.trim();
  if (s === "") return { ok: true, value: { affectedCount: null, affectedShare: null } };
  let affectedShare: number | null = null;
  let rest = s;
  const pct = /\(?\s*([\d.,]+)\s*%\s*\)?/.exec(s);
  if (pct) {
    const n = parseNumberText(pct[1]);
    if (n === null) return { ok: false, message: `affected ${quote(s)} is not a count or a percentage` };
    affectedShare = tidy(n / 100);
    rest = (s.slice(0, pct.index) + s.slice(pct.index + pct[0].length)).replace(/[&/,+]|and/gi, " ").trim();
  }
  let affectedCount: number | null = null;
  if (rest !== "") {
    const n = parseNumberText(rest);
    if (n === null || !Number.isInteger(tidy(n))) return { ok: false, message: `affected ${quote(s)} is not a count or a percentage` };
    affectedCount = tidy(n);
  }
  return { ok: true, value: { affectedCount, affectedShare } };
}

/** Parses a quirks cell; errors name the quirk by its position ("quirk 2: …"). */
export function parseQuirks(cell: string): Normalized<Quirk[]> {
  const entries = splitEscaped(cell.replace(/\r\n?/g, "\n"), ";\n", { keepEscapes: true }).map((e) => e.trim()).filter((e) => e !== "");
  const quirks: Quirk[] = [];
  const problems: string[] = [];
  entries.forEach((entry, index) => {
    const where = entries.length > 1 ? `quirk ${index + 1} (${quote(entry)})` : `quirk ${quote(entry)}`;
    const [kindRaw = "", severityRaw = "", affectedRaw = "", cleanupRaw = "", decider = "", description = ""] = splitEscaped(entry, ":", { limit: 6 }).map((p) => p.trim());
    const kind = normalizeEnum(kindRaw, QUIRK_KINDS);
    const severity = normalizeEnum(severityRaw, SEVERITIES);
    const cleanup = normalizeEnum(cleanupRaw, CLEANUP_DECISIONS);
    const affected = parseAffected(affectedRaw);
    const errs: string[] = [];
    if (!kind.ok || kind.value === null) errs.push(kind.ok ? "the kind is missing" : `kind ${kind.message}`);
    if (!severity.ok || severity.value === null) errs.push(severity.ok ? "the severity is missing (low, medium, high or critical)" : `severity ${severity.message}`);
    if (!cleanup.ok) errs.push(`cleanup decision ${cleanup.message}`);
    if (!affected.ok) errs.push(affected.message);
    if (errs.length) {
      problems.push(`${where}: ${errs.join("; ")}`);
      return;
    }
    const parsed = QuirkSchema.safeParse({
      kind: kind.ok ? kind.value : null,
      severity: severity.ok ? severity.value : null,
      ...(affected.ok ? affected.value : {}),
      cleanupDecision: (cleanup.ok ? cleanup.value : null) ?? "undecided",
      decider,
      description,
    });
    if (!parsed.success) {
      problems.push(`${where}: ${parsed.error.issues.map((i) => `${i.path.join(" ")} ${i.message}`.trim()).join("; ")}`);
      return;
    }
    quirks.push(parsed.data);
  });
  if (problems.length) return { ok: false, message: `${problems.join(". ")}. Write quirks as kind:severity:affected, e.g. unmerged_patients:high:1200; icd9_unconverted:medium:15%` };
  return { ok: true, value: quirks };
}

function formatAffected(q: Quirk): string {
  const share = q.affectedShare === null ? null : `${tidy(q.affectedShare * 100)}%`;
  if (q.affectedCount !== null && share !== null) return `${q.affectedCount} (${share})`;
  if (q.affectedCount !== null) return String(q.affectedCount);
  return share ?? "";
}

export function formatQuirks(quirks: readonly Quirk[]): string {
  return quirks
    .map((q) => {
      const parts = [q.kind, q.severity, formatAffected(q), q.cleanupDecision, escapeField(q.decider), escapeField(q.description)];
      // leave out trailing fields that carry no information
      while (parts.length > 2) {
        const last = parts[parts.length - 1];
        if (last === "" || (parts.length === 4 && last === "undecided")) parts.pop();
        else break;
      }
      return parts.join(":");
    })
    .join("; ");
}
