import { describe, expect, it } from "vitest";
import { inventorySpec } from "@/lib/import-export/columns";
import { suggestMapping } from "@/lib/import-export/headers";
import { nonDataRow, prepareAndClassify, prepareAndClassifyInChunks, refineMappingByContent } from "@/lib/import-export/prepare";
import type { RowResult } from "@/lib/import-export/dry-run";
import type { Cell } from "@/lib/import-export/normalize";
import type { InventoryKey } from "@/lib/inventories/registry";

function run(inventory: InventoryKey, headers: string[], rows: Cell[][], options = {}) {
  const spec = inventorySpec(inventory);
  const numbered = rows.map((cells, i) => ({ row: i + 2, cells }));
  const mapping = refineMappingByContent(spec, suggestMapping(spec, headers), numbered);
  return { mapping, ...prepareAndClassify({ spec, headers, mapping, rows: numbered, existing: [], options }) };
}

describe("rows that are not data", () => {
  const headers = ["Interface", "Type", "Standard", "Direction"];
  it.each([
    [["Total interfaces: 40", null, null, null], "total"],
    [[null, "Subtotal – Lab (9)", null, null], "total"],
    [["TOTAL", 45, null, null], "total"],
    [["Grand total", null, null, null], "total"],
    [["LAB INTERFACES", null, null, null], "heading"],
    [["Interface", "Type", "Standard", "Direction"], "repeated_header"],
  ])("%j is %s", (cells, reason) => {
    expect(nonDataRow(cells as Cell[], headers)).toBe(reason);
  });
  it("a report named “Total joint replacement outcomes” is data", () => {
    expect(nonDataRow(["Total joint replacement outcomes", "Clinical", "Monthly"], ["Report", "Type", "Frequency"])).toBeNull();
  });
});

describe("prepare + dry run", () => {
  it("an interface list without a Kind column: kinds inferred from message types, marked and confirmable", () => {
    const headers = ["Interface", "Partner", "Format", "Messages", "In/Out"];
    const rows: Cell[][] = [
      ["Quest results", "Quest", "HL7 v2.5.1", "ORU^R01", "In"],
      ["Quest orders", "Quest", "HL7 2.3", "ORM^O01", "Out"],
      ["Surescripts", "Surescripts", "NCPDP SCRIPT 2017071", "NewRx", "both"],
      ["Eligibility", "Waystar", "X12 270/271", "270/271", "Out"],
      ["Claims", "Waystar", "X12 837P", "837P", "Out"],
      ["HIE feed", "CRISP", "CCD/C-CDA", "C-CDA via Direct to HIE", "Out"],
      ["Total interfaces: 6", null, null, null, null],
    ];
    const confirmed = run("integrations", headers, rows, { acceptSuggestions: true });
    expect(confirmed.rows).toEqual({ total: 7, ok: 6, skipped: 1, error: 0 });
    const kinds = confirmed.results.map((r) => r.data?.kind);
    expect(kinds).toEqual(["lab_results", "lab_orders", "erx", "payer", "billing", "hie"]);
    expect(confirmed.report.inferred[0]).toMatchObject({ column: "kind", accepted: true, from: ["Messages"] });
    // not confirmed: the rows wait for the consultant (the key and standard are there, the kind is not)
    const pending = run("integrations", headers, rows);
    expect(pending.rows.ok).toBe(0);
    expect(pending.report.inferred[0].accepted).toBe(false);
  });

  it("one value for every row fills a missing column; fill blanks fills a mapped one", () => {
    const out = run("integrations", ["Interface", "Standard", "Direction"], [["A", "HL7", "In"], ["B", "HL7", null]], { fill: { kind: "Lab results", direction: "Outbound" } });
    expect(out.results.map((r) => [r.data?.kind, r.data?.direction])).toEqual([["lab_results", "inbound"], ["lab_results", "outbound"]]);
    expect(out.report.fills.find((f) => f.column === "direction")?.rows).toBe(1);
  });

  it("n/a, TBD and unknown are not known: counted, never an error", () => {
    const out = run("data", ["Entity", "Source table", "Records", "Years"], [["Patients", "PAT", "TBD", "n/a"], ["Labs", "LAB", "~1.2M", "10+ years"]], { acceptSuggestions: true });
    expect(out.rows.error).toBe(0);
    expect(out.results[0].data).toMatchObject({ recordCount: null, yearsCovered: null });
    expect(out.results[1].data).toMatchObject({ recordCount: 1_200_000, yearsCovered: 10 });
    expect(out.report.notKnown).toEqual({ Records: 1, Years: 1 });
    expect(out.report.approximate).toEqual({ Records: 1, Years: 1 });
  });

  it("free-text known issues become typed quirks, keeping the text", () => {
    const out = run("data", ["Entity", "Source table", "Known issues"], [["Patients", "PAT", "ICD-9 codes before 2015; some merged patients; PCP has 3 NPIs"]], { acceptSuggestions: true });
    const quirks = out.results[0].data?.quirks as { kind: string; description: string }[];
    expect(quirks.map((q) => q.kind)).toEqual(["icd9_unconverted", "unmerged_patients", "multiple_identifiers"]);
    expect(quirks[2].description).toBe("PCP has 3 NPIs");
    const unconfirmed = run("data", ["Entity", "Source table", "Known issues"], [["Patients", "PAT", "some merged patients"]]);
    expect((unconfirmed.results[0].data?.quirks as { kind: string }[])[0].kind).toBe("other");
  });

  it("a 'Probability' column of words is read as the likelihood on the matrix", () => {
    const out = run("risks", ["Risk", "Probability", "Impact"], [["A", "High", "Med"], ["B", "Very High", "2"], ["C", "40%", "Low"]], { acceptSuggestions: true });
    expect(out.mapping).toEqual(["title", "likelihood", "impact"]);
    expect(out.results.map((r) => [r.data?.likelihood, r.data?.impact])).toEqual([[4, 3], [5, 2], [3, 2]]);
  });

  it("unmapped values hold back only their rows, with the suggestion in the message", () => {
    const out = run("integrations", ["Interface", "Kind", "Standard", "Direction"], [["A", "Lab results", "HL7", "In"], ["B", "Lab results", "HL7", "Sideways"]]);
    expect(out.rows).toMatchObject({ ok: 1, error: 1 });
    expect(out.results[1].errors?.[0].column).toBe("Direction");
  });

  it("rows that the value mapping would make identical keep their own words in the key", () => {
    const out = run("data", ["Data", "Where it lives"], [["Patients", "PrimeSuite"], ["Patient demographics - guardians", "PrimeSuite"]], { acceptSuggestions: true });
    expect(out.rows.error).toBe(0);
    expect(out.results.map((r) => r.data?.sourceObject)).toEqual(["PrimeSuite", "PrimeSuite (Patient demographics - guardians)"]);
  });
});

describe("the engagement's systems in the value mapping", () => {
  it("a status naming the destination is done, the source not started; without the systems it waits for the consultant", () => {
    const spec = inventorySpec("integrations");
    const headers = ["Interface", "Kind", "Standard", "Direction", "Status"];
    const rows = [["Quest results", "Lab results", "HL7", "In", "Live in Epic"], ["Old fax", "Lab results", "HL7", "In", "Retired"]].map((cells, i) => ({ row: i + 2, cells: cells as Cell[] }));
    const mapping = suggestMapping(spec, headers);
    const input = { spec, headers, mapping, rows, existing: [], options: { acceptSuggestions: true } };
    const status = (out: ReturnType<typeof prepareAndClassify>) => out.report.values.find((v) => v.column === "status")!.values.map((v) => [v.value, v.suggested]);
    const toEpic = prepareAndClassify({ ...input, systems: { source: "NextGen", destination: "Epic" } });
    expect(status(toEpic)).toEqual([["Live in Epic", "done"], ["Retired", undefined]]);
    expect(toEpic.results.map((r) => r.status)).toEqual(["create", "error"]);
    expect(toEpic.results[1].errors?.[0].column).toBe("Status");
    expect(status(prepareAndClassify({ ...input, systems: { source: "Epic", destination: "Custom" } }))).toEqual([["Live in Epic", "not_started"], ["Retired", undefined]]);
    expect(status(prepareAndClassify(input))).toEqual([["Live in Epic", undefined], ["Retired", undefined]]);
  });
});

describe("a chunk of rows at a time (bounded memory)", () => {
  const spec = inventorySpec("data");
  const headers = ["Data", "Where it lives", "Records", "Known issues"];
  const rows = [
    ["Patients", "PrimeSuite", "~5k", "ICD-9 codes before 2015"],
    ["Total rows: 4", null, null, null],
    ["Allergies", "PrimeSuite", "n/a", null],
    ["Patient demographics - guardians", "PrimeSuite", "1.2M", "some merged patients"],
    ["Allergies", "PrimeSuite", "12", null], // the same key as row 4: a duplicate, found across chunks
    ["Patients", "PrimeSuite", "148,212", null], // the same words as row 2: a real duplicate too
    ["Encounters", "PrimeSuite", "Sideways", null],
  ].map((cells, i) => ({ row: i + 2, cells: cells as Cell[] }));
  const mapping = suggestMapping(spec, headers);
  const input = { spec, headers, mapping, rows, existing: [], options: { acceptSuggestions: true } };

  it.each([1, 2, 3, 100])("chunks of %i rows give the whole file's results, counts and report", (size) => {
    const whole = prepareAndClassify(input);
    const results: RowResult[] = [];
    const calls: number[] = [];
    const out = prepareAndClassifyInChunks(input, size, (chunk) => {
      calls.push(chunk.length);
      results.push(...chunk);
    });
    expect(results).toEqual(whole.results);
    expect(out.counts).toEqual(whole.counts);
    expect(out.rows).toEqual(whole.rows);
    expect(out.report).toEqual(whole.report);
    expect(calls.length).toBe(Math.ceil(6 / size)); // the totals row is not data
    // what the file holds, checked once: the guardians row keeps its words, both duplicates fail
    expect(whole.results.find((r) => r.row === 5)?.data?.sourceObject).toBe("PrimeSuite (Patient demographics - guardians)");
    expect(whole.results.filter((r) => r.status === "error").map((r) => r.row)).toEqual([6, 7]);
  });
});
