import { describe, expect, it } from "vitest";
import { RiskMatrixSchema } from "@/lib/engagement-format/schema";
import { inventorySpec } from "@/lib/import-export/columns";
import { distinctValues, resolveValue, suggestValue } from "@/lib/import-export/value-mapping";
import { numericScaleOf } from "@/lib/import-export/synonyms";

const matrix = RiskMatrixSchema.parse({});
const col = (inv: Parameters<typeof inventorySpec>[0], id: string) => inventorySpec(inv).columns.find((c) => c.id === id)!;
const suggest = (inv: Parameters<typeof inventorySpec>[0], id: string, value: string, header = id, values: string[] = [value]) =>
  suggestValue(col(inv, id), value, { header, matrix, scale: numericScaleOf(values, header) });

describe("healthcare synonyms", () => {
  it.each([
    ["HL7 v2.5.1", "hl7v2"], ["HL7 2.3", "hl7v2"], ["HL7 v2.6 (IHE PCD)", "hl7v2"], ["X12 837P 5010", "x12"], ["X12 270/271", "x12"],
    ["NCPDP SCRIPT 2017071", "ncpdp_script"], ["FHIR R4 (SMART)", "fhir_r4"], ["FHIR R4 Bulk Data", "fhir_r4"], ["Direct", "ccda"],
    ["SFTP flat file", "file_sftp"], ["CCD/C-CDA R2.1", "ccda"], ["REST API", "proprietary_api"],
  ])("standard %s → %s", (v, code) => {
    expect(suggest("integrations", "standard", v).target).toBe(code);
  });

  it.each([
    ["Mitigating", "in_progress"], ["In progress", "in_progress"], ["Open - monitoring", "in_progress"], ["On hold", "blocked"], ["Complete", "done"],
  ])("work status %s → %s", (v, code) => {
    expect(suggest("integrations", "status", v).target).toBe(code);
  });

  // The status is the MIGRATION work's (the field's help text): a client's word for an interface or report that
  // runs in the source system today says nothing has been done to move it — Not started, as a suggestion to confirm.
  it.each([
    "live", "Live", "LIVE", "Live ", "in production", "In Production", "IN PRODUCTION", "production", "Production (live)", "prod", "Prod", "PROD",
    "In prod", "Active", "active", "Active - needs rework", "Current", "In use", "Operational", "Running", "Up and running", "Not live", "Not yet live", "Pre-live",
  ])("source-system status %j → not started (integrations and reports)", (v) => {
    for (const inv of ["integrations", "reports"] as const) expect(suggest(inv, "status", v)).toEqual({ target: "not_started", how: "synonym" });
  });

  it.each([["Live in new EMR", "done"], ["Live in destination", "done"], ["Active in target system", "done"], ["Live in legacy", "not_started"], ["Live at all sites", "not_started"], ["Build", "in_progress"], ["Testing", "in_progress"]])(
    "work status %j → %s (live in the new system is done)",
    (v, code) => {
      expect(suggest("integrations", "status", v).target).toBe(code);
    },
  );

  // "Retired" in the source says the source no longer uses it, not where its migration stands — and the work
  // status has no "won't migrate" (an interface's Transition strategy has Retire): the consultant chooses
  it.each(["Retired", "retired", "Decommissioned", "Decommissioned 2019", "Sunset", "Turned off", "Inactive", "Obsolete", "Deprecated"])(
    "work status %j has no suggestion (integrations and reports)",
    (v) => {
      for (const inv of ["integrations", "reports"] as const) expect(suggest(inv, "status", v)).toEqual({ target: undefined, how: "none" });
    },
  );

  it("the same words keep their meaning where the vocabulary has one", () => {
    expect(suggest("integrations", "transitionStrategy", "Decommission").target).toBe("retire");
    expect(suggest("risks", "status", "Retired").target).toBe("closed");
  });

  // "Live in Epic" is done when Epic is the destination, not started when it is the source, and says
  // nothing when the engagement names neither (or another product)
  it.each([
    ["Live in Epic", { source: "athenaOne", destination: "Epic" }, "done"],
    ["Live in Epic", { source: "Epic Systems", destination: "Custom (in-house)" }, "not_started"],
    ["In production on Oracle Health", { source: "Cerner Millennium (Oracle Health)", destination: "Epic" }, "not_started"],
    ["live on epic", { source: "NextGen", destination: "Epic Systems" }, "done"],
    ["Live in Epic", { source: "NextGen", destination: "athenaOne" }, undefined],
    ["Live in Epic", { source: "", destination: "" }, undefined],
    ["Live in Epic", undefined, undefined],
  ] as const)("work status %j with systems %j → %s", (v, systems, code) => {
    for (const inv of ["integrations", "reports"] as const) {
      const r = suggestValue(col(inv, "status"), v, { header: "Status", matrix, scale: null, systems });
      expect(r).toEqual(code ? { target: code, how: "synonym" } : { target: undefined, how: "none" });
    }
  });

  it.each([["Open - monitoring", "monitoring"], ["Mitigating", "open"], ["Accepted", "monitoring"], ["Closed", "closed"]])("risk status %s → %s", (v, code) => {
    expect(suggest("risks", "status", v).target).toBe(code);
  });

  it.each([["Scanned charts", "scanned_documents"], ["Patients / Demographics", "patient_demographics"], ["Diagnoses", "problems"], ["Care Plans", "other"]])("entity %s → %s", (v, code) => {
    expect(suggest("data", "entity", v).target).toBe(code);
  });

  it("fuzzy matching catches typos", () => {
    expect(suggest("integrations", "direction", "Bidirectonal")).toEqual({ target: "bidirectional", how: "fuzzy" });
  });

  it("yes/no answer the header's question", () => {
    expect(suggest("data", "decision", "Y", "Migrate?").target).toBe("migrate");
    expect(suggest("data", "decision", "N", "Migrate?").target).toBe("do_not_migrate");
    expect(suggest("workflows", "disposition", "N", "Must stay the same?").target).toBe("may_change");
    expect(suggest("workflows", "disposition", "no", "Can we change it?").target).toBe("must_survive");
  });
});

describe("scales", () => {
  it("High / Med / Low / Very High onto a severity vocabulary", () => {
    expect(suggest("integrations", "clinicalImpact", "Very High").target).toBe("critical");
    expect(suggest("integrations", "clinicalImpact", "Med").target).toBe("medium");
    expect(suggest("integrations", "complexity", "H").target).toBe("complex");
  });
  it("a 1–5 clinical priority: 1 is the highest", () => {
    const values = ["1", "2", "3", "4", "5"];
    expect(suggest("integrations", "clinicalImpact", "1", "Clinical Priority (1-5)", values).target).toBe("critical");
    expect(suggest("integrations", "clinicalImpact", "5", "Clinical Priority (1-5)", values).target).toBe("low");
    expect(suggest("integrations", "clinicalImpact", "3", "Clinical Priority (1-5)", values).target).toBe("medium");
  });
  it("a 1–5 complexity score: 5 is the highest", () => {
    const values = ["1", "3", "5"];
    expect(suggest("workflows", "complexity", "5", "How hard? (1-5)", values).target).toBe("high");
    expect(suggest("workflows", "complexity", "4 - hard", "How hard? (1-5)", values).target).toBe("high");
  });
  it("words and percentages onto the engagement's risk matrix", () => {
    expect(suggest("risks", "likelihood", "High").target).toBe(4);
    expect(suggest("risks", "likelihood", "Very High").target).toBe(5);
    expect(suggest("risks", "likelihood", "Low").target).toBe(2);
    expect(suggest("risks", "likelihood", "40%").target).toBe(3);
    expect(suggest("risks", "impact", "3")).toEqual({ target: 3, how: "exact" });
    const small = RiskMatrixSchema.parse({ size: 3, likelihoodLabels: ["Low", "Medium", "High"], impactLabels: ["Low", "Medium", "High"], likelihoodProbabilities: [0.1, 0.4, 0.8] });
    expect(suggestValue(col("risks", "likelihood"), "Very High", { header: "Likelihood", matrix: small, scale: null }).target).toBe(3);
  });
});

describe("the value-mapping table", () => {
  it("distinct values with counts; unmapped values stay unmapped unless suggestions are accepted", () => {
    const direction = col("integrations", "direction");
    const table = distinctValues([{ index: 0, col: direction, header: "Dir." }], [{ cells: ["In"] }, { cells: ["in"] }, { cells: ["Bi"] }, { cells: ["zzz"] }, { cells: [null] }], matrix);
    expect(table[0].values.map((v) => [v.value, v.count])).toEqual([["Bi", 1], ["in", 1], ["In", 1], ["zzz", 1]]);
    const bi = table[0].values.find((v) => v.value === "Bi")!;
    expect(resolveValue(bi, undefined, "Bi", false)).toBeUndefined();
    expect(resolveValue(bi, undefined, "Bi", true)).toBe("bidirectional");
    expect(resolveValue(bi, { Bi: "inbound" }, "Bi", false)).toBe("inbound");
    const zzz = table[0].values.find((v) => v.value === "zzz")!;
    expect(resolveValue(zzz, undefined, "zzz", true)).toBeUndefined();
  });
});
