// Helpers for the report and share-link integration tests: a world (one user per role + an outsider of
// the same firm) on an engagement imported from a golden fixture; the report's routes called like a browser.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { db } from "@/lib/db";
import { createEngagementWorld } from "@/lib/factories";
import { createEngagementFromDocument } from "@/lib/engagement-format/mutations";
import { EngagementDocumentSchema, type EngagementDocument } from "@/lib/engagement-format/schema";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { GET as pdfRoute } from "@/app/api/engagements/[id]/report.pdf/route";
import { GET as exportRoute } from "@/app/api/engagements/[id]/report/export/route";

export const ROOT = path.resolve(__dirname, "../../..");

export function fixtureDocument(file = "mid-size-type-a.json"): EngagementDocument {
  return EngagementDocumentSchema.parse(JSON.parse(fs.readFileSync(path.join(ROOT, "tests/fixtures/engagements", file), "utf8")));
}

export type ReportWorld = Awaited<ReturnType<typeof createEngagementWorld>> & { eid: AuthorizedEngagementId };

/** createEngagementWorld's users on a new engagement imported from the fixture (the lead imports it). */
export async function createReportWorld(doc: EngagementDocument = fixtureDocument()): Promise<ReportWorld> {
  const world = await createEngagementWorld(db);
  const { id } = await createEngagementFromDocument(world.lead, doc);
  await db.membership.createMany({
    data: [
      { engagementId: id, userId: world.consultant.id, role: "consultant" },
      { engagementId: id, userId: world.reviewer.id, role: "clinical_reviewer" },
      { engagementId: id, userId: world.executive.id, role: "executive" },
    ],
  });
  return { ...world, engagement: { ...world.engagement, id }, eid: id as AuthorizedEngagementId };
}

const request = (url: string) => new Request(`http://localhost${url}`, { headers: { "x-request-id": "test-request" } });

export function getPdf(engagementId: string, query = "") {
  return pdfRoute(request(`/api/engagements/${engagementId}/report.pdf${query}`), { params: Promise.resolve({ id: engagementId }) });
}

export function getExport(engagementId: string, query: string) {
  return exportRoute(request(`/api/engagements/${engagementId}/report/export${query}`), { params: Promise.resolve({ id: engagementId }) });
}

/** The text of a PDF (pdftotext from poppler-utils, on a temp file), whitespace collapsed. */
export function pdfToText(buf: Uint8Array): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "report-pdf-"));
  try {
    const file = path.join(dir, "report.pdf");
    fs.writeFileSync(file, buf);
    return execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function auditEntries(engagementId: string, action: string) {
  return db.auditEvent.findMany({ where: { engagementId, action }, orderBy: { id: "asc" } });
}
