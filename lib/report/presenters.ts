// Small pieces of wording and chart layout shared by the report page and the PDF (pure, client + server).
import type { GanttBar } from "@/lib/estimate";
import { monthSpans } from "@/lib/estimate/calendar";
import { ROLE_LABELS, type Role } from "@/lib/auth/access-matrix";
import type { WorkflowSignOffSummary } from "@/lib/workflow-review/schema";
import { formatCount, formatShare, formatDaysDelta, formatWeeks, formatMoneyDelta, formatMoneyFull, formatMonths, formatMonthsDelta, formatReportDate, formatReportDateTime, plural } from "@/lib/report/format";
import { daysBetween, type BaselineMetric, type InventoryRow, type ReportView } from "@/lib/report/model";

export function reportTitleLine(r: ReportView): string {
  const route = r.meta.sourceSystem || r.meta.destinationSystem ? `${r.meta.sourceSystem || "current EMR"} → ${r.meta.destinationSystem || "new platform"}` : "";
  return [r.meta.migrationTypeName, route, `planned start ${formatReportDate(r.meta.plannedStart)}`].filter(Boolean).join(" · ");
}

export type GanttRow = { label: string; kind: "phase" | "wave"; indent: boolean; bar: GanttBar; goLiveWeeks: number | null };

/** Phases in order, each cutover wave (with its go-live) right under Phase 3. */
export function ganttRows(r: ReportView): GanttRow[] {
  const bars = r.timeline.bars;
  const rows: GanttRow[] = [];
  for (const phase of bars.filter((b) => b.kind === "phase")) {
    rows.push({ label: phase.label, kind: "phase", indent: false, bar: phase, goLiveWeeks: null });
    if (phase.phase === "P3") {
      bars.filter((b) => b.kind === "wave").forEach((w) => {
        const i = w.key.split(".")[1];
        const goLive = bars.find((b) => b.key === `go_live.${i}`);
        rows.push({ label: w.label, kind: "wave", indent: true, bar: w, goLiveWeeks: goLive ? goLive.startWeek : null });
      });
    }
  }
  return rows;
}

/** Month ticks for a time axis of `maxWeeks` from `start`: at most `maxTicks`, every k-th month start. */
export function ganttTicks(start: string, maxWeeks: number, maxTicks: number): { month: string; weeks: number }[] {
  const spans = monthSpans(start, maxWeeks);
  const step = Math.max(1, Math.ceil(spans.length / maxTicks));
  return spans.filter((_, i) => i % step === 0).map((m) => ({ month: m.month, weeks: m.startWeek })).filter((t) => t.weeks < maxWeeks);
}

export function signOffText(s: WorkflowSignOffSummary): string {
  const head = s.lastSignOff
    ? `Signed off ${formatReportDateTime(s.lastSignOff.at)} by ${s.lastSignOff.by} (${ROLE_LABELS[s.lastSignOff.role as Role] ?? s.lastSignOff.role}); ${s.changedSinceSignOff > 0 ? `${plural(s.changedSinceSignOff, "item")} changed since.` : "no changes since."}`
    : "The workflow inventory has not been signed off by a clinical lead yet.";
  const review = s.total === 0 ? " No workflow items yet." : ` ${formatCount(s.approved)} of ${plural(s.total, "entry", "entries")} approved, ${formatCount(s.changesRequested)} with changes requested, ${formatCount(s.notReviewed)} not reviewed${s.changedSinceApproval > 0 ? `; ${plural(s.changedSinceApproval, "approval")} out of date` : ""}.`;
  return head + review;
}

/** [measure, baseline, now, change] in words. */
export function baselineMetricText(m: BaselineMetric, currency: string): [string, string, string, string] {
  switch (m.kind) {
    case "money":
      return [m.label, formatMoneyFull(m.before as number, currency), formatMoneyFull(m.after as number, currency), formatMoneyDelta((m.after as number) - (m.before as number), currency)];
    case "months":
      return [m.label, formatMonths(m.before as number), formatMonths(m.after as number), formatMonthsDelta((m.after as number) - (m.before as number))];
    case "date":
      return [m.label, formatReportDate(m.before as string), formatReportDate(m.after as string), formatDaysDelta(daysBetween(m.before as string, m.after as string))];
    case "score": {
      const d = (m.after as number) - (m.before as number);
      return [m.label, `${m.before} of 100`, `${m.after} of 100`, d === 0 ? "no change" : `${d > 0 ? "+" : "−"}${Math.abs(d)} points`];
    }
  }
}

export function baselineIntro(b: NonNullable<ReportView["baseline"]>): string {
  const who = b.createdByName ? ` by ${b.createdByName}` : "";
  const seed = b.recomputedWithBaselineSeed ? ` Today's figures in this comparison use the baseline's seed ${b.seed}, so only the inputs differ.` : "";
  return `Compared with the baseline “${b.name}”, saved ${formatReportDateTime(b.createdAt)}${who} (seed ${b.seed}, ${formatCount(b.iterations)} iterations).${seed}`;
}

/** The entered go-live date of a wave beside the planned one: met (held to it), or how many weeks late. */
export function enteredDateNote(w: { enteredGoLive: string | null; dateHoldWeeks: number; dateMissWeeks: number | null }): string {
  if (!w.enteredGoLive) return "";
  const entered = `entered date ${formatReportDate(w.enteredGoLive)}`;
  if ((w.dateMissWeeks ?? 0) > 0) return `${entered}: ${formatWeeks(w.dateMissWeeks!)} late — the plan cannot make it`;
  return w.dateHoldWeeks > 0.05 ? `${entered}: held ${formatWeeks(w.dateHoldWeeks)} for it` : `${entered}: met`;
}

/** A wave of the cutover table (page and PDF): name, track, start, go-live, stable-by and why it moved. */
export function cutoverWaveRow(w: ReportView["cutover"]["waves"][number]): string[] {
  const note = [enteredDateNote(w), w.movedWeeks > 0 ? `moved ${formatWeeks(w.movedWeeks)} by a blackout` : "", w.buildWaitWeeks > 0.05 ? `waits ${formatWeeks(w.buildWaitWeeks)} for its build` : ""].filter(Boolean).join("; ");
  return [w.name, String(w.track), formatReportDate(w.start), formatReportDate(w.goLive), formatReportDate(w.end), note || "—"];
}

/** The "Known" cell of an inventory summary row: its input-confidence shares, e.g. "83% record count known · 76% …". */
export function inventoryKnownText(row: InventoryRow): string {
  if (!row.count) return "—";
  return row.known.map((k) => `${formatShare(k.share)} ${k.label}`).join(" · ") || "—";
}

/** Under a validation-plan table that lists only the first rows: how many there are and where the rest is. */
export function planRowsNote(shown: number, total: number, noun: string): string | null {
  if (total <= shown) return null;
  return `The first ${formatCount(shown)} of ${formatCount(total)} ${noun}. The whole plan is on the engagement's validation plan page (Profiling → Validation plan) and in its XLSX download.`;
}
