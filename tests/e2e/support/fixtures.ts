// Golden-fixture data on an e2e engagement (rows through the registry's toColumns, on the e2e database).
import { readFileSync } from "node:fs";
import path from "node:path";
import { e2eDb } from "./db";
import { ROOT } from "./paths";
import { EngagementDocumentSchema } from "@/lib/engagement-format/schema";
import { auditPolicyToColumns, INVENTORIES } from "@/lib/inventories/registry";

/** Put a golden fixture's profile, assumptions and inventories on the world's engagement (rows through the registry's toColumns). */
export async function seedFixture(engagementId: string, file: "mid-size-type-a.json" | "mid-size-type-b.json") {
  const doc = EngagementDocumentSchema.parse(JSON.parse(readFileSync(path.join(ROOT, "tests/fixtures/engagements", file), "utf8")));
  const db = e2eDb();
  const e = doc.engagement;
  await db.engagement.update({
    where: { id: engagementId },
    data: {
      name: e.name,
      migrationType: e.migrationType,
      sourceSystem: e.sourceSystem,
      destinationSystem: e.destinationSystem,
      plannedStart: new Date(`${e.plannedStart}T00:00:00.000Z`),
      currency: e.currency,
      ...e.profile,
      riskMatrix: doc.riskMatrix as object,
      assumptions: doc.assumptions as object,
    },
  });
  const rows = <T,>(list: T[], toColumns: (r: T) => object) => list.map((r) => ({ engagementId, ...toColumns(r) }));
  const dropNullJson = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).filter(([k, v]) => !(v === null && (k === "scheduleImpactWeeks" || k === "costImpact"))));
  await db.dataEntity.createMany({ data: rows(doc.dataEntities, INVENTORIES.data.toColumns) as never });
  await db.workflowItem.createMany({ data: rows(doc.workflows, INVENTORIES.workflows.toColumns) as never });
  await db.integration.createMany({ data: rows(doc.integrations, INVENTORIES.integrations.toColumns) as never });
  await db.report.createMany({ data: rows(doc.reports, INVENTORIES.reports.toColumns) as never });
  await db.risk.createMany({ data: rows(doc.risks, (r) => dropNullJson(INVENTORIES.risks.toColumns(r) as Record<string, unknown>)) as never });
  if (doc.auditTrail) await db.auditTrailPolicy.create({ data: { engagementId, ...auditPolicyToColumns(doc.auditTrail) } as never });
}

