// Every sign-off of the workflow inventory, newest first; each can be viewed or compared with now.
import Link from "@/components/ui/link";
import { History } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime, formatNumber } from "@/components/ui/format";
import { ROLE_LABELS, type Role } from "@/lib/auth/access-matrix";
import type { SignOffListItemDto } from "@/lib/workflow-review/schema";

export function SignOffHistory({ signOffs, basePath, selectedId }: { signOffs: SignOffListItemDto[]; basePath: string; selectedId?: string }) {
  if (signOffs.length === 0) {
    return (
      <EmptyState title="No sign-offs yet" icon={<History className="size-8" />}>
        When a clinical reviewer or the lead signs off, the inventory is frozen and listed here. Each sign-off can be compared with the inventory later.
      </EmptyState>
    );
  }
  return (
    <ol className="divide-y divide-ink-100" aria-label="Sign-off history, newest first">
      {signOffs.map((s, i) => (
        <li key={s.id} className={cn("flex flex-wrap items-start justify-between gap-3 px-5 py-3.5", s.id === selectedId && "bg-brand-50/60")}>
          <div className="min-w-0 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium text-ink-900">{formatDateTime(s.createdAt)}</span>
              {i === 0 ? <Badge tone="brand">Latest</Badge> : null}
            </div>
            <div className="text-ink-600">
              {s.signedByName} · {ROLE_LABELS[s.signedByRole as Role] ?? s.signedByRole} · {formatNumber(s.itemCount)} item{s.itemCount === 1 ? "" : "s"}
            </div>
            {s.note ? <p className="mt-1 max-w-2xl whitespace-pre-line text-ink-700">“{s.note}”</p> : null}
          </div>
          <div className="flex shrink-0 gap-3 text-sm">
            <Link href={`${basePath}?compare=${s.id}#changes`} className="font-medium text-brand-700 hover:underline" aria-label={`What changed since the sign-off of ${formatDateTime(s.createdAt)}`}>
              What changed since
            </Link>
            <Link href={`${basePath}?view=${s.id}#snapshot`} className="font-medium text-brand-700 hover:underline" aria-label={`View the items signed off on ${formatDateTime(s.createdAt)}`}>
              View snapshot
            </Link>
          </div>
        </li>
      ))}
    </ol>
  );
}
