// Risk-register writes (CRUD): rows scoped by engagementId, versioned, natural key (title, case-insensitive)
// as a field error, levels checked against the engagement's matrix, audited in the same transaction.
// INVARIANT: libraryKey is set only by "add from the library" (lib/risk-library); edits here keep it.
import "server-only";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { AppError } from "@/lib/errors";
import type { Risk } from "@/lib/engagement-format/schema";
import { riskFromRecord, riskToColumns } from "@/lib/inventories/registry";
import { auditRow, conflict, duplicateKey, inTransactionWithKey, notFound, type Actor, type Tx } from "@/lib/inventories/mutations";
import type { SavedRow } from "@/lib/inventories/action-input";
import { diffFields } from "@/lib/audit/mutations";
import { Prisma } from "@/lib/generated/prisma/client";
import { riskSelect, toRiskRow } from "@/lib/risks/data";
import { riskKeyMessage, type RiskFormValues } from "@/lib/risks/schema";
import { readRiskMatrix } from "@/lib/risks/score";

const ENTITY_TYPE = "risk";
const KEY_FIELD = "title";

/** The row's columns; a null JSON value is written as SQL NULL (Prisma.DbNull), so clearing it sticks. */
function columns(values: RiskFormValues, libraryKey: string | null) {
  const c = riskToColumns({ ...values, libraryKey });
  return {
    ...c,
    scheduleImpactWeeks: c.scheduleImpactWeeks === null ? Prisma.DbNull : (c.scheduleImpactWeeks as Prisma.InputJsonValue),
    costImpact: c.costImpact === null ? Prisma.DbNull : (c.costImpact as Prisma.InputJsonValue),
  };
}

async function assertLevelsOnMatrix(tx: Tx, engagementId: string, values: RiskFormValues) {
  const e = await tx.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: { riskMatrix: true } });
  const { size } = readRiskMatrix(e.riskMatrix);
  const errors: Record<string, string[]> = {};
  for (const field of ["likelihood", "impact", "residualLikelihood", "residualImpact"] as const) {
    const level = values[field];
    if (level !== null && level > size) errors[field] = [`Choose a level from 1 to ${size} (this engagement's matrix is ${size} × ${size})`];
  }
  if (Object.keys(errors).length) throw new AppError("INVALID", "Some levels are outside this engagement's risk matrix.", errors);
}

async function assertKeyFree(tx: Tx, engagementId: string, values: RiskFormValues, exceptId: string | null) {
  const clash = await tx.risk.findFirst({
    where: { engagementId, title: { equals: values.title, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw duplicateKey(KEY_FIELD, riskKeyMessage());
}

async function currentOrNotFound(tx: Tx, engagementId: string, id: string) {
  const current = await tx.risk.findFirst({ where: { id, engagementId }, select: riskSelect });
  if (!current) throw notFound("That risk");
  return current;
}

export async function createRisk(engagementId: AuthorizedEngagementId, actor: Actor, values: RiskFormValues, requestId = ""): Promise<SavedRow> {
  return inTransactionWithKey(KEY_FIELD, riskKeyMessage(), async (tx) => {
    await assertLevelsOnMatrix(tx, engagementId, values);
    await assertKeyFree(tx, engagementId, values, null);
    const created = await tx.risk.create({ data: { engagementId, ...columns(values, null) }, select: { id: true, version: true } });
    const after: Risk = { ...values, libraryKey: null };
    await auditRow(tx, { engagementId, actor, entityType: ENTITY_TYPE, entityId: created.id, action: "create", before: null, after, requestId });
    return created;
  });
}

export async function updateRisk(
  engagementId: AuthorizedEngagementId,
  actor: Actor,
  id: string,
  version: number,
  values: RiskFormValues,
  requestId = "",
): Promise<SavedRow> {
  return inTransactionWithKey(KEY_FIELD, riskKeyMessage(), async (tx) => {
    const before = await currentOrNotFound(tx, engagementId, id);
    if (before.version !== version) throw conflict(toRiskRow(before), "this risk");
    const beforeRow = riskFromRecord(before);
    const after: Risk = { ...values, libraryKey: beforeRow.libraryKey };
    if (Object.keys(diffFields(beforeRow, after)).length === 0) return { id, version };
    await assertLevelsOnMatrix(tx, engagementId, values);
    await assertKeyFree(tx, engagementId, values, id);
    const { count } = await tx.risk.updateMany({
      where: { id, engagementId, version },
      data: { ...columns(values, beforeRow.libraryKey), version: { increment: 1 } },
    });
    if (count === 0) throw conflict(toRiskRow(await currentOrNotFound(tx, engagementId, id)), "this risk");
    await auditRow(tx, { engagementId, actor, entityType: ENTITY_TYPE, entityId: id, action: "update", before: beforeRow, after, requestId });
    return { id, version: version + 1 };
  });
}

export async function deleteRisk(engagementId: AuthorizedEngagementId, actor: Actor, id: string, version: number, requestId = ""): Promise<void> {
  await inTransactionWithKey(KEY_FIELD, riskKeyMessage(), async (tx) => {
    const before = await currentOrNotFound(tx, engagementId, id);
    const { count } = await tx.risk.deleteMany({ where: { id, engagementId, version } });
    if (count === 0) throw conflict(toRiskRow(await currentOrNotFound(tx, engagementId, id)), "this risk");
    await auditRow(tx, { engagementId, actor, entityType: ENTITY_TYPE, entityId: id, action: "delete", before: riskFromRecord(before), after: null, requestId });
  });
}
