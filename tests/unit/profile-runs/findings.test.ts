// Findings of a profile run → inventory suggestions (lib/profile-runs/findings.ts): severity from the measured
// share, which checks become which quirks, and how an accepted quirk merges with the entity's quirks.
import { describe, expect, it } from "vitest";
import { findingsOf, mergeQuirk, suggestedSeverity, type QuirkFinding } from "@/lib/profile-runs/findings";
import type { Quirk } from "@/lib/engagement-format/vocabularies";
import type { CheckResult, ExtractProfile, MessageProfile } from "@/lib/profiler/types";

const check = (id: string, count: number, denominator: number): CheckResult => ({ id, label: `Label ${id}`, rate: denominator ? count / denominator : 0, count, denominator, denominatorLabel: "records", examples: [{ row: 3, masked: "J… (8)" }] });
const extract = (checks: CheckResult[], dateRange: ExtractProfile["dateRange"] = { fromYear: 2010, toYear: 2024, yearsCovered: 15 }): ExtractProfile => ({
  format: "csv", entity: null, rows: 1000, columns: [], checks, dateRange, encoding: "utf-8", file: { name: "x.csv", bytes: 10, sha256: "a" }, limits: [],
});
const run = { id: "run1", createdAt: new Date("2026-12-07T10:00:00Z") };
const entity = (quirks: Quirk[] = []) => ({ type: "data_entity" as const, recordCount: null, yearsCovered: null, quirks });
const typed = (kind: Quirk["kind"], extra: Partial<Quirk> = {}): Quirk => ({ kind, severity: "medium", affectedCount: null, affectedShare: 0.15, description: "typed guess", cleanupDecision: "cleanup_before", decider: "Dr. A", ...extra });

describe("suggested severity", () => {
  it.each([[0, "low"], [0.0099, "low"], [0.01, "medium"], [0.049, "medium"], [0.05, "high"], [0.199, "high"], [0.2, "critical"], [1, "critical"]] as const)("%s → %s", (share, sev) => {
    expect(suggestedSeverity(share)).toBe(sev);
  });
});

describe("findings of an extract", () => {
  it("suggests a quirk per check that found something (and maps to a quirk kind), largest share first, then the facts", () => {
    const f = findingsOf(extract([check("icd9_codes", 120, 1000), check("npi_invalid", 0, 900), check("blank_phone", 300, 1000), check("scanned_documents", 35, 100)]), entity(), run);
    expect(f.map((x) => x.id)).toEqual(["quirk:scanned_documents", "quirk:icd9_codes", "recordCount", "yearsCovered"]);
    const icd9 = f[1] as QuirkFinding;
    expect(icd9.quirk).toEqual({
      kind: "icd9_unconverted", severity: "high", affectedCount: 120, affectedShare: 0.12, cleanupDecision: "undecided", decider: "",
      description: "Label icd9_codes: measured 120 of 1,000 records (12 %) — profile run run1 of 2026-12-07",
    });
  });

  it("no date range → no years finding; a message profile gives nothing for a data entity", () => {
    expect(findingsOf(extract([], null), entity(), run).map((x) => x.id)).toEqual(["recordCount"]);
    const msg = { format: "hl7", messages: 2, suggestedComplexity: "complex", reasons: ["Z-segments"], messageTypes: ["ORU^R01"], version: "2.5.1" } as unknown as MessageProfile;
    expect(findingsOf(msg, entity(), run)).toEqual([]);
    expect(findingsOf(msg, { type: "integration", complexity: "simple", messageTypes: "" }, run).map((x) => [x.id, x.type === "field" ? x.value : null])).toEqual([["complexity", "complex"], ["messageTypes", "ORU^R01"]]);
  });
});

describe("merging an accepted quirk", () => {
  const profile = extract([check("icd9_codes", 120, 1000), check("npi_invalid", 45, 900), check("local_codes", 30, 1000)]);
  const findings = findingsOf(profile, entity(), run);
  const byId = (id: string) => findings.find((x) => x.id === id) as QuirkFinding;

  it("replaces a typed quirk of the same kind, keeping its cleanup decision and decider", () => {
    const merged = mergeQuirk([typed("icd9_unconverted"), typed("scanned_paper")], byId("quirk:icd9_codes"), findings);
    expect(merged).toHaveLength(2);
    expect(merged[0]).toMatchObject({ kind: "icd9_unconverted", affectedCount: 120, severity: "high", cleanupDecision: "cleanup_before", decider: "Dr. A" });
    expect(merged[1]).toEqual(typed("scanned_paper"));
  });

  it("two checks of one kind each get their own quirk; a later run of the same check replaces its own", () => {
    let q = mergeQuirk([typed("invalid_codes")], byId("quirk:npi_invalid"), findings);
    q = mergeQuirk(q, byId("quirk:local_codes"), findings);
    expect(q.map((x) => x.description.split(":")[0])).toEqual(["typed guess", "Label npi_invalid", "Label local_codes"]);
    const later = findingsOf(extract([check("npi_invalid", 9, 900), check("local_codes", 30, 1000)]), entity(q), { id: "run2", createdAt: run.createdAt });
    const again = mergeQuirk(q, later.find((x) => x.id === "quirk:npi_invalid") as QuirkFinding, later);
    expect(again).toHaveLength(3);
    expect(again[1]).toMatchObject({ affectedCount: 9 });
    expect(again[1]!.description).toContain("run2");
  });
});

describe("validation plan", async () => {
  const { validationPlan } = await import("@/lib/profile-runs/validation-plan");
  const ent = (id: string, extra: Partial<import("@/lib/profile-runs/validation-plan").PlanEntity> = {}) => ({
    id, entity: "patient_demographics", sourceObject: `OBJ_${id}`, decision: "migrate", recordCount: 1200, yearsCovered: 8, quirks: [] as Quirk[], ...extra,
  });

  it("covers every quirk with a golden case, using the profiled example rows where a check measured it", () => {
    const profile = extract([check("icd9_codes", 120, 1000), check("duplicate_patient_pairs", 5, 1000)]);
    const plan = validationPlan(
      [ent("a", { quirks: [typed("icd9_unconverted"), typed("scanned_paper")] }), ent("b", { entity: "billing_claims", decision: "archive_only", quirks: [typed("other")] }), ent("c", { decision: "do_not_migrate" })],
      [{ entityId: "a", runId: "run9", fileName: "pm.csv", result: profile }],
      3,
    );
    expect(plan.golden.map((g) => [g.quirk, g.pick.startsWith("Rows 3") ? "profiled" : "by hand"])).toEqual([["icd9 unconverted", "profiled"], ["scanned paper", "by hand"], ["baseline", "by hand"]]);
    expect(plan.golden[0]!.source).toBe("profile run run9 (pm.csv)");
    // archive-only: counts, hashes, sums and range against the archive, no quirk checks; do-not-migrate: nothing
    expect(plan.checks.filter((c) => c.sourceObject === "OBJ_b").map((c) => c.check)).toEqual(["Record count", "Key hash", "Sums", "Date range"]);
    expect(plan.checks.some((c) => c.sourceObject === "OBJ_c")).toBe(false);
    expect(plan.checks.filter((c) => c.sourceObject === "OBJ_a").map((c) => c.check)).toEqual(["Record count", "Key hash", "Date range", "Quirk: icd9 unconverted (medium)", "Quirk: scanned paper (medium)"]);
    expect(plan.rounds.map((r) => r.name)).toEqual(["Mock 1", "Mock 2", "Mock 3 (dress rehearsal)"]);
  });

  it("an unknown count takes the profiled row count; one round is the dress rehearsal", () => {
    const plan = validationPlan([ent("a", { recordCount: null })], [{ entityId: "a", runId: "r", fileName: "f.csv", result: extract([]) }], 1);
    expect(plan.checks[0]!.method).toContain("expected 1,000");
    expect(plan.rounds).toHaveLength(1);
    expect(plan.rounds[0]!.acceptance).toContain("0 open high or critical quirks");
  });

  it("edits are laid over the generated plan: a check left out, an acceptance reworded, checks added after the entity's own, golden sets, rounds", async () => {
    const { applyPlanEdits } = await import("@/lib/profile-runs/validation-plan");
    const generated = validationPlan([ent("a", { quirks: [typed("icd9_unconverted")] }), ent("b")], [], 3);
    expect(generated.goldenSets.map((g) => [g.sourceObject, g.size])).toEqual([["OBJ_a", 5], ["OBJ_b", 5]]);
    expect(applyPlanEdits(generated, {})).toEqual(generated);
    const plan = applyPlanEdits(generated, {
      entities: {
        a: { checks: { "Key hash": { omit: true }, "Record count": { acceptance: "Equal to the row" } }, added: [{ check: "Allergy reactions", method: "Count per allergy", acceptance: "Equal" }], goldenSize: 40, goldenNotes: "Two per clinic" },
        gone: { goldenSize: 99 }, // an entity deleted since: ignored
      },
      roundCount: 2,
      roundAcceptance: { "1": ["Counts within 5 %"], "7": ["ignored"] },
    });
    expect(plan.edited).toBe(true);
    expect(plan.checks.filter((c) => c.entityId === "a").map((c) => [c.check, c.acceptance])).toEqual([
      ["Record count", "Equal to the row"],
      ["Date range", "Equal; no dates shifted by time zone"],
      ["Quirk: icd9 unconverted (medium)", "Open count documented and accepted by the decider"],
      ["Allergy reactions", "Equal"],
    ]);
    expect(plan.checks.filter((c) => c.entityId === "b")).toEqual(generated.checks.filter((c) => c.entityId === "b"));
    expect(plan.goldenSets.map((g) => [g.sourceObject, g.size, g.notes])).toEqual([["OBJ_a", 40, "Two per clinic"], ["OBJ_b", 5, ""]]);
    expect(plan.rounds.map((r) => [r.name, r.acceptance[0]])).toEqual([["Mock 1", "Counts within 5 %"], ["Mock 2 (dress rehearsal)", "Every count, hash and sum equal (or documented)"]]);
  });
});
