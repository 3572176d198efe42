// The corpus of client workbooks (tests/fixtures/imports/corpus, described in its README.md — written blind,
// without reading this code): each data sheet imports at least 95% of its real data rows once the suggested
// mappings are confirmed, and its totals / subtotal / heading rows are skipped, not imported.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { inventorySpec } from "@/lib/import-export/columns";
import { suggestMapping } from "@/lib/import-export/headers";
import { parseSpreadsheet } from "@/lib/import-export/parse";
import { prepareAndClassify, prepareAndClassifyInChunks, refineMappingByContent } from "@/lib/import-export/prepare";
import type { RowResult } from "@/lib/import-export/dry-run";
import type { InventoryKey } from "@/lib/inventories/registry";

const DIR = path.resolve(__dirname, "../../fixtures/imports/corpus");

/**
 * file, inventory, sheet (null = the one chosen automatically, checked against `expectSheet`), real data rows
 * (README), and the consultant's choices for values that get no suggestion by design (`choices`: column →
 * value → target; without them those rows are held back — checked below).
 */
const CASES: { file: string; inventory: InventoryKey; sheet?: string; expectSheet?: string | null; dataRows: number; choices?: Record<string, Record<string, string>> }[] = [
  { file: "Riverside Health - Data Inventory - DRAFT v3.xlsx", inventory: "data", expectSheet: "Data Inventory", dataRows: 27 },
  { file: "MercyValley_Legacy_Data_Assessment.xlsx", inventory: "data", expectSheet: "Data Assessment", dataRows: 34 },
  { file: "lakeshore_peds_data_inventory.csv", inventory: "data", expectSheet: null, dataRows: 18 },
  { file: "Riverside_Workflow_Catalog_v2.xlsx", inventory: "workflows", expectSheet: "Workflows", dataRows: 50 },
  { file: "Pinecrest Family Medicine - workflows to rebuild.xlsx", inventory: "workflows", expectSheet: "Workflows", dataRows: 32 },
  { file: "Riverside Health - Interface Inventory - DRAFT v3.xlsx", inventory: "integrations", expectSheet: "Interface Inventory", dataRows: 44 },
  // "retired" as a work status says the source no longer uses the interface, not how far its migration is
  // (docs/import-export.md): the consultant says what it means here — nothing left to do
  { file: "SummitOrtho_integration_list.xlsx", inventory: "integrations", expectSheet: "Integrations", dataRows: 26, choices: { status: { retired: "done" } } },
  { file: "Northgate_Reports_Inventory.xlsx", inventory: "reports", expectSheet: "Reports", dataRows: 45 },
  { file: "Cutover_Risk_Register_v7.xlsx", inventory: "risks", expectSheet: "Risk Register", dataRows: 30 },
  { file: "Cutover_Risk_Register_v7.xlsx", inventory: "risks", sheet: "Closed Risks", dataRows: 6 },
  { file: "Discovery Workbook.xlsx", inventory: "integrations", expectSheet: "Interfaces", dataRows: 18 },
  { file: "Discovery Workbook.xlsx", inventory: "reports", expectSheet: "Reports", dataRows: 16 },
  { file: "Discovery Workbook.xlsx", inventory: "data", expectSheet: "Data Sources", dataRows: 18 },
  { file: "RAID Log - All Items (SharePoint export).csv", inventory: "risks", expectSheet: null, dataRows: 22 },
];

async function dryRun(c: (typeof CASES)[number], withChoices = true) {
  const spec = inventorySpec(c.inventory);
  const parsed = await parseSpreadsheet(c.file, new Uint8Array(fs.readFileSync(path.join(DIR, c.file))), spec, c.sheet ? { sheet: c.sheet } : {});
  const mapping = refineMappingByContent(spec, suggestMapping(spec, parsed.headers), parsed.rows);
  const options = { acceptSuggestions: true, ...(withChoices && c.choices ? { valueMappings: c.choices } : {}) };
  const out = prepareAndClassify({ spec, headers: parsed.headers, mapping, rows: parsed.rows, existing: [], options });
  return { parsed, out };
}

describe("client workbooks import after only the suggested mappings are confirmed", () => {
  it.each(CASES)("$file · $inventory $sheet", async (c) => {
    const { parsed, out } = await dryRun(c);
    if (c.expectSheet !== undefined) expect(parsed.sheetName).toBe(c.expectSheet);
    // every real data row is either imported or reported as an error; nothing else is imported
    expect(out.rows.ok + out.rows.error).toBe(c.dataRows);
    expect(out.rows.ok / c.dataRows).toBeGreaterThanOrEqual(0.95);
  });

  it.each(CASES.filter((c) => c.choices))("$file · $inventory: a value without a suggestion holds back only its rows until the consultant chooses", async (c) => {
    const { out: chosen } = await dryRun(c);
    const { out } = await dryRun(c, false);
    const held = out.report.values.flatMap((v) => v.values.filter((x) => x.suggested === undefined && c.choices?.[v.column]?.[x.value] !== undefined).map((x) => ({ header: v.header, ...x })));
    expect(held.length).toBe(Object.values(c.choices!).reduce((n, m) => n + Object.keys(m).length, 0));
    const rows = held.reduce((n, h) => n + h.count, 0);
    expect(out.rows.error).toBe(chosen.rows.error + rows);
    expect(out.results.filter((r) => r.status === "error" && r.errors?.some((e) => held.some((h) => h.header === e.column && e.message.includes(h.value))))).toHaveLength(rows);
  });

  it.each(CASES)("$file · $inventory $sheet: the same outcome in chunks of 7 rows", async (c) => {
    const { parsed, out } = await dryRun(c);
    const spec = inventorySpec(c.inventory);
    const mapping = refineMappingByContent(spec, suggestMapping(spec, parsed.headers), parsed.rows);
    const results: RowResult[] = [];
    const options = { acceptSuggestions: true, ...(c.choices ? { valueMappings: c.choices } : {}) };
    const chunked = prepareAndClassifyInChunks({ spec, headers: parsed.headers, mapping, rows: parsed.rows, existing: [], options }, 7, (r) => results.push(...r));
    expect(results).toEqual(out.results);
    expect({ ...chunked, results }).toEqual(out);
  });

  it("without confirming suggestions, the same files hold rows back instead of guessing", async () => {
    const c = CASES.find((x) => x.file.startsWith("SummitOrtho"))!;
    const spec = inventorySpec(c.inventory);
    const parsed = await parseSpreadsheet(c.file, new Uint8Array(fs.readFileSync(path.join(DIR, c.file))), spec);
    const mapping = suggestMapping(spec, parsed.headers);
    const out = prepareAndClassify({ spec, headers: parsed.headers, mapping, rows: parsed.rows, existing: [] });
    expect(out.rows.ok).toBeLessThan(out.rows.error);
    expect(out.results.find((r) => r.status === "error")?.errors?.[0].message).toBeTruthy();
  });
});
