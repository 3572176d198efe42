// Engagement reads. The list is scoped by the user's memberships; single reads take an authorized id.
import "server-only";
import { db } from "@/lib/db";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import type { EngagementListFilter } from "@/lib/engagements/schema";
import type { Role } from "@/lib/auth/access-matrix";
import type { Prisma } from "@/lib/generated/prisma/client";

export const engagementSelect = {
  id: true,
  clientName: true,
  name: true,
  migrationType: true,
  sourceSystem: true,
  destinationSystem: true,
  providers: true,
  locations: true,
  specialties: true,
  staffUsers: true,
  activePatients: true,
  yearsOfData: true,
  sourceSystemCount: true,
  plannedStart: true,
  currency: true,
  status: true,
  archivedAt: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.EngagementSelect;

export type EngagementRow = Prisma.EngagementGetPayload<{ select: typeof engagementSelect }>;

export type EngagementDto = Omit<EngagementRow, "plannedStart" | "archivedAt" | "createdAt" | "updatedAt"> & {
  plannedStart: string;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export function toEngagementDto(row: EngagementRow): EngagementDto {
  return {
    ...row,
    plannedStart: row.plannedStart.toISOString().slice(0, 10),
    archivedAt: row.archivedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function findEngagementsForUser(userId: string, filter: EngagementListFilter) {
  const where: Prisma.EngagementWhereInput = { memberships: { some: { userId } } };
  if (filter.status === "archived") where.archivedAt = { not: null };
  else {
    where.archivedAt = null;
    if (filter.status) where.status = filter.status;
  }
  if (filter.type) where.migrationType = filter.type;
  if (filter.q) {
    where.OR = [
      { clientName: { contains: filter.q, mode: "insensitive" } },
      { name: { contains: filter.q, mode: "insensitive" } },
      { sourceSystem: { contains: filter.q, mode: "insensitive" } },
      { destinationSystem: { contains: filter.q, mode: "insensitive" } },
    ];
  }
  const rows = await db.engagement.findMany({
    where,
    orderBy: [{ updatedAt: "desc" }],
    take: 200,
    select: { ...engagementSelect, memberships: { where: { userId }, select: { role: true } }, _count: { select: { memberships: true } } },
  });
  return rows.map(({ memberships, _count, ...row }) => ({
    ...toEngagementDto(row),
    myRole: (memberships[0]?.role ?? "executive") as Role,
    memberCount: _count.memberships,
  }));
}

export async function findEngagement(engagementId: AuthorizedEngagementId): Promise<EngagementDto> {
  const row = await db.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: engagementSelect });
  return toEngagementDto(row);
}

export async function findMembers(engagementId: AuthorizedEngagementId) {
  const rows = await db.membership.findMany({
    where: { engagementId },
    orderBy: [{ createdAt: "asc" }],
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true, disabledAt: true } } },
  });
  return rows.map((m) => ({ userId: m.user.id, name: m.user.name, email: m.user.email, isDisabled: m.user.disabledAt !== null, role: m.role as Role, addedAt: m.createdAt.toISOString() }));
}
export type MemberDto = Awaited<ReturnType<typeof findMembers>>[number];

/** Row counts per inventory for the overview (a constant number of queries whatever the row counts). */
export async function findInventoryCounts(engagementId: AuthorizedEngagementId) {
  const [dataEntities, workflowItems, integrations, reports, risks, auditPolicy, members] = await Promise.all([
    db.dataEntity.count({ where: { engagementId } }),
    db.workflowItem.count({ where: { engagementId } }),
    db.integration.count({ where: { engagementId } }),
    db.report.count({ where: { engagementId } }),
    db.risk.count({ where: { engagementId } }),
    db.auditTrailPolicy.findUnique({ where: { engagementId }, select: { policy: true } }),
    db.membership.count({ where: { engagementId } }),
  ]);
  return { dataEntities, workflowItems, integrations, reports, risks, auditPolicy: auditPolicy?.policy ?? null, members };
}
