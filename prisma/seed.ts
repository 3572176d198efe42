// Demo seed: one consulting firm, a demo user per role, two realistic demo engagements (Type A and B).
// Idempotent: running it again changes nothing and prints the sign-ins again.
// Run through `npm run db:seed` (tsx --conditions=react-server, DATABASE_URL provided).
import { readFileSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { createOrganization, createUser } from "@/lib/factories";
import { createEngagementFromDocument } from "@/lib/engagement-format/mutations";
import { EngagementDocumentSchema } from "@/lib/engagement-format/schema";
import type { Role } from "@/lib/auth/access-matrix";

export const DEMO_PASSWORD = "sounding-demo-2026";
const ORG_NAME = "Meridian Health Advisory";

export const DEMO_USERS: { email: string; name: string; role: Role | null; isOrgAdmin: boolean; note: string }[] = [
  { email: "dana.lead@sounding.demo", name: "Dana Okafor", role: "lead", isOrgAdmin: true, note: "engagement lead, firm admin" },
  { email: "sam.consultant@sounding.demo", name: "Sam Whitfield", role: "consultant", isOrgAdmin: false, note: "consultant" },
  { email: "maria.reyes@sounding.demo", name: "Dr. Maria Reyes", role: "clinical_reviewer", isOrgAdmin: false, note: "clinical reviewer" },
  { email: "jordan.exec@sounding.demo", name: "Jordan Blake", role: "executive", isOrgAdmin: false, note: "executive (read-only)" },
  { email: "alex.other@sounding.demo", name: "Alex Moreno", role: null, isOrgAdmin: false, note: "consultant, not a member of the demo engagements" },
];

// The two public golden scenarios (tests/fixtures/engagements) are the demo engagements: realistic
// inventories, risk registers and assumptions, the same data the estimate's golden tests hold.
const DEMO_DOCUMENTS = [
  { file: "tests/fixtures/engagements/mid-size-type-a.json", plannedStart: "2027-02-01" },
  { file: "tests/fixtures/engagements/mid-size-type-b.json", plannedStart: "2027-03-01" },
];

export async function seedDemo() {
  const existing = await db.user.findUnique({ where: { email: DEMO_USERS[0]!.email }, select: { id: true } });
  if (existing) return { created: false };

  const org = await createOrganization(db, ORG_NAME);
  const users = [];
  for (const u of DEMO_USERS) {
    users.push({ ...u, user: await createUser(db, { organizationId: org.id, name: u.name, email: u.email, password: DEMO_PASSWORD, isOrgAdmin: u.isOrgAdmin }) });
  }
  const lead = users.find((u) => u.role === "lead")!.user;
  for (const { file, plannedStart } of DEMO_DOCUMENTS) {
    const raw = JSON.parse(readFileSync(path.join(process.cwd(), file), "utf8"));
    const doc = EngagementDocumentSchema.parse({ ...raw, engagement: { ...raw.engagement, plannedStart } });
    const { id } = await createEngagementFromDocument({ id: lead.id, email: lead.email, organizationId: org.id }, doc, { fileName: path.basename(file), via: "cli" });
    await db.membership.createMany({ data: users.filter((u) => u.role && u.role !== "lead").map((u) => ({ engagementId: id, userId: u.user.id, role: u.role! })) });
  }
  return { created: true };
}

async function main() {
  const { created } = await seedDemo();
  console.log(created ? "Seeded the demo firm, users and engagements." : "Demo data already present.");
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
