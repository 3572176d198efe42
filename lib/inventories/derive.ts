// What is derived from an inventory definition (lib/inventories/definitions/*): the natural key, the
// database columns of a row and back, the spreadsheet columns, the table's sorts, filters and search, the
// form's schema and state, and the docs table of the fields. Client-safe and pure.
import { z } from "zod";
import type { Fields, InventoryDefinition } from "@/lib/inventories/definition";
import type { ColumnDef, Field } from "@/lib/inventories/fields";

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

/** The vocabulary filters: URL parameter → field and vocabulary. */
export function filtersOf(d: AnyDefinition): { param: string; field: string; label: string; vocabulary: readonly string[] }[] {
  return entries(d)
    .filter(([, f]) => f.filter && f.vocabulary)
    .map(([field, f]) => ({ param: f.filter!, field, label: f.label, vocabulary: f.vocabulary! }));
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
/** The fields the generic form edits (not the ones another part of the app owns, nor custom parts). */
export const formFieldsOf = (d: AnyDefinition): [string, Field][] => entries(d).filter(([, f]) => f.form !== false);

/** The form schema of an inventory whose fields all have a form schema: FormData-shaped values → contract values. */
export function formSchemaOf<F extends Fields>(d: InventoryDefinition<F>) {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, f] of formFieldsOf(d)) {
    if (!f.formSchema) throw new Error(`${d.key}.${name} has no form schema: the inventory's form is its own`);
    shape[name] = f.formSchema;
  }
  return z.strictObject(shape) as z.ZodObject<{ [K in keyof F as F[K]["form"] extends false ? never : K]: NonNullable<F[K]["formSchema"]> }, z.core.$strict>;
}

/** The form labels by field (what a conflict notice calls each changed field). */
export function formLabelsOf(d: AnyDefinition): Record<string, string> {
  return Object.fromEntries(entries(d).map(([n, f]) => [n, f.label]));
}

// ---- docs ----
const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** The docs table of an inventory's fields: what each means and where it shows. */
export function fieldsMarkdown(d: AnyDefinition): string {
  const lines = ["| Field | Label | Key | Table | Filter | Form | Meaning |", "| --- | --- | --- | --- | --- | --- | --- |"];
  for (const [name, f] of entries(d)) {
    const table = f.table ? (typeof f.table === "string" ? f.table : f.label) : "";
    lines.push(`| \`${name}\` | ${cell(f.label)} | ${f.isKey ? "yes" : ""} | ${cell(table)} | ${f.filter ? `\`${f.filter}\`` : ""} | ${f.form === false ? "" : "yes"} | ${cell(f.help)} |`);
  }
  return lines.join("\n");
}
