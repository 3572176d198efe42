"use client";
// A running profile: polls its progress once a second, offers Cancel, and refreshes the page when it ends.
// It says what may be left: while the file is still being sent, the tab sending it must stay open (this
// one, when it started the run: it warns before closing); once the file has arrived the server finishes alone.
import { useEffect, useState, useSyncExternalStore, useTransition } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { formatNumber } from "@/components/ui/format";
import type { ActionResult } from "@/lib/errors";
import type { ProfileRunProgress } from "@/lib/profile-runs/schema";
import { subscribeTabUploads, tabUpload } from "@/components/profile-runs/upload-tracker";

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
  const mine = useSyncExternalStore(subscribeTabUploads, () => tabUpload(p.id), () => undefined);

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
  const sending = mine?.state === "sending" && p.phase !== "analysing";
  const title = p.cancelRequested
    ? "Cancelling…"
    : p.phase === "analysing"
      ? "File received — finishing the analysis…"
      : p.bytes === 0 && !sending
        ? "Waiting for the upload to start…"
        : "Uploading and profiling…";
  const note = p.phase === "analysing"
    ? "The whole file has arrived. You can leave this page: the server finishes the run and its findings will be here."
    : sending
      ? "Keep this tab open until the upload finishes; you can leave while it is analysed. You may move to other pages of Sounding in this tab — closing or reloading the tab stops the run."
      : "The file is sent by the browser tab that started this run: that tab must stay open until the upload finishes; after that the server finishes alone. A run whose upload stops is marked interrupted.";
  return (
    <div className="space-y-3" aria-live="polite">
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="font-medium text-ink-900">{title}</span>
        <span className="tabular text-ink-600">
          {formatNumber(p.rows)} records read · {mb(p.bytes)}{p.totalBytes ? ` of ${mb(p.totalBytes)}` : ""}
        </span>
      </div>
      <div className="h-2 overflow-hidden rounded-full bg-ink-100" role="progressbar" aria-label="Profile progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={share === null ? undefined : Math.round(share * 100)}>
        <div className="h-full bg-brand-500 transition-[width]" style={{ width: `${share === null ? 5 : Math.max(2, share * 100)}%` }} />
      </div>
      <p className={sending ? "rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" : "text-sm text-ink-600"}>{note}</p>
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
