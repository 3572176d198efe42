"use client";
// The fields of one risk: what it is, how likely and how bad (inherent and residual on the engagement's
// matrix, scores shown live), the response and its cost, the impact if it happens, owner and review date.
import type { ReactNode } from "react";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { formatDate } from "@/components/ui/format";
import { ScoreBadge } from "@/components/risks/score-badge";
import type { FieldErrors } from "@/lib/errors";
import type { RiskMatrix } from "@/lib/engagement-format/schema";
import { COST_IMPACT_KIND_LABELS, type RiskFormState } from "@/lib/risks/schema";
import { levelLabels } from "@/lib/risks/score";
import {
  PHASE_LABELS,
  RISK_CATEGORY_LABELS,
  RISK_SCOPE_LABELS,
  RISK_STATUS_LABELS,
  TREATMENT_LABELS,
  WORKSTREAM_LABELS,
  optionsFrom,
} from "@/lib/inventories/labels";

export const RISK_FIELD_LABELS: Record<keyof RiskFormState, string> = {
  title: "Title",
  cause: "Cause",
  effect: "Effect",
  category: "Category",
  likelihood: "Likelihood",
  impact: "Impact",
  residualLikelihood: "Residual likelihood",
  residualImpact: "Residual impact",
  probability: "Probability (%)",
  residualProbability: "Residual probability (%)",
  scope: "Scope",
  treatment: "Treatment",
  mitigationPlan: "Mitigation plan",
  mitigationCost: "Mitigation cost",
  scheduleMin: "Schedule impact, minimum (weeks)",
  scheduleLikely: "Schedule impact, most likely (weeks)",
  scheduleMax: "Schedule impact, maximum (weeks)",
  costKind: "Cost impact",
  costWorkstream: "Cost impact workstream",
  costMin: "Cost impact, minimum",
  costLikely: "Cost impact, most likely",
  costMax: "Cost impact, maximum",
  phase: "Phase",
  owner: "Owner",
  nextReviewDate: "Next review",
  status: "Status",
};

function levelOptions(labels: string[], current: string, unset: string) {
  const opts = [{ value: "", label: unset }, ...labels.map((l, i) => ({ value: String(i + 1), label: `${i + 1} — ${l}` }))];
  if (current && !opts.some((o) => o.value === current)) opts.push({ value: current, label: `${current} — outside this matrix` });
  return opts;
}

const levelOf = (s: string) => (s === "" ? null : Number(s));

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <section className="space-y-4 border-t border-ink-100 pt-5 first:border-t-0 first:pt-0">
      <div>
        <h3 className="text-sm font-semibold text-ink-900">{title}</h3>
        {description ? <p className="text-xs text-ink-500">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}

export function RiskFields({
  state,
  errors,
  setField,
  readOnly,
  matrix,
  currency,
  today,
}: {
  state: RiskFormState;
  errors: FieldErrors;
  setField: <K extends keyof RiskFormState>(key: K, value: RiskFormState[K]) => void;
  readOnly: boolean;
  matrix: RiskMatrix;
  currency: string;
  today: string;
}) {
  const bind = (key: keyof RiskFormState) => ({
    name: key,
    value: state[key],
    error: errors[key],
    onChange: (e: { currentTarget: { value: string } }) => setField(key, e.currentTarget.value),
  });
  const likelihoods = levelLabels(matrix, "likelihood");
  const impacts = levelLabels(matrix, "impact");
  const l = levelOf(state.likelihood);
  const i = levelOf(state.impact);
  const rl = levelOf(state.residualLikelihood);
  const ri = levelOf(state.residualImpact);
  const matrixProbability = l !== null && l <= matrix.size ? matrix.likelihoodProbabilities[l - 1] : undefined;
  const isOverdue = state.nextReviewDate !== "" && state.nextReviewDate < today && state.status !== "closed";
  const costUnit = state.costKind === "amount" ? `(${currency})` : "(%)";

  return (
    <fieldset disabled={readOnly} className="space-y-6">
      <Section title="The risk">
        <TextField label="Title" {...bind("title")} required placeholder="e.g. Vendor professional services scoped to data only" />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextAreaField label="Cause" {...bind("cause")} rows={2} placeholder="What would make it happen" />
          <TextAreaField label="Effect" {...bind("effect")} rows={2} placeholder="What happens to the migration if it does" />
          <SelectField label="Category" {...bind("category")} options={optionsFrom(RISK_CATEGORY_LABELS)} />
          <SelectField label="Phase" {...bind("phase")} options={optionsFrom(PHASE_LABELS)} hint="When it would bite" />
          <SelectField label="Scope" {...bind("scope")} options={optionsFrom(RISK_SCOPE_LABELS)} hint="Per interface / per wave: the probability applies to each" />
        </div>
      </Section>

      <Section title="Assessment" description={`On this engagement's ${matrix.size} × ${matrix.size} likelihood × impact matrix. Score = likelihood × impact.`}>
        <div className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
          <SelectField label="Likelihood" {...bind("likelihood")} options={levelOptions(likelihoods, state.likelihood, "Choose…")} required />
          <SelectField label="Impact" {...bind("impact")} options={levelOptions(impacts, state.impact, "Choose…")} required />
          <div className="space-y-1.5">
            <span className="block text-sm font-medium text-ink-800">Inherent score</span>
            <div className="flex h-9 items-center" aria-live="polite">
              <ScoreBadge score={l !== null && i !== null ? l * i : null} size={matrix.size} />
            </div>
          </div>
          <SelectField label="Residual likelihood" {...bind("residualLikelihood")} options={levelOptions(likelihoods, state.residualLikelihood, "Not assessed")} hint="After the mitigation" />
          <SelectField label="Residual impact" {...bind("residualImpact")} options={levelOptions(impacts, state.residualImpact, "Not assessed")} />
          <div className="space-y-1.5">
            <span className="block text-sm font-medium text-ink-800">Residual score</span>
            <div className="flex h-9 items-center" aria-live="polite">
              <ScoreBadge score={rl !== null && ri !== null ? rl * ri : null} size={matrix.size} />
            </div>
          </div>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Probability (%)"
            {...bind("probability")}
            inputMode="decimal"
            placeholder={matrixProbability !== undefined ? `${Math.round(matrixProbability * 100)} (from the matrix)` : "from the matrix"}
            hint="Optional: overrides the matrix's probability for this likelihood in the estimate"
          />
          <TextField label="Residual probability (%)" {...bind("residualProbability")} inputMode="decimal" placeholder="from the matrix" />
        </div>
      </Section>

      <Section title="Response">
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label="Treatment" {...bind("treatment")} options={optionsFrom(TREATMENT_LABELS)} />
          <TextField label={`Mitigation cost (${currency})`} {...bind("mitigationCost")} inputMode="decimal" placeholder="0" hint="What the mitigation itself costs" />
        </div>
        <TextAreaField label="Mitigation plan" {...bind("mitigationPlan")} rows={3} placeholder="What we do to make it less likely or less bad, and by when" />
      </Section>

      <Section title="Impact if it happens" description="Three-point estimates (minimum, most likely, maximum) feed the Monte Carlo schedule and cost.">
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-ink-800">Schedule impact (weeks)</legend>
          <div className="grid grid-cols-3 gap-3">
            <TextField label="Minimum" {...bind("scheduleMin")} inputMode="decimal" />
            <TextField label="Most likely" {...bind("scheduleLikely")} inputMode="decimal" />
            <TextField label="Maximum" {...bind("scheduleMax")} inputMode="decimal" />
          </div>
          <p className="text-xs text-ink-500">Leave all three empty when it does not delay the schedule.</p>
        </fieldset>
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-ink-800">Cost impact</legend>
          <div role="radiogroup" aria-label="Cost impact" className="flex flex-wrap gap-2">
            {(Object.keys(COST_IMPACT_KIND_LABELS) as (keyof typeof COST_IMPACT_KIND_LABELS)[]).map((k) => (
              <label key={k} className={cn("flex cursor-pointer items-center gap-2 rounded-md px-3 py-1.5 text-sm ring-1 ring-inset ring-ink-200 has-[:checked]:bg-brand-50 has-[:checked]:ring-2 has-[:checked]:ring-brand-500 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500")}>
                <input type="radio" name="costKind" value={k} checked={state.costKind === k} onChange={() => {
                    if (state.costKind !== k) for (const f of ["costMin", "costLikely", "costMax"] as const) setField(f, "");
                    setField("costKind", k);
                  }} className="size-4 text-brand-600" />
                {COST_IMPACT_KIND_LABELS[k]}
              </label>
            ))}
          </div>
          {state.costKind === "effort_share" ? (
            <SelectField label="Workstream" {...bind("costWorkstream")} options={[{ value: "", label: "Choose…" }, ...optionsFrom(WORKSTREAM_LABELS)]} className="sm:max-w-xs" />
          ) : null}
          {state.costKind !== "none" ? (
            <>
            {state.costKind === "effort_share" ? <p className="text-xs text-ink-500">Extra effort as a share of the workstream&apos;s hours: 25 means +25%.</p> : null}
            <div className="grid grid-cols-3 gap-3">
              <TextField label={`Minimum ${costUnit}`} {...bind("costMin")} inputMode="decimal" />
              <TextField label={`Most likely ${costUnit}`} {...bind("costLikely")} inputMode="decimal" />
              <TextField label={`Maximum ${costUnit}`} {...bind("costMax")} inputMode="decimal" />
            </div>
            </>
          ) : null}
        </fieldset>
      </Section>

      <Section title="Ownership">
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField label="Owner" {...bind("owner")} placeholder="A named person or role" />
          <TextField
            label="Next review"
            {...bind("nextReviewDate")}
            type="date"
            className={cn(isOverdue && "[&_input]:ring-2 [&_input]:ring-red-500")}
            hint={isOverdue ? <span className="font-medium text-red-700">Overdue since {formatDate(state.nextReviewDate)}</span> : undefined}
          />
          <SelectField label="Status" {...bind("status")} options={optionsFrom(RISK_STATUS_LABELS)} />
        </div>
      </Section>
    </fieldset>
  );
}
