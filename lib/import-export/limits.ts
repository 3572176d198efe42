// Bounded resources for spreadsheet imports (docs/import-export.md, "Limits"). An XLSX file is a zip of XML:
// a few hundred kilobytes can inflate to gigabytes, and one shared string can be 50 MB. Before exceljs
// builds anything, the workbook is inflated entry by entry with fflate's streaming Unzip, in chunks, and
// refused as soon as
//   - the decompressed XML of the workbook exceeds MAX_XLSX_XML_BYTES (counted as it inflates, so a zip
//     that lies about its sizes is caught too), or
//   - one cell's text (a run of characters between two XML tags) exceeds MAX_CELL_CHARS.
// Nothing is kept but counters, so memory stays flat whatever the file holds. CSV cells are checked after
// the (20 MB bounded) decode. Node only.
import { Unzip, UnzipInflate } from "fflate";

/** Excel's own limit for one cell. */
export const MAX_CELL_CHARS = 32_767;
export const MAX_CELL_LABEL = "32,767 characters";
/** Decompressed XML of one workbook (all its parts). */
export const MAX_XLSX_XML_BYTES = 200 * 1024 * 1024;
export const MAX_XLSX_XML_LABEL = "200 MB";
/** Entries in the zip. */
export const MAX_XLSX_ENTRIES = 2_000;

export class LimitExceeded extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LimitExceeded";
  }
}

/** Counts characters of text between XML tags ("&amp;" counts as one); tracks the longest run. */
class TextRunMeter {
  run = 0;
  inTag = false;
  inEntity = false;
  constructor(private readonly where: string) {}
  feed(chunk: Uint8Array) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (this.inTag) {
        if (b === 0x3e) this.inTag = false; // >
        continue;
      }
      if (b === 0x3c) { // <
        this.inTag = true;
        this.run = 0;
        continue;
      }
      if (this.inEntity) {
        if (b === 0x3b) this.inEntity = false; // ;
        continue;
      }
      if (b === 0x26) this.inEntity = true; // &
      if ((b & 0xc0) === 0x80) continue; // UTF-8 continuation byte: same character
      if (++this.run > MAX_CELL_CHARS) {
        throw new LimitExceeded(`A cell in ${this.where} holds more than ${MAX_CELL_LABEL} (Excel's own limit). Shorten it or remove it and upload again.`);
      }
    }
  }
}

/**
 * Inflates every XML part of an XLSX in chunks and refuses it when over the caps above. Throws
 * LimitExceeded (the message is for the user) or returns the decompressed size.
 */
export function inspectXlsx(bytes: Uint8Array, caps: { maxXmlBytes?: number } = {}): { xmlBytes: number; entries: number; sheetNames: Map<number, string>; date1904: boolean } {
  const maxXml = caps.maxXmlBytes ?? MAX_XLSX_XML_BYTES;
  const small = new Map<string, Uint8Array[]>(); // workbook.xml and its rels: the worksheets' names
  let total = 0;
  let entries = 0;
  let failure: Error | null = null;
  const unzip = new Unzip((file) => {
    entries++;
    if (entries > MAX_XLSX_ENTRIES) {
      failure ??= new LimitExceeded(`The workbook has more than ${MAX_XLSX_ENTRIES.toLocaleString("en-US")} parts. Save it again as a plain .xlsx and upload it.`);
      return;
    }
    const isText = /\.(xml|rels|vml)$/i.test(file.name);
    const where = /sharedStrings/i.test(file.name) ? "the workbook's text" : /worksheets\/sheet/i.test(file.name) ? "a worksheet" : "the workbook";
    const meter = isText ? new TextRunMeter(where) : null;
    const keep = /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels)$/.test(file.name) ? (small.set(file.name, []).get(file.name) as Uint8Array[]) : null;
    file.ondata = (err, chunk) => {
      if (failure) return;
      if (err) {
        failure = new LimitExceeded("The workbook could not be read. Open it in your spreadsheet program, save it as .xlsx again and upload it.");
        return;
      }
      total += chunk.length;
      if (total > maxXml) {
        failure = new LimitExceeded(`The workbook unpacks to more than ${MAX_XLSX_XML_LABEL} of data. Split it into smaller files (or remove images and unused sheets) and upload again.`);
        file.terminate();
        return;
      }
      if (keep && keep.reduce((n, c) => n + c.length, 0) < 4 * 1024 * 1024) keep.push(chunk);
      try {
        meter?.feed(chunk);
      } catch (e) {
        failure = e as Error;
        file.terminate();
      }
    };
    // only XML parts are inflated; images and other media are counted by their declared size
    if (isText) file.start();
    else {
      total += file.originalSize ?? 0;
      if (total > maxXml) failure ??= new LimitExceeded(`The workbook unpacks to more than ${MAX_XLSX_XML_LABEL} of data. Split it into smaller files (or remove images and unused sheets) and upload again.`);
    }
  });
  unzip.register(UnzipInflate);
  // small pieces: deflate packs up to ~1,000:1, so one piece never inflates to more than about half a megabyte
  // before the checks above can stop the loop
  const CHUNK = 512;
  try {
    for (let i = 0; i < bytes.length && !failure; i += CHUNK) unzip.push(bytes.subarray(i, Math.min(bytes.length, i + CHUNK)), i + CHUNK >= bytes.length);
  } catch {
    if (!failure) failure = new LimitExceeded("The workbook could not be read. Open it in your spreadsheet program, save it as .xlsx again and upload it.");
  }
  if (failure) throw failure;
  return { xmlBytes: total, entries, sheetNames: sheetNamesOf(small), date1904: /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(text(small.get("xl/workbook.xml"))) };
}

const text = (chunks: Uint8Array[] | undefined) => (chunks ? new TextDecoder().decode(Buffer.concat(chunks)) : "");
const unescapeXml = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** Worksheet file number (xl/worksheets/sheetN.xml) → the name the workbook shows on its tab. */
function sheetNamesOf(small: Map<string, Uint8Array[]>): Map<number, string> {
  const names = new Map<number, string>();
  const targets = new Map<string, number>();
  for (const m of text(small.get("xl/_rels/workbook.xml.rels")).matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const n = /\bTarget="[^"]*worksheets\/sheet(\d+)\.xml"/.exec(m[0])?.[1];
    if (id && n) targets.set(id, Number(n));
  }
  for (const m of text(small.get("xl/workbook.xml")).matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1] ?? /\bid="([^"]+)"/.exec(m[0])?.[1];
    const n = rid ? targets.get(rid) : undefined;
    if (name !== undefined && n !== undefined) names.set(n, unescapeXml(name));
  }
  return names;
}
