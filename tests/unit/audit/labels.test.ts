// Activity log and Explain words: no raw key or enum code reaches a person.
import { describe, expect, it } from "vitest";
import { activityKindOf, describeChanges, humanAction, humanKey, humanValue } from "@/lib/audit/labels";

describe("human labels", () => {
  it("keys: known ones by name, dotted paths, and any other camelCase or snake_case in words", () => {
    expect(humanKey("teamFte")).toBe("Team (FTE)");
    expect(humanKey("license.sourceFeeCents")).toBe("License: source license fee");
    expect(humanKey("someNewField")).toBe("Some new field");
    expect(humanKey("p3_start")).toBe("P3 start");
  });
  it("values: enum codes, booleans, empties", () => {
    expect(humanValue("may_change")).toBe("may change");
    expect(humanValue("foundation_start")).toBe("the start of Phase 1 (foundation)");
    expect(humanValue(true)).toBe("yes");
    expect(humanValue(null)).toBe("—");
    expect(humanValue(1200)).toBe("1,200");
  });
  it("changes: from → to in words, and how many more", () => {
    expect(describeChanges({ teamFte: { from: 8, to: 12 }, disposition: { from: "retire", to: "may_change" } })).toBe("Team (FTE): 8 → 12; Disposition: retire → may change");
    expect(describeChanges({ a: 1, b: 2, c: 3 }, 2)).toBe("A: 1; B: 2; +1 more");
  });
});

describe("activity actions and kinds", () => {
  it("every action the app records reads as words", () => {
    expect(humanAction("assumptions.update")).toBe("Assumptions changed");
    expect(humanAction("data_entity.update")).toBe("Data entity changed");
    expect(humanAction("workflow_item.create")).toBe("Workflow item added");
    expect(humanAction("export.integrations")).toBe("Exported: integrations");
    expect(humanAction("workflow.request_changes")).toBe("Changes requested on a workflow item");
    for (const a of ["auth.sign_in", "risk.update", "share.open", "report.pdf_download", "member.role", "audit_trail.update", "someThing.newVerb"]) {
      expect(humanAction(a), a).not.toMatch(/[._]|[a-z][A-Z]/);
    }
  });
  it("kinds: review is apart from inventory edits; the report inventory is apart from report downloads", () => {
    expect(activityKindOf("workflow.approve")).toBe("review");
    expect(activityKindOf("workflow_item.update")).toBe("inventories");
    expect(activityKindOf("report.update")).toBe("inventories");
    expect(activityKindOf("report.pdf_download")).toBe("downloads");
    expect(activityKindOf("export.activity")).toBe("downloads");
    expect(activityKindOf("auth.sign_in")).toBeNull();
  });
});
