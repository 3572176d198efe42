// The profiler's accumulator: format adapters (CSV, XLSX, FHIR NDJSON) feed it values with a meaning,
// it keeps counters, a month histogram, bounded maps and at most three masked examples per check.
import { DuplicateFinder } from "./duplicates";
import { maskName, maskShape, maskText, maskYear } from "./mask";
import type { CheckResult, MaskedExample } from "./types";
import {
  classifyDx, dayNumber, hasEncodingDamage, isBlank, isNumericLike, isSentinelDate, isValidNpi, looksLikeFreeText,
  normalizeName, normalizeProviderName, parseDate, ZERO_DATE, type Ymd,
} from "./values";

export const CORE_CHECKS: Record<string, { label: string; denominatorLabel: string }> = {
  icd9_codes: { label: "ICD-9 codes not converted to ICD-10-CM", denominatorLabel: "non-blank diagnosis codes" },
  local_codes: { label: "Local codes where a standard code system is expected", denominatorLabel: "non-blank diagnosis codes" },
  npi_invalid: { label: "Invalid NPIs (not 10 digits or failing the Luhn check)", denominatorLabel: "non-blank NPIs" },
  provider_multiple_npis: { label: "One provider name with several NPIs", denominatorLabel: "distinct provider names with a valid NPI" },
  npi_multiple_names: { label: "One NPI with several provider names", denominatorLabel: "distinct valid NPIs with a provider name" },
  duplicate_patient_pairs: { label: "Duplicate-patient candidate pairs", denominatorLabel: "distinct patient records" },
  patient_merge_incomplete: { label: "Patient merges left half-done (link to a record still active)", denominatorLabel: "patient records" },
  scanned_documents: { label: "Scanned documents (image or PDF without text)", denominatorLabel: "documents" },
  sentinel_dates: { label: "Sentinel or impossible dates (1900-01-01, future, age over 120)", denominatorLabel: "records" },
  unparseable_dates: { label: "Date fields holding something that is not a date", denominatorLabel: "non-blank date values" },
  free_text_in_coded: { label: "Free text in coded or numeric fields", denominatorLabel: "records" },
  encoding_damage: { label: "Encoding damage (replacement characters, mojibake, control characters)", denominatorLabel: "records" },
};

/** Checks always reported (denominator 0 = nothing in the file to measure it on). */
const ALWAYS = ["icd9_codes", "npi_invalid", "provider_multiple_npis", "duplicate_patient_pairs", "scanned_documents", "sentinel_dates", "free_text_in_coded"];
const MAX_MAP = 200_000;
const MAX_EXAMPLES = 3;

/** A copy of a string that shares no memory with the (possibly large) string it was cut from. */
const flat = (s: string) => (" " + s).slice(1);

export class Tally {
  count = 0;
  denominator = 0;
  examples: MaskedExample[] = [];
  constructor(
    readonly id: string,
    readonly label: string,
    readonly denominatorLabel: string,
  ) {}
  hit(example?: () => MaskedExample): void {
    this.count++;
    this.denominator++;
    if (example && this.examples.length < MAX_EXAMPLES) this.examples.push(example());
  }
  miss(): void {
    this.denominator++;
  }
}

export type DateKind = "birth" | "event" | "future_ok";

interface ProviderEntry {
  row: number;
  masked: string;
  npis: string[];
}

export class Collector {
  rows = 0;
  readonly limits: string[] = [];
  private tallies = new Map<string, Tally>();
  private months = new Map<number, number>();
  private providers = new Map<string, ProviderEntry>();
  private npiNames = new Map<string, { row: number; names: string[] }>();
  private providerMapFull = false;
  private providerNameCache = new Map<string, string>();
  readonly dups: DuplicateFinder;
  private rowSentinel = false;
  private rowEncoding = false;
  private rowFree = false;
  private readonly todayNum: number;
  private readonly todayYear: number;

  private readonly tSentinel: Tally;
  private readonly tEncoding: Tally;
  private readonly tDates: Tally;
  private readonly tFree: Tally;
  private readonly tIcd9: Tally;
  private readonly tLocal: Tally;
  private readonly tNpi: Tally;
  private readonly tScanned: Tally;
  private readonly tMerge: Tally;

  constructor(opts: { collectPairs?: boolean; sameNameIsSameRecord?: boolean; today?: Date }) {
    this.dups = new DuplicateFinder(!!opts.collectPairs, opts.sameNameIsSameRecord ?? false);
    const t = opts.today ?? new Date();
    this.todayNum = dayNumber({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() });
    this.todayYear = t.getUTCFullYear();
    for (const id of ALWAYS) this.tally(id);
    this.tSentinel = this.tally("sentinel_dates");
    this.tEncoding = this.tally("encoding_damage");
    this.tDates = this.tally("unparseable_dates");
    this.tFree = this.tally("free_text_in_coded");
    this.tIcd9 = this.tally("icd9_codes");
    this.tLocal = this.tally("local_codes");
    this.tNpi = this.tally("npi_invalid");
    this.tScanned = this.tally("scanned_documents");
    this.tMerge = this.tally("patient_merge_incomplete");
  }

  /** A check handle; adapters keep it to avoid a lookup per cell. */
  tally(id: string, label?: string, denominatorLabel?: string): Tally {
    let t = this.tallies.get(id);
    if (!t) {
      const core = CORE_CHECKS[id];
      t = new Tally(id, label ?? core?.label ?? id, denominatorLabel ?? core?.denominatorLabel ?? "records");
      this.tallies.set(id, t);
    }
    return t;
  }

  /** A per-column blank-rate check. */
  blankTally(column: string, denominatorLabel = "records"): Tally {
    const slug = column.toLowerCase().normalize("NFD").replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "") || "column";
    return this.tally(`blank_${slug}`, `Blank “${column}”`, denominatorLabel);
  }

  // ---------- row lifecycle ----------

  endRow(): void {
    this.rows++;
    if (this.rowSentinel) this.tSentinel.hit();
    else this.tSentinel.miss();
    if (this.rowEncoding) this.tEncoding.hit();
    else this.tEncoding.miss();
    if (this.rowFree) this.tFree.hit();
    else this.tFree.miss();
    this.rowSentinel = false;
    this.rowEncoding = false;
    this.rowFree = false;
  }

  /** Any text value: encoding damage is a row-level flag. */
  text(v: string, row: number, column: string): void {
    if (!this.rowEncoding && hasEncodingDamage(v)) {
      this.rowEncoding = true;
      if (this.tEncoding.examples.length < MAX_EXAMPLES) this.tEncoding.examples.push({ row, column, masked: maskText(v) });
    }
  }

  // ---------- dates ----------

  date(v: string, kind: DateKind, row: number, column: string): Ymd | null {
    if (isBlank(v)) return null;
    let d = parseDate(v);
    if (!d && /^\s*(1[89]|20)\d\d(-\d\d)?\s*$/.test(v)) {
      const t = v.trim(); // year (or year-month) only: a real, partial date
      d = { y: +t.slice(0, 4), m: t.length > 4 ? Math.min(12, Math.max(1, +t.slice(5, 7))) : 7, d: 1 };
    }
    if (!d) {
      if (ZERO_DATE.test(v.trim())) {
        this.tDates.miss();
        this.flagSentinel(row, column, "zero date", 0);
        return null;
      }
      this.tDates.hit(() => ({ row, column, masked: maskShape(v) }));
      return null;
    }
    this.tDates.miss();
    if (isSentinelDate(d)) {
      this.flagSentinel(row, column, "sentinel", d.y);
      return null;
    }
    const n = dayNumber(d);
    if (kind === "birth") {
      if (n > this.todayNum) this.flagSentinel(row, column, "birth date in the future", d.y);
      else if (this.todayYear - d.y > 120) this.flagSentinel(row, column, "age over 120", d.y);
      return d;
    }
    if (kind === "event" && n > this.todayNum + 1) {
      this.flagSentinel(row, column, "future date", d.y);
      return d;
    }
    if (kind === "event") {
      const k = d.y * 12 + d.m - 1;
      this.months.set(k, (this.months.get(k) ?? 0) + 1);
    }
    return d;
  }

  private flagSentinel(row: number, column: string, note: string, year: number): void {
    if (this.rowSentinel) return;
    this.rowSentinel = true;
    if (this.tSentinel.examples.length < MAX_EXAMPLES) this.tSentinel.examples.push({ row, column, masked: year ? maskYear(year) : "zero date", note });
  }

  // ---------- codes ----------

  dx(code: string, system: string | undefined, row: number, column: string): void {
    if (isBlank(code)) return;
    const c = classifyDx(code, system);
    if (c === "free_text") {
      this.freeText(() => ({ row, column, masked: maskText(code), note: "diagnosis" }));
      this.tIcd9.miss();
      this.tLocal.miss();
      return;
    }
    if (c === "icd9") this.tIcd9.hit(() => ({ row, column, masked: maskShape(code) }));
    else this.tIcd9.miss();
    if (c === "local") this.tLocal.hit(() => ({ row, column, masked: maskShape(code) }));
    else this.tLocal.miss();
  }

  /** A diagnosis recorded only as text (a FHIR CodeableConcept without coding). */
  dxText(text: string, row: number, column: string): void {
    if (isBlank(text)) return;
    this.freeText(() => ({ row, column, masked: maskText(text), note: "diagnosis without a code" }));
    this.tIcd9.miss();
    this.tLocal.miss();
  }

  /** A value that should be a code (kind "code") or a measurement (kind "number"). */
  coded(v: string, kind: "code" | "number", row: number, column: string): void {
    if (isBlank(v)) return;
    const free = kind === "number" ? !isNumericLike(v) && /[A-Za-z]{2,}/.test(v) : looksLikeFreeText(v.trim());
    if (free) this.freeText(() => ({ row, column, masked: maskText(v) }));
  }

  /** A coded value whose code system is known (FHIR coding): local systems are counted. */
  codeSystem(standard: boolean, row: number, column: string, code: string): void {
    if (standard) this.tLocal.miss();
    else this.tLocal.hit(() => ({ row, column, masked: maskShape(code), note: "non-standard code system" }));
  }

  /** Text where a code is expected (a FHIR CodeableConcept with text but no coding). */
  textOnlyCode(row: number, column: string, text: string): void {
    this.freeText(() => ({ row, column, masked: maskText(text) }));
  }
  /** A value of a coded column checked against the column's code set (sex, state). */
  codedValue(v: string, valid: RegExp, row: number, column: string): void {
    if (isBlank(v) || valid.test(v.trim())) return;
    this.freeText(() => ({ row, column, masked: maskText(v) }));
  }

  /** Free text where a code or number belongs: a row-level flag (share of records affected). */
  private freeText(example: () => MaskedExample): void {
    if (this.rowFree) return;
    this.rowFree = true;
    if (this.tFree.examples.length < MAX_EXAMPLES) this.tFree.examples.push(example());
  }

  /** Two dates of one record that contradict each other (an end before its start). */
  impossible(row: number, column: string, note: string, year: number): void {
    this.flagSentinel(row, column, note, year);
  }

  // ---------- providers ----------

  provider(npiRaw: string, nameRaw: string, row: number, column: string): void {
    const npiBlank = isBlank(npiRaw);
    let valid = false;
    const npi = npiRaw.trim();
    if (!npiBlank) {
      valid = isValidNpi(npi);
      if (valid) this.tNpi.miss();
      else this.tNpi.hit(() => ({ row, column, masked: maskShape(npi), note: /^\d{10}$/.test(npi) ? "check digit fails" : `${npi.length} characters` }));
    }
    if (!valid || isBlank(nameRaw)) return;
    let name = this.providerNameCache.get(nameRaw);
    if (name === undefined) {
      name = normalizeProviderName(nameRaw);
      // keys are copied: a substring of a parsed chunk would keep the whole chunk alive
      if (this.providerNameCache.size < 20_000) this.providerNameCache.set(flat(nameRaw), name);
    }
    if (!name) return;
    let e = this.providers.get(name);
    if (!e) {
      if (this.providers.size >= MAX_MAP) {
        if (!this.providerMapFull) this.limits.push(`provider checks stopped tracking new names after ${MAX_MAP.toLocaleString("en-US")} distinct names`);
        this.providerMapFull = true;
        return;
      }
      const parts = nameRaw.trim().split(/[\s,]+/).filter(Boolean);
      e = { row, masked: parts.map((p) => maskName(p)).join(" "), npis: [] };
      this.providers.set(name, e);
    }
    if (!e.npis.includes(npi) && e.npis.length < 20) e.npis.push(npi);
    let n = this.npiNames.get(npi);
    if (!n) {
      if (this.npiNames.size >= MAX_MAP) return;
      n = { row, names: [] };
      this.npiNames.set(npi, n);
    }
    if (!n.names.includes(name) && n.names.length < 20) n.names.push(name);
  }

  // ---------- patients and documents ----------

  patient(row: number, id: string, rawFamily: string, rawGiven: string, birth: Ymd | null, sex: string): void {
    this.dups.add(row, id, normalizeName(rawFamily), normalizeName(rawGiven), rawFamily, rawGiven, birth ? dayNumber(birth) : 0, birth ? birth.y : 0, sex);
  }

  /** A patient record in FHIR whose link says the merge was not finished. */
  halfDoneMerge(row: number, id: string, otherId: string, note: string, isIncomplete: boolean): void {
    if (!isIncomplete) {
      this.tMerge.miss();
      return;
    }
    this.tMerge.hit(() => ({ row, masked: "linked patient record still active", note }));
    this.dups.addKnownPair(id, otherId, row, row, note);
  }
  /** Two records the source itself says are one person (FHIR seealso), never merged. */
  knownDuplicate(id: string, otherId: string, row: number, note: string): void {
    this.dups.addKnownPair(id, otherId, row, row, note);
  }
  patientWithoutLink(): void {
    this.tMerge.miss();
  }

  /** `type`: a MIME type or file name (only its extension is kept in an example). */
  document(imageLike: boolean, hasText: boolean | null, row: number, column: string, type: string): void {
    if (imageLike && hasText !== true) this.tScanned.hit(() => ({ row, column, masked: /^[a-z]+\/[a-z0-9.+-]+$/i.test(type.trim()) ? type.trim().toLowerCase() : `*.${(type.trim().split(".").pop() ?? "").toLowerCase().slice(0, 8)}`, note: hasText === false ? "no text layer" : "image or PDF, no text alongside" }));
    else this.tScanned.miss();
  }

  // ---------- result ----------

  private dateRange(): { fromYear: number; toYear: number; yearsCovered: number } | null {
    if (this.months.size === 0) return null;
    const keys = [...this.months.keys()].sort((a, b) => a - b);
    let total = 0;
    for (const k of keys) total += this.months.get(k)!;
    // drop stray outliers: the first and last 0.5 % of dated records
    const lo = total * 0.005;
    const hi = total * 0.995;
    let acc = 0;
    let from = keys[0]!;
    let to = keys[keys.length - 1]!;
    let foundFrom = false;
    for (const k of keys) {
      acc += this.months.get(k)!;
      if (!foundFrom && acc > lo) {
        from = k;
        foundFrom = true;
      }
      if (acc >= hi) {
        to = k;
        break;
      }
    }
    const years = Math.round(((to - from + 1) / 12) * 10) / 10;
    return { fromYear: Math.floor(from / 12), toYear: Math.floor(to / 12), yearsCovered: years };
  }

  finish(): { checks: CheckResult[]; dateRange: ReturnType<Collector["dateRange"]> } {
    // provider multiplicity
    const multi = this.tally("provider_multiple_npis");
    for (const e of this.providers.values()) {
      if (e.npis.length > 1) multi.hit(() => ({ row: e.row, masked: e.masked, note: `${e.npis.length} NPIs` }));
      else multi.miss();
    }
    const names = this.tally("npi_multiple_names");
    for (const [npi, n] of this.npiNames) {
      if (n.names.length > 1) names.hit(() => ({ row: n.row, masked: maskShape(npi), note: `${n.names.length} names` }));
      else names.miss();
    }
    // duplicates
    const dup = this.tally("duplicate_patient_pairs");
    dup.count = this.dups.pairs;
    dup.denominator = this.dups.patients;
    dup.examples = this.dups.examples;
    if (this.dups.cappedRecords > 0)
      this.limits.push(`${this.dups.cappedRecords.toLocaleString("en-US")} patient records fell in oversized birth-date/sex blocks (over 250 records) and were compared only against the first 250`);

    const checks: CheckResult[] = [];
    for (const t of this.tallies.values()) {
      if (t.denominator === 0 && !ALWAYS.includes(t.id)) continue;
      const rate = t.denominator === 0 ? 0 : Math.min(1, t.count / t.denominator);
      checks.push({ id: t.id, label: t.label, rate: Math.round(rate * 1e6) / 1e6, count: t.count, denominator: t.denominator, denominatorLabel: t.denominatorLabel, examples: t.examples });
    }
    const order = (id: string) => (id.startsWith("blank_") ? 2 : ALWAYS.includes(id) ? 0 : 1);
    checks.sort((a, b) => order(a.id) - order(b.id));
    return { checks, dateRange: this.dateRange() };
  }
}
