"use client";
// Edit the engagement's likelihood × impact matrix: size, labels, the probability of each likelihood
// level, with a live preview. Shrinking below levels that risks use is never silent: the form lists
// those risks and the user chooses to re-rate them first (nothing saved) or to clamp them on save.
import { useMemo, useState, type FormEvent, type InputHTMLAttributes } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { AlertTriangle } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { controlClass, FieldShell } from "@/components/ui/field";
import { HeatMap } from "@/components/risks/heat-map";
import { fieldErrorsFrom, type ActionResult, type FieldErrors } from "@/lib/errors";
import type { RiskMatrix } from "@/lib/engagement-format/schema";
import {
  MATRIX_SIZES,
  RiskMatrixFormSchema,
  defaultRiskMatrix,
  formFromMatrix,
  risksOutOfRange,
  type RatedRisk,
  type RiskMatrixFormInput,
} from "@/lib/risk-matrix/schema";
import { ScrollRegion } from "@/components/ui/scroll-region";

type Values = { size: number; likelihoodLabels: string[]; impactLabels: string[]; likelihoodPercents: string[] };

const toValues = (m: RiskMatrix): Values => {
  const f = formFromMatrix(m);
  return { size: m.size, likelihoodLabels: [...m.likelihoodLabels], impactLabels: [...m.impactLabels], likelihoodPercents: (f.likelihoodPercents as number[]).map(String) };
};

export type RiskMatrixFormProps = {
  engagementId: string;
  version: number;
  matrix: RiskMatrix;
  /** the register's risks, to warn live about levels a smaller matrix would not have */
  risks: RatedRisk[];
  readOnly?: boolean;
  action: (input: unknown) => Promise<ActionResult<{ version: number; clamped: number }>>;
};

export function RiskMatrixForm({ engagementId, version: initialVersion, matrix, risks, readOnly, action }: RiskMatrixFormProps) {
  const router = useRouter();
  const [saved, setSaved] = useState<RiskMatrix>(matrix);
  const [values, setValues] = useState<Values>(() => toValues(matrix));
  const [version, setVersion] = useState(initialVersion);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const [clamp, setClamp] = useState(false);
  const [conflict, setConflict] = useState<{ version: number; values: RiskMatrixFormInput } | null>(null);

  const outside = useMemo(() => risksOutOfRange(risks, values.size), [risks, values.size]);
  const preview = useMemo(() => ({ size: values.size, likelihoodLabels: values.likelihoodLabels, impactLabels: values.impactLabels }), [values]);

  function setSize(size: number) {
    // back to the saved size → the saved labels; another size → that size's defaults (edit them freely)
    setValues(toValues(size === saved.size ? saved : defaultRiskMatrix(size)));
    setErrors({});
  }

  function setAt(key: "likelihoodLabels" | "impactLabels" | "likelihoodPercents", index: number, v: string) {
    setValues((prev) => ({ ...prev, [key]: prev[key].map((x, i) => (i === index ? v : x)) }));
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const raw = { ...values, size: String(values.size) };
    const parsed = RiskMatrixFormSchema.safeParse(raw);
    if (!parsed.success) {
      setErrors(fieldErrorsFrom(parsed.error));
      requestAnimationFrame(() => form.querySelector<HTMLElement>("[aria-invalid='true']")?.focus());
      return;
    }
    if (outside.length && !clamp) {
      setErrors({ size: [`${outside.length} risk${outside.length === 1 ? " uses" : "s use"} a level above ${values.size}. Choose below how to handle ${outside.length === 1 ? "it" : "them"}.`] });
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const res = await action({ engagementId, version, values: raw, clampOutOfRange: clamp });
      if (res.ok) {
        setVersion(res.data.version);
        setSaved({ ...saved, size: values.size, likelihoodLabels: values.likelihoodLabels, impactLabels: values.impactLabels });
        setConflict(null);
        setClamp(false);
        toast.success(res.data.clamped ? `Matrix saved; ${res.data.clamped} risk${res.data.clamped === 1 ? "" : "s"} clamped to level ${values.size}` : "Matrix saved");
        router.refresh();
      } else if (res.code === "INVALID") {
        // field errors come back keyed by the action input ("values.likelihoodLabels.2")
        setErrors(Object.fromEntries(Object.entries(res.fieldErrors).map(([k, v]) => [k.replace(/^values\./, ""), v])));
        toast.error(res.message);
      } else if (res.code === "CONFLICT" && res.current) {
        setConflict(res.current as { version: number; values: RiskMatrixFormInput });
        toast.error("Someone else changed this engagement meanwhile.");
      } else toast.error(res.message);
    } catch {
      toast.error("Sounding could not be reached. Your changes are still in the form; try again.");
    } finally {
      setPending(false);
    }
  }

  function loadTheirs() {
    if (!conflict) return;
    const v = conflict.values;
    setValues({ size: Number(v.size), likelihoodLabels: (v.likelihoodLabels as string[]).map(String), impactLabels: (v.impactLabels as string[]).map(String), likelihoodPercents: (v.likelihoodPercents as unknown[]).map(String) });
    setVersion(conflict.version);
    setConflict(null);
    setErrors({});
  }

  const levels = Array.from({ length: values.size }, (_, k) => values.size - k); // highest first
  const err = (key: string) => errors[key];

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Risk matrix" className="grid gap-8 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div className="space-y-6">
        {conflict ? (
          <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
            <p className="font-semibold">Someone else saved this engagement while you were editing.</p>
            <p className="mt-1">Nothing was overwritten. Their matrix is {String(conflict.values.size)}×{String(conflict.values.size)}: {(conflict.values.likelihoodLabels as string[]).join(", ")}.</p>
            <div className="mt-3 flex gap-2">
              <Button variant="secondary" size="sm" onClick={loadTheirs}>Load their version</Button>
              <Button variant="ghost" size="sm" onClick={() => { setVersion(conflict.version); setConflict(null); }}>Keep mine and save over it</Button>
            </div>
          </div>
        ) : null}

        <fieldset disabled={readOnly || pending} className="space-y-6">
          <FieldShell label="Size" id="matrix-size" error={err("size")} hint="Levels on each axis, 3 to 7. Changing the size loads that size's standard labels; edit them as you like.">
            <div role="radiogroup" aria-label="Matrix size" className="flex flex-wrap gap-2" id="matrix-size">
              {MATRIX_SIZES.map((s) => (
                <label key={s} className="cursor-pointer rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-ink-200 ring-inset has-[:checked]:bg-brand-600 has-[:checked]:text-white has-[:checked]:ring-brand-600 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500">
                  <input type="radio" name="size" value={s} checked={values.size === s} onChange={() => setSize(s)} className="sr-only" />
                  {s}×{s}
                </label>
              ))}
            </div>
          </FieldShell>

          {outside.length > 0 ? (
            <div role="alert" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
              <p className="flex items-start gap-2 font-semibold">
                <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
                {outside.length} risk{outside.length === 1 ? " is" : "s are"} rated above level {values.size}:
              </p>
              <ul className="ml-6 list-disc space-y-0.5">
                {outside.slice(0, 8).map((r) => (
                  <li key={r.id}>
                    {r.title} <span className="text-amber-800">({r.fields.map((f) => `${f.replace(/([A-Z])/g, " $1").toLowerCase()} ${r[f]}`).join(", ")})</span>
                  </li>
                ))}
                {outside.length > 8 ? <li>…and {outside.length - 8} more</li> : null}
              </ul>
              <p>Sounding never leaves a risk outside the matrix. Choose one:</p>
              <div className="space-y-1.5">
                <label className="flex items-start gap-2">
                  <input type="radio" name="outOfRange" checked={!clamp} onChange={() => setClamp(false)} className="mt-0.5" />
                  <span><strong>Re-rate them first</strong> — saving is refused until no risk uses a level above {values.size}.</span>
                </label>
                <label className="flex items-start gap-2">
                  <input type="radio" name="outOfRange" checked={clamp} onChange={() => setClamp(true)} className="mt-0.5" />
                  <span><strong>Clamp them to level {values.size}</strong> when I save — each change is recorded in the activity log. Their probability (what the estimate uses) does not change.</span>
                </label>
              </div>
            </div>
          ) : null}

          <ScrollRegion label="Levels of the risk matrix">
            <table className="w-full text-sm">
              <caption className="sr-only">Labels and probabilities per level, highest level first</caption>
              <thead className="text-left text-xs font-medium tracking-wide text-ink-500 uppercase">
                <tr>
                  <th scope="col" className="w-14 pb-2">Level</th>
                  <th scope="col" className="pr-3 pb-2">Likelihood label</th>
                  <th scope="col" className="w-36 pr-3 pb-2">Probability (%)</th>
                  <th scope="col" className="pb-2">Impact label</th>
                </tr>
              </thead>
              <tbody>
                {levels.map((level) => {
                  const i = level - 1;
                  const cell = (key: "likelihoodLabels" | "impactLabels" | "likelihoodPercents", label: string, extra: InputHTMLAttributes<HTMLInputElement> = {}) => {
                    const e = err(`${key}.${i}`);
                    return (
                      <>
                        <input
                          aria-label={`${label}, level ${level}`}
                          value={values[key][i] ?? ""}
                          onChange={(ev) => setAt(key, i, ev.target.value)}
                          aria-invalid={e ? true : undefined}
                          className={cn(controlClass, e && "ring-red-400")}
                          {...extra}
                        />
                        {e ? <p role="alert" className="mt-1 text-xs text-red-700">{e[0]}</p> : null}
                      </>
                    );
                  };
                  return (
                    <tr key={level} className="align-top">
                      <th scope="row" className="tabular py-1.5 pr-3 text-left font-semibold text-ink-700">{level}</th>
                      <td className="py-1.5 pr-3">{cell("likelihoodLabels", "Likelihood label", { maxLength: 40 })}</td>
                      <td className="py-1.5 pr-3">{cell("likelihoodPercents", "Probability in percent", { inputMode: "decimal" })}</td>
                      <td className="py-1.5">{cell("impactLabels", "Impact label", { maxLength: 40 })}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {["likelihoodLabels", "impactLabels", "likelihoodPercents"].map((k) => (err(k) ? <p key={k} role="alert" className="mt-1 text-sm text-red-700">{err(k)![0]}</p> : null))}
            <p className="mt-2 text-xs text-ink-500">
              The probability of a level is what the estimate uses for a risk rated at that likelihood when the risk gives no probability of its own. Levels must not go down as
              likelihood rises.
            </p>
          </ScrollRegion>
        </fieldset>

        {!readOnly ? (
          <div className="flex items-center gap-3 border-t border-ink-100 pt-5">
            <Button type="submit" pending={pending}>{outside.length && clamp ? `Save and clamp ${outside.length} risk${outside.length === 1 ? "" : "s"}` : "Save matrix"}</Button>
            <Button variant="ghost" onClick={() => { setValues(toValues(saved)); setErrors({}); setClamp(false); }} disabled={pending}>Reset</Button>
          </div>
        ) : (
          <p className="text-sm text-ink-500">Your role can read the matrix; consultants and the lead change it.</p>
        )}
      </div>

      <div>
        <h2 className="mb-2 text-sm font-semibold text-ink-700">Preview with this register</h2>
        <HeatMap matrix={preview} risks={risks} mode="inherent" title="Inherent risk (preview)" />
      </div>
    </form>
  );
}
