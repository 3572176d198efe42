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

type InventoryCountsRecord = {
  dataEntities: number;
  dataUnknownCounts: number;
  dataUndecided: number;
  dataIncomplete: number;
  workflowItems: number;
  workflowUndecided: number;
  workflowNotReviewed: number;
  workflowIncomplete: number;
  integrations: number;
  integrationsUndecided: number;
  reports: number;
  reportsRegulatory: number;
  reportsRegulatoryWithoutPlan: number;
  risks: number;
  risksNotClosed: number;
  risksWithoutOwner: number;
  risksResidualNotAssessed: number;
  risksIncomplete: number;
  risksOverdue: number;
  auditPolicy: string | null;
  auditRetrievalProcedure: string | null;
  auditDestination: string | null;
  members: number;
};

/**
 * Row counts and completeness per inventory for the overview, in one query whatever the row counts.
 * Incomplete means: data entities with an unknown record count or an undecided decision; workflow items with
 * an undecided disposition or not reviewed; integrations with an undecided transition strategy; regulatory
 * reports without a reproducibility plan; risks (not closed) without an owner or a residual assessment.
 * `today` (YYYY-MM-DD, UTC) is the reference for overdue risk reviews.
 */
export async function findInventoryCounts(engagementId: AuthorizedEngagementId, today: string = new Date().toISOString().slice(0, 10)) {
  const [c] = await db.$queryRaw<InventoryCountsRecord[]>`
    SELECT d.*, w.*, i.*, r.*, k.*, a.*,
      (SELECT count(*) FROM "Membership" WHERE "engagementId" = ${engagementId})::int AS "members"
    FROM
      (SELECT count(*)::int AS "dataEntities",
              count(*) FILTER (WHERE "recordCount" IS NULL)::int AS "dataUnknownCounts",
              count(*) FILTER (WHERE "decision" = 'undecided')::int AS "dataUndecided",
              count(*) FILTER (WHERE "recordCount" IS NULL OR "decision" = 'undecided')::int AS "dataIncomplete"
         FROM "DataEntity" WHERE "engagementId" = ${engagementId}) d,
      (SELECT count(*)::int AS "workflowItems",
              count(*) FILTER (WHERE "disposition" = 'undecided')::int AS "workflowUndecided",
              count(*) FILTER (WHERE "reviewStatus" = 'not_reviewed')::int AS "workflowNotReviewed",
              count(*) FILTER (WHERE "disposition" = 'undecided' OR "reviewStatus" = 'not_reviewed')::int AS "workflowIncomplete"
         FROM "WorkflowItem" WHERE "engagementId" = ${engagementId}) w,
      (SELECT count(*)::int AS "integrations",
              count(*) FILTER (WHERE "transitionStrategy" = 'undecided')::int AS "integrationsUndecided"
         FROM "Integration" WHERE "engagementId" = ${engagementId}) i,
      (SELECT count(*)::int AS "reports",
              count(*) FILTER (WHERE "kind" = 'regulatory')::int AS "reportsRegulatory",
              count(*) FILTER (WHERE "kind" = 'regulatory' AND btrim("reproducibilityPlan") = '')::int AS "reportsRegulatoryWithoutPlan"
         FROM "Report" WHERE "engagementId" = ${engagementId}) r,
      (SELECT count(*)::int AS "risks",
              count(*) FILTER (WHERE "status" <> 'closed')::int AS "risksNotClosed",
              count(*) FILTER (WHERE "status" <> 'closed' AND btrim("owner") = '')::int AS "risksWithoutOwner",
              count(*) FILTER (WHERE "status" <> 'closed' AND ("residualLikelihood" IS NULL OR "residualImpact" IS NULL))::int AS "risksResidualNotAssessed",
              count(*) FILTER (WHERE "status" <> 'closed' AND (btrim("owner") = '' OR "residualLikelihood" IS NULL OR "residualImpact" IS NULL))::int AS "risksIncomplete",
              count(*) FILTER (WHERE "status" <> 'closed' AND "nextReviewDate" < ${today}::date)::int AS "risksOverdue"
         FROM "Risk" WHERE "engagementId" = ${engagementId}) k
      LEFT JOIN LATERAL (
        SELECT "policy" AS "auditPolicy", "retrievalProcedure" AS "auditRetrievalProcedure", "destination" AS "auditDestination"
          FROM "AuditTrailPolicy" WHERE "engagementId" = ${engagementId}
      ) a ON true`;
  return {
    dataEntities: c.dataEntities,
    workflowItems: c.workflowItems,
    integrations: c.integrations,
    reports: c.reports,
    risks: c.risks,
    auditPolicy: c.auditPolicy,
    members: c.members,
    completeness: {
      data: { total: c.dataEntities, incomplete: c.dataIncomplete, unknownCounts: c.dataUnknownCounts, undecided: c.dataUndecided },
      workflows: { total: c.workflowItems, incomplete: c.workflowIncomplete, undecided: c.workflowUndecided, notReviewed: c.workflowNotReviewed },
      integrations: { total: c.integrations, incomplete: c.integrationsUndecided, undecided: c.integrationsUndecided },
      reports: { total: c.reports, incomplete: c.reportsRegulatoryWithoutPlan, regulatory: c.reportsRegulatory, regulatoryWithoutPlan: c.reportsRegulatoryWithoutPlan },
      risks: {
        total: c.risks,
        notClosed: c.risksNotClosed,
        incomplete: c.risksIncomplete,
        withoutOwner: c.risksWithoutOwner,
        residualNotAssessed: c.risksResidualNotAssessed,
        overdue: c.risksOverdue,
      },
      auditTrail: {
        policy: c.auditPolicy,
        retrievalProcedure: c.auditRetrievalProcedure ?? "",
        destination: c.auditDestination ?? "",
      },
    },
  };
}
export type InventoryCounts = Awaited<ReturnType<typeof findInventoryCounts>>;

/** The engagement's stored assumptions JSON as saved or imported (overrides only; may be partial). */
export async function findEngagementAssumptionsRaw(engagementId: AuthorizedEngagementId): Promise<unknown> {
  const row = await db.engagement.findFirstOrThrow({ where: { id: engagementId }, select: { assumptions: true } });
  return row.assumptions;
}
