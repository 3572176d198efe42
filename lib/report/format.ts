// Numbers for people, shared by the report page, the PDF, the exports and their tests — so the PDF says
// exactly what the page says. Pure (client + server), deterministic (UTC, en-US).
// Headlines: months with one decimal ("11.3 months"), dates like "Mar 3, 2028", money like "$2.40M".
// Tables: full figures ("$2,397,573").

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** "2028-03-03" (or an ISO date-time) → "Mar 3, 2028" (UTC). */
export function formatReportDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return "—";
  return `${MONTHS[Number(m[2]) - 1]} ${Number(m[3])}, ${m[1]}`;
}

/** "2028-03-03T14:05:09.000Z" → "Mar 3, 2028, 14:05 UTC". */
export function formatReportDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "—";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/** "2026-03" → "Mar 2026". */
export function formatMonthKey(key: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(key);
  return m ? `${MONTHS[Number(m[2]) - 1]} ${m[1]}` : key;
}

/** 11.26 → "11.3 months" (one decimal; "1.0 month"). */
export function formatMonths(months: number): string {
  const v = (Math.round(months * 10) / 10).toFixed(1);
  return `${v} ${v === "1.0" ? "month" : "months"}`;
}

/** 41.37 → "41.4 weeks". */
export function formatWeeks(weeks: number): string {
  const v = (Math.round(weeks * 10) / 10).toFixed(1);
  return `${v} ${v === "1.0" ? "week" : "weeks"}`;
}

function symbolFor(currency: string): string {
  return currency === "USD" ? "$" : currency === "EUR" ? "€" : currency === "GBP" ? "£" : `${currency} `;
}

/**
 * Headline money: 239757267 cents → "$2.40M"; 88684844 → "$887k"; 4320000 → "$43.2k"; under $1,000 in
 * whole units. Three significant digits: enough to decide, not more precise than the model.
 */
export function formatMoneyShort(cents: number, currency = "USD"): string {
  const sign = cents < 0 ? "−" : "";
  const dollars = Math.abs(cents) / 100;
  const sym = symbolFor(currency);
  if (dollars >= 999_500) return `${sign}${sym}${(dollars / 1e6).toFixed(2)}M`;
  if (dollars >= 1_000) {
    const k = dollars / 1e3;
    const digits = k >= 99.95 ? 0 : k >= 9.995 ? 1 : 2;
    return `${sign}${sym}${k.toFixed(digits)}k`;
  }
  return `${sign}${sym}${Math.round(dollars)}`;
}

/** Table money in whole units with thousands separators: 239757267 → "$2,397,573". */
export function formatMoneyFull(cents: number, currency = "USD"): string {
  const sign = cents < 0 ? "−" : "";
  const whole = Math.round(Math.abs(cents) / 100);
  return `${sign}${symbolFor(currency)}${String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`;
}

/** Rates keep their cents when they have any: 12500 → "$125", 12550 → "$125.50". */
export function formatRate(cents: number, currency = "USD"): string {
  const sym = symbolFor(currency);
  const v = cents / 100;
  return Number.isInteger(v) ? `${sym}${v.toLocaleString("en-US")}` : `${sym}${v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/**
 * A model constant's value in its unit (lib/estimate/defaults.ts units): money in the currency ("$125/h",
 * "$500/provider/month", "$200,000"), shares as percentages ("20%/year", "75% of TDEV"), factors as "× 1.2",
 * switches as on/off, anything else as the number and its unit ("6 weeks").
 */
export function formatConstantValue(value: number, unit: string, currency = "USD"): string {
  if (unit === "cents") return formatMoneyFull(value, currency);
  if (unit.startsWith("cents/")) return `${formatRate(value, currency)}${unit.slice("cents".length)}`;
  if (unit === "share" || unit.startsWith("share/") || unit.startsWith("share ")) return `${formatCount(value * 100, 2)}%${unit.slice("share".length)}`;
  if (unit === "×") return `× ${formatCount(value, 4)}`;
  if (unit === "0/1") return value ? "on" : "off";
  return `${formatCount(value, 4)} ${unit}`;
}

/** 1234.5 → "1,235"; with digits → "1,234.5". */
export function formatCount(n: number, digits = 0): string {
  return n.toLocaleString("en-US", { minimumFractionDigits: 0, maximumFractionDigits: digits });
}

/** 0.1606 → "16%"; with digits → "16.1%". */
export function formatShare(share: number, digits = 0): string {
  return `${(share * 100).toFixed(digits)}%`;
}

/** Signed difference for "what changed": +$120k, −0.4 months, no change → "no change". */
export function formatMoneyDelta(cents: number, currency = "USD"): string {
  if (Math.round(cents / 100) === 0) return "no change";
  return `${cents > 0 ? "+" : ""}${formatMoneyShort(cents, currency)}`;
}

export function formatMonthsDelta(months: number): string {
  const r = Math.round(months * 10) / 10;
  if (r === 0) return "no change";
  return `${r > 0 ? "+" : "−"}${formatMonths(Math.abs(r))}`;
}

export function formatDaysDelta(days: number): string {
  if (days === 0) return "no change";
  const abs = Math.abs(days);
  const text = abs >= 14 ? formatWeeks(abs / 7) : `${abs} ${abs === 1 ? "day" : "days"}`;
  return `${days > 0 ? "+" : "−"}${text}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** "a, b and c" */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
