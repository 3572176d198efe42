// The URL contract of every inventory table: ?page=&sort=&dir=&q= plus per-inventory filters.
// Parsed with zod on the server (bad values fall back to defaults, never an error page); the client builds
// links with `hrefWith`. Client-safe and pure.
import { z } from "zod";

/** Rows per page of every inventory table (TRUST.md: never server-render thousands of rows). */
export const PAGE_SIZE = 50;

export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** An optional filter on one vocabulary: an unknown value means "no filter". */
export function enumFilter<const T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess(first, z.enum(values).optional()).catch(undefined);
}

/** An optional filter on a free-text value (one the rows hold): blank means "no filter". */
export function valueFilter() {
  return z
    .preprocess(first, z.string().trim().max(200).optional())
    .transform((s) => (s ? s : undefined))
    .catch(undefined);
}

export function tableQuerySchema<const S extends readonly [string, ...string[]], F extends z.ZodRawShape>(opts: {
  sorts: S;
  defaultSort: S[number];
  defaultDir?: SortDirection;
  filters: F;
}) {
  return z.object({
    page: z.preprocess(first, z.coerce.number().int().min(1).max(1_000_000)).catch(1),
    sort: z.preprocess(first, z.enum(opts.sorts)).catch(opts.defaultSort),
    dir: z.preprocess(first, z.enum(SORT_DIRECTIONS)).catch(opts.defaultDir ?? "asc"),
    q: z
      .preprocess(first, z.string().trim().max(200).optional())
      .transform((s) => (s ? s : undefined))
      .catch(undefined),
    ...opts.filters,
  });
}

export type TableQueryBase = { page: number; sort: string; dir: SortDirection; q?: string | undefined };

/** One page of rows plus what the pager needs. `total` counts the rows matching the filters. */
export type Page<T> = { rows: T[]; total: number; page: number; pageSize: number; pageCount: number };

export function pageWindow(page: number, pageSize = PAGE_SIZE) {
  return { skip: (page - 1) * pageSize, take: pageSize };
}

export function toPage<T>(rows: T[], total: number, page: number, pageSize = PAGE_SIZE): Page<T> {
  return { rows, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** Row identity every editable inventory row carries next to its contract fields. */
export type RowMeta = { id: string; version: number; updatedAt: string };

/**
 * A link to the same table with some params changed. Changing anything but the page returns to page 1
 * (a filter or sort change makes the old page number meaningless). `null` removes a param.
 */
export function hrefWith(pathname: string, current: URLSearchParams | Record<string, string | undefined>, changes: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  const entries = current instanceof URLSearchParams ? [...current.entries()] : Object.entries(current).filter((e): e is [string, string] => typeof e[1] === "string");
  for (const [k, v] of entries) params.set(k, v);
  if (!("page" in changes)) params.delete("page");
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === "") params.delete(k);
    else params.set(k, v);
  }
  if (params.get("page") === "1") params.delete("page");
  const qs = params.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

/** Today as YYYY-MM-DD in UTC: the reference for "overdue" (review dates are calendar dates). */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Next's searchParams (string | string[] | undefined per key) as plain strings for the table's links. */
export function searchParamsRecord(sp: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(sp)) {
    const s = Array.isArray(v) ? v[0] : v;
    if (typeof s === "string" && s !== "") out[k] = s.slice(0, 200);
  }
  return out;
}
