"use client";
// The one table every inventory uses. Sort, filters, search and page live in the URL (?sort=&dir=&q=&page=&…),
// the server reads that page (50 rows) — so the table stays fast with thousands of rows and every view is a
// link. Columns render cells with the inventory's own formatting; this component only lays them out.
import { useEffect, useId, useRef, useTransition, type ReactNode } from "react";
import { usePathname, useRouter } from "next/navigation";
import { ArrowDown, ArrowUp, ArrowUpDown, ChevronLeft, ChevronRight, ChevronsLeft, ChevronsRight, Pencil, Search, Trash2, X } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { controlClass } from "@/components/ui/field";
import { formatNumber } from "@/components/ui/format";
import { hrefWith, type SortDirection } from "@/lib/inventories/table-query";

export type Column<Row> = {
  id: string;
  header: ReactNode;
  /** The URL sort value for this column; unsortable without it. */
  sortKey?: string;
  /** First direction when the column is chosen (e.g. "desc" for scores and amounts). */
  firstDir?: SortDirection;
  align?: "left" | "right";
  className?: string;
  cell: (row: Row) => ReactNode;
};

export type FilterDef = { name: string; label: string; options: { value: string; label: string }[] };

export type TablePage = { page: number; pageCount: number; total: number; pageSize: number };

/** Row selection (the bulk edit): a checkbox per row and one for the page, each with an accessible name. */
export type Selection<Row> = { selected: ReadonlySet<string>; onChange: (next: Set<string>) => void; rowLabel: (row: Row) => string };

export function DataTable<Row>({
  label,
  noun,
  columns,
  rows,
  rowKey,
  page,
  sort,
  params,
  filters,
  searchPlaceholder,
  inventoryTotal,
  rowClassName,
  highlightKey,
  selection,
  toolbar,
  empty,
}: {
  label: string; // the table's accessible name, e.g. "Data entities"
  noun: [singular: string, plural: string];
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  page: TablePage;
  sort: { key: string; dir: SortDirection };
  /** The current URL search params (as the server parsed them). */
  params: Record<string, string>;
  filters: FilterDef[];
  searchPlaceholder: string;
  /** Rows in the whole inventory, whatever the filters: 0 shows `empty` instead of the table. */
  inventoryTotal: number;
  rowClassName?: (row: Row) => string | undefined;
  /** rowKey of a row to highlight and scroll to (e.g. a deep link `?risk=<id>`); ignored when not on this page. */
  highlightKey?: string;
  selection?: Selection<Row>;
  /** Under the filters, above the table (the bulk edit bar). */
  toolbar?: ReactNode;
  empty: ReactNode;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [isPending, startTransition] = useTransition();
  const searchTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const uid = useId();
  // INVARIANT: two quick changes (a filter, then another before the first page arrived) must both stick,
  // so links are built from the latest requested params, not from the last rendered ones.
  const latest = useRef(params);
  const highlighted = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    highlighted.current?.scrollIntoView({ block: "center" });
  }, [highlightKey]);
  useEffect(() => {
    latest.current = params;
  }, [params]);

  useEffect(() => () => {
    if (searchTimer.current) clearTimeout(searchTimer.current);
  }, []);

  const navigate = (changes: Record<string, string | null>) => {
    const href = hrefWith(pathname, latest.current, changes);
    latest.current = Object.fromEntries(new URLSearchParams(href.split("?")[1] ?? ""));
    startTransition(() => router.push(href, { scroll: false }));
  };

  const activeFilters = filters.filter((f) => params[f.name]);
  const isFiltered = activeFilters.length > 0 || Boolean(params.q);

  if (inventoryTotal === 0 && !isFiltered) return <>{empty}</>;

  const first = page.total === 0 ? 0 : (page.page - 1) * page.pageSize + 1;
  const last = Math.min(page.page * page.pageSize, page.total);
  const [singular, plural] = noun;
  const pageKeys = rows.map(rowKey);
  const selectedOnPage = selection ? pageKeys.filter((k) => selection.selected.has(k)).length : 0;
  const setPage = (on: boolean) => selection?.onChange(new Set(on ? pageKeys : []));
  const toggle = (key: string, on: boolean) => {
    if (!selection) return;
    const next = new Set(selection.selected);
    if (on) next.add(key);
    else next.delete(key);
    selection.onChange(next);
  };
  const allColumns = columns.length + (selection ? 1 : 0);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-2 rounded-lg bg-white p-3 shadow-sm ring-1 ring-ink-200/70" role="search" aria-label={`Filter ${plural}`}>
        <div className="min-w-48 flex-1">
          <label htmlFor={`${uid}-q`} className="sr-only">Search {plural}</label>
          <div className="relative">
            <Search className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-ink-400" aria-hidden />
            <input
              ref={searchInput}
              id={`${uid}-q`}
              type="search"
              defaultValue={params.q ?? ""}
              placeholder={searchPlaceholder}
              className={cn(controlClass, "pl-8")}
              onChange={(e) => {
                const value = e.currentTarget.value;
                if (searchTimer.current) clearTimeout(searchTimer.current);
                searchTimer.current = setTimeout(() => navigate({ q: value.trim() || null }), 350);
              }}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  if (searchTimer.current) clearTimeout(searchTimer.current);
                  navigate({ q: e.currentTarget.value.trim() || null });
                }
              }}
            />
          </div>
        </div>
        {filters.map((f) => (
          <div key={f.name}>
            <label htmlFor={`${uid}-${f.name}`} className="sr-only">{f.label}</label>
            <select
              id={`${uid}-${f.name}`}
              value={params[f.name] ?? ""}
              onChange={(e) => navigate({ [f.name]: e.currentTarget.value || null })}
              className={cn(controlClass, "max-w-64 pr-8", params[f.name] && "ring-2 ring-brand-500")}
            >
              <option value="">{f.label}: all</option>
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>{`${f.label}: ${o.label}`}</option>
              ))}
            </select>
          </div>
        ))}
        {isFiltered ? (
          <button
            type="button"
            onClick={() => {
              if (searchTimer.current) clearTimeout(searchTimer.current);
              if (searchInput.current) searchInput.current.value = "";
              navigate(Object.fromEntries([...filters.map((f) => [f.name, null]), ["q", null]]));
            }}
            className="inline-flex h-9 items-center gap-1 rounded-md px-2 text-sm text-brand-700 hover:bg-brand-50"
          >
            <X className="size-4" aria-hidden /> Clear filters
          </button>
        ) : null}
      </div>

      {toolbar}

      <div className={cn("relative overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-ink-200/70 transition-opacity", isPending && "opacity-60")} aria-busy={isPending || undefined}>
        <table className="min-w-full divide-y divide-ink-100 text-sm" aria-label={label}>
          <thead className="bg-ink-50 text-left text-xs font-medium uppercase tracking-wide text-ink-500">
            <tr>
              {selection ? (
                <th scope="col" className="w-8 py-2.5 pl-4 pr-1">
                  <input
                    type="checkbox"
                    aria-label={`Select all ${plural} on this page`}
                    className="size-4 rounded border-ink-300 align-middle"
                    checked={rows.length > 0 && selectedOnPage === rows.length}
                    ref={(el) => {
                      if (el) el.indeterminate = selectedOnPage > 0 && selectedOnPage < rows.length;
                    }}
                    onChange={(e) => setPage(e.currentTarget.checked)}
                  />
                </th>
              ) : null}
              {columns.map((c) => {
                const isSorted = c.sortKey !== undefined && sort.key === c.sortKey;
                return (
                  <th
                    key={c.id}
                    scope="col"
                    aria-sort={isSorted ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}
                    className={cn("whitespace-nowrap px-2.5 py-2.5 first:pl-4 last:pr-3", c.align === "right" && "text-right", c.className)}
                  >
                    {c.sortKey ? (
                      <button
                        type="button"
                        className={cn("inline-flex items-center gap-1 rounded align-middle uppercase tracking-wide hover:text-ink-900", isSorted && "text-ink-900", c.align === "right" && "flex-row-reverse")}
                        onClick={() => navigate({ sort: c.sortKey!, dir: isSorted ? (sort.dir === "asc" ? "desc" : "asc") : (c.firstDir ?? "asc") })}
                      >
                        {c.header}
                        {isSorted ? (sort.dir === "asc" ? <ArrowUp className="size-3.5" aria-hidden /> : <ArrowDown className="size-3.5" aria-hidden />) : <ArrowUpDown className="size-3.5 text-ink-300" aria-hidden />}
                      </button>
                    ) : (
                      c.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody className="divide-y divide-ink-100">
            {rows.length === 0 ? (
              <tr>
                <td colSpan={allColumns} className="px-4 py-10 text-center text-ink-500">
                  {page.total > 0 ? (
                    <>This page is past the end. <button type="button" className="text-brand-700 underline" onClick={() => navigate({ page: null })}>Go to the first page</button></>
                  ) : (
                    <>No {plural} match these filters.</>
                  )}
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr
                  key={rowKey(row)}
                  ref={highlightKey !== undefined && rowKey(row) === highlightKey ? highlighted : undefined}
                  aria-current={highlightKey !== undefined && rowKey(row) === highlightKey ? "true" : undefined}
                  className={cn("align-top hover:bg-ink-50/60", rowClassName?.(row), highlightKey !== undefined && rowKey(row) === highlightKey && "bg-brand-50 ring-2 ring-brand-300 ring-inset")}
                >
                  {selection ? (
                    <td className="w-8 py-2.5 pl-4 pr-1">
                      <input
                        type="checkbox"
                        aria-label={`Select ${selection.rowLabel(row)}`}
                        className="size-4 rounded border-ink-300 align-middle"
                        checked={selection.selected.has(rowKey(row))}
                        onChange={(e) => toggle(rowKey(row), e.currentTarget.checked)}
                      />
                    </td>
                  ) : null}
                  {columns.map((c) => (
                    <td key={c.id} className={cn("px-2.5 py-2.5 first:pl-4 last:pr-3", c.align === "right" && "tabular text-right", c.className)}>
                      {c.cell(row)}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>

      <nav className="flex flex-wrap items-center justify-between gap-3 text-sm text-ink-600" aria-label={`${label} pages`}>
        <p aria-live="polite">
          {page.total === 0 ? (
            `No ${plural}`
          ) : (
            <>
              <span className="tabular">{formatNumber(first)}–{formatNumber(last)}</span> of <span className="tabular font-medium text-ink-900">{formatNumber(page.total)}</span> {page.total === 1 ? singular : plural}
              {isFiltered ? <> (filtered from <span className="tabular">{formatNumber(inventoryTotal)}</span>)</> : null}
            </>
          )}
        </p>
        {page.pageCount > 1 ? (
          <div className="flex items-center gap-1">
            <PagerButton label="First page" disabled={page.page <= 1} onClick={() => navigate({ page: null })}><ChevronsLeft className="size-4" aria-hidden /></PagerButton>
            <PagerButton label="Previous page" disabled={page.page <= 1} onClick={() => navigate({ page: String(page.page - 1) })}><ChevronLeft className="size-4" aria-hidden /></PagerButton>
            <span className="tabular px-2">Page {formatNumber(page.page)} of {formatNumber(page.pageCount)}</span>
            <PagerButton label="Next page" disabled={page.page >= page.pageCount} onClick={() => navigate({ page: String(page.page + 1) })}><ChevronRight className="size-4" aria-hidden /></PagerButton>
            <PagerButton label="Last page" disabled={page.page >= page.pageCount} onClick={() => navigate({ page: String(page.pageCount) })}><ChevronsRight className="size-4" aria-hidden /></PagerButton>
          </div>
        ) : null}
      </nav>
    </div>
  );
}

function PagerButton({ label, disabled, onClick, children }: { label: string; disabled: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button type="button" aria-label={label} title={label} disabled={disabled} onClick={onClick} className="rounded-md p-1.5 ring-1 ring-inset ring-ink-200 hover:bg-ink-50 disabled:cursor-not-allowed disabled:opacity-40">
      {children}
    </button>
  );
}

/** Edit / delete buttons of a row (only rendered for people who may edit). */
export function RowActions({ name, onEdit, onDelete }: { name: string; onEdit: () => void; onDelete?: () => void }) {
  return (
    <div className="-my-1 flex justify-end gap-0.5 whitespace-nowrap">
      <button type="button" onClick={onEdit} className="rounded-md p-1.5 text-ink-500 hover:bg-brand-50 hover:text-brand-700" aria-label={`Edit ${name}`} title="Edit">
        <Pencil className="size-4" aria-hidden />
      </button>
      {onDelete ? (
        <button type="button" onClick={onDelete} className="rounded-md p-1.5 text-ink-500 hover:bg-red-50 hover:text-red-700" aria-label={`Delete ${name}`} title="Delete">
          <Trash2 className="size-4" aria-hidden />
        </button>
      ) : null}
    </div>
  );
}
