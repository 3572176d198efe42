// Reading target probabilities from the estimate's outputs, and the assumption anchors Explain links to.
import { describe, expect, it } from "vitest";
import { percentileBracket, probabilityAtOrBelow } from "@/lib/estimates/targets";
import { anchorForConstant, anchorForInput, constantAnchor, fieldAnchor, rateAnchor } from "@/lib/assumptions/anchors";

describe("targets", () => {
  const curve = [
    { probability: 0, value: 100 },
    { probability: 0.5, value: 200 },
    { probability: 1, value: 300 },
  ];
  it("reads an S-curve linearly between its points", () => {
    expect(probabilityAtOrBelow(curve, 50)).toBe(0);
    expect(probabilityAtOrBelow(curve, 150)).toBeCloseTo(0.25);
    expect(probabilityAtOrBelow(curve, 200)).toBeCloseTo(0.5);
    expect(probabilityAtOrBelow(curve, 250)).toBeCloseTo(0.75);
    expect(probabilityAtOrBelow(curve, 999)).toBe(1);
    expect(probabilityAtOrBelow([], 1)).toBe(0);
  });
  it("brackets a value between reported percentiles", () => {
    const p = { P10: 40, P50: 50, P80: 60, P90: 70 };
    expect(percentileBracket(p, 35)).toBe("below 10%");
    expect(percentileBracket(p, 55)).toBe("between 50% and 80%");
    expect(percentileBracket(p, 65)).toBe("between 80% and 90%");
    expect(percentileBracket(p, 75)).toBe("above 90%");
  });
});

describe("assumption anchors", () => {
  it("links constants, rates and assumption inputs to their fields; inventory facts to nothing", () => {
    expect(anchorForConstant("phase.P1.min")).toBe(constantAnchor("phase.P1.min"));
    expect(anchorForConstant("rate.data_migration")).toBe(rateAnchor("data_migration"));
    expect(anchorForConstant("no.such.constant")).toBeNull();
    expect(anchorForInput("teamFte")).toBe(fieldAnchor("teamFte"));
    expect(anchorForInput("sourceMonthlyCents")).toBe("field-license.sources");
    expect(anchorForInput("implementationFeeCents")).toBe("field-license.implementationFee");
    expect(anchorForInput("entities")).toBeNull();
  });
});
