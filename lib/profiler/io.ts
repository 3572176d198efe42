// Byte plumbing shared by every format: hashing and progress while streaming, peeking at the head of a
// stream for format/encoding detection, gzip, and text decoding. Nothing is buffered beyond the head.
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";

export interface Counted {
  source: AsyncIterable<Buffer>;
  digest: () => string;
  bytes: () => number;
}

/** Wrap a byte stream: SHA-256 and byte count of what passes, a progress callback per chunk. */
export function counted(input: AsyncIterable<Buffer | string>, onChunk: (bytes: number) => void): Counted {
  const hash = createHash("sha256");
  let bytes = 0;
  async function* gen(): AsyncIterable<Buffer> {
    for await (const raw of input) {
      const chunk = typeof raw === "string" ? Buffer.from(raw) : raw;
      hash.update(chunk);
      bytes += chunk.length;
      onChunk(bytes);
      yield chunk;
    }
  }
  let hex: string | null = null;
  return { source: gen(), digest: () => (hex ??= hash.digest("hex")), bytes: () => bytes };
}

/** Read at least `n` bytes of the head (or all of a shorter stream); `rest` replays the head first. */
export async function peek(src: AsyncIterable<Buffer>, n = 65_536): Promise<{ head: Buffer; rest: AsyncIterable<Buffer> }> {
  const it = src[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let len = 0;
  let done = false;
  while (len < n) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    chunks.push(r.value);
    len += r.value.length;
  }
  const head = Buffer.concat(chunks);
  async function* rest(): AsyncIterable<Buffer> {
    if (head.length) yield head;
    if (done) return;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  }
  return { head, rest: rest() };
}

export const isGzip = (head: Buffer) => head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
export const isZip = (head: Buffer) => head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
export const isOle = (head: Buffer) => head.length >= 4 && head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;

export function gunzip(src: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
  const gz = createGunzip();
  const input = Readable.from(src);
  input.on("error", (e) => gz.destroy(e));
  input.pipe(gz);
  return gz;
}

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/** Encoding from a BOM, else UTF-8 if the head decodes strictly, else Windows-1252 (legacy exports). */
export function detectEncoding(head: Buffer): TextEncodingName {
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8";
  // UTF-16 without BOM: every other byte zero in ASCII text
  if (head.length >= 8 && head[1] === 0 && head[3] === 0 && head[0] !== 0 && head[2] !== 0) return "utf-16le";
  // cut back to a character boundary so a truncated multi-byte sequence is not an error
  let end = head.length;
  if (end === 65_536 || end > 65_536) {
    let i = end - 1;
    while (i > end - 4 && i > 0 && (head[i]! & 0xc0) === 0x80) i--;
    end = i;
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head.subarray(0, end));
    return "utf-8";
  } catch {
    return "windows-1252";
  }
}

/** Decode a byte stream to text chunks (BOM dropped). */
export async function* decode(src: AsyncIterable<Buffer>, encoding: TextEncodingName): AsyncIterable<string> {
  const dec = new TextDecoder(encoding);
  for await (const chunk of src) {
    const s = dec.decode(chunk, { stream: true });
    if (s) yield s;
  }
  const tail = dec.decode();
  if (tail) yield tail;
}

/** Split decoded text into lines (\n, \r\n or a lone \r). */
export async function* lines(src: AsyncIterable<string>): AsyncIterable<string> {
  let carry = "";
  for await (const chunk of src) {
    const text = carry + chunk;
    const parts = text.split(/\r\n|\n|\r/);
    carry = parts.pop() ?? "";
    // a chunk ending in \r may be the first half of \r\n: keep it for the next round
    if (text.endsWith("\r")) {
      carry = parts.pop() ?? "";
      carry += "\r";
    }
    for (const p of parts) yield p;
  }
  if (carry.endsWith("\r")) carry = carry.slice(0, -1);
  if (carry) yield carry;
}
