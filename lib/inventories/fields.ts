// The field builders of the inventory definitions (lib/inventories/definitions/*). One call describes one
// field once: its contract schema (what the whole-engagement JSON and the database hold), its form schema
// (FormData-shaped strings → the contract value), its spreadsheet column, its table/filter/search role and
// its help text. Everything per field elsewhere is derived from these (lib/inventories/derive.ts).
// Client-safe and pure.
import { z } from "zod";
import { count, text } from "@/lib/engagement-format/vocabularies";
import { enumField, optionalText, requiredText, wholeNumber } from "@/lib/form-fields";
import { checkboxField, optionalDecimal, optionalWholeNumber } from "@/lib/inventories/form-fields";

/** How a spreadsheet cell is read and written. */
export type ColumnKind = "text" | "int" | "number" | "percent" | "money" | "bool" | "enum" | "date" | "level" | "quirks";

/** One spreadsheet column (import, export, template, help sheet, docs table). */
export type ColumnDef = {
  /** Contract field, or a dotted path for the parts of a three-point estimate (risks). */
  id: string;
  header: string;
  aliases: readonly string[];
  kind: ColumnKind;
  /** Vocabulary codes (kind "enum"). */
  values?: readonly string[];
  /** Part of the natural key: rows are matched on these. */
  isKey?: boolean;
  /** A new row needs a value (no default). */
  isRequired?: boolean;
  description: string;
};

/** A field's kind: a spreadsheet kind, or a structured value spread over several columns (risks). */
export type FieldKind = ColumnKind | "threePoint" | "costImpact";

/** How the database column differs from the contract value (none = the same). */
export type Storage = "bigint" | "json" | "date";

export type FieldOptions = {
  /** Form label and default table header. */
  label: string;
  /** What it means: import mapping, help sheet, docs table and JSON Schema description. */
  help: string;
  /** Spreadsheet header (default: the label). */
  header?: string;
  /** Header variants imports recognise (compared after canonicalHeader). */
  aliases?: readonly string[];
  /** Shown as a table column (true, or the column's header). */
  table?: boolean | string;
  /** The table sorts by it (vocabulary fields sort in the vocabulary's order, numbers put unknowns last). */
  sort?: boolean;
  /** The table filters on it: the URL parameter's name. */
  filter?: string;
  /** The table's text search looks into it. */
  search?: boolean;
  /** false: another part of the app sets it (see ownedElsewhere). */
  form?: false;
  /** Selected rows can be set to one value of it at once (the table's bulk edit); never a key part or a stored-differently field. */
  bulk?: boolean;
  /** A long text: a text area in the form, a full-width row. */
  multiline?: boolean;
  placeholder?: string;
  /** A line under the input. */
  hint?: string;
  /** The spreadsheet columns of a field spread over several (three-point estimates). */
  columns?: readonly ColumnDef[];
  /** Left out of spreadsheets (import and export). */
  noSpreadsheet?: boolean;
};

export type Field<S extends z.ZodType = z.ZodType, F extends z.ZodType | null = z.ZodType | null> = FieldOptions & {
  kind: FieldKind;
  /** The contract's schema of the value (with its default). */
  schema: S;
  /** FormData-shaped input → the contract value; null when a custom part of the form edits it. */
  formSchema: F;
  vocabulary?: readonly string[];
  /** Part of the natural key (rows are matched on these; importing the same key updates the row). */
  isKey?: boolean;
  /** A new row needs a value. */
  isRequired?: boolean;
  /** Nullable number: unknown is null and sorts last. */
  nullable?: boolean;
  storage?: Storage;
  /** What the empty form's input holds. */
  formDefault: string | boolean;
};

type Key = { key?: boolean };
type Vocab = readonly [string, ...string[]];

const make = <K extends FieldKind, S extends z.ZodType, F extends z.ZodType | null>(kind: K, schema: S, formSchema: F, o: FieldOptions & Key, extra: Partial<Field> & { formDefault: string | boolean }): Field<S, F> & { kind: K } => {
  const { key, ...rest } = o;
  return { ...rest, ...extra, kind, schema, formSchema, isKey: key || undefined };
};

/** A field another part of the app sets (the clinical review's status, the risk library's key): shown, never in the form. */
export function ownedElsewhere<S extends z.ZodType, K extends FieldKind>(field: Field<S> & { kind: K }): Field<S, null> & { kind: K } {
  return { ...field, formSchema: null, form: false };
}

/** A required text (e.g. a name): blank is refused. */
export function requiredTextField(max: number, o: FieldOptions & Key) {
  return make("text", text(max).min(1), requiredText(max), o, { isRequired: true, formDefault: "" });
}

/** An optional text: blank is "". */
export function textField(max: number, o: FieldOptions & Key) {
  return make("text", text(max).default(""), optionalText(max), o, { formDefault: "" });
}

/** A vocabulary value that must be chosen (no default). */
export function requiredChoice<const V extends Vocab>(values: V, o: FieldOptions & Key & { message: string }) {
  const { message, ...rest } = o;
  return make("enum", z.enum(values), enumField(values, message), rest, { vocabulary: values, isRequired: true, formDefault: "" });
}

/** A vocabulary value with a default. */
export function choice<const V extends Vocab>(values: V, byDefault: V[number], o: FieldOptions & Key & { message?: string }) {
  const { message, ...rest } = o;
  return make("enum", z.enum(values).default(byDefault as never), enumField(values, message), rest, { vocabulary: values, formDefault: byDefault });
}

/** A whole number that may be unknown (null). */
export function unknownCount(max: number, o: FieldOptions & { storage?: Storage }) {
  const { storage, ...rest } = o;
  return make("int", count.nullable().default(null), optionalWholeNumber({ max }), rest, { nullable: true, storage, formDefault: "" });
}

/** A whole number with a default (e.g. a quantity). */
export function wholeNumberField(min: number, max: number, byDefault: number, o: FieldOptions) {
  return make("int", z.int().min(min).default(byDefault), wholeNumber({ min, max }), o, { formDefault: String(byDefault) });
}

/** A decimal number that may be unknown (null). */
export function unknownDecimal(max: number, o: FieldOptions) {
  return make("number", z.number().min(0).max(max).nullable().default(null), optionalDecimal({ max }), o, { nullable: true, formDefault: "" });
}

/** Yes / no, default no. */
export function yesNoField(o: FieldOptions) {
  return make("bool", z.boolean().default(false), checkboxField(), o, { formDefault: false });
}

/**
 * A field whose form input is its own (risk levels, money, three-point impacts, quirks): the contract schema
 * and kind are given; the inventory's own form schema edits it.
 */
export function customField<S extends z.ZodType>(kind: FieldKind, schema: S, o: FieldOptions & Key & { vocabulary?: readonly string[]; required?: boolean; nullable?: boolean; storage?: Storage }) {
  const { vocabulary, required, nullable, storage, ...rest } = o;
  return make(kind, schema, null, rest, { vocabulary, isRequired: required || undefined, nullable, storage, formDefault: "" });
}
