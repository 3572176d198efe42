// The validation plan (issue 10 item 6), generated from the data inventory and the latest profile of each
// entity. Pure: per entity the reconciliation checks (counts, sums, hashes, date range, one per quirk), the
// golden-patient set (chosen to cover every quirk: masked example rows of the profile where there is one,
// a hand pick otherwise) and the mock conversion rounds with their acceptance thresholds. The consultant's
// edits (ValidationPlanEdits, stored per engagement) are laid over the generated plan: per entity a check's
// acceptance reworded or the check left out, checks added, the golden set's size and notes; the number of
// mock rounds and each round's thresholds. An edit of an entity or check that no longer exists is ignored.
import type { Quirk } from "@/lib/engagement-format/vocabularies";
import type { ExtractProfile } from "@/lib/profiler/types";
import { CHECK_QUIRK_KINDS } from "@/lib/profile-runs/findings";

export type ReconciliationCheck = { entityId: string; entity: string; sourceObject: string; check: string; method: string; acceptance: string; edited?: boolean };
export type GoldenCase = { entityId: string; quirk: string; entity: string; sourceObject: string; pick: string; source: string };
export type MockRound = { round: number; name: string; acceptance: string[]; edited?: boolean };
/** Per entity in the plan: the golden-patient set's size (generated: 5 per case, at least 5) and the consultant's notes. */
export type GoldenSet = { entityId: string; entity: string; sourceObject: string; size: number; notes: string; edited: boolean };
export type ValidationPlan = { checks: ReconciliationCheck[]; golden: GoldenCase[]; goldenSets: GoldenSet[]; rounds: MockRound[]; edited: boolean };

/** The consultant's edits of one entity's part of the plan. */
export type EntityPlanEdit = {
  /** by the generated check's name ("Record count", "Quirk: icd9 unconverted (high)"): acceptance reworded, or left out */
  checks?: Record<string, { acceptance?: string; omit?: boolean }>;
  added?: { check: string; method: string; acceptance: string }[];
  goldenSize?: number;
  goldenNotes?: string;
};
export type ValidationPlanEdits = {
  entities?: Record<string, EntityPlanEdit>;
  /** the number of mock rounds (else the model constant data.mockConversionRounds) */
  roundCount?: number;
  /** by round number: that round's acceptance thresholds, one per entry */
  roundAcceptance?: Record<string, string[]>;
};

export const MAX_MOCK_ROUNDS = 10;

/** A data-inventory row as the plan reads it. */
export type PlanEntity = { id: string; entity: string; sourceObject: string; decision: string; recordCount: number | null; yearsCovered: number | null; quirks: Quirk[] };

/** The latest finished profile of a data entity (run id, file name, result). */
export type EntityProfile = { entityId: string; runId: string; fileName: string; result: ExtractProfile };

// Entity-specific sums: what a finance or clinical lead can recompute on both sides.
const SUMS: Record<string, string> = {
  billing_claims: "Sum of charge and payment amounts per year and per payer",
  lab_results: "Count of results and sum of numeric values per test code per year",
  medications: "Count of active prescriptions per drug class",
  encounters: "Count of encounters per year and per encounter type",
  appointments: "Count of future appointments per provider",
  vitals: "Count and mean of each vital sign per year",
  immunizations: "Count of doses per vaccine code",
  problems: "Count of active problems per code system",
  allergies: "Count of active allergies per type (drug, food, environment)",
  scanned_documents: "Count of documents and of pages per document type",
  images: "Count of studies and total bytes per modality",
  insurance: "Count of active coverages per payer",
};

const QUIRK_CHECKS: Record<string, string> = {
  unmerged_patients: "Every duplicate candidate pair has a recorded decision (merged, kept apart with reason); no new duplicates on the destination",
  icd9_unconverted: "Every ICD-9 code is mapped to ICD-10-CM (GEMs or hand map) or flagged for review; 0 unmapped codes",
  free_text_for_structured: "Free text in coded fields is mapped to codes or kept as a note, per the cleanup decision; counts reconcile",
  scanned_paper: "Document and page counts match; each scan keeps its patient, date and type",
  multiple_identifiers: "Every provider resolves to one destination identity; NPIs valid (Luhn) on the destination",
  orphaned_records: "Orphaned rows are counted, excluded or re-attached as decided; 0 silent drops",
  invalid_codes: "Invalid and local codes are mapped or flagged; 0 unmapped codes reach the destination",
  encoding_problems: "Text with damaged characters is repaired or flagged; the count after repair is 0 or documented",
  other: "The quirk's affected records reconcile to the documented decision",
};

const words = (s: string) => s.replace(/_/g, " ");

export function validationPlan(entities: PlanEntity[], profiles: EntityProfile[], mockRounds: number): ValidationPlan {
  const checks: ReconciliationCheck[] = [];
  const golden: GoldenCase[] = [];
  const profileOf = new Map(profiles.map((p) => [p.entityId, p]));
  for (const e of entities) {
    if (e.decision === "do_not_migrate") continue;
    const target = e.decision === "archive_only" ? "the archive" : "the destination";
    const base = { entityId: e.id, entity: words(e.entity), sourceObject: e.sourceObject };
    const profile = profileOf.get(e.id);
    const count = e.recordCount !== null ? e.recordCount.toLocaleString("en-US") : profile ? profile.result.rows.toLocaleString("en-US") : null;
    checks.push({ ...base, check: "Record count", method: `Count rows in ${e.sourceObject} and in ${target}${count ? ` (expected ${count})` : ""}`, acceptance: "Equal, or the difference equals the documented exclusions" });
    checks.push({ ...base, check: "Key hash", method: "SHA-256 over the sorted natural keys (e.g. MRN, encounter number) on both sides", acceptance: "Hashes equal" });
    if (SUMS[e.entity]) checks.push({ ...base, check: "Sums", method: SUMS[e.entity]!, acceptance: "Equal per group (money to the cent)" });
    const years = e.yearsCovered ?? profile?.result.dateRange?.yearsCovered ?? null;
    checks.push({ ...base, check: "Date range", method: `Earliest and latest event date on both sides${years ? ` (${years} years of data)` : ""}`, acceptance: "Equal; no dates shifted by time zone" });
    if (e.decision === "archive_only") continue;
    for (const q of e.quirks) {
      const measured = q.affectedCount !== null ? ` — ${q.affectedCount.toLocaleString("en-US")} records affected` : q.affectedShare !== null ? ` — ${(q.affectedShare * 100).toFixed(1)} % affected` : "";
      checks.push({ ...base, check: `Quirk: ${words(q.kind)} (${q.severity})`, method: `${QUIRK_CHECKS[q.kind] ?? QUIRK_CHECKS.other}${measured}`, acceptance: q.severity === "critical" || q.severity === "high" ? "0 open on the final mock round" : "Open count documented and accepted by the decider" });
      // golden patients: the profile's masked example rows for a check of this quirk kind, else a hand pick
      const examples = profile ? profile.result.checks.filter((c) => CHECK_QUIRK_KINDS[c.id] === q.kind && c.count > 0).flatMap((c) => c.examples.map((x) => x.row)) : [];
      golden.push({
        quirk: words(q.kind), ...base,
        pick: examples.length ? `Rows ${[...new Set(examples)].slice(0, 5).join(", ")} of the extract, plus 2 picked by hand` : "5 patients showing this quirk, picked by hand",
        source: examples.length && profile ? `profile run ${profile.runId} (${profile.fileName})` : "the source system",
      });
    }
  }
  golden.push({ entityId: "", quirk: "baseline", entity: "patients", sourceObject: "", pick: "5 patients with the longest history, 5 seen last month, 1 per specialty and location", source: "the source system" });
  const n = Math.max(1, Math.round(mockRounds));
  const rounds: MockRound[] = [];
  for (let r = 1; r <= n; r++) {
    const last = r === n;
    rounds.push({
      round: r,
      name: last ? `Mock ${r} (dress rehearsal)` : `Mock ${r}`,
      acceptance: last
        ? ["Every count, hash and sum equal (or documented)", "Every golden patient checked and signed off by a clinician", "0 open high or critical quirks", "Conversion fits the cutover window"]
        : r === 1
          ? ["Counts within 1 % per entity", "≥ 90 % of golden patients pass", "Every failure has an owner"]
          : ["Counts within 0.1 % per entity; hashes equal for patients", "≥ 98 % of golden patients pass", "No new defect kinds"],
    });
  }
  const goldenSets: GoldenSet[] = [];
  const casesOf = new Map<string, number>();
  for (const g of golden) casesOf.set(g.entityId, (casesOf.get(g.entityId) ?? 0) + 1);
  for (const e of entities) {
    if (e.decision === "do_not_migrate" || e.decision === "archive_only") continue;
    const cases = casesOf.get(e.id) ?? 0;
    goldenSets.push({ entityId: e.id, entity: words(e.entity), sourceObject: e.sourceObject, size: Math.max(5, cases * 5), notes: "", edited: false });
  }
  return { checks, golden, goldenSets, rounds, edited: false };
}

/** The generated plan with the consultant's edits laid over it. */
export function applyPlanEdits(plan: ValidationPlan, edits: ValidationPlanEdits): ValidationPlan {
  const byEntity = edits.entities ?? {};
  let edited = false;
  const checks: ReconciliationCheck[] = [];
  for (const c of plan.checks) {
    const e = byEntity[c.entityId]?.checks?.[c.check];
    if (e?.omit) {
      edited = true;
      continue;
    }
    if (e?.acceptance !== undefined && e.acceptance.trim() !== "" && e.acceptance !== c.acceptance) {
      checks.push({ ...c, acceptance: e.acceptance, edited: true });
      edited = true;
    } else checks.push(c);
  }
  // added checks after the entity's generated ones
  const ordered: ReconciliationCheck[] = [];
  const seen = new Set<string>();
  const withAdded = (entityId: string) => {
    if (seen.has(entityId)) return;
    seen.add(entityId);
    const set = plan.goldenSets.find((g) => g.entityId === entityId) ?? plan.checks.find((c) => c.entityId === entityId);
    for (const a of byEntity[entityId]?.added ?? []) {
      if (!set) break;
      ordered.push({ entityId, entity: set.entity, sourceObject: set.sourceObject, check: a.check, method: a.method, acceptance: a.acceptance, edited: true });
      edited = true;
    }
  };
  for (let i = 0; i < checks.length; i++) {
    ordered.push(checks[i]!);
    if (checks[i + 1]?.entityId !== checks[i]!.entityId) withAdded(checks[i]!.entityId);
  }
  const goldenSets = plan.goldenSets.map((g) => {
    const e = byEntity[g.entityId];
    if (!e || (e.goldenSize === undefined && !e.goldenNotes)) return g;
    edited = true;
    return { ...g, size: e.goldenSize ?? g.size, notes: e.goldenNotes ?? "", edited: true };
  });
  let rounds = plan.rounds;
  if (edits.roundCount !== undefined && edits.roundCount !== plan.rounds.length) {
    edited = true;
    const n = Math.min(MAX_MOCK_ROUNDS, Math.max(1, Math.round(edits.roundCount)));
    rounds = validationPlan([], [], n).rounds;
  }
  rounds = rounds.map((r) => {
    const a = edits.roundAcceptance?.[String(r.round)]?.map((x) => x.trim()).filter(Boolean);
    if (!a?.length || a.join("\n") === r.acceptance.join("\n")) return r;
    edited = true;
    return { ...r, acceptance: a, edited: true };
  });
  return { checks: ordered, golden: plan.golden, goldenSets, rounds, edited };
}
