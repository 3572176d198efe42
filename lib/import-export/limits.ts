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

/** A merged range of a worksheet, 1-based rows and columns (A = 1). */
export type MergedRange = { top: number; left: number; bottom: number; right: number };
/** Merged ranges kept per worksheet (more are ignored: a sheet of merged cells is not a list). */
export const MAX_MERGES_PER_SHEET = 10_000;

const MERGE_TAG = new TextEncoder().encode("mergeCell ");
const TAG_KEEP = 64;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "B3:B7" → { top: 3, left: 2, bottom: 7, right: 2 }; null when not a range. */
export function parseRange(ref: string): MergedRange | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7}):\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
  if (!m) return null;
  const [a, b] = [{ c: columnNumber(m[1]), r: Number(m[2]) }, { c: columnNumber(m[3]), r: Number(m[4]) }];
  return { top: Math.min(a.r, b.r), left: Math.min(a.c, b.c), bottom: Math.max(a.r, b.r), right: Math.max(a.c, b.c) };
}

/**
 * Counts characters of text between XML tags ("&amp;" counts as one); tracks the longest run. With `merges`,
 * also collects the worksheet's <mergeCell ref="…"/> tags (only the first bytes of each tag are looked at).
 */
class TextRunMeter {
  run = 0;
  inTag = false;
  inEntity = false;
  /** Bytes of the current tag matched against "mergeCell " so far (-1: not a merge), then the tag's bytes. */
  private tagPos = -1;
  private tag: number[] | null = null;
  constructor(private readonly where: string, private readonly merges: MergedRange[] | null = null) {}
  private endTag() {
    const tag = this.tag;
    this.tag = null;
    this.tagPos = -1;
    if (!tag || !this.merges || this.merges.length >= MAX_MERGES_PER_SHEET) return;
    const ref = /\bref="([^"]+)"/.exec(String.fromCharCode(...tag))?.[1];
    const range = ref ? parseRange(ref) : null;
    if (range) this.merges.push(range);
  }
  feed(chunk: Uint8Array) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (this.inTag) {
        if (b === 0x3e) { // >
          this.inTag = false;
          if (this.tag) this.endTag();
          this.tagPos = -1;
          continue;
        }
        // a tag is looked at only while it still reads "mergeCell …"; bytes are kept only for those
        if (this.tagPos >= 0) {
          if (this.tagPos < MERGE_TAG.length) {
            if (b === MERGE_TAG[this.tagPos]) {
              if (++this.tagPos === MERGE_TAG.length) this.tag = [];
            } else this.tagPos = -1;
          } else if (this.tag && this.tag.length < TAG_KEEP) this.tag.push(b);
          else {
            this.tag = null;
            this.tagPos = -1;
          }
        }
        continue;
      }
      if (b === 0x3c) { // <
        this.inTag = true;
        this.run = 0;
        if (this.merges) this.tagPos = 0;
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
export function inspectXlsx(bytes: Uint8Array, caps: { maxXmlBytes?: number } = {}): { xmlBytes: number; entries: number; sheetNames: Map<number, string>; date1904: boolean; merges: Map<number, MergedRange[]> } {
  const maxXml = caps.maxXmlBytes ?? MAX_XLSX_XML_BYTES;
  const small = new Map<string, Uint8Array[]>(); // workbook.xml and its rels: the worksheets' names
  const merges = new Map<number, MergedRange[]>(); // worksheet file number → its merged ranges
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
    const sheetNumber = /^xl\/worksheets\/sheet(\d+)\.xml$/i.exec(file.name)?.[1];
    const sheetMerges = sheetNumber ? (merges.set(Number(sheetNumber), []).get(Number(sheetNumber)) as MergedRange[]) : null;
    const meter = isText ? new TextRunMeter(where, sheetMerges) : null;
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
  // small pieces: deflate packs up to ~1,000:1, so one piece never inflates to more than about 4 MB before the
  // checks above can stop the loop. Not smaller: fflate allocates a new output buffer (its 32 KB window and
  // more) per piece, and 512-byte pieces left the process ~35 MB bigger after a 10k-row workbook (malloc keeps
  // the freed buffers), 4 KB pieces ~15 MB (measured with process.memoryUsage().rss around inspectXlsx)
  const CHUNK = 4096;
  try {
    for (let i = 0; i < bytes.length && !failure; i += CHUNK) unzip.push(bytes.subarray(i, Math.min(bytes.length, i + CHUNK)), i + CHUNK >= bytes.length);
  } catch {
    if (!failure) failure = new LimitExceeded("The workbook could not be read. Open it in your spreadsheet program, save it as .xlsx again and upload it.");
  }
  if (failure) throw failure;
  return { xmlBytes: total, entries, sheetNames: sheetNamesOf(small), merges, date1904: /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(text(small.get("xl/workbook.xml"))) };
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
