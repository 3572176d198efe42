// Synthetic client extracts with KNOWN defect rates, for the profiler's accuracy tests and its benchmark.
// The generator records what it injected (counts and the true duplicate pairs); tests compare the
// profiler's measurements with that ground truth. Messy on purpose: mixed date formats, column-name
// spellings, provider-name spellings, a BOM, ; delimiters, quoted values with newlines.
//
//   npx tsx tests/support/synthetic-extract.ts csv out.csv [rows]      npx tsx … ndjson out.ndjson [patients]
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { npiCheckDigit } from "@/lib/profiler/values";

export interface DefectRates {
  icd9: number; // share of non-blank diagnosis codes
  dxFreeText: number; // share of diagnosis values that are free text
  localCodes: number; // share of diagnosis values that are local codes
  npiInvalid: number; // share of non-blank NPIs
  providerMultiNpi: number; // share of providers with a second NPI
  duplicates: number; // share of patient records that duplicate an earlier one
  scanned: number; // share of documents that are scans without text
  sentinel: number; // share of records with a sentinel/future date
  labFreeText: number; // share of result values that are text
  blankPhone: number; // share of records with no phone
  encoding: number; // share of records with mojibake
  mergeIncomplete: number; // (NDJSON) share of patients whose Patient.link merge was left half-done
}

export const DEFAULT_RATES: DefectRates = {
  icd9: 0.12, dxFreeText: 0.04, localCodes: 0.03, npiInvalid: 0.05, providerMultiNpi: 0.1, duplicates: 0.02,
  scanned: 0.35, sentinel: 0.015, labFreeText: 0.06, blankPhone: 0.1, encoding: 0.01, mergeIncomplete: 0.005,
};

export interface GroundTruth {
  rows: number;
  /** expected check rates (from what was actually injected, same denominators as the profiler) */
  expected: Record<string, number>;
  counts: Record<string, number>;
  /** true duplicate pairs, as [earlier row, later row] (1-based data rows / NDJSON lines) */
  pairs: [number, number][];
}

/** Small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYL = ["ka", "lo", "mir", "san", "tor", "vel", "den", "bri", "gan", "hol", "ric", "mon", "par", "zel", "fin", "dar", "wes", "ley", "ton", "ber", "cas", "nor", "ath", "quin", "rus", "sel", "tam", "ul", "vin", "yor"];
const GIVEN = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Carlos", "Karen", "Daniel", "Lisa", "Matthew", "Nancy", "Anthony", "Betty", "Mark", "Sandra", "Donald", "Ashley", "Steven", "Kimberly", "Andrew", "Emily", "Joshua", "Donna", "Kenneth", "Michelle", "Kevin", "Carol", "Brian", "Amanda", "George", "Melissa", "Timothy", "Deborah", "Ronald", "Stephanie", "Jason", "Rebecca", "Edward", "Sharon", "Jeffrey", "Laura", "Ryan", "Cynthia", "Jacob", "Dorothy", "Gary", "Amy", "Nicholas", "Kathleen", "Eric", "Angela", "Jonathan", "Shirley", "Stephen", "Emma", "Larry", "Brenda", "Justin", "Pamela", "Scott", "Nicole", "Brandon", "Anna", "Benjamin", "Samantha", "Samuel", "Katherine", "Gregory", "Christine", "Alexander", "Debra", "Patrick", "Rachel", "Frank", "Carolyn", "Raymond", "Janet", "Jack", "Maria", "Dennis", "Olivia", "Jerry", "Heather", "Tyler", "Helen", "Aaron", "Catherine"];
const ICD10 = ["E11.9", "I10", "Z00.00", "J45.909", "M54.5", "E78.5", "R07.9", "F32.A", "K21.9", "N39.0", "E03.9", "G43.909", "J06.9", "M17.11", "I25.10", "Z79.4"];
const ICD9 = ["250.00", "401.9", "V70.0", "272.4", "4019", "786.50", "530.81", "599.0", "244.9", "E849.0", "346.90", "465.9"];
const LOCAL = ["HTN01", "LOC123", "DM-2", "XDX77", "CHF_LOC"];
const FREE = ["type 2 diabetes", "chest pain r/o MI", "HTN - well controlled", "see note", "follow up visit, stable"];
const LAB_TEXT = ["pending", "see comment", "hemolyzed sample", "QNS", "refused"];
const CITIES = ["Springfield", "Montréal", "Salem", "Fairview", "São Paulo", "Madison", "Georgetown", "Zürich"];

function familyName(r: () => number): string {
  const n = 2 + Math.floor(r() * 2);
  let s = "";
  for (let i = 0; i < n; i++) s += SYL[Math.floor(r() * SYL.length)];
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** One or two character edits a clerk makes: substitution, deletion, transposition, case. */
function typo(s: string, r: () => number): string {
  if (s.length < 4) return s.toUpperCase();
  const i = 1 + Math.floor(r() * (s.length - 2));
  const k = Math.floor(r() * 4);
  if (k === 0) return s.slice(0, i) + "xeiou".charAt(Math.floor(r() * 5)) + s.slice(i + 1);
  if (k === 1) return s.slice(0, i) + s.slice(i + 1);
  if (k === 2) return s.slice(0, i - 1) + s.charAt(i) + s.charAt(i - 1) + s.slice(i + 1);
  return s.toUpperCase();
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
/** Mixed date spellings: ISO, MM/DD/YYYY, YYYYMMDD. */
function fmtDate(y: number, m: number, d: number, r: () => number): string {
  const k = Math.floor(r() * 3);
  if (k === 0) return `${y}-${pad(m)}-${pad(d)}`;
  if (k === 1) return `${pad(m)}/${pad(d)}/${y}`;
  return `${y}${pad(m)}${pad(d)}`;
}

function validNpi(r: () => number): string {
  const first9 = "1" + String(Math.floor(r() * 1e8)).padStart(8, "0");
  return first9 + npiCheckDigit(first9);
}
function invalidNpi(r: () => number, valid: string): string {
  if (r() < 0.5) return valid.slice(0, 9) + ((Number(valid[9]) + 1 + Math.floor(r() * 8)) % 10); // wrong check digit
  return valid.slice(0, 9); // 9 digits
}

interface Base {
  family: string;
  given: string;
  y: number;
  m: number;
  d: number;
  sex: "M" | "F";
  row: number;
  id: string;
}

interface Provider {
  given: string;
  family: string;
  npis: string[];
}

function providers(r: () => number, n: number, multiShare: number): Provider[] {
  const out: Provider[] = [];
  const multi = Math.round(n * multiShare);
  for (let i = 0; i < n; i++) {
    const p = { given: GIVEN[Math.floor(r() * GIVEN.length)]!, family: familyName(r) + (i % 7 === 0 ? "" : "s"), npis: [validNpi(r)] };
    if (i < multi) p.npis.push(validNpi(r));
    out.push(p);
  }
  return out;
}
const providerSpelling = (p: Provider, r: () => number) => {
  const k = Math.floor(r() * 3);
  return k === 0 ? `Dr. ${p.given} ${p.family}` : k === 1 ? `${p.family}, ${p.given} MD` : `${p.given} ${p.family}`;
};

async function write(out: WriteStream, s: string): Promise<void> {
  if (!out.write(s)) await once(out, "drain");
}

/** A flat "patient visit" extract, one patient record per row (CSV, ; delimited, BOM). */
export async function writeSyntheticCsv(file: string, rows: number, rates: DefectRates = DEFAULT_RATES, seed = 42): Promise<GroundTruth> {
  const r = rng(seed);
  const out = createWriteStream(file);
  const provs = providers(r, 200, rates.providerMultiNpi);
  const providerValidNpis = new Map<Provider, Set<string>>();
  const recent: Base[] = [];
  const pairs: [number, number][] = [];
  const n = { freeRows: 0, dxNonBlank: 0, icd9: 0, dxFree: 0, local: 0, npiNonBlank: 0, npiInvalid: 0, docs: 0, scanned: 0, sentinel: 0, labNonBlank: 0, labFree: 0, blankPhone: 0, encoding: 0, dups: 0 };
  await write(out, "\uFEFFMRN;PAT_LNAME;PAT_FNAME;Birth Date;Gender;Diagnosis Code;Attending NPI;Attending Physician;Visit Date;File Name;Has Text Layer;Result Value;Phone;City;Comments\n");
  const thisYear = new Date().getUTCFullYear();
  for (let row = 1; row <= rows; row++) {
    let p: Base;
    let family: string;
    let given: string;
    if (recent.length > 50 && r() < rates.duplicates) {
      const src = recent[Math.floor(r() * recent.length)]!;
      recent.splice(recent.indexOf(src), 1); // a patient is duplicated at most once
      p = { ...src, row, id: `M${row}` };
      const k = r();
      family = k < 0.5 ? typo(src.family, r) : src.family;
      given = k >= 0.5 ? typo(src.given, r) : src.given;
      pairs.push([src.row, row]);
      n.dups++;
    } else {
      p = { family: familyName(r), given: GIVEN[Math.floor(r() * GIVEN.length)]!, y: 1930 + Math.floor(r() * 90), m: 1 + Math.floor(r() * 12), d: 1 + Math.floor(r() * 28), sex: r() < 0.5 ? "M" : "F", row, id: `M${row}` };
      family = p.family;
      given = p.given;
      recent.push(p);
      if (recent.length > 5000) recent.splice(Math.floor(r() * recent.length), 1);
    }
    // diagnosis
    let dx = "";
    const u = r();
    if (u < 0.02) dx = "";
    else {
      n.dxNonBlank++;
      const v = r();
      if (v < rates.dxFreeText) {
        dx = FREE[Math.floor(r() * FREE.length)]!;
        n.dxFree++;
      } else if (v < rates.dxFreeText + rates.localCodes) {
        dx = LOCAL[Math.floor(r() * LOCAL.length)]!;
        n.local++;
      } else if (v < rates.dxFreeText + rates.localCodes + rates.icd9) {
        dx = ICD9[Math.floor(r() * ICD9.length)]!;
        n.icd9++;
      } else dx = ICD10[Math.floor(r() * ICD10.length)]!;
    }
    // provider
    const prov = provs[Math.floor(r() * provs.length)]!;
    let npi = "";
    if (r() >= 0.03) {
      n.npiNonBlank++;
      const valid = prov.npis[prov.npis.length > 1 && r() < 0.5 ? 1 : 0]!;
      if (r() < rates.npiInvalid) {
        npi = invalidNpi(r, valid);
        n.npiInvalid++;
      } else {
        npi = valid;
        let set = providerValidNpis.get(prov);
        if (!set) providerValidNpis.set(prov, (set = new Set()));
        set.add(valid);
      }
    }
    // visit date, sentinel
    let visit: string;
    if (r() < rates.sentinel) {
      n.sentinel++;
      const k = Math.floor(r() * 3);
      visit = k === 0 ? "1900-01-01" : k === 1 ? "12/31/9999" : `${thisYear + 2}-03-01`;
    } else visit = fmtDate(2008 + Math.floor(r() * 16), 1 + Math.floor(r() * 12), 1 + Math.floor(r() * 28), r);
    // document
    let fileName = "";
    let hasText = "";
    if (r() < 0.5) {
      n.docs++;
      if (r() < rates.scanned) {
        n.scanned++;
        fileName = `scan_${row}.${r() < 0.5 ? "tif" : "pdf"}`;
        hasText = "N";
      } else {
        const k = Math.floor(r() * 3);
        fileName = k === 0 ? `note_${row}.txt` : k === 1 ? `letter_${row}.docx` : `summary_${row}.pdf`;
        hasText = "Y";
      }
    }
    // lab value
    let lab = "";
    if (r() < 0.7) {
      n.labNonBlank++;
      if (r() < rates.labFreeText) {
        lab = LAB_TEXT[Math.floor(r() * LAB_TEXT.length)]!;
        n.labFree++;
      } else lab = r() < 0.2 ? `<${(r() * 10).toFixed(1)}` : (r() * 200).toFixed(1);
    }
    if (FREE.includes(dx) || LAB_TEXT.includes(lab)) n.freeRows++;
    let phone = "";
    if (r() < rates.blankPhone) n.blankPhone++;
    else phone = `555-${pad(Math.floor(r() * 1000), 3)}-${pad(Math.floor(r() * 10000), 4)}`;
    let city = CITIES[Math.floor(r() * CITIES.length)]!;
    if (r() < rates.encoding) {
      n.encoding++;
      city = "MontrÃ©al";
    }
    const sexText = r() < 0.5 ? p.sex : p.sex === "M" ? "Male" : "Female";
    const comment = r() < 0.02 ? '"called; left msg\nwill retry"' : "";
    await write(out, `${p.id};${family};${given};${fmtDate(p.y, p.m, p.d, r)};${sexText};${dx};${npi};${providerSpelling(prov, r)};${visit};${fileName};${hasText};${lab};${phone};${city};${comment}\n`);
  }
  out.end();
  await once(out, "finish");
  const withValid = [...providerValidNpis.values()];
  const expected = {
    icd9_codes: n.icd9 / n.dxNonBlank,
    local_codes: n.local / n.dxNonBlank,
    npi_invalid: n.npiInvalid / n.npiNonBlank,
    provider_multiple_npis: withValid.filter((s) => s.size > 1).length / withValid.length,
    duplicate_patient_pairs: n.dups / rows,
    scanned_documents: n.scanned / n.docs,
    sentinel_dates: n.sentinel / rows,
    free_text_in_coded: n.freeRows / rows, // records with text in a coded or numeric field
    blank_phone: n.blankPhone / rows,
    encoding_damage: n.encoding / rows,
  };
  return { rows, expected, counts: n, pairs };
}

/** FHIR Bulk Data NDJSON (all resource types in one file, as `$export` with one output would give). */
export async function writeSyntheticNdjson(file: string, patients: number, rates: DefectRates = DEFAULT_RATES, seed = 7): Promise<GroundTruth> {
  const r = rng(seed);
  const out = createWriteStream(file);
  let line = 0;
  const emit = async (res: object) => {
    line++;
    await write(out, `${JSON.stringify(res)}\n`);
  };
  const n = { conditions: 0, icd9: 0, dxText: 0, npiNonBlank: 0, npiInvalid: 0, docs: 0, scanned: 0, sentinel: 0, obs: 0, obsFree: 0, dups: 0, mergeIncomplete: 0, patients: 0, multiNames: 0, validNames: 0 };
  const pairs: [number, number][] = [];
  // practitioners: one physician with several NPIs = several Practitioner resources with one name
  const provs = providers(r, 150, rates.providerMultiNpi);
  const nameNpis = new Map<string, Set<string>>();
  for (const [i, p] of provs.entries()) {
    for (const valid of p.npis) {
      n.npiNonBlank++;
      let value = valid;
      if (r() < rates.npiInvalid) {
        value = invalidNpi(r, valid);
        n.npiInvalid++;
      } else {
        const key = `${p.given} ${p.family}`;
        if (!nameNpis.has(key)) nameNpis.set(key, new Set());
        nameNpis.get(key)!.add(valid);
      }
      await emit({ resourceType: "Practitioner", id: `pr${i}-${value}`, identifier: [{ system: "http://hl7.org/fhir/sid/us-npi", value }], name: [{ family: p.family, given: [p.given] }] });
    }
  }
  const recent: (Base & { line: number })[] = [];
  const patientLines: { id: string }[] = [];
  for (let i = 0; i < patients; i++) {
    const id = `p${i}`;
    let p: Base & { line: number };
    let family: string;
    let given: string;
    const extra: Record<string, unknown> = {};
    if (recent.length > 50 && r() < rates.duplicates) {
      const src = recent.splice(Math.floor(r() * recent.length), 1)[0]!;
      p = { ...src, id, line: line + 1 };
      family = r() < 0.5 ? typo(src.family, r) : src.family;
      given = family === src.family ? typo(src.given, r) : src.given;
      pairs.push([src.line, line + 1]);
      n.dups++;
      if (r() < rates.mergeIncomplete / rates.duplicates) {
        extra.link = [{ other: { reference: `Patient/${src.id}` }, type: "replaced-by" }];
        extra.active = true;
        n.mergeIncomplete++;
      }
    } else {
      p = { family: familyName(r), given: GIVEN[Math.floor(r() * GIVEN.length)]!, y: 1930 + Math.floor(r() * 90), m: 1 + Math.floor(r() * 12), d: 1 + Math.floor(r() * 28), sex: r() < 0.5 ? "M" : "F", row: 0, id, line: line + 1 };
      family = p.family;
      given = p.given;
      recent.push(p);
      if (recent.length > 5000) recent.splice(Math.floor(r() * recent.length), 1);
    }
    n.patients++;
    patientLines.push({ id });
    await emit({ resourceType: "Patient", id, name: [{ use: "official", family, given: [given] }], gender: p.sex === "M" ? "male" : "female", birthDate: `${p.y}-${pad(p.m)}-${pad(p.d)}`, ...extra });
    // a finished merge: retired record, not a pending duplicate
    if (r() < 0.002) {
      n.patients++;
      await emit({ resourceType: "Patient", id: `${id}-old`, active: false, link: [{ other: { reference: `Patient/${id}` }, type: "replaced-by" }], name: [{ family, given: [given] }], gender: p.sex === "M" ? "male" : "female", birthDate: `${p.y}-${pad(p.m)}-${pad(p.d)}` });
    }
    // conditions
    const conds = 1 + Math.floor(r() * 3);
    for (let k = 0; k < conds; k++) {
      n.conditions++;
      const v = r();
      let code: object;
      if (v < rates.dxFreeText) {
        n.dxText++;
        code = { text: FREE[Math.floor(r() * FREE.length)] };
      } else if (v < rates.dxFreeText + rates.icd9) {
        n.icd9++;
        code = { coding: [{ system: "http://hl7.org/fhir/sid/icd-9-cm", code: ICD9[Math.floor(r() * ICD9.length)] }] };
      } else code = { coding: [{ system: "http://hl7.org/fhir/sid/icd-10-cm", code: ICD10[Math.floor(r() * ICD10.length)] }] };
      await emit({ resourceType: "Condition", id: `c${i}-${k}`, subject: { reference: `Patient/${id}` }, code, recordedDate: `${2010 + Math.floor(r() * 14)}-${pad(1 + Math.floor(r() * 12))}-10` });
    }
    // an encounter (sentinel dates here)
    let start = `${2010 + Math.floor(r() * 14)}-${pad(1 + Math.floor(r() * 12))}-05T10:00:00Z`;
    if (r() < rates.sentinel * 4) {
      n.sentinel++;
      start = r() < 0.5 ? "1900-01-01" : "9999-12-31";
    }
    await emit({ resourceType: "Encounter", id: `e${i}`, subject: { reference: `Patient/${id}` }, class: { code: "AMB" }, period: { start } });
    // observation
    n.obs++;
    const obs: Record<string, unknown> = { resourceType: "Observation", id: `o${i}`, status: "final", category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "vital-signs" }] }], code: { coding: [{ system: "http://loinc.org", code: "8867-4" }] }, subject: { reference: `Patient/${id}` }, effectiveDateTime: "2020-01-01" };
    if (r() < rates.labFreeText) {
      n.obsFree++;
      obs.valueString = LAB_TEXT[Math.floor(r() * LAB_TEXT.length)];
    } else obs.valueQuantity = { value: 60 + Math.floor(r() * 40), unit: "/min" };
    await emit(obs);
    // document
    if (r() < 0.5) {
      n.docs++;
      const scanned = r() < rates.scanned;
      if (scanned) n.scanned++;
      const content = scanned ? [{ attachment: { contentType: r() < 0.5 ? "image/tiff" : "image/jpeg", url: "Binary/x" } }] : [{ attachment: { contentType: "text/plain", url: "Binary/y" } }, ...(r() < 0.3 ? [{ attachment: { contentType: "application/pdf", url: "Binary/z" } }] : [])];
      await emit({ resourceType: "DocumentReference", id: `d${i}`, subject: { reference: `Patient/${id}` }, date: "2019-06-01T00:00:00Z", content });
    }
  }
  out.end();
  await once(out, "finish");
  const names = [...nameNpis.values()];
  const expected = {
    icd9_codes: n.icd9 / n.conditions,
    npi_invalid: n.npiInvalid / n.npiNonBlank,
    provider_multiple_npis: names.filter((s) => s.size > 1).length / names.length,
    duplicate_patient_pairs: n.dups / patients, // retired (merged) records are not compared
    patient_merge_incomplete: n.mergeIncomplete / n.patients,
    scanned_documents: n.scanned / n.docs,
    sentinel_dates: n.sentinel / line,
    // records (resources) with text where a code or number belongs
    free_text_in_coded: (n.dxText + n.obsFree) / line,
  };
  return { rows: line, expected, counts: n, pairs };
}

async function main(): Promise<void> {
  const [kind, file, count] = process.argv.slice(2);
  if ((kind !== "csv" && kind !== "ndjson") || !file) {
    process.stderr.write("usage: npx tsx tests/support/synthetic-extract.ts csv|ndjson <out-file> [rows]\n");
    process.exit(1);
  }
  const n = Number(count) || 10_000;
  const truth = kind === "csv" ? await writeSyntheticCsv(file, n) : await writeSyntheticNdjson(file, n);
  process.stdout.write(`${JSON.stringify({ rows: truth.rows, expected: truth.expected, pairs: truth.pairs.length }, null, 2)}\n`);
}

if (process.argv[1]?.endsWith("synthetic-extract.ts")) void main();
