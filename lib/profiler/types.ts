// Result shapes of the extract and interface-message profiler. Everything here is an aggregate or a
// masked example: no raw value of a profiled file ever appears in these objects.

export const EXTRACT_FORMATS = ["csv", "xlsx", "ndjson", "hl7", "x12"] as const;
export type ExtractFormat = (typeof EXTRACT_FORMATS)[number];

/** A masked example: a row number and a description that cannot identify anyone. */
export interface MaskedExample {
  /** 1-based data row (CSV/XLSX), line (NDJSON) */
  row: number;
  column?: string;
  /** initials and lengths, code shapes (9 = digit, A = letter), years only */
  masked: string;
  note?: string;
}

export interface CheckResult {
  id: string;
  label: string;
  /** share 0..1 of `denominator` */
  rate: number;
  count: number;
  /** what the rate is a share of, e.g. "non-blank diagnosis codes" */
  denominator: number;
  denominatorLabel: string;
  examples: MaskedExample[];
}

export interface ColumnInfo {
  name: string;
  /** recognised meaning (patient_id, birth_date, dx_code, npi, …) or "other" */
  role: string;
}

export interface ExtractProfile {
  format: Exclude<ExtractFormat, "hl7" | "x12">;
  entity: string | null;
  /** records profiled (data rows, or FHIR resources) */
  rows: number;
  /** FHIR resources by type (NDJSON only) */
  resources?: Record<string, number>;
  columns: ColumnInfo[];
  checks: CheckResult[];
  /** years covered by event dates (robust to stray outliers), years only */
  dateRange: { fromYear: number; toYear: number; yearsCovered: number } | null;
  encoding: string;
  delimiter?: string;
  sheet?: string;
  file: { name: string; bytes: number; sha256: string };
  /** with `collectPairs` only (tests): the duplicate candidate pairs as row numbers */
  duplicatePairs?: [number, number][];
  /** work the profiler capped to stay within memory (e.g. oversized duplicate blocks) */
  limits: string[];
}

export type InterfaceComplexity = "simple" | "medium" | "complex";

export interface MessageProfile {
  format: "hl7" | "x12";
  messages: number;
  /** most common version; `versions` lists all seen */
  version: string | null;
  versions: Record<string, number>;
  /** message types with events (ADT^A01), most frequent first */
  messageTypes: string[];
  messageTypeCounts: Record<string, number>;
  segments: { id: string; count: number; messages: number }[];
  /** custom segments (Z*), most frequent first */
  zSegments: string[];
  zSegmentCounts: Record<string, number>;
  /** distinct segment sequences (structure variants) */
  structures: number;
  fieldVariability: { field: string; populatedShare: number }[];
  suggestedComplexity: InterfaceComplexity;
  reasons: string[];
  /** messages or lines that could not be read, plus malformed messages */
  invalid: number;
  /** structural defects by kind (HL7) */
  malformed?: Record<string, number>;
  file: { name: string; bytes: number; sha256: string };
}

export type Profile = ExtractProfile | MessageProfile;

export interface ProfileProgress {
  bytesRead: number;
  totalBytes: number | null;
  rows: number;
}

export interface ProfileOptions {
  format?: ExtractFormat;
  /** data-entity kind (DATA_ENTITY_KINDS) — disambiguates columns such as "Name" */
  entity?: string;
  fileName?: string;
  totalBytes?: number | null;
  signal?: AbortSignal;
  onProgress?: (p: ProfileProgress) => void;
  /** test hook: keep the row pairs of duplicate candidates (row numbers only) */
  collectPairs?: boolean;
  /** today's date for future/age checks (tests) */
  today?: Date;
}

export class ProfileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ProfileError";
  }
}
