// Automatic column recognition for tabular extracts: header spellings first (DOB, Birth Date, PAT_DOB,
// dx_code, ICD10, Diagnosis Code, NPI, Provider NPI, Attending NPI …), then the values of the first rows
// (a column that is mostly dates is a date column whatever its name).
import { isBlank, parseDate } from "./values";

export const COLUMN_ROLES = [
  "patient_id", "family_name", "given_name", "full_name", "birth_date", "sex", "dx_code", "code_system", "npi",
  "provider_name", "state", "document_type", "document_text", "event_date", "future_date", "numeric", "code", "other",
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** Lower-case letters and digits only: "PAT_DOB" → "patdob", "Birth Date" → "birthdate". */
export const normHeader = (h: string) => h.replace(/^\uFEFF/, "").toLowerCase().replace(/[^a-z0-9]/g, "");

const DESCRIPTIVE = /(desc|description|text|name|narrative|comment|note|display|label|title)$/;

type Rule = [ColumnRole, RegExp, RegExp?];
// Order matters: the first matching rule wins. The optional third pattern excludes.
const RULES: Rule[] = [
  ["npi", /npi/],
  ["birth_date", /^(pat|patient|pt|member|person)?(dob|birthdate|birthdt|dateofbirth|datebirth|bdate|birthday|birthdttm|dtbirth|birth)$|dob$|birthdate|dateofbirth/],
  ["sex", /^(pat|patient|pt|member|person)?(sex|gender|administrativegender|sexatbirth|birthsex|sexcd|gendercd|sexcode|gendercode)$/],
  ["patient_id", /^(pat|patient|pt|person|member|client)(id|num|no|nbr|number|key|identifier|mrn)$|^(mrn|mrnumber|medicalrecordnumber|medicalrecordno|medrecno|chartno|chartnumber|chartid|patid|ptid|enterpriseid|empi|empiid|mpi|mpiid)$|mrn$/],
  ["family_name", /^(pat|patient|pt|member|person)?(lastname|lname|lastnm|familyname|surname|last|family|namelast|namefamily)$/],
  ["given_name", /^(pat|patient|pt|member|person)?(firstname|fname|firstnm|givenname|forename|first|given|namefirst|namegiven)$/],
  ["state", /^(pat|patient|pt|home|mail|mailing|res|residence|addr|address|member)?(state|stateprovince|statecd|statecode|stateabbr)$/],
  ["code_system", /(codesystem|codingsystem|codetype|codeset|dxtype|diagtype|icdversion|icdtype|vocabulary|terminology|system)$/],
  ["dx_code", /^(primary|secondary|admit|admitting|principal|discharge|problem)?(dx|diag|diagnosis|icd9|icd10|icd|icd9cm|icd10cm|problem)(code|cd|cde|id)?\d*$|^(dxcode|diagcode|diagnosiscode|problemcode|icdcode|icd10code|icd9code)\d*$/, DESCRIPTIVE],
  ["provider_name", /(provider|physician|doctor|attending|rendering|referring|ordering|prescriber|prescribing|clinician|practitioner|pcp|author|signer|signedby)(name|nm|fullname)?$/, /(id|npi|num|number|no|key|type|specialty)$/],
  ["document_type", /(mimetype|mime|contenttype|filetype|fileformat|fileext|fileextension|extension|filename|filepath|attachmenttype|documentformat|docformat|format)$/],
  ["document_text", /(hastext|textlayer|ocr|ocrtext|searchable|textextracted|textlength|textchars|wordcount|charcount|ocrstatus|hasocr|bodytext|notetext|documenttext|extractedtext)$/],
  ["future_date", /(appt|appointment|schedul|due|expir|next|until|followup|effectiveend|end|thru|through)[a-z]*(date|dt|dttm|datetime|time)$|^(expiration|expires|duedate)$/],
  ["event_date", /(date|dt|dttm|datetime|time|timestamp)$|^(date|dt)(of)?[a-z]|^(admit|admitted|discharge|discharged|service|visit|encounter|onset|resolved|recorded|collected|resulted|ordered|created|modified|updated|start|stop)(date|dt|dttm|time|at)?$/, /(by|user|id|type|status|flag|zone|tz)$/],
  ["code", /(cpt|hcpcs|proccode|procedurecode|loinc|loinccode|rxnorm|rxcui|ndc|snomed|snomedcode|medcode|medicationcode|drugcode|allergencode|allergycode|testcode|ordercode|labcode|resultcode|observationcode|cvx|vaccinecode|immunizationcode)$/],
  ["numeric", /(resultvalue|resultnum|numericresult|value|valuenum|result|weight|height|temp|temperature|bmi|pulse|heartrate|systolic|diastolic|glucose|a1c|hba1c|dose|qty|quantity|amount|spo2|resprate|respiration)$/, /(unit|units|ref|range|flag|text|comment|code|date|type|status)$/],
  ["full_name", /^(pat|patient|pt|member|person)?(name|fullname|patientname|ptname|patname|nm)$/],
];

/** Recognise one header; `entity` disambiguates names ("Name" in a providers extract is the provider). */
export function roleForHeader(header: string, entity?: string | null): ColumnRole {
  const h = normHeader(header);
  if (!h) return "other";
  for (const [role, re, not] of RULES) {
    if (re.test(h) && !(not && not.test(h))) {
      if (entity === "providers" || entity === "users") {
        if (role === "full_name") return "provider_name";
      }
      return role;
    }
  }
  return "other";
}

/**
 * Recognise all columns: header rules, then content sniffing of `sample` rows for dates.
 * Given/family name columns in a providers extract are composed into the provider name by the caller.
 */
export function recognizeColumns(headers: string[], sample: string[][], entity?: string | null): ColumnRole[] {
  const roles = headers.map((h) => roleForHeader(h, entity));
  if (entity === "patient_demographics") headers.forEach((h, i) => normHeader(h) === "id" && (roles[i] = "patient_id"));
  // "Problem"/"Diagnosis" beside a real code column ("Problem Code", "ICD10") is the description.
  const codeish = (i: number) => /(code|cd|cde|icd|dx)/.test(normHeader(headers[i]!));
  if (roles.some((r, i) => r === "dx_code" && codeish(i))) roles.forEach((r, i) => r === "dx_code" && !codeish(i) && (roles[i] = "other"));
  // A column of dates the header did not announce ("Admitted", "Seen").
  for (let c = 0; c < headers.length; c++) {
    if (roles[c] !== "other") continue;
    let filled = 0;
    let dates = 0;
    for (const r of sample) {
      const v = r[c];
      if (v == null || isBlank(v)) continue;
      filled++;
      if (/[-/.\s]/.test(v.trim()) && parseDate(v)) dates++;
    }
    if (filled >= 5 && dates / filled >= 0.8) roles[c] = "event_date";
  }
  // Only one full-name column is a patient name; without patient-ish columns it may be something else.
  const hasPatient = roles.some((r) => r === "birth_date" || r === "patient_id" || r === "sex");
  if (!hasPatient) for (let c = 0; c < roles.length; c++) if (roles[c] === "full_name" && entity !== "patient_demographics") roles[c] = "other";
  return roles;
}

/** Pair each NPI column with the provider-name column that shares its prefix ("Attending NPI" ↔ "Attending Name"). */
export function pairNpiColumns(headers: string[], roles: ColumnRole[]): Map<number, number | null> {
  const names = roles.flatMap((r, i) => (r === "provider_name" ? [i] : []));
  const out = new Map<number, number | null>();
  roles.forEach((r, i) => {
    if (r !== "npi") return;
    const prefix = normHeader(headers[i]!).split("npi")[0] ?? "";
    let match: number | null = null;
    if (prefix) match = names.find((n) => normHeader(headers[n]!).startsWith(prefix)) ?? null;
    if (match == null && names.length >= 1) match = names[0]!;
    out.set(i, match);
  });
  return out;
}
