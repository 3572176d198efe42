// The stored-estimate key: content, not stamps; every part of the run is in it.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EngagementDocumentSchema } from "@/lib/engagement-format/schema";
import { estimate } from "@/lib/estimate";
import { estimateInputHash, summarizeEstimate, RESULT_ENGINE_VERSION } from "@/lib/estimate-results/key";

const doc = EngagementDocumentSchema.parse(JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../fixtures/engagements/mid-size-type-a.json"), "utf8")));
const run = { seed: 1, iterations: 10_000, engineVersion: RESULT_ENGINE_VERSION };

describe("estimateInputHash", () => {
  it("ignores the export stamp and object key order", () => {
    const reordered = JSON.parse(JSON.stringify({ ...doc, exportedAt: "2030-01-01T00:00:00.000Z", assumptions: Object.fromEntries(Object.entries(doc.assumptions).reverse()) }));
    expect(estimateInputHash(reordered, run)).toBe(estimateInputHash(doc, run));
  });
  it("ignores the type-decision checklist answers (not an estimate input), and the engine's output does too", () => {
    const answered = { ...doc, typeDecision: { ...doc.typeDecision, longHorizon: { answer: "yes" as const, note: "10-year plan" } } };
    expect(estimateInputHash(answered, run)).toBe(estimateInputHash(doc, run));
    const { exportedAt: _e, typeDecision: _t, ...withoutChecklist } = doc;
    expect(estimateInputHash(withoutChecklist as typeof doc, run)).toBe(estimateInputHash(doc, run)); // results stored before the field existed keep their key
    expect(estimate(answered, { seed: 1, iterations: 200 })).toEqual(estimate(doc, { seed: 1, iterations: 200 }));
  });
  it("changes with any input, the seed, the iterations and the engine version", () => {
    const h = estimateInputHash(doc, run);
    const keys = new Set([
      h,
      estimateInputHash({ ...doc, engagement: { ...doc.engagement, profile: { ...doc.engagement.profile, providers: doc.engagement.profile.providers + 1 } } }, run),
      estimateInputHash({ ...doc, dataEntities: doc.dataEntities.slice(1) }, run),
      estimateInputHash(doc, { ...run, seed: 2 }),
      estimateInputHash(doc, { ...run, iterations: 20_000 }),
      estimateInputHash(doc, { ...run, engineVersion: `${RESULT_ENGINE_VERSION}-next` }),
    ]);
    expect(keys.size).toBe(6);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("summarizeEstimate", () => {
  it("keeps the headline numbers and the critical flags", () => {
    const e = estimate(doc, { seed: 1, iterations: 500 });
    const s = summarizeEstimate(e);
    expect(s).toMatchObject({
      p50Months: e.duration.totalMonths.percentiles.P50,
      p80Months: e.duration.totalMonths.percentiles.P80,
      p50CostCents: e.cost.totalCents.percentiles.P50,
      p80CostCents: e.cost.totalCents.percentiles.P80,
      confidence: e.inputConfidence.score,
      currency: e.input.currency,
    });
    expect(s.criticalFlags.map((f) => f.code)).toEqual(e.flags.filter((f) => f.severity === "critical").map((f) => f.code));
  });
});
