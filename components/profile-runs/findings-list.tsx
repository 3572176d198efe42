"use client";
// The suggestions of a finished run: each becomes a quirk or a fact on the inventory row when accepted.
import { useState, useTransition } from "react";
import Link from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Check } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatDateTime, formatNumber } from "@/components/ui/format";
import type { ActionResult } from "@/lib/errors";
import type { Finding } from "@/lib/profile-runs/findings";
import type { AcceptedFinding } from "@/lib/profile-runs/schema";

const SEVERITY_TONE = { low: "neutral", medium: "amber", high: "red", critical: "red" } as const;
const words = (s: string) => s.replace(/_/g, " ");
const pct = (x: number) => `${formatNumber(x * 100, { maximumFractionDigits: x < 0.1 ? 1 : 0 })} %`;

function valueText(v: number | string | null, field: string): string {
  if (v === null || v === "") return "not set";
  if (typeof v === "number") return field === "yearsCovered" ? `${formatNumber(v)} years` : formatNumber(v);
  return words(v);
}

export function FindingsList({ engagementId, runId, findings, accepted, canAccept, targetHref, acceptAction }: {
  engagementId: string;
  runId: string;
  findings: Finding[];
  accepted: Record<string, AcceptedFinding>;
  canAccept: boolean;
  targetHref: string;
  acceptAction: (input: unknown) => Promise<ActionResult<{ findingId: string }>>;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  const accept = (findingId: string) => {
    setBusy(findingId);
    startTransition(async () => {
      try {
        const res = await acceptAction({ engagementId, runId, findingId });
        if (!res.ok) toast.error(res.message);
        else {
          toast.success("Accepted into the inventory");
          router.refresh();
        }
      } catch {
        toast.error("Sounding could not be reached. Try again.");
      } finally {
        setBusy(null);
      }
    });
  };

  if (findings.length === 0) {
    return <p className="px-5 py-4 text-sm text-ink-600">Nothing to suggest: no check found a quirk, and there is no count or date range to record.</p>;
  }
  return (
    <ul className="divide-y divide-ink-100">
      {findings.map((f) => {
        const done = accepted[f.id];
        return (
          <li key={f.id} className="flex flex-wrap items-start justify-between gap-3 px-5 py-4">
            <div className="min-w-0 flex-1 space-y-1">
              {f.type === "quirk" ? (
                <>
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium text-ink-900">{f.label}</span>
                    <Badge tone={SEVERITY_TONE[f.severity]}>suggested severity: {f.severity}</Badge>
                    <Badge>quirk: {words(f.kind)}</Badge>
                  </div>
                  <p className="text-sm text-ink-600">
                    <span className="tabular font-medium text-ink-800">{formatNumber(f.count)}</span> of {formatNumber(f.denominator)} {f.denominatorLabel} ({pct(f.share)})
                  </p>
                  {f.examples.length ? (
                    <p className="text-xs text-ink-500">
                      Masked examples: {f.examples.map((x) => `row ${formatNumber(x.row)}${x.column ? ` (${x.column})` : ""}: ${x.masked}`).join(" · ")}
                    </p>
                  ) : null}
                </>
              ) : (
                <>
                  <div className="font-medium text-ink-900">{f.label}</div>
                  <p className="text-sm text-ink-600">
                    Measured <span className="tabular font-medium text-ink-800">{valueText(f.value, f.field)}</span> · in the inventory now: {valueText(f.current, f.field)}
                  </p>
                  <p className="text-xs text-ink-500">{f.note}</p>
                </>
              )}
            </div>
            <div className="shrink-0">
              {done ? (
                <span className="inline-flex items-center gap-1 text-sm text-emerald-700">
                  <Check className="size-4" aria-hidden /> Accepted {formatDateTime(done.at)} · <Link href={targetHref} className="underline hover:text-brand-700">see the inventory</Link>
                </span>
              ) : canAccept ? (
                <Button size="sm" variant="secondary" pending={busy === f.id} disabled={busy !== null} onClick={() => accept(f.id)} aria-label={`Accept: ${f.label}`}>
                  Accept
                </Button>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
