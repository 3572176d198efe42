// Issue 13, item 3: "pages flat in row count". The query count of an inventory page is constant
// (query-count.test.ts); this proves the WORK is too: the rows PostgreSQL reads for the data functions of
// the data inventory, workflows and overview pages (pg_stat_user_tables / pg_stat_user_indexes: rows
// read by sequential scans + index entries read) stay within the page size plus a constant, on a small
// and on a 20× larger engagement.
import { beforeAll, describe, expect, it, vi } from "vitest";
vi.hoisted(() => {
  // two connections, so that flushing every backend's pending statistics is certain (see flushStats)
  process.env.DATABASE_POOL_MAX = "2";
});
import pg from "pg";
import { mockNextRuntime } from "../support/session";
mockNextRuntime();

import { db } from "@/lib/db";
import { createEngagementWorld } from "@/lib/factories";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { findDataEntityPage, findDataEntitySourceSystems, findDataEntityTotals } from "@/lib/data-inventory/data";
import { DataEntityQuerySchema } from "@/lib/data-inventory/schema";
import { findWorkflowPage, findWorkflowTotals } from "@/lib/workflows/data";
import { WorkflowQuerySchema } from "@/lib/workflows/schema";
import { findInventoryCounts } from "@/lib/engagements/data";
import { findInventorySnapshot, findWorkflowSignOffSummary } from "@/lib/workflow-review/data";
import { PAGE_SIZE } from "@/lib/inventories/table-query";

const SMALL = 150;
const LARGE = 3_000;

async function fill(engagementId: string, n: number) {
  const severities = ["low", "medium", "high", "critical"];
  const entities = ["encounters", "lab_results", "clinical_notes", "medications", "allergies"];
  await db.dataEntity.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      engagementId,
      entity: entities[i % entities.length]!,
      sourceObject: `OBJ ${i}`,
      sourceSystem: `System ${i % 3}`,
      recordCount: i % 7 ? BigInt(i * 100) : null,
      decision: ["undecided", "migrate", "archive_only"][i % 3]!,
      quirks: i % 5 ? [] : [{ kind: "other", severity: severities[i % 4], description: "x" }],
    })),
  });
  await db.workflowItem.createMany({
    data: Array.from({ length: n }, (_, i) => ({ engagementId, kind: ["order_set", "alert_rule", "document_routing"][i % 3]!, department: `Dept ${i % 9}`, name: `WF ${i}`, quantity: (i % 4) + 1, complexity: ["low", "medium", "high"][i % 3]!, reviewStatus: i % 3 ? "not_reviewed" : "approved" })),
  });
  // approvals recorded for half of the approved items — an hour ago, so those are "changed since approval"
  // (edited after it) — the other half came in approved (an import): not changed
  const approved = await db.workflowItem.findMany({ where: { engagementId, reviewStatus: "approved" }, select: { id: true }, orderBy: { name: "asc" } });
  const anHourAgo = new Date(Date.now() - 3_600_000);
  await db.workflowComment.createMany({ data: approved.filter((_, i) => i % 2 === 0).map((w) => ({ engagementId, workflowItemId: w.id, authorName: "Reviewer", body: "Approved.", verdict: "approved", createdAt: anHourAgo })) });
  await db.integration.createMany({ data: Array.from({ length: Math.ceil(n / 10) }, (_, i) => ({ engagementId, name: `IF ${i}`, kind: "payer", standard: "x12", direction: "inbound" })) });
  await db.report.createMany({ data: Array.from({ length: Math.ceil(n / 5) }, (_, i) => ({ engagementId, name: `R ${i}`, kind: i % 4 ? "operational" : "regulatory" })) });
  await db.risk.createMany({ data: Array.from({ length: Math.ceil(n / 10) }, (_, i) => ({ engagementId, title: `Risk ${i}`, likelihood: (i % 5) + 1, impact: 3, nextReviewDate: new Date(Date.UTC(2027, i % 12, 1)) })) });
}

let admin: pg.Client;
beforeAll(async () => {
  admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  return async () => {
    await admin.end();
  };
});

/** Makes every pooled backend report its pending statistics now (PostgreSQL ≥ 15 batches them up to 1 s). */
async function flushStats() {
  for (let i = 0; i < 2; i++) {
    // two at once: one on each of the pool's two connections
    await Promise.all([db.$queryRaw`SELECT 1 AS one FROM (SELECT pg_stat_force_next_flush(), pg_sleep(0.05)) f`, db.$queryRaw`SELECT 1 AS one FROM (SELECT pg_stat_force_next_flush(), pg_sleep(0.05)) f`]);
  }
  await new Promise((r) => setTimeout(r, 30));
}

/** Rows read so far in this database: by sequential scans, plus index entries read by index scans. */
async function rowsReadSoFar(): Promise<Map<string, number>> {
  await admin.query("SELECT pg_stat_clear_snapshot()");
  const { rows } = await admin.query<{ relname: string; n: string }>(`
    SELECT t.relname, (coalesce(t.seq_tup_read, 0) + coalesce((SELECT sum(i.idx_tup_read) FROM pg_stat_user_indexes i WHERE i.relid = t.relid), 0))::text AS n
      FROM pg_stat_user_tables t`);
  return new Map(rows.map((r) => [r.relname, Number(r.n)]));
}

/** Rows read by `fn` (all tables), and the tables that read any. */
async function rowsRead(fn: () => Promise<unknown>): Promise<{ total: number; byTable: Record<string, number> }> {
  await flushStats();
  const before = await rowsReadSoFar();
  await fn();
  await flushStats();
  const after = await rowsReadSoFar();
  const byTable: Record<string, number> = {};
  let total = 0;
  for (const [name, n] of after) {
    const d = n - (before.get(name) ?? 0);
    if (d > 0) byTable[name] = d;
    total += d;
  }
  return { total, byTable };
}

const today = "2027-06-15";
const INVENTORY_TABLES = ["DataEntity", "WorkflowItem", "Integration", "Report", "Risk"];
const PAGES = {
  "data inventory": (id: AuthorizedEngagementId) =>
    Promise.all([findDataEntityPage(id, DataEntityQuerySchema.parse({ page: "2" })), findDataEntityTotals(id), findDataEntitySourceSystems(id)]),
  "data inventory, sorted by source object": (id: AuthorizedEngagementId) => Promise.all([findDataEntityPage(id, DataEntityQuerySchema.parse({ page: "2", sort: "sourceObject" })), findDataEntityTotals(id)]),
  // the sign-off status (workflows, overview, estimate, report): approved items, some changed since their
  // approval, and a sign-off nothing changed since — maintained counts and one index probe
  workflows: (id: AuthorizedEngagementId) => Promise.all([findWorkflowPage(id, WorkflowQuerySchema.parse({ page: "2" })), findWorkflowTotals(id), findWorkflowSignOffSummary(id)]),
  "overview counts": (id: AuthorizedEngagementId) => Promise.all([findInventoryCounts(id, today), findWorkflowSignOffSummary(id)]),
} as const;

describe("inventory pages read a bounded number of rows, whatever the inventory size", () => {
  let small: AuthorizedEngagementId;
  let large: AuthorizedEngagementId;

  beforeAll(async () => {
    small = (await createEngagementWorld(db)).engagement.id as AuthorizedEngagementId;
    large = (await createEngagementWorld(db)).engagement.id as AuthorizedEngagementId;
    await fill(small, SMALL);
    await fill(large, LARGE);
    // the workflows signed off (nothing changed since): the sign-off status must not read the inventory to say so
    for (const id of [small, large]) {
      await db.workflowSignOff.create({ data: { engagementId: id, signedByName: "Reviewer", signedByRole: "clinical_reviewer", snapshot: await findInventorySnapshot(id) } });
    }
    await admin.query("VACUUM ANALYZE");
  }, 120_000);

  it("the sign-off status it reads is right: a third approved, half of those changed since their approval, nothing since the sign-off", async () => {
    const summary = await findWorkflowSignOffSummary(large);
    expect(summary).toMatchObject({ total: LARGE, approved: LARGE / 3, changedSinceApproval: LARGE / 6, changedSinceSignOff: 0, lastSignOff: { by: "Reviewer" } });
  });

  for (const [label, load] of Object.entries(PAGES)) {
    it(`${label}: page 2 on ${LARGE.toLocaleString("en")} rows reads about what it reads on ${SMALL}`, async () => {
      await load(small); // warm-up (plans, catalog caches)
      const s = await rowsRead(() => load(small));
      const l = await rowsRead(() => load(large));
      console.log(`${label}: rows read small ${s.total} ${JSON.stringify(s.byTable)} · large ${l.total} ${JSON.stringify(l.byTable)}`);
      // the inventory's own rows: the page of 50 after skipping 50 (one more for a tie-break), not the inventory
      const inventoryRows = (r: typeof s) => Object.entries(r.byTable).reduce((n, [t, k]) => (INVENTORY_TABLES.includes(t) ? n + k : n), 0);
      expect(inventoryRows(l)).toBeLessThanOrEqual(2 * PAGE_SIZE + 10);
      // the totals: the tally's rows (one per key; the planner may scan the whole small tally table),
      // the same for both engagements
      expect(l.byTable["InventoryTally"] ?? 0).toBe(s.byTable["InventoryTally"] ?? 0);
      // and all of it: about the same at 20× the rows (it was 18× more before the tally)
      expect(l.total).toBeLessThanOrEqual(s.total * 1.3 + 50);
    });
  }
});

describe("the inventory tally (kept by triggers) equals a recount of the rows", () => {
  const snapshot = async () => {
    const { rows } = await admin.query<{ e: string; i: string; k: string; n: string }>(`SELECT "engagementId" e, "inventory" i, "key" k, "n"::text n FROM "InventoryTally" ORDER BY 1, 2, 3`);
    return rows.map((r) => `${r.e} ${r.i} ${r.k} ${r.n}`);
  };
  const zeroRows = async () => Number((await admin.query<{ n: string }>(`SELECT count(*)::text n FROM "InventoryTally" WHERE "n" = 0`)).rows[0]!.n);

  it("after inserts, updates, bulk updates, deletes and an engagement's deletion", async () => {
    const world = await createEngagementWorld(db);
    const id = world.engagement.id;
    await fill(id, 40);
    await db.dataEntity.updateMany({ where: { engagementId: id, entity: "encounters" }, data: { decision: "do_not_migrate", recordCount: null, quirks: [{ kind: "other", severity: "critical", description: "y" }, { kind: "other", severity: "low", description: "z" }] } });
    await db.dataEntity.deleteMany({ where: { engagementId: id, entity: "allergies" } });
    await db.workflowItem.updateMany({ where: { engagementId: id, complexity: "low" }, data: { quantity: 9, reviewStatus: "approved", disposition: "retire" } });
    await db.workflowItem.deleteMany({ where: { engagementId: id, kind: "alert_rule" } });
    await db.report.updateMany({ where: { engagementId: id }, data: { reproducibilityPlan: "rebuild in the warehouse" } });
    await db.risk.updateMany({ where: { engagementId: id, likelihood: 1 }, data: { status: "closed" } });
    await db.risk.updateMany({ where: { engagementId: id, likelihood: 2 }, data: { owner: "PM", residualLikelihood: 1, residualImpact: 1 } });
    await db.integration.deleteMany({ where: { engagementId: id } });
    const gone = await createEngagementWorld(db);
    await fill(gone.engagement.id, 10);
    await db.engagement.delete({ where: { id: gone.engagement.id } });

    const kept = await snapshot();
    // a key whose count went back to 0 is deleted, not kept as a zero row (every interface was deleted)
    expect(await zeroRows()).toBe(0);
    expect(kept.some((k) => k.startsWith(`${id} integrations `))).toBe(false);
    expect(kept.some((k) => k.startsWith(`${gone.engagement.id} `))).toBe(false);
    expect(kept).toContain(`${id} data quirks:critical 8`);
    await admin.query(`SELECT inventory_tally_rebuild()`);
    expect(await snapshot()).toEqual(kept);

    const totals = await findDataEntityTotals(id as AuthorizedEngagementId);
    expect(totals.entities).toBe(await db.dataEntity.count({ where: { engagementId: id } }));
    expect(totals.byDecision.do_not_migrate).toBe(8);
    expect(totals.unknownCounts).toBe(await db.dataEntity.count({ where: { engagementId: id, recordCount: null } }));
  });

  it("concurrent writers of one engagement that add and remove the same keys: no deadlock, no zero row, equal to a recount", async () => {
    const world = await createEngagementWorld(db);
    const id = world.engagement.id;
    await fill(id, 20);
    // each writer inserts rows whose keys other writers are deleting at the same time (a key goes 0 → n → 0
    // while others wait on its row); each transaction also updates rows, so it takes several keys in one statement
    const writer = async (w: number) => {
      for (let round = 0; round < 6; round++) {
        await db.$transaction(async (tx) => {
          await tx.dataEntity.createMany({ data: Array.from({ length: 3 }, (_, i) => ({ engagementId: id, entity: `churn_${round % 2}`, sourceObject: `W${w} R${round} ${i}`, sourceSystem: `Churn ${w % 2}`, decision: "migrate" })) });
          await tx.dataEntity.updateMany({ where: { engagementId: id, sourceObject: { startsWith: `W${w} R${round} ` } }, data: { decision: "archive_only", recordCount: 5n } });
          await tx.dataEntity.deleteMany({ where: { engagementId: id, sourceObject: { startsWith: `W${w} R${round} ` } } });
        });
      }
    };
    await Promise.all([0, 1, 2, 3].map(writer));
    expect(await db.dataEntity.count({ where: { engagementId: id, entity: { startsWith: "churn_" } } })).toBe(0);
    expect(await zeroRows()).toBe(0);
    const kept = await snapshot();
    expect(kept.some((k) => k.includes(" data entity:churn_") || k.includes(" data sourceSystem:Churn "))).toBe(false);
    await admin.query(`SELECT inventory_tally_rebuild()`);
    expect(await snapshot()).toEqual(kept);
  }, 60_000);
});
