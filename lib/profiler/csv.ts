// Delimited text (CSV, TSV, ;-separated, |-separated), streamed through papaparse.
import Papa from "papaparse";
import { Readable } from "node:stream";
import type { Collector } from "./collector";
import { TabularProfiler } from "./tabular";
import type { ColumnInfo } from "./types";

const CANDIDATES = [",", ";", "\t", "|"] as const;

/** The delimiter that splits the first lines most consistently (quoted parts ignored). */
export function detectDelimiter(headText: string): string {
  const sample = headText.replace(/^\uFEFF/, "").replace(/"[^"]*"/g, '""').split(/\r\n|\n|\r/).filter((l) => l.trim() !== "").slice(0, 30);
  let best: string = ",";
  let bestScore = -1;
  for (const d of CANDIDATES) {
    const counts = sample.map((l) => l.split(d).length - 1);
    const freq = new Map<number, number>();
    for (const n of counts) if (n > 0) freq.set(n, (freq.get(n) ?? 0) + 1);
    let modeN = 0;
    let modeCount = 0;
    for (const [n, k] of freq) if (k > modeCount || (k === modeCount && n > modeN)) [modeN, modeCount] = [n, k];
    // lines agreeing on the same number of fields, weighted a little by that number
    const score = modeCount * 10 + Math.min(modeN, 9);
    if (modeN > 0 && score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

export async function profileCsv(
  text: AsyncIterable<string>,
  delimiter: string,
  c: Collector,
  entity: string | null,
  checkAbort: () => void,
): Promise<{ columns: ColumnInfo[] }> {
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { delimiter, skipEmptyLines: "greedy" });
  const input = Readable.from(text);
  input.on("error", (e) => parser.destroy(e));
  input.pipe(parser);
  const t = new TabularProfiler(c, entity);
  let n = 0;
  for await (const row of parser as AsyncIterable<string[]>) {
    t.push(row);
    if ((++n & 1023) === 0) checkAbort();
  }
  t.end();
  return { columns: t.columns };
}
