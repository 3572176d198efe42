// The assumptions form (client + server): labor rates (dollars on screen, cents stored), team, license
// terms, cutover waves, build size, targets and every model constant of lib/estimate/defaults.ts.
// The form holds strings — the *effective* value of every field, defaults prefilled — and parsing
// turns them into the contract's `Assumptions` keeping only real overrides: a constant or a rate equal
// to its default is not stored (that is what "reset to default" means).
import { z } from "zod";
import {
  BILLING_STARTS,
  FEE_BASES,
  MAX_LICENSE_SOURCES,
  WORKSTREAMS,
  type Assumptions,
  type LicenseTerms,
  type Workstream,
} from "@/lib/engagement-format/schema";
import { DATE_RANGE_MESSAGE, isDateInRange, plainText } from "@/lib/input-rules";
import { isBlankNumberText, parseNumber } from "@/lib/number-parse";
import { rangeMessage } from "@/lib/engagement-format/limits";
import { CONSTANT_DEFINITIONS, DEFAULT_RATES_CENTS, isMoneyConstant, type ConstantDefinition } from "@/lib/estimate/defaults";

// ---------- vocabularies and labels ----------
export const WORKSTREAM_NAMES: Record<Workstream, string> = {
  data_migration: "Data migration",
  workflow: "Workflow reconstruction",
  integrations: "Integrations",
  reports: "Reports",
  audit_trail: "Audit trail",
  build: "Custom build",
  testing: "Testing",
  training: "Training and go-live support",
  project_management: "Project management",
};

export const FEE_BASIS_LABELS: Record<(typeof FEE_BASES)[number], string> = {
  per_provider_month: "per provider per month",
  per_user_month: "per user per month",
  flat_month: "flat per month",
};

export const BILLING_START_LABELS: Record<(typeof BILLING_STARTS)[number], string> = {
  project_start: "Project start (Phase 0)",
  foundation_start: "Foundation start (Phase 1)",
  pilot_start: "Pilot start (Phase 2)",
  date: "A date (enter it)",
};

/** Model constants edited in the constants table: every definition except the rates (edited above it). */
export const EDITABLE_CONSTANTS: readonly ConstantDefinition[] = CONSTANT_DEFINITIONS.filter((d) => d.group !== "rates");
const CONSTANT_BY_KEY = new Map(CONSTANT_DEFINITIONS.map((d) => [d.key, d]));
export function constantDefinition(key: string): ConstantDefinition | undefined {
  return CONSTANT_BY_KEY.get(key);
}

/** Three-point constants: base key → its three member keys. */
export const THREE_POINT_BASES: readonly string[] = EDITABLE_CONSTANTS.filter((d) => d.key.endsWith(".likely")).map((d) => d.key.slice(0, -".likely".length));
const PHASES = ["P0", "P1", "P2", "P3", "P4"] as const;
/** Phase-share rows: workstream → its five keys (normalised per row by the engine). */
export const PHASE_SHARE_ROWS: readonly { workstream: Workstream; keys: string[] }[] = WORKSTREAMS.filter((w) =>
  CONSTANT_BY_KEY.has(`phaseShare.${w}.P0`),
).map((w) => ({ workstream: w, keys: PHASES.map((p) => `phaseShare.${w}.${p}`) }));

// ---------- the form's values (strings, as typed) ----------
/** goLiveDate: YYYY-MM-DD or "" (none: the planner places the go-live) */
export type WaveFormValues = { name: string; cohort: string; providers: string; users: string; goLiveDate: string };
export type LicenseSourceFormValues = {
  name: string;
  /** dollars; "" = not entered; null = hidden for this role */
  fee: string | null;
  feeBasis: LicenseTerms["sources"][number]["feeBasis"];
  /** YYYY-MM-DD or "" */
  contractEnd: string;
  noticeMonths: string;
  rampsDownPerWave: boolean;
  contractTailMonths: string;
};
export type LicenseFormValues = {
  sources: LicenseSourceFormValues[];
  /** dollars; "" = not entered; null = hidden for this role */
  destinationFee: string | null;
  destinationFeeBasis: LicenseTerms["destinationFeeBasis"];
  destinationBillingStart: LicenseTerms["destinationBillingStart"];
  /** YYYY-MM-DD or "" (used when destinationBillingStart is "date") */
  destinationBillingStartDate: string;
  /** one-time vendor implementation fees, dollars; "" = not entered; null = hidden */
  implementationFee: string | null;
  archiveFee: string | null;
  archiveMonths: string;
};
export const EMPTY_SOURCE_FORM: LicenseSourceFormValues = { name: "", fee: "", feeBasis: "per_provider_month", contractEnd: "", noticeMonths: "3", rampsDownPerWave: false, contractTailMonths: "0" };
/** Staffing by role (FTE as typed; "" = derived by the engine) */
export type StaffingFormValues = { dataFte: string; workflowFte: string; trainerFte: string; buildFte: string };
export const STAFFING_FIELDS = ["dataFte", "workflowFte", "trainerFte", "buildFte"] as const;
export const STAFFING_LABELS: Record<(typeof STAFFING_FIELDS)[number], string> = {
  dataFte: "Data migration engineers",
  workflowFte: "Clinical workflow analysts",
  trainerFte: "Trainers and go-live support",
  buildFte: "Build developers",
};
export type AssumptionsFormValues = {
  /** dollars per hour by workstream; null = hidden for this role */
  rates: Record<Workstream, string> | null;
  teamFte: string;
  interfaceEngineers: string;
  staffing: StaffingFormValues;
  productiveHoursPerWeek: string;
  license: LicenseFormValues;
  waves: WaveFormValues[];
  buildFunctionPoints: string;
  targetGoLive: string;
  /** dollars */
  targetBudget: string;
  /** every editable constant by key ("" = its default) */
  constants: Record<string, string>;
};

/** The assumptions page's data (lib/assumptions/data.ts findAssumptions), redacted for the viewer's role. */
export type AssumptionsDto = {
  engagementId: string;
  version: number;
  migrationType: "A" | "B" | "C";
  plannedStart: string;
  currency: string;
  /** the engagement's source system (the default name of the first license source) */
  sourceSystem: string;
  profile: { providers: number; locations: number; staffUsers: number };
  /** false: rates and license fees are absent (null) in `values` */
  canSeeRates: boolean;
  values: AssumptionsFormValues;
  /** stored constant keys that are not model constants (the engine ignores them; a save drops them) */
  unknownConstantKeys: string[];
};

// ---------- number parsing (thousands separators and a leading $ are fine) ----------
type Parsed = { ok: true; value: number | undefined } | { ok: false; message: string };

export function parseNumberInput(raw: unknown, opts: { int?: boolean } = {}): Parsed {
  if (raw === undefined || raw === null) return { ok: true, value: undefined };
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return { ok: false, message: "Enter a number" };
    if (opts.int && !Number.isInteger(raw)) return { ok: false, message: "Enter a whole number" };
    return { ok: true, value: raw };
  }
  if (typeof raw !== "string") return { ok: false, message: "Enter a number" };
  if (isBlankNumberText(raw)) return { ok: true, value: undefined };
  const n = parseNumber(raw, { currency: true }); // the shared reading: lib/number-parse.ts
  if (n === null) return { ok: false, message: opts.int ? "Enter a whole number" : "Enter a number" };
  if (opts.int && !Number.isInteger(n)) return { ok: false, message: "Enter a whole number" };
  return { ok: true, value: n };
}

const fmtBound = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 6 });

function boundsMessage(value: number, min: number | undefined, max: number | undefined, unit = ""): string | null {
  const u = unit ? ` ${unit}` : "";
  if (min !== undefined && value < min) return `Must be at least ${fmtBound(min)}${u}`;
  if (max !== undefined && value > max) return `Must be at most ${fmtBound(max)}${u}`;
  return null;
}

const stringOrNumber = z.union([z.string(), z.number()], { error: "Enter a number" });

/** A required number within bounds (same bounds as the contract's AssumptionsSchema). */
function numberField(opts: { min: number; max: number; int?: boolean; unit?: string }) {
  return stringOrNumber.transform((raw, ctx) => {
    const p = parseNumberInput(raw, opts);
    if (!p.ok) return addIssue(ctx, p.message);
    if (p.value === undefined) return addIssue(ctx, "Required");
    const bad = boundsMessage(p.value, opts.min, opts.max, opts.unit);
    if (bad) return addIssue(ctx, bad);
    return p.value;
  });
}

/** An optional number ("" → null). */
function optionalNumberField(opts: { min: number; max: number; int?: boolean }) {
  return z.union([stringOrNumber, z.null()]).transform((raw, ctx) => {
    const p = parseNumberInput(raw, opts);
    if (!p.ok) return addIssue(ctx, p.message);
    if (p.value === undefined) return null;
    const bad = boundsMessage(p.value, opts.min, opts.max);
    if (bad) return addIssue(ctx, bad);
    return p.value;
  });
}

/** Dollars with at most two decimals → integer cents. */
export function dollarsToCents(raw: unknown, max: number): { ok: true; cents: number | undefined } | { ok: false; message: string } {
  const p = parseNumberInput(raw);
  if (!p.ok) return { ok: false, message: "Enter an amount in dollars" };
  if (p.value === undefined) return { ok: true, cents: undefined };
  if (p.value < 0) return { ok: false, message: "Cannot be negative" };
  if (p.value > max) return { ok: false, message: `Must be at most $${fmtBound(max)}` };
  const cents = Math.round(p.value * 100);
  if (Math.abs(p.value * 100 - cents) > 1e-6) return { ok: false, message: "Use at most two decimals (cents)" };
  return { ok: true, cents };
}

function dollarsField(max: number) {
  return z.union([stringOrNumber, z.null()], { error: "Enter an amount in dollars" }).transform((raw, ctx) => {
    const r = dollarsToCents(raw, max);
    if (!r.ok) return addIssue(ctx, r.message);
    if (r.cents === undefined) return addIssue(ctx, "Required");
    return r.cents;
  });
}

function optionalDollarsField(max: number) {
  return z.union([stringOrNumber, z.null()]).transform((raw, ctx) => {
    const r = dollarsToCents(raw, max);
    if (!r.ok) return addIssue(ctx, r.message);
    return r.cents ?? null;
  });
}

function addIssue(ctx: z.RefinementCtx, message: string, path: (string | number)[] = []): never {
  ctx.addIssue({ code: "custom", message, path });
  return z.NEVER;
}

const booleanField = z.union([z.boolean(), z.enum(["true", "false", "on", "off", ""])]).transform((v) => v === true || v === "true" || v === "on");

const optionalIsoDate = z.union([z.string(), z.null()]).transform((raw, ctx) => {
  const v = (raw ?? "").trim();
  if (v === "") return null;
  if (!z.iso.date().safeParse(v).success) return addIssue(ctx, "Enter a date (YYYY-MM-DD)");
  if (!isDateInRange(v)) return addIssue(ctx, DATE_RANGE_MESSAGE);
  return v;
});

function enumField<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: "Choose one of the options" });
}

// ---------- limits ----------
export const MAX_RATE_DOLLARS = 10_000;
export const MAX_FEE_DOLLARS = 10_000_000;
export const MAX_BUDGET_DOLLARS = 10_000_000_000;
export const MAX_WAVES = 50;

// ---------- rates and constants: records with per-key errors ----------
const ratesField = z.record(z.string(), z.union([stringOrNumber, z.null()]), { error: "Enter the rates" }).transform((raw, ctx) => {
  const out: Partial<Record<Workstream, number>> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!(WORKSTREAMS as readonly string[]).includes(key)) {
      ctx.addIssue({ code: "custom", message: "Not a workstream", path: [key] });
      continue;
    }
    const ws = key as Workstream;
    const r = dollarsToCents(value, MAX_RATE_DOLLARS);
    if (!r.ok) {
      ctx.addIssue({ code: "custom", message: r.message, path: [key] });
      continue;
    }
    // empty = the default; an override equal to the default is not stored
    if (r.cents !== undefined && r.cents !== DEFAULT_RATES_CENTS[ws]) out[ws] = r.cents;
  }
  return out;
});

/** Effective value of every editable constant given some overrides. */
function effectiveConstants(overrides: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of EDITABLE_CONSTANTS) out[d.key] = overrides[d.key] ?? d.value;
  return out;
}

const constantsField = z.record(z.string(), z.union([stringOrNumber, z.null()])).transform((raw, ctx) => {
  const given: Record<string, number> = {};
  for (const [key, value] of Object.entries(raw)) {
    const d = CONSTANT_BY_KEY.get(key);
    if (!d || d.group === "rates") {
      ctx.addIssue({ code: "custom", message: "Not a model constant", path: [key] });
      continue;
    }
    const p = parseNumberInput(value);
    if (!p.ok) {
      ctx.addIssue({ code: "custom", message: p.message, path: [key] });
      continue;
    }
    if (p.value === undefined) continue; // empty = the default
    if (p.value < d.min || p.value > d.max) {
      ctx.addIssue({ code: "custom", message: rangeMessage({ min: d.min, max: d.max, unit: `(${d.unit})` }), path: [key] });
      continue;
    }
    given[key] = p.value;
  }
  const eff = effectiveConstants(given);
  // three-point constants must stay ordered: min ≤ most likely ≤ max (the error goes on the fields changed from their default)
  for (const base of THREE_POINT_BASES) {
    const keys = [`${base}.min`, `${base}.likely`, `${base}.max`];
    const [a, m, b] = keys.map((k) => eff[k] as number) as [number, number, number];
    if (a <= m && m <= b) continue;
    const message = `Needs minimum ≤ most likely ≤ maximum (now ${fmtBound(a)} / ${fmtBound(m)} / ${fmtBound(b)})`;
    const changed = keys.filter((k) => k in given && given[k] !== CONSTANT_BY_KEY.get(k)?.value);
    for (const k of changed.length ? changed : [keys[1] as string]) ctx.addIssue({ code: "custom", message, path: [k] });
  }
  // a workstream's phase shares are normalised to 1: at least one must be above 0
  for (const row of PHASE_SHARE_ROWS) {
    if (row.keys.some((k) => (eff[k] as number) > 0)) continue;
    const changed = row.keys.filter((k) => k in given && given[k] !== CONSTANT_BY_KEY.get(k)?.value);
    for (const k of changed.length ? changed : row.keys) ctx.addIssue({ code: "custom", message: "At least one phase needs a share above 0", path: [k] });
  }
  const overrides: Record<string, number> = {};
  for (const [key, value] of Object.entries(given)) if (value !== CONSTANT_BY_KEY.get(key)?.value) overrides[key] = value;
  return overrides;
});

export const WaveFormSchema = z.strictObject({
  name: plainText(z.string({ error: "Required" }).trim().min(1, "Give the wave a name").max(100, "Use at most 100 characters")),
  cohort: plainText(z.string().trim().max(300, "Use at most 300 characters")).default(""),
  providers: numberField({ min: 0, max: 100_000, int: true }),
  users: numberField({ min: 0, max: 1_000_000, int: true }),
  // optional: older form states (and API callers) may leave it out
  goLiveDate: optionalIsoDate.optional().transform((v) => v ?? null),
});

export const LicenseSourceFormSchema = z.strictObject({
  name: plainText(z.string().trim().max(200, "Use at most 200 characters")).default(""),
  fee: optionalDollarsField(MAX_FEE_DOLLARS),
  feeBasis: enumField(FEE_BASES),
  contractEnd: optionalIsoDate,
  noticeMonths: numberField({ min: 0, max: 36, unit: "months" }),
  rampsDownPerWave: booleanField,
  contractTailMonths: numberField({ min: 0, max: 36, unit: "months" }),
});

const LicenseFormSchema = z
  .strictObject({
    sources: z.array(LicenseSourceFormSchema).max(MAX_LICENSE_SOURCES, `At most ${MAX_LICENSE_SOURCES} source systems`),
    destinationFee: optionalDollarsField(MAX_FEE_DOLLARS),
    destinationFeeBasis: enumField(FEE_BASES),
    destinationBillingStart: enumField(BILLING_STARTS),
    destinationBillingStartDate: optionalIsoDate,
    implementationFee: optionalDollarsField(MAX_BUDGET_DOLLARS),
    archiveFee: dollarsField(MAX_FEE_DOLLARS),
    archiveMonths: numberField({ min: 0, max: 240, unit: "months" }),
  })
  .superRefine((v, ctx) => {
    if (v.destinationBillingStart === "date" && v.destinationBillingStartDate === null)
      ctx.addIssue({ code: "custom", message: "Enter the date the destination starts to bill", path: ["destinationBillingStartDate"] });
  });

/**
 * Form values → the contract's Assumptions, overrides only. Bounds are the contract's
 * (AssumptionsSchema); the server still parses the result with AssumptionsSchema before saving.
 */
export const AssumptionsFormSchema = z
  .strictObject({
    rates: ratesField,
    teamFte: numberField({ min: 0.5, max: 500, unit: "FTE" }),
    interfaceEngineers: numberField({ min: 1, max: 50, int: true }),
    // optional: older form states and API callers may leave it out (= every role derived)
    staffing: z
      .strictObject({
        dataFte: optionalNumberField({ min: 0.5, max: 200 }),
        workflowFte: optionalNumberField({ min: 0.5, max: 200 }),
        trainerFte: optionalNumberField({ min: 0.5, max: 200 }),
        buildFte: optionalNumberField({ min: 0.5, max: 200 }),
      })
      .default({ dataFte: null, workflowFte: null, trainerFte: null, buildFte: null }),
    productiveHoursPerWeek: numberField({ min: 10, max: 60, unit: "hours" }),
    license: LicenseFormSchema,
    waves: z.array(WaveFormSchema).max(MAX_WAVES, `At most ${MAX_WAVES} waves`),
    buildFunctionPoints: optionalNumberField({ min: 0, max: 1_000_000, int: true }),
    targetGoLive: optionalIsoDate,
    targetBudget: optionalDollarsField(MAX_BUDGET_DOLLARS),
    constants: constantsField,
  })
  .transform(
    (v): Assumptions => ({
      ratesCents: v.rates,
      teamFte: v.teamFte,
      interfaceEngineers: v.interfaceEngineers,
      staffing: v.staffing,
      productiveHoursPerWeek: v.productiveHoursPerWeek,
      license: {
        sources: v.license.sources.map((x) => ({
          name: x.name,
          feeCents: x.fee,
          feeBasis: x.feeBasis,
          contractEnd: x.contractEnd,
          noticeMonths: x.noticeMonths,
          rampsDownPerWave: x.rampsDownPerWave,
          contractTailMonths: x.contractTailMonths,
        })),
        destinationFeeCents: v.license.destinationFee,
        destinationFeeBasis: v.license.destinationFeeBasis,
        destinationBillingStart: v.license.destinationBillingStart,
        destinationBillingStartDate: v.license.destinationBillingStartDate,
        implementationFeeCents: v.license.implementationFee,
        archiveFeeCentsPerMonth: v.license.archiveFee,
        archiveMonths: v.license.archiveMonths,
      },
      waves: v.waves,
      buildFunctionPoints: v.buildFunctionPoints,
      targetGoLive: v.targetGoLive,
      targetBudgetCents: v.targetBudget,
      constants: v.constants,
    }),
  );

export const IdSchema = z.string().min(1).max(64);

/** The save action's input: which engagement, from which assumptions version, the form values. */
export const AssumptionsSaveSchema = z.strictObject({
  engagementId: IdSchema,
  version: z.int().min(1),
  values: AssumptionsFormSchema,
});

// ---------- stored Assumptions → form values ----------
/** A number as typed in a field (no exponent for ordinary values). */
export function numberInput(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "";
  return String(Math.round(n * 1e9) / 1e9);
}

export function centsToDollarsInput(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return "";
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

/** The effective rate of a workstream: ratesCents wins over a `rate.*` constant, which wins over the default (as in the engine). */
export function effectiveRateCents(a: Pick<Assumptions, "ratesCents" | "constants">, ws: Workstream): number {
  return a.ratesCents[ws] ?? a.constants[`rate.${ws}`] ?? DEFAULT_RATES_CENTS[ws];
}

/** Stored constant keys the form does not know (ignored by the engine; dropped on the next save). */
export function unknownConstantKeys(a: Pick<Assumptions, "constants">): string[] {
  return Object.keys(a.constants)
    .filter((k) => !CONSTANT_BY_KEY.has(k))
    .sort();
}

/**
 * The form's starting values: the effective value of every field. Rates and fees are null when hidden, and
 * money constants (isMoneyConstant) are absent from `constants`.
 */
export function toFormValues(a: Assumptions, opts: { canSeeRates: boolean }): AssumptionsFormValues {
  const l = a.license;
  const constants: Record<string, string> = {};
  // money constants (the type decision's licence, hosting and fee amounts) are left out, like rates and fees
  for (const d of EDITABLE_CONSTANTS) if (opts.canSeeRates || !isMoneyConstant(d.key)) constants[d.key] = numberInput(a.constants[d.key] ?? d.value);
  return {
    rates: opts.canSeeRates ? (Object.fromEntries(WORKSTREAMS.map((ws) => [ws, centsToDollarsInput(effectiveRateCents(a, ws))])) as Record<Workstream, string>) : null,
    teamFte: numberInput(a.teamFte),
    interfaceEngineers: numberInput(a.interfaceEngineers),
    staffing: { dataFte: numberInput(a.staffing.dataFte), workflowFte: numberInput(a.staffing.workflowFte), trainerFte: numberInput(a.staffing.trainerFte), buildFte: numberInput(a.staffing.buildFte) },
    productiveHoursPerWeek: numberInput(a.productiveHoursPerWeek),
    license: {
      sources: l.sources.map((x) => ({
        name: x.name,
        fee: opts.canSeeRates ? centsToDollarsInput(x.feeCents) : null,
        feeBasis: x.feeBasis,
        contractEnd: x.contractEnd ?? "",
        noticeMonths: numberInput(x.noticeMonths),
        rampsDownPerWave: x.rampsDownPerWave,
        contractTailMonths: numberInput(x.contractTailMonths),
      })),
      destinationFee: opts.canSeeRates ? centsToDollarsInput(l.destinationFeeCents) : null,
      destinationFeeBasis: l.destinationFeeBasis,
      destinationBillingStart: l.destinationBillingStart,
      destinationBillingStartDate: l.destinationBillingStartDate ?? "",
      implementationFee: opts.canSeeRates ? centsToDollarsInput(l.implementationFeeCents) : null,
      archiveFee: opts.canSeeRates ? centsToDollarsInput(l.archiveFeeCentsPerMonth) : null,
      archiveMonths: numberInput(l.archiveMonths),
    },
    waves: a.waves.map((w) => ({ name: w.name, cohort: w.cohort, providers: numberInput(w.providers), users: numberInput(w.users), goLiveDate: w.goLiveDate ?? "" })),
    buildFunctionPoints: numberInput(a.buildFunctionPoints),
    targetGoLive: a.targetGoLive ?? "",
    targetBudget: centsToDollarsInput(a.targetBudgetCents),
    constants,
  };
}

/** Is this field's typed value different from its default? (false for unparsable input) */
export function isConstantOverridden(key: string, raw: string): boolean {
  const d = CONSTANT_BY_KEY.get(key);
  if (!d) return false;
  const p = parseNumberInput(raw);
  return p.ok && p.value !== undefined && p.value !== d.value;
}

export function isRateOverridden(ws: Workstream, raw: string): boolean {
  const r = dollarsToCents(raw, MAX_RATE_DOLLARS);
  return r.ok && r.cents !== undefined && r.cents !== DEFAULT_RATES_CENTS[ws];
}

/**
 * The stored form of assumptions: rate overrides live in ratesCents (a `rate.*` constant is folded
 * in), and no override equals its default. Unknown constant keys are kept (the engine reports them).
 */
export function normalizeAssumptions(a: Assumptions): Assumptions {
  const ratesCents: Partial<Record<Workstream, number>> = {};
  for (const ws of WORKSTREAMS) {
    const r = effectiveRateCents(a, ws);
    if (r !== DEFAULT_RATES_CENTS[ws]) ratesCents[ws] = r;
  }
  const constants: Record<string, number> = {};
  for (const [key, value] of Object.entries(a.constants)) {
    if (key.startsWith("rate.") && CONSTANT_BY_KEY.get(key)?.group === "rates") continue;
    const d = CONSTANT_BY_KEY.get(key);
    if (d && d.value === value) continue;
    constants[key] = value;
  }
  return { ...a, ratesCents, constants };
}
