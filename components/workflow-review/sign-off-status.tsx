// Small status card for the workflows page, the overview and the report: the last sign-off, by whom,
// how many items changed since, and where the review stands. Presentational (no data access).
import Link from "@/components/ui/link";
import { AlertTriangle, BadgeCheck, ClipboardList } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { formatDateTime, formatNumber } from "@/components/ui/format";
import { ROLE_LABELS, type Role } from "@/lib/auth/access-matrix";
import type { WorkflowSignOffSummary } from "@/lib/workflow-review/schema";

export type SignOffStatusProps = {
  summary: WorkflowSignOffSummary;
  /** link to /engagements/<id>/workflows/sign-off */
  signOffHref: string;
  /** link to /engagements/<id>/workflows/review */
  reviewHref?: string;
  className?: string;
};

const plural = (n: number, one: string, many = `${one}s`) => `${formatNumber(n)} ${n === 1 ? one : many}`;

export function SignOffStatus({ summary, signOffHref, reviewHref, className }: SignOffStatusProps) {
  const last = summary.lastSignOff;
  const changed = summary.changedSinceSignOff;
  const tone = !last ? "neutral" : changed > 0 ? "amber" : "green";
  const Icon = !last ? ClipboardList : changed > 0 ? AlertTriangle : BadgeCheck;
  return (
    <section
      aria-label="Workflow sign-off status"
      className={cn(
        "flex flex-wrap items-start gap-3 rounded-lg p-4 ring-1 ring-inset",
        tone === "green" && "bg-emerald-50 ring-emerald-200",
        tone === "amber" && "bg-amber-50 ring-amber-200",
        tone === "neutral" && "bg-white ring-ink-200",
        className,
      )}
    >
      <Icon className={cn("mt-0.5 size-5 shrink-0", tone === "green" ? "text-emerald-700" : tone === "amber" ? "text-amber-700" : "text-ink-400")} aria-hidden />
      <div className="min-w-0 flex-1 text-sm">
        {last ? (
          <p className="font-medium text-ink-900">
            Signed off {formatDateTime(last.at)} by {last.by} ({ROLE_LABELS[last.role as Role] ?? last.role}).{" "}
            <span className={changed > 0 ? "text-amber-900" : "text-emerald-800"}>
              {changed > 0 ? `${plural(changed, "item")} changed since.` : "No changes since."}
            </span>
          </p>
        ) : (
          <p className="font-medium text-ink-900">The workflow inventory has not been signed off yet.</p>
        )}
        <p className="mt-0.5 text-ink-600">
          {summary.total === 0
            ? "No workflow items yet."
            : `${formatNumber(summary.approved)} of ${plural(summary.total, "item")} approved · ${formatNumber(summary.changesRequested)} with changes requested · ${formatNumber(summary.notReviewed)} not reviewed`}
          {summary.changedSinceApproval > 0 ? ` · ${plural(summary.changedSinceApproval, "approval")} out of date` : ""}
        </p>
      </div>
      <div className="flex shrink-0 gap-3 text-sm">
        {reviewHref ? <Link href={reviewHref} className="font-medium text-brand-700 hover:underline">Review queue</Link> : null}
        <Link href={signOffHref} className="font-medium text-brand-700 hover:underline">{last && changed > 0 ? "See what changed" : "Sign-off"}</Link>
      </div>
    </section>
  );
}
