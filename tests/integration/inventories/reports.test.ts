// Report inventory: the shared row-action contract, "regulatory without a reproducibility plan", totals.
import { beforeAll, describe, expect, it } from "vitest";
import { mockNextRuntime } from "../support/session";
mockNextRuntime();

import { db } from "@/lib/db";
import { createEngagementWorld } from "@/lib/factories";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { createInventoryRowAction, deleteInventoryRowAction, updateInventoryRowAction } from "@/lib/inventories/actions";
import { findReportPage, findReportTotals } from "@/lib/reports/data";
import { ReportQuerySchema } from "@/lib/reports/schema";
import { describeRowActions } from "./row-action-suite";

const createReportAction = (input: unknown) => createInventoryRowAction("reports", input);
const deleteReportAction = (input: unknown) => deleteInventoryRowAction("reports", input);
const updateReportAction = (input: unknown) => updateInventoryRowAction("reports", input);

const formValues = (name: string) => ({
  name,
  kind: "regulatory",
  consumers: "Quality team, CMS",
  frequency: "annual",
  complexity: "high",
  reproducibilityPlan: "",
  parallelValidation: false,
  status: "not_started",
});

describeRowActions({
  name: "report",
  entityType: "report",
  create: createReportAction,
  update: updateReportAction,
  remove: deleteReportAction,
  values: (n) => formValues(`MIPS quality submission ${n}`),
  change: (v, marker) => ({ ...v, reproducibilityPlan: marker }),
  changedField: "reproducibilityPlan",
  duplicate: (v) => ({ ...v, name: String(v.name).toUpperCase(), kind: "operational" }),
  keyField: "name",
  read: (id) => db.report.findUnique({ where: { id } }),
  count: (engagementId) => db.report.count({ where: { engagementId } }),
});

describe("report: regulatory without a plan, filters and totals", () => {
  let id: AuthorizedEngagementId;
  const q = (params: Record<string, string> = {}) => ReportQuerySchema.parse(params);

  beforeAll(async () => {
    const world = await createEngagementWorld(db);
    id = world.engagement.id as AuthorizedEngagementId;
    const kinds = ["operational", "financial", "clinical_dashboard", "regulatory"];
    await db.report.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        engagementId: world.engagement.id,
        name: `Report ${String(i).padStart(2, "0")}`,
        kind: kinds[i % 4]!,
        reproducibilityPlan: i % 3 === 0 ? "" : "Rebuild in the destination's reporting module; validate 2 cycles in parallel",
        parallelValidation: i % 2 === 0,
      })),
    });
  });

  it("counts and filters regulatory reports without a plan", async () => {
    const t = await findReportTotals(id);
    expect(t).toMatchObject({ reports: 60, regulatory: 15, regulatoryWithoutPlan: 5, withoutPlan: 20, parallelValidation: 30 });
    expect(t.byKind).toEqual({ operational: 15, financial: 15, clinical_dashboard: 15, regulatory: 15 });
    const flagged = await findReportPage(id, q({ flag: "regulatory_without_plan" }));
    expect(flagged.total).toBe(5);
    expect(flagged.rows.every((r) => r.kind === "regulatory" && r.reproducibilityPlan === "")).toBe(true);
  });

  it("sorts by kind in the vocabulary's order", async () => {
    const page = await findReportPage(id, q({ sort: "kind", dir: "desc" }));
    expect(page.rows.slice(0, 15).every((r) => r.kind === "regulatory")).toBe(true);
    expect(page.rows[15]!.kind).toBe("clinical_dashboard");
  });
});
