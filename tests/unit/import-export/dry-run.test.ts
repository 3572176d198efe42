import { describe, expect, it } from "vitest";
import { INVENTORY_SPECS } from "@/lib/import-export/columns";
import { classifyRows, type ExistingRow } from "@/lib/import-export/dry-run";
import { suggestMapping } from "@/lib/import-export/headers";
import { IntegrationSchema, RiskSchema, WorkflowItemSchema } from "@/lib/engagement-format/schema";
import type { Cell } from "@/lib/import-export/normalize";

const integrations = INVENTORY_SPECS.integrations;

function run(spec: typeof integrations, headers: string[], rows: Cell[][], existing: ExistingRow[] = []) {
  return classifyRows({ spec, headers, mapping: suggestMapping(spec, headers), rows: rows.map((cells, i) => ({ row: i + 2, cells })), existing });
}

const quest = IntegrationSchema.parse({ name: "Quest results", kind: "lab_results", standard: "hl7v2", direction: "inbound", partner: "Quest", replacementPlan: "Native" });

describe("dry-run classification", () => {
  const headers = ["Name", "Kind", "Standard", "Direction", "Partner"];

  it("create / update / unchanged / error, matched case-insensitively on the natural key", () => {
    const out = run(integrations, headers, [
      ["quest RESULTS", "Lab results", "HL7 v2", "Inbound", "Quest"], // same as stored (key case differs → name change)
      ["Quest results 2", "Lab results", "HL7", "inbound", "Quest"], // new
      ["Surescripts", "eRx", "NCPDP", "Sideways", "Surescripts"], // bad direction
    ], [{ id: "i1", version: 3, row: quest }]);
    expect(out.counts).toEqual({ create: 1, update: 1, unchanged: 0, error: 1 });
    const [first, second, third] = out.results;
    expect(first).toMatchObject({ row: 2, status: "update", id: "i1", version: 3, changes: [{ column: "Name", from: "Quest results", to: "quest RESULTS" }] });
    expect(second).toMatchObject({ row: 3, status: "create", data: { name: "Quest results 2", standard: "hl7v2", sourceEndpoint: "" } });
    expect(third).toMatchObject({ row: 4, status: "error", label: "Surescripts", errors: [{ column: "Direction", message: "“Sideways” is not one of: Inbound, Outbound, Bidirectional" }] });
  });

  it("an identical row is unchanged; columns missing from the file keep their stored values", () => {
    const out = run(integrations, headers, [["Quest results", "lab_results", "hl7v2", "inbound", "Quest"]], [{ id: "i1", version: 1, row: quest }]);
    expect(out.counts).toEqual({ create: 0, update: 0, unchanged: 1, error: 0 });
    // replacementPlan is not in the file: "Native" stays
    const changed = run(integrations, headers, [["Quest results", "lab_results", "hl7v2", "inbound", "LabCorp"]], [{ id: "i1", version: 1, row: quest }]);
    expect(changed.results[0]).toMatchObject({ status: "update", data: { partner: "LabCorp", replacementPlan: "Native" }, changes: [{ column: "Partner", from: "Quest", to: "LabCorp" }] });
  });

  it("a blank cell in a mapped column is 'no value'; blank rows are skipped and counted", () => {
    const out = run(integrations, headers, [["Quest results", "lab_results", "hl7v2", "inbound", ""], [null, null, "", "  ", null]], [{ id: "i1", version: 1, row: quest }]);
    expect(out.blankRows).toBe(1);
    expect(out.results[0]).toMatchObject({ status: "update", data: { partner: "" } });
  });

  it("required fields of a new row and the key are reported by column", () => {
    const out = run(integrations, headers, [["", "Lab results", "HL7", "Inbound", "x"], ["New one", "", "HL7", "Inbound", "x"]]);
    expect(out.results[0].errors).toEqual([{ column: "Name", message: "is required (rows are matched on Name)" }]);
    expect(out.results[1].errors).toEqual([{ column: "Kind", message: "is required" }]);
  });

  it("a key repeated in the file is an error on the later row", () => {
    const out = run(integrations, headers, [["A", "eRx", "NCPDP", "Outbound", ""], ["a ", "eRx", "NCPDP", "Outbound", ""]]);
    expect(out.results[1]).toMatchObject({ status: "error", errors: [{ column: "Name", message: "same Name as row 2: each integration may appear once in the file" }] });
  });

  it("workflows: an unmapped Department is part of the key as blank", () => {
    const spec = INVENTORY_SPECS.workflows;
    const stored = WorkflowItemSchema.parse({ kind: "order_set", name: "Chest pain", quantity: 3 });
    const out = run(spec, ["Type", "Workflow", "Qty"], [["Order set", "chest pain", "3"], ["Order set", "Sepsis", "1"]], [{ id: "w1", version: 1, row: stored }]);
    expect(out.results.map((r) => r.status)).toEqual(["update", "create"]);
  });

  it("risks: labels for levels, three-point groups, and range errors in plain words", () => {
    const spec = INVENTORY_SPECS.risks;
    const headers = ["Title", "Likelihood", "Impact", "Schedule min", "Schedule likely", "Schedule max", "Cost likely", "Effort impact workstream", "Probability"];
    const out = run(spec, headers, [
      ["A", "Likely", "Severe", "2", "4", "8", "$120,000", "", "35%"],
      ["B", "2", "3", "", "3", "", "", "", ""],
      ["C", "6", "3", "8", "4", "2", "", "", ""],
      ["D", "2", "3", "1", "", "", "", "", ""],
      ["E", "2", "3", "", "", "", "$5", "Data migration", ""],
      ["F", "2", "3", "", "", "", "", "", "250%"],
    ]);
    expect(out.results[0]).toMatchObject({ status: "create", data: { likelihood: 4, impact: 5, probability: 0.35, scheduleImpactWeeks: { min: 2, likely: 4, max: 8 }, costImpact: { kind: "amount", min: 12_000_000, likely: 12_000_000, max: 12_000_000 } } });
    expect(out.results[1]).toMatchObject({ status: "create", data: { scheduleImpactWeeks: { min: 3, likely: 3, max: 3 }, costImpact: null } });
    expect(out.results[2].errors).toEqual([
      { column: "Likelihood", message: "“6” is outside this engagement's 5×5 matrix (use 1–5 or Rare … Almost certain)" },
    ]);
    expect(out.results[3].errors?.[0].message).toMatch(/min, most likely and max weeks/);
    expect(out.results[4].errors?.[0].message).toMatch(/either in dollars or as extra effort/);
    expect(out.results[5].errors).toEqual([{ column: "Probability", message: "must be at most 100% (it is 250%)" }]);
  });

  it("numbers too large for the database are row errors, not failed applies", () => {
    const out = run(INVENTORY_SPECS.risks, ["Title", "Likelihood", "Impact", "Mitigation cost ($)"], [["Big", "2", "3", "$25,000,000"]]);
    expect(out.results[0].errors).toEqual([{ column: "Mitigation cost ($)", message: "is too large (at most $21,474,836.47)" }]);
  });

  it("risks: min > max is reported on the schedule columns", () => {
    const spec = INVENTORY_SPECS.risks;
    const out = run(spec, ["Title", "Likelihood", "Impact", "Schedule min", "Schedule likely", "Schedule max"], [["C", "2", "3", "8", "4", "2"]]);
    expect(out.results[0].errors).toEqual([{ column: "Schedule likely", message: "needs min ≤ most likely ≤ max" }]);
  });

  it("risks: an effort impact needs its workstream and percentages", () => {
    const spec = INVENTORY_SPECS.risks;
    const stored = RiskSchema.parse({ title: "X", likelihood: 2, impact: 2 });
    const out = run(spec, ["Title", "Effort impact workstream", "Effort impact min (%)", "Effort impact likely (%)", "Effort impact max (%)"], [["x", "Data migration", "10%", "25%", "50%"]], [{ id: "r1", version: 1, row: stored }]);
    expect(out.results[0]).toMatchObject({ status: "update", data: { costImpact: { kind: "effort_share", workstream: "data_migration", min: 0.1, likely: 0.25, max: 0.5 }, likelihood: 2 } });
  });
});
