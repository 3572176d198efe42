// Every key the engine's explanations can carry has a human label (issue 11: no `foundation_start`,
// `teamFte` or "1 months" in Explain), found by running the engine on every engagement fixture.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EngagementDocumentSchema } from "@/lib/engagement-format/schema";
import { estimate, isMoneyValue, type ExplanationInput } from "@/lib/estimate";
import { constantDefinition } from "@/lib/assumptions/schema";
import { constantLabel, explainInputLabel, formatExplainInput, knownExplainInput, quantity } from "@/lib/estimates/explain-labels";

const DIR = path.resolve(__dirname, "../../fixtures/engagements");
const docs = readdirSync(DIR)
  .filter((f) => f.endsWith(".json") && f !== "reference-class.json")
  .map((f) => EngagementDocumentSchema.parse(JSON.parse(readFileSync(path.join(DIR, f), "utf8"))));

const inputs = new Map<string, ExplanationInput>();
const constants = new Set<string>();
const texts: string[] = [];
for (const d of docs) {
  for (const ex of Object.values(estimate(d, { seed: 1, iterations: 200 }).explanations)) {
    for (const [k, v] of Object.entries(ex.inputs)) if (!inputs.has(k) || inputs.get(k) === null) inputs.set(k, v);
    texts.push(ex.formula, ...(ex.notes ?? []));
    for (const c of ex.constants) constants.add(c.key);
  }
}

const RAW = /[a-z][A-Z]|_|\bcents\b|\bundefined\b|\bnull\b/;

describe("Explain labels", () => {
  it("the fixtures exercise a real set of keys", () => {
    expect(docs.length).toBeGreaterThanOrEqual(6);
    expect(inputs.size).toBeGreaterThan(60);
    expect(constants.size).toBeGreaterThan(60);
  });

  it("every input key the engine emits has its own label", () => {
    const missing = [...inputs.keys()].filter((k) => !knownExplainInput(k));
    expect(missing).toEqual([]);
    for (const k of inputs.keys()) expect(explainInputLabel(k), k).not.toMatch(RAW);
  });

  it("every value reads as words, with units that agree with the number", () => {
    for (const [k, v] of inputs) {
      const shown = formatExplainInput(k, v, "USD");
      expect(shown, `${k} = ${JSON.stringify(v)}`).not.toMatch(/_|\b1 (months|weeks|hours)\b|NaN/);
    }
    expect(formatExplainInput("destinationBillingStart", "foundation_start", "USD")).toBe("the start of Phase 1 (foundation)");
    expect(formatExplainInput("sourceContractTailMonths", 1, "USD")).toBe("1 month");
    expect(formatExplainInput("sourceNoticeMonths", 3, "USD")).toBe("3 months");
    expect(formatExplainInput("archiveFeeCentsPerMonth", { kind: "money", cents: 120_000, per: "month" }, "USD")).toBe("$1,200");
    expect(formatExplainInput("workflows_reviewed", 0.94, "USD")).toBe("94%");
    expect(formatExplainInput("destinationMonthlyCents", null, "USD")).toBe("not entered");
    expect(quantity(1, "week")).toBe("1 week");
    expect(quantity(1.04, "week")).toBe("1 week");
    expect(quantity(1.4, "week")).toBe("1.4 weeks");
  });

  it("money is marked by type: every money input is a MoneyValue (or null = not entered), and no formula or note holds an amount", () => {
    const moneyKeys = [...inputs.keys()].filter((k) => knownExplainInput(k)?.kind === "cents");
    expect(moneyKeys.length).toBeGreaterThan(10);
    for (const k of moneyKeys) {
      const v = inputs.get(k);
      expect(v === null || isMoneyValue(v), `${k} = ${JSON.stringify(v)}`).toBe(true);
    }
    for (const [k, v] of inputs) if (isMoneyValue(v)) expect(knownExplainInput(k)?.kind, k).toBe("cents");
    for (const t of texts) expect(t).not.toMatch(/\$\s?\d|\d\s?\$|\d[\d,.]*\s*(\/h\b|USD|dollars?)/);
  });

  it("every model constant in an explanation has a definition and a label that is not its key", () => {
    const undefinedKeys = [...constants].filter((k) => !constantDefinition(k));
    expect(undefinedKeys).toEqual([]);
    for (const k of constants) expect(constantLabel(k)).not.toBe(k);
  });
});
