// A whole-engagement document (EngagementDocumentSchema, already validated) → a NEW engagement in the
// importer's organization, with the importer as lead. One transaction: the engagement, its membership,
// every inventory row (bulk inserts, file order kept), the audit-trail policy, and one audit entry.
// Nothing is written when anything fails.
import "server-only";
import { db } from "@/lib/db";
import { appendAuditEvent } from "@/lib/audit/mutations";
import { auditPolicyToColumns, type InventoryKey } from "@/lib/inventories/registry";
import type { EngagementDocument } from "@/lib/engagement-format/schema";
import { insertInventoryRows } from "@/lib/import-export/mutations";
import { DOCUMENT_ARRAYS } from "@/lib/import-export/engagement-json";

export type DocumentImporter = { id: string; email: string; organizationId: string };

export async function createEngagementFromDocument(
  importer: DocumentImporter,
  doc: EngagementDocument,
  source: { fileName?: string; requestId?: string; via?: "app" | "cli" } = {},
): Promise<{ id: string; counts: Record<InventoryKey, number> }> {
  const e = doc.engagement;
  return db.$transaction(
    async (tx) => {
      const created = await tx.engagement.create({
        data: {
          organizationId: importer.organizationId,
          createdById: importer.id,
          clientName: e.clientName,
          name: e.name,
          migrationType: e.migrationType,
          sourceSystem: e.sourceSystem,
          destinationSystem: e.destinationSystem,
          plannedStart: new Date(`${e.plannedStart}T00:00:00.000Z`),
          currency: e.currency,
          status: e.status,
          ...e.profile,
          riskMatrix: doc.riskMatrix as object,
          assumptions: doc.assumptions as object,
          typeDecision: doc.typeDecision as object,
          memberships: { create: { userId: importer.id, role: "lead" } },
        },
        select: { id: true },
      });
      const counts = {} as Record<InventoryKey, number>;
      for (const inventory of Object.keys(DOCUMENT_ARRAYS) as InventoryKey[]) {
        const rows = doc[DOCUMENT_ARRAYS[inventory]] as unknown as Record<string, unknown>[];
        await insertInventoryRows(tx, inventory, created.id, rows);
        counts[inventory] = rows.length;
      }
      if (doc.auditTrail) {
        await tx.auditTrailPolicy.create({ data: { engagementId: created.id, ...auditPolicyToColumns(doc.auditTrail) } });
      }
      await appendAuditEvent(tx, {
        organizationId: importer.organizationId,
        engagementId: created.id,
        actor: { id: importer.id, email: importer.email, role: "lead" },
        action: "engagement.import",
        entityType: "engagement",
        entityId: created.id,
        changes: {
          via: source.via ?? "app",
          fileName: source.fileName ?? "",
          exportedAt: doc.exportedAt ?? null,
          clientName: e.clientName,
          name: e.name,
          rows: counts,
          auditTrail: doc.auditTrail !== null,
        },
        requestId: source.requestId ?? "",
      });
      return { id: created.id, counts };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
