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
