// Data-inventory writes: explicit ids always scoped by engagementId, optimistic concurrency on `version`,
// natural key (entity + source object, case-insensitive as in the registry) as a field error, and the
// audit entry with field-level changes in the same transaction.
import "server-only";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import type { DataEntity } from "@/lib/engagement-format/schema";
import { dataEntityFromRecord, dataEntityToColumns } from "@/lib/inventories/registry";
import { auditRow, conflict, duplicateKey, inTransactionWithKey, notFound, type Actor, type Tx } from "@/lib/inventories/mutations";
import type { SavedRow } from "@/lib/inventories/action-input";
import { dataEntitySelect, toDataEntityRow } from "@/lib/data-inventory/data";
import { dataEntityKeyMessage } from "@/lib/data-inventory/schema";
import { diffFields } from "@/lib/audit/mutations";
import type { Prisma } from "@/lib/generated/prisma/client";

const ENTITY_TYPE = "data_entity";
const KEY_FIELD = "sourceObject";

function columns(values: DataEntity) {
  const c = dataEntityToColumns(values);
  return { ...c, quirks: c.quirks as Prisma.InputJsonValue };
}

async function assertKeyFree(tx: Tx, engagementId: string, values: DataEntity, exceptId: string | null) {
  const clash = await tx.dataEntity.findFirst({
    where: {
      engagementId,
      entity: values.entity,
      sourceObject: { equals: values.sourceObject, mode: "insensitive" },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true },
  });
  if (clash) throw duplicateKey(KEY_FIELD, dataEntityKeyMessage());
}

async function currentOrNotFound(tx: Tx, engagementId: string, id: string) {
  const current = await tx.dataEntity.findFirst({ where: { id, engagementId }, select: dataEntitySelect });
  if (!current) throw notFound("That data entity");
  return current;
}

export async function createDataEntity(engagementId: AuthorizedEngagementId, actor: Actor, values: DataEntity, requestId = ""): Promise<SavedRow> {
  return inTransactionWithKey(KEY_FIELD, dataEntityKeyMessage(), async (tx) => {
    await assertKeyFree(tx, engagementId, values, null);
    const created = await tx.dataEntity.create({ data: { engagementId, ...columns(values) }, select: { id: true, version: true } });
    await auditRow(tx, { engagementId, actor, entityType: ENTITY_TYPE, entityId: created.id, action: "create", before: null, after: values, requestId });
    return created;
  });
}

export async function updateDataEntity(
  engagementId: AuthorizedEngagementId,
  actor: Actor,
  id: string,
  version: number,
  values: DataEntity,
  requestId = "",
): Promise<SavedRow> {
  return inTransactionWithKey(KEY_FIELD, dataEntityKeyMessage(), async (tx) => {
    const before = await currentOrNotFound(tx, engagementId, id);
    if (before.version !== version) throw conflict(toDataEntityRow(before), "this data entity");
    const beforeRow = dataEntityFromRecord(before);
    if (Object.keys(diffFields(beforeRow, values)).length === 0) return { id, version };
    await assertKeyFree(tx, engagementId, values, id);
    const { count } = await tx.dataEntity.updateMany({ where: { id, engagementId, version }, data: { ...columns(values), version: { increment: 1 } } });
    if (count === 0) throw conflict(toDataEntityRow(await currentOrNotFound(tx, engagementId, id)), "this data entity");
    await auditRow(tx, { engagementId, actor, entityType: ENTITY_TYPE, entityId: id, action: "update", before: beforeRow, after: values, requestId });
    return { id, version: version + 1 };
  });
}

export async function deleteDataEntity(engagementId: AuthorizedEngagementId, actor: Actor, id: string, version: number, requestId = ""): Promise<void> {
  await inTransactionWithKey(KEY_FIELD, dataEntityKeyMessage(), async (tx) => {
    const before = await currentOrNotFound(tx, engagementId, id);
    const { count } = await tx.dataEntity.deleteMany({ where: { id, engagementId, version } });
    if (count === 0) throw conflict(toDataEntityRow(await currentOrNotFound(tx, engagementId, id)), "this data entity");
    await auditRow(tx, { engagementId, actor, entityType: ENTITY_TYPE, entityId: id, action: "delete", before: dataEntityFromRecord(before), after: null, requestId });
  });
}
