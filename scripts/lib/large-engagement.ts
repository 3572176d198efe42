// A generated large engagement for load tests (npm run seed:large, npm run loadtest): the demo Type A
// engagement (tests/fixtures/engagements/mid-size-type-a.json) scaled to 5,000 data entities, 2,000
// workflow items, 300 interfaces, 800 reports, 300 risks and 12 cutover waves — the size issue 13
// measures. Deterministic: the same document every time (rows cycle through the fixture's rows with
// numbered names, so values stay realistic and every unique key holds).
import fs from "node:fs";
import path from "node:path";
import { EngagementDocumentSchema, type EngagementDocument } from "@/lib/engagement-format/schema";

export const LARGE_ENGAGEMENT_NAME = "Large engagement (npm run seed:large)";
export const LARGE_COUNTS = { dataEntities: 5_000, workflows: 2_000, integrations: 300, reports: 800, risks: 300, waves: 12 } as const;

function cycle<T>(rows: T[], n: number, rename: (row: T, i: number) => T): T[] {
  return Array.from({ length: n }, (_, i) => rename(rows[i % rows.length] as T, i));
}

export function generateLargeDocument(root = process.cwd()): EngagementDocument {
  const base = EngagementDocumentSchema.parse(JSON.parse(fs.readFileSync(path.join(root, "tests/fixtures/engagements/mid-size-type-a.json"), "utf8")));
  const n = (i: number) => String(i + 1).padStart(4, "0");
  const waves = Array.from({ length: LARGE_COUNTS.waves }, (_, i) => ({ name: `Wave ${i + 1}`, cohort: `Region ${i + 1}: ${3 + (i % 4)} clinics`, providers: 40, users: 260 }));
  return EngagementDocumentSchema.parse({
    ...base,
    engagement: {
      ...base.engagement,
      clientName: "Statewide Health Partners",
      name: LARGE_ENGAGEMENT_NAME,
      profile: { ...base.engagement.profile, providers: 480, locations: 60, specialties: 24, staffUsers: 3_100, activePatients: 1_400_000, sourceSystemCount: 4 },
    },
    dataEntities: cycle(base.dataEntities, LARGE_COUNTS.dataEntities, (r, i) => ({ ...r, sourceObject: `${r.sourceObject} #${n(i)}` })),
    workflows: cycle(base.workflows, LARGE_COUNTS.workflows, (r, i) => ({ ...r, name: `${r.name} ${n(i)}`, department: `${r.department || "General"} ${1 + (i % 25)}` })),
    integrations: cycle(base.integrations, LARGE_COUNTS.integrations, (r, i) => ({ ...r, name: `${r.name} ${n(i)}` })),
    reports: cycle(base.reports, LARGE_COUNTS.reports, (r, i) => ({ ...r, name: `${r.name} ${n(i)}` })),
    risks: cycle(base.risks, LARGE_COUNTS.risks, (r, i) => ({ ...r, title: `${r.title} ${n(i)}`, libraryKey: i < base.risks.length ? r.libraryKey : null })),
    assumptions: { ...base.assumptions, teamFte: 60, interfaceEngineers: 12, waves },
  });
}
