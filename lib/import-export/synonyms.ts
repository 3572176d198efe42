// The healthcare words clients write for the contract's vocabularies, beyond the labels and plain synonyms
// of vocabulary.ts: standards with versions and variants ("HL7 v2.5.1", "X12 270/271", "NCPDP SCRIPT 2017071",
// "FHIR R4 (SMART)", "Direct", "SFTP flat file", "CCD/C-CDA"), statuses ("Mitigating", "Open - monitoring"),
// entity kinds ("Scanned charts"), interface purposes and ordinal scales (High / Med / Low, 1–5).
// Rules are regular expressions over the lower-cased value, tried in order (first match wins), scoped per
// vocabulary. Client-safe and pure.
import {
  COMPLEXITIES, DATA_ENTITY_KINDS, DIRECTIONS, DISPOSITIONS, FREQUENCIES, INTEGRATION_KINDS, INTEGRATION_STANDARDS,
  INTERFACE_COMPLEXITIES, MAPPING_STATUSES, MIGRATE_DECISIONS, PHASES, REPORT_KINDS, REVIEW_STATUSES, RISK_CATEGORIES,
  RISK_SCOPES, RISK_STATUSES, SEVERITIES, TRANSITION_STRATEGIES, TREATMENTS, WORKFLOW_KINDS, WORK_STATUSES,
} from "@/lib/engagement-format/schema";

export type Rule = readonly [RegExp, string];

const RULES = new Map<readonly string[], readonly Rule[]>([
  [INTEGRATION_STANDARDS, [
    [/\bfhir\b|\bsmart\b|\bcds hooks\b/, "fhir_r4"],
    [/\bncpdp\b|\bscript\b|surescripts|\bepcs\b/, "ncpdp_script"],
    [/\bx ?12\b|\b(270|271|276|277|278|820|834|835|837[pid]?)\b|\bedi\b|\bansi\b|\b5010\b|\b4010\b/, "x12"],
    [/\bc-?cda\b|\bccd\b|\bcda\b|\bdirect\b|\bxdm\b|\bxds\b|\bccr\b/, "ccda"],
    [/\bhl7\b|\bhl 7\b|\bv2(\.\d+)*\b|\b2\.[3-9](\.\d)?\b|\bmllp\b|\b(adt|orm|oru|siu|dft|mdm|vxu|rde|bar)\b/, "hl7v2"],
    [/\bs?ftps?\b|flat ?file|\bcsv\b|\bbatch\b|\bfile (drop|share|transfer)\b|\bfile\b|\bpdf\b|\bfax\b|\bprint\b/, "file_sftp"],
    [/\bapi\b|\brest\b|\bsoap\b|web ?service|\bjson\b|\bxml\b|\bhttps?\b|\bodbc\b|\bsdk\b|\bwebhook\b|\bsql\b|\bdb link\b|\bdatabase\b/, "proprietary_api"],
  ]],
  [INTEGRATION_KINDS, [
    [/\blab\b.*\border|\border.*\blab\b|\borm\b|\bomg\b|\brequisition/, "lab_orders"],
    [/\blab|\bpath(ology)?\b|\boru\b|\bresult|\bquest\b|\blabcorp\b|\bmicro(biology)?\b/, "lab_results"],
    [/\be-?rx\b|e-?prescri|\bncpdp\b|surescripts|\bpharmacy\b|\bpdmp\b|\bepcs\b|\bmedication history\b/, "erx"],
    [/\beligib|\b27[01]\b|\bpayer\b|\binsur|\bclearinghouse\b|\bprior auth|\b278\b/, "payer"],
    [/\bbilling\b|\bclaims?\b|\b837|\b835\b|\bremit|\bcharges?\b|\bdft\b|\brcm\b|\bpractice management\b|\bcollections\b/, "billing"],
    [/\bportal\b|\bmychart\b|\bpatient app\b|\bkiosk\b|\bcheck-?in\b/, "patient_portal"],
    [/\bdocument|\bdms\b|\bscann|\bfax\b|\bmdm\b|\bimaging system\b|\bonbase\b|\bhyland\b/, "document_management"],
    [/\bpacs\b|\bradiology\b|\bris\b|\bimaging\b|\bdicom\b|\bx-?ray\b|\bultrasound\b|\bmammo/, "imaging"],
    [/\btele(health|medicine|visit)|\bvideo visit\b|\bzoom\b|\bdoxy\b|\bvirtual visit/, "telehealth"],
    [/\bhie\b|health information exchange|\bcarequality\b|\bcommonwell\b|\be-?health exchange\b|\bdirect\b.*\bhie\b|\bccd\b.*\bexchange\b/, "hie"],
    [/\bregistr|\bimmuni[sz]|\bvxu\b|\bsyndromic\b|\bcancer reg|\bpublic health\b|\breportable\b|\belr\b|\bstate\b.*\breport/, "registry"],
    [/\bdevice|\bcardiology\b|\becg\b|\bekg\b|\bspecialty\b|\bophthalm|\bdental\b|\bdialysis\b|\banesthesia\b|\bvitals monitor|\bspirometr/, "specialty_tool"],
  ]],
  [DATA_ENTITY_KINDS, [
    [/\bscann|\bpaper\b|\bpdfs?\b|\bfaxe?s?\b|\battachments?\b|\bdocuments?\b|\bdocs\b|\bmedia\b|\bconsents?\b|\bsigned forms?\b|\boutside records?\b|\bcorrespondence\b|\bletters?\b/, "scanned_documents"],
    [/\bdicom\b|\bimages?\b|\bx-?rays?\b|\bpacs\b|\bphotos?\b|\bradiology images/, "images"],
    [/\bmpi\b|\bdemograph|\bpatient (master|registry|list|index|records?)\b|^patients?$|\bperson\b|\bregistration\b/, "patient_demographics"],
    [/\bencounters?\b|\bvisits?\b|\badmissions?\b|\badt\b/, "encounters"],
    [/\bnotes?\b|\bprogress notes?\b|\bclinical documentation\b|\bh&p\b|\bdictation|\btranscription/, "clinical_notes"],
    [/\bproblems?\b|\bdiagnos[ei]s\b|\bdx\b|\bicd\b/, "problems"],
    [/\ballerg/, "allergies"],
    [/\bmed(ication)?s?\b|\bprescriptions?\b|\brx\b|\bpharmacy\b/, "medications"],
    [/\bimmuni[sz]|\bvaccin|\bshots?\b/, "immunizations"],
    [/\blabs?\b|\blaboratory\b|\bresults?\b|\bpathology\b/, "lab_results"],
    [/\bvitals?\b|\bflowsheets?\b|\bbp\b|\bheight\b|\bweight\b/, "vitals"],
    [/\borders?\b|\breferrals?\b|\brequisitions?\b/, "orders"],
    [/\bappointments?\b|\bschedul/, "appointments"],
    [/\bbilling\b|\bclaims?\b|\bcharges?\b|\bledger\b|\bar\b|\baccounts receivable\b|\btransactions\b|\bpayments?\b|\bremits?\b/, "billing_claims"],
    [/\binsurance\b|\bcoverage\b|\bpayers?\b|\bhealth plans?\b|\binsurance plans?\b|\bpolic(y|ies)\b|\beligibility\b|\bguarantors?\b/, "insurance"],
    [/\bproviders?\b|\bphysicians?\b|\bclinicians?\b|\bdoctors?\b|\breferring\b|\bnpi\b|\bstaff\b/, "providers"],
    [/\busers?\b|\baccounts?\b|\blogins?\b|\bsecurity\b/, "users"],
    [/\baudit\b|\baccess log\b|\bbreak the glass\b/, "source_audit_log"],
  ]],
  // The status of an interface or report is where its MIGRATION work stands (the field's help text), not how
  // it runs in the source system today: a client's "Live", "Active", "Prod" or "In production" describes the
  // source, and no migration work on it has begun — Not started. Only "live in the new / destination
  // system" says the work is done; "Live in Epic" names a system, which suggestValue compares with the
  // engagement's source and destination (statusSystem below). "Retired", "Decommissioned", "Sunset",
  // "Inactive" say the source no longer uses it — not how far its migration is, and the vocabulary has no
  // "won't migrate" (an interface's Transition strategy has Retire): they are left for the consultant.
  [WORK_STATUSES, [
    [/^(live|active|running|in use|in service)\b.*\b(destination|new|target|future)\b/, "done"],
    [/^(live|prod|production|in production|in prod|active|current|existing|in use|in service|operational|running|up and running|up|enabled|on)\b/, "not_started"],
    [/^(open\b.*|mitigat.*|working|underway|under way|in flight|wip|analysis|build(ing)?|testing|in test|design|scoping|partially|partial)/, "in_progress"],
    [/^(done|complete|completed|closed|finished|resolved|migrated|validated)\b/, "done"],
    [/^(blocked|on hold|hold|waiting|stalled|stuck|escalated|at risk)\b/, "blocked"],
    [/^(not started|not (yet )?live|pre-?live|new|planned|planning|backlog|to do|todo|queued|not begun|future|later|proposed|identified|pending|tbd)\b/, "not_started"],
  ]],
  [RISK_STATUSES, [
    [/monitor|watch|tracking|accepted|dormant/, "monitoring"],
    [/^(closed|resolved|retired|done|complete|mitigated|avoided|expired|n\/a|realized and closed)\b/, "closed"],
    [/^(open|new|active|mitigating|in progress|identified|escalated|realized|raised|ongoing|pending|under review|assessing)\b/, "open"],
  ]],
  [TREATMENTS, [
    [/^mitigat|^reduc|^control/, "mitigate"],
    [/^accept|^retain|^tolerat|^monitor/, "accept"],
    [/^transfer|^insur|^share|^contract|^vendor/, "transfer"],
    [/^avoid|^eliminat|^terminat/, "avoid"],
  ]],
  [DIRECTIONS, [
    [/\b(bi-?directional|bi|bidi|bi-di|2-way|two[ -]way|both|in\s*(\/|&|and|\+)\s*out|out\s*(\/|&|and|\+)\s*in|send and receive|<->|↔|⇄)\b|↔|⇄|<->/, "bidirectional"],
    [/\b(inbound|incoming|in|receive|receiving|import|to emr|into emr|from (lab|vendor|payer|partner))\b|^(←|<-)/, "inbound"],
    [/\b(outbound|outgoing|out|send|sending|export|from emr|to (lab|vendor|payer|partner|state|registry|hie))\b|^(→|->)/, "outbound"],
  ]],
  [TRANSITION_STRATEGIES, [
    [/parallel|side by side|dual run/, "parallel_run"],
    [/cut|switch|big bang|flip|repoint|re-?point|go-?live/, "cut_and_switch"],
    [/retire|decommission|sunset|drop|not needed|eliminate/, "retire"],
    [/tbd|undecided|unknown|open/, "undecided"],
  ]],
  [MIGRATE_DECISIONS, [
    [/^(archive|read[- ]only|view only|legacy viewer|keep in archive|retain)/, "archive_only"],
    [/^(no|do not|don't|dont|leave|skip|exclude|purge|discard|not migrat)/, "do_not_migrate"],
    [/^(yes|migrate|convert|move|full|partial|summary|last \d+|active only|\d+ years?|future|open items|current|recent|active)/, "migrate"],
    [/^(tbd|undecided|unknown|open|pending|discuss)/, "undecided"],
  ]],
  [MAPPING_STATUSES, [
    [/^(done|complete|validated|signed off|approved|final)/, "validated"],
    [/^(draft|in progress|started|partial|wip|mapped|under review)/, "draft"],
    [/^(not started|none|todo|to do|tbd|no|pending|n\/a)/, "not_started"],
  ]],
  [WORKFLOW_KINDS, [
    [/order ?sets?|\bpanels?\b|\bprotocols?\b|\bpathways?\b/, "order_set"],
    [/alert|\bbpa\b|\bcds\b|decision support|reminder|\brules?\b|health maintenance/, "alert_rule"],
    [/routing|\binbox\b|\bpools?\b|in-?basket|\bqueues?\b|\bworkqueue/, "document_routing"],
    [/template|smart ?(phrase|text|list|set)|\bnote types?\b|\bforms?\b|\bflowsheets?\b|\bquestionnaires?\b|\bmacros?\b|\bdot phrases?\b/, "encounter_template"],
    [/\broles?\b|permission|security|access|\bprofiles?\b|\bprivileges?\b/, "role_permission_set"],
    [/report|extract|\bfeeds?\b|pipeline|\betl\b|dashboard|\bexport/, "reporting_pipeline"],
  ]],
  [DISPOSITIONS, [
    [/must|keep|survive|as[- ]is|unchanged|critical|required|mandatory|regulatory/, "must_survive"],
    [/change|redesign|rebuild|optimi[sz]e|modify|standardi[sz]e|replace|adopt|vendor default|foundation/, "may_change"],
    [/retire|drop|remove|sunset|decommission|not needed|obsolete|eliminate/, "retire"],
    [/tbd|undecided|unknown|review|discuss/, "undecided"],
  ]],
  [REVIEW_STATUSES, [
    [/approv|signed|sign-off|accepted|ok|yes|done|complete/, "approved"],
    [/change|rework|revis|reject|question|comments?/, "changes_requested"],
    [/not|pending|todo|to do|no\b|waiting|scheduled|tbd|in review|under review/, "not_reviewed"],
  ]],
  [REPORT_KINDS, [
    [/regulat|compliance|\bmips\b|\bcms\b|\bhedis\b|\buds\b|quality measure|\becqm|\bmeaningful use\b|\bpromoting interop|\bstate\b|\bregistry\b|\bjoint commission\b|\bsubmission\b|\bpqrs\b|\bmandated\b/, "regulatory"],
    [/financ|revenue|\bar\b|\bbilling\b|\bcharges?\b|\bpayments?\b|\bcollections?\b|\bcost\b|\bbudget\b|\brcm\b|\bclaims?\b|\bdenials?\b|\bpayroll\b/, "financial"],
    [/dashboard|clinical|quality|\bregistry\b|\bpopulation\b|\bcare gaps?\b|\bpatient safety\b|\boutcomes?\b/, "clinical_dashboard"],
    [/operat|\bops\b|\bschedul|\bvolume|\bproductivity\b|\bno[- ]shows?\b|\bcensus\b|\bstaff|\bthroughput\b|\badmin/, "operational"],
  ]],
  [FREQUENCIES, [
    [/daily|nightly|every day|each day|\bqd\b|\bhourly\b|real[- ]?time|continuous/, "daily"],
    [/weekly|every week|each week|bi-?weekly|fortnight/, "weekly"],
    [/monthly|every month|each month|month end|month-end|semi-?monthly/, "monthly"],
    [/quarter|\bq\d\b|every 3 months/, "quarterly"],
    [/annual|yearly|every year|once a year|semi-?annual|bi-?annual/, "annual"],
    [/ad ?hoc|on demand|as needed|adhoc|on request|when requested|irregular|prn/, "ad_hoc"],
  ]],
  [RISK_CATEGORIES, [
    [/\bdata\b|conversion|migration|\bquality\b/, "data"],
    [/workflow|clinical|adoption|process|operational/, "workflow"],
    [/interface|integration|\bhl7\b|\bapi\b/, "integration"],
    [/report|analytics/, "reporting"],
    [/audit/, "audit_trail"],
    [/vendor|contract|third[- ]party|supplier/, "vendor"],
    [/staff|resourc|people|training|turnover|capacity|\bsme\b/, "staffing"],
    [/schedul|timeline|delay|go-?live date|time/, "schedule"],
    [/budget|cost|financ|funding/, "budget"],
    [/regulat|compliance|legal|hipaa|privacy|security/, "regulatory"],
    [/technic|infrastructure|network|hardware|system|performance|downtime|cyber/, "technical"],
  ]],
  [RISK_SCOPES, [
    [/each interface|per interface|every interface/, "per_interface"],
    [/each wave|per wave|every wave|per site|each site/, "per_wave"],
    [/once|one[- ]time|single|overall|project/, "once"],
  ]],
  [PHASES, [
    [/\bp ?0\b|scop|discover|assess|planning/, "P0"],
    [/\bp ?1\b|foundation|build|design|configur|develop/, "P1"],
    [/\bp ?2\b|pilot|test/, "P2"],
    [/\bp ?3\b|cutover|cut-over|go-?live|conversion|deploy/, "P3"],
    [/\bp ?4\b|decommission|post|stabili[sz]|sunset|optimi/, "P4"],
  ]],
]);

/** Words of a work status that say the source no longer uses the thing (no migration status follows). */
const SOURCE_GONE = /^(retired?|decommission(ed)?|sunset(ted)?|turned off|switched off|inactive|obsolete|deprecated|discontinued|no longer used|not used)\b/;
/** Words naming the source or the destination without a product name (the rules above read them). */
const GENERIC_SYSTEM = /^(new|destination|target|future|legacy|old|current|existing|source|prod|production|all|every|some|most|each|both|hold|track|schedule|time|going|\d)/;

/**
 * The product a work status names — "Live in Epic", "In production on Cerner Millennium" — or null (no
 * system named, or only "the new system" / "legacy", which the rules read).
 */
export function statusSystem(value: string): string | null {
  const m = /^(?:live|active|running|in use|in service|in production|in prod|prod|production|went live|go-?live)\b.*?\b(?:in|on)\s+(?:the\s+)?(.+?)\s*$/i.exec(value.replace(/\s+/g, " ").trim());
  if (!m || GENERIC_SYSTEM.test(m[1].toLowerCase())) return null;
  return m[1];
}

/** Whether a status's system and an engagement's system are the same product ("Epic" and "Epic Systems", "Cerner" and "Oracle Health (Cerner)"). */
export function sameSystem(named: string, system: string): boolean {
  const words = (s: string) => s.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length >= 2 && !["the", "emr", "ehr", "system", "systems", "health", "inc", "corp"].includes(w));
  const a = words(named);
  const b = new Set(words(system));
  return a.length > 0 && b.size > 0 && a.some((w) => b.has(w));
}

/** A work status that describes the source system's use, not the migration ("Retired", "Decommissioned"). */
export function isSourceGoneStatus(value: string): boolean {
  return SOURCE_GONE.test(value.toLowerCase().replace(/\s+/g, " ").trim());
}

/** The rule-based code for a value in a vocabulary, or null. */
export function synonymFor(codes: readonly string[], value: string): string | null {
  const rules = RULES.get(codes) ?? RULES.get([...RULES.keys()].find((k) => k.length === codes.length && k.every((c, i) => c === codes[i])) ?? []);
  if (!rules) return null;
  const s = value.toLowerCase().replace(/\s+/g, " ").trim();
  for (const [re, code] of rules) if (re.test(s) && codes.includes(code)) return code;
  return null;
}

// ---------- ordinal scales ----------
/** Vocabularies that are ordered scales, lowest first. */
export const ORDINAL_VOCABULARIES: readonly (readonly string[])[] = [SEVERITIES, COMPLEXITIES, INTERFACE_COMPLEXITIES];

/** Words of a scale → a point on a five-point scale: 0 very low, 1 low, 2 medium, 3 high, 4 very high. */
const SCALE_WORDS: [RegExp, number][] = [
  [/^(very low|v low|vl|negligible|minimal|trivial|insignificant|rare|very unlikely|none|lowest)$/, 0],
  [/^(low|l|lo|minor|small|easy|simple|unlikely|light|basic|s)$/, 1],
  [/^(medium|med|m|mid|moderate|mod|average|normal|standard|possible|intermediate|fair|medium high|medium low)$/, 2],
  [/^(high|h|hi|major|large|hard|complex|difficult|likely|significant|serious|important|heavy)$/, 3],
  [/^(very high|v high|vh|critical|crit|severe|extreme|catastrophic|almost certain|very likely|urgent|emergent|highest|top|must have|life critical|patient safety|certain|definite|expected)$/, 4],
];

export function fivePointOfWord(value: string): number | null {
  const s = value.toLowerCase().replace(/[._-]/g, " ").replace(/\s+/g, " ").replace(/\s*\(.*\)$/, "").trim();
  const lead = /^(\d+)\s*[:.)]?\s+([a-z].*)$/.exec(s); // "4 High", "4 - High" (dash already a space)
  const word = lead ? lead[2].trim() : s;
  for (const [re, point] of SCALE_WORDS) if (re.test(word)) return point;
  return null;
}

/** A numeric scale seen in a column: its range, and whether 1 is the highest (priorities, ranks, tiers). */
export type NumericScale = { min: number; max: number; inverted: boolean };

export function numericScaleOf(values: readonly string[], header: string): NumericScale | null {
  const nums = values.map((v) => /^\s*(\d+)(?:\.0+)?(?:\s*[-–—:.)].*)?\s*$/.exec(v)).filter((m): m is RegExpExecArray => m !== null).map((m) => Number(m[1]));
  if (nums.length === 0) return null;
  const declared = /\b([01])\s*(?:-|–|—|to)\s*(\d{1,2})\b/.exec(header); // "Clinical Priority (1-5)"
  if (declared && Number(declared[2]) > Number(declared[1])) {
    return { min: Number(declared[1]), max: Number(declared[2]), inverted: /\b(priority|prio|rank|ranking|tier|urgency)\b/i.test(header) && !/\bscore\b/i.test(header) };
  }
  const maxSeen = Math.max(...nums);
  const max = maxSeen <= 3 ? 3 : maxSeen <= 4 ? 4 : maxSeen <= 5 ? 5 : maxSeen <= 7 ? 7 : maxSeen <= 10 ? 10 : maxSeen;
  const min = Math.min(...nums) === 0 ? 0 : 1;
  const inverted = /\b(priority|prio|rank|ranking|tier|urgency)\b/i.test(header) && !/\bscore\b/i.test(header);
  return { min, max, inverted };
}

/** A number on a column's scale → a point on the five-point scale (1–3 → low/medium/high; 1–5 → all five). */
export function fivePointOfNumber(n: number, scale: NumericScale): number | null {
  if (!Number.isInteger(n) || n < scale.min || n > scale.max) return null;
  const size = scale.max - scale.min + 1;
  let i = n - scale.min; // 0-based
  if (scale.inverted) i = size - 1 - i;
  if (size === 3) return i + 1;
  if (size === 4) return i + 1;
  if (size === 5) return i;
  return Math.round((i / (size - 1)) * 4);
}

/** Nearest code of an ordinal vocabulary to a five-point value (SEVERITIES: low, low, medium, high, critical). */
export function ordinalCode(codes: readonly string[], point: number): string {
  const table = codes.length === 3 ? [0, 0, 1, 2, 2] : codes.length === 4 ? [0, 0, 1, 2, 3] : null;
  const i = table ? table[point] : Math.round((point * (codes.length - 1)) / 4);
  return codes[Math.max(0, Math.min(codes.length - 1, i))];
}

/** Level of a risk matrix (1..size) for a five-point value (5×5: very low → 1 … very high → 5). */
export function matrixLevel(size: number, point: number): number {
  return Math.max(1, Math.min(size, Math.round(1 + (point * (size - 1)) / 4)));
}

// ---------- yes / no in a vocabulary column ("Migrate?", "Must stay the same?", "Can we change it?") ----------
/** What yes and no mean in a vocabulary column, from its header's question; null when they mean nothing. */
export function yesNoTargets(codes: readonly string[], header: string): { yes: string; no: string; maybe?: string } | null {
  const h = header.toLowerCase();
  const has = (...c: string[]) => c.every((x) => codes.includes(x));
  if (has("migrate", "do_not_migrate")) {
    if (/\barchive\b/.test(h) && !/\bmigrat/.test(h) && codes.includes("archive_only")) return { yes: "archive_only", no: "do_not_migrate", maybe: "undecided" };
    return { yes: "migrate", no: "do_not_migrate", maybe: "undecided" };
  }
  if (has("must_survive", "may_change")) {
    if (/\b(change|changed|modify|redesign|flexible|optional)\b/.test(h)) return { yes: "may_change", no: "must_survive", maybe: "undecided" };
    if (/\bretire|drop|remove\b/.test(h)) return { yes: "retire", no: "undecided", maybe: "undecided" };
    return { yes: "must_survive", no: "may_change", maybe: "undecided" };
  }
  if (has("approved", "not_reviewed")) return { yes: "approved", no: "not_reviewed" };
  if (has("done", "not_started")) return { yes: "done", no: "not_started" };
  if (has("parallel_run", "cut_and_switch")) return /\bparallel\b/.test(h) ? { yes: "parallel_run", no: "cut_and_switch", maybe: "undecided" } : null;
  return null;
}
