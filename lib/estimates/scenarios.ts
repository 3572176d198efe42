// Scenarios: the same engagement under Type A, B and C, and under named variants that change a few
// assumption values. Variants live in the URL (`?variants=` JSON), so a comparison is a link; nothing
// is stored. Pure (client + server): the fields a variant may change, parsing and applying them to the
// engagement document, and a one-column summary of an estimate.
import { z } from "zod";
import { DATE_RANGE_MESSAGE, isDateInRange, plainText } from "@/lib/input-rules";
import { BILLING_STARTS, EngagementDocumentSchema, LicenseSourceSchema, MIGRATION_TYPES, WORKSTREAMS, type EngagementDocument, type MigrationType } from "@/lib/engagement-format/schema";
import type { Estimate, HonestyFlag } from "@/lib/estimate";
import { EDITABLE_CONSTANTS, BILLING_START_LABELS, WORKSTREAM_NAMES } from "@/lib/assumptions/schema";
import { addWeeksIso } from "@/lib/estimates/compare";

export const MAX_VARIANTS = 4;
export const MAX_CHANGES = 12;
export const MAX_VARIANTS_PARAM = 4000;

export type ScenarioField = {
  key: string;
  label: string;
  group: string;
  kind: "number" | "integer" | "money" | "boolean" | "enum" | "date";
  min?: number;
  max?: number;
  unit?: string;
  options?: readonly { value: string; label: string }[];
  /** reveals a rate or a fee: only for roles with rates.view */
  sensitive?: boolean;
};

const TYPE_OPTIONS = MIGRATION_TYPES.map((t) => ({ value: t, label: `Type ${t}` }));

export const SCENARIO_FIELDS: readonly ScenarioField[] = [
  { key: "migrationType", label: "Migration type", group: "Engagement", kind: "enum", options: TYPE_OPTIONS },
  { key: "teamFte", label: "Team size (FTE)", group: "Team", kind: "number", min: 0.5, max: 500, unit: "FTE" },
  { key: "interfaceEngineers", label: "Interface engineers", group: "Team", kind: "integer", min: 1, max: 50 },
  { key: "productiveHoursPerWeek", label: "Productive hours per week", group: "Team", kind: "number", min: 10, max: 60, unit: "h" },
  { key: "buildFunctionPoints", label: "Build size (function points, B/C)", group: "Build", kind: "integer", min: 0, max: 1_000_000, unit: "FP" },
  { key: "targetGoLive", label: "Target go-live", group: "Targets", kind: "date" },
  { key: "license.sourceRampsDownPerWave", label: "Source ramps down per wave (every source)", group: "License", kind: "boolean" },
  { key: "license.sourceNoticeMonths", label: "Source notice period (every source)", group: "License", kind: "number", min: 0, max: 36, unit: "months" },
  { key: "license.sourceContractTailMonths", label: "Source contract tail (every source)", group: "License", kind: "number", min: 0, max: 36, unit: "months" },
  { key: "license.destinationBillingStart", label: "Destination billing starts at", group: "License", kind: "enum", options: BILLING_STARTS.filter((b) => b !== "date").map((b) => ({ value: b, label: BILLING_START_LABELS[b] })) },
  { key: "license.archiveMonths", label: "Archive months", group: "License", kind: "number", min: 0, max: 240, unit: "months" },
  { key: "license.sourceFeeCents", label: "Source license fee (every source)", group: "License", kind: "money", min: 0, sensitive: true },
  { key: "license.destinationFeeCents", label: "Destination license fee", group: "License", kind: "money", min: 0, sensitive: true },
  ...WORKSTREAMS.map((ws): ScenarioField => ({ key: `ratesCents.${ws}`, label: `Labor rate — ${WORKSTREAM_NAMES[ws]}`, group: "Rates", kind: "money", min: 0, unit: "/h", sensitive: true })),
  ...EDITABLE_CONSTANTS.map((d): ScenarioField => ({ key: `constants.${d.key}`, label: d.label, group: "Model constants", kind: "number", min: d.min, max: d.max, unit: d.unit })),
];
const FIELD_BY_KEY = new Map(SCENARIO_FIELDS.map((f) => [f.key, f]));
export function scenarioField(key: string): ScenarioField | undefined {
  return FIELD_BY_KEY.get(key);
}

export type ScenarioValue = number | string | boolean;
export type ScenarioVariant = { name: string; changes: Record<string, ScenarioValue> };

const VariantSchema = z.strictObject({
  name: plainText(z.string().trim().min(1, "Name the variant").max(60, "Use at most 60 characters")),
  changes: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
});

/** Is `value` acceptable for `field`? Returns an error message or null. */
export function checkScenarioValue(field: ScenarioField, value: unknown): string | null {
  switch (field.kind) {
    case "boolean":
      return typeof value === "boolean" ? null : "Choose yes or no";
    case "enum":
      return typeof value === "string" && field.options?.some((o) => o.value === value) ? null : "Choose one of the options";
    case "date":
      if (typeof value !== "string" || !z.iso.date().safeParse(value).success) return "Enter a date (YYYY-MM-DD)";
      return isDateInRange(value) ? null : DATE_RANGE_MESSAGE;
    default: {
      if (typeof value !== "number" || !Number.isFinite(value)) return "Enter a number";
      if ((field.kind === "integer" || field.kind === "money") && !Number.isInteger(value)) return field.kind === "money" ? "Enter whole cents" : "Enter a whole number";
      if (field.min !== undefined && value < field.min) return `Must be at least ${field.min}`;
      if (field.max !== undefined && value > field.max) return `Must be at most ${field.max}`;
      return null;
    }
  }
}

export type ParsedVariants = { variants: ScenarioVariant[]; errors: string[] };

/**
 * `?variants=` → the variants this viewer may run. Unknown fields, bad values, and rate/fee fields for a
 * viewer without rates.view are dropped with an error message (never applied silently).
 */
export function parseVariantsParam(raw: string | string[] | undefined, opts: { canSeeRates: boolean }): ParsedVariants {
  const v = Array.isArray(raw) ? raw[0] : raw;
  if (!v) return { variants: [], errors: [] };
  if (v.length > MAX_VARIANTS_PARAM) return { variants: [], errors: ["The variants in the link are too long to run."] };
  let json: unknown;
  try {
    json = JSON.parse(v);
  } catch {
    return { variants: [], errors: ["The variants in the link are not readable."] };
  }
  const list = z.array(z.unknown()).safeParse(json);
  if (!list.success) return { variants: [], errors: ["The variants in the link are not readable."] };
  const errors: string[] = [];
  if (list.data.length > MAX_VARIANTS) errors.push(`Only the first ${MAX_VARIANTS} variants are run.`);
  const variants: ScenarioVariant[] = [];
  const names = new Set<string>();
  for (const item of list.data.slice(0, MAX_VARIANTS)) {
    const parsed = VariantSchema.safeParse(item);
    if (!parsed.success) {
      errors.push(`A variant was skipped: ${parsed.error.issues[0]?.message ?? "unreadable"}.`);
      continue;
    }
    const { name } = parsed.data;
    if (names.has(name.toLowerCase())) {
      errors.push(`Two variants are named “${name}”; the second was skipped.`);
      continue;
    }
    names.add(name.toLowerCase());
    const changes: Record<string, ScenarioValue> = {};
    for (const [key, value] of Object.entries(parsed.data.changes).slice(0, MAX_CHANGES)) {
      const field = FIELD_BY_KEY.get(key);
      if (!field) {
        errors.push(`“${name}”: “${key}” cannot be changed in a scenario; ignored.`);
        continue;
      }
      if (field.sensitive && !opts.canSeeRates) {
        errors.push(`“${name}”: ${field.label} is hidden for your role; ignored.`);
        continue;
      }
      const bad = checkScenarioValue(field, value);
      if (bad) {
        errors.push(`“${name}”: ${field.label} — ${bad}; ignored.`);
        continue;
      }
      changes[key] = value;
    }
    if (Object.keys(parsed.data.changes).length > MAX_CHANGES) errors.push(`“${name}”: only the first ${MAX_CHANGES} changes are applied.`);
    variants.push({ name, changes });
  }
  return { variants, errors };
}

export function variantsParam(variants: ScenarioVariant[]): string {
  return JSON.stringify(variants.map((v) => ({ name: v.name, changes: v.changes })));
}

/** Scenario keys on the source side of the license → the field of each source system they set. */
const SOURCE_SCENARIO_KEYS: Record<string, string> = {
  "license.sourceRampsDownPerWave": "rampsDownPerWave",
  "license.sourceNoticeMonths": "noticeMonths",
  "license.sourceContractTailMonths": "contractTailMonths",
  "license.sourceFeeCents": "feeCents",
};

/** The document with the changes applied and re-validated by the contract; an error names the first problem. */
export function applyScenarioChanges(doc: EngagementDocument, changes: Record<string, ScenarioValue>): { ok: true; doc: EngagementDocument } | { ok: false; error: string } {
  const next = structuredClone(doc) as EngagementDocument & Record<string, unknown>;
  for (const [key, value] of Object.entries(changes)) {
    if (key === "migrationType") next.engagement.migrationType = value as MigrationType;
    else if (key.startsWith("constants.")) next.assumptions.constants[key.slice("constants.".length)] = value as number;
    else if (key.startsWith("ratesCents.")) next.assumptions.ratesCents[key.slice("ratesCents.".length) as keyof typeof next.assumptions.ratesCents] = value as number;
    else if (key in SOURCE_SCENARIO_KEYS) {
      // a source-side change applies to every source system (one is created when none is entered)
      const lic = next.assumptions.license;
      if (lic.sources.length === 0) lic.sources.push(LicenseSourceSchema.parse({}));
      const field = SOURCE_SCENARIO_KEYS[key] as string;
      for (const src of lic.sources) (src as Record<string, unknown>)[field] = value;
    } else if (key.startsWith("license.")) (next.assumptions.license as Record<string, unknown>)[key.slice("license.".length)] = value;
    else (next.assumptions as Record<string, unknown>)[key] = value;
  }
  const parsed = EngagementDocumentSchema.safeParse(next);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    return { ok: false, error: `${i?.path.join(".") ?? "document"}: ${i?.message ?? "invalid"}` };
  }
  return { ok: true, doc: parsed.data };
}

export type ScenarioSummary = {
  migrationType: MigrationType;
  p50Months: number;
  p80Months: number;
  p50GoLive: string;
  p80GoLive: string;
  p50Cost: number;
  p80Cost: number;
  contingency: number;
  overlapP50: number;
  overlapShare: number;
  confidence: number;
  waves: number;
  wavesDerived: boolean;
  topDurationDrivers: { label: string; swing: number }[];
  topCostDrivers: { label: string; swing: number }[];
  critical: HonestyFlag[];
  warnings: number;
  buildSizeAssumed: boolean;
  targetProbability: number | null;
};

export type ScenarioColumn = {
  key: string;
  name: string;
  kind: "current" | "type" | "variant";
  /** what differs from the current inputs, in words */
  description: string;
  summary: ScenarioSummary | null;
  error: string | null;
};

/** One column of the scenario comparison. */
export function summarizeScenario(e: Estimate): ScenarioSummary {
  const start = e.input.plannedStart;
  const p = (d: { percentiles: Record<string, number> }, k: string) => d.percentiles[k] ?? 0;
  const target = e.flags.find((f) => f.code === "TARGET_DATE_BEFORE_P50");
  return {
    migrationType: e.input.migrationType,
    p50Months: p(e.duration.totalMonths, "P50"),
    p80Months: p(e.duration.totalMonths, "P80"),
    p50GoLive: addWeeksIso(start, p(e.duration.finalGoLiveWeeks, "P50")),
    p80GoLive: addWeeksIso(start, p(e.duration.finalGoLiveWeeks, "P80")),
    p50Cost: p(e.cost.totalCents, "P50"),
    p80Cost: p(e.cost.totalCents, "P80"),
    contingency: e.contingency.costCents,
    overlapP50: e.licenseOverlap.band.p50,
    overlapShare: e.licenseOverlap.shareOfTotalCostP50,
    confidence: e.inputConfidence.score,
    waves: e.waves.waves.length,
    wavesDerived: e.waves.derived,
    topDurationDrivers: e.tornado.duration.slice(0, 3).map((t) => ({ label: t.label, swing: t.swing })),
    topCostDrivers: e.tornado.cost.slice(0, 3).map((t) => ({ label: t.label, swing: t.swing })),
    critical: e.flags.filter((f) => f.severity === "critical"),
    warnings: e.flags.filter((f) => f.severity === "warning").length,
    buildSizeAssumed: e.flags.some((f) => f.code === "BUILD_SIZE_ASSUMED"),
    targetProbability: target?.probability ?? null,
  };
}
