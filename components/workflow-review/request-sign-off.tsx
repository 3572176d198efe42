"use client";
// Ask the engagement's clinical reviewers to sign off the workflow inventory: they get a notification in the
// app (and in the next e-mail digest). An optional note says what to look at.
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Send } from "lucide-react";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/errors";

export function RequestSignOff({ engagementId, action }: { engagementId: string; action: (input: unknown) => Promise<ActionResult<{ notified: number }>> }) {
  const [note, setNote] = useState("");
  const [error, setError] = useState<string[] | undefined>();
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    try {
      const res = await action({ engagementId, note });
      if (res.ok) {
        setNote("");
        toast.success(`Asked ${res.data.notified} clinical ${res.data.notified === 1 ? "reviewer" : "reviewers"} to sign off`);
      } else if (res.code === "INVALID") {
        setError(res.fieldErrors.note ?? res.fieldErrors._form ?? [res.message]);
      } else toast.error(res.message);
    } catch {
      toast.error("Sounding could not be reached. Nobody was asked; try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Request sign-off">
      <TextAreaField
        label="Note to the clinical reviewers (optional)"
        name="note"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={2000}
        rows={2}
        error={error}
        placeholder="e.g. Order sets for cardiology were reworked after your comments"
      />
      <Button type="submit" variant="secondary" pending={pending}>
        <Send className="size-4" aria-hidden /> Ask the clinical reviewers to sign off
      </Button>
    </form>
  );
}
