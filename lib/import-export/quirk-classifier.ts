// Known issues in free text → typed quirks, by rules. A client's "Known issues" cell ("ICD-9 codes before
// 2015; some merged patients; PCP has 3 NPIs") is split into its phrases; each phrase that a rule recognises
// becomes a quirk of that kind, keeping the phrase as the quirk's description, with a severity from the
// phrase's wording and an affected count or share when the phrase gives one. A phrase no rule recognises
// becomes an "other" quirk (nothing is dropped); so do missing values, which have no kind of their own. The consultant confirms the suggestions in the dry run.
// Client-safe and pure.
import type { Quirk } from "@/lib/engagement-format/schema";
import { tidy } from "@/lib/import-export/normalize";
import { strictNumber } from "@/lib/import-export/transforms";

type QuirkKind = Quirk["kind"];

/** Ordered: the first rule that matches a phrase decides its kind. */
export const QUIRK_RULES: readonly (readonly [RegExp, QuirkKind])[] = [
  [/\bicd[- ]?9\b|\bicd9\b|\bpre[- ]?icd[- ]?10\b|\bnever (converted|mapped) to icd[- ]?10\b|\bold diagnosis codes\b/i, "icd9_unconverted"],
  [/\b(dup(e|licate)?s?|duplicated)\b.*\b(patients?|mrns?|charts?|records?|persons?|people)\b|\b(patients?|mrns?|charts?)\b.*\b(dup(e|licate)?s?|duplicated)\b|\b(un-?merged|merged|merges?|mpi|overlay|overlaid|same patient|twin)\b|\bmpi clean|\bdup(e|licate)?s?\s+(pairs?|rate|rows|records|charts|mrns)\b|\bdup(e|licate)? rate\b/i, "unmerged_patients"],
  [/\b(several|multiple|many|two|three|four|\d+|2\+|more than one)\s+(npis?|ids?|identifiers?|mrns?|tax ids?|tins?|accounts?|codes? for the same|numbers)\b|\b(npis?|ids?|identifiers?|mrns?)\b.*\b(per|for (the same|one|each))\b|\bmore than one (npi|id|identifier|mrn)\b|\bid (collision|mismatch)|\bcross[- ]?walk\b/i, "multiple_identifiers"],
  [/\bscann(ed|ing)?\b|\bpaper\b|\bpdfs?\b|\btiffs?\b|\bimaged\b|\bfax(ed|es)?\b|\bhandwritten\b|\bmicrofiche\b|\bnot (text|searchable)\b/i, "scanned_paper"],
  [/\bfree[- ]?text\b|\bunstructured\b|\btyped (in|into)\b|\bnarrative\b|\bcomments? field\b|\bnotes? field\b|\bentered as text\b|\bnot coded\b|\buncoded\b|\btext instead\b/i, "free_text_for_structured"],
  [/\blocal (codes?|code ?set|lab codes?|terms?|dictionar)|\bhome[- ]?grown codes?\b|\bproprietary codes?\b|\bcustom codes?\b|\bin-?house codes?\b|\bnon[- ]?standard codes?\b|\bnot (mapped to )?(loinc|snomed|rxnorm|cpt)\b|\bno (loinc|snomed|rxnorm)\b|\b(invalid|retired|deprecated|obsolete|bad|wrong|inactive)\s+(\w+\s+)?codes?\b/i, "invalid_codes"],
  [/\borphan(ed|s)?\b|\bwithout (a |an )?(patient|encounter|parent|visit)\b|\bno (matching |linked )?(patient|encounter|parent|visit)\b|\bdangling\b|\bunlinked\b|\bmissing (parent|patient|encounter) (link|record|id)/i, "orphaned_records"],
  [/\bencod(ing|ed)\b|\bcharset\b|\bcharacter set\b|\butf-?8\b|\blatin-?1\b|\bmojibake\b|\bgarbled\b|\baccents?\b|\bspecial characters?\b|\bnon-?ascii\b|\bebcdic\b/i, "encoding_problems"],
  [/\bmissing\b|\bblank\b|\bempty\b|\bnull\b|\bincomplete\b|\bnot (recorded|captured|populated|filled)\b|\bno (dob|date|value|values)\b|\bgaps?\b/i, "other"], // missing values: the contract has no kind of their own
];

const SEVERITY_WORDS: readonly (readonly [RegExp, Quirk["severity"]])[] = [
  [/\b(critical|severe|dangerous|patient safety|unsafe|wrong patient|all\b|every)\b/i, "critical"],
  [/\b(many|most|lots|widespread|significant|major|large|high|frequent|thousands|systemic)\b/i, "high"],
  [/\b(few|rare|rarely|minor|small|occasional|handful|low|some old|isolated|cosmetic)\b/i, "low"],
];

/** The phrases of a known-issues cell: split on ";", line breaks, bullets and " / " between clauses. */
export function splitPhrases(text: string): string[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/[;\n•]+|\s+\|\s+|(?:^|\s)[-*]\s+(?=[A-Za-z])|\.\s+(?=[A-Z])/)
    .map((p) => p.replace(/^[\s,.\-*–—]+|[\s,.;]+$/g, "").trim())
    .filter((p) => p.length > 0);
}

function affected(phrase: string): { affectedCount: number | null; affectedShare: number | null } {
  const pct = /(\d+(?:\.\d+)?)\s*%/.exec(phrase);
  const affectedShare = pct ? Math.min(1, tidy(Number(pct[1]) / 100)) : null;
  // a count: "~4,200 duplicates", "1.2k charts" — not a year, not a code version, not part of "ICD-9"
  const withoutPct = phrase.replace(/\d+(?:\.\d+)?\s*%/g, " ");
  const m = /(?:^|[\s(~≈])((?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*[kKmM]?)(?=\s+(?:[a-z]|$)|\s*\)|\s*$)/.exec(withoutPct.replace(/\bicd[- ]?\d+\b/gi, " ").replace(/\b(19|20)\d{2}\b/g, " "));
  let affectedCount: number | null = null;
  if (m) {
    const n = strictNumber(m[1].replace(/\s+/g, ""));
    if (n !== null && Number.isInteger(tidy(n)) && n >= 5) affectedCount = tidy(n);
  }
  return { affectedCount, affectedShare };
}

export type ClassifiedPhrase = { phrase: string; kind: QuirkKind; matched: boolean };

export function classifyPhrase(phrase: string): ClassifiedPhrase {
  for (const [re, kind] of QUIRK_RULES) if (re.test(phrase)) return { phrase, kind, matched: true };
  return { phrase, kind: "other", matched: false };
}

/** Free text → quirks (one per phrase, original wording kept as the description). */
export function classifyKnownIssues(text: string): Quirk[] {
  const quirks: Quirk[] = [];
  for (const phrase of splitPhrases(text)) {
    if (/^(none|n\/a|na|no known issues?|nothing|-|tbd|unknown)$/i.test(phrase)) continue;
    const { kind } = classifyPhrase(phrase);
    const severity = SEVERITY_WORDS.find(([re]) => re.test(phrase))?.[1] ?? "medium";
    quirks.push({ kind, severity, ...affected(phrase), cleanupDecision: "undecided", decider: "", description: phrase.slice(0, 1000) });
  }
  return quirks;
}
