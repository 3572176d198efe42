// Shared pieces of the inventories' writes: the transaction type, natural-key duplicates as field errors,
// and the audit entry of a row change. Each inventory's own mutations.ts does the actual writes.
import "server-only";
import { db } from "@/lib/db";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { appendAuditEvent, diffFields } from "@/lib/audit/mutations";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import type { Actor } from "@/lib/engagements/mutations";

export type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];
export type { Actor };

/** A natural-key clash is the user's to fix in one field, not a crash: INVALID with that field's error. */
export function duplicateKey(field: string, message: string): AppError {
  return new AppError("INVALID", message, { [field]: [message] });
}

/**
 * Runs a write transaction; a unique violation (two people creating the same natural key at the same moment,
 * after the pre-check passed for both) becomes the same field error the pre-check gives.
 */
export async function inTransactionWithKey<T>(field: string, message: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.$transaction(fn);
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateKey(field, message);
    throw err;
  }
}

export type RowAuditAction = "create" | "update" | "delete";

/** The audit entry of one row change, written in the same transaction as the change. */
export async function auditRow(
  tx: Tx,
  input: {
    engagementId: AuthorizedEngagementId;
    actor: Actor;
    entityType: string; // e.g. "data_entity"
    entityId: string;
    action: RowAuditAction;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
    requestId: string;
  },
): Promise<Record<string, { from: unknown; to: unknown }>> {
  const before = input.before ?? {};
  const after = input.after ?? Object.fromEntries(Object.keys(before).map((k) => [k, null]));
  const nothing: Record<string, unknown> = Object.fromEntries(Object.keys(after).map((k) => [k, null]));
  const changes = input.before === null ? diffFields(nothing, after) : diffFields(before, after);
  await appendAuditEvent(tx, {
    organizationId: input.actor.organizationId,
    engagementId: input.engagementId,
    actor: { id: input.actor.id, email: input.actor.email, role: input.actor.role },
    action: `${input.entityType}.${input.action}`,
    entityType: input.entityType,
    entityId: input.entityId,
    changes,
    requestId: input.requestId,
  });
  return changes;
}

export function notFound(what = "That row"): AppError {
  return new AppError("NOT_FOUND", `${what} no longer exists. Someone may have deleted it; reload the page.`);
}

export function conflict(current: unknown, what = "this row"): AppError {
  return new AppError("CONFLICT", `Someone else saved ${what} while you were editing. Their version is shown; nothing was overwritten.`, current);
}
