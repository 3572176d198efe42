"use client";
// Save the current estimate as a named, immutable baseline (the server computes it again with this
// seed; the browser sends only the name and the seed). A duplicate name is a field error.
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { BaselineFormSchema } from "@/lib/estimates/schema";
import { fieldErrorsFrom, type ActionResult, type FieldErrors } from "@/lib/errors";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

export function BaselineForm({ engagementId, seed, action }: { engagementId: string; seed: number; action: (input: unknown) => Promise<ActionResult<{ id: string; name: string }>> }) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const raw = Object.fromEntries(new FormData(form)) as Record<string, unknown>;
    const parsed = BaselineFormSchema.safeParse(raw);
    if (!parsed.success) {
      setErrors(fieldErrorsFrom(parsed.error));
      requestAnimationFrame(() => form.querySelector<HTMLElement>("[aria-invalid='true']")?.focus());
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const res = await action({ engagementId, values: raw });
      if (res.ok) {
        toast.success(`Baseline “${res.data.name}” saved.`);
        router.push(`/engagements/${engagementId}/estimate/baselines/${res.data.id}`);
        return;
      }
      if (res.code === "INVALID") {
        setErrors(res.fieldErrors);
        requestAnimationFrame(() => form.querySelector<HTMLElement>("[aria-invalid='true']")?.focus());
      } else toast.error(res.message);
    } catch {
      toast.error("Sounding could not be reached. Try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Save a baseline" className="flex flex-wrap items-start gap-3">
      <TextField label="Baseline name" name="name" required maxLength={100} placeholder="e.g. Steering committee, March" error={errors.name} className="w-80" />
      <TextField label="Seed" name="seed" inputMode="numeric" defaultValue={String(seed)} error={errors.seed} className="w-32" hint="Same seed as the page" />
      <div className="pt-7">
        <Button type="submit" pending={pending}>Save baseline</Button>
      </div>
    </form>
  );
}
