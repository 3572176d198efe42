// Writers and the parser together (no database): export → parse → classify gives the same rows, templates
// import cleanly, formula-looking text survives, and the realistic fixtures read as intended.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { EngagementDocumentSchema } from "@/lib/engagement-format/schema";
import { INVENTORY_SPECS, type InventorySpec } from "@/lib/import-export/columns";
import { classifyRows } from "@/lib/import-export/dry-run";
import { suggestMapping } from "@/lib/import-export/headers";
import { FileProblem, parseSpreadsheet } from "@/lib/import-export/parse";
import { inventoryCsv, inventoryXlsxBuffer } from "@/lib/import-export/write";
import { INVENTORY_KEYS } from "@/lib/inventories/registry";
import { DOCUMENT_ARRAYS } from "@/lib/import-export/engagement-json";

const ROOT = path.resolve(__dirname, "../../..");
const fixtureDoc = (file: string) => EngagementDocumentSchema.parse(JSON.parse(fs.readFileSync(path.join(ROOT, "tests/fixtures/engagements", file), "utf8")));
const importFixture = (file: string) => fs.readFileSync(path.join(ROOT, "tests/fixtures/imports", file));

async function importInto(spec: InventorySpec, fileName: string, bytes: Uint8Array, existing: Record<string, unknown>[] = []) {
  const parsed = await parseSpreadsheet(fileName, bytes, spec);
  const mapping = suggestMapping(spec, parsed.headers);
  return { parsed, mapping, ...classifyRows({ spec, headers: parsed.headers, mapping, rows: parsed.rows, existing: existing.map((row, i) => ({ id: `id${i}`, version: 1, row })) }) };
}

async function bytesFor(spec: InventorySpec, rows: Record<string, unknown>[], format: "csv" | "xlsx") {
  return format === "csv" ? new TextEncoder().encode(inventoryCsv(spec, rows)) : new Uint8Array(await inventoryXlsxBuffer(spec, rows));
}

describe("export → import round trip (both fixtures, every inventory, CSV and XLSX)", () => {
  for (const file of ["mid-size-type-a.json", "mid-size-type-b.json"]) {
    const doc = fixtureDoc(file);
    for (const key of INVENTORY_KEYS) {
      for (const format of ["csv", "xlsx"] as const) {
        it(`${file} · ${key} · ${format}`, async () => {
          const spec = INVENTORY_SPECS[key];
          const rows = doc[DOCUMENT_ARRAYS[key]] as unknown as Record<string, unknown>[];
          const bytes = await bytesFor(spec, rows, format);
          const fresh = await importInto(spec, `x.${format}`, bytes);
          expect(fresh.mapping.every((m) => m !== null)).toBe(true);
          expect(fresh.counts).toEqual({ create: rows.length, update: 0, unchanged: 0, error: 0 });
          expect(fresh.results.map((r) => r.data)).toEqual(rows);
          const again = await importInto(spec, `x.${format}`, bytes, rows);
          expect(again.counts).toEqual({ create: 0, update: 0, unchanged: rows.length, error: 0 });
        });
      }
    }
  }
});

describe("templates", () => {
  for (const key of INVENTORY_KEYS) {
    it(`${key}: the example row imports as a valid new row, and the XLSX explains every column`, async () => {
      const spec = INVENTORY_SPECS[key];
      for (const format of ["csv", "xlsx"] as const) {
        const out = await importInto(spec, `t.${format}`, await bytesFor(spec, [spec.example as unknown as Record<string, unknown>], format));
        expect(out.counts).toEqual({ create: 1, update: 0, unchanged: 0, error: 0 });
      }
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await inventoryXlsxBuffer(spec, [])) as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual([spec.label, "Columns (help)"]);
      const help = wb.worksheets[1];
      const described = new Set<string>();
      help.eachRow((row) => described.add(String(row.getCell(1).value)));
      for (const col of spec.columns) expect(described.has(col.header), col.header).toBe(true);
    });
  }
});

describe("formula injection", () => {
  const spec = INVENTORY_SPECS.reports;
  const tricky = ["=HYPERLINK(\"http://evil\",\"x\")", "+SUM(1)", "-5 days", "@cmd", "\tindent", "'=already quoted", "'plain quote", "Montréal — ünïcode ✓"];
  const rows = tricky.map((t, i) => spec.schema.parse({ name: `R${i} ${t.replace(/[\t\r]/g, "")}`, kind: "operational", consumers: t }) as Record<string, unknown>);

  it("CSV cells never start with a formula character, and import restores them exactly", async () => {
    const csv = inventoryCsv(spec, rows);
    for (const line of csv.split("\r\n").slice(1)) {
      for (const cell of line.split(",")) expect(cell.replace(/^"/, "")).not.toMatch(/^[=+\-@\t\r]/);
    }
    const out = await importInto(spec, "r.csv", new TextEncoder().encode(csv));
    expect(out.results.map((r) => (r.data as { consumers: string }).consumers)).toEqual(tricky.map((t) => t.trim()));
  });

  it("XLSX text cells are neutralised too; numbers stay numbers", async () => {
    const risks = INVENTORY_SPECS.risks;
    const risk = risks.schema.parse({ title: "-= odd title", likelihood: 2, impact: 3, mitigationCostCents: 150_000, probability: 0.35 }) as Record<string, unknown>;
    const buf = await inventoryXlsxBuffer(risks, [risk]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const row = wb.worksheets[0].getRow(2);
    const col = (id: string) => row.getCell(risks.columns.findIndex((c) => c.id === id) + 1).value;
    expect(col("title")).toBe("'-= odd title");
    expect(col("likelihood")).toBe(2);
    expect(col("mitigationCostCents")).toBe(1500);
    expect(col("probability")).toBe(0.35);
    const out = await importInto(risks, "r.xlsx", new Uint8Array(buf));
    expect(out.results[0].data).toEqual(risk);
  });
});

describe("realistic files", () => {
  it("a messy data-inventory CSV (BOM, variants, blank rows, separators, labels, x, accents, quirks)", async () => {
    const out = await importInto(INVENTORY_SPECS.data, "data-inventory-messy.csv", importFixture("data-inventory-messy.csv"));
    expect(out.parsed.blankRows).toBe(2);
    expect(out.mapping).toEqual(["entity", "sourceObject", "recordCount", "yearsCovered", "decision", "destinationEntity", "mappingStatus", "cleanupInScope", "decider", "notes", "quirks"]);
    expect(out.counts).toEqual({ create: 6, update: 0, unchanged: 0, error: 0 });
    const byRow = new Map(out.results.map((r) => [r.row, r.data as Record<string, unknown>]));
    expect(byRow.get(2)).toMatchObject({ entity: "patient_demographics", recordCount: 138_400, cleanupInScope: true, notes: "Includes Lakeside Pédiatrie charts (2021)" });
    expect((byRow.get(2)!.quirks as unknown[])[0]).toMatchObject({ kind: "unmerged_patients", affectedCount: 4200, affectedShare: 0.031, cleanupDecision: "cleanup_before" });
    expect(byRow.get(5)).toMatchObject({ recordCount: 2_640_000, mappingStatus: "draft" });
    expect(byRow.get(6)).toMatchObject({ decision: "archive_only", sourceObject: "\\\\fileserver\\scans" });
    expect(byRow.get(8)!.quirks).toEqual([expect.objectContaining({ kind: "icd9_unconverted", description: "Pre-2015 problems still ICD-9; needs mapping", decider: "Coding team" })]);
    expect(byRow.get(9)).toMatchObject({ recordCount: 48_000_000, decision: "do_not_migrate", notes: '=HYPERLINK("http://evil.example")' });
  });

  it("a risk register XLSX (title row, matrix labels, serial and text dates, $ and %)", async () => {
    const out = await importInto(INVENTORY_SPECS.risks, "risk-register.xlsx", importFixture("risk-register.xlsx"));
    expect(out.parsed.headerRow).toBe(3);
    expect(out.counts).toEqual({ create: 3, update: 0, unchanged: 0, error: 0 });
    const [a, b, c] = out.results.map((r) => r.data as Record<string, unknown>);
    expect(a).toMatchObject({ likelihood: 4, impact: 4, probability: 0.35, mitigationCostCents: 1_200_000, phase: "P1", nextReviewDate: "2028-03-15", costImpact: { kind: "amount", min: 5_000_000, likely: 12_000_000, max: 25_000_000 } });
    expect(b).toMatchObject({ probability: 0.5, nextReviewDate: "2027-03-15", scheduleImpactWeeks: { min: 3, likely: 3, max: 3 }, status: "monitoring" });
    expect(c).toMatchObject({ probability: 0.2, phase: "P3", nextReviewDate: "2027-03-31", treatment: "transfer" });
  });

  it("an integrations XLSX with one bad row: that row's error names the row and the column", async () => {
    const out = await importInto(INVENTORY_SPECS.integrations, "integrations-one-bad-row.xlsx", importFixture("integrations-one-bad-row.xlsx"));
    expect(out.counts).toEqual({ create: 3, update: 0, unchanged: 0, error: 1 });
    expect(out.results.find((r) => r.status === "error")).toMatchObject({ row: 4, label: "Surescripts eRx", errors: [{ column: "Direction", message: "“Sideways” is not one of: Inbound, Outbound, Bidirectional" }] });
    const fixed = await importInto(INVENTORY_SPECS.integrations, "integrations-fixed.xlsx", importFixture("integrations-fixed.xlsx"));
    expect(fixed.counts.error).toBe(0);
  });

  it("CSV in Windows-1252, semicolons and UTF-16 are read", async () => {
    const spec = INVENTORY_SPECS.reports;
    const latin1 = new Uint8Array(Buffer.from("Name;Kind\r\nRésumé clinique;Financial\r\n", "latin1"));
    expect(latin1.includes(0xe9)).toBe(true);
    const a = await importInto(spec, "r.csv", latin1);
    expect(a.results[0].data).toMatchObject({ name: "Résumé clinique", kind: "financial" });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Name\tKind\r\nÜber report\tRegulatory\r\n", "utf16le")]);
    const b = await importInto(spec, "r.txt", utf16);
    expect(b.results[0].data).toMatchObject({ name: "Über report", kind: "regulatory" });
  });

  it("refuses what it cannot read, in plain words", async () => {
    const spec = INVENTORY_SPECS.reports;
    await expect(parseSpreadsheet("old.xls", Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]), spec)).rejects.toThrow(/Excel 97–2003/);
    await expect(parseSpreadsheet("x.csv", new Uint8Array(), spec)).rejects.toThrow(FileProblem);
    await expect(parseSpreadsheet("x.xlsx", new TextEncoder().encode("Name\nA"), spec)).rejects.toThrow(/not an Excel workbook/);
    await expect(parseSpreadsheet("broken.xlsx", Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 9, 9, 9]), spec)).rejects.toThrow(/could not be read/);
  });
});
