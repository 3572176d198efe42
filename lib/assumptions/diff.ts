// Field-level differences between two sets of assumptions, on *effective* values (a missing override
// is its default), with labels and plain-words formatting. Used by the audit log, the conflict notice
// and the baseline comparison. Pure (client + server).
import { WORKSTREAMS, type Assumptions, type Workstream } from "@/lib/engagement-format/schema";
import { isMoneyConstant } from "@/lib/estimate/defaults";
import {
  BILLING_START_LABELS,
  constantDefinition,
  EDITABLE_CONSTANTS,
  effectiveRateCents,
  FEE_BASIS_LABELS,
  STAFFING_FIELDS,
  STAFFING_LABELS,
  WORKSTREAM_NAMES,
} from "@/lib/assumptions/schema";

export type FieldChange = { from: unknown; to: unknown };

const LICENSE_KEYS = [
  "destinationFeeCents",
  "destinationFeeBasis",
  "destinationBillingStart",
  "destinationBillingStartDate",
  "implementationFeeCents",
  "archiveFeeCentsPerMonth",
  "archiveMonths",
] as const;
const SOURCE_KEYS = ["name", "feeCents", "feeBasis", "contractEnd", "noticeMonths", "rampsDownPerWave", "contractTailMonths"] as const;

/** Paths that carry money a clinical reviewer may not see (rates.view). */
export function isRateOrFeePath(path: string): boolean {
  return (
    path.startsWith("ratesCents.") ||
    (path.startsWith("constants.") && isMoneyConstant(path.slice("constants.".length))) || // rate.* and the type decision's amounts
    /^license\.sources\.\d+\.feeCents$/.test(path) ||
    path === "license.destinationFeeCents" ||
    path === "license.implementationFeeCents" ||
    path === "license.archiveFeeCentsPerMonth"
  );
}

/** Every assumption as a flat path → effective value map. */
export function flattenAssumptions(a: Assumptions): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const ws of WORKSTREAMS) out[`ratesCents.${ws}`] = effectiveRateCents(a, ws);
  out.teamFte = a.teamFte;
  out.interfaceEngineers = a.interfaceEngineers;
  for (const k of STAFFING_FIELDS) out[`staffing.${k}`] = a.staffing[k];
  out.productiveHoursPerWeek = a.productiveHoursPerWeek;
  for (const k of LICENSE_KEYS) out[`license.${k}`] = a.license[k];
  a.license.sources.forEach((src, i) => {
    for (const k of SOURCE_KEYS) out[`license.sources.${i}.${k}`] = src[k];
  });
  out.waves = a.waves;
  out.buildFunctionPoints = a.buildFunctionPoints;
  out.targetGoLive = a.targetGoLive;
  out.targetBudgetCents = a.targetBudgetCents;
  for (const d of EDITABLE_CONSTANTS) out[`constants.${d.key}`] = a.constants[d.key] ?? d.value;
  for (const [k, v] of Object.entries(a.constants)) if (!constantDefinition(k)) out[`constants.${k}`] = v; // unknown keys, as stored
  return out;
}

/** path → { from, to } for every assumption whose effective value differs. */
export function diffAssumptions(before: Assumptions, after: Assumptions): Record<string, FieldChange> {
  const a = flattenAssumptions(before);
  const b = flattenAssumptions(after);
  const out: Record<string, FieldChange> = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const from = key in a ? a[key] : null;
    const to = key in b ? b[key] : null;
    if (JSON.stringify(from) !== JSON.stringify(to)) out[key] = { from, to };
  }
  return out;
}

const FIELD_LABELS: Record<string, string> = {
  teamFte: "Team size (FTE)",
  interfaceEngineers: "Interface engineers",
  ...Object.fromEntries(STAFFING_FIELDS.map((k) => [`staffing.${k}`, `Team by role — ${STAFFING_LABELS[k]} (FTE)`])),
  productiveHoursPerWeek: "Productive hours per week",
  "license.destinationFeeCents": "Destination license fee",
  "license.destinationFeeBasis": "Destination fee basis",
  "license.destinationBillingStart": "Destination billing starts at",
  "license.destinationBillingStartDate": "Destination billing start date",
  "license.implementationFeeCents": "Vendor implementation fees (one-time)",
  "license.archiveFeeCentsPerMonth": "Read-only/archive fee per month",
  "license.archiveMonths": "Archive months",
  waves: "Cutover waves",
  buildFunctionPoints: "Build size (function points)",
  targetGoLive: "Target go-live",
  targetBudgetCents: "Target budget",
};

export function assumptionLabel(path: string): string {
  if (path.startsWith("ratesCents.")) return `Labor rate — ${WORKSTREAM_NAMES[path.slice("ratesCents.".length) as Workstream] ?? path}`;
  if (path.startsWith("constants.")) {
    const key = path.slice("constants.".length);
    const d = constantDefinition(key);
    return d ? `${d.label} (${key})` : `Unknown constant ${key}`;
  }
  const src = /^license\.sources\.(\d+)\.(\w+)$/.exec(path);
  if (src) return `Source system ${Number(src[1]) + 1} — ${SOURCE_FIELD_LABELS[src[2] as string] ?? src[2]}`;
  return FIELD_LABELS[path] ?? path;
}

const SOURCE_FIELD_LABELS: Record<string, string> = {
  name: "name",
  feeCents: "license fee",
  feeBasis: "fee basis",
  contractEnd: "contract end",
  noticeMonths: "notice period",
  rampsDownPerWave: "ramps down per wave",
  contractTailMonths: "contract tail",
};

const money = (cents: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: cents % 100 === 0 ? 0 : 2 }).format(cents / 100);
const num = (n: number) => new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 }).format(n);

/** A value of an assumption path in words (money as dollars, units named). */
export function formatAssumptionValue(path: string, value: unknown): string {
  if ((value === null || value === undefined) && isRateOrFeePath(path)) return "not entered";
  if ((value === null || value === undefined) && path.startsWith("staffing.")) return "derived from the team";
  if (value === null || value === undefined) return "not set";
  if (path.startsWith("ratesCents.") && typeof value === "number") return `${money(value)}/h`;
  if ((path.endsWith("Cents") || path.endsWith("CentsPerMonth")) && typeof value === "number") return money(value);
  if (path.endsWith("eeBasis")) return FEE_BASIS_LABELS[value as keyof typeof FEE_BASIS_LABELS] ?? String(value);
  if (path === "license.destinationBillingStart") return BILLING_START_LABELS[value as keyof typeof BILLING_START_LABELS] ?? String(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (path === "waves" && Array.isArray(value)) {
    if (value.length === 0) return "derived by the engine";
    return `${value.length} wave${value.length === 1 ? "" : "s"} (${value.map((w: { name: string; providers: number; users: number; goLiveDate?: string | null }) => `${w.name}: ${w.providers} providers, ${w.users} users${w.goLiveDate ? `, go-live not before ${w.goLiveDate}` : ""}`).join("; ")})`;
  }
  if (path.startsWith("license.") && path.endsWith("onths") && typeof value === "number") return `${num(value)} month${value === 1 ? "" : "s"}`;
  if (path.startsWith("constants.") && typeof value === "number") {
    const d = constantDefinition(path.slice("constants.".length));
    return d ? `${num(value)} ${d.unit}` : num(value);
  }
  if (typeof value === "number") return num(value);
  return String(value);
}

/** "Team size (FTE): 12 → 8" for each change; money hidden when `hideMoney`. */
export function describeAssumptionChanges(changes: Record<string, FieldChange>, opts: { hideMoney?: boolean } = {}): string[] {
  return Object.entries(changes).map(([path, c]) => {
    if (opts.hideMoney && isRateOrFeePath(path)) return `${assumptionLabel(path)} changed (amounts hidden for your role)`;
    return `${assumptionLabel(path)}: ${formatAssumptionValue(path, c.from)} → ${formatAssumptionValue(path, c.to)}`;
  });
}
