// XLSX through exceljs's streaming reader: the first worksheet with rows is profiled, row by row.
import ExcelJS from "exceljs";
import { Readable } from "node:stream";
import type { Collector } from "./collector";
import { TabularProfiler } from "./tabular";
import type { ColumnInfo } from "./types";

/* eslint-disable @typescript-eslint/no-explicit-any -- cell values are a union exceljs does not narrow */
function cellText(v: any): string {
  if (v == null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return "";
    const iso = v.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  if (Array.isArray(v.richText)) return v.richText.map((p: any) => p.text ?? "").join("");
  if ("result" in v) return cellText(v.result);
  if ("text" in v) return cellText(v.text);
  if ("error" in v) return String(v.error);
  return "";
}

export async function profileXlsx(
  bytes: AsyncIterable<Buffer>,
  c: Collector,
  entity: string | null,
  checkAbort: () => void,
): Promise<{ columns: ColumnInfo[]; sheet: string | undefined }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "cache",
    worksheets: "emit",
    entries: "emit",
  });
  let profiled: TabularProfiler | null = null;
  let sheet: string | undefined;
  let n = 0;
  for await (const ws of reader) {
    if (profiled) {
      for await (const _row of ws) void _row; // drain later sheets (the file is read to the end for its hash)
      continue;
    }
    const t = new TabularProfiler(c, entity);
    let any = false;
    for await (const row of ws) {
      const values = row.values as any[];
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
      t.push(cells);
      any = true;
      if ((++n & 1023) === 0) checkAbort();
    }
    if (any) {
      t.end();
      profiled = t;
      sheet = (ws as unknown as { name?: string }).name;
    }
  }
  return { columns: profiled?.columns ?? [], sheet };
}
