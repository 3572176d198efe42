// The report view: the same numbers as the engine, nothing a viewer without rates.view may not see, and
// the wording a client reads.
import { describe, expect, it } from "vitest";
import { estimate } from "@/lib/estimate";
import { addWeeks } from "@/lib/estimate/calendar";
import { WORKSTREAMS } from "@/lib/engagement-format/schema";
import { COST_LINES } from "@/lib/estimate/simulate";
import { COST_LINE_GROUP_LABELS, costLineGroup, TOP_RISK_COUNT } from "@/lib/report/model";
import { inventoryKnownText } from "@/lib/report/presenters";
import { CONSTANT_DEFINITIONS } from "@/lib/estimate/defaults";
import { constantLabel } from "@/lib/estimates/explain-labels";
import { fixtureDoc, fixtureReport } from "./support";

describe("cost-line groups", () => {
  it("every engine cost line has a group with words; vendor fees sit with licenses, risk lines with risk", () => {
    for (const key of COST_LINES) expect(COST_LINE_GROUP_LABELS[costLineGroup(key)], key).toBeTruthy();
    expect(costLineGroup("labor")).toBe("labor");
    expect(costLineGroup("labor.build")).toBe("labor");
    expect(costLineGroup("license_overlap")).toBe("license");
    expect(costLineGroup("vendor_fees")).toBe("license");
    expect(["risk_events", "schedule_slip", "risk_mitigation"].map((k) => costLineGroup(k as (typeof COST_LINES)[number]))).toEqual(["risk", "risk", "risk"]);
  });
});

describe("model constants in the report", () => {
  it("every constant key has its own human label (never the key, never a label shared with another constant)", () => {
    const seen = new Map<string, string>();
    for (const d of CONSTANT_DEFINITIONS) {
      const label = constantLabel(d.key);
      expect(label.trim().length, d.key).toBeGreaterThan(3);
      expect(label, d.key).not.toContain(d.key);
      expect(label, d.key).not.toMatch(/^[\w.]+$/); // not a key-shaped word
      expect(seen.get(label), `${d.key} shares its label with ${seen.get(label)}`).toBeUndefined();
      seen.set(label, d.key);
    }
  });

  it("'Model constants changed' names each constant by its label with values in its unit, on the page and in the PDF", () => {
    const doc = fixtureDoc();
    const changed = {
      ...doc,
      assumptions: { ...doc.assumptions, constants: { ...doc.assumptions.constants, "tco.custom.maintenanceShareOfBuild": 0.25, "tco.A.licencePerProviderMonthCents": 65_000, "systemic.likely": 1.1 } },
    };
    const r = fixtureReport({ doc: changed });
    const rows = new Map(r.assumptions.overriddenConstants.map((c) => [c.key, c]));
    expect(rows.get("tco.custom.maintenanceShareOfBuild")!.text).toBe("Type B/C: maintenance per year as a share of the build cost: 25%/year (default 20%/year)");
    expect(rows.get("tco.A.licencePerProviderMonthCents")!.text).toBe(
      "Type A: destination licence per provider per month (when no destination fee is entered): $650/provider/month (default $500/provider/month)",
    );
    for (const c of r.assumptions.overriddenConstants) {
      expect(c.text, c.key).not.toContain(c.key);
      expect(c.label).toBe(constantLabel(c.key));
    }
    // a reviewer (no rates.view) does not see money constants at all
    const reviewer = fixtureReport({ doc: changed, canSeeRates: false });
    expect(reviewer.assumptions.overriddenConstants.map((c) => c.key)).not.toContain("tco.A.licencePerProviderMonthCents");
    expect(reviewer.assumptions.overriddenConstants.map((c) => c.key)).toContain("tco.custom.maintenanceShareOfBuild");
  });
});

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

  it("a viewer without rates.view gets no rate, no fee, nor what gives them away (the estimate page's rules)", () => {
    // distinctive amounts, so a leak is found by searching the serialized view (as tests/unit/estimates/view.test.ts)
    const RATES = Object.fromEntries(WORKSTREAMS.map((w, i) => [w, 98_761 + i * 1_000]));
    const FEES = { sourceFeeCents: 43_217, destinationFeeCents: 52_319, archiveFeeCentsPerMonth: 311_173 };
    const d = fixtureDoc();
    d.assumptions.ratesCents = RATES;
    d.assumptions.license = { ...d.assumptions.license, sources: d.assumptions.license.sources.map((x) => ({ ...x, feeCents: FEES.sourceFeeCents })), destinationFeeCents: FEES.destinationFeeCents, archiveFeeCentsPerMonth: FEES.archiveFeeCentsPerMonth };
    const needles = [
      ...Object.values(RATES).flatMap((c) => [String(c), (c / 100).toFixed(2), String(c / 100)]),
      ...Object.values(FEES).flatMap((c) => [String(c), (c / 100).toFixed(2), String(c / 100), (c / 100).toLocaleString("en-US")]),
      String(FEES.sourceFeeCents * 60),
      String(FEES.destinationFeeCents * 60),
    ];
    const lead = fixtureReport({ doc: d, canSeeRates: true });
    expect(needles.filter((n) => JSON.stringify(lead).includes(n)).length).toBeGreaterThan(5); // the test can see a leak

    const reviewer = fixtureReport({ doc: d, canSeeRates: false });
    const json = JSON.stringify(reviewer);
    for (const n of needles) expect(json.includes(n), `leaks ${n}`).toBe(false);
    expect(json).not.toContain("per provider per month");
    expect(reviewer.meta.canSeeRates).toBe(false);
    expect(reviewer.assumptions.rates).toBeNull();
    expect(reviewer.overlap.fees).toBeNull();
    expect(reviewer.overlap.parts).toBeNull();
    expect(reviewer.overlap.perWave.every((w) => w.destinationCents === null && w.sourceCents === null && w.destinationMonths > 0)).toBe(true);
    // labor is one line (base and mean add up; no percentiles of a sum), the other lines stay
    expect(reviewer.costs.lines.map((l) => l.key)).toEqual(["labor", "license_overlap", "risk_events", "schedule_slip", "risk_mitigation"]); // zero lines (vendor fees not entered) are left out
    expect(reviewer.costs.lines[0]).toMatchObject({ label: "Labor (all workstreams)", p50: null, p80: null, hours: null, rateCents: null });
    expect(reviewer.costs.lines.reduce((s, l) => s + l.base, 0)).toBeCloseTo(reviewer.costs.total.base, -1);
    // the cost after decommission is the source tail and the archive fee: not shown either
    expect(reviewer.costs.byPhase.map((b) => b.key)).toEqual(["P0", "P1", "P2", "P3", "P4"]);
    expect(lead.costs.byPhase.map((b) => b.key)).toContain("after");
    // every cost total and date is the same as the lead's
    expect(reviewer.headline).toEqual(lead.headline);
    expect(reviewer.costs.total).toEqual(lead.costs.total);

    expect(r.assumptions.rates?.find((x) => x.workstream === "data_migration")).toMatchObject({ rateCents: 12_500, isDefault: true });
    expect(r.overlap.fees).toEqual({ source: "$500 per provider per month", destination: "$520 per provider per month", archive: "$1,800 per month" });
    expect(r.costs.lines.find((l) => l.key === "labor.data_migration")).toMatchObject({ hours: est.basePlan.hours.data_migration, rateCents: 12_500 });
  });

  it("flags come critical first; input confidence in plain words", () => {
    expect(r.flags.map((f) => f.code)).toContain("REGULATORY_REPORTS_WITHOUT_PLAN");
    // 92 of 100, but the fixture's workflow inventory changed since its sign-off: never "High" then (issue 11)
    expect(r.confidence).toMatchObject({ score: est.inputConfidence.score, level: "Moderate" });
    expect(r.confidence.summary).toMatch(/^Moderate input confidence \(92 of 100\)\. Not "High" while the workflow inventory has changed since its clinical sign-off; .*weakest inputs: workflow items reviewed/);
    const empty = fixtureReport({ doc: { ...doc, dataEntities: [], integrations: [], workflows: [], reports: [], risks: [] } });
    expect(empty.confidence.level).toBe("Low");
    expect(empty.flags[0]!.severity === "critical" || empty.flags.every((f) => f.severity !== "critical")).toBe(true);
    expect(empty.risks.usedDefaultLibrary).toBe(true);
    expect(empty.inventory.rows.find((x) => x.key === "data")).toMatchObject({ count: 0 });
    expect(inventoryKnownText(empty.inventory.rows.find((x) => x.key === "data")!)).toBe("—");
  });

  it("one truth per number: the inventory summary shows the input-confidence shares, not a second completeness measure (issue 11)", () => {
    const components = est.inputConfidence.components;
    const shown = r.inventory.rows.flatMap((row) => row.known);
    // every component but the audit-trail policy (its own line) appears once, with its own share, under its inventory
    expect(shown.map((k) => k.key).sort()).toEqual(components.map((c) => c.key).filter((k) => k !== "audit_policy").sort());
    for (const k of shown) expect(k.share).toBe(components.find((c) => c.key === k.key)!.value);
    for (const k of shown) expect(r.confidence.components.find((c) => c.key === k.key)!.value).toBe(k.share);
    const data = r.inventory.rows.find((x) => x.key === "data")!;
    expect(data.known.map((k) => k.key)).toEqual(["data_counts", "data_decisions"]);
    expect(inventoryKnownText(data)).toBe(data.known.map((k) => `${Math.round(k.share * 100)}% ${k.label}`).join(" · "));
  });

  it("baseline comparison: headline metrics, what changed in the inputs, flags (lib/estimates compare and input diff)", () => {
    const before = fixtureDoc();
    const after = { ...before, assumptions: { ...before.assumptions, teamFte: 10 }, engagement: { ...before.engagement, profile: { ...before.engagement.profile, providers: 64 } } };
    const current = estimate(after, { seed: 1 });
    const withBaseline = fixtureReport({ doc: after, baseline: { name: "SOW v1", createdAt: "2026-02-01T10:00:00.000Z", createdByName: "Dana", seed: 1, iterations: 10_000, document: before, estimate: est, current } });
    const b = withBaseline.baseline!;
    expect(b).toMatchObject({ name: "SOW v1", seed: 1, recomputedWithBaselineSeed: false });
    expect(b.metrics.map((m) => m.label)).toEqual(["P50 duration", "P80 duration", "P50 final go-live", "P80 final go-live", "P50 cost", "P80 cost", "License overlap (P50)", "Input confidence"]);
    const p50 = b.metrics.find((m) => m.label === "P50 cost")!;
    expect(p50).toMatchObject({ kind: "money", before: est.cost.totalCents.percentiles.P50, after: withBaseline.headline.cost.p50 });
    expect(b.inputChanges.join("\n")).toMatch(/Providers: 60 → 64/);
    expect(b.inputChanges.join("\n")).toMatch(/12 → 10/);

    const fees = { ...before, assumptions: { ...before.assumptions, license: { ...before.assumptions.license, sources: before.assumptions.license.sources.map((x) => ({ ...x, feeCents: 61_234 })) } } };
    const feeCurrent = estimate(fees, { seed: 1 });
    const src = { name: "v2", createdAt: "2026-02-01T10:00:00.000Z", createdByName: "", seed: 1, iterations: 10_000, document: before, estimate: est, current: feeCurrent };
    expect(JSON.stringify(fixtureReport({ doc: fees, baseline: src, canSeeRates: true }).baseline)).toContain("612.34");
    const hidden = fixtureReport({ doc: fees, baseline: src, canSeeRates: false }).baseline!;
    expect(JSON.stringify(hidden)).not.toContain("612");
    expect(hidden.inputChanges.join(" ")).toMatch(/hidden for your role/);
  });

  it("is plain, serializable data", () => {
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

describe("report commitment, drivers and fees", () => {
  it("leads with the P80 commitment, carries the top drivers and says when no fees are entered", () => {
    const r = fixtureReport();
    expect(r.commitment.commit.costCents).toBe(r.headline.cost.p80);
    expect(r.commitment.expect.costCents).toBe(r.headline.cost.p50);
    expect(r.commitment.commit.goLive).toBe(r.headline.goLive.p80);
    expect(r.commitment.recommendation).toMatch(/^Commit to go-live by /);
    expect(r.drivers.duration.length).toBe(5);
    expect(r.drivers.cost.length).toBe(5);
    for (const d of [...r.drivers.duration, ...r.drivers.cost]) expect(d.high).toBeGreaterThanOrEqual(d.low);
    expect(r.overlap.feesEntered).toBe(true);

    const doc = fixtureDoc();
    const noFees = { ...doc, assumptions: { ...doc.assumptions, license: { ...doc.assumptions.license, sources: [], destinationFeeCents: null, archiveFeeCentsPerMonth: 0 } } };
    expect(fixtureReport({ doc: noFees }).overlap.feesEntered).toBe(false);
  });
});
