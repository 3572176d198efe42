// Integration inventory: the shared row-action contract, clinical-impact ordering, filters and totals.
import { beforeAll, describe, expect, it } from "vitest";
import { mockNextRuntime } from "../support/session";
mockNextRuntime();

import { db } from "@/lib/db";
import { createEngagementWorld } from "@/lib/factories";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { createInventoryRowAction, deleteInventoryRowAction, updateInventoryRowAction } from "@/lib/inventories/actions";
import { findIntegrationPage, findIntegrationTotals } from "@/lib/integrations/data";
import { IntegrationQuerySchema } from "@/lib/integrations/schema";
import { describeRowActions } from "./row-action-suite";

const createIntegrationAction = (input: unknown) => createInventoryRowAction("integrations", input);
const deleteIntegrationAction = (input: unknown) => deleteInventoryRowAction("integrations", input);
const updateIntegrationAction = (input: unknown) => updateInventoryRowAction("integrations", input);

const formValues = (name: string) => ({
  name,
  kind: "lab_results",
  standard: "hl7v2",
  messageTypes: "ORU^R01",
  direction: "inbound",
  partner: "Quest Diagnostics",
  sourceEndpoint: "mllp://10.0.0.4:6661",
  replacementPlan: "",
  transitionStrategy: "parallel_run",
  clinicalImpact: "critical",
  complexity: "complex",
  status: "not_started",
});

describeRowActions({
  name: "integration",
  entityType: "integration",
  create: createIntegrationAction,
  update: updateIntegrationAction,
  remove: deleteIntegrationAction,
  values: (n) => formValues(`Quest results ${n}`),
  change: (v, marker) => ({ ...v, replacementPlan: marker }),
  changedField: "replacementPlan",
  duplicate: (v) => ({ ...v, name: ` ${String(v.name).toLowerCase()} `, kind: "lab_orders" }),
  keyField: "name",
  read: (id) => db.integration.findUnique({ where: { id } }),
  count: (engagementId) => db.integration.count({ where: { engagementId } }),
});

describe("integration: paging, sorting, filtering and totals", () => {
  let id: AuthorizedEngagementId;
  const q = (params: Record<string, string> = {}) => IntegrationQuerySchema.parse(params);
  const impacts = ["low", "medium", "high", "critical"];

  beforeAll(async () => {
    const world = await createEngagementWorld(db);
    id = world.engagement.id as AuthorizedEngagementId;
    await db.integration.createMany({
      data: Array.from({ length: 75 }, (_, i) => ({
        engagementId: world.engagement.id,
        name: `Interface ${String(i).padStart(2, "0")}`,
        kind: "payer",
        standard: i % 2 ? "x12" : "fhir_r4",
        direction: "bidirectional",
        clinicalImpact: impacts[i % 4]!,
        complexity: i % 3 ? "medium" : "complex",
        transitionStrategy: i % 5 ? "cut_and_switch" : "undecided",
      })),
    });
  });

  it("by default the most critical interfaces come first, then by name", async () => {
    const first = await findIntegrationPage(id, q());
    expect(first.rows.slice(0, 18).every((r) => r.clinicalImpact === "critical")).toBe(true);
    expect(first.rows[18]!.clinicalImpact).toBe("high");
    expect(first.rows[0]!.name).toBe("Interface 03");
    const second = await findIntegrationPage(id, q({ page: "2" }));
    expect(second.rows.map((r) => r.clinicalImpact)).toEqual([...Array(6).fill("medium"), ...Array(19).fill("low")]);
  });

  it("filters and totals", async () => {
    expect((await findIntegrationPage(id, q({ strategy: "undecided" }))).total).toBe(15);
    expect((await findIntegrationPage(id, q({ standard: "x12", impact: "critical" }))).total).toBe(18);
    const t = await findIntegrationTotals(id);
    expect(t.interfaces).toBe(75);
    expect(t.byComplexity).toEqual({ simple: 0, medium: 50, complex: 25 });
    expect(t.byClinicalImpact).toEqual({ low: 19, medium: 19, high: 19, critical: 18 });
    expect(t.byTransitionStrategy.undecided).toBe(15);
  });
});
