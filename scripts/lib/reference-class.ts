// The reference class's shape and the check of one estimate against its ranges (npm run calibrate and
// tests/unit/estimate/reference-class.test.ts share it).
import type { Estimate } from "@/lib/estimate";

export interface ReferenceScenario {
  file: string;
  label: string;
  type: "A" | "B" | "C";
  size: "small" | "mid" | "large";
  p50Months: [number, number];
  p80MonthsMax?: number;
  p50CostDollars?: [number, number];
  costPerProviderDollars?: [number, number];
  sources: string[];
}

export interface ReferenceClass {
  description: string;
  sources: Record<string, string>;
  scenarios: ReferenceScenario[];
}

export interface ScenarioCheck {
  file: string;
  label: string;
  p50Months: number;
  p80Months: number;
  p50CostDollars: number;
  costPerProviderDollars: number;
  p80ToBase: number;
  range: Omit<ReferenceScenario, "file" | "label" | "type" | "size" | "sources">;
  misses: string[];
}

export function checkScenario(s: ReferenceScenario, e: Estimate): ScenarioCheck {
  const p50Months = e.duration.totalMonths.percentiles.P50 as number;
  const p80Months = e.duration.totalMonths.percentiles.P80 as number;
  const p50CostDollars = (e.cost.totalCents.percentiles.P50 as number) / 100;
  const costPerProviderDollars = e.input.providers > 0 ? p50CostDollars / e.input.providers : 0;
  const misses: string[] = [];
  const within = (name: string, v: number, r?: [number, number]) => {
    if (r && (v < r[0] || v > r[1])) misses.push(`${name} ${v < r[0] ? "below" : "above"} range`);
  };
  within("P50 months", p50Months, s.p50Months);
  if (s.p80MonthsMax !== undefined && p80Months > s.p80MonthsMax) misses.push("P80 months above range");
  within("P50 cost", p50CostDollars, s.p50CostDollars);
  within("cost per provider", costPerProviderDollars, s.costPerProviderDollars);
  return {
    file: s.file,
    label: s.label,
    p50Months,
    p80Months,
    p50CostDollars,
    costPerProviderDollars,
    p80ToBase: e.contingency.durationRatioP80ToBase,
    range: { p50Months: s.p50Months, p80MonthsMax: s.p80MonthsMax, p50CostDollars: s.p50CostDollars, costPerProviderDollars: s.costPerProviderDollars },
    misses,
  };
}
