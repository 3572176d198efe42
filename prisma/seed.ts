// Demo seed: one consulting firm, a demo user per role, one realistic demo engagement.
// Idempotent: running it again changes nothing and prints the sign-ins again.
// Run through `npm run db:seed` (tsx --conditions=react-server, DATABASE_URL provided).
import { db } from "@/lib/db";
import { createEngagement, createOrganization, createUser } from "@/lib/factories";
import type { Role } from "@/lib/auth/access-matrix";

export const DEMO_PASSWORD = "sounding-demo-2026";
const ORG_NAME = "Meridian Health Advisory";

export const DEMO_USERS: { email: string; name: string; role: Role | null; isOrgAdmin: boolean; note: string }[] = [
  { email: "dana.lead@sounding.demo", name: "Dana Okafor", role: "lead", isOrgAdmin: true, note: "engagement lead, firm admin" },
  { email: "sam.consultant@sounding.demo", name: "Sam Whitfield", role: "consultant", isOrgAdmin: false, note: "consultant" },
  { email: "maria.reyes@sounding.demo", name: "Dr. Maria Reyes", role: "clinical_reviewer", isOrgAdmin: false, note: "clinical reviewer" },
  { email: "jordan.exec@sounding.demo", name: "Jordan Blake", role: "executive", isOrgAdmin: false, note: "executive (read-only)" },
  { email: "alex.other@sounding.demo", name: "Alex Moreno", role: null, isOrgAdmin: false, note: "consultant, not a member of the demo engagement" },
];

export async function seedDemo() {
  const existing = await db.user.findUnique({ where: { email: DEMO_USERS[0]!.email }, select: { id: true } });
  if (existing) return { created: false };

  const org = await createOrganization(db, ORG_NAME);
  const users = [];
  for (const u of DEMO_USERS) {
    users.push({ ...u, user: await createUser(db, { organizationId: org.id, name: u.name, email: u.email, password: DEMO_PASSWORD, isOrgAdmin: u.isOrgAdmin }) });
  }
  await createEngagement(db, {
    organizationId: org.id,
    members: users.filter((u) => u.role).map((u) => ({ userId: u.user.id, role: u.role! })),
    values: {
      clientName: "Cedar Ridge Behavioral Health",
      name: "EMR replacement 2027",
      migrationType: "A",
      sourceSystem: "Credible (Qualifacts)",
      destinationSystem: "Netsmart myAvatar",
      providers: 60,
      locations: 9,
      specialties: 5,
      staffUsers: 320,
      activePatients: 48_000,
      yearsOfData: 11,
      sourceSystemCount: 2,
      plannedStart: "2027-02-01",
      currency: "USD",
      status: "scoping",
    },
  });
  return { created: true };
}

async function main() {
  const { created } = await seedDemo();
  console.log(created ? "Seeded the demo firm, users and engagement." : "Demo data already present.");
  console.log(`Demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
  for (const u of DEMO_USERS) console.log(`  ${u.email.padEnd(32)} ${u.note}`);
}

main()
  .then(() => db.$disconnect())
  .catch(async (err) => {
    console.error(`Seeding failed: ${err instanceof Error ? err.message : String(err)}`);
    await db.$disconnect();
    process.exit(1);
  });
