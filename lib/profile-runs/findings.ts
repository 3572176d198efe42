// Findings of a profile run, as suggestions for the inventory (issue 10 item 4). Pure: from the profiler's
// stored result (aggregates and masked examples only) and the target's current values to a list of
// findings the consultant can accept one by one. Runs on the server for accept (never trusting the client)
// and renders the same list on the run page.
import type { Quirk } from "@/lib/engagement-format/vocabularies";
import type { CheckResult, ExtractProfile, MessageProfile, Profile } from "@/lib/profiler/types";

export type QuirkKind = Quirk["kind"];
export type Severity = Quirk["severity"];

/** Which inventory quirk a profiler check measures. Checks not listed (blank_<column>, …) are shown, not suggested. */
export const CHECK_QUIRK_KINDS: Record<string, QuirkKind> = {
  icd9_codes: "icd9_unconverted",
  local_codes: "invalid_codes",
  npi_invalid: "invalid_codes",
  provider_multiple_npis: "multiple_identifiers",
  npi_multiple_names: "multiple_identifiers",
  duplicate_patient_pairs: "unmerged_patients",
  patient_merge_incomplete: "unmerged_patients",
  scanned_documents: "scanned_paper",
  scanned_pdf_suspected: "scanned_paper",
  free_text_in_coded: "free_text_for_structured",
  encoding_damage: "encoding_problems",
  sentinel_dates: "other",
  unparseable_dates: "other",
  duplicate_resources: "other",
};

/**
 * Suggested severity from the measured share. Assumption (stated on the page): under 1 % is low, under 5 %
 * medium, under 20 % high, 20 % or more critical — the consultant changes it when the clinical weight differs.
 */
export function suggestedSeverity(share: number): Severity {
  if (share < 0.01) return "low";
  if (share < 0.05) return "medium";
  if (share < 0.2) return "high";
  return "critical";
}

export type QuirkFinding = {
  id: string; // "quirk:<checkId>"
  type: "quirk";
  checkId: string;
  label: string;
  kind: QuirkKind;
  severity: Severity;
  count: number;
  share: number;
  denominator: number;
  denominatorLabel: string;
  examples: CheckResult["examples"];
  /** the quirk written on accept (affected count and share measured) */
  quirk: Quirk;
};

export type FieldFinding = {
  id: "recordCount" | "yearsCovered" | "complexity" | "messageTypes";
  type: "field";
  field: "recordCount" | "yearsCovered" | "complexity" | "messageTypes";
  label: string;
  value: number | string;
  current: number | string | null;
  note: string;
};

export type Finding = QuirkFinding | FieldFinding;

export const isMessageProfile = (p: Profile): p is MessageProfile => p.format === "hl7" || p.format === "x12";

const pct = (share: number) => `${(share * 100).toFixed(share < 0.1 ? 1 : 0)} %`;

/** The quirk description that names the measurement and links it to its run (a quirk has no other link field). */
export function measuredDescription(c: CheckResult, runId: string, runDate: Date): string {
  return `${c.label}: measured ${c.count.toLocaleString("en-US")} of ${c.denominator.toLocaleString("en-US")} ${c.denominatorLabel} (${pct(c.rate)}) — profile run ${runId} of ${runDate.toISOString().slice(0, 10)}`;
}

export type TargetValues =
  | { type: "data_entity"; recordCount: number | null; yearsCovered: number | null; quirks: Quirk[] }
  | { type: "integration"; complexity: string; messageTypes: string };

/** Every finding the run suggests for its target, in a stable order (quirks by share, then the facts). */
export function findingsOf(result: Profile, target: TargetValues, run: { id: string; createdAt: Date }): Finding[] {
  if (isMessageProfile(result)) {
    if (target.type !== "integration") return [];
    const out: Finding[] = [
      {
        id: "complexity", type: "field", field: "complexity", label: "Interface complexity",
        value: result.suggestedComplexity, current: target.complexity,
        note: result.reasons.length ? result.reasons.join("; ") : "few events, no custom segments",
      },
    ];
    if (result.messageTypes.length) {
      out.push({
        id: "messageTypes", type: "field", field: "messageTypes", label: "Message types",
        value: result.messageTypes.slice(0, 12).join(", ").slice(0, 300), current: target.messageTypes,
        note: `${result.messages.toLocaleString("en-US")} messages, version ${result.version ?? "unknown"}`,
      });
    }
    return out;
  }
  if (target.type !== "data_entity") return [];
  return [...quirkFindings(result, run), ...factFindings(result, target)];
}

function quirkFindings(result: ExtractProfile, run: { id: string; createdAt: Date }): QuirkFinding[] {
  return result.checks
    .filter((c) => CHECK_QUIRK_KINDS[c.id] && c.count > 0 && c.denominator > 0)
    .sort((a, b) => b.rate - a.rate || a.id.localeCompare(b.id))
    .map((c) => {
      const kind = CHECK_QUIRK_KINDS[c.id]!;
      const share = Math.min(1, Math.max(0, c.rate));
      const severity = suggestedSeverity(share);
      return {
        id: `quirk:${c.id}`, type: "quirk", checkId: c.id, label: c.label, kind, severity, count: c.count, share,
        denominator: c.denominator, denominatorLabel: c.denominatorLabel, examples: c.examples.slice(0, 5),
        quirk: {
          kind, severity, affectedCount: c.count, affectedShare: share,
          description: measuredDescription(c, run.id, run.createdAt), cleanupDecision: "undecided", decider: "",
        },
      };
    });
}

function factFindings(result: ExtractProfile, target: Extract<TargetValues, { type: "data_entity" }>): FieldFinding[] {
  const out: FieldFinding[] = [
    {
      id: "recordCount", type: "field", field: "recordCount", label: "Record count", value: result.rows, current: target.recordCount,
      note: "the rows in this extract: accept it when the extract is the whole table, not a sample",
    },
  ];
  if (result.dateRange && result.dateRange.yearsCovered > 0) {
    out.push({
      id: "yearsCovered", type: "field", field: "yearsCovered", label: "Years of data", value: result.dateRange.yearsCovered, current: target.yearsCovered,
      note: `event dates from ${result.dateRange.fromYear} to ${result.dateRange.toYear}`,
    });
  }
  return out;
}

/**
 * The entity's quirks after accepting a quirk finding. A measured quirk replaces the quirk it measures —
 * one written by an earlier run of the same check, or (when only one check of this run maps to the kind)
 * a typed quirk of the same kind, keeping its cleanup decision and decider — otherwise it is added.
 */
export function mergeQuirk(quirks: Quirk[], f: QuirkFinding, all: Finding[]): Quirk[] {
  const sameCheck = (q: Quirk) => q.kind === f.kind && q.description.startsWith(`${f.label}: measured `);
  const kindIsUnique = all.filter((x) => x.type === "quirk" && x.kind === f.kind).length === 1 && f.kind !== "other";
  const measuredByOther = (q: Quirk) => / — profile run \S+ of \d{4}-\d{2}-\d{2}$/.test(q.description) && !sameCheck(q);
  let i = quirks.findIndex(sameCheck);
  if (i < 0 && kindIsUnique) i = quirks.findIndex((q) => q.kind === f.kind && !measuredByOther(q));
  if (i < 0) return [...quirks, f.quirk];
  const prev = quirks[i]!;
  const next = { ...f.quirk, cleanupDecision: prev.cleanupDecision, decider: prev.decider };
  return quirks.map((q, j) => (j === i ? next : q));
}
