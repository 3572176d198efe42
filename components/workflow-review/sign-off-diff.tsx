// "What changed since this sign-off": items added, removed, and changed field by field (before → after).
import { Minus, Pencil, Plus } from "lucide-react";
import { formatNumber } from "@/components/ui/format";
import type { InventoryDiff } from "@/lib/workflow-review/diff";
import { WORKFLOW_FIELD_LABELS, formatWorkflowField, type SnapshotItem } from "@/lib/workflow-review/schema";
import { WORKFLOW_KIND_LABELS } from "@/lib/inventories/labels";

const LIMIT = 200; // per list; a sign-off diff longer than this is summarized, not rendered in full

function ItemLabel({ item }: { item: SnapshotItem }) {
  return (
    <>
      <span className="font-medium text-ink-900">{item.name}</span>
      <span className="text-ink-500"> · {WORKFLOW_KIND_LABELS[item.kind]}{item.department ? ` · ${item.department}` : ""}</span>
    </>
  );
}

function More({ n }: { n: number }) {
  return n > LIMIT ? <p className="px-5 py-2 text-sm text-ink-500">…and {formatNumber(n - LIMIT)} more (export the inventory for the full list).</p> : null;
}

export function SignOffDiff({ diff }: { diff: InventoryDiff }) {
  const total = diff.added.length + diff.removed.length + diff.changed.length;
  if (total === 0) {
    return <p className="px-5 py-4 text-sm text-emerald-800">No changes: the inventory is exactly as it was signed off ({formatNumber(diff.unchanged)} items).</p>;
  }
  return (
    <div className="divide-y divide-ink-100">
      <p className="px-5 py-3 text-sm text-ink-700">
        <strong>{formatNumber(total)} item{total === 1 ? "" : "s"} differ</strong>: {formatNumber(diff.changed.length)} changed, {formatNumber(diff.added.length)} added,{" "}
        {formatNumber(diff.removed.length)} removed; {formatNumber(diff.unchanged)} unchanged.
      </p>

      {diff.changed.length ? (
        <section aria-labelledby="diff-changed" className="py-3">
          <h3 id="diff-changed" className="flex items-center gap-2 px-5 text-sm font-semibold text-amber-900">
            <Pencil className="size-4" aria-hidden /> Changed ({formatNumber(diff.changed.length)})
          </h3>
          <ul className="mt-2 space-y-3 px-5">
            {diff.changed.slice(0, LIMIT).map((c) => (
              <li key={c.id} className="rounded-md p-3 text-sm ring-1 ring-amber-200 ring-inset">
                <ItemLabel item={c.after} />
                <table className="mt-2 w-full text-left text-sm">
                  <caption className="sr-only">Changed fields of {c.after.name}</caption>
                  <thead className="text-xs text-ink-500">
                    <tr>
                      <th scope="col" className="w-36 py-1 pr-3 font-medium">Field</th>
                      <th scope="col" className="py-1 pr-3 font-medium">At sign-off</th>
                      <th scope="col" className="py-1 font-medium">Now</th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.changes.map((f) => (
                      <tr key={f.field} className="align-top">
                        <th scope="row" className="py-1 pr-3 font-medium text-ink-700">{WORKFLOW_FIELD_LABELS[f.field]}</th>
                        <td className="py-1 pr-3 text-red-800"><del className="decoration-red-300">{formatWorkflowField(f.field, f.before)}</del></td>
                        <td className="py-1 text-emerald-800"><ins className="no-underline">{formatWorkflowField(f.field, f.after)}</ins></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </li>
            ))}
          </ul>
          <More n={diff.changed.length} />
        </section>
      ) : null}

      {diff.added.length ? (
        <section aria-labelledby="diff-added" className="py-3">
          <h3 id="diff-added" className="flex items-center gap-2 px-5 text-sm font-semibold text-emerald-800">
            <Plus className="size-4" aria-hidden /> Added since ({formatNumber(diff.added.length)})
          </h3>
          <ul className="mt-2 space-y-1 px-5 text-sm">
            {diff.added.slice(0, LIMIT).map((i) => <li key={i.id}><ItemLabel item={i} /></li>)}
          </ul>
          <More n={diff.added.length} />
        </section>
      ) : null}

      {diff.removed.length ? (
        <section aria-labelledby="diff-removed" className="py-3">
          <h3 id="diff-removed" className="flex items-center gap-2 px-5 text-sm font-semibold text-red-800">
            <Minus className="size-4" aria-hidden /> Removed since ({formatNumber(diff.removed.length)})
          </h3>
          <ul className="mt-2 space-y-1 px-5 text-sm">
            {diff.removed.slice(0, LIMIT).map((i) => <li key={i.id}><del className="decoration-red-300"><ItemLabel item={i} /></del></li>)}
          </ul>
          <More n={diff.removed.length} />
        </section>
      ) : null}
    </div>
  );
}
