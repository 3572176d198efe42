// Golden scenarios from ESTIMATION.md ("Public golden scenario"): the engine is tuned against these.
import { describe, expect, it } from "vitest";
import { estimate } from "@/lib/estimate";
import { dollars, loadFixture, TYPE_A_FIXTURE, TYPE_B_FIXTURE, WEEKS_PER_MONTH } from "./helpers";

interface Golden {
  name: string;
  file: string;
  p50Months: [number, number];
  p80MonthsMax: number;
  p50Cost: [number, number];
  costPerProviderP50?: [number, number];
  minOverlapShare: number;
  flags: string[];
}

const GOLDENS: Golden[] = [
  {
    name: "mid-size Type A (60 providers, 20 interfaces, 3 waves, team of 12)",
    file: TYPE_A_FIXTURE,
    p50Months: [9, 12],
    p80MonthsMax: 13,
    p50Cost: [dollars(1_200_000), dollars(2_500_000)],
    costPerProviderP50: [dollars(15_000), dollars(70_000)],
    minOverlapShare: 0.1, // "a visible share"
    flags: [],
  },
  {
    name: "mid-size Type B specialty (30 providers, 400 FP build, 2 waves, team of 6)",
    file: TYPE_B_FIXTURE,
    p50Months: [11, 15],
    p80MonthsMax: 18,
    p50Cost: [dollars(1_500_000), dollars(3_000_000)],
    minOverlapShare: 0.03,
    flags: ["CUSTOM_BUILD_EXCEEDS_FIELD_RANGE"], // longer than the 6–12 month band because of the build
  },
];

describe.each(GOLDENS)("golden: $name", (g) => {
  const doc = loadFixture(g.file);
  const e = estimate(doc);

  it("P50 duration lands in the field range", () => {
    const p50 = e.duration.totalMonths.percentiles.P50 as number;
    expect(p50).toBeGreaterThanOrEqual(g.p50Months[0]);
    expect(p50).toBeLessThanOrEqual(g.p50Months[1]);
  });

  it("P80 duration stays within the upper bound", () => {
    expect(e.duration.totalMonths.percentiles.P80).toBeLessThanOrEqual(g.p80MonthsMax);
  });

  it("P80 / base-plan duration is 1.2–1.6 (Flyvbjerg, KLAS)", () => {
    const ratio = (e.duration.totalWeeks.percentiles.P80 as number) / e.basePlan.totalWeeks;
    expect(ratio).toBeGreaterThanOrEqual(1.2);
    expect(ratio).toBeLessThanOrEqual(1.6);
    expect(e.contingency.durationRatioP80ToBase).toBeCloseTo(ratio, 2);
  });

  it("P50 cost lands in the range", () => {
    const p50 = e.cost.totalCents.percentiles.P50 as number;
    expect(p50).toBeGreaterThanOrEqual(g.p50Cost[0]);
    expect(p50).toBeLessThanOrEqual(g.p50Cost[1]);
  });

  it.runIf(g.costPerProviderP50)("cost per provider is within the ONC range", () => {
    const perProvider = (e.cost.totalCents.percentiles.P50 as number) / doc.engagement.profile.providers;
    expect(perProvider).toBeGreaterThanOrEqual(g.costPerProviderP50![0]);
    expect(perProvider).toBeLessThanOrEqual(g.costPerProviderP50![1]);
  });

  it("license overlap is a visible share of the total", () => {
    expect(e.licenseOverlap.shareOfTotalCostP50).toBeGreaterThanOrEqual(g.minOverlapShare);
    expect(e.licenseOverlap.band.p10).toBeLessThanOrEqual(e.licenseOverlap.band.p50);
    expect(e.licenseOverlap.band.p50).toBeLessThanOrEqual(e.licenseOverlap.band.p90);
    expect(e.licenseOverlap.explanation.length).toBeGreaterThan(50);
  });

  it("raises its expected flags", () => {
    const codes = e.flags.map((f) => f.code);
    for (const f of g.flags) expect(codes).toContain(f);
    expect(codes).not.toContain("BELOW_FIELD_RANGE");
  });

  it("contingency is P80 − base for cost and duration", () => {
    expect(e.contingency.costCents).toBe(Math.round((e.cost.totalCents.percentiles.P80 as number) - e.basePlan.totalCostCents));
    expect(e.contingency.durationWeeks).toBeCloseTo((e.duration.totalWeeks.percentiles.P80 as number) - e.basePlan.totalWeeks, 1);
    expect(e.contingency.costCents).toBeGreaterThan(0);
  });

  it("months and weeks agree", () => {
    expect(e.duration.totalMonths.percentiles.P50).toBeCloseTo((e.duration.totalWeeks.percentiles.P50 as number) / WEEKS_PER_MONTH, 1);
  });
});

describe("golden: Type A specifics", () => {
  const e = estimate(loadFixture(TYPE_A_FIXTURE));
  it("data migration is the largest workstream", () => {
    const hours = e.basePlan.hours;
    const largest = Object.entries(hours).sort((a, b) => b[1] - a[1])[0]![0];
    expect(largest).toBe("data_migration");
    expect(hours.data_migration / e.effort.totalHours.base).toBeGreaterThan(0.28);
  });
  it("has no build track", () => {
    expect(e.basePlan.hours.build).toBe(0);
    expect(e.basePlan.phase1.candidatesWeeks["COCOMO II build schedule"]).toBe(0);
  });
});

describe("golden: Type B specifics", () => {
  const e = estimate(loadFixture(TYPE_B_FIXTURE));
  it("the custom build sets the Phase 1 floor under COCOMO II", () => {
    expect(e.basePlan.phase1.binding).toBe("COCOMO II build schedule");
    expect(e.basePlan.hours.build).toBeGreaterThan(4000);
  });
  it("the flag explains the build in plain words", () => {
    const flag = e.flags.find((f) => f.code === "CUSTOM_BUILD_EXCEEDS_FIELD_RANGE")!;
    expect(flag.message).toMatch(/custom build/);
    expect(flag.message).toMatch(/COCOMO/);
    expect(flag.data.functionPoints).toBe(400);
  });
});
