// The profiler on blind, messy client files (tests/fixtures/extracts/README.md: provenance and truth).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { profileFile, type ExtractProfile, type MessageProfile } from "@/lib/profiler";

const DIR = path.resolve(__dirname, "../../fixtures/extracts");
const extract = async (f: string) => (await profileFile(path.join(DIR, f), { collectPairs: true, today: new Date("2026-03-01T00:00:00Z") })) as ExtractProfile;
const rate = (p: ExtractProfile, id: string) => p.checks.find((c) => c.id === id)!.rate;
const within1pp = (measured: number, truth: number) => expect(Math.abs(measured - truth), `measured ${measured}, truth ${truth}`).toBeLessThanOrEqual(0.01);

describe("blind client extracts", { timeout: 60_000 }, () => {
  it("patient extract: duplicate pairs against the list, sentinel trap avoided, date defects", async () => {
    const p = await extract("patients_legacy_extract.csv");
    expect(p.rows).toBe(8000);
    const lines = readFileSync(path.join(DIR, "patients_legacy_extract.csv"), "utf8").split("\n").slice(1);
    const mrn = (row: number) => lines[row - 1]!.split(",")[0]!;
    const truth = new Set(readFileSync(path.join(DIR, "dup_pairs.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(",").slice(0, 2).sort().join(":")));
    const found = (p.duplicatePairs ?? []).map(([a, b]) => [mrn(a), mrn(b)].sort().join(":"));
    const tp = found.filter((k) => truth.has(k)).length;
    expect(tp / found.length, "precision").toBeGreaterThanOrEqual(0.9);
    expect(tp / truth.size, "recall").toBeGreaterThanOrEqual(0.9);
    expect(found).not.toContain(["0589834", "0260085"].sort().join(":")); // two different women sharing the sentinel DOB
    within1pp(rate(p, "sentinel_dates"), (37 + 12 + 9) / 8000);
    within1pp(rate(p, "npi_invalid"), 25 / 6787);
    within1pp(rate(p, "encoding_damage"), 25 / 8000);
    within1pp(rate(p, "blank_dob"), 55 / 8000);
    within1pp(rate(p, "blank_email"), 4970 / 8000);
  });

  it("problem list: ICD-9 share despite wrong CODE_SYSTEM labels, free text in the code column", async () => {
    const p = await extract("problem_list_extract.csv");
    within1pp(rate(p, "icd9_codes"), 1083 / 6000);
    within1pp(rate(p, "free_text_in_coded"), 240 / 6000);
    within1pp(rate(p, "blank_dx_code"), 135 / 6000);
  });

  it("provider master and FHIR Practitioners: invalid NPIs, one name with several NPIs, one NPI with several names", async () => {
    const csv = await extract("providers.csv");
    within1pp(rate(csv, "npi_invalid"), 7 / 147);
    expect(csv.checks.find((c) => c.id === "provider_multiple_npis")!.count).toBe(1);
    expect(csv.checks.find((c) => c.id === "npi_multiple_names")!.count).toBe(1);
    const fhir = await extract("Practitioner.ndjson");
    within1pp(rate(fhir, "npi_invalid"), 6 / 150);
    expect(fhir.checks.find((c) => c.id === "provider_multiple_npis")!.count).toBeGreaterThanOrEqual(1);
  });

  it("HL7 files: versions, events, Z-segments and a complexity close to the consultant's rating", async () => {
    const adt = (await profileFile(path.join(DIR, "adt_feed_v23.hl7"))) as MessageProfile;
    expect(adt).toMatchObject({ messages: 200, version: "2.3", suggestedComplexity: "complex" });
    expect([...adt.messageTypes].sort()).toEqual(["ADT^A01", "ADT^A03", "ADT^A04", "ADT^A08"]);
    expect([...adt.zSegments].sort()).toEqual(["ZIN", "ZPD"]);
    const orm = (await profileFile(path.join(DIR, "orders_ORM_O01_v231.mllp"))) as MessageProfile;
    expect(orm).toMatchObject({ messages: 120, version: "2.3.1", messageTypes: ["ORM^O01"], zSegments: [], suggestedComplexity: "medium" });
    const vxu = (await profileFile(path.join(DIR, "immunizations_VXU_V04_v251.txt"))) as MessageProfile;
    expect(vxu).toMatchObject({ messages: 60, version: "2.5.1", messageTypes: ["VXU^V04"], zSegments: [] });
    expect(["simple", "medium"]).toContain(vxu.suggestedComplexity);
  });
});
