// Audit-trail policy write: created by the first save (version 0), then versioned like every row.
// Two people saving the first version at once: one creates it, the other gets CONFLICT with it.
import "server-only";
import { db } from "@/lib/db";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import type { AuditTrailPolicy } from "@/lib/engagement-format/schema";
import { isUniqueViolation } from "@/lib/errors";
import { auditPolicyFromRecord, auditPolicyToColumns } from "@/lib/inventories/registry";
import { auditRow, conflict, type Actor } from "@/lib/inventories/mutations";
import { diffFields } from "@/lib/audit/mutations";
import { auditPolicySelect, toAuditPolicyDto } from "@/lib/audit-trail/data";

const ENTITY_TYPE = "audit_policy";
const WHAT = "the audit-trail policy";

export async function saveAuditTrailPolicy(
  engagementId: AuthorizedEngagementId,
  actor: Actor,
  version: number,
  values: AuditTrailPolicy,
  requestId = "",
): Promise<{ version: number }> {
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.auditTrailPolicy.findUnique({ where: { engagementId }, select: { id: true, ...auditPolicySelect } });
      if (version === 0) {
        if (before) throw conflict(toAuditPolicyDto(before), WHAT);
        const created = await tx.auditTrailPolicy.create({ data: { engagementId, ...auditPolicyToColumns(values) }, select: { id: true, version: true } });
        await auditRow(tx, { engagementId, actor, entityType: ENTITY_TYPE, entityId: created.id, action: "create", before: null, after: values, requestId });
        return { version: created.version };
      }
      if (!before || before.version !== version) {
        if (!before) throw conflict(null, WHAT);
        throw conflict(toAuditPolicyDto(before), WHAT);
      }
      const beforeValues = auditPolicyFromRecord(before);
      if (Object.keys(diffFields(beforeValues, values)).length === 0) return { version };
      const { count } = await tx.auditTrailPolicy.updateMany({ where: { engagementId, version }, data: { ...auditPolicyToColumns(values), version: { increment: 1 } } });
      if (count === 0) {
        const current = await tx.auditTrailPolicy.findUniqueOrThrow({ where: { engagementId }, select: auditPolicySelect });
        throw conflict(toAuditPolicyDto(current), WHAT);
      }
      await auditRow(tx, { engagementId, actor, entityType: ENTITY_TYPE, entityId: before.id, action: "update", before: beforeValues, after: values, requestId });
      return { version: version + 1 };
    });
  } catch (err) {
    // the first version was created by someone else between our read and our insert
    if (isUniqueViolation(err)) {
      const current = await db.auditTrailPolicy.findUnique({ where: { engagementId }, select: auditPolicySelect });
      throw conflict(current ? toAuditPolicyDto(current) : null, WHAT);
    }
    throw err;
  }
}
