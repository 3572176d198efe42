// Risk form (flat inputs → contract row), scores, bands, overdue, the matrix reader.
import { describe, expect, it } from "vitest";
import { emptyRiskForm, makeRiskFormSchema, RiskFormSchema, riskToForm } from "@/lib/risks/schema";
import { highScoreThreshold, isOverdue, levelLabel, levelLabels, readRiskMatrix, residualScore, riskScore, scoreBand } from "@/lib/risks/score";
import { RiskSchema } from "@/lib/engagement-format/schema";

const form = (o: Partial<typeof emptyRiskForm> = {}) => ({ ...emptyRiskForm, title: "Pilot truncated", likelihood: "3", impact: "4", ...o });
const errorsOf = (input: unknown) => {
  const r = RiskFormSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("risk form", () => {
  it("the smallest valid risk", () => {
    expect(RiskFormSchema.parse(form())).toEqual({ ...RiskSchema.parse({ title: "Pilot truncated", likelihood: 3, impact: 4 }), libraryKey: undefined });
  });

  it.each([
    ["money in dollars → cents", { mitigationCost: "$12,500.50" }, { mitigationCostCents: 1_250_050 }],
    ["blank mitigation cost → 0", { mitigationCost: "" }, { mitigationCostCents: 0 }],
    ["probability in % → share", { probability: "35" }, { probability: 0.35 }],
    ["schedule three-point", { scheduleMin: "1", scheduleLikely: "2", scheduleMax: "6" }, { scheduleImpactWeeks: { min: 1, likely: 2, max: 6 } }],
    ["cost amount", { costKind: "amount", costMin: "1,000", costLikely: "2,000", costMax: "5,000" }, { costImpact: { kind: "amount", min: 100_000, likely: 200_000, max: 500_000 } }],
    [
      "cost share of a workstream",
      { costKind: "effort_share", costWorkstream: "testing", costMin: "5", costLikely: "10", costMax: "25%" },
      { costImpact: { kind: "effort_share", workstream: "testing", min: 0.05, likely: 0.1, max: 0.25 } },
    ],
    ["cost 'none' ignores leftovers", { costKind: "none", costMin: "oops" }, { costImpact: null }],
    ["residual pair", { residualLikelihood: "1", residualImpact: "2" }, { residualLikelihood: 1, residualImpact: 2 }],
    ["review date", { nextReviewDate: "2027-02-01" }, { nextReviewDate: "2027-02-01" }],
  ])("%s", (_name, input, expected) => {
    expect(RiskFormSchema.parse(form(input))).toMatchObject(expected);
  });

  it.each([
    ["one residual level only", { residualLikelihood: "2" }, ["residualImpact"]],
    ["two of three schedule numbers", { scheduleMin: "1", scheduleMax: "3" }, ["scheduleLikely"]],
    ["schedule out of order", { scheduleMin: "5", scheduleLikely: "2", scheduleMax: "9" }, ["scheduleLikely"]],
    ["schedule max below likely", { scheduleMin: "1", scheduleLikely: "5", scheduleMax: "2" }, ["scheduleMax"]],
    ["cost amount missing values", { costKind: "amount", costMin: "1" }, ["costLikely", "costMax"]],
    ["cost share without workstream", { costKind: "effort_share", costMin: "1", costLikely: "2", costMax: "3" }, ["costWorkstream"]],
    ["cost share over 1000%", { costKind: "effort_share", costWorkstream: "build", costMin: "1", costLikely: "2", costMax: "2000" }, ["costMax"]],
    ["a level that is not a level", { likelihood: "9" }, ["likelihood"]],
    ["no title", { title: "  " }, ["title"]],
    ["negative mitigation cost", { mitigationCost: "-5" }, ["mitigationCost"]],
  ])("%s → field errors", (_name, input, fields) => {
    expect(Object.keys(errorsOf(form(input))).sort()).toEqual(fields);
  });

  it("the schema for a 3 × 3 matrix refuses level 4", () => {
    expect(makeRiskFormSchema(3).safeParse(form({ likelihood: "4", impact: "3" })).error?.issues[0]?.message).toBe("Choose a level from 1 to 3");
  });

  it("a stored risk shows in the form and saves back unchanged", () => {
    const risk = RiskSchema.parse({
      title: "Audit trail neither migrated nor archived",
      likelihood: 4,
      impact: 5,
      residualLikelihood: 2,
      residualImpact: 3,
      probability: 0.4,
      mitigationCostCents: 2_500_075,
      scheduleImpactWeeks: { min: 0, likely: 1.5, max: 4 },
      costImpact: { kind: "amount", min: 0, likely: 5_000_000, max: 25_000_000 },
      nextReviewDate: "2027-01-15",
      owner: "Privacy officer",
      libraryKey: "audit-trail",
    });
    const { libraryKey: _k, ...rest } = risk;
    expect(RiskFormSchema.parse(riskToForm(risk))).toEqual(rest);
  });
});

describe("scores", () => {
  it.each([
    [1, 1, 1],
    [3, 4, 12],
    [5, 5, 25],
  ])("riskScore(%s, %s) = %s", (l, i, s) => expect(riskScore(l, i)).toBe(s));

  it("residual score needs both residual levels", () => {
    expect(residualScore({ residualLikelihood: 2, residualImpact: 3 })).toBe(6);
    expect(residualScore({ residualLikelihood: 2, residualImpact: null })).toBeNull();
  });

  it.each([
    [4, "low"],
    [5, "medium"],
    [9, "medium"],
    [10, "high"],
    [16, "high"],
    [20, "critical"],
    [25, "critical"],
  ])("5 × 5: score %s is %s", (score, band) => expect(scoreBand(score, 5)).toBe(band));

  it("high-or-worse threshold per matrix size", () => {
    expect(highScoreThreshold(5)).toBe(10);
    expect(highScoreThreshold(3)).toBe(4);
  });

  it("overdue: an open or monitored risk whose review date has passed", () => {
    expect(isOverdue({ status: "open", nextReviewDate: "2027-01-01" }, "2027-01-02")).toBe(true);
    expect(isOverdue({ status: "open", nextReviewDate: "2027-01-02" }, "2027-01-02")).toBe(false);
    expect(isOverdue({ status: "closed", nextReviewDate: "2020-01-01" }, "2027-01-02")).toBe(false);
    expect(isOverdue({ status: "monitoring", nextReviewDate: null }, "2027-01-02")).toBe(false);
  });
});

describe("risk matrix reader", () => {
  it("{} and garbage give the 5 × 5 defaults with the contract's labels", () => {
    for (const raw of [{}, null, { size: "big" }]) {
      const m = readRiskMatrix(raw);
      expect(m.size).toBe(5);
      expect(levelLabels(m, "likelihood")).toEqual(["Rare", "Unlikely", "Possible", "Likely", "Almost certain"]);
      expect(levelLabels(m, "impact")).toEqual(["Minimal", "Minor", "Moderate", "Major", "Severe"]);
    }
  });

  it("a smaller matrix has as many labels as levels; out-of-range levels say so", () => {
    const m = readRiskMatrix({ size: 3 });
    expect(levelLabels(m, "impact")).toHaveLength(3);
    expect(levelLabel(m, "impact", 5)).toMatch(/outside the 3 × 3 matrix/);
    expect(levelLabel(m, "impact", null)).toBe("—");
  });
});
