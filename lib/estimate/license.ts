// License overlap: what the client pays for two systems at once, tied to the wave plan
// (ESTIMATION.md "Cost"; docs/estimation.md "License"). Each source system has its own fee, basis,
// contract end and notice period.
//   Per-seat fees (per provider or per user), for each wave weighted by its share of providers:
//     destination fees from the destination billing start until the wave goes live, plus
//     each source's fees from the wave's go-live until that source lets the seats go — go-live + notice
//     when it ramps down per wave, otherwise decommission end + contract tail (and never before the
//     contract's end date when one is entered: the term is committed).
//   Flat fees never ramp: a flat destination fee is paid in full from billing start until the LAST
//     go-live, a flat source fee in full from the last go-live until it is released.
//   Plus read-only/archive fees after decommission. One-time vendor implementation fees are a separate
//   cost line (vendor_fees), not overlap.
// A fee that is not entered is not $0: the model says which are missing (`status`, `missing`).
import type { FeeBasis, LicenseTerms, MigrationType } from "@/lib/engagement-format/schema";
import * as calendar from "./calendar";

const WEEKS_PER_MONTH = calendar.WEEKS_PER_MONTH;

export interface SourceLicense {
  /** the source's name (its entered name, else the engagement's source system) */
  name: string;
  entered: boolean;
  basis: FeeBasis;
  flat: boolean;
  /** monthly fee for the whole organization (cents); 0 when not entered */
  monthlyCents: number;
  rampsDown: boolean;
  noticeMonths: number;
  noticeWeeks: number;
  tailMonths: number;
  tailWeeks: number;
  /** contract end in weeks from the planned start; NaN when none is entered */
  contractEndWeek: number;
  contractEnd: string | null;
}

export type LicenseStatus = "entered" | "partial" | "not_entered";

export interface LicenseModel {
  terms: LicenseTerms;
  sources: SourceLicense[];
  destEntered: boolean;
  destFlat: boolean;
  /** monthly destination fee for the whole organization (cents) */
  destMonthlyCents: number;
  /** Σ monthly fees of the sources (cents) — for explanations */
  sourceMonthlyCents: number;
  archiveWeeks: number;
  archiveTotalCents: number;
  /** one-time vendor implementation fees (cents; 0 when not entered) */
  implementationCents: number;
  implementationEntered: boolean;
  billingStart: LicenseTerms["destinationBillingStart"];
  /** weeks from the planned start, for billingStart "date" (NaN otherwise) */
  billingStartWeek: number;
  shares: Float64Array;
  semantics: string;
  /** "not_entered": no destination and no source fee entered — the overlap is unknown, not $0 */
  status: LicenseStatus;
  /** overlap fees that are missing, in words ("destination license fee", "source fee of Practice Fusion", …) */
  missing: string[];
}

export interface LicenseContext {
  providers: number;
  users: number;
  plannedStart: string;
  sourceSystem: string;
}

export function buildLicenseModel(terms: LicenseTerms, ctx: LicenseContext, shares: number[], type: MigrationType): LicenseModel {
  const seats = (basis: FeeBasis) => (basis === "per_provider_month" ? ctx.providers : basis === "per_user_month" ? ctx.users : 1);
  const day0 = calendar.parseIsoDate(ctx.plannedStart);
  const weekOf = (iso: string | null) => (iso ? (calendar.parseIsoDate(iso) - day0) / 7 : NaN);
  const semantics =
    type === "A"
      ? "Type A: two vendor subscriptions — the destination vendor bills before each wave goes live, each source vendor until its seats are released."
      : type === "B"
        ? "Type B: hosting/run cost of the new platform before each wave goes live, plus the commercial source licenses until their seats are released."
        : "Type C: new infrastructure before each cohort moves, plus the legacy infrastructure until it is switched off.";
  const sources: SourceLicense[] = terms.sources.map((s, i) => {
    const flat = s.feeBasis === "flat_month";
    const name = s.name.trim() || (terms.sources.length === 1 ? ctx.sourceSystem.trim() : "") || `Source system ${i + 1}`;
    return {
      name,
      entered: s.feeCents !== null,
      basis: s.feeBasis,
      flat,
      monthlyCents: (s.feeCents ?? 0) * seats(s.feeBasis),
      // a flat fee cannot ramp down by wave
      rampsDown: s.rampsDownPerWave && !flat,
      noticeMonths: s.noticeMonths,
      noticeWeeks: s.noticeMonths * WEEKS_PER_MONTH,
      tailMonths: s.contractTailMonths,
      tailWeeks: s.contractTailMonths * WEEKS_PER_MONTH,
      contractEndWeek: weekOf(s.contractEnd),
      contractEnd: s.contractEnd,
    };
  });
  const destEntered = terms.destinationFeeCents !== null;
  const anySourceEntered = sources.some((s) => s.entered);
  const missing: string[] = [];
  if (!destEntered) missing.push(type === "A" ? "destination license fee" : type === "B" ? "destination hosting/run fee" : "new infrastructure fee");
  if (sources.length === 0) missing.push("source system license fees (no source system entered)");
  for (const s of sources) if (!s.entered) missing.push(`source fee of ${s.name}`);
  const status: LicenseStatus = !destEntered && !anySourceEntered ? "not_entered" : missing.length > 0 ? "partial" : "entered";
  const billingStartWeek = terms.destinationBillingStart === "date" && terms.destinationBillingStartDate ? Math.max(0, weekOf(terms.destinationBillingStartDate)) : NaN;
  return {
    terms,
    sources,
    destEntered,
    destFlat: terms.destinationFeeBasis === "flat_month",
    destMonthlyCents: (terms.destinationFeeCents ?? 0) * seats(terms.destinationFeeBasis),
    sourceMonthlyCents: sources.reduce((sum, s) => sum + s.monthlyCents, 0),
    archiveWeeks: terms.archiveMonths * WEEKS_PER_MONTH,
    archiveTotalCents: terms.archiveFeeCentsPerMonth * terms.archiveMonths,
    implementationCents: terms.implementationFeeCents ?? 0,
    implementationEntered: terms.implementationFeeCents !== null,
    billingStart: terms.destinationBillingStart,
    billingStartWeek,
    shares: Float64Array.from(shares),
    semantics,
    status,
    missing,
  };
}

export interface OverlapInterval {
  kind: "destination" | "source" | "archive";
  /** wave index; −1 for flat fees and the archive (not attributable to one wave) */
  wave: number;
  /** source index for kind "source"; −1 otherwise */
  source: number;
  startWeek: number;
  endWeek: number;
  centsPerWeek: number;
}

/** Output slots: [dest, source, archive, byBucket×6 (P0..P4, after decommission)] */
export const OVERLAP_OUT_SIZE = 9;

/** Week the destination starts billing in a schedule with these phase ends. */
export function billingStartWeekOf(lic: LicenseModel, phaseEnds: Float64Array): number {
  switch (lic.billingStart) {
    case "project_start":
      return 0;
    case "foundation_start":
      return phaseEnds[0] as number;
    case "pilot_start":
      return phaseEnds[1] as number;
    default:
      // an entered date; without one, foundation start (the default)
      return lic.billingStartWeek === lic.billingStartWeek ? lic.billingStartWeek : (phaseEnds[0] as number);
  }
}

/** When a source releases seats that went live at week `g` (per seat) — or all its seats (flat, `g` unused). */
function releaseWeek(s: SourceLicense, g: number, end: number): number {
  const r = s.rampsDown ? g + s.noticeWeeks : end + s.tailWeeks;
  // a committed term: without ramp-down rights the fees run at least until the contract's end
  return !s.rampsDown && s.contractEndWeek === s.contractEndWeek && s.contractEndWeek > r ? s.contractEndWeek : r;
}

/**
 * Overlap cost for one schedule. `phaseEnds` = end week of P0..P4; `goLives` = go-live week per wave.
 * Writes totals into `out` (OVERLAP_OUT_SIZE slots); pushes intervals into `intervals` when given.
 */
export function computeOverlap(
  lic: LicenseModel,
  phaseEnds: Float64Array,
  goLives: Float64Array,
  waveCount: number,
  out: Float64Array,
  intervals?: OverlapInterval[],
): void {
  out.fill(0);
  const end = phaseEnds[4] as number;
  const billingStart = billingStartWeekOf(lic, phaseEnds);
  const destPerWeek = lic.destMonthlyCents / WEEKS_PER_MONTH;
  let lastGoLive = waveCount > 0 ? 0 : (phaseEnds[3] as number);
  for (let w = 0; w < waveCount; w++) if ((goLives[w] as number) > lastGoLive) lastGoLive = goLives[w] as number;
  if (destPerWeek > 0) {
    if (lic.destFlat) {
      if (lastGoLive > billingStart) {
        add(out, 0, phaseEnds, billingStart, lastGoLive, destPerWeek);
        intervals?.push({ kind: "destination", wave: -1, source: -1, startWeek: billingStart, endWeek: lastGoLive, centsPerWeek: destPerWeek });
      }
    } else {
      for (let w = 0; w < waveCount; w++) {
        const g = goLives[w] as number;
        if (g <= billingStart) continue;
        const perWeek = destPerWeek * (lic.shares[w] as number);
        add(out, 0, phaseEnds, billingStart, g, perWeek);
        intervals?.push({ kind: "destination", wave: w, source: -1, startWeek: billingStart, endWeek: g, centsPerWeek: perWeek });
      }
    }
  }
  const sources = lic.sources;
  for (let k = 0; k < sources.length; k++) {
    const s = sources[k] as SourceLicense;
    const srcPerWeek = s.monthlyCents / WEEKS_PER_MONTH;
    if (!(srcPerWeek > 0)) continue;
    if (s.flat) {
      const release = releaseWeek(s, lastGoLive, end);
      if (release > lastGoLive) {
        add(out, 1, phaseEnds, lastGoLive, release, srcPerWeek);
        intervals?.push({ kind: "source", wave: -1, source: k, startWeek: lastGoLive, endWeek: release, centsPerWeek: srcPerWeek });
      }
      continue;
    }
    for (let w = 0; w < waveCount; w++) {
      const g = goLives[w] as number;
      const release = releaseWeek(s, g, end);
      if (release <= g) continue;
      const perWeek = srcPerWeek * (lic.shares[w] as number);
      add(out, 1, phaseEnds, g, release, perWeek);
      intervals?.push({ kind: "source", wave: w, source: k, startWeek: g, endWeek: release, centsPerWeek: perWeek });
    }
  }
  if (lic.archiveTotalCents > 0 && lic.archiveWeeks > 0) {
    const perWeek = lic.archiveTotalCents / lic.archiveWeeks;
    add(out, 2, phaseEnds, end, end + lic.archiveWeeks, perWeek);
    intervals?.push({ kind: "archive", wave: -1, source: -1, startWeek: end, endWeek: end + lic.archiveWeeks, centsPerWeek: perWeek });
  }
}

function add(out: Float64Array, slot: number, phaseEnds: Float64Array, a: number, b: number, perWeek: number): void {
  out[slot] = (out[slot] as number) + (b - a) * perWeek;
  let start = 0;
  for (let j = 0; j < 6; j++) {
    const stop = j < 5 ? (phaseEnds[j] as number) : Infinity;
    const lo = a > start ? a : start;
    const hi = b < stop ? b : stop;
    if (hi > lo) out[3 + j] = (out[3 + j] as number) + (hi - lo) * perWeek;
    start = stop;
  }
}
