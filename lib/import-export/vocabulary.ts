// The words people type for the contract's vocabularies in spreadsheets. Exports write the label from
// lib/inventories/labels.ts ("Archive only"); imports accept the code, the label or a synonym, in any case
// and with any spacing or punctuation ("archive-only", "ARCHIVE ONLY", "archive_only").
// Client-safe (pure data and string functions).
import { VOCABULARY_LABELS } from "@/lib/inventories/labels";

/** Each vocabulary (the contract's own tuple) → its labels (declared once, in lib/inventories/labels.ts). */
const LABEL_MAPS = VOCABULARY_LABELS;

/** Lowercase, accents and every non-alphanumeric character removed: the form vocabulary words are compared in. */
export function vocabularyKey(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/[^a-z0-9]/g, "");
}

/** Extra words people use for a code (compared with vocabularyKey). Scoped per vocabulary by the caller. */
const SYNONYMS: Record<string, readonly string[]> = {
  patient_demographics: ["patients", "patient", "demographics", "patient registry", "mpi"],
  clinical_notes: ["notes", "progress notes", "documentation"],
  lab_results: ["labs", "lab", "laboratory results"],
  medications: ["meds", "medication list", "prescriptions"],
  problems: ["problem list", "diagnoses"],
  vitals: ["vital signs"],
  scanned_documents: ["documents", "scans", "scanned docs"],
  billing_claims: ["billing", "claims", "charges", "billing / claims"],
  source_audit_log: ["audit log", "audit trail", "access log"],
  appointments: ["scheduling", "schedule", "appointment"],
  archive_only: ["archive", "archived", "read only archive"],
  do_not_migrate: ["dont migrate", "no", "skip", "leave behind", "none"],
  undecided: ["tbd", "to be decided", "unknown", "open question"],
  migrate: ["yes", "move", "convert"],
  unmerged_patients: ["duplicate patients", "duplicates", "unmerged", "unmerged patients"],
  icd9_unconverted: ["icd9", "icd 9 codes", "icd9 codes", "icd-9 unconverted", "unconverted icd-9"],
  scanned_paper: ["paper charts", "scanned"],
  multiple_identifiers: ["multiple ids", "several identifiers", "duplicate identifiers"],
  orphaned_records: ["orphans", "orphaned"],
  invalid_codes: ["bad codes"],
  encoding_problems: ["encoding", "character encoding"],
  medium: ["med", "moderate", "mid"],
  critical: ["crit", "very high"],
  order_set: ["order sets", "orderset"],
  alert_rule: ["alert", "alerts", "alert rule", "alert / decision-support rule", "cds", "decision support", "bpa", "best practice alert"],
  document_routing: ["routing", "document routing rule"],
  encounter_template: ["template", "templates", "smartphrase", "smartlist", "smart phrase", "note template"],
  role_permission_set: ["role", "roles", "permissions", "security class"],
  reporting_pipeline: ["reporting", "report pipeline", "data feed"],
  must_survive: ["must survive", "keep", "keep unchanged", "unchanged"],
  may_change: ["change", "can change", "redesign"],
  retire: ["retired", "drop", "decommission"],
  not_reviewed: ["pending", "to review", "unreviewed"],
  approved: ["ok", "signed off"],
  changes_requested: ["changes", "rework"],
  erx: ["e-prescribing", "eprescribing", "surescripts"],
  payer: ["payers", "insurance", "eligibility"],
  patient_portal: ["portal"],
  document_management: ["dms", "document imaging"],
  imaging: ["pacs", "radiology"],
  hie: ["health information exchange"],
  specialty_tool: ["specialty", "device"],
  hl7v2: ["hl7", "hl7 2x", "hl7 v2x", "hl7v2x"],
  fhir_r4: ["fhir", "fhir r4 api"],
  x12: ["edi", "x12 edi", "ansi x12"],
  ncpdp_script: ["ncpdp", "script"],
  ccda: ["cda", "ccd"],
  file_sftp: ["sftp", "file", "flat file", "csv", "ftp"],
  proprietary_api: ["api", "rest", "rest api", "soap", "web service"],
  inbound: ["in", "incoming", "to emr"],
  outbound: ["out", "outgoing", "from emr"],
  bidirectional: ["both", "bi directional", "two way", "in out", "inout"],
  parallel_run: ["parallel"],
  cut_and_switch: ["cutover", "big bang", "switch"],
  simple: ["easy", "low"],
  complex: ["hard", "high"],
  not_started: ["not begun", "todo", "to do", "open"],
  in_progress: ["started", "wip", "ongoing"],
  done: ["complete", "completed", "finished"],
  blocked: ["on hold", "stuck"],
  clinical_dashboard: ["dashboard", "clinical"],
  regulatory: ["compliance", "mips", "cms", "quality measure"],
  ad_hoc: ["on demand", "as needed"],
  annual: ["annually", "yearly"],
  quarterly: ["every quarter"],
  audit_trail: ["audit"],
  once: ["one time", "single"],
  per_interface: ["each interface", "interface"],
  per_wave: ["each wave", "wave"],
  mitigate: ["reduce"],
  accept: ["retain"],
  transfer: ["share"],
  avoid: ["eliminate"],
  P0: ["p0 scoping", "scoping", "phase 0"],
  P1: ["p1 foundation", "foundation", "phase 1", "build"],
  P2: ["p2 pilot", "pilot", "phase 2"],
  P3: ["p3 cutover", "cutover", "phase 3", "go live"],
  P4: ["p4 decommission", "decommission", "phase 4"],
  open: ["active", "new"],
  monitoring: ["monitor", "watch", "watching"],
  closed: ["resolved", "retired", "done"],
  data_migration: ["data", "etl", "conversion"],
  project_management: ["pm", "pmo"],
};

/** The label of a code in its vocabulary ("archive_only" → "Archive only"). */
export function labelFor(codes: readonly string[], code: string): string {
  const label = LABEL_MAPS.get(codes)?.[code];
  if (label) return label;
  const words = code.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export type Vocabulary = {
  codes: readonly string[];
  /** vocabularyKey(word) → code */
  lookup: Map<string, string>;
};

const vocabularies = new WeakMap<readonly string[], Vocabulary>();

/** The lookup table for one vocabulary: codes and labels first, then synonyms that don't collide with them. */
export function vocabulary(codes: readonly string[]): Vocabulary {
  const cached = vocabularies.get(codes);
  if (cached) return cached;
  const lookup = new Map<string, string>();
  for (const code of codes) {
    lookup.set(vocabularyKey(code), code);
    lookup.set(vocabularyKey(labelFor(codes, code)), code);
  }
  for (const code of codes) {
    for (const word of SYNONYMS[code] ?? []) {
      const k = vocabularyKey(word);
      if (!lookup.has(k)) lookup.set(k, code);
    }
  }
  const v = { codes, lookup };
  vocabularies.set(codes, v);
  return v;
}

/** The code a spreadsheet word stands for, or null. */
export function matchVocabulary(codes: readonly string[], word: string): string | null {
  return vocabulary(codes).lookup.get(vocabularyKey(word)) ?? null;
}

/** The contract's own tuple holding exactly these codes (zod issues carry a copy), else the codes as given. */
function knownVocabulary(codes: readonly string[]): readonly string[] {
  if (LABEL_MAPS.has(codes)) return codes;
  for (const tuple of LABEL_MAPS.keys()) {
    if (tuple.length === codes.length && codes.every((c) => tuple.includes(c))) return tuple;
  }
  return codes;
}

export function allowedLabels(codes: readonly string[]): string {
  const vocabulary = knownVocabulary(codes);
  return codes.map((c) => labelFor(vocabulary, c)).join(", ");
}
