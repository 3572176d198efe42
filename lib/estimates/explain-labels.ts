// Human words for what "Explain" shows: every input key the engine's explanations can carry (lib/estimate/
// explain.ts) gets a label and a kind that decides how its value reads ("4 months", "1 month", "$12,400",
// "Phase 1 (foundation) start"), and model constants their definition's label. Pure (client + server).
// tests/unit/estimates/explain-labels.test.ts runs the engine on every fixture and checks that no key it
// emits falls through to a raw name.
import { humanValue } from "@/lib/audit/labels";
import { isMoneyValue, type ExplanationInput } from "@/lib/estimate/types";
import { constantDefinition } from "@/lib/assumptions/schema";

export type ExplainInputKind = "weeks" | "months" | "hours" | "cents" | "count" | "factor" | "share" | "date" | "text" | "yesno";

const INPUTS: Record<string, { label: string; kind: ExplainInputKind }> = {
  // totals and percentiles
  baseWeeks: { label: "Base plan", kind: "weeks" },
  baseMonths: { label: "Base plan", kind: "months" },
  p50Weeks: { label: "P50", kind: "weeks" },
  p80Weeks: { label: "P80", kind: "weeks" },
  baseCents: { label: "Base plan", kind: "cents" },
  p50Cents: { label: "P50", kind: "cents" },
  p80Cents: { label: "P80", kind: "cents" },
  ratio: { label: "P80 ÷ base plan", kind: "factor" },
  plannedStart: { label: "Planned start", kind: "date" },
  // phase 1 and the team
  binding: { label: "Bound by", kind: "text" },
  teamFte: { label: "Team (FTE)", kind: "count" },
  interfaceEngineers: { label: "Interface engineers", kind: "count" },
  productiveHoursPerWeek: { label: "Productive hours per week", kind: "count" },
  buildFunctionPoints: { label: "Build size (function points)", kind: "count" },
  // waves
  waves: { label: "Cutover waves", kind: "count" },
  derivedWaves: { label: "Waves derived by the engine", kind: "yesno" },
  waveBasis: { label: "Wave plan", kind: "text" },
  // data migration
  entities: { label: "Data entities", kind: "count" },
  entitiesWithUnknownCount: { label: "Entities without a record count", kind: "count" },
  totalRecords: { label: "Records in total", kind: "count" },
  migrationType: { label: "Migration type", kind: "text" },
  typeFactor: { label: "Migration-type factor", kind: "factor" },
  sourceSystems: { label: "Source systems", kind: "count" },
  sourceSystemFactor: { label: "Extra-source-system factor", kind: "factor" },
  rehearsalFactor: { label: "Mock-conversion rehearsal factor", kind: "factor" },
  vendorConversionPackage: { label: "Vendor conversion package", kind: "yesno" },
  packageFactor: { label: "Conversion-package factor", kind: "factor" },
  // hours of a workstream
  likelyHours: { label: "Most likely", kind: "hours" },
  minHours: { label: "Minimum", kind: "hours" },
  maxHours: { label: "Maximum", kind: "hours" },
  hours: { label: "Base-plan hours", kind: "hours" },
  rateCents: { label: "Rate per hour", kind: "cents" },
  workflowHours: { label: "Workflow hours", kind: "hours" },
  integrationHours: { label: "Integration hours", kind: "hours" },
  buildHours: { label: "Custom-build hours", kind: "hours" },
  otherHours: { label: "All other workstreams", kind: "hours" },
  // workflows
  providers: { label: "Providers", kind: "count" },
  effectiveProviders: { label: "Providers counted (after amortising)", kind: "count" },
  smallOrganization: { label: "Small organization", kind: "yesno" },
  specialties: { label: "Specialties", kind: "count" },
  workflowRows: { label: "Workflow rows", kind: "count" },
  workflowItems: { label: "Workflow items (with quantities)", kind: "count" },
  mustSurviveItems: { label: "Items that must survive cutover", kind: "count" },
  unreviewedItems: { label: "Items not yet reviewed", kind: "count" },
  // integrations and reports
  interfaces: { label: "Interfaces", kind: "count" },
  simple: { label: "Simple", kind: "count" },
  medium: { label: "Medium", kind: "count" },
  complex: { label: "Complex", kind: "count" },
  reports: { label: "Reports", kind: "count" },
  regulatory: { label: "Regulatory submissions", kind: "count" },
  regulatoryWithoutPlan: { label: "Regulatory without a reproducibility plan", kind: "count" },
  // audit trail and build
  policy: { label: "Audit-trail policy", kind: "text" },
  sourceLogRows: { label: "Source audit-log rows", kind: "count" },
  sourceLogRowsKnown: { label: "Row count known", kind: "yesno" },
  functionPoints: { label: "Function points", kind: "count" },
  functionPointsAssumed: { label: "Function points assumed", kind: "yesno" },
  complianceFactor: { label: "Compliance factor", kind: "factor" },
  coexistenceFactor: { label: "Coexistence factor", kind: "factor" },
  // training
  staffUsers: { label: "EMR users", kind: "count" },
  trainerHours: { label: "Trainer hours", kind: "hours" },
  floorSupportHours: { label: "Floor-support hours", kind: "hours" },
  // license overlap
  semantics: { label: "What is paid twice", kind: "text" },
  feesEntered: { label: "Fees entered", kind: "text" },
  destinationMonthlyCents: { label: "Destination fee per month", kind: "cents" },
  destinationFeeBasis: { label: "Destination fee basis", kind: "text" },
  sourceMonthlyCents: { label: "Source fee per month", kind: "cents" },
  destinationBillingStart: { label: "Destination billing starts at", kind: "text" },
  sourceNoticeMonths: { label: "Source notice", kind: "months" },
  sourceContractTailMonths: { label: "Source contract tail", kind: "months" },
  archiveFeeCentsPerMonth: { label: "Archive fee per month", kind: "cents" },
  archiveMonths: { label: "Archive kept", kind: "months" },
  destinationCents: { label: "Destination fees", kind: "cents" },
  sourceCents: { label: "Source fees", kind: "cents" },
  archiveCents: { label: "Archive fees", kind: "cents" },
  implementationFeeCents: { label: "Implementation fees", kind: "cents" },
  // risks and slip
  risks: { label: "Risks with a cost", kind: "count" },
  mitigatedRisks: { label: "Mitigated risks", kind: "count" },
  burnPerWeekCents: { label: "Team burn per week", kind: "cents" },
  blendedRateCents: { label: "Blended rate per hour", kind: "cents" },
  // input confidence components (0..1 shares)
  data_counts: { label: "Data: record counts known", kind: "share" },
  data_decisions: { label: "Data: cleanup decided", kind: "share" },
  workflows_reviewed: { label: "Workflows reviewed", kind: "share" },
  integrations_planned: { label: "Integrations planned", kind: "share" },
  reports_planned: { label: "Reports planned", kind: "share" },
  risks_assessed: { label: "Risks assessed", kind: "share" },
  audit_policy: { label: "Audit-trail policy chosen", kind: "share" },
};

/** Keys made of a prefix and a name ("candidate: team capacity (weeks)", "source: Legacy EMR"). */
const PREFIXED: { re: RegExp; label: (m: RegExpExecArray) => string; kind: (m: RegExpExecArray) => ExplainInputKind }[] = [
  { re: /^candidate: (.+) \(weeks\)$/, label: (m) => `Candidate: ${m[1]}`, kind: () => "weeks" },
  { re: /^source monthly cents: (.+)$/, label: (m) => `${m[1]}: fee per month`, kind: () => "cents" },
  { re: /^source: (.+)$/, label: (m) => `Source ${m[1]}`, kind: () => "text" },
  { re: /^source (\d+) monthly cents$/, label: (m) => `Source system ${m[1]}: fee per month`, kind: () => "cents" },
  { re: /^source (\d+)$/, label: (m) => `Source system ${m[1]}`, kind: () => "text" },
];

/** The explicit label of an input key, or null when it has none (the test looks for these). */
export function knownExplainInput(key: string): { label: string; kind: ExplainInputKind } | null {
  const direct = INPUTS[key];
  if (direct) return direct;
  for (const p of PREFIXED) {
    const m = p.re.exec(key);
    if (m) return { label: p.label(m), kind: p.kind(m) };
  }
  return null;
}

function words(key: string): string {
  const w = key
    .replace(/Cents(PerMonth)?$/, "$1")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .toLowerCase()
    .trim();
  return w ? w[0]!.toUpperCase() + w.slice(1) : key;
}

function fallbackKind(key: string): ExplainInputKind {
  if (/cents/i.test(key)) return "cents";
  if (/weeks/i.test(key)) return "weeks";
  if (/months/i.test(key)) return "months";
  if (/hours/i.test(key)) return "hours";
  return "count";
}

export function explainInputLabel(key: string): string {
  return knownExplainInput(key)?.label ?? words(key);
}

const n = (v: number, digits = 1) => new Intl.NumberFormat("en-US", { maximumFractionDigits: digits }).format(v);

/** "1 month", "4.5 months", "1 week": the unit agrees with the number. */
export function quantity(value: number, unit: "week" | "month" | "hour" | "day", digits = 1): string {
  const shown = n(value, digits);
  return `${shown} ${shown === "1" ? unit : `${unit}s`}`;
}

export function formatMoney(cents: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 }).format(cents / 100);
}

function date(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
}

/** An input's value in words: money by its typed value (MoneyValue), anything else by the key's kind. */
export function formatExplainInput(key: string, value: ExplanationInput, currency: string): string {
  if (value === null) return "not entered";
  if (isMoneyValue(value)) return formatMoney(value.cents, currency); // the label says per what ("Rate per hour")
  const kind = knownExplainInput(key)?.kind ?? fallbackKind(key);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string") {
    if (kind === "date" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return date(value);
    if (key === "migrationType" && /^[ABC]$/.test(value)) return `Type ${value}`;
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? date(value) : humanValue(value);
  }
  switch (kind) {
    case "cents":
      return formatMoney(value, currency);
    case "weeks":
      return quantity(value, "week");
    case "months":
      return quantity(value, "month");
    case "hours":
      return quantity(Math.round(value), "hour", 0);
    case "share":
      return `${Math.round(value * 100)}%`;
    case "factor":
      return `× ${n(value, 2)}`;
    default:
      return n(value, 2);
  }
}

/** A model constant's label ("Phase 0 most likely (weeks)"); the key itself only when it has no definition. */
export function constantLabel(key: string): string {
  const d = constantDefinition(key);
  if (d) return d.label;
  const rate = /^rate\.(.+)$/.exec(key);
  if (rate) return `Rate: ${words(rate[1]!).toLowerCase()}`;
  return words(key);
}
