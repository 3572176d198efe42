// The quotable-estimate checklist: an empty engagement has everything to do; each step is done exactly when
// its page has what the estimate cannot guess; the golden fixture's gaps show up by name.
import { describe, expect, it } from "vitest";
import { quotableChecklist } from "@/lib/engagements/checklist";
import type { InventoryCompleteness } from "@/lib/report/model";

const empty: InventoryCompleteness = {
  data: { total: 0, incomplete: 0, unknownCounts: 0, undecided: 0 },
  workflows: { total: 0, incomplete: 0, undecided: 0, notReviewed: 0 },
  integrations: { total: 0, incomplete: 0, undecided: 0 },
  reports: { total: 0, incomplete: 0, regulatory: 0, regulatoryWithoutPlan: 0 },
  risks: { total: 0, notClosed: 0, incomplete: 0, withoutOwner: 0, residualNotAssessed: 0, overdue: 0 },
  auditTrail: { policy: null, retrievalProcedure: "", destination: "" },
};

describe("quotableChecklist", () => {
  it("an empty engagement: only the profile is done; fees, waves, team and audit policy are asked for", () => {
    const r = quotableChecklist({ profile: { providers: 60, locations: 8 }, assumptions: {}, completeness: empty, signOff: { signedOff: false, changedSinceSignOff: 0 } });
    expect(r.quotable).toBe(false);
    expect(r.steps.filter((s) => s.done).map((s) => s.key)).toEqual(["profile"]);
    const byKey = Object.fromEntries(r.steps.map((s) => [s.key, s]));
    expect(byKey.license!.detail).toMatch(/^Not entered/);
    expect(byKey.license!.path).toBe("/assumptions#license");
    expect(byKey.waves!.detail).toMatch(/derives waves/);
    expect(byKey.team!.detail).toMatch(/default team size/);
    expect(byKey.audit!.detail).toMatch(/Not decided/);
  });

  it("a complete engagement is quotable; one gap (a changed item since sign-off) is enough to say it is not", () => {
    const full: InventoryCompleteness = {
      data: { total: 12, incomplete: 0, unknownCounts: 0, undecided: 0 },
      workflows: { total: 17, incomplete: 0, undecided: 0, notReviewed: 0 },
      integrations: { total: 20, incomplete: 0, undecided: 0 },
      reports: { total: 60, incomplete: 0, regulatory: 14, regulatoryWithoutPlan: 0 },
      risks: { total: 13, notClosed: 12, incomplete: 0, withoutOwner: 0, residualNotAssessed: 0, overdue: 0 },
      auditTrail: { policy: "hybrid", retrievalProcedure: "x", destination: "y" },
    };
    const assumptions = { teamFte: 12, waves: [{ name: "W1" }, { name: "W2" }], license: { destinationFeeCents: 52_000, sourceFeeCents: 50_000, destinationFeeBasis: "flat_month" } };
    const ok = quotableChecklist({ profile: { providers: 60, locations: 8 }, assumptions, completeness: full, signOff: { signedOff: true, changedSinceSignOff: 0 } });
    expect(ok.quotable).toBe(true);
    expect(ok.done).toBe(ok.total);
    expect(ok.steps.find((s) => s.key === "license")!.detail).toBe("Destination flat per month, source per provider per month");
    const stale = quotableChecklist({ profile: { providers: 60, locations: 8 }, assumptions, completeness: full, signOff: { signedOff: true, changedSinceSignOff: 2 } });
    expect(stale.quotable).toBe(false);
    expect(stale.steps.find((s) => s.key === "signoff")).toMatchObject({ done: false, detail: "2 items changed since sign-off" });
  });

  it("tolerates stored assumptions of any shape (imported JSON): nothing counts as entered", () => {
    for (const assumptions of [null, "x", { license: "y", waves: "z" }, { teamFte: "8" }]) {
      const r = quotableChecklist({ profile: { providers: 1, locations: 1 }, assumptions, completeness: empty, signOff: { signedOff: false, changedSinceSignOff: 0 } });
      expect(r.steps.filter((s) => ["license", "waves", "team"].includes(s.key)).every((s) => !s.done)).toBe(true);
    }
  });
});
