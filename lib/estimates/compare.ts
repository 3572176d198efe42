// What changed between two estimates (a baseline → now): headline numbers, each phase, each cost line,
// each workstream's hours and the honesty flags — with deltas and plain-words sentences. Pure; shared
// by the baselines page and the executive report. Inputs are full engine outputs (`Estimate`); for a
// viewer without rates.view, pass the result through `redactComparison`.
import type { Estimate, HonestyFlag } from "@/lib/estimate";

export type MetricUnit = "months" | "weeks" | "cents" | "hours" | "share" | "score" | "date";

export type MetricChange = {
  key: string;
  label: string;
  unit: MetricUnit;
  before: number | string | null;
  after: number | string | null;
  /** after − before (days for dates); null when either side is missing */
  delta: number | null;
  /** relative change (0.1 = +10%); null when before is 0 or missing */
  deltaRatio: number | null;
};

export type FlagChange = { code: string; key: string; before: HonestyFlag | null; after: HonestyFlag | null };

export type EstimateComparison = {
  headline: MetricChange[];
  phases: MetricChange[];
  costLines: MetricChange[];
  workstreamHours: MetricChange[];
  flags: { added: HonestyFlag[]; removed: HonestyFlag[]; changed: FlagChange[]; unchanged: number };
  run: {
    sameSeed: boolean;
    sameIterations: boolean;
    sameEngineVersion: boolean;
    before: Estimate["run"] & { engineVersion: string };
    after: Estimate["run"] & { engineVersion: string };
  };
  /** plain-words sentences, most important first */
  summary: string[];
};

const r2 = (v: number) => Math.round(v * 100) / 100;

function dayNumber(iso: string): number {
  return Math.round(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000);
}

/** ISO date `weeks` after `start` (whole days, UTC) — the engine's calendar rule. */
export function addWeeksIso(start: string, weeks: number): string {
  const d = new Date((dayNumber(start) + Math.round(weeks * 7)) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

export function metric(key: string, label: string, unit: MetricUnit, before: number | string | null | undefined, after: number | string | null | undefined): MetricChange {
  const b = before ?? null;
  const a = after ?? null;
  let delta: number | null = null;
  let deltaRatio: number | null = null;
  if (typeof a === "number" && typeof b === "number") {
    delta = unit === "cents" || unit === "hours" ? Math.round(a - b) : r2(a - b);
    deltaRatio = b !== 0 ? Math.round(((a - b) / Math.abs(b)) * 1e4) / 1e4 : null;
  } else if (unit === "date" && typeof a === "string" && typeof b === "string") {
    delta = dayNumber(a) - dayNumber(b);
  }
  return { key, label, unit, before: b, after: a, delta, deltaRatio };
}

const P = (d: { percentiles: Record<string, number> } | undefined, p: string) => d?.percentiles[p] ?? null;

function headline(e: Estimate) {
  const start = e.input.plannedStart;
  const goLive = (p: string) => {
    const w = P(e.duration.finalGoLiveWeeks, p);
    return w === null ? null : addWeeksIso(start, w);
  };
  const end = (p: string) => {
    const w = P(e.duration.totalWeeks, p);
    return w === null ? null : addWeeksIso(start, w);
  };
  return {
    p50Months: P(e.duration.totalMonths, "P50"),
    p80Months: P(e.duration.totalMonths, "P80"),
    p50GoLive: goLive("P50"),
    p80GoLive: goLive("P80"),
    p50End: end("P50"),
    p80End: end("P80"),
    p50Cost: P(e.cost.totalCents, "P50"),
    p80Cost: P(e.cost.totalCents, "P80"),
    baseCost: e.basePlan.totalCostCents,
    contingency: e.contingency.costCents,
    overlapP50: e.licenseOverlap.band.p50,
    overlapShare: e.licenseOverlap.shareOfTotalCostP50,
    hours: P(e.effort.totalHours, "P50"),
    confidence: e.inputConfidence.score,
    waves: e.waves.waves.length,
  };
}

const flagKey = (f: HonestyFlag) => (f.code === "CONSTANT_OVERRIDE_ISSUE" ? `${f.code}:${String(f.data.key ?? "")}` : f.code);

export function compareFlags(before: HonestyFlag[], after: HonestyFlag[]): EstimateComparison["flags"] {
  const b = new Map(before.map((f) => [flagKey(f), f]));
  const a = new Map(after.map((f) => [flagKey(f), f]));
  const added = after.filter((f) => !b.has(flagKey(f)));
  const removed = before.filter((f) => !a.has(flagKey(f)));
  const changed: FlagChange[] = [];
  let unchanged = 0;
  for (const [key, fa] of a) {
    const fb = b.get(key);
    if (!fb) continue;
    if (fb.severity !== fa.severity || fb.message !== fa.message) changed.push({ code: fa.code, key, before: fb, after: fa });
    else unchanged++;
  }
  return { added, removed, changed, unchanged };
}

const fmtMonths = (v: number) => `${v.toFixed(1)} months`;
const fmtMoney = (cents: number, currency: string) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency, notation: Math.abs(cents) >= 100_000_000 ? "compact" : "standard", maximumFractionDigits: Math.abs(cents) >= 100_000_000 ? 2 : 0 }).format(cents / 100);
const fmtDate = (iso: string) => new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
const signed = (text: string, delta: number) => (delta > 0 ? `+${text}` : delta < 0 ? `−${text.replace(/^-/, "")}` : text);

/** One sentence for a metric change, or null when it did not change. */
export function describeMetric(m: MetricChange, currency = "USD"): string | null {
  if (m.delta === 0 || (m.before === m.after && m.before !== null)) return null;
  if (m.before === null || m.after === null) {
    if (m.before === m.after) return null;
    return m.before === null ? `${m.label} is new: ${format(m, m.after, currency)}.` : `${m.label} is no longer computed (was ${format(m, m.before, currency)}).`;
  }
  const d = m.delta ?? 0;
  const from = format(m, m.before, currency);
  const to = format(m, m.after, currency);
  if (m.unit === "date") return `${m.label} moved ${d > 0 ? "later" : "earlier"}, from ${from} to ${to} (${signed(`${Math.abs(d)} days`, d)}).`;
  const parts = [m.unit === "cents" ? signed(fmtMoney(Math.abs(d), currency), d) : m.unit === "share" ? signed(`${(Math.abs(d) * 100).toFixed(1)} points`, d) : signed(format(m, Math.abs(d), currency), d)];
  if (m.deltaRatio !== null && m.unit !== "share" && m.unit !== "score") parts.push(signed(`${Math.abs(Math.round(m.deltaRatio * 1000) / 10)}%`, d));
  return `${m.label} ${d > 0 ? "rose" : "fell"} from ${from} to ${to} (${parts.join(", ")}).`;
}

function format(m: MetricChange, v: number | string | null, currency: string): string {
  if (v === null) return "—";
  if (typeof v === "string") return m.unit === "date" ? fmtDate(v) : v;
  switch (m.unit) {
    case "months":
      return fmtMonths(v);
    case "weeks":
      return `${v.toFixed(1)} weeks`;
    case "cents":
      return fmtMoney(v, currency);
    case "hours":
      return `${Math.round(v).toLocaleString("en-US")} hours`;
    case "share":
      return `${(v * 100).toFixed(1)}%`;
    case "score":
      return `${Math.round(v)}/100`;
    default:
      return String(v);
  }
}

/** Compare `before` (e.g. a baseline) with `after` (e.g. the current estimate). */
export function compareEstimates(before: Estimate, after: Estimate): EstimateComparison {
  const hb = headline(before);
  const ha = headline(after);
  const head: MetricChange[] = [
    metric("p50Months", "P50 duration", "months", hb.p50Months, ha.p50Months),
    metric("p80Months", "P80 duration", "months", hb.p80Months, ha.p80Months),
    metric("p50GoLive", "P50 final go-live", "date", hb.p50GoLive, ha.p50GoLive),
    metric("p80GoLive", "P80 final go-live", "date", hb.p80GoLive, ha.p80GoLive),
    metric("p50End", "P50 completion", "date", hb.p50End, ha.p50End),
    metric("p80End", "P80 completion", "date", hb.p80End, ha.p80End),
    metric("p50Cost", "P50 cost", "cents", hb.p50Cost, ha.p50Cost),
    metric("p80Cost", "P80 cost", "cents", hb.p80Cost, ha.p80Cost),
    metric("baseCost", "Base-plan cost", "cents", hb.baseCost, ha.baseCost),
    metric("contingency", "Cost contingency (P80 − base)", "cents", hb.contingency, ha.contingency),
    metric("overlapP50", "License overlap (P50)", "cents", hb.overlapP50, ha.overlapP50),
    metric("overlapShare", "License overlap share of P50 cost", "share", hb.overlapShare, ha.overlapShare),
    metric("hours", "Effort (P50)", "hours", hb.hours, ha.hours),
    metric("confidence", "Input confidence", "score", hb.confidence, ha.confidence),
    metric("waves", "Cutover waves", "score", hb.waves, ha.waves),
  ];
  const phases = (["P0", "P1", "P2", "P3", "P4"] as const).map((p) =>
    metric(`phase.${p}`, after.duration.phases[p]?.label ?? before.duration.phases[p]?.label ?? p, "weeks", P(before.duration.phases[p], "P50"), P(after.duration.phases[p], "P50")),
  );
  const lineKeys = [...new Set([...Object.keys(before.cost.lines), ...Object.keys(after.cost.lines)])] as (keyof Estimate["cost"]["lines"])[];
  const costLines = lineKeys.map((k) => metric(`cost.${k}`, after.cost.lines[k]?.label ?? before.cost.lines[k]?.label ?? k, "cents", P(before.cost.lines[k], "P50"), P(after.cost.lines[k], "P50")));
  const wsKeys = [...new Set([...Object.keys(before.effort.workstreams), ...Object.keys(after.effort.workstreams)])] as (keyof Estimate["effort"]["workstreams"])[];
  const workstreamHours = wsKeys.map((k) => metric(`hours.${k}`, after.effort.workstreams[k]?.label ?? before.effort.workstreams[k]?.label ?? k, "hours", P(before.effort.workstreams[k], "P50"), P(after.effort.workstreams[k], "P50")));
  const flags = compareFlags(before.flags, after.flags);

  const currency = after.input.currency;
  const summary: string[] = [];
  for (const key of ["p50Months", "p80Months", "p50GoLive", "p50Cost", "p80Cost", "overlapP50", "confidence"]) {
    const s = describeMetric(head.find((m) => m.key === key) as MetricChange, currency);
    if (s) summary.push(s);
  }
  // the phases and cost lines that moved most
  const moved = [...phases].filter((m) => (m.delta ?? 0) !== 0).sort((x, y) => Math.abs(y.delta ?? 0) - Math.abs(x.delta ?? 0));
  for (const m of moved.slice(0, 2)) if (Math.abs(m.delta ?? 0) >= 0.5) summary.push(describeMetric(m, currency) as string);
  const movedLines = costLines.filter((m) => (m.delta ?? 0) !== 0).sort((x, y) => Math.abs(y.delta ?? 0) - Math.abs(x.delta ?? 0));
  for (const m of movedLines.slice(0, 3)) if (Math.abs(m.deltaRatio ?? 1) >= 0.01) summary.push(describeMetric(m, currency) as string);
  for (const f of flags.added) summary.push(`New warning: ${f.message}`);
  for (const f of flags.removed) summary.push(`No longer flagged: ${f.message}`);
  if (summary.length === 0) summary.push("No headline number changed.");

  return {
    headline: head,
    phases,
    costLines,
    workstreamHours,
    flags,
    run: {
      sameSeed: before.run.seed === after.run.seed,
      sameIterations: before.run.iterations === after.run.iterations,
      sameEngineVersion: before.engine.version === after.engine.version,
      before: { ...before.run, engineVersion: before.engine.version },
      after: { ...after.run, engineVersion: after.engine.version },
    },
    summary,
  };
}

/** The comparison for a viewer without rates.view: per-workstream labor cost lines removed (cost ÷ hours = rate). */
export function redactComparison(c: EstimateComparison): EstimateComparison {
  const isLabor = (m: MetricChange) => m.key.startsWith("cost.labor.");
  const labels = new Set(c.costLines.filter(isLabor).map((m) => m.label));
  return {
    ...c,
    costLines: c.costLines.filter((m) => !isLabor(m)),
    summary: c.summary.filter((s) => ![...labels].some((l) => s.startsWith(l))),
  };
}
