// The portfolio: firm totals and one row per engagement with its P50/P80 duration and cost (from stored
// estimates; "not computed yet" otherwise), input confidence, sign-off state, open critical flags, what
// awaits the viewer and the last activity. Sorting is by links (each order has its own URL); on a phone
// each engagement is a card. Presentational: data in props.
import Link from "@/components/ui/link";
import { ArrowDown, ArrowUp } from "lucide-react";
import { ROLE_LABELS } from "@/lib/auth/access-matrix";
import { defaultDir, PORTFOLIO_SORT_LABELS, type PortfolioRow, type PortfolioSort, type PortfolioTotals, type PortfolioView } from "@/lib/portfolio/schema";
import { formatMoneyShort, formatMonths } from "@/lib/report/format";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { readConfidence } from "@/lib/estimates/confidence";
import { formatDate, formatDateTime, formatNumber } from "@/components/ui/format";
import { MigrationTypeBadge, StatusBadge } from "@/components/engagements/badges";
import { ScrollRegion } from "@/components/ui/scroll-region";

type Href = (params: Partial<PortfolioView>) => string;

function Estimate({ row, which }: { row: PortfolioRow; which: "months" | "cost" }) {
  const e = row.estimate;
  if (!e) return <span className="text-ink-600">Not computed yet</span>;
  const p50 = which === "months" ? (e.p50Months === null ? "—" : formatMonths(e.p50Months)) : e.p50CostCents === null ? "—" : formatMoneyShort(e.p50CostCents, e.currency);
  const p80 = which === "months" ? (e.p80Months === null ? "—" : formatMonths(e.p80Months)) : e.p80CostCents === null ? "—" : formatMoneyShort(e.p80CostCents, e.currency);
  return (
    <span className="block whitespace-nowrap">
      <span className="font-semibold text-ink-900">{p80}</span> <span className="text-xs text-ink-600">P80</span>
      <span className="block text-xs text-ink-600">{p50} P50</span>
    </span>
  );
}

function Confidence({ row }: { row: PortfolioRow }) {
  const v = row.estimate?.confidence;
  if (v === null || v === undefined) return <span className="text-ink-600">—</span>;
  // the same reading as the estimate, overview and report: never "High" without a clinical sign-off
  const r = readConfidence(Math.round(v), { signedOff: row.review.lastSignOff !== null, changedSinceSignOff: row.review.changedSinceSignOff });
  return (
    <span className={cn("tabular font-medium", r.level === "High" ? "text-emerald-800" : r.level === "Moderate" ? "text-amber-800" : "text-red-800")} title={r.reason ? `Moderate: ${r.reason}` : undefined}>
      {r.score} / 100 <span className="block text-xs font-normal">{r.level}</span>
    </span>
  );
}

function SignOff({ row }: { row: PortfolioRow }) {
  const s = row.review.lastSignOff;
  if (!s) return <span className="text-ink-600">Not signed off</span>;
  return (
    <span className="text-ink-800">
      Signed off {formatDate(s.at)}
      {row.review.changedSinceSignOff > 0 ? <span className="block text-xs text-amber-800">{formatNumber(row.review.changedSinceSignOff)} changed since sign-off</span> : null}
      {row.review.changedSinceApproval > 0 ? <span className="block text-xs text-amber-800">{formatNumber(row.review.changedSinceApproval)} changed since approval</span> : null}
    </span>
  );
}

function Flags({ row }: { row: PortfolioRow }) {
  if (!row.estimate) return <span className="text-ink-600">—</span>;
  const n = row.estimate.criticalFlags.length;
  if (n === 0) return <span className="text-ink-600">None</span>;
  return (
    <span title={row.estimate.criticalFlags.map((f) => f.message).join("\n")}>
      <Badge tone="red" className="whitespace-nowrap">{formatNumber(n)} critical</Badge>
    </span>
  );
}

function Awaiting({ row, reviewHref }: { row: PortfolioRow; reviewHref: string }) {
  if (row.awaitingMe === 0) return <span className="text-ink-600">Nothing</span>;
  return (
    <Link href={reviewHref} className="font-medium whitespace-nowrap text-brand-700 underline hover:text-brand-900">
      {formatNumber(row.awaitingMe)} {row.myRole === "consultant" ? "to answer" : "to review"}
    </Link>
  );
}

function reviewHrefFor(row: PortfolioRow) {
  const status = row.myRole === "consultant" ? "changes_requested" : "needs_me";
  return `/engagements/${row.id}/workflows/review?status=${status}`;
}

function SortHeader({ sort, view, href, className }: { sort: PortfolioSort; view: PortfolioView; href: Href; className?: string }) {
  const active = view.sort === sort;
  const dir = view.dir ?? defaultDir(view.sort);
  const next = active ? (dir === "asc" ? "desc" : "asc") : defaultDir(sort);
  return (
    <th scope="col" className={cn("px-3 py-3", className)} aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={href({ sort, dir: next === defaultDir(sort) ? undefined : next })} className="inline-flex items-center gap-1 hover:text-ink-900">
        {PORTFOLIO_SORT_LABELS[sort]}
        {active ? dir === "asc" ? <ArrowUp className="size-3.5" aria-hidden /> : <ArrowDown className="size-3.5" aria-hidden /> : null}
      </Link>
    </th>
  );
}

export function PortfolioTotalsBar({ totals }: { totals: PortfolioTotals }) {
  const items: [string, string, string?][] = [
    ["Engagements", formatNumber(totals.engagements), `${formatNumber(totals.estimated)} with a stored estimate`],
    ...totals.costByCurrency.map((c): [string, string, string] => [`P80 cost (${c.currency})`, formatMoneyShort(c.p80Cents, c.currency), `P50 ${formatMoneyShort(c.p50Cents, c.currency)} · ${formatNumber(c.engagements)} engagement${c.engagements === 1 ? "" : "s"}`]),
    ["Awaiting you", formatNumber(totals.awaitingMe), "workflow items to review or answer"],
    ["Critical flags", formatNumber(totals.criticalFlags), "open in stored estimates"],
    ["Not signed off", formatNumber(totals.withoutSignOff), "workflow inventories"],
  ];
  return (
    <section aria-label="Firm totals" className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
      {items.map(([label, value, sub]) => (
        <div key={label} className="rounded-lg bg-white p-3 shadow-sm ring-1 ring-ink-200/70">
          <div className="text-xs font-medium text-ink-600">{label}</div>
          <div className="tabular mt-0.5 text-xl font-semibold text-ink-900" data-testid={`total-${label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`}>{value}</div>
          {sub ? <div className="text-xs text-ink-600">{sub}</div> : null}
        </div>
      ))}
    </section>
  );
}

export function PortfolioTable({ rows, view, href }: { rows: PortfolioRow[]; view: PortfolioView; href: Href }) {
  return (
    <>
      {/* phone: one card per engagement */}
      <ul className="space-y-3 md:hidden" aria-label="Engagements">
        {rows.map((r) => (
          <li key={r.id} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-ink-200/70">
            <Link href={`/engagements/${r.id}`} className="font-medium text-brand-700 underline">{r.clientName}</Link>
            <div className="text-sm text-ink-600">{r.name} · {ROLE_LABELS[r.myRole]}</div>
            <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
              <div><dt className="text-xs text-ink-600">Duration</dt><dd><Estimate row={r} which="months" /></dd></div>
              <div><dt className="text-xs text-ink-600">Cost</dt><dd><Estimate row={r} which="cost" /></dd></div>
              <div><dt className="text-xs text-ink-600">Awaiting you</dt><dd><Awaiting row={r} reviewHref={reviewHrefFor(r)} /></dd></div>
              <div><dt className="text-xs text-ink-600">Critical flags</dt><dd><Flags row={r} /></dd></div>
              <div><dt className="text-xs text-ink-600">Sign-off</dt><dd><SignOff row={r} /></dd></div>
              <div><dt className="text-xs text-ink-600">Last activity</dt><dd>{r.lastActivityAt ? formatDate(r.lastActivityAt) : "—"}</dd></div>
            </dl>
          </li>
        ))}
      </ul>

      <ScrollRegion label="Engagements" className="hidden rounded-lg bg-white shadow-sm ring-1 ring-ink-200/70 md:block">
        <table className="min-w-full divide-y divide-ink-100 text-sm">
          <caption className="sr-only">Engagements with their estimates, review state and activity; column headers sort</caption>
          <thead className="bg-ink-50 text-left text-xs font-medium tracking-wide text-ink-600 uppercase">
            <tr>
              <SortHeader sort="client" view={view} href={href} />
              <th scope="col" className="px-3 py-3">Type · status</th>
              <SortHeader sort="p80_months" view={view} href={href} />
              <SortHeader sort="p80_cost" view={view} href={href} />
              <SortHeader sort="confidence" view={view} href={href} />
              <th scope="col" className="px-3 py-3">Sign-off</th>
              <SortHeader sort="flags" view={view} href={href} />
              <SortHeader sort="awaiting" view={view} href={href} />
              <SortHeader sort="activity" view={view} href={href} />
            </tr>
          </thead>
          <tbody className="divide-y divide-ink-100">
            {rows.map((r) => (
              <tr key={r.id} className="align-top hover:bg-ink-50/60" data-testid="portfolio-row">
                <td className="px-3 py-3">
                  <Link href={`/engagements/${r.id}`} className="font-medium text-brand-700 hover:underline">{r.clientName}</Link>
                  <div className="text-ink-600">{r.name}</div>
                  <div className="text-xs text-ink-600">{ROLE_LABELS[r.myRole]} · {formatNumber(r.providers)} providers</div>
                </td>
                <td className="space-y-1 px-3 py-3">
                  <MigrationTypeBadge type={r.migrationType} />
                  <div>{r.archivedAt ? <Badge>Archived</Badge> : <StatusBadge status={r.status} />}</div>
                </td>
                <td className="tabular px-3 py-3"><Estimate row={r} which="months" /></td>
                <td className="tabular px-3 py-3"><Estimate row={r} which="cost" />{r.estimate && !r.estimate.isCurrent ? <span className="block text-xs text-amber-800">inputs changed since</span> : null}</td>
                <td className="px-3 py-3"><Confidence row={r} /></td>
                <td className="px-3 py-3"><SignOff row={r} /></td>
                <td className="px-3 py-3"><Flags row={r} /></td>
                <td className="px-3 py-3"><Awaiting row={r} reviewHref={reviewHrefFor(r)} /></td>
                <td className="px-3 py-3 whitespace-nowrap text-ink-700">{r.lastActivityAt ? <time dateTime={r.lastActivityAt} title={formatDateTime(r.lastActivityAt)}>{formatDate(r.lastActivityAt)}</time> : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
