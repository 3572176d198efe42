// Shared builders for the estimate tests: the golden fixtures and small engagements made from scratch.
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  EngagementDocumentSchema,
  type EngagementDocument,
  type EngagementDocumentInput,
} from "@/lib/engagement-format/schema";
import { riskLibraryFor } from "@/lib/estimate";
import type { Distribution, Estimate } from "@/lib/estimate";

export const FIXTURE_DIR = path.resolve(__dirname, "../../fixtures/engagements");
export const TYPE_A_FIXTURE = path.join(FIXTURE_DIR, "mid-size-type-a.json");
export const TYPE_B_FIXTURE = path.join(FIXTURE_DIR, "mid-size-type-b.json");

export function readFixtureInput(file: string): EngagementDocumentInput {
  return JSON.parse(readFileSync(file, "utf8")) as EngagementDocumentInput;
}

export function loadFixture(file: string): EngagementDocument {
  return EngagementDocumentSchema.parse(readFixtureInput(file));
}

/** Parse a modified copy of a fixture. */
export function fixtureWith(file: string, edit: (doc: EngagementDocumentInput) => void): EngagementDocument {
  const input = structuredClone(readFixtureInput(file));
  edit(input);
  return EngagementDocumentSchema.parse(input);
}

export const WEEKS_PER_MONTH = 365.25 / 12 / 7;
export const dollars = (d: number) => d * 100; // → cents

/** A large Type A: 300 providers, 30 sites, 1,800 users — the fixture's inventories scaled up. */
export function largeTypeA(): EngagementDocument {
  const input = structuredClone(readFixtureInput(TYPE_A_FIXTURE));
  input.engagement.name = "Large Type A (scaled)";
  input.engagement.profile = { providers: 300, locations: 30, specialties: 14, staffUsers: 1800, activePatients: 600000, yearsOfData: 12, sourceSystemCount: 2 };
  input.dataEntities = input.dataEntities!.map((e) => ({ ...e, recordCount: typeof e.recordCount === "number" ? e.recordCount * 5 : e.recordCount }));
  input.workflows = input.workflows!.map((w) => ({ ...w, quantity: (w.quantity ?? 1) * 3 }));
  input.integrations = [0, 1, 2, 3].flatMap((k) => input.integrations!.map((i) => ({ ...i, name: `${i.name} #${k + 1}` }))); // 80 interfaces
  input.reports = [0, 1, 2].flatMap((k) => input.reports!.map((r) => ({ ...r, name: `${r.name} #${k + 1}` }))); // 180 reports
  input.auditTrail = { ...input.auditTrail!, sourceLogRows: (input.auditTrail!.sourceLogRows ?? 0) * 5 };
  input.assumptions = { ...input.assumptions!, teamFte: 36, interfaceEngineers: 8, waves: [] }; // derived: one wave per 3 sites, capped
  return EngagementDocumentSchema.parse(input);
}

/** A small engagement built from scratch (defaults everywhere), for flag and property tests. */
export function smallDoc(overrides: Partial<EngagementDocumentInput> & { type?: "A" | "B" | "C" } = {}): EngagementDocument {
  const type = overrides.type ?? "A";
  const { type: _t, ...rest } = overrides;
  const input: EngagementDocumentInput = {
    format: "sounding.engagement",
    version: 1,
    engagement: {
      clientName: "Test Clinic",
      name: "Test migration",
      migrationType: type,
      sourceSystem: "Old EMR",
      destinationSystem: "New EMR",
      plannedStart: "2026-01-05",
      profile: { providers: 25, locations: 3, specialties: 2, staffUsers: 120, activePatients: 40000, yearsOfData: 8, sourceSystemCount: 1 },
    },
    dataEntities: [
      { entity: "patient_demographics", sourceObject: "patients", recordCount: 45000, decision: "migrate", quirks: [{ kind: "unmerged_patients", severity: "medium", cleanupDecision: "cleanup_during" }] },
      { entity: "encounters", sourceObject: "encounters", recordCount: 400000, decision: "migrate" },
    ],
    workflows: [{ kind: "order_set", name: "Primary care order sets", quantity: 30, disposition: "must_survive", reviewStatus: "approved" }],
    integrations: [
      { name: "Lab", kind: "lab_orders", standard: "hl7v2", direction: "bidirectional", complexity: "medium", transitionStrategy: "parallel_run" },
      { name: "eRx", kind: "erx", standard: "ncpdp_script", direction: "bidirectional", complexity: "simple", transitionStrategy: "cut_and_switch" },
    ],
    reports: [{ name: "CMS122", kind: "regulatory", reproducibilityPlan: "Parallel run for one quarter", parallelValidation: true }],
    auditTrail: { policy: "archive", sourceLogRows: 5_000_000 },
    risks: riskLibraryFor(type).map((r) => ({ ...r, owner: "Lead" })),
    assumptions: {
      teamFte: 6,
      buildFunctionPoints: type === "A" ? null : 150,
      license: { sourceFeeCents: 40000, destinationFeeCents: 40000 },
      waves: [],
    },
    ...rest,
  };
  return EngagementDocumentSchema.parse(input);
}

/** Every Distribution in an estimate, with its path. */
export function allDistributions(e: Estimate): { path: string; d: Distribution }[] {
  const out: { path: string; d: Distribution }[] = [];
  const walk = (v: unknown, p: string) => {
    if (!v || typeof v !== "object") return;
    if ("percentiles" in v && "base" in v && "mean" in v && "min" in v && "max" in v) {
      out.push({ path: p, d: v as Distribution });
      return;
    }
    for (const [k, child] of Object.entries(v)) walk(child, p ? `${p}.${k}` : k);
  };
  walk(e, "");
  return out;
}
