// The writes every inventory shares, built from its RowStore (lib/inventories/data.ts): create, update and
// delete of one row, scoped by engagementId, with the natural key checked (a clash is a field error),
// optimistic concurrency on `version` (a stale save gets CONFLICT with the current row) and the audit entry
// with field-level changes in the same transaction. An inventory passes hooks only where it really differs
// (the risk register's matrix check and library key, the workflow review status).
import "server-only";
import { db } from "@/lib/db";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { appendAuditEvent, diffFields } from "@/lib/audit/mutations";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import type { Actor } from "@/lib/engagements/mutations";
import type { SavedRow } from "@/lib/inventories/action-input";
import type { DbRecord, RowStore, Tx } from "@/lib/inventories/data";
import { keyErrorField } from "@/lib/inventories/derive";

export type { Actor, Tx };

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

type Row = Record<string, unknown>;

/** Where an inventory's writes differ from the plain ones. */
export type RowWriteHooks<V extends object> = {
  /** The row written and audited for these form values (default: the values; risks keep their library key). */
  after?: (values: V, before: Row | null) => Row;
  /** The part of a stored row the form's values are compared with (default: all of it; workflows leave out the review status). */
  comparable?: (row: Row) => Row;
  /** The database columns of the row written (default: the store's mapping, lib/inventories/registry.ts). */
  columns?: (row: Row) => Record<string, unknown>;
  /** Checks that need the database (the risk matrix's size); throw AppError("INVALID", …) to refuse. */
  validate?: (tx: Tx, engagementId: string, values: V) => Promise<void>;
  /** Follow-up writes in the same transaction after an update was saved (workflows notify the reviewer). */
  afterUpdate?: (tx: Tx, engagementId: AuthorizedEngagementId, actor: Actor, saved: { id: string; before: Row; after: Row }) => Promise<void>;
};

function keyWhere(store: RowStore<object>, values: Row): Record<string, unknown> {
  const d = store.definition;
  return Object.fromEntries(d.keyFields.map((k) => [k, d.fields[k]!.kind === "enum" ? values[k] : { equals: values[k], mode: "insensitive" }]));
}

async function assertKeyFree(tx: Tx, store: RowStore<object>, engagementId: string, values: Row, exceptId: string | null) {
  const clash = await store.delegate(tx).findFirst({ where: { engagementId, ...keyWhere(store, values), ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  if (clash) throw duplicateKey(keyErrorField(store.definition), store.definition.keyMessage);
}

async function currentOrNotFound(tx: Tx, store: RowStore<object>, engagementId: string, id: string): Promise<DbRecord> {
  const current = await store.delegate(tx).findFirst({ where: { id, engagementId }, select: store.select });
  if (!current) throw notFound(`That ${store.what}`);
  return current;
}

const columnsOf = (store: RowStore<object>, hooks: RowWriteHooks<never>, row: Row) => (hooks.columns ? hooks.columns(row) : store.toColumns(row));

const withKey = <T>(store: RowStore<object>, fn: (tx: Tx) => Promise<T>) => inTransactionWithKey(keyErrorField(store.definition), store.definition.keyMessage, fn);

export async function createRow<V extends object>(store: RowStore<object>, hooks: RowWriteHooks<V>, engagementId: AuthorizedEngagementId, actor: Actor, values: V, requestId = ""): Promise<SavedRow> {
  return withKey(store, async (tx) => {
    await hooks.validate?.(tx, engagementId, values);
    await assertKeyFree(tx, store, engagementId, values as Row, null);
    const after = hooks.after ? hooks.after(values, null) : (values as Row);
    const created = await store.delegate(tx).create({ data: { engagementId, ...columnsOf(store, hooks, after) }, select: { id: true, version: true } });
    await auditRow(tx, { engagementId, actor, entityType: store.definition.entityType, entityId: created.id, action: "create", before: null, after, requestId });
    return created;
  });
}

export async function updateRow<V extends object>(
  store: RowStore<object>,
  hooks: RowWriteHooks<V>,
  engagementId: AuthorizedEngagementId,
  actor: Actor,
  id: string,
  version: number,
  values: V,
  requestId = "",
): Promise<SavedRow> {
  return withKey(store, async (tx) => {
    const before = await currentOrNotFound(tx, store, engagementId, id);
    if (before.version !== version) throw conflict(store.toRow(before), `this ${store.what}`);
    const beforeRow = store.fromRecord(before) as Row;
    const beforeValues = hooks.comparable ? hooks.comparable(beforeRow) : beforeRow;
    const after = hooks.after ? hooks.after(values, beforeRow) : (values as Row);
    if (Object.keys(diffFields(beforeValues, after)).length === 0) return { id, version };
    await hooks.validate?.(tx, engagementId, values);
    await assertKeyFree(tx, store, engagementId, values as Row, id);
    const { count } = await store.delegate(tx).updateMany({ where: { id, engagementId, version }, data: { ...columnsOf(store, hooks, after), version: { increment: 1 } } });
    if (count === 0) throw conflict(store.toRow(await currentOrNotFound(tx, store, engagementId, id)), `this ${store.what}`);
    await auditRow(tx, { engagementId, actor, entityType: store.definition.entityType, entityId: id, action: "update", before: beforeValues, after, requestId });
    await hooks.afterUpdate?.(tx, engagementId, actor, { id, before: beforeRow, after });
    return { id, version: version + 1 };
  });
}

export async function deleteRow(store: RowStore<object>, engagementId: AuthorizedEngagementId, actor: Actor, id: string, version: number, requestId = ""): Promise<void> {
  await withKey(store, async (tx) => {
    const before = await currentOrNotFound(tx, store, engagementId, id);
    const { count } = await store.delegate(tx).deleteMany({ where: { id, engagementId, version } });
    if (count === 0) throw conflict(store.toRow(await currentOrNotFound(tx, store, engagementId, id)), `this ${store.what}`);
    await auditRow(tx, { engagementId, actor, entityType: store.definition.entityType, entityId: id, action: "delete", before: store.fromRecord(before) as Row, after: null, requestId });
  });
}

/** One selected row of a bulk edit: its id and the version the person saw. */
export type RowVersion = { id: string; version: number };

/**
 * Sets one field to one value on the selected rows, all or nothing: every row must still be this engagement's
 * (else NOT_FOUND) and at the version the person saw (else CONFLICT, nothing written). Rows that already hold
 * the value are left alone. One audit entry names the field, the values it had, the new one and the row ids.
 * The field is one of the definition's bulk fields (lib/inventories/derive.ts bulkFieldsOf): not a key part and
 * stored as the contract holds it, so the value is written as it parsed.
 */
export async function bulkUpdateRows(
  store: RowStore<object>,
  engagementId: AuthorizedEngagementId,
  actor: Actor,
  rows: readonly RowVersion[],
  field: string,
  value: unknown,
  requestId = "",
): Promise<{ updated: number }> {
  const d = store.definition;
  return db.$transaction(async (tx) => {
    const wanted = new Map(rows.map((r) => [r.id, r.version]));
    const current = await store.delegate(tx).findMany({ where: { engagementId, id: { in: [...wanted.keys()] } }, select: store.select });
    const missing = wanted.size - current.length;
    if (missing > 0) throw new AppError("NOT_FOUND", `${missing} of the selected ${d.nounPlural} no longer exist${missing === 1 ? "s" : ""}. Someone may have deleted ${missing === 1 ? "it" : "them"}; reload the page.`);
    const stale = current.filter((r) => r.version !== wanted.get(r.id));
    if (stale.length > 0) throw new AppError("CONFLICT", `Someone else changed ${stale.length} of the selected ${d.nounPlural} while you were choosing. Nothing was changed; reload the page and try again.`);
    const changing = current.filter((r) => Object.keys(diffFields({ v: (store.fromRecord(r) as Row)[field] }, { v: value })).length > 0);
    if (changing.length === 0) return { updated: 0 };
    const { count } = await store.delegate(tx).updateMany({
      where: { engagementId, OR: changing.map((r) => ({ id: r.id, version: r.version })) },
      data: { [field]: value, version: { increment: 1 } },
    });
    if (count !== changing.length) throw new AppError("CONFLICT", `Someone else changed some of the selected ${d.nounPlural} meanwhile. Nothing was changed; reload the page and try again.`);
    const before = [...new Set(changing.map((r) => JSON.stringify((store.fromRecord(r) as Row)[field] ?? null)))].map((s) => JSON.parse(s) as unknown);
    await appendAuditEvent(tx, {
      organizationId: actor.organizationId,
      engagementId,
      actor: { id: actor.id, email: actor.email, role: actor.role },
      action: `${d.entityType}.bulk_update`,
      entityType: d.entityType,
      changes: { [field]: { from: before.length === 1 ? before[0] : before, to: value }, ids: changing.map((r) => r.id) },
      requestId,
    });
    return { updated: count };
  });
}
