import type { Metadata } from "next";
import Link from "next/link";
import { Plus, Search, Upload, Waves } from "lucide-react";
import { requireUser } from "@/lib/auth/session";
import { findEngagementsForUser } from "@/lib/engagements/data";
import { EngagementListFilterSchema, ENGAGEMENT_STATUS_LABELS } from "@/lib/engagements/schema";
import { MIGRATION_TYPE_LABELS } from "@/lib/engagement-format/schema";
import { ROLE_LABELS } from "@/lib/auth/access-matrix";
import { PageHeader } from "@/components/ui/page-header";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { controlClass } from "@/components/ui/field";
import { formatDate, formatNumber } from "@/components/ui/format";
import { MigrationTypeBadge, StatusBadge } from "@/components/engagements/badges";

export const metadata: Metadata = { title: "Engagements" };

export default async function EngagementsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const filter = EngagementListFilterSchema.parse(await searchParams);
  const engagements = await findEngagementsForUser(user.id, filter);
  const isFiltered = Boolean(filter.q || filter.type || filter.status);

  return (
    <main className="mx-auto max-w-[1400px] px-4 py-8 sm:px-6">
      <PageHeader
        title="Engagements"
        description="Client migrations you are a member of. Each one holds its Phase 0 inventories, risk register, estimate and report."
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
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-ink-200/70">
          <table className="min-w-full divide-y divide-ink-100 text-sm">
            <thead className="bg-ink-50 text-left text-xs font-medium uppercase tracking-wide text-ink-500">
              <tr>
                <th scope="col" className="px-4 py-3">Client · engagement</th>
                <th scope="col" className="px-4 py-3">Type</th>
                <th scope="col" className="px-4 py-3">Source → destination</th>
                <th scope="col" className="px-4 py-3 text-right">Providers</th>
                <th scope="col" className="px-4 py-3">Start</th>
                <th scope="col" className="px-4 py-3">Status</th>
                <th scope="col" className="px-4 py-3">Your role</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-ink-100">
              {engagements.map((e) => (
                <tr key={e.id} className="hover:bg-ink-50/60">
                  <td className="px-4 py-3">
                    <Link href={`/engagements/${e.id}`} className="font-medium text-brand-700 hover:underline">{e.clientName}</Link>
                    <div className="text-ink-500">{e.name}</div>
                  </td>
                  <td className="px-4 py-3"><MigrationTypeBadge type={e.migrationType} /></td>
                  <td className="px-4 py-3 text-ink-700">{e.sourceSystem || "—"} <span className="text-ink-400">→</span> {e.destinationSystem || "—"}</td>
                  <td className="tabular px-4 py-3 text-right">{formatNumber(e.providers)}</td>
                  <td className="px-4 py-3 text-ink-700">{formatDate(e.plannedStart)}</td>
                  <td className="px-4 py-3">{e.archivedAt ? <Badge>Archived</Badge> : <StatusBadge status={e.status} />}</td>
                  <td className="px-4 py-3 text-ink-700">{ROLE_LABELS[e.myRole]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
