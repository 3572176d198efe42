// Text without control characters and dates within 1900–2100, at every shared building block: the form
// builders, the contract (JSON import, spreadsheet import, CLI) and the assumptions form.
import { describe, expect, it } from "vitest";
import { CONTROL_CHARACTER_MESSAGE, DATE_RANGE_MESSAGE, hasControlCharacter } from "@/lib/input-rules";
import { isoDateField, optionalText, requiredText } from "@/lib/form-fields";
import { optionalIsoDateField } from "@/lib/inventories/form-fields";
import { EngagementCoreSchema, IntegrationSchema, RiskSchema } from "@/lib/engagement-format/schema";
import { EngagementFormSchema } from "@/lib/engagements/schema";

describe("control characters", () => {
  it("are every C0 control but tab, LF and CR, plus DEL and C1", () => {
    for (let c = 0; c < 0x20; c++) expect(hasControlCharacter(`a${String.fromCharCode(c)}b`), `U+${c.toString(16)}`).toBe(![9, 10, 13].includes(c));
    expect(hasControlCharacter("\u007f")).toBe(true);
    expect(hasControlCharacter("\u0085")).toBe(true);
    expect(hasControlCharacter("Café – “quoted” ✓ 日本")).toBe(false);
  });

  it("are refused by the form text builders with a field message", () => {
    for (const schema of [requiredText(200), optionalText(2000)]) {
      const r = schema.safeParse("Lab\u0000 results");
      expect(r.success).toBe(false);
      if (!r.success) expect(r.error.issues[0].message).toBe(CONTROL_CHARACTER_MESSAGE);
      expect(schema.safeParse("Line one\nline two\twith a tab").success).toBe(true);
    }
  });

  it("are refused by the contract (JSON and spreadsheet import)", () => {
    const r = IntegrationSchema.safeParse({ name: "Lab\u0000", kind: "lab_orders", standard: "hl7v2", direction: "inbound" });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]).toMatchObject({ path: ["name"], message: CONTROL_CHARACTER_MESSAGE });
    expect(RiskSchema.safeParse({ title: "ok", likelihood: 1, impact: 1, cause: "bell\u0007" }).success).toBe(false);
  });
});

describe("dates", () => {
  it.each(["0000-01-01", "1899-12-31", "2101-01-01", "9999-12-31"])("%s is refused by forms and the contract", (d) => {
    const form = isoDateField().safeParse(d);
    expect(form.success).toBe(false);
    if (!form.success) expect(form.error.issues[0].message).toBe(DATE_RANGE_MESSAGE);
    expect(optionalIsoDateField().safeParse(d).success).toBe(false);
    expect(RiskSchema.safeParse({ title: "t", likelihood: 1, impact: 1, nextReviewDate: d }).success).toBe(false);
  });

  it.each(["1900-01-01", "2027-03-15", "2100-12-31"])("%s is accepted", (d) => {
    expect(isoDateField().parse(d)).toBe(d);
    expect(optionalIsoDateField().parse(d)).toBe(d);
  });

  it("the engagement form and the contract agree", () => {
    const profile = { providers: 1, locations: 1, specialties: 1, staffUsers: 1, activePatients: 1, yearsOfData: 1, sourceSystemCount: 1 };
    const core = { clientName: "c", name: "n", migrationType: "A", sourceSystem: "", destinationSystem: "", plannedStart: "0000-01-01", profile };
    expect(EngagementCoreSchema.safeParse(core).success).toBe(false);
    const { profile: _p, ...fields } = core;
    const form = EngagementFormSchema.safeParse({ ...fields, ...Object.fromEntries(Object.entries(profile).map(([k, v]) => [k, String(v)])), currency: "USD", status: "scoping" });
    expect(form.success).toBe(false);
    expect(EngagementFormSchema.safeParse({ ...fields, ...Object.fromEntries(Object.entries(profile).map(([k, v]) => [k, String(v)])), currency: "USD", status: "scoping", plannedStart: "2027-01-01" }).success).toBe(true);
  });
});

describe("the spreadsheet import says so per cell", () => {
  it("a NUL in a text cell and a year-0 date are row errors with the column, not a database failure later", async () => {
    const { INVENTORY_SPECS } = await import("@/lib/import-export/columns");
    const { classifyRows } = await import("@/lib/import-export/dry-run");
    const { suggestMapping } = await import("@/lib/import-export/headers");
    const spec = INVENTORY_SPECS.risks;
    const headers = ["Title", "Likelihood", "Impact", "Next review"];
    const out = classifyRows({
      spec,
      headers,
      mapping: suggestMapping(spec, headers),
      rows: [
        { row: 2, cells: ["Vendor\u0000 slips", "2", "3", "2027-01-01"] },
        { row: 3, cells: ["Vendor slips", "2", "3", "0000-01-01"] },
      ],
      existing: [],
    });
    expect(out.counts.error).toBe(2);
    expect(out.results[0].errors?.[0]).toMatchObject({ column: "Title", message: expect.stringMatching(/control characters/) });
    expect(out.results[1].errors?.[0]?.message).toMatch(/1900 and 2100|not a date/);
  });
});
