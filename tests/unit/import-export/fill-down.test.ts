// Vertically merged cells in an XLSX: a "System" cell merged over the 5 rows of its interfaces applies to all 5.
// The merges are read from the worksheet XML during the zip inspection (the streaming reader ignores them).
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { INVENTORY_SPECS } from "@/lib/import-export/columns";
import { fillDownMerges, parseSpreadsheet } from "@/lib/import-export/parse";
import { inspectXlsx, parseRange } from "@/lib/import-export/limits";
import { suggestMapping } from "@/lib/import-export/headers";
import { prepareAndClassify } from "@/lib/import-export/prepare";
import { RiskMatrixSchema } from "@/lib/engagement-format/schema";

const spec = INVENTORY_SPECS.integrations;

async function workbook(build: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Interfaces");
  build(ws, wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("merged ranges", () => {
  it("parses a range reference", () => {
    expect(parseRange("B3:B7")).toEqual({ top: 3, left: 2, bottom: 7, right: 2 });
    expect(parseRange("$AA$10:$AB$12")).toEqual({ top: 10, left: 27, bottom: 12, right: 28 });
    expect(parseRange("B3")).toBeNull();
  });

  it("are collected per worksheet while the zip is inspected", async () => {
    const bytes = await workbook((ws, wb) => {
      ws.addRow(["Interface", "System"]);
      for (let i = 0; i < 5; i++) ws.addRow([`I${i}`, i === 0 ? "Epic" : null]);
      ws.mergeCells("B2:B6");
      ws.mergeCells("A8:C8");
      wb.addWorksheet("Other").addRow(["x"]);
    });
    const { merges } = inspectXlsx(bytes);
    expect(merges.get(1)).toEqual([{ top: 2, left: 2, bottom: 6, right: 2 }, { top: 8, left: 1, bottom: 8, right: 3 }]);
    expect(merges.get(2)).toEqual([]);
  });
});

describe("fill-down of vertically merged cells", () => {
  it("a System cell merged over 5 rows applies to all 5, with a note; the dry run sees it on every row", async () => {
    const bytes = await workbook((ws) => {
      ws.addRow(["Integration list — Mercy General"]);
      ws.addRow([]);
      ws.addRow(["Interface", "Source endpoint", "Partner", "Format", "Direction"]);
      const rows = [
        ["Lab results", "Cerner Millennium", "Quest", "HL7 v2.5.1", "Inbound"],
        ["Lab orders", null, "Quest", "HL7 v2.5.1", "Outbound"],
        ["ADT feed", null, "HIE", "HL7 v2.5.1", "Outbound"],
        ["Radiology results", null, "RadNet", "HL7 2.3", "Inbound"],
        ["Claims", null, "Availity", "X12 837P", "Outbound"],
        ["eRx", "Surescripts hub", "Surescripts", "NCPDP SCRIPT 2017071", "Outbound"],
      ];
      for (const r of rows) ws.addRow(r);
      ws.mergeCells("B4:B8");
    });
    const parsed = await parseSpreadsheet("interfaces.xlsx", bytes, spec);
    expect(parsed.headerRow).toBe(3);
    const system = parsed.headers.indexOf("Source endpoint");
    expect(parsed.rows.map((r) => r.cells[system])).toEqual(["Cerner Millennium", "Cerner Millennium", "Cerner Millennium", "Cerner Millennium", "Cerner Millennium", "Surescripts hub"]);
    expect(parsed.filledDown).toEqual({ ranges: 1, cells: 4, columns: [{ header: "Source endpoint", ranges: ["B4:B8"], cells: 4 }] });

    // and the value reaches the rows the dry run would write
    const mapping = suggestMapping(spec, parsed.headers);
    const column = mapping[system];
    expect(column).not.toBeNull();
    const out = prepareAndClassify({ spec, headers: parsed.headers, mapping, rows: parsed.rows, existing: [], riskMatrix: RiskMatrixSchema.parse({}), options: { acceptSuggestions: true } });
    const written = out.results.filter((r) => r.data).map((r) => JSON.stringify(r.data));
    expect(written.filter((d) => d.includes("Cerner Millennium"))).toHaveLength(5);
  });

  it("leaves header merges, one-row merges, blank separator rows and filled cells alone", () => {
    const rows = [
      { row: 2, cells: ["A", "Epic", "x"] },
      { row: 3, cells: ["B", null, "y"] },
      { row: 4, cells: [null, null, null] }, // a blank separator inside the range
      { row: 5, cells: ["C", "Other", "z"] }, // a value of its own
      { row: 7, cells: ["D", null, "w"] }, // row 6 is not in the sheet
    ];
    const filled = fillDownMerges(rows, [
      { top: 2, left: 2, bottom: 7, right: 2 },
      { top: 1, left: 1, bottom: 2, right: 1 }, // reaches the header row
      { top: 3, left: 1, bottom: 3, right: 3 }, // one row
    ], 1, ["Name", "System", "Notes"]);
    expect(rows.map((r) => r.cells)).toEqual([["A", "Epic", "x"], ["B", "Epic", "y"], [null, null, null], ["C", "Other", "z"], ["D", "Epic", "w"]]);
    expect(filled).toEqual({ ranges: 1, cells: 2, columns: [{ header: "System", ranges: ["B2:B7"], cells: 2 }] });
    expect(fillDownMerges(rows, [], 1)).toBeNull();
  });
});
