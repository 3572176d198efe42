// Sorting by a meaning, not by spelling: "clinical impact" sorts low → critical (not critical, high, low,
// medium), a risk's score is likelihood × impact. SQL can't be told that through Prisma's orderBy, so a
// page is assembled from segments: one groupBy gives the row count per sort key (bounded by the vocabulary,
// whatever the row count), the keys are put in order here, and the 50-row window is read with at most three
// findMany calls (the partial first segment, the whole segments inside the window, the partial last one).
// Pure: the data.ts files supply the queries.

export type Segment<K> = { key: K; count: number };

export type SegmentSlice = { index: number; skip: number; take: number; isWhole: boolean };

/** Which part of which segment falls into the window [skip, skip + take). Segments are in display order. */
export function planSegments(counts: readonly number[], skip: number, take: number): SegmentSlice[] {
  const out: SegmentSlice[] = [];
  let start = 0;
  const end = skip + take;
  counts.forEach((count, index) => {
    const segEnd = start + count;
    const from = Math.max(skip, start);
    const to = Math.min(end, segEnd);
    if (from < to) out.push({ index, skip: from - start, take: to - from, isWhole: from === start && to === segEnd });
    start = segEnd;
  });
  return out;
}

/**
 * Reads one page of rows sorted by segment order, then `within` inside a segment.
 * `fetch(keys, skip, take)` must return the rows of those segments ordered by the same `within` order.
 * Queries: at most three fetches whatever the number of rows or segments.
 */
export async function fetchSegmentedPage<K, Row>(opts: {
  segments: readonly Segment<K>[];
  skip: number;
  take: number;
  fetch: (keys: K[], skip: number, take: number) => Promise<Row[]>;
  segmentOf: (row: Row) => number; // index into `segments`
  within: (a: Row, b: Row) => number;
}): Promise<Row[]> {
  const slices = planSegments(opts.segments.map((s) => s.count), opts.skip, opts.take);
  if (slices.length === 0) return [];
  const first = slices[0]!;
  const last = slices[slices.length - 1]!;
  if (slices.length === 1) return opts.fetch([opts.segments[first.index]!.key], first.skip, first.take);

  const wholeInside = slices.filter((s, i) => (i > 0 && i < slices.length - 1) || (s.isWhole && (i === 0 || i === slices.length - 1)));
  const partialFirst = first.isWhole ? null : first;
  const partialLast = last.isWhole ? null : last;
  const [head, middle, tail] = await Promise.all([
    partialFirst ? opts.fetch([opts.segments[partialFirst.index]!.key], partialFirst.skip, partialFirst.take) : Promise.resolve([] as Row[]),
    wholeInside.length
      ? opts.fetch(wholeInside.map((s) => opts.segments[s.index]!.key), 0, wholeInside.reduce((n, s) => n + s.take, 0))
      : Promise.resolve([] as Row[]),
    partialLast ? opts.fetch([opts.segments[partialLast.index]!.key], partialLast.skip, partialLast.take) : Promise.resolve([] as Row[]),
  ]);
  const sortedMiddle = [...middle].sort((a, b) => opts.segmentOf(a) - opts.segmentOf(b) || opts.within(a, b));
  return [...head, ...sortedMiddle, ...tail];
}

/**
 * Orders the groups of a vocabulary column by the vocabulary's own order (asc) or its reverse (desc).
 * Values outside the vocabulary (or null) go last in both directions.
 */
export function orderVocabularyGroups<V extends string | null>(vocabulary: readonly string[], groups: { value: V; count: number }[], dir: "asc" | "desc"): Segment<V>[] {
  const rank = (v: V) => {
    const i = v === null ? -1 : vocabulary.indexOf(v);
    if (i < 0) return Number.POSITIVE_INFINITY;
    return dir === "asc" ? i : vocabulary.length - i;
  };
  return [...groups].sort((a, b) => rank(a.value) - rank(b.value) || String(a.value).localeCompare(String(b.value))).map((g) => ({ key: g.value, count: g.count }));
}

/** Compare two strings the way people expect in a table (case-insensitive, numbers in order). */
export function compareText(a: string, b: string): number {
  return a.localeCompare(b, "en", { sensitivity: "base", numeric: true });
}

/** A page sorted by one vocabulary column: one groupBy (counts per value, also the total) + ≤ 3 findMany. */
export async function findVocabularySortedPage<Row>(opts: {
  vocabulary: readonly string[];
  dir: "asc" | "desc";
  skip: number;
  take: number;
  groupCounts: () => Promise<{ value: string; count: number }[]>;
  fetch: (values: string[], skip: number, take: number) => Promise<Row[]>;
  valueOf: (row: Row) => string;
  within: (a: Row, b: Row) => number;
}): Promise<{ rows: Row[]; total: number }> {
  const groups = await opts.groupCounts();
  const segments = orderVocabularyGroups(opts.vocabulary, groups, opts.dir);
  const indexOf = new Map(segments.map((s, i) => [s.key, i]));
  const total = segments.reduce((n, s) => n + s.count, 0);
  const rows = await fetchSegmentedPage({
    segments,
    skip: opts.skip,
    take: opts.take,
    fetch: opts.fetch,
    segmentOf: (r) => indexOf.get(opts.valueOf(r)) ?? segments.length,
    within: opts.within,
  });
  return { rows, total };
}
