// Organization users (admin view), scoped by the admin's organization.
import "server-only";
import { db } from "@/lib/db";

export async function findOrganizationUsers(organizationId: string) {
  const rows = await db.user.findMany({
    where: { organizationId },
    orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { name: "asc" }],
    select: { id: true, name: true, email: true, isOrgAdmin: true, disabledAt: true, createdAt: true, _count: { select: { memberships: true } } },
  });
  return rows.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    isOrgAdmin: u.isOrgAdmin,
    isDisabled: u.disabledAt !== null,
    createdAt: u.createdAt.toISOString(),
    engagementCount: u._count.memberships,
  }));
}
export type OrganizationUserDto = Awaited<ReturnType<typeof findOrganizationUsers>>[number];

export async function findOrganization(organizationId: string) {
  return db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { id: true, name: true } });
}
