// Rows of a table (CSV or a worksheet) → the collector, through the recognised column roles.
import { pairNpiColumns, recognizeColumns, roleForHeader, type ColumnRole } from "./columns";
import type { Collector, Tally } from "./collector";
import type { ColumnInfo } from "./types";
import { carriesText, isBlank, isImageLikeType, normalizeSex, splitFullName, type Ymd } from "./values";

const SAMPLE_ROWS = 200;
const US_STATE = /^[A-Z]{2}$/;

/** Pick the header among the first rows: the first row as wide as most rows, with mostly non-numeric cells. */
export function findHeaderRow(rows: string[][]): number {
  const widths = new Map<number, number>();
  for (const r of rows) {
    const w = r.filter((c) => c.trim() !== "").length;
    widths.set(w, (widths.get(w) ?? 0) + 1);
  }
  let mode = 0;
  let best = -1;
  for (const [w, n] of widths) if (n > best || (n === best && w > mode)) [mode, best] = [w, n];
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i]!.filter((c) => c.trim() !== "");
    if (cells.length < Math.max(1, mode * 0.8)) continue;
    const numeric = cells.filter((c) => /^[-+]?\d+([.,]\d+)?$/.test(c.trim())).length;
    if (numeric / cells.length < 0.5) return i;
  }
  return 0;
}

/**
 * Whether the row picked as the header really is one. Column names are stored with the findings (e.g.
 * `blank_<column>`), so a data row taken for a header would store a patient's values. A header names at
 * least one column the profiler recognises (DOB, MRN, NPI, …) or holds no digits at all; a row with digits
 * (dates, record numbers, phone numbers) and no recognised column name is data.
 */
export function looksLikeHeader(cells: string[], entity: string | null): boolean {
  const filled = cells.map((c) => c.replace(/^\uFEFF/, "").trim()).filter((c) => c !== "");
  if (filled.some((c) => roleForHeader(c, entity) !== "other")) return true;
  return !filled.some((c) => /\d/.test(c));
}

export class TabularProfiler {
  private headers: string[] = [];
  private roles: ColumnRole[] = [];
  private blanks: Tally[] = [];
  private npiPairs = new Map<number, number | null>();
  private pending: string[][] = [];
  private headerDone = false;
  private dataRow = 0;
  private idx: Partial<Record<ColumnRole, number[]>> = {};
  private composeProviderFromNames = false;
  /** the sex column's code set, read from the first rows: letters (M/F/U) or words (male/female) */
  private sexCodes = /^(?:m|f|u|o|x|unk|male|female|unknown|other)$/i;

  constructor(
    private readonly c: Collector,
    private readonly entity: string | null,
  ) {}

  get columns(): ColumnInfo[] {
    return this.headers.map((name, i) => ({ name, role: this.roles[i] ?? "other" }));
  }

  /** Feed one parsed row (cells as strings). Header detection buffers the first rows. */
  push(cells: string[]): void {
    if (this.headerDone) {
      this.process(cells);
      return;
    }
    this.pending.push(cells);
    if (this.pending.length >= SAMPLE_ROWS) this.flushPending();
  }

  /** End of input: process what is still buffered. */
  end(): void {
    if (!this.headerDone) this.flushPending();
  }

  private flushPending(): void {
    const rows = this.pending.filter((r) => r.some((c) => c.trim() !== ""));
    this.pending = [];
    this.headerDone = true;
    if (rows.length === 0) return;
    const h = findHeaderRow(rows.slice(0, 20));
    if (looksLikeHeader(rows[h]!, this.entity)) {
      this.setHeader(rows[h]!, rows.slice(h + 1));
      for (const r of rows.slice(h + 1)) this.process(r);
    } else {
      // no header row: the columns are named by position, and the row is data (never a column name — the
      // names are stored with the findings, so a patient's values must not become them)
      this.setHeader(rows[h]!.map(() => ""), rows.slice(h));
      for (const r of rows.slice(h)) this.process(r);
    }
  }

  private setHeader(header: string[], sample: string[][]): void {
    const seen = new Map<string, number>();
    this.headers = header.map((raw, i) => {
      let name = raw.replace(/^\uFEFF/, "").trim() || `column ${i + 1}`;
      const n = seen.get(name) ?? 0;
      seen.set(name, n + 1);
      if (n > 0) name = `${name} (${n + 1})`;
      return name;
    });
    this.roles = recognizeColumns(this.headers, sample, this.entity);
    this.blanks = this.headers.map((h) => this.c.blankTally(h));
    this.npiPairs = pairNpiColumns(this.headers, this.roles);
    this.roles.forEach((r, i) => (this.idx[r] ??= []).push(i));
    const sexCol = this.idx.sex?.[0];
    if (sexCol != null) {
      const vals = sample.map((r) => (r[sexCol] ?? "").trim()).filter((v) => !isBlank(v));
      const letters = vals.filter((v) => /^[A-Za-z]$/.test(v)).length;
      if (vals.length > 0 && letters / vals.length >= 0.9) this.sexCodes = /^[MFUOX]$/i;
    }
    // a provider master: NPI and names, nothing about a patient — the names are the providers'
    const patientSignals = !!(this.idx.birth_date || this.idx.sex || this.idx.patient_id);
    const providerEntity = this.entity === "providers" || this.entity === "users" || (this.entity == null && !patientSignals);
    this.composeProviderFromNames = providerEntity && !this.idx.provider_name && !!this.idx.npi && !!(this.idx.family_name || this.idx.full_name);
    if (this.composeProviderFromNames) {
      // first/last name columns of a providers extract are the provider's name, not a patient's
      for (const r of ["family_name", "given_name", "full_name"] as const) this.idx[r]?.forEach((i) => (this.roles[i] = "provider_name"));
    }
  }

  private process(cells: string[]): void {
    if (cells.length === 1 && cells[0]!.trim() === "") return; // blank line
    const c = this.c;
    const row = ++this.dataRow;
    const h = this.headers;
    const x = this.idx;
    for (let i = 0; i < h.length; i++) {
      const v = cells[i] ?? "";
      if (isBlank(v)) {
        this.blanks[i]!.hit();
        continue;
      }
      this.blanks[i]!.miss();
      c.text(v, row, h[i]!);
    }

    // dates
    let birth: Ymd | null = null;
    if (x.birth_date) for (let k = 0; k < x.birth_date.length; k++) {
      const i = x.birth_date[k]!;
      const d = c.date(cells[i] ?? "", "birth", row, h[i]!);
      if (k === 0) birth = d;
    }
    if (x.event_date) for (const i of x.event_date) c.date(cells[i] ?? "", "event", row, h[i]!);
    if (x.future_date) for (const i of x.future_date) c.date(cells[i] ?? "", "future_ok", row, h[i]!);

    // codes
    if (x.dx_code) {
      const sys = x.code_system ? cells[x.code_system[0]!] || undefined : undefined;
      for (const i of x.dx_code) c.dx(cells[i] ?? "", sys, row, h[i]!);
    }
    if (x.code) for (const i of x.code) c.coded(cells[i] ?? "", "code", row, h[i]!);
    if (x.numeric) for (const i of x.numeric) c.coded(cells[i] ?? "", "number", row, h[i]!);
    if (x.sex) c.codedValue(cells[x.sex[0]!] ?? "", this.sexCodes, row, h[x.sex[0]!]!);
    if (x.state) c.codedValue(cells[x.state[0]!] ?? "", US_STATE, row, h[x.state[0]!]!);

    // providers
    for (const [npiCol, nameCol] of this.npiPairs) {
      let name = nameCol == null ? "" : (cells[nameCol] ?? "");
      if (this.composeProviderFromNames && nameCol == null) name = this.joinNames(cells);
      c.provider(cells[npiCol] ?? "", name, row, h[npiCol]!);
    }

    // documents
    if (x.document_type) {
      const t = cells[x.document_type[0]!] ?? "";
      if (!isBlank(t)) {
        const hasText = x.document_text ? carriesText(cells[x.document_text[0]!] ?? "") : null;
        // a PDF is a scan only when the extract says it has no text; an image always is
        const scanCandidate = isImageLikeType(t) && !(hasText === null && /pdf$/i.test(t.trim()));
        c.document(scanCandidate, hasText, row, h[x.document_type[0]!]!, t);
      }
    }

    // patients
    if (!this.composeProviderFromNames && (x.family_name || x.full_name)) {
      let family = x.family_name ? (cells[x.family_name[0]!] ?? "") : "";
      let given = x.given_name ? (cells[x.given_name[0]!] ?? "") : "";
      if (!family.trim() && x.full_name) ({ family, given } = splitFullName(cells[x.full_name[0]!] ?? ""));
      c.patient(row, x.patient_id ? (cells[x.patient_id[0]!] ?? "").trim() : "", family, given, birth, x.sex ? normalizeSex(cells[x.sex[0]!] ?? "") : "u");
    }
    c.endRow();
  }

  private joinNames(cells: string[]): string {
    const parts: string[] = [];
    for (const r of ["given_name", "family_name", "full_name"] as const) {
      const i = this.idx[r]?.[0];
      const v = i == null ? "" : (cells[i] ?? "").trim();
      if (v) parts.push(v);
    }
    return parts.join(" ");
  }
}
