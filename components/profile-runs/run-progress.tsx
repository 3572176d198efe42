"use client";
// A running profile: polls its progress once a second, offers Cancel, and refreshes the page when it ends.
import { useEffect, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { formatNumber } from "@/components/ui/format";
import type { ActionResult } from "@/lib/errors";
import type { ProfileRunProgress } from "@/lib/profile-runs/schema";

const mb = (n: number) => `${formatNumber(n / 1024 / 1024, { maximumFractionDigits: 1 })} MB`;

export function RunProgress({ engagementId, initial, canCancel, cancelAction }: {
  engagementId: string;
  initial: ProfileRunProgress;
  canCancel: boolean;
  cancelAction: (input: unknown) => Promise<ActionResult>;
}) {
  const router = useRouter();
  const [p, setP] = useState(initial);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    if (p.status !== "uploading") return;
    const t = setTimeout(async () => {
      try {
        const res = await fetch(`/api/engagements/${engagementId}/profile-runs/${p.id}`, { cache: "no-store" });
        if (!res.ok) return;
        const next = (await res.json()) as ProfileRunProgress;
        setP(next);
        if (next.status !== "uploading") router.refresh();
      } catch {
        setP({ ...p }); // try again on the next tick
      }
    }, 1000);
    return () => clearTimeout(t);
  }, [p, engagementId, router]);

  const share = p.totalBytes ? Math.min(1, p.bytes / p.totalBytes) : null;
  return (
    <div className="space-y-3" aria-live="polite">
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="font-medium text-ink-900">{p.cancelRequested ? "Cancelling…" : p.bytes === 0 ? "Waiting for the upload to start…" : "Profiling…"}</span>
        <span className="tabular text-ink-600">
          {formatNumber(p.rows)} records read · {mb(p.bytes)}{p.totalBytes ? ` of ${mb(p.totalBytes)}` : ""}
        </span>
      </div>
      <div className="h-2 overflow-hidden rounded-full bg-ink-100" role="progressbar" aria-label="Profile progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={share === null ? undefined : Math.round(share * 100)}>
        <div className="h-full bg-brand-500 transition-[width]" style={{ width: `${share === null ? 5 : Math.max(2, share * 100)}%` }} />
      </div>
      <p className="text-xs text-ink-500">
        You can leave this page and come back: the run continues while this browser tab stays open (the file is read from your computer as it is profiled; closing the tab stops the run).
      </p>
      {canCancel ? (
        <Button
          variant="secondary"
          size="sm"
          pending={pending}
          disabled={p.cancelRequested}
          onClick={() =>
            startTransition(async () => {
              const res = await cancelAction({ engagementId, runId: p.id });
              if (!res.ok) toast.error(res.message);
              else setP({ ...p, cancelRequested: true });
            })
          }
        >
          Cancel the run
        </Button>
      ) : null}
    </div>
  );
}
