// compareEstimates (shared with the executive report): headline, phases, cost lines, flags, sentences.
import { describe, expect, it } from "vitest";
import { estimate, type Estimate } from "@/lib/estimate";
import { addWeeksIso, compareEstimates, compareFlags, describeMetric, metric, redactComparison } from "@/lib/estimates/compare";
import { fixture } from "./helpers";

const run = (doc = fixture(), seed = 1): Estimate => estimate(doc, { seed, iterations: 2_000 });

describe("compareEstimates", () => {
  const base = run();

  it("an estimate compared with itself changes nothing", () => {
    const c = compareEstimates(base, structuredClone(base));
    expect(c.headline.every((m) => m.delta === 0)).toBe(true);
    expect(c.phases.every((m) => m.delta === 0)).toBe(true);
    expect(c.costLines.every((m) => m.delta === 0)).toBe(true);
    expect(c.flags).toMatchObject({ added: [], removed: [], changed: [] });
    expect(c.summary).toEqual(["No headline number changed."]);
    expect(c.run).toMatchObject({ sameSeed: true, sameIterations: true, sameEngineVersion: true });
  });

  it("a smaller team lengthens foundation and the P50 duration; the sentences say so", () => {
    const doc = fixture();
    doc.assumptions.teamFte = 6;
    const after = run(doc);
    const c = compareEstimates(base, after);
    const p50 = c.headline.find((m) => m.key === "p50Months")!;
    expect(p50.before).toBe(base.duration.totalMonths.percentiles.P50);
    expect(p50.after).toBe(after.duration.totalMonths.percentiles.P50);
    expect(p50.delta).toBeGreaterThan(0);
    expect(c.phases.find((m) => m.key === "phase.P1")!.delta).toBeGreaterThan(0);
    expect(c.phases.find((m) => m.key === "phase.P2")!.delta).toBe(0); // the pilot never depends on staffing
    expect(c.summary[0]).toMatch(/^P50 duration rose from \d+\.\d months to \d+\.\d months \(\+\d+\.\d+ months, \+\d+(\.\d)?%\)\.$/);
    expect(c.summary.some((s) => s.startsWith("Phase 1 — foundation rose"))).toBe(true);
    const goLive = c.headline.find((m) => m.key === "p50GoLive")!;
    expect(goLive.unit).toBe("date");
    expect(goLive.delta).toBeGreaterThan(0);
  });

  it("flags added and removed are listed by code", () => {
    const doc = fixture();
    doc.integrations = [];
    const c = compareEstimates(base, run(doc));
    expect(c.flags.added.map((f) => f.code)).toContain("EMPTY_INTEGRATION_INVENTORY");
    expect(c.summary.some((s) => s.startsWith("New warning:"))).toBe(true);
    const back = compareEstimates(run(doc), base);
    expect(back.flags.removed.map((f) => f.code)).toContain("EMPTY_INTEGRATION_INVENTORY");
  });

  it("reports a different seed, and the redacted comparison has no per-workstream labor lines", () => {
    const c = compareEstimates(base, run(fixture(), 7));
    expect(c.run.sameSeed).toBe(false);
    const r = redactComparison(c);
    expect(r.costLines.some((m) => m.key.startsWith("cost.labor."))).toBe(false);
    expect(r.costLines.some((m) => m.key === "cost.license_overlap")).toBe(true);
  });
});

describe("building blocks", () => {
  it("addWeeksIso follows the engine's calendar (whole days, UTC)", () => {
    expect(addWeeksIso("2026-03-02", 0)).toBe("2026-03-02");
    expect(addWeeksIso("2026-03-02", 1)).toBe("2026-03-09");
    expect(addWeeksIso("2026-12-28", 1.5)).toBe("2027-01-08");
    const e = run();
    expect(addWeeksIso(e.input.plannedStart, e.basePlan.finalGoLiveWeeks)).toBe(e.basePlan.finalGoLiveDate);
    expect(addWeeksIso(e.input.plannedStart, e.basePlan.totalWeeks)).toBe(e.basePlan.endDate);
  });

  it("metric computes deltas and ratios; describeMetric words them", () => {
    const m = metric("c", "P50 cost", "cents", 200_000_000, 220_000_000);
    expect(m).toMatchObject({ delta: 20_000_000, deltaRatio: 0.1 });
    expect(describeMetric(m)).toBe("P50 cost rose from $2.00M to $2.20M (+$200,000, +10%).");
    expect(describeMetric(metric("d", "P50 final go-live", "date", "2027-01-04", "2026-12-28"))).toBe("P50 final go-live moved earlier, from Jan 4, 2027 to Dec 28, 2026 (−7 days).");
    expect(describeMetric(metric("s", "Overlap share", "share", 0.16, 0.18))).toBe("Overlap share rose from 16.0% to 18.0% (+2.0 points).");
    expect(describeMetric(metric("x", "Same", "months", 10, 10))).toBeNull();
    expect(describeMetric(metric("x", "New line", "cents", null, 100))).toBe("New line is new: $1.");
  });

  it("compareFlags notices a severity change", () => {
    const f = { code: "LOW_INPUT_CONFIDENCE" as const, severity: "warning" as const, message: "m", data: {} };
    const r = compareFlags([f], [{ ...f, severity: "critical" }]);
    expect(r.changed).toHaveLength(1);
    expect(r.unchanged).toBe(0);
  });
});
