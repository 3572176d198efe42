import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { Plus, Search, Upload, Waves } from "lucide-react";
import { requireUser } from "@/lib/auth/session";
import { findPortfolio, loadStoredEstimates } from "@/lib/portfolio/data";
import { arrangePortfolio, portfolioTotals, PortfolioViewSchema, type PortfolioView } from "@/lib/portfolio/schema";
import { PortfolioTable, PortfolioTotalsBar } from "@/components/engagements/portfolio";
import { EngagementListFilterSchema, ENGAGEMENT_STATUS_LABELS } from "@/lib/engagements/schema";
import { MIGRATION_TYPE_LABELS } from "@/lib/engagement-format/schema";
import { PageHeader } from "@/components/ui/page-header";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { controlClass } from "@/components/ui/field";

export const metadata: Metadata = { title: "Engagements" };

export default async function EngagementsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const filter = EngagementListFilterSchema.parse(await searchParams);
  const sp = await searchParams;
  const view = PortfolioViewSchema.parse(sp);
  const engagements = await findPortfolio(user.id, filter, loadStoredEstimates);
  const rows = arrangePortfolio(engagements, view);
  const isFiltered = Boolean(filter.q || filter.type || filter.status);
  /** this page's URL with the filters kept and the sort/"awaiting me" changed */
  const href = (next: Partial<PortfolioView>) => {
    const q = new URLSearchParams();
    const merged = { ...filter, ...view, ...next };
    for (const k of ["q", "type", "status", "sort", "dir", "mine"] as const) {
      const v = merged[k];
      if (v && !(k === "sort" && v === "activity")) q.set(k, v);
    }
    const s = q.toString();
    return s ? `/engagements?${s}` : "/engagements";
  };

  return (
    <main id="main-content" tabIndex={-1} className="focus:outline-none mx-auto max-w-[1400px] px-4 py-8 sm:px-6">
      <PageHeader
        title="Engagements"
        description="Your portfolio: each engagement's P80 (to commit to) and P50 duration and cost, how sure the inputs are, the clinical sign-off, open critical flags and what awaits you."
        actions={
          <>
            <ButtonLink href="/engagements/import" variant="secondary"><Upload className="size-4" aria-hidden /> Import engagement</ButtonLink>
            <ButtonLink href="/engagements/new"><Plus className="size-4" aria-hidden /> New engagement</ButtonLink>
          </>
        }
      />

      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg bg-white p-3 shadow-sm ring-1 ring-ink-200/70" role="search">
        <div className="min-w-60 flex-1">
          <label htmlFor="q" className="sr-only">Search</label>
          <div className="relative">
            <Search className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-ink-400" aria-hidden />
            <input id="q" name="q" defaultValue={filter.q ?? ""} placeholder="Search client, engagement or system" className={`${controlClass} pl-8`} />
          </div>
        </div>
        <div>
          <label htmlFor="type" className="sr-only">Migration type</label>
          <select id="type" name="type" defaultValue={filter.type ?? ""} className={controlClass}>
            <option value="">All types</option>
            {(["A", "B", "C"] as const).map((t) => <option key={t} value={t}>{MIGRATION_TYPE_LABELS[t].name}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="status" className="sr-only">Status</label>
          <select id="status" name="status" defaultValue={filter.status ?? ""} className={controlClass}>
            <option value="">All open statuses</option>
            {Object.entries(ENGAGEMENT_STATUS_LABELS).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
            <option value="archived">Archived</option>
          </select>
        </div>
        <label className="flex items-center gap-2 text-sm text-ink-800">
          <input type="checkbox" name="mine" value="1" defaultChecked={view.mine === "1"} className="size-4 rounded border-ink-300" />
          Only what awaits me
        </label>
        {view.sort !== "activity" ? <input type="hidden" name="sort" value={view.sort} /> : null}
        {view.dir ? <input type="hidden" name="dir" value={view.dir} /> : null}
        <button type="submit" className={buttonClass("secondary")}>Apply</button>
        {isFiltered ? <Link href="/engagements" className="text-sm text-brand-700 hover:underline">Clear</Link> : null}
      </form>

      {engagements.length === 0 ? (
        isFiltered ? (
          <EmptyState title="No engagements match" icon={<Search className="size-8" />}>Try another search term or clear the filters.</EmptyState>
        ) : (
          <EmptyState
            title="No engagements yet"
            icon={<Waves className="size-8" />}
            actions={<ButtonLink href="/engagements/new"><Plus className="size-4" aria-hidden /> Create your first engagement</ButtonLink>}
          >
            Create an engagement for a client, then fill its inventories by hand or by importing the spreadsheets you
            collect during scoping. Engagements other people create appear here once they add you as a member.
          </EmptyState>
        )
      ) : (
        <>
          <PortfolioTotalsBar totals={portfolioTotals(engagements)} />
          {rows.length === 0 ? (
            <EmptyState title="Nothing awaits you" icon={<Search className="size-8" />}>No workflow item waits for your review or your answer. <Link className="text-brand-700 underline" href={href({ mine: undefined })}>Show all engagements</Link></EmptyState>
          ) : (
            <PortfolioTable rows={rows} view={view} href={href} />
          )}
        </>
      )}
    </main>
  );
}
