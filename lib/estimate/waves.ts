// The cutover wave plan: entered waves, or waves derived from the profile
// (per location/specialty for Type A/B, per user cohort for Type C — ESTIMATION.md "Effort → phases").
import type { EngagementDocument } from "@/lib/engagement-format/schema";

export interface PlannedWave {
  name: string;
  cohort: string;
  providers: number;
  users: number;
  /** share of the organization going live in this wave (providers, or users when no providers) */
  share: number;
  /** duration multiplier for the wave's size: max(1, users / reference)^exponent */
  sizeFactor: number;
  /** entered go-live date (a constraint: never earlier), or null */
  goLiveDate: string | null;
}

export interface WavePlan {
  waves: PlannedWave[];
  derived: boolean;
  basis: string;
  providersEntered: number;
  usersEntered: number;
}

function split(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  const rest = total - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < rest ? 1 : 0));
}

export function planWaves(doc: EngagementDocument, c: Record<string, number>): WavePlan {
  const p = doc.engagement.profile;
  const type = doc.engagement.migrationType;
  const ref = Math.max(1, c["schedule.waveReferenceUsers"] as number);
  const exp = c["schedule.waveSizeExponent"] as number;
  const sizeFactor = (users: number) => Math.pow(Math.max(1, users / ref), exp); // bigger waves take longer, sub-linearly
  let raw: { name: string; cohort: string; providers: number; users: number; goLiveDate: string | null }[];
  let derived = false;
  let basis: string;
  if (doc.assumptions.waves.length > 0) {
    raw = doc.assumptions.waves.map((w) => ({ name: w.name, cohort: w.cohort, providers: w.providers, users: w.users, goLiveDate: w.goLiveDate ?? null }));
    basis = "Waves as entered in the assumptions.";
  } else {
    derived = true;
    const maxWaves = Math.max(1, Math.round(c["waves.derivedMax"] as number));
    let n: number;
    if (type === "C") {
      // C: one cohort per N users
      n = Math.ceil(p.staffUsers / Math.max(1, c["waves.derivedUsersPerCohort"] as number));
      basis = `Derived: one user cohort per ${c["waves.derivedUsersPerCohort"]} users (Type C cuts over by cohort).`;
    } else {
      // A/B: one wave per N locations
      n = Math.ceil(p.locations / Math.max(1, c["waves.derivedSitesPerWave"] as number));
      basis = `Derived: one wave per ${c["waves.derivedSitesPerWave"]} locations (Type ${type} cuts over by location or specialty).`;
    }
    n = Math.min(maxWaves, Math.max(1, n));
    const prov = split(p.providers, n);
    const users = split(p.staffUsers, n);
    raw = prov.map((pr, i) => ({ name: `Wave ${i + 1}`, cohort: type === "C" ? "user cohort" : "locations", providers: pr, users: users[i] as number, goLiveDate: null }));
  }
  const totalProviders = raw.reduce((s, w) => s + w.providers, 0);
  const totalUsers = raw.reduce((s, w) => s + w.users, 0);
  const waves: PlannedWave[] = raw.map((w) => ({
    ...w,
    share: totalProviders > 0 ? w.providers / totalProviders : totalUsers > 0 ? w.users / totalUsers : 1 / raw.length,
    sizeFactor: sizeFactor(w.users),
  }));
  return { waves, derived, basis, providersEntered: totalProviders, usersEntered: totalUsers };
}
