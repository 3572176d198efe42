// Bounded resources: a tiny XLSX that unpacks to a 50 MB cell, and a zip bomb, are refused before exceljs
// holds anything, quickly and without the process's memory growing by the size of what they unpack to.
import { Zip, ZipDeflate, zipSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { inventorySpec } from "@/lib/import-export/columns";
import { inspectXlsx, LimitExceeded, MAX_CELL_CHARS } from "@/lib/import-export/limits";
import { FileProblem, parseSpreadsheet } from "@/lib/import-export/parse";

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Risks" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WB_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/** A workbook whose one sheet is `head` + `fill` repeated `times` + `tail`, deflated as it is generated (never whole in memory). */
function streamedWorkbook(head: string, fill: string, times: number, tail: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  for (const [name, body] of [["[Content_Types].xml", CONTENT_TYPES], ["_rels/.rels", ROOT_RELS], ["xl/workbook.xml", WORKBOOK], ["xl/_rels/workbook.xml.rels", WB_RELS]] as const) {
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    f.push(strToU8(body), true);
  }
  const sheet = new ZipDeflate("xl/worksheets/sheet1.xml", { level: 6 });
  zip.add(sheet);
  sheet.push(strToU8(head));
  const block = strToU8(fill);
  for (let i = 0; i < times; i++) sheet.push(block);
  sheet.push(strToU8(tail), true);
  zip.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Title</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>`;
const SHEET_TAIL = `</t></is></c></row></sheetData></worksheet>`;

describe("XLSX limits", () => {
  it("a tiny XLSX holding a 50 MB cell is refused in under a second, without memory growing by the cell", async () => {
    const bytes = streamedWorkbook(SHEET_HEAD, "A".repeat(1024 * 1024), 50, SHEET_TAIL);
    expect(bytes.length).toBeLessThan(1024 * 1024); // the file itself is tiny
    const before = process.memoryUsage();
    let peak = 0;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peak = Math.max(peak, m.heapUsed + m.arrayBuffers - before.heapUsed - before.arrayBuffers);
    }, 5);
    const started = performance.now();
    const attempt = parseSpreadsheet("tiny.xlsx", bytes, inventorySpec("risks"));
    await expect(attempt).rejects.toThrow(FileProblem);
    await expect(attempt).rejects.toThrow(/more than 32,767 characters/);
    const elapsed = performance.now() - started;
    clearInterval(sampler);
    const after = process.memoryUsage();
    peak = Math.max(peak, after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers);
    expect(elapsed).toBeLessThan(1000);
    expect(peak).toBeLessThan(20 * 1024 * 1024); // far below the 50 MB the cell unpacks to
  }, 60_000); // building the test file takes seconds; the refusal itself is timed above

  it("a cell just under the limit is accepted by the inspection", () => {
    const bytes = streamedWorkbook(SHEET_HEAD, "A".repeat(MAX_CELL_CHARS - 10), 1, SHEET_TAIL);
    expect(() => inspectXlsx(bytes)).not.toThrow();
    const over = streamedWorkbook(SHEET_HEAD, "A".repeat(MAX_CELL_CHARS + 1), 1, SHEET_TAIL);
    expect(() => inspectXlsx(over)).toThrow(LimitExceeded);
  });

  it("escaped characters count as one character of the cell", () => {
    const bytes = streamedWorkbook(SHEET_HEAD, "&amp;".repeat(MAX_CELL_CHARS - 10), 1, SHEET_TAIL);
    expect(() => inspectXlsx(bytes)).not.toThrow();
  });

  it("a workbook that unpacks past the cap (a zip bomb of rows) is refused with a clear message", () => {
    const row = `<row><c t="inlineStr"><is><t>x</t></is></c></row>`;
    const bytes = streamedWorkbook(SHEET_HEAD.replace(/<row r="2">.*$/, ""), row.repeat(1000), 200, "</sheetData></worksheet>");
    expect(() => inspectXlsx(bytes, { maxXmlBytes: 1024 * 1024 })).toThrow(/unpacks to more than/);
    expect(inspectXlsx(bytes).xmlBytes).toBeGreaterThan(1024 * 1024);
  }, 60_000);

  it("reads the worksheets' names from the workbook", () => {
    const bytes = zipSync({ "[Content_Types].xml": strToU8(CONTENT_TYPES), "xl/workbook.xml": strToU8(WORKBOOK), "xl/_rels/workbook.xml.rels": strToU8(WB_RELS), "xl/worksheets/sheet1.xml": strToU8(`${SHEET_HEAD}x${SHEET_TAIL}`) });
    expect([...inspectXlsx(bytes).sheetNames]).toEqual([[1, "Risks"]]);
  });

  it("a CSV cell over the limit is refused", async () => {
    const csv = new TextEncoder().encode(`Title,Likelihood,Impact\n${"B".repeat(MAX_CELL_CHARS + 1)},3,3\n`);
    await expect(parseSpreadsheet("r.csv", csv, inventorySpec("risks"))).rejects.toThrow(/Cell A2 holds more than/);
  });
});
