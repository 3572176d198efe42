// The envelope of every inventory row action: which engagement, which row, from which version, and the
// form values. strictObject everywhere (TRUST.md): a client cannot slip in another engagementId field,
// a version inside the values, or a reviewStatus the form does not own. Client-safe.
import { z } from "zod";
import { AppError, fieldErrorsFrom, defaultMessage, type ActionResult, type FieldErrors } from "@/lib/errors";

export const IdSchema = z.string().min(1).max(64);
export const VersionSchema = z.int().min(1);

export function createInput<V extends z.ZodType>(values: V) {
  return z.strictObject({ engagementId: IdSchema, values });
}

export function updateInput<V extends z.ZodType>(values: V) {
  return z.strictObject({ engagementId: IdSchema, id: IdSchema, version: VersionSchema, values });
}

export const RowDeleteSchema = z.strictObject({ engagementId: IdSchema, id: IdSchema, version: VersionSchema });

/** Most rows one bulk edit changes: a table page holds 50; selections across pages are not offered. */
export const MAX_BULK_ROWS = 200;

/**
 * A bulk edit: the selected rows (each with the version the person saw), one of the inventory's bulk fields and
 * its value as the form's input holds it (the field's own form schema reads it).
 */
export function bulkInput(fields: readonly [string, ...string[]]) {
  return z.strictObject({
    engagementId: IdSchema,
    rows: z
      .array(z.strictObject({ id: IdSchema, version: VersionSchema }))
      .min(1, "Select at least one row")
      .max(MAX_BULK_ROWS, `Select at most ${MAX_BULK_ROWS} rows at once`)
      .refine((rows) => new Set(rows.map((r) => r.id)).size === rows.length, "A row is selected twice"),
    field: z.enum(fields, { error: "Choose a field this inventory can set on many rows" }),
    value: z.union([z.string().max(2000), z.boolean()]),
  });
}

/** Field errors keyed like the form's own fields ("values.quirks.0.kind" → "quirks.0.kind"). */
export function valueFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, messages] of Object.entries(fieldErrorsFrom(error))) {
    const k = key.startsWith("values.") ? key.slice("values.".length) : key;
    (out[k] ??= []).push(...messages);
  }
  return out;
}

export function invalidValues(error: z.ZodError): ActionResult<never> {
  return { ok: false, code: "INVALID", message: defaultMessage("INVALID"), fieldErrors: valueFieldErrors(error) };
}

/** What a saved row returns to the form: its id and new version. */
export type SavedRow = { id: string; version: number };

/** Archived engagements are frozen: inventories are read, not changed (imports refuse them the same way). */
export function refuseIfArchived(access: { isArchived: boolean }): void {
  if (access.isArchived) throw new AppError("CONFLICT", "This engagement is archived. Restore it in Settings before changing its inventories.");
}
