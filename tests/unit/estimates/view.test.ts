// The estimate as a clinical reviewer sees it: no labor rate and no license fee, nor what gives them away.
import { describe, expect, it } from "vitest";
import { WORKSTREAMS } from "@/lib/engagement-format/schema";
import { estimate, isMoneyValue } from "@/lib/estimate";
import { redactText, toEstimateView } from "@/lib/estimates/view";
import { fixture } from "./helpers";

// distinctive amounts, so a leak is found by searching the serialized view
const RATES = Object.fromEntries(WORKSTREAMS.map((w, i) => [w, 98_761 + i * 1_000])); // $987.61/h, $997.61/h, …
const FEES = { sourceFeeCents: 43_217, destinationFeeCents: 52_319, archiveFeeCentsPerMonth: 311_173 };

function doc() {
  const d = fixture();
  d.assumptions.ratesCents = RATES;
  d.assumptions.license = { ...d.assumptions.license, ...FEES };
  d.assumptions.constants["rate.build"] = 12_345; // overridden by ratesCents, still must not show
  return d;
}

const needles = () => [
  ...Object.values(RATES).flatMap((c) => [String(c), (c / 100).toFixed(2), String(c / 100)]),
  ...Object.values(FEES).flatMap((c) => [String(c), (c / 100).toFixed(2), String(c / 100)]),
  // monthly totals the engine derives from the fees (× 60 providers)
  String(FEES.sourceFeeCents * 60),
  String(FEES.destinationFeeCents * 60),
  // what a month after decommission costs (the archive fee)
  `"costCents":${FEES.archiveFeeCentsPerMonth}`,
];

describe("toEstimateView", () => {
  const e = estimate(doc(), { seed: 3, iterations: 2_000 });

  it("the serialized engine output does contain the rates and fees (the test can see a leak)", () => {
    const json = JSON.stringify(e);
    expect(needles().filter((n) => json.includes(n)).length).toBeGreaterThan(5);
  });

  it("a reviewer's view contains none of them", () => {
    const v = toEstimateView(e, { canSeeRates: false });
    const json = JSON.stringify(v);
    for (const n of needles()) expect(json.includes(n), `leaks ${n}`).toBe(false);
    expect(json).not.toMatch(/\$\/h/);
    expect(v.redacted).toBe(true);
  });

  it("a reviewer keeps totals, phases, hours and the overlap total; loses per-workstream cost, the cost after decommission and by month", () => {
    const v = toEstimateView(e, { canSeeRates: false });
    expect(v.cost.totalCents).toEqual(e.cost.totalCents);
    expect(v.duration).toEqual(e.duration);
    expect(v.effort).toEqual(e.effort);
    expect(v.breakdown.byMonth).toEqual([]);
    expect(v.breakdown.byPhase).toEqual(e.breakdown.byPhase.filter((p) => p.phase !== "after"));
    expect(v.breakdown.byPhase.map((p) => p.phase)).toEqual(["P0", "P1", "P2", "P3", "P4"]);
    expect(v.licenseOverlap.base.totalCents).toBe(e.licenseOverlap.base.totalCents);
    expect(v.licenseOverlap.band).toEqual(e.licenseOverlap.band);
    expect(v.licenseOverlap.base.destinationCents).toBeNull();
    expect(v.licenseOverlap.perWave.every((w) => w.destinationCents === null && w.sourceCents === null && w.destinationMonths > 0)).toBe(true);
    expect(v.breakdown.byWorkstream.every((w) => w.rateCents === null && w.cost === null && w.hours.base === e.breakdown.byWorkstream.find((x) => x.workstream === w.workstream)!.hours.base)).toBe(true);
    expect(v.breakdown.byRole.every((r) => r.costBaseCents === null && r.hoursBase > 0)).toBe(true);
    expect(v.cost.lines.map((l) => l.key)).toEqual(["labor", "license_overlap", "risk_events", "schedule_slip", "risk_mitigation", "vendor_fees"]);
    const labor = v.cost.lines[0]!;
    const laborBase = Object.entries(e.basePlan.lines).filter(([k]) => k.startsWith("labor.")).reduce((s, [, c]) => s + c, 0);
    expect(labor.base).toBeCloseTo(laborBase, -1);
    expect(labor.percentiles).toEqual({});
    expect(Object.keys(v.explanations).some((k) => k.startsWith("cost.labor."))).toBe(false);
    expect(v.explanations["workstream.data_migration"]).toBeDefined();
    expect(v.assumptions.overridden.some((o) => o.key.startsWith("rate."))).toBe(false);
  });

  it("a role with rates.view gets the engine output unchanged (plus the cost lines as a list)", () => {
    const v = toEstimateView(e, { canSeeRates: true });
    expect(v.redacted).toBe(false);
    expect(v.breakdown).toEqual(e.breakdown);
    expect(v.licenseOverlap).toEqual(e.licenseOverlap);
    expect(v.explanations).toEqual(e.explanations);
    expect(v.cost.lines.map((l) => l.key)).toEqual(Object.keys(e.cost.lines));
    expect(v.cost.lines.every((l) => l.explainKey === `cost.${l.key}`)).toBe(true);
  });

  it("a reviewer's explanations hold no money at all: every typed money input is gone, found by its type", () => {
    const walk = (v: unknown, visit: (x: unknown) => void) => {
      visit(v);
      if (v && typeof v === "object") for (const x of Object.values(v)) walk(x, visit);
    };
    let inEngine = 0;
    walk(e.explanations, (x) => (inEngine += isMoneyValue(x) ? 1 : 0));
    expect(inEngine).toBeGreaterThan(15); // the engine's explanations do carry money, typed
    const v = toEstimateView(e, { canSeeRates: false });
    let inView = 0;
    walk(v.explanations, (x) => (inView += isMoneyValue(x) ? 1 : 0));
    expect(inView).toBe(0);
    // and not as text either (the formulas name the rate, they do not print it)
    for (const ex of Object.values(v.explanations)) expect([ex.formula, ...(ex.notes ?? [])].join(" ")).not.toMatch(/\$|\/h\b|hidden for your role/);
    // a lead's view keeps them
    let inLead = 0;
    walk(toEstimateView(e, { canSeeRates: true }).explanations, (x) => (inLead += isMoneyValue(x) ? 1 : 0));
    expect(inLead).toBe(inEngine);
  });

  it("a stored result of an engine before 2.2 (bare numbers, rates in the formula) is still redacted", () => {
    const legacy = structuredClone(e);
    legacy.engine.version = "2.1.0";
    legacy.explanations["cost.labor.build"] = { ...legacy.explanations["cost.labor.build"]!, formula: "Build hours × rate (987.61 $/h).", inputs: { hours: 10, rateCents: 98_761 } };
    legacy.explanations["workstream.build"] = { ...legacy.explanations["workstream.build"]!, formula: "… Cost = hours × 987.61 $/h.", inputs: { buildHours: 3 } };
    legacy.explanations["cost.schedule_slip"] = { ...legacy.explanations["cost.schedule_slip"]!, inputs: { burnPerWeekCents: 4_321_987, teamFte: 6 } };
    const json = JSON.stringify(toEstimateView(legacy, { canSeeRates: false }).explanations);
    expect(json).not.toContain("987.61");
    expect(json).not.toContain("4321987");
    expect(json).toContain("teamFte");
  });

  it("redactText removes rates written in formulas", () => {
    expect(redactText("Cost = hours × 125 $/h.")).toBe("Cost = hours × (rate hidden for your role).");
    expect(redactText("Data hours × rate (987.61 $/h).")).toBe("Data hours × rate (rate hidden for your role).");
    expect(redactText("no money here: 12 weeks")).toBe("no money here: 12 weeks");
  });
});

describe("type-decision money constants", () => {
  it("a licence quote entered as a tco.* override is hidden from a reviewer like a rate", () => {
    const d = fixture();
    d.assumptions.constants["tco.A.licencePerProviderMonthCents"] = 61_237;
    d.assumptions.constants["tco.custom.maintenanceShareOfBuild"] = 0.25;
    const e = estimate(d, { iterations: 200 });
    const reviewer = JSON.stringify(toEstimateView(e, { canSeeRates: false }));
    expect(reviewer).not.toContain("61237");
    expect(reviewer).toContain("tco.custom.maintenanceShareOfBuild"); // a share, not money: shown
    expect(JSON.stringify(toEstimateView(e, { canSeeRates: true }))).toContain("61237");
  });
});
