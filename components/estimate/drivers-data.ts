// What the estimate page sends its tornado (components/estimate/drivers-section.tsx, a client component):
// the bars it draws, with the fields it uses. Server-side (and client-safe) so the page can trim before
// the props are serialized into the HTML and the RSC payload.
import type { TornadoBar } from "@/lib/estimate";

/** Bars the tornado draws: the largest swings (the engine sorts them, largest first). */
export const TORNADO_BARS = 12;

/** What the chart draws of one bar. */
export type DriverBar = Pick<TornadoBar, "label" | "low" | "high" | "lowLabel" | "highLabel">;

export function tornadoBars(bars: readonly TornadoBar[]): DriverBar[] {
  return bars.slice(0, TORNADO_BARS).map(({ label, low, high, lowLabel, highLabel }) => ({ label, low, high, lowLabel, highLabel }));
}
