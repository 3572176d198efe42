"use client";
// The engagement's audit-trail policy: one form, created by the first save, versioned like every row.
// Warns while the policy is undecided, or archived without a documented retrieval procedure.
import { useMemo, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { AlertTriangle, CheckCircle2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FieldShell, TextAreaField, TextField } from "@/components/ui/field";
import { formatDateTime } from "@/components/ui/format";
import { ConflictNotice } from "@/components/inventory/conflict-notice";
import { fieldErrorsFrom, type ActionResult, type FieldErrors } from "@/lib/errors";
import { AUDIT_POLICIES } from "@/lib/engagement-format/schema";
import { AUDIT_POLICY_EXPLANATIONS, AUDIT_POLICY_LABELS, labelOf } from "@/lib/inventories/labels";
import {
  AuditTrailFormSchema,
  auditTrailToForm,
  auditTrailWarnings,
  RETRIEVAL_PROCEDURE_PLACEHOLDER,
  type AuditTrailFormState,
  type AuditTrailPolicyDto,
} from "@/lib/audit-trail/schema";

const FIELD_LABELS: Record<keyof AuditTrailFormState, string> = {
  policy: "Policy",
  sourceLogRows: "Source audit-log rows",
  sourceLogYears: "Years of source log",
  retentionYears: "Retention (years)",
  retentionBasis: "Retention basis",
  destination: "Destination or archive location",
  retrievalProcedure: "Retrieval procedure",
  owner: "Owner",
};

const unreachable = "Sounding could not be reached. Your changes are still in the form; try again.";

export function AuditTrailForm({
  engagementId,
  saved,
  defaults,
  canEdit,
  action,
}: {
  engagementId: string;
  saved: AuditTrailPolicyDto | null;
  defaults: AuditTrailFormState;
  canEdit: boolean;
  action: ((input: unknown) => Promise<ActionResult<{ version: number }>>) | null;
}) {
  const router = useRouter();
  const [state, setState] = useState<AuditTrailFormState>(saved ? auditTrailToForm(saved.values) : defaults);
  const [version, setVersion] = useState(saved?.version ?? 0);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const [conflict, setConflict] = useState<AuditTrailPolicyDto | null>(null);
  const readOnly = !canEdit || !action;
  const warnings = useMemo(() => auditTrailWarnings(state), [state]);

  const set = (key: keyof AuditTrailFormState) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setState((s) => ({ ...s, [key]: value }));
    setErrors((er) => (er[key] ? Object.fromEntries(Object.entries(er).filter(([k]) => k !== key)) : er));
  };
  const bind = (key: keyof AuditTrailFormState) => ({ name: key, value: state[key], error: errors[key], onChange: set(key) });
  const example = (text: string) => (readOnly ? undefined : text); // read-only: an empty field must not look filled in

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (readOnly || pending) return;
    const parsed = AuditTrailFormSchema.safeParse(state);
    if (!parsed.success) {
      setErrors(fieldErrorsFrom(parsed.error));
      requestAnimationFrame(() => document.querySelector<HTMLElement>("form[aria-label='Audit-trail policy'] [aria-invalid='true']")?.focus());
      return;
    }
    setPending(true);
    try {
      const res = await action({ engagementId, version, values: state });
      if (res.ok) {
        setVersion(res.data.version);
        setConflict(null);
        setErrors({});
        toast.success(version === 0 ? "Audit-trail policy recorded" : "Changes saved");
        router.refresh();
      } else if (res.code === "INVALID") {
        setErrors(res.fieldErrors);
        toast.error(res.message);
      } else if (res.code === "CONFLICT" && res.current) {
        setConflict(res.current as AuditTrailPolicyDto);
        toast.error("Someone else changed the policy meanwhile. Nothing was overwritten.");
      } else toast.error(res.message);
    } catch {
      toast.error(unreachable);
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Audit-trail policy" className="space-y-6">
      {conflict ? (
        <ConflictNotice
          mine={state}
          theirs={auditTrailToForm(conflict.values)}
          labels={FIELD_LABELS}
          describe={(f, v) => (v === "" ? "(empty)" : f === "policy" ? labelOf(AUDIT_POLICY_LABELS, String(v)) : String(v))}
          updatedAt={conflict.updatedAt}
          onLoadTheirs={() => {
            setState(auditTrailToForm(conflict.values));
            setVersion(conflict.version);
            setConflict(null);
            setErrors({});
          }}
          onKeepMine={() => {
            setVersion(conflict.version);
            setConflict(null);
          }}
        />
      ) : null}

      {warnings.length ? (
        <div role="status" className="space-y-1.5 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
          {warnings.map((w) => (
            <p key={w.field} className="flex items-start gap-2">
              <AlertTriangle className="mt-0.5 size-4 shrink-0 text-amber-600" aria-hidden /> {w.message}
            </p>
          ))}
        </div>
      ) : (
        <p role="status" className="flex items-center gap-2 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          <CheckCircle2 className="size-4" aria-hidden /> The policy says what happens to the source audit log and how an access question is answered after cutover.
        </p>
      )}

      <fieldset disabled={readOnly} className="space-y-6">
        <FieldShell label="Policy" id="policy-undecided" error={errors.policy} required>
          <div role="radiogroup" aria-label="Policy" className="grid gap-3 md:grid-cols-2">
            {AUDIT_POLICIES.map((p) => (
              <label
                key={p}
                className={cn(
                  "flex cursor-pointer gap-3 rounded-lg p-3 ring-1 ring-inset ring-ink-200 has-[:checked]:bg-brand-50 has-[:checked]:ring-2 has-[:checked]:ring-brand-500 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500",
                  p === "undecided" && "has-[:checked]:bg-amber-50 has-[:checked]:ring-amber-400",
                )}
              >
                <input type="radio" name="policy" id={`policy-${p}`} value={p} checked={state.policy === p} onChange={set("policy")} className="mt-1 size-4 text-brand-600" />
                <span>
                  <span className="block text-sm font-medium text-ink-900">{AUDIT_POLICY_LABELS[p]}</span>
                  <span className="block text-xs text-ink-600">{AUDIT_POLICY_EXPLANATIONS[p]}</span>
                </span>
              </label>
            ))}
          </div>
        </FieldShell>

        <div className="grid gap-5 sm:grid-cols-2 lg:grid-cols-4">
          <TextField label="Source audit-log rows" {...bind("sourceLogRows")} inputMode="numeric" placeholder={example("e.g. 48,000,000")} hint="Approximate; empty if unknown" />
          <TextField label="Years of source log" {...bind("sourceLogYears")} inputMode="decimal" placeholder={example("e.g. 11")} />
          <TextField label="Retention (years)" {...bind("retentionYears")} inputMode="decimal" placeholder={example("e.g. 10")} />
          <TextField label="Owner" {...bind("owner")} placeholder={example("e.g. Privacy officer")} />
        </div>
        <TextField label="Retention basis" {...bind("retentionBasis")} placeholder={example("e.g. HIPAA 164.316(b)(2): 6 years; state law: 10 years")} />
        <TextField
          label={state.policy === "migrate" ? "Destination audit format" : "Destination or archive location"}
          {...bind("destination")}
          placeholder={example(state.policy === "migrate" ? "e.g. athenaOne access log, via the vendor's audit import" : "e.g. read-only archive database, S3 bucket + query service")}
        />
        <TextAreaField
          label="Retrieval procedure"
          {...bind("retrievalProcedure")}
          rows={7}
          placeholder={example(RETRIEVAL_PROCEDURE_PLACEHOLDER)}
        />
      </fieldset>

      <div className="flex flex-wrap items-center gap-3 border-t border-ink-100 pt-5">
        {!readOnly ? <Button type="submit" pending={pending}>{version === 0 ? "Save policy" : "Save changes"}</Button> : null}
        <p className="text-xs text-ink-500">
          {saved ? `Last saved ${formatDateTime(saved.updatedAt)} · version ${version}` : "Not recorded yet: the first save creates the policy."}
          {readOnly ? " Read only." : ""}
        </p>
      </div>
    </form>
  );
}
