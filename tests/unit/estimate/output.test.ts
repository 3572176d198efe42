// The estimate's output: explanations for every line, Gantt, breakdowns, tornado, overlap.
import { describe, expect, it } from "vitest";
import { WORKSTREAMS } from "@/lib/engagement-format/schema";
import { COST_LINES, CONSTANT_DEFINITIONS, estimate } from "@/lib/estimate";
import { loadFixture, TYPE_A_FIXTURE, TYPE_B_FIXTURE } from "./helpers";

const a = estimate(loadFixture(TYPE_A_FIXTURE), { iterations: 3000 });
const b = estimate(loadFixture(TYPE_B_FIXTURE), { iterations: 3000 });

describe("explanations answer 'why this number?' for every line", () => {
  const keys = [
    "total.duration", "total.cost", "licenseOverlap", "contingency.cost", "contingency.duration", "systemic", "inputConfidence",
    ...["P0", "P1", "P2", "P3", "P4"].map((p) => `phase.${p}`),
    ...WORKSTREAMS.map((w) => `workstream.${w}`),
    ...COST_LINES.map((l) => `cost.${l}`),
  ];
  it.each(keys)("%s", (key) => {
    const ex = a.explanations[key];
    expect(ex, key).toBeDefined();
    expect(ex!.formula.length).toBeGreaterThan(20);
    expect(Object.keys(ex!.inputs).length + ex!.constants.length).toBeGreaterThan(0);
    const known = new Set(CONSTANT_DEFINITIONS.map((d) => d.key));
    for (const c of ex!.constants) expect(known.has(c.key), c.key).toBe(true);
  });
  it("workstream explanations list their largest items", () => {
    expect(a.explanations["workstream.data_migration"]!.notes!.length).toBeGreaterThan(3);
    expect(a.explanations["phase.P1"]!.inputs.binding).toBe(a.basePlan.phase1.binding);
  });
});

describe("totals add up", () => {
  it("base cost = Σ cost lines", () => {
    const sum = Object.values(a.basePlan.lines).reduce((s, v) => s + v, 0);
    expect(Math.abs(sum - a.basePlan.totalCostCents)).toBeLessThanOrEqual(COST_LINES.length);
  });
  it("base duration = Σ phases", () => {
    const sum = Object.values(a.basePlan.phases).reduce((s, v) => s + v, 0);
    expect(sum).toBeCloseTo(a.basePlan.totalWeeks, 1);
  });
  it("cost by month adds up to the base total", () => {
    const months = a.breakdown.byMonth;
    expect(months[0]!.month).toBe("2026-03");
    const sum = months.reduce((s, m) => s + m.costCents, 0);
    expect(Math.abs(sum - a.basePlan.totalCostCents)).toBeLessThanOrEqual(1);
    expect(months[months.length - 1]!.cumulativeCents).toBe(sum);
    // the archive runs 24 months after decommission
    expect(months.length).toBeGreaterThan(30);
  });
  it("cost by phase (base) adds up to the base total", () => {
    const sum = a.breakdown.byPhase.reduce((s, p) => s + p.cost.base, 0);
    expect(Math.abs(sum - a.basePlan.totalCostCents)).toBeLessThanOrEqual(6);
  });
  it("cost by role covers all labor", () => {
    const labor = COST_LINES.filter((l) => l.startsWith("labor.")).reduce((s, l) => s + a.basePlan.lines[l], 0);
    const roles = a.breakdown.byRole.reduce((s, r) => s + r.costBaseCents, 0);
    expect(Math.abs(roles - labor)).toBeLessThanOrEqual(10);
    expect(a.breakdown.byRole.map((r) => r.role)).not.toContain("Software engineer"); // Type A: no build
    expect(b.breakdown.byRole.map((r) => r.role)).toContain("Software engineer");
  });
  it("cost by workstream carries hours, cost and its top items", () => {
    const data = a.breakdown.byWorkstream.find((w) => w.workstream === "data_migration")!;
    expect(data.rateCents).toBe(12_500);
    expect(Math.abs(data.cost.base - data.hours.base * 12_500)).toBeLessThanOrEqual(12_500 / 2); // hours are rounded
    expect(data.topItems[0]!.likelyHours).toBeGreaterThan(data.topItems[1]!.likelyHours - 1e-9);
  });
});

describe("Gantt", () => {
  it("phases are contiguous from the planned start, waves sit inside Phase 3", () => {
    const bars = a.gantt.base;
    const phases = bars.filter((x) => x.kind === "phase");
    expect(phases.map((p) => p.key)).toEqual(["P0", "P1", "P2", "P3", "P4"]);
    expect(phases[0]!.start).toBe("2026-03-02");
    for (let i = 1; i < phases.length; i++) expect(phases[i]!.start).toBe(phases[i - 1]!.end);
    const p3 = phases[3]!;
    const waves = bars.filter((x) => x.kind === "wave");
    expect(waves).toHaveLength(3);
    for (const w of waves) {
      expect(w.startWeek).toBeGreaterThanOrEqual(p3.startWeek - 0.01);
      expect(w.endWeek).toBeLessThanOrEqual(p3.endWeek + 0.01);
    }
    expect(bars.filter((x) => x.kind === "go_live")).toHaveLength(3);
    expect(phases[4]!.end).toBe(a.basePlan.endDate);
  });
  it("the P80 Gantt ends at P80", () => {
    const p80 = a.gantt.p80.filter((x) => x.kind === "phase");
    expect(p80[4]!.endWeek).toBeCloseTo(a.duration.totalWeeks.percentiles.P80!, 1);
    expect(p80[4]!.endWeek).toBeGreaterThan(a.gantt.base.find((x) => x.key === "P4")!.endWeek);
  });
});

describe("tornado", () => {
  it("ranks drivers by swing, with labels a person understands", () => {
    for (const bars of [a.tornado.duration, a.tornado.cost]) {
      expect(bars.length).toBeGreaterThan(8);
      for (let i = 1; i < bars.length; i++) expect(Math.abs(bars[i]!.swing)).toBeLessThanOrEqual(Math.abs(bars[i - 1]!.swing));
      for (const bar of bars) {
        expect(bar.label).not.toMatch(/^ws\.|^phase\./);
        expect(bar.correlation).toBeGreaterThanOrEqual(-1);
        expect(bar.correlation).toBeLessThanOrEqual(1);
      }
    }
    // the systemic factor and data migration are among the top cost drivers of a Type A
    const top = a.tornado.cost.slice(0, 4).map((x) => x.driver);
    expect(top).toContain("systemic");
    expect(top).toContain("ws.data_migration");
  });
  it("the build drives Type B's duration", () => {
    expect(b.tornado.duration[0]!.driver).toBe("ws.build");
  });
});

describe("license overlap", () => {
  it("is tied to the wave plan", () => {
    expect(a.licenseOverlap.perWave).toHaveLength(3);
    // later waves pay the destination longer before going live
    const dest = a.licenseOverlap.perWave.map((w) => w.destinationMonths);
    expect(dest[2]!).toBeGreaterThan(dest[0]!);
    // the source (no ramp-down) runs until decommission + tail: earlier waves pay it longer
    const src = a.licenseOverlap.perWave.map((w) => w.sourceMonths);
    expect(src[0]!).toBeGreaterThan(src[2]!);
    expect(a.licenseOverlap.base.archiveCents).toBe(180_000 * 24);
  });
  it("grows with the schedule (band)", () => {
    expect(a.licenseOverlap.band.p90).toBeGreaterThan(a.licenseOverlap.band.p10);
  });
});

describe("waves", () => {
  it("reports dates for each wave's go-live", () => {
    for (const w of a.waves.waves) expect(w.baseGoLiveDate).toMatch(/^2026-\d{2}-\d{2}$|^2027-\d{2}-\d{2}$/);
    expect(a.waves.derived).toBe(false);
    expect(a.waves.waves.reduce((s, w) => s + w.share, 0)).toBeCloseTo(1);
  });
});

it("the whole estimate is plain JSON (no NaN, no Infinity, no undefined)", () => {
  const text = JSON.stringify(a);
  expect(text).not.toMatch(/NaN|Infinity|null,"undefined"/);
  expect(JSON.parse(text)).toEqual(a);
});
