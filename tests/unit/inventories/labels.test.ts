// Every vocabulary value of the contract has a human label, and option lists keep the contract's order.
import { describe, expect, it } from "vitest";
import * as contract from "@/lib/engagement-format/schema";
import * as labels from "@/lib/inventories/labels";

const pairs: [readonly string[], Readonly<Record<string, string>>][] = [
  [contract.DATA_ENTITY_KINDS, labels.DATA_ENTITY_KIND_LABELS],
  [contract.MIGRATE_DECISIONS, labels.MIGRATE_DECISION_LABELS],
  [contract.MAPPING_STATUSES, labels.MAPPING_STATUS_LABELS],
  [contract.QUIRK_KINDS, labels.QUIRK_KIND_LABELS],
  [contract.SEVERITIES, labels.SEVERITY_LABELS],
  [contract.CLEANUP_DECISIONS, labels.CLEANUP_DECISION_LABELS],
  [contract.WORKFLOW_KINDS, labels.WORKFLOW_KIND_LABELS],
  [contract.COMPLEXITIES, labels.COMPLEXITY_LABELS],
  [contract.DISPOSITIONS, labels.DISPOSITION_LABELS],
  [contract.REVIEW_STATUSES, labels.REVIEW_STATUS_LABELS],
  [contract.INTEGRATION_KINDS, labels.INTEGRATION_KIND_LABELS],
  [contract.INTEGRATION_STANDARDS, labels.INTEGRATION_STANDARD_LABELS],
  [contract.DIRECTIONS, labels.DIRECTION_LABELS],
  [contract.TRANSITION_STRATEGIES, labels.TRANSITION_STRATEGY_LABELS],
  [contract.INTERFACE_COMPLEXITIES, labels.INTERFACE_COMPLEXITY_LABELS],
  [contract.WORK_STATUSES, labels.WORK_STATUS_LABELS],
  [contract.REPORT_KINDS, labels.REPORT_KIND_LABELS],
  [contract.FREQUENCIES, labels.FREQUENCY_LABELS],
  [contract.AUDIT_POLICIES, labels.AUDIT_POLICY_LABELS],
  [contract.AUDIT_POLICIES, labels.AUDIT_POLICY_EXPLANATIONS],
  [contract.RISK_CATEGORIES, labels.RISK_CATEGORY_LABELS],
  [contract.TREATMENTS, labels.TREATMENT_LABELS],
  [contract.PHASES, labels.PHASE_LABELS],
  [contract.RISK_STATUSES, labels.RISK_STATUS_LABELS],
  [contract.RISK_SCOPES, labels.RISK_SCOPE_LABELS],
  [contract.WORKSTREAMS, labels.WORKSTREAM_LABELS],
];

describe("vocabulary labels", () => {
  it.each(pairs.map(([values, map], i) => [i, values, map] as const))("map %i labels exactly the contract's values", (_i, values, map) => {
    expect(Object.keys(map).sort()).toEqual([...values].sort());
    for (const v of values) expect(map[v]!.trim().length).toBeGreaterThan(0);
    expect(new Set(Object.values(map)).size).toBe(values.length); // no two values look the same
  });

  it("optionsFrom keeps the contract's order", () => {
    expect(labels.optionsFrom(labels.SEVERITY_LABELS)).toEqual([
      { value: "low", label: "Low" },
      { value: "medium", label: "Medium" },
      { value: "high", label: "High" },
      { value: "critical", label: "Critical" },
    ]);
  });

  it("labelOf shows unknown values as themselves and empty as a dash", () => {
    expect(labels.labelOf(labels.DISPOSITION_LABELS, "must_survive")).toBe("Must survive unchanged");
    expect(labels.labelOf(labels.DISPOSITION_LABELS, "legacy_value")).toBe("legacy_value");
    expect(labels.labelOf(labels.DISPOSITION_LABELS, null)).toBe("—");
  });
});
