// Factories shared by the demo seed and the tests: each call creates its own world with unique names.
// They take the Prisma client explicitly so Playwright tests (which cannot import lib/db) can use them.
import { randomUUID } from "node:crypto";
import type { Db as PrismaClient } from "@/lib/db-client";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/access-matrix";
import type { EngagementFormValues } from "@/lib/engagements/schema";

export const TEST_PASSWORD = "correct-horse-battery-9";

export function uniqueSuffix() {
  return randomUUID().slice(0, 8);
}

export async function createOrganization(db: PrismaClient, name = `Firm ${uniqueSuffix()}`) {
  return db.organization.create({ data: { name }, select: { id: true, name: true } });
}

export async function createUser(db: PrismaClient, opts: { organizationId: string; name?: string; email?: string; password?: string; isOrgAdmin?: boolean }) {
  const suffix = uniqueSuffix();
  return db.user.create({
    data: {
      organizationId: opts.organizationId,
      name: opts.name ?? `User ${suffix}`,
      email: (opts.email ?? `user-${suffix}@example.test`).toLowerCase(),
      passwordHash: await hashPassword(opts.password ?? TEST_PASSWORD),
      isOrgAdmin: opts.isOrgAdmin ?? false,
    },
    select: { id: true, email: true, name: true, organizationId: true, isOrgAdmin: true },
  });
}

export function engagementValues(overrides: Partial<EngagementFormValues> = {}): EngagementFormValues {
  return {
    clientName: `Client ${uniqueSuffix()}`,
    name: "EMR migration",
    migrationType: "A",
    sourceSystem: "eClinicalWorks",
    destinationSystem: "athenaOne (athenahealth)",
    providers: 60,
    locations: 8,
    specialties: 4,
    staffUsers: 350,
    activePatients: 120_000,
    yearsOfData: 12,
    sourceSystemCount: 1,
    plannedStart: "2027-01-04",
    currency: "USD",
    status: "scoping",
    ...overrides,
  };
}

/** An engagement with the given members (the first lead is the creator). */
export async function createEngagement(db: PrismaClient, opts: { organizationId: string; members: { userId: string; role: Role }[]; values?: Partial<EngagementFormValues> }) {
  const values = engagementValues(opts.values);
  return db.engagement.create({
    data: {
      ...values,
      plannedStart: new Date(`${values.plannedStart}T00:00:00.000Z`),
      organizationId: opts.organizationId,
      createdById: opts.members.find((m) => m.role === "lead")?.userId ?? null,
      memberships: { create: opts.members.map((m) => ({ userId: m.userId, role: m.role })) },
    },
    select: { id: true, clientName: true, name: true, version: true },
  });
}

/** A firm with one user per role on one engagement, plus an outsider consultant of the same firm. */
export async function createEngagementWorld(db: PrismaClient, values: Partial<EngagementFormValues> = {}) {
  const org = await createOrganization(db);
  const lead = await createUser(db, { organizationId: org.id, name: "Lead Consultant", isOrgAdmin: true });
  const consultant = await createUser(db, { organizationId: org.id, name: "Consultant" });
  const reviewer = await createUser(db, { organizationId: org.id, name: "Clinical Reviewer" });
  const executive = await createUser(db, { organizationId: org.id, name: "Executive" });
  const outsider = await createUser(db, { organizationId: org.id, name: "Outsider Consultant" });
  const engagement = await createEngagement(db, {
    organizationId: org.id,
    values,
    members: [
      { userId: lead.id, role: "lead" },
      { userId: consultant.id, role: "consultant" },
      { userId: reviewer.id, role: "clinical_reviewer" },
      { userId: executive.id, role: "executive" },
    ],
  });
  return { org, lead, consultant, reviewer, executive, outsider, engagement, usersByRole: { lead, consultant, clinical_reviewer: reviewer, executive } as const };
}
