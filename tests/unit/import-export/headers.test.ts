import { describe, expect, it } from "vitest";
import { INVENTORY_SPECS } from "@/lib/import-export/columns";
import { canonicalHeader, checkMapping, matchHeader, suggestMapping } from "@/lib/import-export/headers";
import { INVENTORY_KEYS } from "@/lib/inventories/registry";

describe("canonical headers", () => {
  it("ignore case, spaces, punctuation, camelCase, plurals and filler words", () => {
    for (const h of ["Record count", "# records", "Approx. records", "Number of records", "recordCount", "record_count", "RECORDS", " Records ", "\uFEFFRecord Count"]) {
      expect(canonicalHeader(h), h).toBe("record");
    }
  });
});

describe("header auto-mapping", () => {
  const data = INVENTORY_SPECS.data;
  const risks = INVENTORY_SPECS.risks;
  it.each([
    ["Record count", "recordCount"], ["Approx. records", "recordCount"], ["# records", "recordCount"], ["Source table", "sourceObject"],
    ["Source object", "sourceObject"], ["SOURCE_OBJECT", "sourceObject"], ["Entity type", "entity"], ["Migrate?", "decision"],
    ["Cleanup in scope?", "cleanupInScope"], ["Known quirks", "quirks"], ["Years of data", "yearsCovered"], ["Notes", "notes"], ["Comments", "notes"],
  ])("data: %s → %s", (header, id) => {
    expect(matchHeader(data, header)).toBe(id);
  });
  it.each([
    ["Likelihood (1-5)", "likelihood"], ["Probability %", "probability"], ["Probability (%)", "probability"], ["Mitigation cost ($)", "mitigationCostCents"],
    ["Mitigation cost", "mitigationCostCents"], ["Schedule impact min (weeks)", "scheduleImpactWeeks.min"], ["Schedule impact (weeks)", "scheduleImpactWeeks.likely"],
    ["Cost impact max ($)", "costImpact.amount.max"], ["Cost impact", "costImpact.amount.likely"], ["Effort impact likely (%)", "costImpact.effort.likely"],
    ["Review date", "nextReviewDate"], ["Risk owner", "owner"], ["Risk", "title"],
  ])("risks: %s → %s", (header, id) => {
    expect(matchHeader(risks, header)).toBe(id);
  });
  it("unknown headers stay unmapped", () => {
    expect(matchHeader(data, "Favourite colour")).toBeNull();
  });
  it("every exported header maps back to its own column (export → import)", () => {
    for (const key of INVENTORY_KEYS) {
      const spec = INVENTORY_SPECS[key];
      for (const col of spec.columns) expect(matchHeader(spec, col.header), `${key}: ${col.header}`).toBe(col.id);
    }
  });
  it("no header or alias of one inventory lands on two columns", () => {
    for (const key of INVENTORY_KEYS) {
      const spec = INVENTORY_SPECS[key];
      const owner = new Map<string, string>();
      for (const col of spec.columns) {
        for (const name of [col.header, ...col.aliases]) {
          const form = canonicalHeader(name);
          const other = owner.get(form);
          expect(other === undefined || other === col.id, `${key}: “${name}” (${form}) is claimed by ${other} and ${col.id}`).toBe(true);
          owner.set(form, col.id);
          expect(matchHeader(spec, name), `${key}: ${name}`).toBe(col.id);
        }
      }
    }
  });
  it("a column is suggested once; a later duplicate header is left for the user", () => {
    expect(suggestMapping(data, ["Entity", "Source table", "Records", "Record count", "Whatever"])).toEqual(["entity", "sourceObject", "recordCount", null, null]);
  });
});

describe("mapping checks", () => {
  const spec = INVENTORY_SPECS.integrations;
  it("key columns must be mapped (blocking); other required columns warn", () => {
    const problems = checkMapping(spec, ["kind", "standard", null]);
    expect(problems.find((p) => p.kind === "missing_key")?.isBlocking).toBe(true);
    expect(problems.find((p) => p.kind === "missing_required")?.message).toMatch(/Direction/);
  });
  it("a field mapped twice blocks", () => {
    expect(checkMapping(spec, ["name", "name", "kind", "standard", "direction"]).map((p) => p.kind)).toEqual(["duplicate"]);
  });
  it("a complete mapping has no problems", () => {
    expect(checkMapping(spec, ["name", "kind", "standard", "direction", null])).toEqual([]);
  });
});
