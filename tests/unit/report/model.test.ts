// The report view: the same numbers as the engine, nothing a viewer without rates.view may not see, and
// the wording a client reads.
import { describe, expect, it } from "vitest";
import { estimate } from "@/lib/estimate";
import { addWeeks } from "@/lib/estimate/calendar";
import { inputChanges, TOP_RISK_COUNT } from "@/lib/report/model";
import { fixtureDoc, fixtureReport } from "./support";

describe("buildReportView", () => {
  const doc = fixtureDoc();
  const est = estimate(doc, { seed: 1 });
  const r = fixtureReport({ doc });

  it("headline numbers are the engine's, for the same inputs and seed", () => {
    expect(r.meta.seed).toBe(1);
    expect(r.meta.iterations).toBe(10_000);
    expect(r.headline.cost.p50).toBe(est.cost.totalCents.percentiles.P50);
    expect(r.headline.cost.p80).toBe(est.cost.totalCents.percentiles.P80);
    expect(r.headline.cost.base).toBe(est.basePlan.totalCostCents);
    expect(r.headline.cost.contingency).toBe(est.contingency.costCents);
    expect(r.headline.months.p50).toBe(est.duration.totalMonths.percentiles.P50);
    expect(r.headline.goLive.p50).toBe(addWeeks(doc.engagement.plannedStart, est.duration.finalGoLiveWeeks.percentiles.P50!));
    expect(r.headline.completion.p80).toBe(addWeeks(doc.engagement.plannedStart, est.duration.totalWeeks.percentiles.P80!));
    expect(r.headline.overlap.p50).toBe(est.licenseOverlap.band.p50);
    expect(r.costs.total.p50).toBe(est.cost.totalCents.percentiles.P50);
    // base plan lines add up to the base total
    expect(r.costs.lines.reduce((s, l) => s + l.base, 0)).toBeCloseTo(r.costs.total.base, -1);
  });

  it("a different seed gives the engine's numbers for that seed", () => {
    const r7 = fixtureReport({ doc, seed: 7 });
    expect(r7.meta.seed).toBe(7);
    expect(r7.headline.cost.p50).toBe(estimate(doc, { seed: 7 }).cost.totalCents.percentiles.P50);
    expect(r7.meta.reproduce).toBe("npm run estimate -- engagement.json --seed 7");
  });

  it("scope paragraph is generated from the live data", () => {
    expect(r.scope).toContain("Cedar Valley Medical Group is moving from eClinicalWorks");
    expect(r.scope).toContain("a Type A vendor switch");
    expect(r.scope).toContain("60 providers at 8 locations");
    expect(r.scope).toContain("20 interfaces (10 simple, 8 medium, 2 complex)");
    expect(r.scope).toContain("Cutover runs in 3 waves");
    expect(r.scope).toContain("Mar 2, 2026");
  });

  it("top risks: the five with the largest expected cost, with owners and mitigations", () => {
    expect(r.risks.top).toHaveLength(TOP_RISK_COUNT);
    const costs = r.risks.top.map((t) => t.expectedCostCents);
    expect(costs).toEqual([...costs].sort((a, b) => b - a));
    expect(Math.min(...costs)).toBeGreaterThanOrEqual(Math.max(...est.risks.map((x) => x.meanCostCents).sort((a, b) => b - a).slice(TOP_RISK_COUNT)));
    const legacy = r.risks.top.find((t) => t.title === "Legacy data export delayed")!;
    expect(legacy).toMatchObject({ owner: "Data migration lead", mitigation: expect.stringContaining("Extract SOW") });
    expect(r.risks.rated.every((x) => x.status !== "closed")).toBe(true);
  });

  it("a viewer without rates.view gets no rates, no hours beside labor cost and no license fees", () => {
    const reviewer = fixtureReport({ doc, canSeeRates: false });
    expect(reviewer.meta.canSeeRates).toBe(false);
    expect(reviewer.assumptions.rates).toBeNull();
    expect(reviewer.overlap.fees).toBeNull();
    expect(reviewer.costs.lines.every((l) => l.hours === null && l.rateCents === null)).toBe(true);
    // costs themselves are visible
    expect(reviewer.headline.cost.p50).toBe(r.headline.cost.p50);
    const json = JSON.stringify(reviewer);
    expect(json).not.toContain("per provider per month");
    expect(json).not.toMatch(/"rateCents":\d/);

    expect(r.assumptions.rates?.find((x) => x.workstream === "data_migration")).toMatchObject({ rateCents: 12_500, isDefault: true });
    expect(r.overlap.fees).toEqual({ source: "$500 per provider per month", destination: "$520 per provider per month", archive: "$1,800 per month" });
    expect(r.costs.lines.find((l) => l.key === "labor.data_migration")).toMatchObject({ hours: est.basePlan.hours.data_migration, rateCents: 12_500 });
  });

  it("flags come critical first; input confidence in plain words", () => {
    expect(r.flags.map((f) => f.code)).toContain("REGULATORY_REPORTS_WITHOUT_PLAN");
    expect(r.confidence).toMatchObject({ score: est.inputConfidence.score, level: "High" });
    expect(r.confidence.summary).toMatch(/^High input confidence \(92 of 100\)\. .*weakest inputs: workflow items reviewed/);
    const empty = fixtureReport({ doc: { ...doc, dataEntities: [], integrations: [], workflows: [], reports: [], risks: [] } });
    expect(empty.confidence.level).toBe("Low");
    expect(empty.flags[0]!.severity === "critical" || empty.flags.every((f) => f.severity !== "critical")).toBe(true);
    expect(empty.risks.usedDefaultLibrary).toBe(true);
    expect(empty.inventory.rows.find((x) => x.key === "data")).toMatchObject({ count: 0, complete: 0 });
  });

  it("baseline comparison: metrics and what changed in the inputs", () => {
    const before = fixtureDoc();
    const after = { ...before, assumptions: { ...before.assumptions, teamFte: 10 }, engagement: { ...before.engagement, profile: { ...before.engagement.profile, providers: 64 } } };
    const withBaseline = fixtureReport({ doc: after, baseline: { name: "SOW v1", createdAt: "2026-02-01T10:00:00.000Z", createdByName: "Dana", seed: 1, iterations: 10_000, doc: before, estimate: est } });
    expect(withBaseline.baseline).toMatchObject({ name: "SOW v1", comparable: true });
    const p50 = withBaseline.baseline!.metrics.find((m) => m.label === "P50 cost")!;
    expect(p50.before).toBe(est.cost.totalCents.percentiles.P50);
    expect(p50.after).toBe(withBaseline.headline.cost.p50);
    expect(withBaseline.baseline!.inputChanges).toEqual(expect.arrayContaining(["Providers: 60 → 64", "Team (FTE): 12 → 10"]));

    const fees = { ...before, assumptions: { ...before.assumptions, license: { ...before.assumptions.license, sourceFeeCents: 60_000 } } };
    expect(inputChanges(before, fees, { canSeeRates: true })).toEqual(["Source fee: $500 → $600"]);
    expect(inputChanges(before, fees, { canSeeRates: false })).toEqual([]);
    const unreadable = fixtureReport({ doc, baseline: { name: "old", createdAt: "2026-01-01T00:00:00.000Z", createdByName: "", seed: 1, iterations: 10, doc: null, estimate: null } });
    expect(unreadable.baseline).toMatchObject({ comparable: false, metrics: [] });
  });

  it("is plain, serializable data", () => {
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});
