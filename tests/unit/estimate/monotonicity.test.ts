// "Adding an inventory item, raising a count or a risk probability never lowers P50 cost" (ESTIMATION.md).
// The sampler uses common random numbers (one stream per driver, keyed by a stable name; one uniform
// per driver per iteration; inverse-CDF sampling), so with the same seed every iteration's cost can
// only go up — and so can every percentile. Small iteration counts keep this fast.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DATA_ENTITY_KINDS,
  EngagementDocumentSchema,
  INTEGRATION_KINDS,
  QUIRK_KINDS,
  REPORT_KINDS,
  RISK_CATEGORIES,
  WORKFLOW_KINDS,
  WORKSTREAMS,
  type EngagementDocumentInput,
} from "@/lib/engagement-format/schema";
import { estimate } from "@/lib/estimate";

const ITERATIONS = 400;
const RUNS = Number(process.env.ESTIMATE_FC_RUNS ?? 25);

const severity = fc.constantFrom("low", "medium", "high", "critical" as const);
const quirk = fc.record({
  kind: fc.constantFrom(...QUIRK_KINDS),
  severity,
  cleanupDecision: fc.constantFrom("undecided", "cleanup_before", "cleanup_during", "migrate_as_is", "exclude" as const),
});
const entity = (i: number) =>
  fc.record({
    entity: fc.constantFrom(...DATA_ENTITY_KINDS),
    sourceObject: fc.constant(`object-${i}`),
    recordCount: fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: null, freq: 5 }),
    decision: fc.constantFrom("migrate", "archive_only", "do_not_migrate", "undecided" as const),
    cleanupInScope: fc.boolean(),
    quirks: fc.array(quirk, { maxLength: 2 }),
  });
const workflow = (i: number) =>
  fc.record({
    kind: fc.constantFrom(...WORKFLOW_KINDS),
    name: fc.constant(`workflow-${i}`),
    quantity: fc.integer({ min: 1, max: 80 }),
    complexity: fc.constantFrom("low", "medium", "high" as const),
    disposition: fc.constantFrom("undecided", "must_survive", "may_change", "retire" as const),
  });
const integration = (i: number) =>
  fc.record({
    name: fc.constant(`interface-${i}`),
    kind: fc.constantFrom(...INTEGRATION_KINDS),
    standard: fc.constant("hl7v2" as const),
    direction: fc.constant("bidirectional" as const),
    complexity: fc.constantFrom("simple", "medium", "complex" as const),
    transitionStrategy: fc.constantFrom("undecided", "parallel_run", "cut_and_switch", "retire" as const),
  });
const report = (i: number) =>
  fc.record({
    name: fc.constant(`report-${i}`),
    kind: fc.constantFrom(...REPORT_KINDS),
    complexity: fc.constantFrom("low", "medium", "high" as const),
    reproducibilityPlan: fc.constantFrom("", "parallel run"),
    parallelValidation: fc.boolean(),
  });
const threePoint = (max: number) =>
  fc.tuple(fc.double({ min: 0, max, noNaN: true }), fc.double({ min: 0, max, noNaN: true }), fc.double({ min: 0, max, noNaN: true })).map(([a, b, c]) => {
    const [min, likely, top] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
    return { min, likely, max: top };
  });
const risk = (i: number) =>
  fc.record({
    title: fc.constant(`risk-${i}`),
    category: fc.constantFrom(...RISK_CATEGORIES),
    likelihood: fc.integer({ min: 1, max: 5 }),
    impact: fc.integer({ min: 1, max: 5 }),
    probability: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    scope: fc.constantFrom("once", "per_interface", "per_wave" as const),
    phase: fc.constantFrom("P0", "P1", "P2", "P3", "P4" as const),
    scheduleImpactWeeks: fc.option(threePoint(10), { nil: null }),
    costImpact: fc.option(
      fc.oneof(
        threePoint(5_000_000).map((t) => ({ kind: "amount" as const, min: Math.round(t.min), likely: Math.round(t.likely), max: Math.round(t.max) })),
        fc.tuple(fc.constantFrom(...WORKSTREAMS), threePoint(1)).map(([workstream, t]) => ({ kind: "effort_share" as const, workstream, ...t })),
      ),
      { nil: null },
    ),
    treatment: fc.constantFrom("mitigate", "accept" as const),
    residualProbability: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null, freq: 3 }),
    mitigationCostCents: fc.integer({ min: 0, max: 2_000_000 }),
    status: fc.constantFrom("open", "monitoring", "closed" as const),
  });

const list = <T,>(make: (i: number) => fc.Arbitrary<T>, min: number, max: number) =>
  fc.integer({ min, max }).chain((n) => (n === 0 ? fc.constant([] as T[]) : fc.tuple(...Array.from({ length: n }, (_, i) => make(i)))));

const engagement = fc
  .record({
    type: fc.constantFrom("A", "B", "C" as const),
    providers: fc.integer({ min: 1, max: 200 }),
    locations: fc.integer({ min: 1, max: 20 }),
    specialties: fc.integer({ min: 0, max: 10 }),
    staffUsers: fc.integer({ min: 1, max: 1500 }),
    activePatients: fc.integer({ min: 0, max: 500_000 }),
    teamFte: fc.integer({ min: 1, max: 30 }),
    fp: fc.integer({ min: 0, max: 1500 }),
    entities: list(entity, 0, 4),
    workflows: list(workflow, 0, 3),
    integrations: list(integration, 0, 4),
    reports: list(report, 0, 3),
    risks: list(risk, 1, 4),
    audit: fc.constantFrom("undecided", "migrate", "archive", "hybrid" as const),
    rampsDown: fc.boolean(),
    billingStart: fc.constantFrom("project_start", "foundation_start", "pilot_start" as const),
  })
  .map(
    (g): EngagementDocumentInput => ({
      format: "sounding.engagement",
      version: 1,
      engagement: {
        clientName: "Property clinic",
        name: "Property",
        migrationType: g.type,
        sourceSystem: "S",
        destinationSystem: "D",
        plannedStart: "2026-02-02",
        profile: { providers: g.providers, locations: g.locations, specialties: g.specialties, staffUsers: g.staffUsers, activePatients: g.activePatients, yearsOfData: 10 },
      },
      dataEntities: g.entities,
      workflows: g.workflows,
      integrations: g.integrations,
      reports: g.reports,
      auditTrail: { policy: g.audit },
      risks: g.risks,
      assumptions: {
        teamFte: g.teamFte,
        buildFunctionPoints: g.fp,
        license: { sourceFeeCents: 45_000, destinationFeeCents: 50_000, sourceRampsDownPerWave: g.rampsDown, destinationBillingStart: g.billingStart, archiveFeeCentsPerMonth: 100_000 },
      },
    }),
  );

function p50(input: EngagementDocumentInput) {
  const e = estimate(EngagementDocumentSchema.parse(input), { iterations: ITERATIONS, seed: 7 });
  return { cost: e.cost.totalCents.percentiles.P50!, weeks: e.duration.totalWeeks.percentiles.P50! };
}

/** floating-point reassociation may move a sum by a few ulps; a cent of slack is plenty */
const notLower = (after: number, before: number) => expect(after).toBeGreaterThanOrEqual(before - 1);

type Edit = (d: EngagementDocumentInput) => void;

const additions: fc.Arbitrary<{ label: string; edit: Edit }> = fc.oneof(
  entity(99).map((e) => ({ label: "add a data entity", edit: (d: EngagementDocumentInput) => void d.dataEntities!.push(e) })),
  workflow(99).map((w) => ({ label: "add a workflow item", edit: (d: EngagementDocumentInput) => void d.workflows!.push(w) })),
  integration(99).map((i) => ({ label: "add an interface", edit: (d: EngagementDocumentInput) => void d.integrations!.push(i) })),
  report(99).map((r) => ({ label: "add a report", edit: (d: EngagementDocumentInput) => void d.reports!.push(r) })),
  risk(99).map((r) => ({ label: "add a risk", edit: (d: EngagementDocumentInput) => void d.risks!.push(r) })),
  quirk.map((q) => ({
    label: "add a quirk",
    edit: (d: EngagementDocumentInput) => {
      if (d.dataEntities!.length > 0) d.dataEntities![0]!.quirks = [...(d.dataEntities![0]!.quirks ?? []), q];
    },
  })),
);

const raises: fc.Arbitrary<{ label: string; edit: Edit }> = fc.tuple(fc.integer({ min: 1, max: 100_000 }), fc.nat()).chain(([by, pick]) =>
  fc.constantFrom<{ label: string; edit: Edit }>(
    { label: "raise providers", edit: (d) => void (d.engagement.profile.providers += Math.ceil(by / 1000)) },
    // Excluded on purpose: locations (A/B) and staff users (C) also re-plan the *derived* waves — more,
    // smaller waves can bring the first go-live a few days earlier and trim destination fees. That is
    // a real effect of the wave plan, not of the sampler (docs/estimation.md, "Monotonicity").
    {
      label: "raise staff users",
      edit: (d) => {
        if (d.engagement.migrationType !== "C") d.engagement.profile.staffUsers += Math.ceil(by / 100);
      },
    },
    { label: "raise specialties", edit: (d) => void (d.engagement.profile.specialties += 1) },
    { label: "raise active patients", edit: (d) => void (d.engagement.profile.activePatients += by) },
    { label: "raise function points", edit: (d) => void (d.assumptions!.buildFunctionPoints = (d.assumptions!.buildFunctionPoints ?? 0) + Math.ceil(by / 100)) },
    {
      label: "raise a record count",
      edit: (d) => {
        const e = d.dataEntities![pick % Math.max(1, d.dataEntities!.length)];
        if (e && typeof e.recordCount === "number") e.recordCount += by * 10;
      },
    },
    {
      label: "raise a workflow quantity",
      edit: (d) => {
        const w = d.workflows![pick % Math.max(1, d.workflows!.length)];
        if (w) w.quantity = (w.quantity ?? 1) + Math.ceil(by / 1000);
      },
    },
  ),
);

/** raise the probability the engine actually uses for one risk */
const raiseProbability = fc.tuple(fc.nat(), fc.double({ min: 0, max: 1, noNaN: true })).map(([pick, t]) => ({
  label: "raise a risk probability",
  edit: (d: EngagementDocumentInput) => {
    const r = d.risks![pick % d.risks!.length]!;
    const matrix = [0.05, 0.15, 0.35, 0.6, 0.85];
    const up = (p: number) => p + (1 - p) * t;
    const hasResidual = r.residualProbability !== null && r.residualProbability !== undefined;
    if (r.treatment === "mitigate" && hasResidual) r.residualProbability = up(r.residualProbability as number);
    else r.probability = up(r.probability ?? (matrix[(r.likelihood as number) - 1] as number));
  },
}));

describe("monotonicity (fast-check, common random numbers)", { timeout: RUNS * 1000 + 20_000 }, () => {
  it("adding an inventory item never lowers P50 cost or P50 duration", () => {
    fc.assert(
      fc.property(engagement, additions, (doc, change) => {
        const before = p50(doc);
        const next = structuredClone(doc);
        change.edit(next);
        const after = p50(next);
        notLower(after.cost, before.cost);
        expect(after.weeks).toBeGreaterThanOrEqual(before.weeks - 1e-9);
      }),
      { numRuns: RUNS },
    );
  });

  it("raising a count never lowers P50 cost", () => {
    fc.assert(
      fc.property(engagement, raises, (doc, change) => {
        const before = p50(doc);
        const next = structuredClone(doc);
        change.edit(next);
        notLower(p50(next).cost, before.cost);
      }),
      { numRuns: RUNS },
    );
  });

  it("raising a risk probability never lowers P50 cost or P50 duration", () => {
    fc.assert(
      fc.property(engagement, raiseProbability, (doc, change) => {
        const before = p50(doc);
        const next = structuredClone(doc);
        change.edit(next);
        const after = p50(next);
        notLower(after.cost, before.cost);
        expect(after.weeks).toBeGreaterThanOrEqual(before.weeks - 1e-9);
      }),
      { numRuns: RUNS },
    );
  });
});
