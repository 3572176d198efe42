// Engagement reads. The list is scoped by the user's memberships; single reads take an authorized id.
import "server-only";
import { db } from "@/lib/db";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import type { EngagementListFilter } from "@/lib/engagements/schema";
import type { Role } from "@/lib/auth/access-matrix";
import type { Prisma } from "@/lib/generated/prisma/client";
import { tallyFromRows, type TallyInventory } from "@/lib/inventories/tally";

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
  tally: { inventory: TallyInventory; key: string; n: string }[];
  auditPolicy: string | null;
  auditRetrievalProcedure: string | null;
  auditDestination: string | null;
  members: number;
};

/**
 * Row counts and completeness per inventory for the overview, in one query that reads the maintained tally
 * (lib/inventories/tally.ts: one row per key, whatever the row counts).
 * Incomplete means: data entities with an unknown record count or an undecided decision; workflow items with
 * an undecided disposition or not reviewed; integrations with an undecided transition strategy; regulatory
 * reports without a reproducibility plan; risks (not closed) without an owner or a residual assessment.
 * `today` (YYYY-MM-DD, UTC) is the reference for overdue risk reviews.
 */
export async function findInventoryCounts(engagementId: AuthorizedEngagementId, today: string = new Date().toISOString().slice(0, 10)) {
  const [row] = await db.$queryRaw<InventoryCountsRecord[]>`
    SELECT a.*,
      (SELECT count(*) FROM "Membership" WHERE "engagementId" = ${engagementId})::int AS "members",
      (SELECT coalesce(json_agg(json_build_object('inventory', t."inventory", 'key', t."key", 'n', t."n"::text)), '[]'::json)
         FROM "InventoryTally" t WHERE t."engagementId" = ${engagementId}) AS "tally"
    FROM (SELECT 1) one
      LEFT JOIN LATERAL (
        SELECT "policy" AS "auditPolicy", "retrievalProcedure" AS "auditRetrievalProcedure", "destination" AS "auditDestination"
          FROM "AuditTrailPolicy" WHERE "engagementId" = ${engagementId}
      ) a ON true`;
  const of = (inventory: TallyInventory) => tallyFromRows(row.tally.filter((t) => t.inventory === inventory));
  const [d, w, i, r, k] = [of("data"), of("workflows"), of("integrations"), of("reports"), of("risks")];
  const c = {
    dataEntities: d.get("rows"),
    dataUnknownCounts: d.get("unknownCounts"),
    dataUndecided: d.get("decision:undecided"),
    dataIncomplete: d.get("incomplete"),
    workflowItems: w.get("rows"),
    workflowUndecided: w.get("disposition:undecided"),
    workflowNotReviewed: w.get("reviewStatus:not_reviewed"),
    workflowIncomplete: w.get("incomplete"),
    integrations: i.get("rows"),
    integrationsUndecided: i.get("transitionStrategy:undecided"),
    reports: r.get("rows"),
    reportsRegulatory: r.get("kind:regulatory"),
    reportsRegulatoryWithoutPlan: r.get("regulatoryWithoutPlan"),
    risks: k.get("rows"),
    risksNotClosed: k.get("rows") - k.get("status:closed"),
    risksWithoutOwner: k.get("open:withoutOwner"),
    risksResidualNotAssessed: k.get("open:residualNotAssessed"),
    risksIncomplete: k.get("open:incomplete"),
    // open risks whose next review date is before today: the tally keeps them per date (ISO dates sort as text)
    risksOverdue: k.under("open:review").reduce((n, g) => (g.value < today ? n + g.count : n), 0),
    auditPolicy: row.auditPolicy,
    auditRetrievalProcedure: row.auditRetrievalProcedure,
    auditDestination: row.auditDestination,
    members: row.members,
  };
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
