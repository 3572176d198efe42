// One inventory on the engagement overview: its size, how complete it is, and what still needs attention.
import Link from "@/components/ui/link";
import type { ComponentType } from "react";
import { CheckCircle2 } from "lucide-react";
import { cn } from "@/components/ui/cn";

export type InventoryCard = {
  href: string;
  label: string;
  icon: ComponentType<{ className?: string; "aria-hidden"?: boolean }>;
  total: number;
  summary: string;
  /** Rows still unknown or undecided (or, for the policy, open warnings). */
  incomplete: number;
  issues: string[];
  isSevere?: boolean;
  /** One record (the audit-trail policy), not a list of rows. */
  isSingle?: boolean;
};

export function InventoryLink({ card }: { card: InventoryCard }) {
  const { icon: Icon } = card;
  const isEmpty = card.total === 0 && !card.isSingle;
  const done = card.isSingle ? (card.incomplete === 0 ? 1 : 0) : card.total - Math.min(card.incomplete, card.total);
  const share = card.isSingle ? done : card.total ? done / card.total : 0;
  return (
    <Link href={card.href} className="flex h-full gap-3 rounded-lg p-3 ring-1 ring-ink-200 hover:bg-ink-50 hover:ring-brand-200">
      <span className="flex size-9 shrink-0 items-center justify-center rounded-md bg-brand-50 text-brand-700">
        <Icon className="size-5" aria-hidden />
      </span>
      <span className="min-w-0 flex-1">
        <span className="block text-sm font-medium text-ink-900">{card.label}</span>
        {isEmpty ? (
          <span className="block text-sm text-ink-500">Empty — start here</span>
        ) : (
          <>
            <span className="tabular block text-sm text-ink-700">{card.summary}</span>
            <span className="mt-2 block h-1.5 overflow-hidden rounded-full bg-ink-100" aria-hidden>
              <span className={cn("block h-full rounded-full", card.incomplete === 0 ? "bg-emerald-500" : card.isSevere ? "bg-red-500" : "bg-amber-400")} style={{ width: `${Math.round(share * 100)}%` }} />
            </span>
            {card.incomplete === 0 ? (
              <span className="mt-1.5 flex items-center gap-1 text-xs text-emerald-700">
                <CheckCircle2 className="size-3.5" aria-hidden /> Nothing unknown or undecided
              </span>
            ) : (
              <span className={cn("mt-1.5 block text-xs", card.isSevere ? "text-red-700" : "text-amber-800")}>{card.issues.join(" · ")}</span>
            )}
          </>
        )}
      </span>
    </Link>
  );
}
