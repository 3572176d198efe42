// One reading of input confidence for every page: the level from the score, never "High" while the
// workflow inventory is unsigned or changed since its sign-off.
import { describe, expect, it } from "vitest";
import { readConfidence, signOffState } from "@/lib/estimates/confidence";
import { confidenceLevel } from "@/lib/report/model";

describe("readConfidence", () => {
  it("levels from the score (0..100)", () => {
    expect(readConfidence(92, { signedOff: true, changedSinceSignOff: 0 })).toEqual({ score: 92, level: "High", capped: false, reason: null });
    expect(readConfidence(80, null).level).toBe("High");
    expect(readConfidence(79, null).level).toBe("Moderate");
    expect(readConfidence(59, null).level).toBe("Low");
    expect(confidenceLevel(85)).toBe("High");
  });
  it("never High while the workflows are unsigned or changed since the sign-off", () => {
    const unsigned = readConfidence(95, signOffState({ lastSignOff: null, changedSinceSignOff: 0 }));
    expect(unsigned).toMatchObject({ level: "Moderate", capped: true });
    expect(unsigned.reason).toMatch(/not signed off/);
    const changed = readConfidence(95, signOffState({ lastSignOff: { id: "s" }, changedSinceSignOff: 3 }));
    expect(changed).toMatchObject({ level: "Moderate", capped: true });
    expect(changed.reason).toMatch(/changed since/);
    // a low score stays low; the cap only lowers High
    expect(readConfidence(40, { signedOff: false, changedSinceSignOff: 0 })).toMatchObject({ level: "Low", capped: false });
  });
});

describe("the report's confidence", () => {
  it("says Moderate, with the reason, when the workflows changed since the sign-off", async () => {
    const { fixtureReport } = await import("../report/support");
    const r = fixtureReport(); // its sign-off has 2 changes since
    expect(r.confidence.level).not.toBe("High");
    if (r.confidence.score >= 80) expect(r.confidence.summary).toContain("changed since its clinical sign-off");
  });
});
