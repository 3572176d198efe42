// License overlap: what the client pays for two systems at once, tied to the wave plan
// (ESTIMATION.md "Cost"). For each wave (weighted by its share of providers):
//   destination fees from the destination billing start until the wave goes live, plus
//   source fees from its go-live until the source lets those seats go — go-live + notice when the
//   source ramps down per wave (per-provider fees only), otherwise decommission end + contract tail —
//   plus read-only/archive fees after decommission.
import type { LicenseTerms, MigrationType } from "@/lib/engagement-format/schema";
import * as calendar from "./calendar";

const WEEKS_PER_MONTH = calendar.WEEKS_PER_MONTH;

export interface LicenseModel {
  terms: LicenseTerms;
  /** monthly fee for the whole organization (cents) */
  destMonthlyCents: number;
  sourceMonthlyCents: number;
  rampsDown: boolean;
  noticeWeeks: number;
  tailWeeks: number;
  archiveWeeks: number;
  archiveTotalCents: number;
  billingStart: LicenseTerms["destinationBillingStart"];
  shares: Float64Array;
  semantics: string;
}

export function buildLicenseModel(terms: LicenseTerms, providers: number, shares: number[], type: MigrationType): LicenseModel {
  const monthly = (fee: number, basis: LicenseTerms["sourceFeeBasis"]) => (basis === "per_provider_month" ? fee * providers : fee);
  const semantics =
    type === "A"
      ? "Type A: two vendor subscriptions per provider — the destination vendor bills before each wave goes live, the source vendor until its seats are released."
      : type === "B"
        ? "Type B: hosting/run cost of the new platform before each wave goes live, plus the commercial source license until its seats are released."
        : "Type C: new infrastructure before each cohort moves, plus the legacy infrastructure until it is switched off.";
  return {
    terms,
    destMonthlyCents: monthly(terms.destinationFeeCents, terms.destinationFeeBasis),
    sourceMonthlyCents: monthly(terms.sourceFeeCents, terms.sourceFeeBasis),
    // a flat source fee cannot ramp down by wave
    rampsDown: terms.sourceRampsDownPerWave && terms.sourceFeeBasis === "per_provider_month",
    noticeWeeks: terms.sourceNoticeMonths * WEEKS_PER_MONTH,
    tailWeeks: terms.sourceContractTailMonths * WEEKS_PER_MONTH,
    archiveWeeks: terms.archiveMonths * WEEKS_PER_MONTH,
    archiveTotalCents: terms.archiveFeeCentsPerMonth * terms.archiveMonths,
    billingStart: terms.destinationBillingStart,
    shares: Float64Array.from(shares),
    semantics,
  };
}

export interface OverlapInterval {
  kind: "destination" | "source" | "archive";
  wave: number;
  startWeek: number;
  endWeek: number;
  centsPerWeek: number;
}

/** Index of the first output slot: [dest, source, archive, byBucket×6 (P0..P4, after decommission)] */
export const OVERLAP_OUT_SIZE = 9;

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
  const e0 = phaseEnds[0] as number, e1 = phaseEnds[1] as number, end = phaseEnds[4] as number;
  const billingStart = lic.billingStart === "project_start" ? 0 : lic.billingStart === "foundation_start" ? e0 : e1;
  const destPerWeek = lic.destMonthlyCents / WEEKS_PER_MONTH;
  const srcPerWeek = lic.sourceMonthlyCents / WEEKS_PER_MONTH;
  for (let w = 0; w < waveCount; w++) {
    const share = lic.shares[w] as number;
    const g = goLives[w] as number;
    if (destPerWeek > 0 && g > billingStart) {
      add(out, 0, phaseEnds, billingStart, g, destPerWeek * share);
      intervals?.push({ kind: "destination", wave: w, startWeek: billingStart, endWeek: g, centsPerWeek: destPerWeek * share });
    }
    const release = lic.rampsDown ? g + lic.noticeWeeks : end + lic.tailWeeks;
    if (srcPerWeek > 0 && release > g) {
      add(out, 1, phaseEnds, g, release, srcPerWeek * share);
      intervals?.push({ kind: "source", wave: w, startWeek: g, endWeek: release, centsPerWeek: srcPerWeek * share });
    }
  }
  if (lic.archiveTotalCents > 0 && lic.archiveWeeks > 0) {
    const perWeek = lic.archiveTotalCents / lic.archiveWeeks;
    add(out, 2, phaseEnds, end, end + lic.archiveWeeks, perWeek);
    intervals?.push({ kind: "archive", wave: -1, startWeek: end, endWeek: end + lic.archiveWeeks, centsPerWeek: perWeek });
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
