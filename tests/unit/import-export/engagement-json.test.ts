import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEngagementDocument, stripNpmBanner } from "@/lib/import-export/engagement-json";
import { ENGAGEMENT_SCHEMA_PATH, engagementJsonSchemaText } from "@/lib/engagement-format/json-schema";
import { withSpreadsheetColumns } from "@/lib/import-export/docs";

const ROOT = path.resolve(__dirname, "../../..");
const fixture = fs.readFileSync(path.join(ROOT, "tests/fixtures/engagements/mid-size-type-a.json"), "utf8");

describe("whole-engagement JSON", () => {
  it("reads an exported document", () => {
    const r = parseEngagementDocument(fixture);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.document.risks.length).toBeGreaterThan(0);
  });
  it("skips the banner npm prints when stdout is redirected", () => {
    const withBanner = `\n> sounding@0.1.0 engagement\n> tsx scripts/engagement.ts export abc\n\n${fixture}`;
    expect(stripNpmBanner(withBanner).startsWith("{")).toBe(true);
    expect(parseEngagementDocument(withBanner).ok).toBe(true);
  });
  it("syntax errors say where", () => {
    const r = parseEngagementDocument('{\n  "format": "sounding.engagement",\n  "version": 1,,\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ path: "(file)", message: expect.stringMatching(/is not valid JSON \(line 3, column \d+\)/) });
  });
  it("a file that is not ours, or from a newer version, is named as such", () => {
    const foreign = parseEngagementDocument('{"name": "x"}');
    expect(!foreign.ok && foreign.problems[0]).toMatchObject({ path: "format", message: expect.stringMatching(/not a Sounding engagement file/) });
    const newer = parseEngagementDocument(JSON.stringify({ ...JSON.parse(fixture), version: 2 }));
    expect(!newer.ok && newer.problems[0]).toMatchObject({ path: "version", message: expect.stringMatching(/newer Sounding/) });
  });
  it("schema problems come with JSON paths in plain words", () => {
    const doc = JSON.parse(fixture);
    doc.risks[3].likelihood = 9;
    doc.dataEntities[1].recordCount = "lots";
    doc.engagement.clientName = "";
    delete doc.integrations[0].kind;
    doc.workflows[0].colour = "red";
    const r = parseEngagementDocument(JSON.stringify(doc));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual(expect.arrayContaining([
      { path: "risks[3].likelihood", message: "must be at most 7 (it is 9)" },
      { path: "dataEntities[1].recordCount", message: "must be a number" },
      { path: "engagement.clientName", message: "is required" },
      { path: "integrations[0].kind", message: "is required" },
      { path: "workflows[0]", message: "unknown field: colour" },
    ]));
  });
  it("rows that collide on their natural key are refused", () => {
    const doc = JSON.parse(fixture);
    doc.risks.push({ ...doc.risks[0], title: `  ${doc.risks[0].title.toUpperCase()} ` });
    const r = parseEngagementDocument(JSON.stringify(doc));
    expect(!r.ok && r.problems).toEqual([{ path: `risks[${doc.risks.length - 1}]`, message: "repeats risks[0] (same title); each row must be unique" }]);
  });
});

describe("docs/engagement-format.schema.json", () => {
  it("is generated from the zod contract and committed current (npx tsx scripts/gen-engagement-schema.ts)", () => {
    const committed = fs.readFileSync(path.join(ROOT, ENGAGEMENT_SCHEMA_PATH), "utf8");
    expect(committed).toBe(engagementJsonSchemaText());
  });
  it("docs/engagement-format.md's column tables are generated from the column specs and current", () => {
    const doc = fs.readFileSync(path.join(ROOT, "docs/engagement-format.md"), "utf8");
    expect(doc).toBe(withSpreadsheetColumns(doc));
    expect(doc).toContain("| Record count |");
  });
  it("describes the document: required parts and vocabularies", () => {
    const schema = JSON.parse(engagementJsonSchemaText());
    expect(schema.required).toEqual(expect.arrayContaining(["format", "version", "engagement"]));
    expect(schema.properties.format.const).toBe("sounding.engagement");
    expect(schema.properties.dataEntities.items.properties.decision.enum).toContain("archive_only");
  });
});
