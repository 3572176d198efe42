// Integration-inventory writes: rows scoped by engagementId, versioned, natural key (name, case-insensitive)
// as a field error, audited with field-level changes in the same transaction.
import "server-only";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import type { Integration } from "@/lib/engagement-format/schema";
import { integrationFromRecord, integrationToColumns } from "@/lib/inventories/registry";
import { auditRow, conflict, duplicateKey, inTransactionWithKey, notFound, type Actor, type Tx } from "@/lib/inventories/mutations";
import type { SavedRow } from "@/lib/inventories/action-input";
import { diffFields } from "@/lib/audit/mutations";
import { integrationSelect, toIntegrationRow } from "@/lib/integrations/data";
import { integrationKeyMessage } from "@/lib/integrations/schema";

const ENTITY_TYPE = "integration";
const KEY_FIELD = "name";

async function assertKeyFree(tx: Tx, engagementId: string, values: Integration, exceptId: string | null) {
  const clash = await tx.integration.findFirst({
    where: { engagementId, name: { equals: values.name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw duplicateKey(KEY_FIELD, integrationKeyMessage());
}

async function currentOrNotFound(tx: Tx, engagementId: string, id: string) {
  const current = await tx.integration.findFirst({ where: { id, engagementId }, select: integrationSelect });
  if (!current) throw notFound("That interface");
  return current;
}

export async function createIntegration(engagementId: AuthorizedEngagementId, actor: Actor, values: Integration, requestId = ""): Promise<SavedRow> {
  return inTransactionWithKey(KEY_FIELD, integrationKeyMessage(), async (tx) => {
    await assertKeyFree(tx, engagementId, values, null);
    const created = await tx.integration.create({ data: { engagementId, ...integrationToColumns(values) }, select: { id: true, version: true } });
    await auditRow(tx, { engagementId, actor, entityType: ENTITY_TYPE, entityId: created.id, action: "create", before: null, after: values, requestId });
    return created;
  });
}

export async function updateIntegration(
  engagementId: AuthorizedEngagementId,
  actor: Actor,
  id: string,
  version: number,
  values: Integration,
  requestId = "",
): Promise<SavedRow> {
  return inTransactionWithKey(KEY_FIELD, integrationKeyMessage(), async (tx) => {
    const before = await currentOrNotFound(tx, engagementId, id);
    if (before.version !== version) throw conflict(toIntegrationRow(before), "this interface");
    const beforeRow = integrationFromRecord(before);
    if (Object.keys(diffFields(beforeRow, values)).length === 0) return { id, version };
    await assertKeyFree(tx, engagementId, values, id);
    const { count } = await tx.integration.updateMany({ where: { id, engagementId, version }, data: { ...integrationToColumns(values), version: { increment: 1 } } });
    if (count === 0) throw conflict(toIntegrationRow(await currentOrNotFound(tx, engagementId, id)), "this interface");
    await auditRow(tx, { engagementId, actor, entityType: ENTITY_TYPE, entityId: id, action: "update", before: beforeRow, after: values, requestId });
    return { id, version: version + 1 };
  });
}

export async function deleteIntegration(engagementId: AuthorizedEngagementId, actor: Actor, id: string, version: number, requestId = ""): Promise<void> {
  await inTransactionWithKey(KEY_FIELD, integrationKeyMessage(), async (tx) => {
    const before = await currentOrNotFound(tx, engagementId, id);
    const { count } = await tx.integration.deleteMany({ where: { id, engagementId, version } });
    if (count === 0) throw conflict(toIntegrationRow(await currentOrNotFound(tx, engagementId, id)), "this interface");
    await auditRow(tx, { engagementId, actor, entityType: ENTITY_TYPE, entityId: id, action: "delete", before: integrationFromRecord(before), after: null, requestId });
  });
}
