// The extract and interface-message profiler: pure and streaming (no database, no storage). A file is
// read once; only aggregates and masked examples come out. Used by `npm run profile` and by the app's
// profile runs.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { Collector } from "./collector";
import { detectDelimiter, profileCsv } from "./csv";
import { FhirProfiler } from "./fhir";
import { Hl7Profiler } from "./hl7";
import { counted, decode, detectEncoding, gunzip, isGzip, isOle, isZip, lines, peek } from "./io";
import { X12Profiler } from "./x12";
import { profileXlsx } from "./xlsx";
import { EXTRACT_FORMATS, ProfileError, type ExtractFormat, type ExtractProfile, type Profile, type ProfileOptions } from "./types";

export * from "./types";

export class ProfileCancelled extends Error {
  constructor() {
    super("The profile run was cancelled");
    this.name = "ProfileCancelled";
  }
}

const EXT: Record<string, ExtractFormat> = {
  csv: "csv", tsv: "csv", txt: "csv", psv: "csv", dat: "csv", tab: "csv",
  xlsx: "xlsx", xlsm: "xlsx",
  ndjson: "ndjson", jsonl: "ndjson", json: "ndjson",
  hl7: "hl7", hl7v2: "hl7", msg: "hl7", er7: "hl7",
  x12: "x12", edi: "x12", "837": "x12", "835": "x12", "270": "x12", "271": "x12",
};

/** Format from the content first (it does not lie), the file extension second. */
export function detectFormat(head: Buffer, fileName: string): ExtractFormat {
  if (isZip(head)) return "xlsx";
  if (isOle(head)) throw new ProfileError("This is a legacy Excel .xls workbook: save it as .xlsx or CSV and profile that");
  const text = head.subarray(0, 4096).toString("latin1").replace(/^(\uFEFF|\xEF\xBB\xBF|\xFF\xFE|\xFE\xFF)/, "").replace(/\x00/g, "");
  const start = text.replace(/^[\s\x0b]+/, "");
  if (/^(MSH|FHS|BHS)[|^~\\&#]/.test(start)) return "hl7";
  if (/^ISA[*|^~:]/.test(start)) return "x12";
  if (start.startsWith("{") || start.startsWith("[")) return "ndjson";
  const ext = path.extname(fileName).slice(1).toLowerCase();
  const byExt = EXT[ext];
  if (byExt === "xlsx") throw new ProfileError(`${fileName} has an .${ext} extension but is not an XLSX workbook`);
  if (byExt === "ndjson" || byExt === "hl7" || byExt === "x12") {
    if (start.length === 0) return byExt;
  }
  return "csv";
}

export function parseFormat(v: string | undefined): ExtractFormat | undefined {
  if (v == null) return undefined;
  const f = v.toLowerCase() === "fhir" ? "ndjson" : v.toLowerCase();
  if (!(EXTRACT_FORMATS as readonly string[]).includes(f)) throw new ProfileError(`Unknown format “${v}”: use one of ${EXTRACT_FORMATS.join(", ")}`);
  return f as ExtractFormat;
}

/** Profile a file on disk. */
export async function profileFile(file: string, opts: ProfileOptions = {}): Promise<Profile> {
  let size: number;
  try {
    const s = await stat(file);
    if (s.isDirectory()) throw new ProfileError(`${file} is a directory, not a file`);
    size = s.size;
  } catch (e) {
    if (e instanceof ProfileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new ProfileError(code === "ENOENT" ? `File not found: ${file}` : code === "EACCES" ? `Permission denied: ${file}` : `Cannot read ${file}`);
  }
  return profileStream(createReadStream(file, { highWaterMark: 256 * 1024 }), { fileName: path.basename(file), totalBytes: size, ...opts });
}

/** Profile a byte stream (an upload, a file): read once, never stored. */
export async function profileStream(input: AsyncIterable<Buffer | string>, opts: ProfileOptions = {}): Promise<Profile> {
  const fileName = opts.fileName ?? "extract";
  const totalBytes = opts.totalBytes ?? null;
  const checkAbort = () => {
    if (opts.signal?.aborted) throw new ProfileCancelled();
  };
  let collector: Collector | null = null;
  let rowsForProgress = () => collector?.rows ?? 0;
  let lastReport = 0;
  const src = counted(input, (bytesRead) => {
    checkAbort();
    const now = Date.now();
    if (opts.onProgress && now - lastReport >= 200) {
      lastReport = now;
      opts.onProgress({ bytesRead, totalBytes, rows: rowsForProgress() });
    }
  });
  try {
    let { head, rest } = await peek(src.source);
    if (head.length === 0) throw new ProfileError(`${fileName} is empty`);
    if (isGzip(head)) ({ head, rest } = await peek(gunzip(rest)));
    const format = opts.format ?? detectFormat(head, fileName);
    const file = () => ({ name: fileName, bytes: src.bytes(), sha256: src.digest() });

    if (format === "hl7" || format === "x12") {
      const encoding = detectEncoding(head);
      const p = format === "hl7" ? new Hl7Profiler() : new X12Profiler();
      rowsForProgress = () => p.messages;
      let n = 0;
      if (format === "hl7") for await (const l of lines(decode(rest, encoding))) {
        (p as Hl7Profiler).line(l);
        if ((++n & 1023) === 0) checkAbort();
      }
      else for await (const chunk of decode(rest, encoding)) (p as X12Profiler).push(chunk);
      const r = p.result(file());
      if (r.messages === 0) throw new ProfileError(`${fileName}: no ${format === "hl7" ? "HL7 v2 messages (MSH segments)" : "X12 transactions (ST segments)"} found`);
      return r;
    }

    const entity = opts.entity ?? null;
    const c = new Collector({ collectPairs: opts.collectPairs, sameNameIsSameRecord: entity !== "patient_demographics", today: opts.today });
    collector = c;
    let extra: Partial<ExtractProfile> = {};
    let encoding = "binary (XLSX)";
    if (format === "xlsx") {
      const r = await profileXlsx(rest, c, entity, checkAbort);
      extra = { columns: r.columns, sheet: r.sheet };
    } else {
      const enc = detectEncoding(head);
      encoding = enc === "windows-1252" ? "windows-1252 (not UTF-8)" : enc;
      if (format === "ndjson") {
        const f = new FhirProfiler(c);
        const headText = new TextDecoder(enc).decode(head);
        const firstLine = headText.split(/\r?\n/).find((l) => l.trim() !== "") ?? "";
        let whole = false;
        try {
          JSON.parse(firstLine);
        } catch {
          whole = head.length < 65_536 || (totalBytes != null && totalBytes <= 50 * 1024 * 1024); // one pretty-printed JSON document
        }
        if (whole) {
          let text = "";
          for await (const s of decode(rest, enc)) text += s;
          try {
            f.document(JSON.parse(text));
          } catch {
            throw new ProfileError(`${fileName} is neither NDJSON (one FHIR resource per line) nor a JSON document`);
          }
        } else {
          let n = 0;
          for await (const l of lines(decode(rest, enc))) {
            n++;
            if (l.trim() === "") continue;
            f.line(l, n);
            if ((n & 1023) === 0) checkAbort();
          }
        }
        extra = { resources: f.resources, columns: Object.keys(f.resources).map((t) => ({ name: t, role: "fhir_resource" })) };
      } else {
        const headText = new TextDecoder(enc).decode(head);
        const delimiter = detectDelimiter(headText);
        const r = await profileCsv(decode(rest, enc), delimiter, c, entity, checkAbort);
        extra = { columns: r.columns, delimiter: delimiter === "\t" ? "tab" : delimiter };
      }
    }
    const { checks, dateRange } = c.finish();
    if (c.rows === 0) throw new ProfileError(`${fileName}: no data rows found`);
    const result: ExtractProfile = {
      format,
      entity,
      rows: c.rows,
      columns: [],
      checks,
      dateRange,
      encoding,
      file: file(),
      limits: c.limits,
      ...extra,
      ...(opts.collectPairs ? { duplicatePairs: c.dups.pairRows ?? [] } : {}),
    };
    opts.onProgress?.({ bytesRead: src.bytes(), totalBytes, rows: c.rows });
    return result;
  } catch (e) {
    if (e instanceof ProfileError || e instanceof ProfileCancelled) throw e;
    throw new ProfileError(readFailure(e, fileName, collector?.rows ?? null));
  }
}

/**
 * The message for an error below the profiler (a parser, gunzip, unzip, the stream). It says where and what
 * kind of problem — never the error's own text, which may quote the file (JSON.parse does: `Unexpected token
 * 'J', "John Smith…" is not valid JSON`), and the message goes to the run row, the audit log and the screen.
 */
export function readFailure(e: unknown, fileName: string, rows: number | null): string {
  const msg = e instanceof Error ? e.message : String(e);
  const code = (e as NodeJS.ErrnoException | null)?.code ?? "";
  const where = rows ? ` after ${rows.toLocaleString("en-US")} record${rows === 1 ? "" : "s"}` : "";
  if (code === "ENOENT") return `File not found: ${fileName}`;
  if (/^Z_|ERR_ZLIB/.test(code) || /incorrect header check|unexpected end of file|invalid (block type|distance|stored block|code lengths)/i.test(msg)) return `${fileName}: damaged gzip data${where}`;
  if (/zip|central directory|end of data|invalid signature/i.test(msg)) return `${fileName}: not a readable XLSX workbook (damaged or incomplete ZIP data${where})`;
  if (/xml|sax|unclosed|unexpected close tag|attribute/i.test(msg)) return `${fileName}: not a readable XLSX workbook (damaged sheet XML${where})`;
  if (e instanceof SyntaxError) return `${fileName}: could not be read (malformed data${where})`;
  if (/encod|decod/i.test(msg)) return `${fileName}: could not be read (text in an encoding that could not be decoded${where})`;
  return `${fileName}: could not be read (an unexpected problem${where}; check that the file is a complete CSV, XLSX, NDJSON, HL7 or X12 file)`;
}
