// The profiler measures what the synthetic generator injected: every rate within ±1 percentage point,
// duplicate-pair precision and recall of at least 0.9 (CSV and FHIR NDJSON).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { profileFile, type ExtractProfile } from "@/lib/profiler";
import { DEFAULT_RATES, writeSyntheticCsv, writeSyntheticNdjson, type GroundTruth } from "@/tests/support/synthetic-extract";

const dir = mkdtempSync(path.join(tmpdir(), "profiler-accuracy-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function assertMatches(p: ExtractProfile, truth: GroundTruth) {
  expect(p.rows).toBe(truth.rows);
  for (const [id, expected] of Object.entries(truth.expected)) {
    const check = p.checks.find((c) => c.id === id);
    expect(check, id).toBeDefined();
    expect(Math.abs(check!.rate - expected), `${id}: measured ${check!.rate}, injected ${expected}`).toBeLessThanOrEqual(0.01);
  }
  const truthKeys = new Set(truth.pairs.map(([a, b]) => `${a}:${b}`));
  const found = (p.duplicatePairs ?? []).map(([a, b]) => `${a}:${b}`);
  const tp = found.filter((k) => truthKeys.has(k)).length;
  expect(truth.pairs.length).toBeGreaterThan(50);
  expect(tp / found.length, "duplicate-pair precision").toBeGreaterThanOrEqual(0.9);
  expect(tp / truthKeys.size, "duplicate-pair recall").toBeGreaterThanOrEqual(0.9);
}

describe("profiler accuracy on synthetic extracts", () => {
  it("CSV: measured rates match the injected defects", async () => {
    const file = path.join(dir, "visits.csv");
    const truth = await writeSyntheticCsv(file, 15_000);
    const p = (await profileFile(file, { collectPairs: true })) as ExtractProfile;
    expect(p.format).toBe("csv");
    expect(p.delimiter).toBe(";");
    assertMatches(p, truth);
    // the generator injected what it was asked for (sanity of the ground truth itself)
    expect(Math.abs(truth.expected.icd9_codes! - DEFAULT_RATES.icd9)).toBeLessThan(0.02);
  }, 60_000);

  it("CSV: other defect rates are measured too (no fixed numbers)", async () => {
    const file = path.join(dir, "visits-high.csv");
    const rates = { ...DEFAULT_RATES, icd9: 0.4, npiInvalid: 0.2, duplicates: 0.06, scanned: 0.8, sentinel: 0.05, blankPhone: 0.5 };
    const truth = await writeSyntheticCsv(file, 8_000, rates, 99);
    assertMatches((await profileFile(file, { collectPairs: true })) as ExtractProfile, truth);
  }, 60_000);

  it("FHIR Bulk NDJSON: measured rates match, Patient.link half-done merges counted", async () => {
    const file = path.join(dir, "export.ndjson");
    const truth = await writeSyntheticNdjson(file, 5_000);
    const p = (await profileFile(file, { collectPairs: true })) as ExtractProfile;
    expect(p.format).toBe("ndjson");
    expect(p.resources?.Patient).toBeGreaterThan(5_000);
    assertMatches(p, truth);
  }, 60_000);

  it("examples are masked: no name, code or date of the extract appears in the result", async () => {
    const file = path.join(dir, "small.csv");
    await writeSyntheticCsv(file, 2_000, { ...DEFAULT_RATES, icd9: 0.3 }, 5);
    const p = (await profileFile(file)) as ExtractProfile;
    const json = JSON.stringify(p.checks.map((c) => c.examples)); // labels are ours; examples come from the data
    const raw = new Set(
      readFileSync(file, "utf8")
        .split(/[;\n]/)
        .map((v) => v.trim())
        .filter((v) => v.length >= 4 && !/^[9.\-/]+$/.test(v)), // shapes are made of 9s and As
    );
    raw.delete("Phone"); // header names are not values
    for (const h of ["MRN", "PAT_LNAME", "PAT_FNAME", "Birth Date", "Gender", "Diagnosis Code", "Attending NPI", "Attending Physician", "Visit Date", "File Name", "Has Text Layer", "Result Value", "City", "Comments", "\uFEFFMRN"]) raw.delete(h);
    expect(raw.size).toBeGreaterThan(5_000);
    const leaked = [...raw].filter((v) => json.includes(v));
    expect(leaked).toEqual([]);
  }, 60_000);
});
