"use client";
// "Save this risk to the firm library": a form on the library page (pick a register risk) and a compact
// button for a register row. The copy leaves out owner, review date and status (they belong to one engagement).
import { useId, useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { BookmarkPlus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { MIGRATION_TYPES, type MigrationType } from "@/lib/engagement-format/schema";
import type { ActionResult } from "@/lib/errors";
import { SaveToFirmLibrarySchema, type RegisterRiskOption } from "@/lib/risk-library/schema";

type SaveAction = (input: unknown) => Promise<ActionResult<{ key: string; title: string }>>;

function AppliesToFields({ value, onChange, error }: { value: MigrationType[]; onChange: (v: MigrationType[]) => void; error?: string }) {
  const id = useId();
  return (
    <fieldset aria-describedby={error ? `${id}-err` : undefined}>
      <legend className="text-sm font-medium text-ink-800">Suggest it for</legend>
      <div className="mt-1.5 flex flex-wrap gap-4">
        {MIGRATION_TYPES.map((t) => (
          <label key={t} className="inline-flex items-center gap-2 text-sm text-ink-800">
            <input
              type="checkbox"
              className="size-4 rounded border-ink-300 text-brand-600"
              checked={value.includes(t)}
              onChange={(e) => onChange(e.target.checked ? [...value, t] : value.filter((x) => x !== t))}
            />
            Type {t}
          </label>
        ))}
      </div>
      {error ? <p id={`${id}-err`} role="alert" className="mt-1 text-sm text-red-700">{error}</p> : null}
    </fieldset>
  );
}

async function save(action: SaveAction, input: { engagementId: string; riskId: string; appliesTo: MigrationType[] }): Promise<string | null> {
  const parsed = SaveToFirmLibrarySchema.safeParse(input);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? "Check the form";
  try {
    const res = await action(input);
    if (res.ok) {
      toast.success(`Saved “${res.data.title}” to your firm's library`);
      return null;
    }
    if (res.code === "INVALID") return Object.values(res.fieldErrors)[0]?.[0] ?? res.message;
    toast.error(res.message);
    return res.message;
  } catch {
    toast.error("Sounding could not be reached. Nothing was saved; try again.");
    return "Sounding could not be reached.";
  }
}

/** The library page's form: choose one of this register's risks. */
export function SaveToFirmLibraryForm({ engagementId, migrationType, risks, action }: { engagementId: string; migrationType: MigrationType; risks: RegisterRiskOption[]; action: SaveAction }) {
  const router = useRouter();
  const candidates = risks.filter((r) => !r.isInFirmLibrary && !(r.libraryKey && !r.libraryKey.startsWith("firm.")));
  const [chosen, setRiskId] = useState(candidates[0]?.id ?? "");
  // after a save the chosen risk leaves the list: fall back to the first one left
  const riskId = candidates.some((c) => c.id === chosen) ? chosen : (candidates[0]?.id ?? "");
  const [appliesTo, setAppliesTo] = useState<MigrationType[]>([migrationType]);
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);

  if (risks.length === 0) return <p className="text-sm text-ink-500">This register is empty. Risks you add by hand can be saved here for your firm&apos;s next engagement.</p>;
  if (candidates.length === 0) return <p className="text-sm text-ink-500">Every risk of this register is either from the built-in library or already in your firm&apos;s library.</p>;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setPending(true);
    const err = await save(action, { engagementId, riskId, appliesTo });
    setPending(false);
    setError(err ?? undefined);
    if (!err) router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Save a register risk to the firm library">
      <SelectField label="Risk from this register" name="riskId" value={riskId} onChange={(e) => setRiskId(e.target.value)} options={candidates.map((r) => ({ value: r.id, label: r.title }))} className="max-w-xl" />
      <AppliesToFields value={appliesTo} onChange={setAppliesTo} error={error} />
      <Button type="submit" variant="secondary" pending={pending}>
        <BookmarkPlus className="size-4" aria-hidden /> Save to firm library
      </Button>
    </form>
  );
}

export type SaveToFirmLibraryButtonProps = {
  engagementId: string;
  riskId: string;
  riskTitle: string;
  migrationType: MigrationType;
  /** true when the firm library already has this risk (its title or its key): shows a note instead */
  isInFirmLibrary: boolean;
  action: SaveAction;
};

/** For a register row: a small button that opens a dialog to choose the migration types. */
export function SaveToFirmLibraryButton({ engagementId, riskId, riskTitle, migrationType, isInFirmLibrary, action }: SaveToFirmLibraryButtonProps) {
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [appliesTo, setAppliesTo] = useState<MigrationType[]>([migrationType]);
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);
  const titleId = useId();
  if (isInFirmLibrary) return <span className="text-xs text-ink-500">In firm library</span>;
  return (
    <>
      <Button size="sm" variant="ghost" onClick={() => dialogRef.current?.showModal()} aria-label={`Save “${riskTitle}” to the firm library`}>
        <BookmarkPlus className="size-4" aria-hidden /> Save to library
      </Button>
      <dialog ref={dialogRef} aria-labelledby={titleId} className="m-auto w-full max-w-md rounded-lg bg-white p-0 shadow-xl ring-1 ring-ink-200 backdrop:bg-ink-900/40">
        <form
          method="dialog"
          className="space-y-4 p-6"
          onSubmit={async (e) => {
            e.preventDefault();
            setPending(true);
            const err = await save(action, { engagementId, riskId, appliesTo });
            setPending(false);
            setError(err ?? undefined);
            if (!err) {
              dialogRef.current?.close();
              router.refresh();
            }
          }}
        >
          <h2 id={titleId} className="text-lg font-semibold">Save to your firm&apos;s library</h2>
          <p className="text-sm text-ink-600">
            “{riskTitle}” becomes reusable on your firm&apos;s other engagements. Owner, review date and status stay with this engagement.
          </p>
          <AppliesToFields value={appliesTo} onChange={setAppliesTo} error={error} />
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={() => dialogRef.current?.close()} disabled={pending}>Cancel</Button>
            <Button type="submit" pending={pending}>Save</Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
