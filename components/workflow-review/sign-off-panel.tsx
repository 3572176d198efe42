"use client";
// Sign off the whole workflow inventory, with a confirmation dialog that says exactly what is being
// frozen (and what is not approved yet). The server refuses if the inventory changed since this page
// was rendered (fingerprint), so nobody signs something they did not see.
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { BadgeCheck } from "lucide-react";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { formatNumber } from "@/components/ui/format";
import type { ActionResult } from "@/lib/errors";
import type { WorkflowSignOffSummary } from "@/lib/workflow-review/schema";

export type SignOffPanelProps = {
  engagementId: string;
  summary: WorkflowSignOffSummary;
  fingerprint: string;
  signerName: string;
  signerRoleLabel: string;
  canSignOff: boolean;
  action: (input: unknown) => Promise<ActionResult<{ id: string; at: string; itemCount: number }>>;
};

export function SignOffPanel({ engagementId, summary, fingerprint, signerName, signerRoleLabel, canSignOff, action }: SignOffPanelProps) {
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string[] | undefined>();
  const [pending, setPending] = useState(false);
  const notApproved = summary.total - summary.approved;

  if (!canSignOff) {
    return <p className="text-sm text-ink-600">A clinical reviewer or the engagement lead signs off the workflow inventory. Your role can read the sign-offs and compare them with the inventory.</p>;
  }
  if (summary.total === 0) {
    return <p className="text-sm text-ink-600">There is nothing to sign off yet: the workflow inventory is empty.</p>;
  }

  async function confirm() {
    setPending(true);
    setError(undefined);
    try {
      const res = await action({ engagementId, note, fingerprint });
      if (res.ok) {
        dialogRef.current?.close();
        setNote("");
        toast.success(`Signed off ${formatNumber(res.data.itemCount)} workflow items`);
        router.refresh();
      } else if (res.code === "INVALID") {
        setError(res.fieldErrors.note ?? [res.message]);
      } else {
        toast.error(res.message);
        if (res.code === "CONFLICT") {
          dialogRef.current?.close();
          router.refresh();
        }
      }
    } catch {
      toast.error("Sounding could not be reached. Nothing was signed; try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-3">
      <p className="text-sm text-ink-600">
        Signing off records your name, role and the time, and freezes a copy of all {formatNumber(summary.total)} workflow items as they are now. Later edits never change a
        sign-off; they show up as changes since it.
      </p>
      <Button onClick={() => dialogRef.current?.showModal()}>
        <BadgeCheck className="size-4" aria-hidden /> Sign off the workflow inventory…
      </Button>

      <dialog
        ref={dialogRef}
        aria-labelledby="signoff-title"
        className="m-auto w-full max-w-lg rounded-lg bg-white p-0 shadow-xl ring-1 ring-ink-200 backdrop:bg-ink-900/40"
      >
        <form
          method="dialog"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void confirm();
          }}
          className="space-y-4 p-6"
        >
          <h2 id="signoff-title" className="text-lg font-semibold">Sign off the workflow inventory?</h2>
          <div className="space-y-2 text-sm text-ink-700">
            <p>
              You are signing as <strong>{signerName}</strong> ({signerRoleLabel}). This freezes <strong>{formatNumber(summary.total)} items</strong>:
            </p>
            <ul className="list-inside list-disc space-y-0.5">
              <li>{formatNumber(summary.approved)} approved{summary.changedSinceApproval > 0 ? ` (${formatNumber(summary.changedSinceApproval)} edited after their approval)` : ""}</li>
              <li>{formatNumber(summary.changesRequested)} with changes requested</li>
              <li>{formatNumber(summary.notReviewed)} not reviewed</li>
            </ul>
            {notApproved > 0 || summary.changedSinceApproval > 0 ? (
              <p role="note" className="rounded-md bg-amber-50 p-3 text-amber-900 ring-1 ring-amber-200">
                Not every item carries a current approval. You can still sign off — the snapshot records each item&apos;s review status and the record names them — but the note must say why.
              </p>
            ) : null}
            <p>A sign-off cannot be edited or withdrawn. If the inventory changes, sign off again.</p>
          </div>
          <TextAreaField label={notApproved > 0 || summary.changedSinceApproval > 0 ? "Note (required: why sign off with items not approved)" : "Note (optional)"} required={notApproved > 0 || summary.changedSinceApproval > 0} name="note" value={note} onChange={(e) => setNote(e.target.value)} error={error} maxLength={2000} placeholder="e.g. Cardiology and ED order sets reviewed with Dr. Patel; pharmacy alerts pending" />
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={() => dialogRef.current?.close()} disabled={pending}>Cancel</Button>
            <Button type="submit" pending={pending}>Sign off {formatNumber(summary.total)} items</Button>
          </div>
        </form>
      </dialog>
    </div>
  );
}
