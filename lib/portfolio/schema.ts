// The portfolio (the engagements list with numbers): its row, the estimate summary it shows, sorting,
// filtering and firm totals. Pure (client + server). The estimate numbers come from stored results
// (computed once per input by the estimate pages and the job queue), never from running the Monte Carlo
// for the list: a loader hands them in, and an engagement without one shows "not computed yet".
import { z } from "zod";
import { can, type Role } from "@/lib/auth/access-matrix";
import type { EngagementDto } from "@/lib/engagements/data";

/** What the list needs from a stored estimate (the shape of lib/estimate-results' latest summary). */
export type PortfolioEstimate = {
  p50Months: number | null;
  p80Months: number | null;
  p50CostCents: number | null;
  p80CostCents: number | null;
  /** input confidence score, 0..100 */
  confidence: number | null;
  criticalFlags: { code: string; message: string }[];
  currency: string;
  computedAt: string;
  /** false when the inputs changed after it was computed */
  isCurrent: boolean;
};

/** Stored estimate summaries by engagement id; absent = not computed yet. */
export type PortfolioEstimateLoader = (engagementIds: readonly string[]) => Promise<Map<string, PortfolioEstimate>>;

export type ReviewSignals = {
  notReviewed: number;
  changesRequested: number;
  changedSinceApproval: number;
  /** workflow items added, removed or changed since the last sign-off (the sign-off page's own diff); 0 without one */
  changedSinceSignOff: number;
  lastSignOff: { at: string; by: string } | null;
};

export type PortfolioRow = Omit<EngagementDto, "version"> & {
  myRole: Role;
  memberCount: number;
  estimate: PortfolioEstimate | null;
  review: ReviewSignals;
  /** workflow items awaiting the viewer: to review (reviewers, leads) or changes to answer (consultants) */
  awaitingMe: number;
  lastActivityAt: string | null;
};

export const PORTFOLIO_SORTS = ["activity", "client", "p80_cost", "p80_months", "confidence", "awaiting", "flags"] as const;
export type PortfolioSort = (typeof PORTFOLIO_SORTS)[number];
export const PORTFOLIO_SORT_LABELS: Record<PortfolioSort, string> = {
  activity: "Last activity",
  client: "Client",
  p80_cost: "P80 cost",
  p80_months: "P80 duration",
  confidence: "Input confidence",
  awaiting: "Awaiting you",
  flags: "Critical flags",
};

export const PortfolioViewSchema = z.object({
  sort: z.enum(PORTFOLIO_SORTS).catch("activity").default("activity"),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  /** only engagements with something awaiting the viewer */
  mine: z.enum(["1"]).optional().catch(undefined),
});
export type PortfolioView = z.infer<typeof PortfolioViewSchema>;

/** The direction a column sorts in first: the biggest, most recent, most urgent on top. */
export function defaultDir(sort: PortfolioSort): "asc" | "desc" {
  return sort === "client" || sort === "confidence" ? "asc" : "desc";
}

/** Items awaiting this viewer: reviewers and leads review; consultants answer changes requested. */
export function awaitingFor(role: Role, r: ReviewSignals): number {
  if (can(role, "workflow.approve")) return r.notReviewed + r.changedSinceApproval;
  if (can(role, "workflow.comment")) return r.changesRequested;
  return 0;
}

function key(row: PortfolioRow, sort: PortfolioSort): number | string | null {
  switch (sort) {
    case "client": return row.clientName.toLocaleLowerCase("en-US");
    case "p80_cost": return row.estimate?.p80CostCents ?? null;
    case "p80_months": return row.estimate?.p80Months ?? null;
    case "confidence": return row.estimate?.confidence ?? null;
    case "awaiting": return row.awaitingMe;
    case "flags": return row.estimate ? row.estimate.criticalFlags.length : null;
    case "activity": return row.lastActivityAt ?? row.updatedAt;
  }
}

/** Sorted (rows without the value — no stored estimate — always last) and filtered. */
export function arrangePortfolio(rows: PortfolioRow[], view: PortfolioView): PortfolioRow[] {
  const dir = view.dir ?? defaultDir(view.sort);
  const sign = dir === "asc" ? 1 : -1;
  const list = view.mine ? rows.filter((r) => r.awaitingMe > 0) : [...rows];
  return list.sort((a, b) => {
    const ka = key(a, view.sort);
    const kb = key(b, view.sort);
    if (ka === null && kb === null) return a.clientName.localeCompare(b.clientName);
    if (ka === null) return 1;
    if (kb === null) return -1;
    const c = typeof ka === "string" && typeof kb === "string" ? ka.localeCompare(kb) : (ka as number) - (kb as number);
    return c !== 0 ? c * sign : a.clientName.localeCompare(b.clientName);
  });
}

export type PortfolioTotals = {
  engagements: number;
  estimated: number;
  /** P50/P80 cost summed per currency (never across currencies) */
  costByCurrency: { currency: string; p50Cents: number; p80Cents: number; engagements: number }[];
  criticalFlags: number;
  awaitingMe: number;
  withoutSignOff: number;
};

export function portfolioTotals(rows: PortfolioRow[]): PortfolioTotals {
  const byCur = new Map<string, { currency: string; p50Cents: number; p80Cents: number; engagements: number }>();
  for (const r of rows) {
    const e = r.estimate;
    if (!e || e.p50CostCents === null || e.p80CostCents === null) continue;
    const t = byCur.get(e.currency) ?? { currency: e.currency, p50Cents: 0, p80Cents: 0, engagements: 0 };
    t.p50Cents += e.p50CostCents;
    t.p80Cents += e.p80CostCents;
    t.engagements += 1;
    byCur.set(e.currency, t);
  }
  return {
    engagements: rows.length,
    estimated: rows.filter((r) => r.estimate).length,
    costByCurrency: [...byCur.values()].sort((a, b) => b.engagements - a.engagements),
    criticalFlags: rows.reduce((n, r) => n + (r.estimate?.criticalFlags.length ?? 0), 0),
    awaitingMe: rows.reduce((n, r) => n + r.awaitingMe, 0),
    withoutSignOff: rows.filter((r) => !r.review.lastSignOff).length,
  };
}
