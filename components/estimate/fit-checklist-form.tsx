"use client";
// The article's four fit criteria for a custom replacement, with the consultant's answers (saved on the
// engagement, versioned and audited). Read-only for roles without assumptions.edit.
import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import type { ActionResult, FieldErrors } from "@/lib/errors";
import {
  FIT_ANSWER_LABELS,
  FIT_ANSWERS,
  FIT_CRITERIA,
  summarizeChecklist,
  type FitCriterionKey,
  type TypeDecisionAnswers,
  type TypeDecisionChecklistDto,
} from "@/lib/type-decision/schema";

const unreachable = "Sounding could not be reached. Your answers are still in the form; try again.";

export function FitChecklistForm({
  engagementId,
  saved,
  action,
}: {
  engagementId: string;
  saved: TypeDecisionChecklistDto;
  /** null: read-only (no assumptions.edit, or archived) */
  action: ((input: unknown) => Promise<ActionResult<{ version: number; changed: number }>>) | null;
}) {
  const router = useRouter();
  const [values, setValues] = useState<TypeDecisionAnswers>(saved.values);
  const [version, setVersion] = useState(saved.version);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const readOnly = action === null;
  const summary = summarizeChecklist(values);

  const setAnswer = (k: FitCriterionKey, answer: TypeDecisionAnswers[FitCriterionKey]["answer"]) => setValues((v) => ({ ...v, [k]: { ...v[k], answer } }));
  const setNote = (k: FitCriterionKey, note: string) => setValues((v) => ({ ...v, [k]: { ...v[k], note } }));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!action || pending) return;
    setPending(true);
    try {
      const res = await action({ engagementId, version, values });
      if (res.ok) {
        setVersion(res.data.version);
        setErrors({});
        toast.success(res.data.changed === 0 ? "Nothing changed" : "Fit checklist saved");
        router.refresh();
      } else if (res.code === "INVALID") {
        setErrors(res.fieldErrors);
        toast.error(res.message);
      } else if (res.code === "CONFLICT" && res.current) {
        const current = res.current as TypeDecisionChecklistDto;
        setValues(current.values);
        setVersion(current.version);
        toast.error("Someone else saved the checklist meanwhile: their answers are shown. Nothing was overwritten.");
      } else toast.error(res.message);
    } catch {
      toast.error(unreachable);
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Fit criteria" className="space-y-4">
      <p className="text-sm text-ink-700" role="status">{summary.words}</p>
      <ol className="space-y-4">
        {FIT_CRITERIA.map((c, i) => {
          const v = values[c.key];
          const noteId = `fit-${c.key}-note`;
          const noteError = errors[`${c.key}.note`];
          return (
            <li key={c.key} className="rounded-md p-3 ring-1 ring-ink-100" data-criterion={c.key}>
              <fieldset>
                <legend className="text-sm font-medium text-ink-900">{i + 1}. {c.label}</legend>
                <p className="mt-0.5 text-xs text-ink-600">{c.question}</p>
                {readOnly ? (
                  <p className="mt-2 text-sm">
                    <span className={cn("font-medium", v.answer === "yes" ? "text-emerald-800" : v.answer === "no" ? "text-red-800" : "text-ink-700")}>{FIT_ANSWER_LABELS[v.answer ?? "unanswered"]}</span>
                    {v.note ? <span className="text-ink-700"> — {v.note}</span> : null}
                  </p>
                ) : (
                  <>
                    <div className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
                      {FIT_ANSWERS.map((a) => (
                        <label key={a} className="inline-flex items-center gap-1.5 text-sm text-ink-800">
                          <input type="radio" name={`fit-${c.key}`} value={a} checked={v.answer === a} onChange={() => setAnswer(c.key, a)} className="size-4 accent-brand-600" />
                          {FIT_ANSWER_LABELS[a]}
                        </label>
                      ))}
                      {v.answer !== null ? (
                        <button type="button" className="text-xs text-brand-700 underline hover:text-brand-900" onClick={() => setAnswer(c.key, null)}>Clear</button>
                      ) : null}
                    </div>
                    <label htmlFor={noteId} className="mt-2 block text-xs font-medium text-ink-700">Why (optional)</label>
                    <textarea
                      id={noteId}
                      name={noteId}
                      rows={2}
                      maxLength={1000}
                      value={v.note}
                      onChange={(e) => setNote(c.key, e.currentTarget.value)}
                      aria-invalid={noteError ? true : undefined}
                      aria-describedby={noteError ? `${noteId}-error` : undefined}
                      className={cn(controlClass, "mt-1")}
                    />
                    {noteError ? <p id={`${noteId}-error`} role="alert" className="mt-1 text-sm text-red-700">{noteError[0]}</p> : null}
                  </>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      {readOnly ? null : (
        <Button type="submit" pending={pending}>Save answers</Button>
      )}
    </form>
  );
}
