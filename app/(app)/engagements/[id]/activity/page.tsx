import type { Metadata } from "next";
import Link from "next/link";
import { History } from "lucide-react";
import { requirePageAccess } from "@/lib/auth/session";
import { findAuditEvents } from "@/lib/audit/data";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/format";
import { describeChanges } from "@/lib/audit/labels";
import { ROLE_LABELS, type Role } from "@/lib/auth/access-matrix";

export const metadata: Metadata = { title: "Activity log" };

export default async function ActivityPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { id } = await params;
  const sp = await searchParams;
  const { access } = await requirePageAccess(id, "audit.view");
  const { events, nextCursor } = await findAuditEvents(access.engagementId, { before: sp.before });
  return (
    <main>
      <PageHeader title="Activity log" description="Every change to this engagement: who, when, what changed. Entries are append-only and hash-chained; they cannot be edited or deleted." />
      {events.length === 0 ? (
        <EmptyState title="No activity yet" icon={<History className="size-8" />}>Changes to the engagement, its inventories and its members appear here as they happen.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-ink-200/70" tabIndex={0} role="region" aria-label="Activity log">
          <table className="min-w-full divide-y divide-ink-100 text-sm">
            <thead className="bg-ink-50 text-left text-xs font-medium uppercase tracking-wide text-ink-500">
              <tr>
                <th scope="col" className="px-4 py-3">When (UTC)</th>
                <th scope="col" className="px-4 py-3">Who</th>
                <th scope="col" className="px-4 py-3">Action</th>
                <th scope="col" className="px-4 py-3">Changes</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-ink-100">
              {events.map((e) => (
                <tr key={e.id}>
                  <td className="whitespace-nowrap px-4 py-2.5 text-ink-600">{formatDateTime(e.createdAt)}</td>
                  <td className="px-4 py-2.5"><div className="text-ink-900">{e.actorEmail || "system"}</div><div className="text-xs text-ink-500">{ROLE_LABELS[e.actorRole as Role] ?? e.actorRole}</div></td>
                  <td className="px-4 py-2.5"><Badge tone={e.outcome === "success" ? "neutral" : "red"}>{e.action}</Badge></td>
                  <td className="max-w-xl px-4 py-2.5 text-ink-600"><span className="line-clamp-2">{describeChanges(e.changes)}</span></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextCursor ? <div className="mt-4"><Link className="text-sm text-brand-700 hover:underline" href={`?before=${nextCursor}`}>Older entries →</Link></div> : null}
    </main>
  );
}
