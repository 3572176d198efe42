// Workflow inventory (basic CRUD): the shared row-action contract, review status left to the clinical review,
// vocabulary sorting, filters and totals.
import { beforeAll, describe, expect, it } from "vitest";
import { mockNextRuntime, signInAs } from "../support/session";
mockNextRuntime();

import { db } from "@/lib/db";
import { createEngagementWorld } from "@/lib/factories";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { createInventoryRowAction, deleteInventoryRowAction, updateInventoryRowAction } from "@/lib/inventories/actions";
import { findWorkflowPage, findWorkflowTotals } from "@/lib/workflows/data";
import { WorkflowQuerySchema } from "@/lib/workflows/schema";
import { describeRowActions, unique, type World } from "./row-action-suite";

const createWorkflowItemAction = (input: unknown) => createInventoryRowAction("workflows", input);
const deleteWorkflowItemAction = (input: unknown) => deleteInventoryRowAction("workflows", input);
const updateWorkflowItemAction = (input: unknown) => updateInventoryRowAction("workflows", input);

const formValues = (name: string) => ({ kind: "order_set", name, department: "Cardiology", quantity: "42", complexity: "high", disposition: "must_survive", notes: "" });

describeRowActions({
  name: "workflow item",
  entityType: "workflow_item",
  create: createWorkflowItemAction,
  update: updateWorkflowItemAction,
  remove: deleteWorkflowItemAction,
  values: (n) => formValues(`Chest pain admission ${n}`),
  change: (v, marker) => ({ ...v, notes: marker }),
  changedField: "notes",
  duplicate: (v) => ({ ...v, name: String(v.name).toUpperCase(), department: "  cardiology ", quantity: "1" }),
  keyField: "name",
  read: (id) => db.workflowItem.findUnique({ where: { id } }),
  count: (engagementId) => db.workflowItem.count({ where: { engagementId } }),
});

describe("workflow item: review status belongs to the clinical review", () => {
  let world: World;
  beforeAll(async () => {
    world = await createEngagementWorld(db);
  });

  it("new items start not reviewed; an edit keeps the review status; the form cannot set it", async () => {
    signInAs(world.consultant);
    const values = formValues(unique("Sepsis alert"));
    const res = await createWorkflowItemAction({ engagementId: world.engagement.id, values });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect((await db.workflowItem.findUniqueOrThrow({ where: { id: res.data.id } })).reviewStatus).toBe("not_reviewed");
    await db.workflowItem.update({ where: { id: res.data.id }, data: { reviewStatus: "approved" } }); // as the review would
    expect(await updateWorkflowItemAction({ engagementId: world.engagement.id, id: res.data.id, version: 1, values: { ...values, reviewStatus: "not_reviewed" } })).toMatchObject({ ok: false, code: "INVALID" });
    expect(await updateWorkflowItemAction({ engagementId: world.engagement.id, id: res.data.id, version: 1, values: { ...values, quantity: "40" } })).toMatchObject({ ok: true });
    expect(await db.workflowItem.findUniqueOrThrow({ where: { id: res.data.id } })).toMatchObject({ reviewStatus: "approved", quantity: 40, version: 2 });
  });

  it("quantity must be a whole number of at least 1", async () => {
    signInAs(world.consultant);
    const res = await createWorkflowItemAction({ engagementId: world.engagement.id, values: { ...formValues(unique()), quantity: "0" } });
    expect(res).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { quantity: ["Must be at least 1"] } });
  });
});

describe("workflow item: paging, sorting, filtering and totals", () => {
  let id: AuthorizedEngagementId;
  const q = (params: Record<string, string> = {}) => WorkflowQuerySchema.parse(params);

  beforeAll(async () => {
    const world = await createEngagementWorld(db);
    id = world.engagement.id as AuthorizedEngagementId;
    const dispositions = ["undecided", "must_survive", "may_change", "retire"];
    const reviews = ["not_reviewed", "approved", "changes_requested"];
    const complexities = ["low", "medium", "high"];
    await db.workflowItem.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        engagementId: world.engagement.id,
        kind: i % 2 ? "order_set" : "alert_rule",
        name: `Item ${String(i).padStart(3, "0")}`,
        department: i % 3 ? "Cardiology" : "Oncology",
        quantity: (i % 5) + 1,
        complexity: complexities[i % 3]!,
        disposition: dispositions[i % 4]!,
        reviewStatus: reviews[i % 3]!,
      })),
    });
  });

  it("sorts complexity low → high (not alphabetically) across pages", async () => {
    const all = [];
    for (const page of ["1", "2", "3"]) all.push(...(await findWorkflowPage(id, q({ sort: "complexity", page }))).rows);
    expect(all.map((r) => r.complexity)).toEqual([...Array(40).fill("low"), ...Array(40).fill("medium"), ...Array(40).fill("high")]);
    expect(new Set(all.map((r) => r.id)).size).toBe(120);
    expect((await findWorkflowPage(id, q({ sort: "complexity", dir: "desc" }))).rows[0]!.complexity).toBe("high");
  });

  it("sorts by quantity and by name", async () => {
    expect((await findWorkflowPage(id, q({ sort: "quantity", dir: "desc" }))).rows[0]!.quantity).toBe(5);
    expect((await findWorkflowPage(id, q({ sort: "name", dir: "desc" }))).rows[0]!.name).toBe("Item 119");
  });

  it("filters", async () => {
    expect((await findWorkflowPage(id, q({ disposition: "undecided" }))).total).toBe(30);
    expect((await findWorkflowPage(id, q({ review: "approved", kind: "order_set" }))).total).toBe(20);
    expect((await findWorkflowPage(id, q({ q: "oncology" }))).total).toBe(40);
  });

  it("totals: items, quantity, by disposition and review status", async () => {
    const t = await findWorkflowTotals(id);
    expect(t.items).toBe(120);
    expect(t.quantity).toBe(24 * (1 + 2 + 3 + 4 + 5));
    expect(t.byDisposition.undecided.items).toBe(30);
    expect(t.byReviewStatus.approved.items).toBe(40);
    expect(Object.values(t.byComplexity).reduce((n, c) => n + c.quantity, 0)).toBe(t.quantity);
  });
});
