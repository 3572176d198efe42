// The generic view's table, derived from an inventory's definition: its columns (the definition's table fields in
// order, each drawn by the inventory's extension or by its kind, plus the extension's computed columns) and its
// filters (the definition's, with vocabulary labels or the values the rows hold, plus the "needs attention" flags).
import type { ReactNode } from "react";
import { Check } from "lucide-react";
import { formatDate, formatMoneyCents, formatNumber } from "@/components/ui/format";
import type { Column, FilterDef } from "@/components/inventory/data-table";
import { VOCABULARY_TONES, VocabBadge } from "@/components/inventory/badges";
import type { AnyRow, InventoryExtension, ViewContext } from "@/components/inventories/extension";
import type { Fields, InventoryDefinition } from "@/lib/inventories/definition";
import { filtersOf, tableColumnsOf } from "@/lib/inventories/derive";
import type { Field } from "@/lib/inventories/fields";
import { labelOf, labelsOfVocabulary, optionsFrom } from "@/lib/inventories/labels";

const muted = (s: string) => <span className="text-ink-400">{s}</span>;
export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A field's cell when the inventory draws it no other way: vocabulary as a badge or words, numbers formatted, unknown said. */
export function defaultCell(f: Field, v: unknown, context: ViewContext): ReactNode {
  if (f.kind === "enum") {
    const labels = (f.vocabulary && labelsOfVocabulary(f.vocabulary)) || {};
    const tones = f.vocabulary && VOCABULARY_TONES.get(f.vocabulary);
    return tones ? <VocabBadge value={String(v)} labels={labels} tones={tones} /> : <span className="whitespace-nowrap text-ink-700">{labelOf(labels, String(v))}</span>;
  }
  if (f.kind === "bool") return v ? <span className="inline-flex items-center gap-1 text-emerald-700"><Check className="size-4" aria-hidden /> Yes</span> : muted("No");
  if (f.kind === "int" && v === null) return <span className="text-amber-700">Unknown</span>;
  if (f.kind === "int" || f.kind === "number") return formatNumber(v as number | null);
  if (f.kind === "money") return v ? formatMoneyCents(v as number, context.currency) : muted("—");
  if (f.kind === "date") return v ? <span className="whitespace-nowrap">{formatDate(String(v))}</span> : muted("—");
  return v === "" || v === null || v === undefined ? muted("—") : String(v);
}

/** The column whose cell opens the editor: the extension's choice, else the first required text part of the natural key. */
export function nameFieldOf(d: InventoryDefinition<Fields>, ext: InventoryExtension): string {
  return ext.nameField ?? d.keyFields.find((k) => d.fields[k]!.kind === "text" && d.fields[k]!.isRequired) ?? d.keyFields[0]!;
}

/** The table's columns: the definition's table fields in order, drawn by the extension or by kind, plus its computed ones. */
export function columnsOf(d: InventoryDefinition<Fields>, ext: InventoryExtension, context: ViewContext, openEdit: (r: AnyRow) => void): Column<AnyRow>[] {
  const nameField = nameFieldOf(d, ext);
  const columns: Column<AnyRow>[] = tableColumnsOf(d).map(({ field, header, sortable }) => {
    const f = d.fields[field]!;
    const own = ext.cells?.[field];
    const isName = field === nameField;
    const numeric = f.kind === "int" || f.kind === "number" || f.kind === "money";
    return {
      id: field,
      header,
      sortKey: sortable ? field : undefined,
      firstDir: numeric || ext.descFirst?.includes(field) ? "desc" : undefined,
      align: numeric ? "right" : undefined,
      className: isName ? "min-w-52" : undefined,
      cell: isName
        ? (r) => (
            <div>
              <button type="button" className="text-left font-medium text-ink-900 hover:text-brand-700 hover:underline" onClick={() => openEdit(r)}>
                {String(r[field])}
              </button>
              {ext.subtitle ? <div className="text-xs text-ink-500">{ext.subtitle(r)}</div> : null}
            </div>
          )
        : (r) => (own ? own(r, context) : defaultCell(f, r[field], context)),
    };
  });
  for (const { before, column } of ext.computed?.(context) ?? []) {
    const at = before ? columns.findIndex((c) => c.id === before) : -1;
    columns.splice(at < 0 ? columns.length : at, 0, column);
  }
  return columns;
}

/** The table's filters: the definition's (vocabulary → its labels; text → the values the rows hold) and the flags. */
export function filterDefsOf(d: InventoryDefinition<Fields>, ext: InventoryExtension, context: ViewContext, params: Record<string, string>): FilterDef[] {
  const out: FilterDef[] = [];
  for (const f of filtersOf(d)) {
    if (f.vocabulary) out.push({ name: f.param, label: f.label, options: optionsFrom(labelsOfVocabulary(f.vocabulary) ?? {}) });
    else {
      const values = context.filterValues?.[f.param] ?? [];
      // a choice of one is no choice: shown from two values on (or while it filters)
      if (values.length > 1 || params[f.param]) out.push({ name: f.param, label: f.label, options: values.map((v) => ({ value: v, label: v })) });
    }
  }
  if (ext.flags) out.push({ name: "flag", label: "Needs attention", options: optionsFrom(ext.flags) });
  return out;
}

