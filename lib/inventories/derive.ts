// What is derived from an inventory definition (lib/inventories/definitions/*): the natural key, the
// database columns of a row and back, the spreadsheet columns, the table's sorts, filters and search, the
// form's schema and state, and the docs table of the fields. Client-safe and pure.
import { z } from "zod";
import type { Fields, InventoryDefinition } from "@/lib/inventories/definition";
import type { ColumnDef, Field } from "@/lib/inventories/fields";
import { numberToInput } from "@/lib/inventories/form-fields";
import { enumFilter, tableQuerySchema, valueFilter, type TableQueryBase } from "@/lib/inventories/table-query";

type AnyDefinition = InventoryDefinition<Fields>;
type Json = Record<string, unknown> | unknown[] | null;

const entries = (d: AnyDefinition): [string, Field][] => Object.entries(d.fields);

/** Case- and space-insensitive part of a natural key. */
export const keyPart = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");

/** The natural key of a row: vocabulary parts as they are, text parts case- and space-insensitive. */
export function naturalKeyOf(d: AnyDefinition): (row: Record<string, unknown>) => string {
  return (row) => d.keyFields.map((k) => (d.fields[k]!.kind === "enum" ? String(row[k]) : keyPart(String(row[k] ?? "")))).join("|");
}

/** The field that carries a duplicate-key error: the last part of the natural key. */
export const keyErrorField = (d: AnyDefinition): string => d.keyFields[d.keyFields.length - 1]!;

// ---- database columns ----
const dateOnly = (v: unknown): string | null => (v ? (typeof v === "string" ? new Date(v) : (v as Date)).toISOString().slice(0, 10) : null);

/** A contract row → its database columns (bigint counts, JSON parts, calendar dates). */
export function toColumnsOf(d: AnyDefinition, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...row };
  for (const [name, f] of entries(d)) {
    const v = row[name];
    if (f.storage === "bigint") out[name] = v === null || v === undefined ? null : BigInt(Math.round(v as number));
    else if (f.storage === "date") out[name] = v ? new Date(`${String(v)}T00:00:00.000Z`) : null;
    else if (f.storage === "json") out[name] = v as Json;
  }
  return out;
}

/** Database columns → the contract row (a malformed JSON part reads as the field's default, not a crash). */
export function fromRecordOf<R>(d: AnyDefinition, schema: z.ZodType<R>, r: Record<string, unknown>): R {
  const values: Record<string, unknown> = {};
  for (const [name, f] of entries(d)) {
    const v = r[name];
    if (f.storage === "bigint") values[name] = v === null || v === undefined ? null : Number(v);
    else if (f.storage === "date") values[name] = dateOnly(v);
    else if (f.storage === "json") values[name] = f.schema.catch(f.schema.parse(undefined)).parse(v ?? undefined);
    else values[name] = v === undefined && f.nullable ? null : v;
  }
  return schema.parse(values);
}

// ---- spreadsheets ----
/** The spreadsheet columns of an inventory, in field order (a three-point field gives several). */
export function importColumnsOf(d: AnyDefinition): ColumnDef[] {
  return entries(d)
    .filter(([, f]) => !f.noSpreadsheet)
    .flatMap(([id, f]): ColumnDef[] => {
      if (f.columns) return [...f.columns];
      if (f.kind === "threePoint" || f.kind === "costImpact") throw new Error(`${d.key}.${id}: a ${f.kind} field needs its spreadsheet columns`);
      return [{
        id,
        header: f.header ?? f.label,
        aliases: f.aliases ?? [],
        kind: f.kind,
        ...(f.vocabulary ? { values: f.vocabulary } : {}),
        ...(f.isKey ? { isKey: true } : {}),
        ...(f.isRequired ? { isRequired: true } : {}),
        description: f.help,
      }];
    });
}

/** "Entity + Source object": the natural key in words. */
export function keyHeadersOf(d: AnyDefinition): string {
  return d.keyFields.map((k) => d.fields[k]!.header ?? d.fields[k]!.label).join(" + ");
}

// ---- table ----
/** The sort keys of the table (field names, then `updatedAt`); `extra` are computed sorts such as a risk's score. */
export function sortKeysOf(d: AnyDefinition, extra: readonly string[] = []): [string, ...string[]] {
  return [...extra, ...entries(d).filter(([, f]) => f.sort).map(([n]) => n), "updatedAt"] as unknown as [string, ...string[]];
}

/** Fields sorted in their vocabulary's order rather than alphabetically. */
export function vocabularySortsOf(d: AnyDefinition): Record<string, readonly string[]> {
  return Object.fromEntries(entries(d).filter(([, f]) => f.sort && f.kind === "enum" && f.vocabulary).map(([n, f]) => [n, f.vocabulary!]));
}

/**
 * The table's filters: URL parameter → field. A vocabulary field filters on its codes; a text field on one of
 * the values the engagement's rows hold (case-insensitive), e.g. a data entity's source system.
 */
export function filtersOf(d: AnyDefinition): { param: string; field: string; label: string; vocabulary?: readonly string[] }[] {
  return entries(d)
    .filter(([, f]) => f.filter)
    .map(([field, f]) => ({ param: f.filter!, field, label: f.label, ...(f.vocabulary ? { vocabulary: f.vocabulary } : {}) }));
}

/** The fields the table's text search looks into. */
export const searchFieldsOf = (d: AnyDefinition): string[] => entries(d).filter(([, f]) => f.search).map(([n]) => n);

/** The table's columns from the definition: field name and header. */
export function tableColumnsOf(d: AnyDefinition): { field: string; header: string; sortable: boolean }[] {
  return entries(d)
    .filter(([, f]) => f.table)
    .map(([field, f]) => ({ field, header: typeof f.table === "string" ? f.table : f.label, sortable: Boolean(f.sort) }));
}

// ---- form ----
/** The fields the generic form edits: not the ones another part of the app sets, nor the inventory's custom parts. */
export const formFieldsOf = (d: AnyDefinition): [string, Field][] => entries(d).filter(([, f]) => f.form !== false && f.formSchema !== null);

type FormFieldKeys<F extends Fields> = { [K in keyof F]: F[K]["formSchema"] extends null ? never : K }[keyof F];

/** What the form's inputs hold: text for everything but a checkbox. */
export type FormStateOf<F extends Fields> = { -readonly [K in FormFieldKeys<F>]: F[K] extends { kind: "bool" } ? boolean : string };

/**
 * The form schema: FormData-shaped values → contract values. `custom` gives the schema of the parts the
 * inventory's form edits its own way (a data entity's quirks).
 */
export function formSchemaOf<F extends Fields, C extends z.ZodRawShape = Record<never, never>>(d: InventoryDefinition<F>, custom?: C) {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, f] of formFieldsOf(d)) shape[name] = f.formSchema!;
  return z.strictObject({ ...shape, ...custom }) as unknown as z.ZodObject<{ -readonly [K in FormFieldKeys<F>]: NonNullable<F[K]["formSchema"]> } & C, z.core.$strict>;
}

/** The empty form. */
export function emptyFormOf<F extends Fields>(d: InventoryDefinition<F>): FormStateOf<F> {
  return Object.fromEntries(formFieldsOf(d).map(([n, f]) => [n, f.formDefault])) as FormStateOf<F>;
}

/** A row's values as the form's inputs hold them. */
export function toFormOf<F extends Fields>(d: InventoryDefinition<F>, row: Record<string, unknown>): FormStateOf<F> {
  return Object.fromEntries(
    formFieldsOf(d).map(([n, f]) => {
      const v = row[n];
      if (f.kind === "bool") return [n, Boolean(v)];
      if (f.kind === "int" || f.kind === "number") return [n, numberToInput(v as number | null)];
      return [n, v === null || v === undefined ? "" : String(v)];
    }),
  ) as FormStateOf<F>;
}

/**
 * The fields the table's bulk edit sets on many rows at once: marked `bulk`, edited by the generic form, not a
 * key part (two rows would clash) and stored as the contract holds them (the value is written as it parses).
 */
export function bulkFieldsOf(d: AnyDefinition): [string, Field][] {
  return formFieldsOf(d).filter(([, f]) => f.bulk && !f.isKey && !f.storage);
}

/** The form labels by field (what a conflict notice calls each changed field). */
export function formLabelsOf(d: AnyDefinition): Record<string, string> {
  return Object.fromEntries(entries(d).map(([n, f]) => [n, f.label]));
}

// ---- table query ----
/**
 * The URL contract of the inventory's table: its sorts (plus computed ones), its vocabulary filters and the
 * inventory's "needs attention" flags.
 */
export function querySchemaOf(d: AnyDefinition, opts: { sorts?: readonly string[]; flags?: readonly [string, ...string[]] } = {}) {
  const filters: Record<string, z.ZodType<string | undefined>> = {};
  for (const f of filtersOf(d)) filters[f.param] = f.vocabulary ? enumFilter(f.vocabulary as [string, ...string[]]) : valueFilter();
  if (opts.flags) filters.flag = enumFilter(opts.flags);
  return tableQuerySchema({ sorts: sortKeysOf(d, opts.sorts), defaultSort: d.defaultSort, defaultDir: d.defaultDir, filters }) as unknown as z.ZodType<TableQueryBase & Record<string, string | undefined>>;
}

// ---- docs ----
const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** The docs table of an inventory's fields: what each means and where it shows (docs/engagement-format.md, lib/inventories/docs.ts). */
export function fieldsMarkdown(d: AnyDefinition): string {
  const bulk = new Set(bulkFieldsOf(d).map(([n]) => n));
  const lines = ["| Field | Label | Key | Table | Filter | Form | Bulk edit | Meaning |", "| --- | --- | --- | --- | --- | --- | --- | --- |"];
  for (const [name, f] of entries(d)) {
    const table = f.table ? (typeof f.table === "string" ? f.table : f.label) : "";
    lines.push(`| \`${name}\` | ${cell(f.label)} | ${f.isKey ? "yes" : ""} | ${cell(table)} | ${f.filter ? `\`${f.filter}\`` : ""} | ${f.form === false ? "" : "yes"} | ${bulk.has(name) ? "yes" : ""} | ${cell(f.help)} |`);
  }
  return lines.join("\n");
}
