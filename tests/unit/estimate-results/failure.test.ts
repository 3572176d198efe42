import { describe, expect, it } from "vitest";
import { describeEstimateFailure } from "@/lib/estimate-results/failure";

const E = "eng1";

describe("describeEstimateFailure", () => {
  it("a run over its time budget: says so and points at the inventories and assumptions", () => {
    const f = describeEstimateFailure("This estimate could not be computed: the estimate ran out of its time budget (20000 ms) after 4,000 of 10,000 iterations; the engagement is larger than the engine is sized for — check the inventories for duplicated or oversized rows", E);
    expect(f.kind).toBe("budget");
    expect(f.reason).toMatch(/^the estimate ran out of its time budget/);
    expect(f.advice).toMatch(/ESTIMATE_BUDGET_MS/);
    expect(f.checks.map((c) => c.href)).toEqual(["/engagements/eng1/workflows", "/engagements/eng1/data", "/engagements/eng1/assumptions"]);
  });

  it("the pool's budget error (EstimateBudgetError) is a budget failure too", () => {
    expect(describeEstimateFailure("The estimate took longer than its budget of 20 s and was stopped. Fewer iterations …", E).kind).toBe("budget");
  });

  it("a non-finite input: the page of its section first", () => {
    const f = describeEstimateFailure("This estimate could not be computed: dataEntities.3.recordCount is not a finite number; every number of an engagement must be finite", E);
    expect(f.kind).toBe("input");
    expect(f.checks[0]).toEqual({ label: "Data inventory", href: "/engagements/eng1/data" });
    expect(f.checks.filter((c) => c.href.endsWith("/data"))).toHaveLength(1);
    expect(describeEstimateFailure("assumptions.teamFte is not a finite number; …", E).checks[0]!.label).toBe("Assumptions");
    expect(describeEstimateFailure("the estimate produced a number that is not finite at risks.2.cost; check …", E).checks[0]!.label).toBe("Risk register");
  });

  it("a plan beyond the modelled horizon: the team size first", () => {
    const f = describeEstimateFailure("the base plan would take 41 years — beyond the 30 years the engine models; check the team size and the largest inventory counts", E);
    expect(f.kind).toBe("input");
    expect(f.checks[0]!.label).toBe("Assumptions");
  });

  it("anything else: the reason as given, assumptions and inventories to check, never an empty reason", () => {
    const f = describeEstimateFailure("This estimate could not be computed: ", E);
    expect(f.kind).toBe("other");
    expect(f.reason).toBe("unknown error");
    expect(f.checks[0]!.label).toBe("Assumptions");
    expect(new Set(f.checks.map((c) => c.href)).size).toBe(f.checks.length);
    expect(describeEstimateFailure("x".repeat(2_000), E).reason.length).toBeLessThanOrEqual(601);
  });
});
