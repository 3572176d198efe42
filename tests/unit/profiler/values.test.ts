import { describe, expect, it } from "vitest";
import { maskName, maskShape } from "@/lib/profiler/mask";
import { classifyDx, isBlank, isImageLikeType, isSentinelDate, isValidNpi, normalizeProviderName, npiCheckDigit, parseDate } from "@/lib/profiler/values";
import { roleForHeader, recognizeColumns } from "@/lib/profiler/columns";
import { namesMatch } from "@/lib/profiler/duplicates";

describe("NPI", () => {
  it("validates 10 digits with the Luhn check over the 80840 prefix", () => {
    expect(isValidNpi("1234567893")).toBe(true); // CMS's published example
    expect(isValidNpi("1234567890")).toBe(false);
    expect(isValidNpi("123456789")).toBe(false);
    expect(isValidNpi("12345678931")).toBe(false);
    expect(isValidNpi("12345A7893")).toBe(false);
    expect(isValidNpi(" 1234567893 ")).toBe(true);
  });
  it("computes the check digit the validator accepts", () => {
    expect(npiCheckDigit("123456789")).toBe(3);
    for (const first9 of ["100000000", "198765432", "155555555", "172839465"]) expect(isValidNpi(first9 + npiCheckDigit(first9))).toBe(true);
  });
});

describe("diagnosis codes", () => {
  it.each([
    ["250.00", "icd9"], ["401.9", "icd9"], ["4019", "icd9"], ["V70.0", "icd9"], ["E849.0", "icd9"], ["25000", "icd9"],
    ["E11.9", "icd10"], ["I10", "icd10"], ["Z00.00", "icd10"], ["J45.909", "icd10"], ["E119", "icd10"], ["F32.A", "icd10"], ["S72.001A", "icd10"],
    ["44054006", "snomed"], ["HTN01", "local"], ["DM-2", "local"], ["type 2 diabetes", "free_text"], ["see note", "free_text"],
  ])("%s is %s", (code, cls) => expect(classifyDx(code)).toBe(cls));
  it("lets an unambiguous shape beat a wrong label, and the label decide the rest", () => {
    expect(classifyDx("250.00", "http://hl7.org/fhir/sid/icd-10-cm")).toBe("icd9"); // mislabelled
    expect(classifyDx("E11.9", "ICD9")).toBe("icd10"); // mislabelled
    expect(classifyDx("V70.0", "ICD-10-CM")).toBe("icd10"); // ambiguous shape: the label decides
    expect(classifyDx("E8490", "")).toBe("icd9"); // E849.0 without its dot
    expect(classifyDx("L1001", "LOCAL")).toBe("local");
    expect(classifyDx("1234", "http://legacy-emr.example.org/fhir/CodeSystem/problem-codes")).toBe("local");
    expect(classifyDx("44054006", "http://snomed.info/sct")).toBe("snomed");
  });
  it.each(["DIABETES", "COPD?", "obesity", "anxiety/depression", "HX OF MI 2009", "r/o CHF"])("%s is free text", (v) => expect(classifyDx(v)).toBe("free_text"));
  it.each(["LOC-CHF", "X-PREDM", "L9999"])("%s is a code", (v) => expect(classifyDx(v)).not.toBe("free_text"));
});

describe("dates", () => {
  it.each([
    ["1980-01-02", [1980, 1, 2]], ["01/02/1980", [1980, 1, 2]], ["1/2/1980", [1980, 1, 2]], ["19800102", [1980, 1, 2]],
    ["2020-01-02T10:00:00Z", [2020, 1, 2]], ["20200102103000", [2020, 1, 2]], ["25/12/2020", [2020, 12, 25]],
    ["25.12.2020", [2020, 12, 25]], ["02-Jan-2020", [2020, 1, 2]], ["Jan 2, 2020", [2020, 1, 2]], ["2020/01/02", [2020, 1, 2]],
  ])("%s", (v, [y, m, d]) => expect(parseDate(v)).toEqual({ y, m, d }));
  it.each(["", "unknown", "2021-02-30", "13/13/2020", "2021-02-29", "00/00/0000", "N/A"])("%s is not a date", (v) => expect(parseDate(v)).toBeNull());
  it("knows the sentinels", () => {
    for (const v of ["1900-01-01", "9999-12-31", "1753-01-01", "0001-01-01", "12/31/1899"]) expect(isSentinelDate(parseDate(v)!), v).toBe(true);
    for (const v of ["1970-01-01", "2001-09-11", "1930-05-05"]) expect(isSentinelDate(parseDate(v)!), v).toBe(false);
  });
});

describe("small classifiers", () => {
  it("blank placeholders", () => {
    for (const v of ["", "  ", "NULL", "(null)", "N/A", "n/a", "-", "#N/A"]) expect(isBlank(v), v).toBe(true);
    for (const v of ["0", "U", "unknown", "none of the above"]) expect(isBlank(v), v).toBe(false);
  });
  it("provider names in any spelling normalise alike", () => {
    const a = normalizeProviderName("Dr. Jane Q. Roe");
    expect(normalizeProviderName("Roe, Jane Q MD")).toBe(a);
    expect(normalizeProviderName("JANE Q ROE, M.D.")).toBe(a);
  });
  it("image-like attachments", () => {
    for (const v of ["image/tiff", "application/pdf", "scan_001.TIF", "x.pdf", "JPG"]) expect(isImageLikeType(v), v).toBe(true);
    for (const v of ["text/plain", "letter.docx", "note.txt"]) expect(isImageLikeType(v), v).toBe(false);
  });
  it("masks keep initials, lengths and shapes only", () => {
    expect(maskName("Jonathan")).toBe("J… (8)");
    expect(maskShape("250.00")).toBe("999.99");
    expect(maskShape("E11.9")).toBe("A99.9");
  });
  it("fuzzy names: typos, transpositions, swaps, initials match; different people do not", () => {
    expect(namesMatch("smith", "john", "smyth", "john")).toBe(true);
    expect(namesMatch("smith", "mary", "smith", "mray")).toBe(true);
    expect(namesMatch("smith", "john", "john", "smith")).toBe(true);
    expect(namesMatch("smith", "j", "smith", "john")).toBe(true);
    expect(namesMatch("smithjones", "anna", "smith", "anna")).toBe(true);
    expect(namesMatch("smith", "john", "jones", "john")).toBe(false);
    expect(namesMatch("smith", "john", "smith", "mary")).toBe(false);
  });
});

describe("column recognition", () => {
  it.each([
    ["DOB", "birth_date"], ["Birth Date", "birth_date"], ["PAT_DOB", "birth_date"], ["Date of Birth", "birth_date"], ["BIRTH_DT", "birth_date"],
    ["dx_code", "dx_code"], ["ICD10", "dx_code"], ["Diagnosis Code", "dx_code"], ["ICD-9-CM", "dx_code"], ["DX1", "dx_code"], ["Primary Dx", "dx_code"],
    ["NPI", "npi"], ["Provider NPI", "npi"], ["Attending NPI", "npi"], ["rendering_npi", "npi"],
    ["MRN", "patient_id"], ["PAT_ID", "patient_id"], ["Patient ID", "patient_id"], ["Chart No", "patient_id"],
    ["Last Name", "family_name"], ["PAT_LNAME", "family_name"], ["Surname", "family_name"], ["First Name", "given_name"], ["FNAME", "given_name"],
    ["Sex", "sex"], ["Gender", "sex"], ["PAT_SEX", "sex"],
    ["Attending Physician", "provider_name"], ["Provider Name", "provider_name"], ["Visit Date", "event_date"], ["ADMIT_DT", "event_date"],
    ["Next Appt Date", "future_date"], ["Result Value", "numeric"], ["LOINC", "code"], ["Mime Type", "document_type"], ["Has OCR", "document_text"],
    ["Description", "other"], ["Location", "other"], ["Diagnosis Description", "other"], ["Provider ID", "other"],
  ])("%s → %s", (h, role) => expect(roleForHeader(h)).toBe(role));
  it("recognises an unannounced date column from its values and demotes a description beside a code", () => {
    const roles = recognizeColumns(["Patient ID", "Seen", "Problem", "Problem Code"], Array.from({ length: 10 }, () => ["1", "03/04/2020", "Asthma", "J45.909"]));
    expect(roles).toEqual(["patient_id", "event_date", "other", "dx_code"]);
  });
});
