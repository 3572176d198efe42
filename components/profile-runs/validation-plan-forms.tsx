"use client";
// Editing the validation plan (issue 10 item 6): one form per data entity (keep or leave out each generated
// check and reword its acceptance, add checks, the golden-patient set's size and notes) and one for the mock
// rounds. Each save sends the plan version the page was loaded with; someone else's save in between is a
// conflict (reload), never an overwrite.
import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { CheckboxField, FieldShell, TextAreaField, TextField, controlClass } from "@/components/ui/field";
import type { ActionResult, FieldErrors } from "@/lib/errors";

type SaveAction = (input: unknown) => Promise<ActionResult<{ version: number }>>;
type CheckRow = { check: string; method: string; generatedAcceptance: string; acceptance: string; include: boolean };

const firstError = (errors: FieldErrors, prefix: string) => Object.entries(errors).filter(([k]) => k === prefix || k.startsWith(`${prefix}.`)).flatMap(([, v]) => v);

function parseAdded(text: string) {
  return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((l) => {
    const [check = "", method = "", acceptance = ""] = l.split("|").map((p) => p.trim());
    return { check, method, acceptance };
  });
}

export function EntityPlanForm({ engagementId, entityId, name, version, checks, added, goldenSize, goldenNotes, action }: {
  engagementId: string;
  entityId: string;
  name: string;
  version: number;
  checks: CheckRow[];
  added: { check: string; method: string; acceptance: string }[];
  goldenSize: number;
  goldenNotes: string;
  action: SaveAction;
}) {
  const router = useRouter();
  const [rows, setRows] = useState(checks);
  const [addedText, setAddedText] = useState(added.map((a) => `${a.check} | ${a.method} | ${a.acceptance}`).join("\n"));
  const [size, setSize] = useState(String(goldenSize));
  const [notes, setNotes] = useState(goldenNotes);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, start] = useTransition();
  const clear = (key: string) => setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== key && !k.startsWith(`${key}.`))));

  function submit(e: React.FormEvent) {
    e.preventDefault();
    start(async () => {
      const res = await action({
        engagementId, expectedVersion: version, entityId,
        checks: rows.map((r) => ({ check: r.check, include: r.include, acceptance: r.acceptance })),
        added: parseAdded(addedText),
        goldenSize: size.trim() === "" ? Number.NaN : Number(size.replace(/,/g, "")),
        goldenNotes: notes,
      });
      if (!res.ok) {
        if (res.code === "INVALID") setErrors(res.fieldErrors);
        toast.error(res.message);
        return;
      }
      setErrors({});
      toast.success(`Validation plan saved for ${name}`);
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label={`Edit the validation plan of ${name}`}>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-ink-800">Reconciliation checks</legend>
        {rows.map((r, i) => (
          <div key={r.check} className="grid gap-2 rounded-md border border-ink-100 p-3 sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)]">
            <CheckboxField
              label={r.check}
              name={`include-${i}`}
              checked={r.include}
              onChange={(e) => setRows((prev) => prev.map((x, j) => (j === i ? { ...x, include: e.target.checked } : x)))}
              hint={r.include ? "Kept" : "Left out of the plan"}
            />
            <TextField
              label="Acceptance"
              name={`acceptance-${i}`}
              value={r.acceptance}
              disabled={!r.include}
              hint={r.acceptance === r.generatedAcceptance ? "As generated" : `Generated: ${r.generatedAcceptance}`}
              error={errors[`checks.${i}.acceptance`]}
              onChange={(e) => {
                const v = e.target.value;
                setRows((prev) => prev.map((x, j) => (j === i ? { ...x, acceptance: v } : x)));
                clear(`checks.${i}`);
              }}
            />
          </div>
        ))}
      </fieldset>
      <TextAreaField
        label="Added checks"
        name="added"
        value={addedText}
        rows={3}
        placeholder="Allergy reactions | Count of reactions per allergy on both sides | Equal"
        hint="One check per line: name | method | acceptance."
        error={firstError(errors, "added").length ? firstError(errors, "added") : undefined}
        onChange={(e) => {
          setAddedText(e.target.value);
          clear("added");
        }}
      />
      <div className="grid gap-4 sm:grid-cols-[12rem_minmax(0,1fr)]">
        <TextField
          label="Golden patients to check"
          name="goldenSize"
          inputMode="numeric"
          value={size}
          error={errors.goldenSize}
          onChange={(e) => {
            setSize(e.target.value);
            clear("goldenSize");
          }}
        />
        <TextAreaField
          label="Golden set notes"
          name="goldenNotes"
          value={notes}
          rows={2}
          placeholder="Who picks them, which clinics, which rows of the profiled extract…"
          error={errors.goldenNotes}
          onChange={(e) => {
            setNotes(e.target.value);
            clear("goldenNotes");
          }}
        />
      </div>
      <Button type="submit" size="sm" pending={pending}>Save {name}</Button>
    </form>
  );
}

export function MockRoundsForm({ engagementId, version, rounds, action }: {
  engagementId: string;
  version: number;
  rounds: { round: number; name: string; acceptance: string[] }[];
  action: SaveAction;
}) {
  const router = useRouter();
  const countId = useId();
  const [count, setCount] = useState(String(rounds.length));
  const [texts, setTexts] = useState(rounds.map((r) => r.acceptance.join("\n")));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, start] = useTransition();
  const n = Math.min(10, Math.max(1, Number.parseInt(count, 10) || rounds.length));

  function submit(e: React.FormEvent) {
    e.preventDefault();
    start(async () => {
      const res = await action({ engagementId, expectedVersion: version, roundCount: count.trim() === "" ? Number.NaN : Number(count), acceptance: texts.slice(0, n).map((t) => t ?? "") });
      if (!res.ok) {
        if (res.code === "INVALID") setErrors(res.fieldErrors);
        toast.error(res.message);
        return;
      }
      setErrors({});
      toast.success("Mock rounds saved");
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label="Edit the mock rounds">
      <FieldShell label="Mock conversion rounds" id={countId} error={errors.roundCount} hint="1 to 10; the last one is the dress rehearsal. A changed number starts the rounds from the generated thresholds.">
        <input
          id={countId}
          inputMode="numeric"
          value={count}
          aria-invalid={errors.roundCount ? true : undefined}
          className={`${controlClass} max-w-32`}
          onChange={(e) => {
            setCount(e.target.value);
            setErrors({});
          }}
        />
      </FieldShell>
      {Array.from({ length: n }, (_, i) => (
        <TextAreaField
          key={i}
          label={`Round ${i + 1}${i === n - 1 ? " (dress rehearsal)" : ""}: acceptance thresholds`}
          name={`round-${i + 1}`}
          rows={3}
          value={texts[i] ?? ""}
          placeholder={i < rounds.length ? undefined : "Leave empty for the generated thresholds"}
          hint="One threshold per line."
          error={errors[`acceptance.${i}`]}
          onChange={(e) => {
            const v = e.target.value;
            setTexts((prev) => {
              const next = [...prev];
              next[i] = v;
              return next;
            });
          }}
        />
      ))}
      <Button type="submit" size="sm" pending={pending}>Save the mock rounds</Button>
    </form>
  );
}
