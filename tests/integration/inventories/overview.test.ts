// Overview counts: each inventory's size and completeness, overdue risks — in one query, tenant-scoped.
import { describe, expect, it } from "vitest";
import { mockNextRuntime } from "../support/session";
mockNextRuntime();

import { db } from "@/lib/db";
import { createEngagementWorld } from "@/lib/factories";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { findInventoryCounts } from "@/lib/engagements/data";

describe("findInventoryCounts", () => {
  it("counts rows and incomplete rows per inventory, overdue risks and the audit policy", async () => {
    const world = await createEngagementWorld(db);
    const other = await createEngagementWorld(db);
    const e = world.engagement.id;
    await db.dataEntity.createMany({
      data: [
        { engagementId: e, entity: "encounters", sourceObject: "ENC", recordCount: 10n, decision: "migrate" },
        { engagementId: e, entity: "clinical_notes", sourceObject: "NOTES", recordCount: null, decision: "migrate" },
        { engagementId: e, entity: "lab_results", sourceObject: "LABS", recordCount: 5n, decision: "undecided" },
        { engagementId: e, entity: "images", sourceObject: "PACS", recordCount: null, decision: "undecided" },
      ],
    });
    await db.workflowItem.createMany({
      data: [
        { engagementId: e, kind: "order_set", name: "A", disposition: "must_survive", reviewStatus: "approved" },
        { engagementId: e, kind: "order_set", name: "B", disposition: "undecided", reviewStatus: "approved" },
        { engagementId: e, kind: "order_set", name: "C", disposition: "may_change", reviewStatus: "not_reviewed" },
      ],
    });
    await db.integration.createMany({
      data: [
        { engagementId: e, name: "Labs", kind: "lab_results", standard: "hl7v2", direction: "inbound", transitionStrategy: "undecided" },
        { engagementId: e, name: "eRx", kind: "erx", standard: "ncpdp_script", direction: "outbound", transitionStrategy: "cut_and_switch" },
      ],
    });
    await db.report.createMany({
      data: [
        { engagementId: e, name: "MIPS", kind: "regulatory", reproducibilityPlan: "" },
        { engagementId: e, name: "eCQM", kind: "regulatory", reproducibilityPlan: "Vendor measure engine" },
        { engagementId: e, name: "AR aging", kind: "financial", reproducibilityPlan: "" },
      ],
    });
    const past = new Date("2027-01-01T00:00:00Z");
    const future = new Date("2027-06-01T00:00:00Z");
    await db.risk.createMany({
      data: [
        { engagementId: e, title: "R1", likelihood: 3, impact: 3, owner: "PMO", residualLikelihood: 2, residualImpact: 2, nextReviewDate: past },
        { engagementId: e, title: "R2", likelihood: 3, impact: 3, owner: "", residualLikelihood: 2, residualImpact: 2, nextReviewDate: future },
        { engagementId: e, title: "R3", likelihood: 3, impact: 3, owner: "PMO", nextReviewDate: past, status: "monitoring" },
        { engagementId: e, title: "R4", likelihood: 3, impact: 3, owner: "", nextReviewDate: past, status: "closed" },
      ],
    });
    await db.auditTrailPolicy.create({ data: { engagementId: e, policy: "archive" } });
    await db.dataEntity.create({ data: { engagementId: other.engagement.id, entity: "encounters", sourceObject: "ENC" } });

    const counts = await findInventoryCounts(e as AuthorizedEngagementId, "2027-03-01");
    expect(counts).toMatchObject({ dataEntities: 4, workflowItems: 3, integrations: 2, reports: 3, risks: 4, auditPolicy: "archive", members: 4 });
    expect(counts.completeness).toEqual({
      data: { total: 4, incomplete: 3, unknownCounts: 2, undecided: 2 },
      workflows: { total: 3, incomplete: 2, undecided: 1, notReviewed: 1 },
      integrations: { total: 2, incomplete: 1, undecided: 1 },
      reports: { total: 3, incomplete: 1, regulatory: 2, regulatoryWithoutPlan: 1 },
      risks: { total: 4, notClosed: 3, incomplete: 2, withoutOwner: 1, residualNotAssessed: 1, overdue: 2 },
      auditTrail: { policy: "archive", retrievalProcedure: "", destination: "" },
    });

    const empty = await findInventoryCounts(other.engagement.id as AuthorizedEngagementId, "2027-03-01");
    expect(empty).toMatchObject({ dataEntities: 1, workflowItems: 0, risks: 0, auditPolicy: null });
    expect(empty.completeness.auditTrail.policy).toBeNull();
  });
});
