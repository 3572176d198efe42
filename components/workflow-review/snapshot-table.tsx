// The items of one sign-off, exactly as they were frozen (paged: a snapshot can hold thousands).
import Link from "@/components/ui/link";
import { formatNumber } from "@/components/ui/format";
import { ReviewStatusBadge } from "@/components/workflow-review/review-badges";
import type { SnapshotItem } from "@/lib/workflow-review/schema";
import { COMPLEXITY_LABELS, DISPOSITION_LABELS, WORKFLOW_KIND_LABELS } from "@/lib/inventories/labels";
import { ScrollRegion } from "@/components/ui/scroll-region";

export function SnapshotTable({ items, page, pageSize, pageHref, caption }: { items: SnapshotItem[]; page: number; pageSize: number; pageHref: (page: number) => string; caption: string }) {
  const pageCount = Math.max(1, Math.ceil(items.length / pageSize));
  const p = Math.min(Math.max(1, page), pageCount);
  const rows = items.slice((p - 1) * pageSize, p * pageSize);
  return (
    <div>
      <ScrollRegion label={caption}>
        <table className="min-w-full divide-y divide-ink-100 text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-ink-50 text-left text-xs font-medium tracking-wide text-ink-500 uppercase">
            <tr>
              <th scope="col" className="px-4 py-2.5">Name</th>
              <th scope="col" className="px-4 py-2.5">Kind</th>
              <th scope="col" className="px-4 py-2.5">Department</th>
              <th scope="col" className="px-4 py-2.5 text-right">Qty</th>
              <th scope="col" className="px-4 py-2.5">Complexity</th>
              <th scope="col" className="px-4 py-2.5">Disposition</th>
              <th scope="col" className="px-4 py-2.5">Review</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-ink-100 bg-white">
            {rows.map((i) => (
              <tr key={i.id} className="align-top">
                <td className="px-4 py-2.5 font-medium text-ink-900">
                  {i.name}
                  {i.notes ? <div className="max-w-md text-xs font-normal text-ink-500">{i.notes}</div> : null}
                </td>
                <td className="px-4 py-2.5 whitespace-nowrap text-ink-700">{WORKFLOW_KIND_LABELS[i.kind]}</td>
                <td className="px-4 py-2.5 text-ink-700">{i.department || "—"}</td>
                <td className="tabular px-4 py-2.5 text-right text-ink-700">{formatNumber(i.quantity)}</td>
                <td className="px-4 py-2.5 text-ink-700">{COMPLEXITY_LABELS[i.complexity]}</td>
                <td className="px-4 py-2.5 text-ink-700">{DISPOSITION_LABELS[i.disposition]}</td>
                <td className="px-4 py-2.5"><ReviewStatusBadge status={i.reviewStatus} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {pageCount > 1 ? (
        <nav aria-label="Snapshot pages" className="flex items-center justify-between border-t border-ink-100 px-4 py-2.5 text-sm">
          {p > 1 ? <Link className="text-brand-700 hover:underline" href={pageHref(p - 1)}>← Previous</Link> : <span />}
          <span className="text-ink-500">Page {p} of {pageCount}</span>
          {p < pageCount ? <Link className="text-brand-700 hover:underline" href={pageHref(p + 1)}>Next →</Link> : <span />}
        </nav>
      ) : null}
    </div>
  );
}
