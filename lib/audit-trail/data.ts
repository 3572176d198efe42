// Audit-trail policy read (one row per engagement, or none yet).
import "server-only";
import { db } from "@/lib/db";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import type { Prisma } from "@/lib/generated/prisma/client";
import { auditPolicyFromRecord } from "@/lib/inventories/registry";
import type { AuditTrailPolicyDto } from "@/lib/audit-trail/schema";

export const auditPolicySelect = {
  version: true,
  updatedAt: true,
  policy: true,
  sourceLogRows: true,
  sourceLogYears: true,
  retentionYears: true,
  retentionBasis: true,
  destination: true,
  retrievalProcedure: true,
  owner: true,
} satisfies Prisma.AuditTrailPolicySelect;

type AuditPolicyRecord = Prisma.AuditTrailPolicyGetPayload<{ select: typeof auditPolicySelect }>;

export function toAuditPolicyDto(r: AuditPolicyRecord): AuditTrailPolicyDto {
  return { values: auditPolicyFromRecord(r), version: r.version, updatedAt: r.updatedAt.toISOString() };
}

export async function findAuditTrailPolicy(engagementId: AuthorizedEngagementId): Promise<AuditTrailPolicyDto | null> {
  const r = await db.auditTrailPolicy.findUnique({ where: { engagementId }, select: auditPolicySelect });
  return r ? toAuditPolicyDto(r) : null;
}
