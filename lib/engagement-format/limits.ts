// The documented range of every numeric input of the engagement contract (docs/engagement-format.md,
// docs/estimation.md "Bounded and finite"). schema.ts builds its number fields from this table, so the
// app's forms, the JSON import and the CLI refuse the same values with the same message, naming the field
// (zod's issue path) and the range. The ranges are wide enough for the largest real health system and
// narrow enough that no combination of in-range values overflows the engine or holds a CPU.
// Runs on client and server.
import { z } from "zod";

export interface InputLimit {
  min: number;
  max: number;
  int: boolean;
  unit: string;
}

const lim = (min: number, max: number, unit: string, int = true): InputLimit => ({ min, max, int, unit });

/** Largest amount of money anywhere in the contract: $10 billion, in cents. */
export const MAX_AMOUNT_CENTS = 1_000_000_000_000;

export const INPUT_LIMITS = {
  providers: lim(0, 100_000, "providers"),
  locations: lim(0, 10_000, "locations"),
  specialties: lim(0, 1_000, "specialties"),
  staffUsers: lim(0, 1_000_000, "users"),
  activePatients: lim(0, 100_000_000, "patients"),
  years: lim(0, 100, "years", false),
  sourceSystemCount: lim(1, 20, "source systems"),
  // row counts: up to 9e15, the largest round number a JSON number holds exactly (the database column is a
  // BIGINT); the engine's 30-year horizon refuses the plans such counts would give
  count: lim(0, 9e15, ""),
  recordCount: lim(0, 9e15, "records"),
  affectedCount: lim(0, 9e15, "records"),
  share: lim(0, 1, "(a share from 0 to 1)", false),
  sourceLogRows: lim(0, 9e15, "rows"),
  riskLevel: lim(1, 7, "(a level on the matrix)"),
  matrixSize: lim(3, 7, "levels"),
  scheduleWeeks: lim(0, 520, "weeks", false),
  effortShare: lim(0, 10, "(a share of the workstream's hours; 10 = +1,000%)", false),
  amountCents: lim(0, MAX_AMOUNT_CENTS, "cents"),
  feeCents: lim(0, 1_000_000_000, "cents"),
  rateCents: lim(0, 1_000_000, "cents per hour"),
  months36: lim(0, 36, "months", false),
  months240: lim(0, 240, "months", false),
  waveProviders: lim(0, 100_000, "providers"),
  waveUsers: lim(0, 1_000_000, "users"),
  teamFte: lim(0.5, 500, "FTE", false),
  interfaceEngineers: lim(1, 50, "engineers"),
  roleFte: lim(0.5, 200, "FTE", false),
  productiveHoursPerWeek: lim(10, 60, "hours per week", false),
  functionPoints: lim(0, 1_000_000, "function points"),
  budgetCents: lim(0, MAX_AMOUNT_CENTS, "cents"),
} as const satisfies Record<string, InputLimit>;

const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 6 });

/** "Must be a whole number from 0 to 100,000 providers" */
export function rangeMessage(l: { min: number; max: number; int?: boolean; unit?: string }): string {
  return `Must be ${l.int ? "a whole number" : "a number"} from ${fmt(l.min)} to ${fmt(l.max)}${l.unit ? ` ${l.unit}` : ""}`;
}

/** A number field within the limit; every failure (type, not finite, not whole, out of range) says the range. */
export function bounded(l: InputLimit) {
  const error = rangeMessage(l);
  return (l.int ? z.int({ error }) : z.number({ error })).min(l.min, { error }).max(l.max, { error });
}
