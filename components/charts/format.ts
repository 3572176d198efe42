// Axis and tooltip formatting for the charts (client + server): money in cents, months, calendar dates
// counted in weeks from a planned start (UTC, whole days — the engine's calendar rule).
const DAY = 86_400_000;

export function weeksToIsoDate(startIso: string, weeks: number): string {
  const start = Date.UTC(Number(startIso.slice(0, 4)), Number(startIso.slice(5, 7)) - 1, Number(startIso.slice(8, 10)));
  return new Date(start + Math.round(weeks * 7) * DAY).toISOString().slice(0, 10);
}

export function shortMonth(iso: string): string {
  return new Intl.DateTimeFormat("en-US", { month: "short", year: "2-digit", timeZone: "UTC" }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)).replace(" ", " ’");
}

export function longDate(iso: string): string {
  return new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

/** Week offsets of month starts after `startIso`, every `step` months, so an axis gets at most ~`max` ticks. */
export function monthTicks(startIso: string, maxWeeks: number, max = 9): number[] {
  const start = Date.UTC(Number(startIso.slice(0, 4)), Number(startIso.slice(5, 7)) - 1, Number(startIso.slice(8, 10)));
  const firsts: number[] = [];
  const d = new Date(start);
  let y = d.getUTCFullYear();
  let m = d.getUTCMonth();
  for (;;) {
    const t = Date.UTC(y, m, 1);
    const w = (t - start) / DAY / 7;
    if (w > maxWeeks) break;
    if (w >= 0) firsts.push(w);
    m++;
    if (m === 12) {
      m = 0;
      y++;
    }
  }
  const steps = [1, 2, 3, 4, 6, 12];
  const step = steps.find((s) => Math.ceil(firsts.length / s) <= max) ?? 12;
  return firsts.filter((_, i) => i % step === 0);
}

export function moneyCompact(cents: number, currency = "USD"): string {
  const abs = Math.abs(cents / 100);
  return new Intl.NumberFormat("en-US", { style: "currency", currency, notation: abs >= 10_000 ? "compact" : "standard", maximumFractionDigits: abs >= 1_000_000 ? 2 : abs >= 10_000 ? 0 : 0 }).format(cents / 100);
}

/** Round ticks (steps of 1, 2, 2.5 or 5 × 10^k) covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0];
  if (hi <= lo) hi = lo + 1;
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * mag).find((x) => x >= raw) ?? 10 * mag) as number;
  const start = Math.floor(lo / step) * step;
  const end = Math.ceil(hi / step) * step;
  const out: number[] = [];
  for (let v = start; v <= end + step / 2; v += step) out.push(Math.round(v / step) * step);
  return out;
}

export function moneyFull(cents: number, currency = "USD"): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 }).format(cents / 100);
}

export function months(v: number, digits = 1): string {
  return `${v.toFixed(digits)} mo`;
}

export function percent(share: number, digits = 0): string {
  return `${(share * 100).toFixed(digits)}%`;
}

export function hours(v: number): string {
  return `${Math.round(v).toLocaleString("en-US")} h`;
}

/** Chart colours (brand palette + a warm accent for P80/risk). */
export const CHART_COLORS = {
  base: "#1f79b3",
  waveBase: "#4f9bcc",
  baseLight: "#acd3eb",
  p80: "#d97706",
  p80Light: "#fcd9a5",
  ink: "#364152",
  grid: "#e5e8ee",
  muted: "#8590a2",
  good: "#059669",
  bad: "#dc2626",
  series: ["#1f79b3", "#0ea5a0", "#7c5cc4", "#d97706", "#dc5a78", "#5b8c2a", "#8590a2", "#104a72", "#c2410c", "#0891b2"],
} as const;

export type ValueUnit = "months" | "weeks" | "money" | "hours" | "percent";

/** A value label on a bar or a marker: one decimal for months, compact money. */
export function labelFor(unit: ValueUnit, currency = "USD"): (v: number) => string {
  if (unit === "months") return (v) => `${v.toFixed(1)} mo`;
  return formatterFor(unit, currency, "tick");
}

/** A formatter for a unit, chosen on the client (functions cannot be passed from server components). */
export function formatterFor(unit: ValueUnit, currency = "USD", style: "tick" | "full" = "full"): (v: number) => string {
  switch (unit) {
    case "months":
      return (v) => (style === "tick" ? `${Number.isInteger(Math.round(v * 1e6) / 1e6) ? Math.round(v) : v.toFixed(1)} mo` : `${v.toFixed(1)} months`);
    case "weeks":
      return (v) => `${v.toFixed(1)} wk`;
    case "money":
      return (v) => (style === "tick" ? moneyCompact(v, currency) : moneyFull(v, currency));
    case "hours":
      return (v) => hours(v);
    case "percent":
      return (v) => percent(v, style === "tick" ? 0 : 1);
  }
}
