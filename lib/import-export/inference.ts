// Inference of a column the file lacks, from the row's other columns: an interface list with no "Kind"
// tells it through its message types and standard (ORU^R01 → lab results, ORM^O01 → lab orders, NCPDP
// SCRIPT → eRx, X12 270/271 → payer, 837/835 → billing, C-CDA or Direct to an HIE → HIE), a report list
// through its names, a data inventory through its source tables. Suggestions are marked and confirmed like
// value suggestions; rows where nothing tells are left to "one value for every row".
// Client-safe and pure.
import type { InventoryKey } from "@/lib/inventories/registry";
import { columnById, type ColumnDef, type InventorySpec } from "@/lib/import-export/columns";
import type { PrepareOptions } from "@/lib/import-export/prepare";
import { synonymFor } from "@/lib/import-export/synonyms";

type InferenceRule = readonly [RegExp, string];

/** Interface kind from message types / standard / name, most specific first. */
const INTEGRATION_KIND_RULES: readonly InferenceRule[] = [
  [/\b(c-?cda|ccd|direct|xds|xca|cda)\b.*\b(hie|exchange|carequality|commonwell|qhin|rhio)\b|\b(hie|exchange|carequality|commonwell|qhin|rhio)\b.*\b(c-?cda|ccd|direct|xds|xca|cda)\b|\bhealth information exchange\b|\bhie\b|\bcarequality\b|\bcommonwell\b|\bqhin\b|\brhio\b/, "hie"],
  [/\bvxu\b|\bimmuni[sz]|\bsyndromic\b|\belr\b|\bcancer registry\b|\bpublic health\b|\bstate registry\b/, "registry"],
  [/\boru\b.*\bmdm\b|\bradiology\b|\bpacs\b|\bdicom\b|\bris\b/, "imaging"],
  [/\b(orm|oml)\b.*\boru\b|\boru\b.*\b(orm|oml)\b/, "lab_results"],
  [/\boru\b|\blab results?\b/, "lab_results"],
  [/\b(orm|oml)\b|\blab orders?\b/, "lab_orders"],
  [/\bncpdp\b|\bscript\b|\bnewrx\b|\brxfill\b|\brxchange\b|\bsurescripts\b|\be-?prescri|\bepcs\b|\bpdmp\b/, "erx"],
  [/\b27[01]\b|\b27[67]\b|\b278\b|\beligib|\bprior auth/, "payer"],
  [/\b83[57]p?i?d?\b|\bdft\b|\bclaims?\b|\bremit|\bcharges?\b|\bbilling\b/, "billing"],
  [/\bmdm\b|\bdocument|\bfax\b|\bscan/, "document_management"],
];

/** Standard from message types / name. */
const INTEGRATION_STANDARD_RULES: readonly InferenceRule[] = [
  [/\bfhir\b|\bsmart\b/, "fhir_r4"],
  [/\bncpdp\b|\bscript\b|\bnewrx\b|\brxchange\b|\bsurescripts\b/, "ncpdp_script"],
  [/\b27[01678]\b|\b83[457]p?i?d?\b|\bx ?12\b|\bedi\b/, "x12"],
  [/\bc-?cda\b|\bccd\b|\bdirect\b|\bxds\b/, "ccda"],
  [/\^|\b(adt|orm|oru|siu|dft|mdm|vxu|oml|rde|bar)\b|\bhl7\b|\bmllp\b/, "hl7v2"],
  [/\bs?ftp\b|\bflat file\b|\bcsv\b|\bbatch file\b/, "file_sftp"],
  [/\bapi\b|\brest\b|\bsoap\b|\bweb ?service\b/, "proprietary_api"],
];

/** Which other columns tell a missing one, in the order they are read. */
const SOURCES: Partial<Record<InventoryKey, Record<string, { from: readonly string[]; rules?: readonly InferenceRule[] }>>> = {
  integrations: {
    kind: { from: ["messageTypes", "standard", "name", "partner", "sourceEndpoint", "replacementPlan"], rules: INTEGRATION_KIND_RULES },
    standard: { from: ["messageTypes", "name", "sourceEndpoint", "partner"], rules: INTEGRATION_STANDARD_RULES },
  },
  reports: { kind: { from: ["name", "consumers"] } },
  workflows: { kind: { from: ["name", "notes"] } },
  data: { entity: { from: ["sourceObject", "notes", "destinationEntity"] } },
};

export type Inferred = { value: string; from: string };

/** The columns of this inventory that can be inferred when the file lacks them. */
export function inferableColumns(spec: InventorySpec): ColumnDef[] {
  const sources = SOURCES[spec.key] ?? {};
  return spec.columns.filter((c) => sources[c.id] !== undefined);
}

/**
 * One row's value for a missing column, from its other cells (by column id), or null when nothing tells.
 * `from` names the column that told.
 */
export function inferValue(spec: InventorySpec, columnId: string, cellsById: Readonly<Record<string, string>>): Inferred | null {
  const source = SOURCES[spec.key]?.[columnId];
  const col = spec.columns.find((c) => c.id === columnId);
  if (!source || !col?.values) return null;
  for (const from of source.from) {
    const text = cellsById[from];
    if (!text) continue;
    const s = text.toLowerCase().replace(/\s+/g, " ");
    if (source.rules) {
      for (const [re, code] of source.rules) {
        if (re.test(s) && col.values.includes(code)) return { value: code, from };
      }
    }
    // the vocabulary's own synonym rules on the text (a report named "MIPS quality submission" is regulatory)
    const rule = synonymFor(col.values, s);
    if (rule && rule !== "other") return { value: rule, from };
  }
  return null;
}

/** When nothing tells: "Other" for a vocabulary that has it (a suggestion like the others), else null. */
export function fallbackValue(spec: InventorySpec, columnId: string): string | null {
  const col = spec.columns.find((c) => c.id === columnId);
  return col?.values?.includes("other") ? "other" : null;
}

/** Whether this inventory's key name can be composed from other columns when the file lacks it. */
export function composesName(spec: InventorySpec): boolean {
  return spec.key === "integrations" || spec.key === "data";
}

/**
 * A name for a row whose file has no name column (an interface list of "System | Connects to | Messages"):
 * the partner with what is exchanged — "LabCorp ORU^R01", "Waystar eligibility" — else with the standard.
 */
export function composedName(spec: InventorySpec, cellsById: Readonly<Record<string, string>>): string | null {
  if (spec.key === "data") {
    // a data inventory of "Data type | System | Records" names no source object: the system with the file's own
    // words for the data ("myAvatar · Clients (patients)") keeps two systems' rows for one entity apart
    const name = [cellsById.sourceSystem?.trim(), cellsById.entity?.trim()].filter(Boolean).join(" · ").replace(/\s+/g, " ").slice(0, 200);
    return name || null;
  }
  if (spec.key !== "integrations") return null;
  const partner = cellsById.partner?.trim();
  const what = (cellsById.messageTypes || cellsById.standard || cellsById.sourceEndpoint || "").trim();
  const name = [partner, what].filter(Boolean).join(" ").replace(/\s+/g, " ").slice(0, 200);
  return name || null;
}

/** Columns the preparation adds when the file lacks them: inferred, composed or set for every row. */
export function suppliedColumns(spec: InventorySpec, mapping: readonly (string | null)[], options: PrepareOptions = {}): string[] {
  const mapped = new Set(mapping.filter((m): m is string => !!m));
  const out = inferableColumns(spec).filter((c) => c.isRequired && !mapped.has(c.id)).map((c) => c.id);
  const name = spec.columns.find((c) => c.isKey && c.isRequired && c.kind === "text" && !mapped.has(c.id));
  if (name && composedName(spec, { partner: "x" }) !== null) out.push(name.id);
  for (const [id, v] of Object.entries(options.fill ?? {})) if (v.trim() !== "" && !mapped.has(id) && columnById(spec, id)) out.push(id);
  return out;
}
