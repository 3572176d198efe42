// Deterministic UTC calendar arithmetic on ISO dates (YYYY-MM-DD), with no Date object at all:
// civil-date ↔ day-number conversion (Howard Hinnant's algorithms, proleptic Gregorian).

/** Average weeks per calendar month: 365.25 / 12 / 7. */
export const WEEKS_PER_MONTH = 365.25 / 12 / 7;
export const DAYS_PER_WEEK = 7;

/** Days since 1970-01-01 of a civil date. */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of a day number (days since 1970-01-01). */
export function civilFromDays(z0: number): { y: number; m: number; d: number } {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function parseIsoDate(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) throw new Error(`Not an ISO date: ${iso}`);
  return daysFromCivil(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function formatIsoDate(days: number): string {
  const { y, m, d } = civilFromDays(days);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** ISO date `weeks` after `startIso` (rounded to whole days). */
export function addWeeks(startIso: string, weeks: number): string {
  return formatIsoDate(parseIsoDate(startIso) + Math.round(weeks * DAYS_PER_WEEK));
}

/** Weeks from `startIso` to `iso` (may be negative). */
export function weeksBetween(startIso: string, iso: string): number {
  return (parseIsoDate(iso) - parseIsoDate(startIso)) / DAYS_PER_WEEK;
}

/** Calendar months covering [startWeek, endWeek) after startIso: key "YYYY-MM" and the week span of each. */
export function monthSpans(startIso: string, endWeek: number): { month: string; startWeek: number; endWeek: number }[] {
  const day0 = parseIsoDate(startIso);
  const endDay = day0 + Math.ceil(endWeek * DAYS_PER_WEEK);
  let { y, m } = civilFromDays(day0);
  const out: { month: string; startWeek: number; endWeek: number }[] = [];
  for (;;) {
    const first = daysFromCivil(y, m, 1);
    if (first >= endDay && out.length > 0) break;
    const ny = m === 12 ? y + 1 : y;
    const nm = m === 12 ? 1 : m + 1;
    const next = daysFromCivil(ny, nm, 1);
    out.push({
      month: `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`,
      startWeek: Math.max(0, (first - day0) / DAYS_PER_WEEK),
      endWeek: (next - day0) / DAYS_PER_WEEK,
    });
    if (next >= endDay) break;
    y = ny;
    m = nm;
  }
  return out;
}
