// Large JSON arrays in pieces, for the database (bounded memory, issue 14). Pure.
//
// Prisma's query compiler serializes every statement with its parameters and copies it into its WebAssembly
// memory, which grows to the largest statement ever sent and never shrinks: one 6 MB parameter (a 10k-row
// batch as one JSON text) costs the process ~45 MB of RSS for good. So no statement carries more than
// PART_CHARS of JSON: rows are written in pieces, and a batch's arrays are staged in a temporary table and
// assembled by PostgreSQL (npm run bench -- import-10k measures it). The pieces are small enough that the
// copies Prisma makes of them (escaped, about 1.5× as long) stay under V8's large-object size (128 KB):
// short-lived, they are freed by the cheap young-generation collections instead of piling up until a full one.
export const PART_CHARS = 60_000;

/** JSON arrays of the items, each at most maxChars long (an item longer than that alone is one array). */
export function* jsonArrayParts<T>(items: Iterable<T>, map: (item: T, index: number) => unknown = (x) => x, maxChars = PART_CHARS): Generator<{ json: string; count: number }> {
  let parts: string[] = [];
  let size = 2; // the array's length as written: brackets, items and the commas between them
  let index = 0;
  for (const item of items) {
    const json = JSON.stringify(map(item, index++) ?? null);
    if (parts.length && size + 1 + json.length > maxChars) {
      yield { json: `[${parts.join(",")}]`, count: parts.length };
      parts = [];
      size = 2;
    }
    size += (parts.length ? 1 : 0) + json.length;
    parts.push(json);
  }
  if (parts.length) yield { json: `[${parts.join(",")}]`, count: parts.length };
}

