// Helpers for the estimate-UI integration tests: a world (one user per role + an outsider) whose
// engagement holds a golden fixture's inventories and assumptions.
import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { createEngagementWorld } from "@/lib/factories";
import { createEngagementFromDocument } from "@/lib/engagement-format/mutations";
import { EngagementDocumentSchema, type EngagementDocument } from "@/lib/engagement-format/schema";
import type { AuthorizedEngagementId } from "@/lib/auth/access";

export const ROOT = path.resolve(__dirname, "../../..");

export function fixtureDocument(file = "mid-size-type-a.json"): EngagementDocument {
  return EngagementDocumentSchema.parse(JSON.parse(fs.readFileSync(path.join(ROOT, "tests/fixtures/engagements", file), "utf8")));
}

export type EstimateWorld = Awaited<ReturnType<typeof createEngagementWorld>> & { eid: AuthorizedEngagementId };

/** createEngagementWorld's users, on a new engagement imported from the fixture (the lead imports it). */
export async function createFixtureWorld(file?: string): Promise<EstimateWorld> {
  const world = await createEngagementWorld(db);
  const { id } = await createEngagementFromDocument(world.lead, fixtureDocument(file));
  await db.membership.createMany({
    data: [
      { engagementId: id, userId: world.consultant.id, role: "consultant" },
      { engagementId: id, userId: world.reviewer.id, role: "clinical_reviewer" },
      { engagementId: id, userId: world.executive.id, role: "executive" },
    ],
  });
  return { ...world, engagement: { ...world.engagement, id }, eid: id as AuthorizedEngagementId };
}

export async function engagementRow(id: string) {
  return db.engagement.findUniqueOrThrow({ where: { id }, select: { assumptions: true, assumptionsVersion: true, version: true, updatedAt: true } });
}

export async function auditEntries(engagementId: string, action: string) {
  return db.auditEvent.findMany({ where: { engagementId, action }, orderBy: { id: "asc" } });
}
