// Gantt bars (phases, cutover waves, go-lives) and the month-by-month cost curve of the base plan.
import { WORKSTREAMS } from "@/lib/engagement-format/schema";
import { addWeeks, monthSpans } from "./calendar";
import type { OverlapInterval } from "./license";
import { WS_COUNT, WS_INDEX, type Model } from "./model";
import type { GanttBar, MonthCost, PhaseKey } from "./types";

export const PHASE_LABELS: Record<PhaseKey, string> = {
  P0: "Phase 0 — scoping",
  P1: "Phase 1 — foundation",
  P2: "Phase 2 — pilot",
  P3: "Phase 3 — phased cutover",
  P4: "Phase 4 — decommission",
};
const PHASES: PhaseKey[] = ["P0", "P1", "P2", "P3", "P4"];
const r2 = (v: number) => Math.round(v * 100) / 100;

/** Bars for a schedule given phase durations and wave windows (weeks from the start). */
export function ganttBars(
  model: Model,
  phaseWeeks: ArrayLike<number>,
  waves: { start: number; goLive: number; end: number }[],
): GanttBar[] {
  const start = model.doc.engagement.plannedStart;
  const bars: GanttBar[] = [];
  let t = 0;
  PHASES.forEach((p, j) => {
    const d = phaseWeeks[j] as number;
    bars.push({ key: p, label: PHASE_LABELS[p], kind: "phase", phase: p, startWeek: r2(t), endWeek: r2(t + d), start: addWeeks(start, t), end: addWeeks(start, t + d) });
    t += d;
  });
  waves.forEach((w, i) => {
    const name = model.wavePlan.waves[i]?.name ?? `Wave ${i + 1}`;
    bars.push({ key: `wave.${i}`, label: name, kind: "wave", phase: "P3", startWeek: r2(w.start), endWeek: r2(w.end), start: addWeeks(start, w.start), end: addWeeks(start, w.end) });
    bars.push({ key: `go_live.${i}`, label: `${name} go-live`, kind: "go_live", phase: "P3", startWeek: r2(w.goLive), endWeek: r2(w.goLive), start: addWeeks(start, w.goLive), end: addWeeks(start, w.goLive) });
  });
  return bars;
}

/** Wave windows when P3 is stretched or shrunk proportionally from a reference plan (used for the P80 Gantt). */
export function scaleWaves(
  ref: { start: number; goLive: number; end: number }[],
  refP3Start: number,
  refP3: number,
  p3Start: number,
  p3: number,
): { start: number; goLive: number; end: number }[] {
  const k = refP3 > 0 ? p3 / refP3 : 1;
  const map = (x: number) => p3Start + (x - refP3Start) * k;
  return ref.map((w) => ({ start: map(w.start), goLive: map(w.goLive), end: map(w.end) }));
}

interface Segment {
  startWeek: number;
  endWeek: number;
  cents: number;
}

/** Month-by-month cost of the base plan: labor spread evenly within each phase, overlap as it accrues. */
export function monthlyCost(
  model: Model,
  phaseWeeks: ArrayLike<number>,
  hours: ArrayLike<number>,
  intervals: OverlapInterval[],
): MonthCost[] {
  const segments: Segment[] = [];
  const ends: number[] = [];
  let t = 0;
  for (let j = 0; j < 5; j++) {
    ends.push(t + (phaseWeeks[j] as number));
    t += phaseWeeks[j] as number;
  }
  const total = t;
  const pmIndex = WS_INDEX.project_management;
  for (let w = 0; w < WS_COUNT; w++) {
    const cents = (hours[w] as number) * (model.rates[w] as number);
    if (w === pmIndex) {
      segments.push({ startWeek: 0, endWeek: total, cents }); // PM follows the calendar
      continue;
    }
    let s = 0;
    for (let j = 0; j < 5; j++) {
      const share = model.shares[w * 5 + j] as number;
      if (share > 0) segments.push({ startWeek: s, endWeek: ends[j] as number, cents: cents * share });
      s = ends[j] as number;
    }
  }
  let s = 0;
  for (let j = 0; j < 5; j++) {
    const m = model.mitigationByBucket[j] as number;
    if (m > 0) segments.push({ startWeek: s, endWeek: ends[j] as number, cents: m });
    s = ends[j] as number;
  }
  for (const iv of intervals) segments.push({ startWeek: iv.startWeek, endWeek: iv.endWeek, cents: (iv.endWeek - iv.startWeek) * iv.centsPerWeek });
  const horizon = Math.max(total, ...segments.map((x) => x.endWeek));
  const months = monthSpans(model.doc.engagement.plannedStart, horizon);
  const out: MonthCost[] = [];
  let cumulative = 0;
  const exact = new Float64Array(months.length);
  for (const seg of segments) {
    const len = seg.endWeek - seg.startWeek;
    months.forEach((m, i) => {
      if (len <= 0) {
        if (seg.startWeek >= m.startWeek && seg.startWeek < m.endWeek) exact[i] = (exact[i] as number) + seg.cents;
        return;
      }
      const lo = Math.max(seg.startWeek, m.startWeek), hi = Math.min(seg.endWeek, m.endWeek);
      if (hi > lo) exact[i] = (exact[i] as number) + (seg.cents * (hi - lo)) / len;
    });
  }
  // round cumulatively so the months add up exactly to the rounded total
  let exactCum = 0;
  months.forEach((m, i) => {
    exactCum += exact[i] as number;
    const roundedCum = Math.round(exactCum);
    out.push({ month: m.month, costCents: roundedCum - cumulative, cumulativeCents: roundedCum });
    cumulative = roundedCum;
  });
  return out;
}

export { WORKSTREAMS };
