// FHIR Bulk Data NDJSON: one resource per line (Bundles are unpacked). Elements are recognised by resource
// type; each resource is one record of the profile.
import type { Collector, Tally } from "./collector";
import { dayNumber, normalizeSex, parseDate, type Ymd } from "./values";

/* eslint-disable @typescript-eslint/no-explicit-any -- FHIR JSON is untyped input, read defensively */
type Json = any;

export const FHIR_TYPES = [
  "Patient", "Practitioner", "Condition", "Encounter", "Observation", "AllergyIntolerance", "MedicationRequest", "DocumentReference",
] as const;

/** Elements whose blank rate is reported, per resource type (paths are for people, values read below). */
const BLANK_ELEMENTS: Record<string, [string, (r: Json) => unknown][]> = {
  Patient: [["identifier", (r) => r.identifier?.length], ["name", (r) => r.name?.length], ["birthDate", (r) => r.birthDate], ["gender", (r) => r.gender], ["address", (r) => r.address?.length], ["telecom", (r) => r.telecom?.length]],
  Practitioner: [["identifier", (r) => r.identifier?.length], ["name", (r) => r.name?.length]],
  Condition: [["code", (r) => r.code], ["subject", (r) => r.subject?.reference], ["onset", (r) => r.onsetDateTime ?? r.onsetPeriod ?? r.onsetString ?? r.recordedDate], ["clinicalStatus", (r) => r.clinicalStatus]],
  Encounter: [["period.start", (r) => r.period?.start], ["class", (r) => r.class], ["subject", (r) => r.subject?.reference], ["participant", (r) => r.participant?.length]],
  Observation: [["code", (r) => r.code], ["value", (r) => r.valueQuantity ?? r.valueString ?? r.valueCodeableConcept ?? r.valueBoolean ?? r.valueInteger ?? r.component?.length], ["effective", (r) => r.effectiveDateTime ?? r.effectivePeriod ?? r.issued], ["subject", (r) => r.subject?.reference]],
  AllergyIntolerance: [["code", (r) => r.code], ["patient", (r) => r.patient?.reference], ["recordedDate", (r) => r.recordedDate ?? r.onsetDateTime]],
  MedicationRequest: [["medication", (r) => r.medicationCodeableConcept ?? r.medicationReference], ["authoredOn", (r) => r.authoredOn], ["subject", (r) => r.subject?.reference], ["requester", (r) => r.requester]],
  DocumentReference: [["content.attachment", (r) => r.content?.length], ["date", (r) => r.date ?? r.context?.period?.start], ["type", (r) => r.type], ["subject", (r) => r.subject?.reference]],
};

const STANDARD_SYSTEMS = /loinc|snomed|rxnorm|icd-?10|icd-?9|\/sid\/ndc|cvx|unii|ndfrt|nucc|hl7\.org\/fhir|terminology\.hl7\.org|cpt|hcpcs|ama-assn|nlm\.nih\.gov/i;
const NEVER = /$^/;
const TEXT_MIME = /^(?:text\/|application\/(?:xml|json|rtf|msword|vnd\.openxmlformats|hl7|fhir|cda))/i;

/** FHIR dates may be partial: "1980" and "1980-05" are real dates here. */
function fhirDate(v: unknown): string {
  if (typeof v !== "string") return "";
  if (/^\d{4}$/.test(v)) return `${v}-01-01`;
  if (/^\d{4}-\d{2}$/.test(v)) return `${v}-01`;
  return v;
}

/** 53-bit string hash (cyrb53): resource keys are remembered as numbers, not strings. */
function hash53(str: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

function isBlankValue(v: unknown): boolean {
  return v == null || v === "" || v === 0 || (Array.isArray(v) && v.length === 0);
}

function humanName(names: Json): { family: string; given: string } {
  if (!Array.isArray(names) || names.length === 0) return { family: "", given: "" };
  const n = names.find((x: Json) => x?.use === "official") ?? names[0];
  let family = typeof n?.family === "string" ? n.family : Array.isArray(n?.family) ? n.family.join(" ") : "";
  let given = Array.isArray(n?.given) && typeof n.given[0] === "string" ? n.given[0] : "";
  if (!family && typeof n?.text === "string") {
    const parts = n.text.trim().split(/\s+/);
    family = parts.length > 1 ? parts[parts.length - 1] : (parts[0] ?? "");
    given = parts.length > 1 ? parts[0] : "";
  }
  return { family, given };
}

export class FhirProfiler {
  readonly resources: Record<string, number> = {};
  private blanks = new Map<string, [Tally, (r: Json) => unknown][]>();
  private readonly invalid: Tally;
  private readonly duplicateLines: Tally;
  private linkedSeen = new Set<string>();
  private readonly scannedPdf: Tally;
  private resourceKeys = new Set<number>();

  constructor(private readonly c: Collector) {
    this.invalid = c.tally("ndjson_invalid_lines", "Lines that are not a FHIR resource (invalid JSON or no resourceType)", "non-empty lines");
    this.scannedPdf = c.tally("scanned_pdf_suspected", "PDFs described as scanned (text layer unknown)", "PDF documents without a text alternative");
    this.duplicateLines = c.tally("duplicate_resources", "The same resource (type and id) exported more than once", "resources");
  }

  line(text: string, lineNo: number): void {
    let r: Json;
    try {
      r = JSON.parse(text);
    } catch {
      this.invalid.hit(() => ({ row: lineNo, masked: `line of ${text.length} chars` }));
      return;
    }
    if (!r || typeof r !== "object" || typeof r.resourceType !== "string") {
      this.invalid.hit(() => ({ row: lineNo, masked: "JSON without resourceType" }));
      return;
    }
    this.invalid.miss();
    if (r.resourceType === "Bundle" && Array.isArray(r.entry)) {
      for (const e of r.entry) if (e?.resource?.resourceType) this.resource(e.resource, lineNo);
      return;
    }
    this.resource(r, lineNo);
  }

  /** A whole JSON document (a Bundle or an array of resources) instead of NDJSON. */
  document(doc: Json): void {
    const list: Json[] = Array.isArray(doc) ? doc : doc?.resourceType === "Bundle" ? (doc.entry ?? []).map((e: Json) => e?.resource) : [doc];
    list.forEach((r, i) => r?.resourceType && this.resource(r, i + 1));
  }

  private blankChecks(type: string): [Tally, (r: Json) => unknown][] {
    let b = this.blanks.get(type);
    if (!b) {
      b = (BLANK_ELEMENTS[type] ?? []).map(([el, get]) => [this.c.tally(`blank_${type.toLowerCase()}_${el.replace(/\W+/g, "_").toLowerCase()}`, `Blank ${type}.${el}`, `${type} resources`), get]);
      this.blanks.set(type, b);
    }
    return b;
  }

  private resource(r: Json, row: number): void {
    const type: string = r.resourceType;
    if (typeof r.id === "string" && this.resourceKeys.size < 5_000_000) {
      const key = hash53(`${type}/${r.id}`);
      if (this.resourceKeys.has(key)) {
        this.duplicateLines.hit(() => ({ row, masked: `${type} exported again` }));
        return; // counted once
      }
      this.duplicateLines.miss();
      this.resourceKeys.add(key);
    }
    this.resources[type] = (this.resources[type] ?? 0) + 1;
    for (const [t, get] of this.blankChecks(type)) {
      if (isBlankValue(get(r))) t.hit(() => ({ row, masked: "element missing" }));
      else t.miss();
    }
    const c = this.c;
    const date = (v: unknown, col: string, kind: "birth" | "event" = "event"): Ymd | null => (typeof v === "string" ? c.date(fhirDate(v), kind, row, col) : null);
    const concept = (cc: Json, col: string, isDx: boolean) => {
      if (!cc) return;
      const codings: Json[] = Array.isArray(cc.coding) ? cc.coding.filter((x: Json) => x?.code) : [];
      if (codings.length === 0) {
        if (typeof cc.text === "string" && cc.text.trim()) {
          c.text(cc.text, row, col);
          if (isDx) c.dxText(cc.text, row, col);
          else c.textOnlyCode(row, col, cc.text);
        }
        return;
      }
      if (isDx) {
        // the most standard coding decides (an ICD-10 translation beside a local code is converted)
        const rank = (x: Json) => (/icd-?10/i.test(x.system ?? "") ? 0 : /snomed/i.test(x.system ?? "") ? 1 : /icd-?9/i.test(x.system ?? "") ? 2 : 3);
        const best = [...codings].sort((a, b) => rank(a) - rank(b))[0];
        c.dx(String(best.code), typeof best.system === "string" ? best.system : undefined, row, col);
        return;
      }
      const std = codings.find((x) => typeof x.system === "string" && STANDARD_SYSTEMS.test(x.system));
      c.codeSystem(!!std, row, col, String(codings[0].code));
    };

    switch (type) {
      case "Patient": {
        const { family, given } = humanName(r.name);
        c.text(family, row, "Patient.name");
        c.text(given, row, "Patient.name");
        const birth = date(r.birthDate, "Patient.birthDate", "birth");
        const links: Json[] = Array.isArray(r.link) ? r.link : [];
        // a record retired by a finished merge is not a pending duplicate
        const retired = r.active === false && links.some((l) => l?.type === "replaced-by");
        if (!retired) c.patient(row, String(r.id ?? ""), family, given, birth, normalizeSex(String(r.gender ?? "")));
        const id = String(r.id ?? "");
        const replacedBy = links.find((l) => l?.type === "replaced-by");
        const seeAlso = links.find((l) => l?.type === "seealso");
        const firstTime = !this.linkedSeen.has(id);
        if ((replacedBy || seeAlso) && this.linkedSeen.size < 100_000) this.linkedSeen.add(id);
        const other = (l: Json) => String(l.other?.reference ?? "").replace(/^Patient\//, "") || `link${row}`;
        // a merge is half-done when the record it says was replaced is still active
        if (replacedBy && r.active !== false && firstTime) c.halfDoneMerge(row, id || `row${row}`, other(replacedBy), "replaced record still active", true);
        else c.patientWithoutLink();
        if (seeAlso && firstTime) c.knownDuplicate(id || `row${row}`, other(seeAlso), row, "linked as the same person (seealso), never merged");
        break;
      }
      case "Practitioner": {
        const ids: Json[] = Array.isArray(r.identifier) ? r.identifier : [];
        const { family, given } = humanName(r.name);
        const name = [given, family].filter(Boolean).join(" ");
        for (const id of ids) {
          const isNpi = /npi|2\.16\.840\.1\.113883\.4\.6$/i.test(id?.system ?? "") || id?.type?.coding?.some((x: Json) => x?.code === "NPI");
          if (isNpi && id.value != null) c.provider(String(id.value), name, row, "Practitioner.identifier (NPI)");
        }
        break;
      }
      case "Condition":
        concept(r.code, "Condition.code", true);
        date(r.onsetDateTime, "Condition.onsetDateTime");
        date(r.recordedDate, "Condition.recordedDate");
        break;
      case "Encounter": {
        const start = date(r.period?.start, "Encounter.period.start");
        const end = typeof r.period?.end === "string" ? parseDate(fhirDate(r.period.end)) : null;
        if (start && end && dayNumber(end) < dayNumber(start)) c.impossible(row, "Encounter.period", "ends before it starts", end.y);
        for (const p of Array.isArray(r.participant) ? r.participant : []) {
          const id = p?.individual?.identifier;
          if (id && /npi/i.test(id.system ?? "") && id.value != null) c.provider(String(id.value), String(p.individual.display ?? ""), row, "Encounter.participant (NPI)");
        }
        break;
      }
      case "Observation": {
        concept(r.code, "Observation.code", false);
        date(r.effectiveDateTime ?? r.effectivePeriod?.start ?? r.issued, "Observation.effective");
        // vital signs and lab results are measurements: a string value there (">1000", "see note",
        // "120/80" without components) is text where a number belongs
        const quantitative = /vital-signs|laboratory/.test(JSON.stringify(r.category ?? ""));
        if (typeof r.valueString === "string") {
          if (quantitative) c.codedValue(r.valueString, NEVER, row, "Observation.valueString");
          c.text(r.valueString, row, "Observation.valueString");
        }
        break;
      }
      case "AllergyIntolerance":
        concept(r.code, "AllergyIntolerance.code", false);
        date(r.recordedDate ?? r.onsetDateTime, "AllergyIntolerance.recordedDate");
        break;
      case "MedicationRequest":
        concept(r.medicationCodeableConcept, "MedicationRequest.medication", false);
        date(r.authoredOn, "MedicationRequest.authoredOn");
        if (r.requester?.identifier && /npi/i.test(r.requester.identifier.system ?? "")) c.provider(String(r.requester.identifier.value ?? ""), String(r.requester.display ?? ""), row, "MedicationRequest.requester (NPI)");
        break;
      case "DocumentReference": {
        date(r.date ?? r.context?.period?.start, "DocumentReference.date");
        const atts: Json[] = (Array.isArray(r.content) ? r.content : []).map((x: Json) => x?.attachment).filter(Boolean);
        if (atts.length > 0) {
          const types = atts.map((a) => String(a.contentType ?? "").toLowerCase());
          const image = types.find((t) => t.startsWith("image/"));
          const pdf = types.find((t) => t === "application/pdf");
          const hasText = types.some((t) => TEXT_MIME.test(t)) || atts.some((a) => typeof a.data === "string" && /^text\//.test(a.contentType ?? ""));
          // an image is a scan; a PDF's text layer is unknown from metadata unless its title says "scan"
          c.document(!!image && !hasText, hasText, row, "DocumentReference.content.attachment.contentType", image ?? types[0] ?? "");
          if (pdf && !image && !hasText) {
            const said = `${r.description ?? ""} ${atts.map((a) => a.title ?? "").join(" ")} ${r.type?.text ?? ""}`;
            if (/scan/i.test(said)) this.scannedPdf.hit(() => ({ row, masked: "application/pdf", note: "title or description says scanned" }));
            else this.scannedPdf.miss();
          }
        }
        break;
      }
    }
    c.endRow();
  }
}

