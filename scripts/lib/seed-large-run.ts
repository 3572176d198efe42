// The body of `npm run seed:large` (scripts/seed-large.mjs runs it with DATABASE_URL and react-server).
import { db } from "@/lib/db";
import { createEngagementFromDocument } from "@/lib/engagement-format/mutations";
import { LARGE_COUNTS, LARGE_ENGAGEMENT_NAME, generateLargeDocument } from "./large-engagement";

const MEMBER_ROLES = { "sam.consultant@sounding.demo": "consultant", "maria.reyes@sounding.demo": "clinical_reviewer", "jordan.exec@sounding.demo": "executive" } as const;

async function main() {
  const lead = await db.user.findUnique({ where: { email: "dana.lead@sounding.demo" }, select: { id: true, email: true, organizationId: true } });
  if (!lead) throw new Error("the demo firm is missing: run `npm run db:seed` first");
  const existing = await db.engagement.findFirst({ where: { organizationId: lead.organizationId, name: LARGE_ENGAGEMENT_NAME }, select: { id: true } });
  if (existing && !process.argv.includes("--replace")) {
    console.error(`The large engagement already exists (npm run seed:large -- --replace makes a new one).`);
    process.stdout.write(`${existing.id}\n`);
    return;
  }
  if (existing) await db.engagement.delete({ where: { id: existing.id } });
  const t0 = performance.now();
  const { id, counts } = await createEngagementFromDocument(lead, generateLargeDocument(), { fileName: "seed-large.json", via: "cli" });
  const users = await db.user.findMany({ where: { email: { in: Object.keys(MEMBER_ROLES) } }, select: { id: true, email: true } });
  await db.membership.createMany({ data: users.map((u) => ({ engagementId: id, userId: u.id, role: MEMBER_ROLES[u.email as keyof typeof MEMBER_ROLES] })) });
  console.error(
    `Created "${LARGE_ENGAGEMENT_NAME}" in ${Math.round(performance.now() - t0).toLocaleString("en-US")} ms: ${Object.entries(counts).map(([k, v]) => `${v.toLocaleString("en-US")} ${k}`).join(", ")}, ${LARGE_COUNTS.waves} waves; members: the demo users.`,
  );
  process.stdout.write(`${id}\n`);
}

main()
  .then(() => db.$disconnect())
  .catch(async (err) => {
    console.error(`seed:large failed: ${err instanceof Error ? err.message : String(err)}`);
    await db.$disconnect();
    process.exit(1);
  });
