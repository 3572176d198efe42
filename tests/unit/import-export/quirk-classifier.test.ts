import { describe, expect, it } from "vitest";
import { classifyKnownIssues, classifyPhrase, splitPhrases } from "@/lib/import-export/quirk-classifier";
import { formatQuirks, parseQuirks } from "@/lib/import-export/quirks";

/** Known-issue phrases as clients write them, labelled by hand with the quirk kind they describe. */
const LABELLED: [string, string][] = [
  ["ICD-9 codes before 2015", "icd9_unconverted"],
  ["ICD9 only; never mapped to ICD-10", "icd9_unconverted"],
  ["pre-ICD-10 diagnoses still in the problem list", "icd9_unconverted"],
  ["some merged patients", "unmerged_patients"],
  ["~1,900 dup pairs suspected", "unmerged_patients"],
  ["duplicate patient records from the 2019 acquisition", "unmerged_patients"],
  ["MPI overlays not resolved", "unmerged_patients"],
  ["dup rate est. 3.1%", "unmerged_patients"],
  ["PCP has 3 NPIs for Dr. Halvorsen", "multiple_identifiers"],
  ["some providers have 2-3 NPI-looking numbers", "multiple_identifiers"],
  ["multiple MRNs per patient from the old registration system", "multiple_identifiers"],
  ["more than one ID for the same payer", "multiple_identifiers"],
  ["scanned charts pre-2012", "scanned_paper"],
  ["faxes; no OCR", "scanned_paper"],
  ["paper charts imaged as TIFF", "scanned_paper"],
  ["allergies free text in notes", "free_text_for_structured"],
  ["historical imms entered as text", "free_text_for_structured"],
  ["units free text", "free_text_for_structured"],
  ["unstructured dosing instructions", "free_text_for_structured"],
  ["some local codes (L-prefixed)", "invalid_codes"],
  ["no LOINC; in-house lab codes", "invalid_codes"],
  ["home-grown codes for visit types", "invalid_codes"],
  ["retired CPT codes still in use", "invalid_codes"],
  ["orphaned results without a patient", "orphaned_records"],
  ["lab results with no matching encounter", "orphaned_records"],
  ["EBCDIC → ASCII conversion issues with accented names", "encoding_problems"],
  ["garbled characters in Spanish names", "encoding_problems"],
  ["~8% no DOB", "other"],
  ["NDC missing on ~20%", "other"],
  ["status field not maintained", "other"],
];

describe("known issues → quirks", () => {
  it("classifies a labelled set of client phrases with high precision", () => {
    let recognised = 0;
    let correct = 0;
    const wrong: string[] = [];
    for (const [phrase, kind] of LABELLED) {
      const got = classifyPhrase(phrase);
      if (got.kind !== "other") {
        recognised++;
        if (got.kind === kind) correct++;
        else wrong.push(`${phrase} → ${got.kind} (expected ${kind})`);
      } else if (kind !== "other") wrong.push(`${phrase} → other (expected ${kind})`);
    }
    // precision: of the phrases given a kind, the share that got the right one
    expect(correct / recognised, wrong.join("\n")).toBeGreaterThanOrEqual(0.95);
    // recall on phrases that have a kind
    const withKind = LABELLED.filter(([, k]) => k !== "other").length;
    expect(correct / withKind, wrong.join("\n")).toBeGreaterThanOrEqual(0.9);
  });

  it("splits a cell into phrases and keeps each phrase's wording", () => {
    expect(splitPhrases("ICD-9 codes before 2015; some merged patients; PCP has 3 NPIs")).toEqual(["ICD-9 codes before 2015", "some merged patients", "PCP has 3 NPIs"]);
    const quirks = classifyKnownIssues("ICD-9 codes before 2015; some merged patients; PCP has 3 NPIs");
    expect(quirks.map((q) => [q.kind, q.description])).toEqual([
      ["icd9_unconverted", "ICD-9 codes before 2015"],
      ["unmerged_patients", "some merged patients"],
      ["multiple_identifiers", "PCP has 3 NPIs"],
    ]);
  });

  it("reads affected counts and shares, and severity words", () => {
    const [dups] = classifyKnownIssues("~1,900 dup pairs suspected");
    expect(dups.affectedCount).toBe(1900);
    const [share] = classifyKnownIssues("many duplicate patients (about 12%)");
    expect(share).toMatchObject({ kind: "unmerged_patients", affectedShare: 0.12, severity: "high" });
    const [icd] = classifyKnownIssues("ICD-9 codes before 2015");
    expect(icd.affectedCount).toBeNull();
  });

  it("'none' and 'n/a' are no quirks; the result round-trips through the quirks cell format", () => {
    expect(classifyKnownIssues("n/a")).toEqual([]);
    expect(classifyKnownIssues("None")).toEqual([]);
    const quirks = classifyKnownIssues("scanned charts pre-2012 not indexed: ~15% misfiled; units free text");
    const back = parseQuirks(formatQuirks(quirks));
    expect(back).toEqual({ ok: true, value: quirks });
  });
});
