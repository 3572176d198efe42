// Report-inventory writes: rows scoped by engagementId, versioned, natural key (name, case-insensitive)
// as a field error, audited with field-level changes in the same transaction.
import "server-only";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import type { Report } from "@/lib/engagement-format/schema";
import { reportFromRecord, reportToColumns } from "@/lib/inventories/registry";
import { auditRow, conflict, duplicateKey, inTransactionWithKey, notFound, type Actor, type Tx } from "@/lib/inventories/mutations";
import type { SavedRow } from "@/lib/inventories/action-input";
import { diffFields } from "@/lib/audit/mutations";
import { reportSelect, toReportRow } from "@/lib/reports/data";
import { reportKeyMessage } from "@/lib/reports/schema";

const ENTITY_TYPE = "report";
const KEY_FIELD = "name";

async function assertKeyFree(tx: Tx, engagementId: string, values: Report, exceptId: string | null) {
  const clash = await tx.report.findFirst({
    where: { engagementId, name: { equals: values.name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw duplicateKey(KEY_FIELD, reportKeyMessage());
}

async function currentOrNotFound(tx: Tx, engagementId: string, id: string) {
  const current = await tx.report.findFirst({ where: { id, engagementId }, select: reportSelect });
  if (!current) throw notFound("That report");
  return current;
}

export async function createReport(engagementId: AuthorizedEngagementId, actor: Actor, values: Report, requestId = ""): Promise<SavedRow> {
  return inTransactionWithKey(KEY_FIELD, reportKeyMessage(), async (tx) => {
    await assertKeyFree(tx, engagementId, values, null);
    const created = await tx.report.create({ data: { engagementId, ...reportToColumns(values) }, select: { id: true, version: true } });
    await auditRow(tx, { engagementId, actor, entityType: ENTITY_TYPE, entityId: created.id, action: "create", before: null, after: values, requestId });
    return created;
  });
}

export async function updateReport(
  engagementId: AuthorizedEngagementId,
  actor: Actor,
  id: string,
  version: number,
  values: Report,
  requestId = "",
): Promise<SavedRow> {
  return inTransactionWithKey(KEY_FIELD, reportKeyMessage(), async (tx) => {
    const before = await currentOrNotFound(tx, engagementId, id);
    if (before.version !== version) throw conflict(toReportRow(before), "this report");
    const beforeRow = reportFromRecord(before);
    if (Object.keys(diffFields(beforeRow, values)).length === 0) return { id, version };
    await assertKeyFree(tx, engagementId, values, id);
    const { count } = await tx.report.updateMany({ where: { id, engagementId, version }, data: { ...reportToColumns(values), version: { increment: 1 } } });
    if (count === 0) throw conflict(toReportRow(await currentOrNotFound(tx, engagementId, id)), "this report");
    await auditRow(tx, { engagementId, actor, entityType: ENTITY_TYPE, entityId: id, action: "update", before: beforeRow, after: values, requestId });
    return { id, version: version + 1 };
  });
}

export async function deleteReport(engagementId: AuthorizedEngagementId, actor: Actor, id: string, version: number, requestId = ""): Promise<void> {
  await inTransactionWithKey(KEY_FIELD, reportKeyMessage(), async (tx) => {
    const before = await currentOrNotFound(tx, engagementId, id);
    const { count } = await tx.report.deleteMany({ where: { id, engagementId, version } });
    if (count === 0) throw conflict(toReportRow(await currentOrNotFound(tx, engagementId, id)), "this report");
    await auditRow(tx, { engagementId, actor, entityType: ENTITY_TYPE, entityId: id, action: "delete", before: reportFromRecord(before), after: null, requestId });
  });
}
