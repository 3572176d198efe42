// The portfolio: only the viewer's engagements, with review signals per role, the last activity and the
// stored estimate summaries from the loader (never the Monte Carlo: the loader is the only source).
import { beforeAll, describe, expect, it, vi } from "vitest";
import { mockNextRuntime } from "./support/session";
mockNextRuntime();

import { db } from "@/lib/db";
import { createEngagementWorld } from "@/lib/factories";
import { EngagementListFilterSchema } from "@/lib/engagements/schema";
import { findPortfolio, findReviewSignals } from "@/lib/portfolio/data";
import type { PortfolioEstimate } from "@/lib/portfolio/schema";
import { findInventorySnapshot, findWorkflowSignOffSummary } from "@/lib/workflow-review/data";
import type { AuthorizedEngagementId } from "@/lib/auth/access";

type World = Awaited<ReturnType<typeof createEngagementWorld>>;
let world: World;
let other: World;

const noFilter = EngagementListFilterSchema.parse({});

beforeAll(async () => {
  world = await createEngagementWorld(db);
  other = await createEngagementWorld(db);
  const eid = world.engagement.id;
  await db.workflowItem.createMany({
    data: [
      { engagementId: eid, kind: "order_set", name: "Not reviewed 1" },
      { engagementId: eid, kind: "order_set", name: "Not reviewed 2" },
      { engagementId: eid, kind: "alert", name: "Changes requested", reviewStatus: "changes_requested" },
      { engagementId: eid, kind: "alert", name: "Imported approved, untouched", reviewStatus: "approved" },
      { engagementId: eid, kind: "alert", name: "Imported approved, edited", reviewStatus: "approved", version: 2 },
    ],
  });
});

describe("portfolio", () => {
  it("lists only the viewer's engagements; an outsider sees none of them", async () => {
    const loader = vi.fn(async () => new Map<string, PortfolioEstimate>());
    const mine = await findPortfolio(world.reviewer.id, noFilter, loader);
    expect(mine.map((r) => r.id)).toEqual([world.engagement.id]);
    expect(loader).toHaveBeenCalledWith([world.engagement.id]);
    expect(await findPortfolio(world.outsider.id, noFilter, loader)).toEqual([]);
    expect((await findPortfolio(other.lead.id, noFilter, loader)).map((r) => r.id)).toEqual([other.engagement.id]);
  });

  it("what awaits whom: the reviewer reviews (not reviewed + changed since approval), the consultant answers, the executive has nothing", async () => {
    const none = async () => new Map<string, PortfolioEstimate>();
    const signals = (await findReviewSignals([world.engagement.id])).get(world.engagement.id)!;
    expect(signals).toMatchObject({ notReviewed: 2, changesRequested: 1, changedSinceApproval: 1, lastSignOff: null });
    // the overview's sign-off status (maintained counts) says the same: an imported approved item edited since counts
    expect((await findWorkflowSignOffSummary(world.engagement.id as AuthorizedEngagementId)).changedSinceApproval).toBe(1);
    const [asReviewer] = await findPortfolio(world.reviewer.id, noFilter, none);
    const [asConsultant] = await findPortfolio(world.consultant.id, noFilter, none);
    const [asExecutive] = await findPortfolio(world.executive.id, noFilter, none);
    expect(asReviewer!.awaitingMe).toBe(3);
    expect(asConsultant!.awaitingMe).toBe(1);
    expect(asExecutive!.awaitingMe).toBe(0);
    expect(asReviewer!.estimate).toBeNull(); // not computed yet
  });

  it("changed since sign-off: the same count as the sign-off page's diff, so the portfolio caps confidence as the overview does", async () => {
    const eid = other.engagement.id;
    const E = eid as AuthorizedEngagementId;
    const signals = async () => (await findReviewSignals([eid])).get(eid)!;
    const items = await Promise.all(["Sepsis alert", "Stroke order set", "Fall-risk flowsheet"].map((name) => db.workflowItem.create({ data: { engagementId: eid, kind: "alert_rule", name } })));
    await db.workflowSignOff.create({ data: { engagementId: eid, signedByName: "Reviewer", signedByRole: "clinical_reviewer", snapshot: await findInventorySnapshot(E), createdAt: new Date(Date.now() - 60_000) } });
    expect(await signals()).toMatchObject({ changedSinceSignOff: 0, lastSignOff: { by: "Reviewer" } });
    await db.workflowItem.update({ where: { id: items[0]!.id }, data: { quantity: 12, version: { increment: 1 } } });
    await db.workflowItem.delete({ where: { id: items[1]!.id } });
    const after = await signals();
    expect(after.changedSinceSignOff).toBe(2);
    expect(after.changedSinceSignOff).toBe((await findWorkflowSignOffSummary(E)).changedSinceSignOff);
  });

  it("estimate numbers come from the loader; review signals of ids outside the list are not read", async () => {
    const stored: PortfolioEstimate = { p50Months: 11.3, p80Months: 12.3, p50CostCents: 240_000_000, p80CostCents: 273_000_000, confidence: 92, criticalFlags: [], currency: "USD", computedAt: "2026-12-07T10:00:00.000Z", isCurrent: true };
    const [row] = await findPortfolio(world.lead.id, noFilter, async (ids) => new Map(ids.map((id) => [id, stored])));
    expect(row!.estimate).toEqual(stored);
    expect((await findReviewSignals([])).size).toBe(0);
  });
});
