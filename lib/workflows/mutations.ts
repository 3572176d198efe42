// Workflow-inventory writes (basic CRUD). Rows are scoped by engagementId, versioned, audited.
// INVARIANT: reviewStatus is never written here — the clinical review (lib/workflow-review) owns it; a new
// item starts "not_reviewed" (the column default) and an edit keeps whatever the review set.
import "server-only";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { workflowFromRecord, workflowToColumns } from "@/lib/inventories/registry";
import { auditRow, conflict, duplicateKey, inTransactionWithKey, notFound, type Actor, type Tx } from "@/lib/inventories/mutations";
import type { SavedRow } from "@/lib/inventories/action-input";
import { diffFields } from "@/lib/audit/mutations";
import { toWorkflowRow, workflowSelect } from "@/lib/workflows/data";
import { workflowKeyMessage, type WorkflowFormValues } from "@/lib/workflows/schema";

const ENTITY_TYPE = "workflow_item";
const KEY_FIELD = "name";

function columns(values: WorkflowFormValues) {
  const { reviewStatus: _owned, ...c } = workflowToColumns({ ...values, reviewStatus: "not_reviewed" });
  return c;
}

async function assertKeyFree(tx: Tx, engagementId: string, values: WorkflowFormValues, exceptId: string | null) {
  const clash = await tx.workflowItem.findFirst({
    where: {
      engagementId,
      kind: values.kind,
      department: { equals: values.department, mode: "insensitive" },
      name: { equals: values.name, mode: "insensitive" },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true },
  });
  if (clash) throw duplicateKey(KEY_FIELD, workflowKeyMessage());
}

async function currentOrNotFound(tx: Tx, engagementId: string, id: string) {
  const current = await tx.workflowItem.findFirst({ where: { id, engagementId }, select: workflowSelect });
  if (!current) throw notFound("That workflow item");
  return current;
}

export async function createWorkflowItem(engagementId: AuthorizedEngagementId, actor: Actor, values: WorkflowFormValues, requestId = ""): Promise<SavedRow> {
  return inTransactionWithKey(KEY_FIELD, workflowKeyMessage(), async (tx) => {
    await assertKeyFree(tx, engagementId, values, null);
    const created = await tx.workflowItem.create({ data: { engagementId, ...columns(values) }, select: { id: true, version: true } });
    await auditRow(tx, { engagementId, actor, entityType: ENTITY_TYPE, entityId: created.id, action: "create", before: null, after: values, requestId });
    return created;
  });
}

export async function updateWorkflowItem(
  engagementId: AuthorizedEngagementId,
  actor: Actor,
  id: string,
  version: number,
  values: WorkflowFormValues,
  requestId = "",
): Promise<SavedRow> {
  return inTransactionWithKey(KEY_FIELD, workflowKeyMessage(), async (tx) => {
    const before = await currentOrNotFound(tx, engagementId, id);
    if (before.version !== version) throw conflict(toWorkflowRow(before), "this workflow item");
    const { reviewStatus: _review, ...beforeValues } = workflowFromRecord(before);
    if (Object.keys(diffFields(beforeValues, values)).length === 0) return { id, version };
    await assertKeyFree(tx, engagementId, values, id);
    const { count } = await tx.workflowItem.updateMany({ where: { id, engagementId, version }, data: { ...columns(values), version: { increment: 1 } } });
    if (count === 0) throw conflict(toWorkflowRow(await currentOrNotFound(tx, engagementId, id)), "this workflow item");
    await auditRow(tx, { engagementId, actor, entityType: ENTITY_TYPE, entityId: id, action: "update", before: beforeValues, after: values, requestId });
    return { id, version: version + 1 };
  });
}

export async function deleteWorkflowItem(engagementId: AuthorizedEngagementId, actor: Actor, id: string, version: number, requestId = ""): Promise<void> {
  await inTransactionWithKey(KEY_FIELD, workflowKeyMessage(), async (tx) => {
    const before = await currentOrNotFound(tx, engagementId, id);
    const { count } = await tx.workflowItem.deleteMany({ where: { id, engagementId, version } });
    if (count === 0) throw conflict(toWorkflowRow(await currentOrNotFound(tx, engagementId, id)), "this workflow item");
    await auditRow(tx, { engagementId, actor, entityType: ENTITY_TYPE, entityId: id, action: "delete", before: workflowFromRecord(before), after: null, requestId });
  });
}
