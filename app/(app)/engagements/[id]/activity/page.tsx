// /engagements/[id]/activity — the audit log in words, filtered by person, kind of activity and dates (a
// plain GET form: the filters live in the URL), with the filtered entries as CSV.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { Download, History } from "lucide-react";
import { requirePageAccess } from "@/lib/auth/session";
import { findAuditActors, findAuditEvents } from "@/lib/audit/data";
import { ACTIVITY_KIND_KEYS, ACTIVITY_KINDS, describeChanges, humanAction } from "@/lib/audit/labels";
import { activityExportPath, activityFilterQuery, parseActivityFilter } from "@/lib/audit/schema";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { formatDateTime } from "@/components/ui/format";
import { ROLE_LABELS, type Role } from "@/lib/auth/access-matrix";

export const metadata: Metadata = { title: "Activity log" };

export default async function ActivityPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { id } = await params;
  const sp = await searchParams;
  const { access } = await requirePageAccess(id, "audit.view");
  const { filter, errors } = parseActivityFilter(sp);
  const [{ events, nextCursor }, actors] = await Promise.all([findAuditEvents(access.engagementId, { before: sp.before, ...filter }), findAuditActors(access.engagementId)]);
  const filtered = Object.values(filter).some(Boolean);
  const base = `/engagements/${access.engagementId}/activity`;
  return (
    <main>
      <PageHeader
        title="Activity log"
        description="Every change to this engagement: who, when, what changed. Entries are append-only and hash-chained; they cannot be edited or deleted."
        actions={
          <ButtonLink href={activityExportPath(access.engagementId, filter)} variant="secondary" prefetch={false}>
            <Download className="size-4" aria-hidden /> Export CSV{filtered ? " (filtered)" : ""}
          </ButtonLink>
        }
      />
      <form method="get" action={base} aria-label="Filter the activity" className="mb-4 grid grid-cols-1 gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-ink-200/70 sm:grid-cols-2 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto]">
        <SelectField
          label="Person"
          name="person"
          defaultValue={filter.person ?? ""}
          options={[{ value: "", label: "Everyone" }, ...actors.map((a) => ({ value: a || "system", label: a || "System" }))]}
        />
        <SelectField label="Kind" name="kind" defaultValue={filter.kind ?? ""} options={[{ value: "", label: "All kinds" }, ...ACTIVITY_KIND_KEYS.map((k) => ({ value: k, label: ACTIVITY_KINDS[k].label }))]} />
        <TextField label="From (UTC day)" name="from" type="date" defaultValue={filter.from ?? ""} />
        <TextField label="To (UTC day)" name="to" type="date" defaultValue={filter.to ?? ""} />
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonClass("primary")}>Apply</button>
          {filtered || errors.length ? <Link href={base} className="px-2 py-2 text-sm text-brand-700 hover:underline">Clear</Link> : null}
        </div>
        {errors.length ? <p role="alert" className="text-sm text-red-700 sm:col-span-2 lg:col-span-5">{errors.join(" ")} Showing all entries.</p> : null}
      </form>
      {events.length === 0 ? (
        filtered ? (
          <EmptyState title="No entries match these filters" icon={<History className="size-8" />}>
            Widen the dates or choose another person or kind, or <Link className="text-brand-700 underline" href={base}>clear the filters</Link>.
          </EmptyState>
        ) : (
          <EmptyState title="No activity yet" icon={<History className="size-8" />}>Changes to the engagement, its inventories and its members appear here as they happen.</EmptyState>
        )
      ) : (
        <ScrollRegion label="Activity log" className="rounded-lg bg-white shadow-sm ring-1 ring-ink-200/70">
          <table className="min-w-full divide-y divide-ink-100 text-sm">
            <thead className="bg-ink-50 text-left text-xs font-medium uppercase tracking-wide text-ink-500">
              <tr>
                <th scope="col" className="px-4 py-3">When (UTC)</th>
                <th scope="col" className="px-4 py-3">Who</th>
                <th scope="col" className="px-4 py-3">What happened</th>
                <th scope="col" className="px-4 py-3">Changes</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-ink-100">
              {events.map((e) => (
                <tr key={e.id}>
                  <td className="whitespace-nowrap px-4 py-2.5 text-ink-600">{formatDateTime(e.createdAt)}</td>
                  <td className="px-4 py-2.5"><div className="text-ink-900">{e.actorEmail || "System"}</div><div className="text-xs text-ink-500">{ROLE_LABELS[e.actorRole as Role] ?? e.actorRole.replace(/_/g, " ")}</div></td>
                  <td className="px-4 py-2.5"><Badge tone={e.outcome === "success" ? "neutral" : "red"}>{humanAction(e.action)}</Badge></td>
                  <td className="max-w-xl px-4 py-2.5 text-ink-600"><span className="line-clamp-2">{describeChanges(e.changes)}</span></td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {nextCursor ? <div className="mt-4"><Link className="text-sm text-brand-700 hover:underline" href={`${base}${activityFilterQuery(filter, { before: nextCursor })}`}>Older entries →</Link></div> : null}
    </main>
  );
}
