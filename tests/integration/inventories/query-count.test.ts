// TRUST.md: "a constant number of SQL queries per page, whatever the rows". Every Prisma call an inventory
// page makes is counted, at two inventory sizes; the counts must be small and equal.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { mockNextRuntime } from "../support/session";
mockNextRuntime();

import { db } from "@/lib/db";
import { createEngagementWorld } from "@/lib/factories";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { findDataEntityPage, findDataEntityTotals } from "@/lib/data-inventory/data";
import { DataEntityQuerySchema } from "@/lib/data-inventory/schema";
import { findWorkflowPage, findWorkflowTotals } from "@/lib/workflows/data";
import { WorkflowQuerySchema } from "@/lib/workflows/schema";
import { findIntegrationPage, findIntegrationTotals } from "@/lib/integrations/data";
import { IntegrationQuerySchema } from "@/lib/integrations/schema";
import { findReportPage, findReportTotals } from "@/lib/reports/data";
import { ReportQuerySchema } from "@/lib/reports/schema";
import { findRiskPage, findRiskSettings, findRiskTotals } from "@/lib/risks/data";
import { RiskQuerySchema } from "@/lib/risks/schema";
import { findInventoryCounts } from "@/lib/engagements/data";

const MODELS = ["dataEntity", "workflowItem", "integration", "report", "risk", "engagement", "auditTrailPolicy", "inventoryTally"] as const;
const METHODS = ["findMany", "findFirst", "findUnique", "findUniqueOrThrow", "count", "groupBy", "aggregate"] as const;

/** Counts Prisma calls (each is one SQL statement here: no includes/relations are used by these loaders). */
function countQueries() {
  const spies: { mockRestore: () => void }[] = [];
  let n = 0;
  for (const model of MODELS) {
    const delegate = (db as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>)[model]!;
    for (const method of METHODS) {
      const original = delegate[method]!.bind(delegate);
      spies.push(vi.spyOn(delegate, method).mockImplementation((...args: unknown[]) => { n++; return original(...args) as never; }));
    }
  }
  const raw = db.$queryRaw.bind(db);
  spies.push(vi.spyOn(db, "$queryRaw").mockImplementation(((...args: Parameters<typeof db.$queryRaw>) => { n++; return raw(...args); }) as typeof db.$queryRaw));
  return { get count() { return n; }, restore: () => spies.forEach((s) => s.mockRestore()) };
}

async function fill(engagementId: string, n: number) {
  const impacts = ["low", "medium", "high", "critical"];
  await db.dataEntity.createMany({ data: Array.from({ length: n }, (_, i) => ({ engagementId, entity: ["encounters", "lab_results", "clinical_notes"][i % 3]!, sourceObject: `OBJ ${i}`, recordCount: i % 7 ? BigInt(i * 100) : null, quirks: i % 5 ? [] : [{ kind: "other", severity: impacts[i % 4] }] })) });
  await db.workflowItem.createMany({ data: Array.from({ length: n }, (_, i) => ({ engagementId, kind: "order_set", name: `WF ${i}`, quantity: (i % 4) + 1, complexity: ["low", "medium", "high"][i % 3]! })) });
  await db.integration.createMany({ data: Array.from({ length: n }, (_, i) => ({ engagementId, name: `IF ${i}`, kind: "payer", standard: "x12", direction: "inbound", clinicalImpact: impacts[i % 4]! })) });
  await db.report.createMany({ data: Array.from({ length: n }, (_, i) => ({ engagementId, name: `R ${i}`, kind: i % 4 ? "operational" : "regulatory" })) });
  await db.risk.createMany({ data: Array.from({ length: n }, (_, i) => ({ engagementId, title: `Risk ${i}`, likelihood: (i % 5) + 1, impact: ((i >> 2) % 5) + 1, residualLikelihood: i % 3 ? 1 : null, residualImpact: i % 3 ? 2 : null })) });
}

const today = "2027-03-01";

async function loadEveryPage(id: AuthorizedEngagementId, page: string) {
  const sorts = {
    data: ["entity", "sourceObject", "recordCount", "decision"],
    workflows: ["name", "complexity", "quantity"],
    integrations: ["clinicalImpact", "name"],
    reports: ["kind", "name"],
    risks: ["score", "residualScore", "title", "status", "nextReviewDate"],
  };
  const counts: Record<string, number> = {};
  const measure = async (label: string, fn: () => Promise<unknown>) => {
    const c = countQueries();
    try {
      await fn();
    } finally {
      c.restore();
    }
    counts[label] = c.count;
  };
  for (const sort of sorts.data) await measure(`data:${sort}`, () => Promise.all([findDataEntityPage(id, DataEntityQuerySchema.parse({ sort, page })), findDataEntityTotals(id)]));
  for (const sort of sorts.workflows) await measure(`workflows:${sort}`, () => Promise.all([findWorkflowPage(id, WorkflowQuerySchema.parse({ sort, page })), findWorkflowTotals(id)]));
  for (const sort of sorts.integrations) await measure(`integrations:${sort}`, () => Promise.all([findIntegrationPage(id, IntegrationQuerySchema.parse({ sort, page })), findIntegrationTotals(id)]));
  for (const sort of sorts.reports) await measure(`reports:${sort}`, () => Promise.all([findReportPage(id, ReportQuerySchema.parse({ sort, page })), findReportTotals(id)]));
  for (const sort of sorts.risks)
    await measure(`risks:${sort}`, async () => {
      const [s] = await Promise.all([findRiskSettings(id), findRiskPage(id, RiskQuerySchema.parse({ sort, page, flag: "no_owner" === sort ? sort : undefined }), today)]);
      await findRiskTotals(id, today, s.matrix.size);
    });
  await measure("overview", () => findInventoryCounts(id, today));
  return counts;
}

describe("inventory pages make a constant number of queries", () => {
  let small: AuthorizedEngagementId;
  let large: AuthorizedEngagementId;

  beforeAll(async () => {
    small = (await createEngagementWorld(db)).engagement.id as AuthorizedEngagementId;
    large = (await createEngagementWorld(db)).engagement.id as AuthorizedEngagementId;
    await fill(small, 120);
    await fill(large, 1_200);
  }, 120_000);

  afterEach(() => vi.restoreAllMocks());

  // Plain sorts: findMany + the row count (the tally, unfiltered) + one totals query (+ the matrix for risks) — exactly, at any size.
  // Sorts by meaning (vocabulary order, risk score): one groupBy + 1 to 3 findMany depending on where the
  // page's window cuts the segments — bounded, whatever the size.
  const bound = (label: string) => {
    const isRisk = label.startsWith("risks:");
    const isSegmented = /:(entity|decision|complexity|clinicalImpact|kind|status|score|residualScore)$/.test(label);
    return (isRisk ? 1 : 0) + (isSegmented ? 1 + 3 : 2) + 1;
  };

  it("at 120 and at 1,200 rows, on a middle page, for every sort: the same small bound", async () => {
    for (const id of [small, large]) {
      const counts = await loadEveryPage(id, "2");
      for (const [label, n] of Object.entries(counts)) {
        expect(n, label).toBeLessThanOrEqual(label === "overview" ? 1 : bound(label));
        if (!/:(entity|decision|complexity|clinicalImpact|kind|status|score|residualScore)$/.test(label) && label !== "overview") expect(n, label).toBe(bound(label));
      }
      expect(counts["overview"]).toBe(1);
      expect(counts["data:sourceObject"]).toBe(3); // findMany + row count (tally) + totals (tally)
    }
  });
});
