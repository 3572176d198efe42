// Which type should this client choose? (issue 9 item 9; the article's "When custom replacement is the
// right answer"). A 5- and 10-year total cost of ownership of the same engagement as Type A, B and C, and
// the break-even year of each custom type against the vendor switch. Pure: no I/O, no clock.
//
// Model (docs/estimation.md "Type decision"), per type, from the planned start, in years t:
//   one-time = the migration estimate's P50 cost (+ certification of a new platform for B/C),
//              spent evenly from the start to the P50 completion;
//   run      = from the P50 final go-live on, per year:
//              A: destination licences + vendor fees per interface;
//              B/C: hosting + maintenance (a share of the build cost) + regulatory updates.
//   cumulative(t) = one-time × min(1, t / completion) + run × max(0, t − go-live)
// The curves are piecewise linear, so the break-even is found exactly on their breakpoints.
import type { EngagementDocument, MigrationType } from "@/lib/engagement-format/schema";
import { MIGRATION_TYPE_LABELS } from "@/lib/engagement-format/schema";
import { WEEKS_PER_MONTH } from "./calendar";
import { resolveConstants } from "./defaults";
import type { Estimate } from "./types";

export const TCO_HORIZON_YEARS = 10;
export const TCO_SHORT_HORIZON_YEARS = 5;
const WEEKS_PER_YEAR = WEEKS_PER_MONTH * 12;
const MONTHS_PER_YEAR = 12;

/** What the TCO needs from one type's estimate (P50 numbers). */
export interface TcoTypeInput {
  type: MigrationType;
  /** P50 total cost of the migration, cents */
  migrationCents: number;
  /** P50 weeks from the planned start to the final go-live */
  goLiveWeeks: number;
  /** P50 weeks from the planned start to completion (decommission done) */
  completionWeeks: number;
  /** P50 labor cost of the build workstream, cents (0 for A) */
  buildCents: number;
}

const p50 = (d: { percentiles: Record<string, number>; mean: number }) => d.percentiles.P50 ?? d.mean;

/** The P50 numbers of one estimate the TCO uses. */
export function tcoInputOf(e: Pick<Estimate, "input" | "cost" | "duration">): TcoTypeInput {
  const build = e.cost.lines["labor.build"];
  return {
    type: e.input.migrationType,
    migrationCents: p50(e.cost.totalCents),
    goLiveWeeks: p50(e.duration.finalGoLiveWeeks),
    completionWeeks: p50(e.duration.totalWeeks),
    buildCents: build ? p50(build) : 0,
  };
}

export type TcoPartKey = "migration" | "certification" | "licence" | "vendor_fees" | "hosting" | "maintenance" | "regulatory";

export interface TcoPart {
  key: TcoPartKey;
  label: string;
  /** one-time parts: cents in total; run parts: cents per year */
  cents: number;
  /** where the number comes from, in words */
  basis: string;
}

export interface TcoType {
  type: MigrationType;
  name: string;
  oneTime: TcoPart[];
  oneTimeCents: number;
  run: TcoPart[];
  runPerYearCents: number;
  goLiveYears: number;
  completionYears: number;
  /** cumulative cost at the end of each year 0..10 (index = year), cents */
  cumulativeCents: number[];
  at5Cents: number;
  at10Cents: number;
}

export interface BreakEven {
  type: "B" | "C";
  against: "A";
  /**
   * Years from the planned start from which the custom type stays at or below Type A's cumulative cost
   * until the horizon: 0 = never more expensive; null = still more expensive at 10 years.
   */
  years: number | null;
  /** the plan year (1..10) in which it breaks even; 0 = from the start; null = not within 10 years */
  year: number | null;
  words: string;
}

export interface TypeDecision {
  redacted: false;
  horizonYears: number;
  types: TcoType[];
  cheapestAt5: MigrationType;
  cheapestAt10: MigrationType;
  breakEven: BreakEven[];
  /** one paragraph for the executive */
  summary: string;
  /** constants used (key, value) — their basis is in lib/estimate/defaults.ts */
  constants: { key: string; value: number }[];
}

/** The destination fee as entered, per month, for the engagement's own type; null when none is entered. */
function enteredDestinationMonthlyCents(doc: EngagementDocument): number | null {
  const lic = doc.assumptions.license;
  const fee = lic.destinationFeeCents;
  if (fee === null || !(fee > 0)) return null;
  const p = doc.engagement.profile;
  return lic.destinationFeeBasis === "flat_month" ? fee : lic.destinationFeeBasis === "per_user_month" ? fee * p.staffUsers : fee * p.providers;
}

const round = (v: number) => Math.round(v);

/** Cumulative cost of one type at t years. */
export function cumulativeAt(t: TcoType, years: number): number {
  const spent = t.completionYears > 0 ? Math.min(1, Math.max(0, years) / t.completionYears) : 1;
  return t.oneTimeCents * spent + t.runPerYearCents * Math.max(0, years - t.goLiveYears);
}

function costOfType(doc: EngagementDocument, input: TcoTypeInput, c: Record<string, number>, money: (cents: number) => string): TcoType {
  const providers = doc.engagement.profile.providers;
  const entered = doc.engagement.migrationType === input.type || (doc.engagement.migrationType !== "A" && input.type !== "A") ? enteredDestinationMonthlyCents(doc) : null;
  const oneTime: TcoPart[] = [{ key: "migration", label: "Migration (P50 of the estimate)", cents: round(input.migrationCents), basis: `the estimate of this engagement as Type ${input.type}, P50` }];
  const run: TcoPart[] = [];
  if (input.type === "A") {
    const perMonth = entered ?? providers * (c["tco.A.licencePerProviderMonthCents"] as number);
    run.push({
      key: "licence",
      label: "Destination licences",
      cents: round(perMonth * MONTHS_PER_YEAR),
      basis: entered !== null ? "the destination fee entered in the license terms" : `default: ${providers} providers × ${money(c["tco.A.licencePerProviderMonthCents"] as number)} a month`,
    });
    run.push({
      key: "vendor_fees",
      label: "Vendor fees (interfaces)",
      cents: round(doc.integrations.length * (c["tco.A.interfaceFeePerYearCents"] as number)),
      basis: `${doc.integrations.length} interfaces × ${money(c["tco.A.interfaceFeePerYearCents"] as number)} a year`,
    });
  } else {
    oneTime.push({ key: "certification", label: "Certification of the new platform", cents: round(c["tco.custom.certificationCents"] as number), basis: "default one-time certification and security assessment" });
    const perMonth = entered ?? providers * (c["tco.custom.hostingPerProviderMonthCents"] as number);
    run.push({
      key: "hosting",
      label: "Hosting and operations",
      cents: round(perMonth * MONTHS_PER_YEAR),
      basis: entered !== null ? "the destination (hosting) fee entered in the license terms" : `default: ${providers} providers × ${money(c["tco.custom.hostingPerProviderMonthCents"] as number)} a month`,
    });
    // a share of the build cost, but never less than the standing team a clinical system in production needs
    const shareOfBuild = input.buildCents * (c["tco.custom.maintenanceShareOfBuild"] as number);
    const minimum = c["tco.custom.minMaintenancePerYearCents"] as number;
    run.push({
      key: "maintenance",
      label: "Maintenance of the build",
      cents: round(Math.max(shareOfBuild, minimum)),
      basis:
        shareOfBuild >= minimum
          ? `${Math.round((c["tco.custom.maintenanceShareOfBuild"] as number) * 100)}% of the P50 build cost a year`
          : `the minimum standing team a year (${Math.round((c["tco.custom.maintenanceShareOfBuild"] as number) * 100)}% of the P50 build cost, ${money(shareOfBuild)}, is less)`,
    });
    run.push({ key: "regulatory", label: "Regulatory updates", cents: round(c["tco.custom.regulatoryPerYearCents"] as number), basis: "default yearly regulatory work (quality measures, interoperability rules)" });
  }
  const t: TcoType = {
    type: input.type,
    name: MIGRATION_TYPE_LABELS[input.type].name,
    oneTime,
    oneTimeCents: oneTime.reduce((s, p) => s + p.cents, 0),
    run,
    runPerYearCents: run.reduce((s, p) => s + p.cents, 0),
    goLiveYears: Math.max(0, input.goLiveWeeks) / WEEKS_PER_YEAR,
    completionYears: Math.max(0, input.completionWeeks) / WEEKS_PER_YEAR,
    cumulativeCents: [],
    at5Cents: 0,
    at10Cents: 0,
  };
  t.cumulativeCents = Array.from({ length: TCO_HORIZON_YEARS + 1 }, (_, y) => round(cumulativeAt(t, y)));
  t.at5Cents = round(cumulativeAt(t, TCO_SHORT_HORIZON_YEARS));
  t.at10Cents = round(cumulativeAt(t, TCO_HORIZON_YEARS));
  return t;
}

/**
 * The earliest time t* (years) from which `custom` costs at most `vendor` cumulatively until the horizon:
 * 0 when it never costs more, null when it still costs more at the horizon. Exact: the difference of two
 * piecewise-linear curves is linear between their breakpoints.
 */
export function breakEvenYears(custom: TcoType, vendor: TcoType, horizon = TCO_HORIZON_YEARS): number | null {
  const diff = (t: number) => cumulativeAt(custom, t) - cumulativeAt(vendor, t);
  if (diff(horizon) > 0) return null;
  const points = [...new Set([0, horizon, custom.goLiveYears, custom.completionYears, vendor.goLiveYears, vendor.completionYears].filter((t) => t >= 0 && t <= horizon))].sort((a, b) => a - b);
  for (let i = points.length - 1; i > 0; i--) {
    const a = points[i - 1] as number, b = points[i] as number;
    const da = diff(a), db = diff(b);
    if (da <= 0) continue;
    // da > 0 ≥ db: the one crossing of this linear piece
    return a + ((b - a) * da) / (da - db);
  }
  return 0;
}

function moneyIn(currency: string): (cents: number) => string {
  const f = new Intl.NumberFormat("en-US", { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 });
  return (cents) => f.format(Math.round(cents / 100));
}

/**
 * The type decision for one engagement: `perType` holds the estimate of the same engagement under each
 * type (the scenarios page's "As Type A/B/C" columns). Types without an estimate are left out; break-even
 * needs Type A and a custom type.
 */
export function typeDecision(doc: EngagementDocument, perType: TcoTypeInput[]): TypeDecision | null {
  if (perType.length === 0) return null;
  const c = resolveConstants(doc).values;
  const money = moneyIn(doc.engagement.currency);
  const order: MigrationType[] = ["A", "B", "C"];
  const types = [...perType].sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type)).map((i) => costOfType(doc, i, c, money));
  const cheapest = (at: (t: TcoType) => number) => types.reduce((best, t) => (at(t) < at(best) ? t : best)).type;
  const a = types.find((t) => t.type === "A");
  const breakEven: BreakEven[] = a
    ? types
        .filter((t): t is TcoType & { type: "B" | "C" } => t.type !== "A")
        .map((t) => {
          const years = breakEvenYears(t, a);
          const year = years === null ? null : years === 0 ? 0 : Math.max(1, Math.ceil(years - 1e-9));
          const words =
            years === null
              ? `Type ${t.type} still costs ${money(t.at10Cents - a.at10Cents)} more than Type A after ${TCO_HORIZON_YEARS} years: it does not break even within the horizon.`
              : years === 0
                ? `Type ${t.type} costs no more than Type A at any point of the ${TCO_HORIZON_YEARS} years.`
                : `Type ${t.type} breaks even with Type A in year ${year} (after ${years.toFixed(1)} years) and is ${money(a.at10Cents - t.at10Cents)} cheaper by year ${TCO_HORIZON_YEARS}.`;
          return { type: t.type, against: "A" as const, years, year, words };
        })
    : [];
  const at5 = cheapest((t) => t.at5Cents);
  const at10 = cheapest((t) => t.at10Cents);
  const summary = [
    at5 === at10
      ? `Over both 5 and ${TCO_HORIZON_YEARS} years, Type ${at10} costs the least (${money(types.find((t) => t.type === at10)!.at10Cents)} over ${TCO_HORIZON_YEARS} years).`
      : `Type ${at5} costs the least over 5 years, Type ${at10} over ${TCO_HORIZON_YEARS} years (${money(types.find((t) => t.type === at10)!.at10Cents)}).`,
    ...breakEven.map((b) => b.words),
    "Cost is only one of the four fit criteria below.",
  ].join(" ");
  const used = Object.keys(c).filter((k) => k.startsWith("tco.")).sort();
  return { redacted: false, horizonYears: TCO_HORIZON_YEARS, types, cheapestAt5: at5, cheapestAt10: at10, breakEven, summary, constants: used.map((key) => ({ key, value: c[key] as number })) };
}

/**
 * The decision as a viewer without `rates.view` may see it: amounts would give away license fees (the
 * slope of Type A's curve) and labor rates (maintenance is a share of the build cost), so every amount is
 * removed; the ranking and the break-even years stay.
 */
export type RedactedTypeDecision = Pick<TypeDecision, "horizonYears" | "cheapestAt5" | "cheapestAt10"> & {
  redacted: true;
  breakEven: (Omit<BreakEven, "words"> & { words: string })[];
  types: { type: MigrationType; name: string; goLiveYears: number }[];
  summary: string;
};

export type TypeDecisionView = TypeDecision | RedactedTypeDecision;

export function redactTypeDecision(d: TypeDecision): RedactedTypeDecision {
  return {
    redacted: true,
    horizonYears: d.horizonYears,
    cheapestAt5: d.cheapestAt5,
    cheapestAt10: d.cheapestAt10,
    types: d.types.map((t) => ({ type: t.type, name: t.name, goLiveYears: t.goLiveYears })),
    breakEven: d.breakEven.map((b) => ({
      ...b,
      words: b.years === null ? `Type ${b.type} does not break even with Type A within ${d.horizonYears} years.` : b.years === 0 ? `Type ${b.type} costs no more than Type A at any point.` : `Type ${b.type} breaks even with Type A in year ${b.year}.`,
    })),
    summary: `${d.cheapestAt5 === d.cheapestAt10 ? `Over both 5 and ${d.horizonYears} years, Type ${d.cheapestAt10} costs the least.` : `Type ${d.cheapestAt5} costs the least over 5 years, Type ${d.cheapestAt10} over ${d.horizonYears} years.`} Amounts are hidden for your role: they would reveal license fees and rates.`,
  };
}
