"use client";
import { useId, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField, FieldShell } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { fieldErrorsFrom, type ActionResult, type FieldErrors } from "@/lib/errors";
import {
  AUDIT_POLICY_CHOICES,
  COMMON_EMRS,
  ENGAGEMENT_STATUS_LABELS,
  EngagementCreateSchema,
  EngagementFormSchema,
  type EngagementFormInput,
} from "@/lib/engagements/schema";
import { FEE_BASIS_LABELS } from "@/lib/assumptions/schema";
import { MIGRATION_TYPES, MIGRATION_TYPE_LABELS } from "@/lib/engagement-format/schema";

type CreateProps = {
  mode: "create";
  initial?: Partial<EngagementFormInput>;
  action: (values: unknown) => Promise<ActionResult<{ id: string }>>;
};
type EditProps = {
  mode: "edit";
  engagementId: string;
  version: number;
  initial: EngagementFormInput;
  action: (input: unknown) => Promise<ActionResult<{ version: number }>>;
  readOnly?: boolean;
};

const statusOptions = Object.entries(ENGAGEMENT_STATUS_LABELS).map(([value, label]) => ({ value, label }));
const basisOptions = Object.entries(FEE_BASIS_LABELS).map(([value, label]) => ({ value, label }));

export function EngagementForm(props: CreateProps | EditProps) {
  const router = useRouter();
  const listId = useId();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const [version, setVersion] = useState(props.mode === "edit" ? props.version : 0);
  const [formKey, setFormKey] = useState(0);
  const [values, setValues] = useState<Partial<EngagementFormInput>>(props.initial ?? {});
  const [conflict, setConflict] = useState<{ version: number; values: Partial<EngagementFormInput> } | null>(null);
  const readOnly = props.mode === "edit" && props.readOnly;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const raw = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, unknown>;
    const parsed = (props.mode === "create" ? EngagementCreateSchema : EngagementFormSchema).safeParse(raw);
    if (!parsed.success) {
      setErrors(fieldErrorsFrom(parsed.error));
      focusFirstError(event.currentTarget);
      return;
    }
    setErrors({});
    setPending(true);
    try {
      if (props.mode === "create") {
        const res = await props.action(raw);
        if (res.ok) {
          toast.success("Engagement created");
          router.push(`/engagements/${res.data.id}`);
          return;
        }
        handleFailure(res, event.currentTarget);
      } else {
        const res = await props.action({ engagementId: props.engagementId, version, values: raw });
        if (res.ok) {
          setVersion(res.data.version);
          setValues(raw as Partial<EngagementFormInput>);
          setConflict(null);
          toast.success("Changes saved");
          router.refresh();
        } else handleFailure(res, event.currentTarget);
      }
    } catch {
      toast.error("Sounding could not be reached. Your changes are still in the form; try again.");
    } finally {
      setPending(false);
    }
  }

  function handleFailure(res: Exclude<ActionResult<unknown>, { ok: true }>, form: HTMLFormElement) {
    if (res.code === "INVALID") {
      setErrors(res.fieldErrors);
      focusFirstError(form);
      toast.error(res.message);
    } else if (res.code === "CONFLICT" && res.current) {
      const current = res.current as EngagementFormInput & { version: number };
      setConflict({ version: current.version, values: current });
      toast.error("Someone else changed this engagement meanwhile.");
    } else toast.error(res.message);
  }

  function loadTheirs() {
    if (!conflict) return;
    setValues(conflict.values);
    setVersion(conflict.version);
    setConflict(null);
    setErrors({});
    setFormKey((k) => k + 1);
  }

  const v = values;
  const str = (x: unknown) => (x === undefined || x === null ? "" : String(x));

  return (
    <form key={formKey} onSubmit={onSubmit} noValidate className="space-y-8" aria-label={props.mode === "create" ? "New engagement" : "Engagement details"}>
      {conflict ? (
        <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          <p className="font-semibold">Someone else saved this engagement while you were editing.</p>
          <p className="mt-1">Nothing was overwritten. Their version: <strong>{str(conflict.values.clientName)}</strong> — {str(conflict.values.name)}, type {str(conflict.values.migrationType)}, {str(conflict.values.providers)} providers, start {str(conflict.values.plannedStart)}.</p>
          <div className="mt-3 flex gap-2">
            <Button variant="secondary" size="sm" onClick={loadTheirs}>Load their version</Button>
            <Button variant="ghost" size="sm" onClick={() => { setVersion(conflict.version); setConflict(null); }}>Keep mine and overwrite on next save</Button>
          </div>
        </div>
      ) : null}

      <fieldset disabled={readOnly} className="space-y-5">
        <legend className="text-base font-semibold">Client and engagement</legend>
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField label="Client organization" name="clientName" defaultValue={str(v.clientName)} error={errors.clientName} required placeholder="e.g. Cedar Ridge Behavioral Health" />
          <TextField label="Engagement name" name="name" defaultValue={str(v.name)} error={errors.name} required placeholder="e.g. EMR replacement 2027" />
        </div>
        <FieldShell label="Migration type" id="migrationType" error={errors.migrationType} required>
          <div role="radiogroup" aria-label="Migration type" className="grid gap-3 md:grid-cols-3">
            {MIGRATION_TYPES.map((t) => (
              <label key={t} className={cn("flex cursor-pointer gap-3 rounded-lg p-3 ring-1 ring-inset ring-ink-200 has-[:checked]:bg-brand-50 has-[:checked]:ring-2 has-[:checked]:ring-brand-500 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500")}>
                <input type="radio" name="migrationType" value={t} defaultChecked={v.migrationType === t} className="mt-1 size-4 text-brand-600" id={t === "A" ? "migrationType" : undefined} />
                <span>
                  <span className="block text-sm font-medium text-ink-900">{MIGRATION_TYPE_LABELS[t].name}</span>
                  <span className="block text-xs text-ink-600">{MIGRATION_TYPE_LABELS[t].explanation}</span>
                </span>
              </label>
            ))}
          </div>
        </FieldShell>
        <datalist id={listId}>{COMMON_EMRS.map((e) => <option key={e} value={e} />)}</datalist>
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField label="Source system" name="sourceSystem" defaultValue={str(v.sourceSystem)} error={errors.sourceSystem} list={listId} placeholder="Start typing — e.g. eClinicalWorks" />
          <TextField label="Destination system" name="destinationSystem" defaultValue={str(v.destinationSystem)} error={errors.destinationSystem} list={listId} placeholder="e.g. athenaOne (athenahealth)" />
        </div>
      </fieldset>

      <fieldset disabled={readOnly} className="space-y-5">
        <legend className="text-base font-semibold">Organization profile</legend>
        <p className="-mt-3 text-sm text-ink-500">Sizes drive the estimate. Use your best current figure; you can refine it at any time.</p>
        <div className="grid gap-5 sm:grid-cols-2 lg:grid-cols-4">
          <TextField label="Providers" name="providers" inputMode="numeric" defaultValue={str(v.providers)} error={errors.providers} required />
          <TextField label="Locations" name="locations" inputMode="numeric" defaultValue={str(v.locations)} error={errors.locations} required />
          <TextField label="Specialties" name="specialties" inputMode="numeric" defaultValue={str(v.specialties)} error={errors.specialties} required />
          <TextField label="EMR users (staff)" name="staffUsers" inputMode="numeric" defaultValue={str(v.staffUsers)} error={errors.staffUsers} required />
          <TextField label="Active patients" name="activePatients" inputMode="numeric" defaultValue={str(v.activePatients)} error={errors.activePatients} required hint="Thousands separators are fine: 120,000" />
          <TextField label="Years of data" name="yearsOfData" inputMode="decimal" defaultValue={str(v.yearsOfData)} error={errors.yearsOfData} required />
          <TextField label="Source systems" name="sourceSystemCount" inputMode="numeric" defaultValue={str(v.sourceSystemCount ?? 1)} error={errors.sourceSystemCount} required hint="Systems whose data moves" />
        </div>
      </fieldset>

      <fieldset disabled={readOnly} className="space-y-5">
        <legend className="text-base font-semibold">Plan</legend>
        <div className="grid gap-5 sm:grid-cols-3">
          <TextField label="Planned start" name="plannedStart" type="date" defaultValue={str(v.plannedStart)} error={errors.plannedStart} required />
          <TextField label="Currency" name="currency" defaultValue={str(v.currency ?? "USD")} error={errors.currency} maxLength={3} required hint="ISO code, e.g. USD" />
          <SelectField label="Status" name="status" defaultValue={str(v.status ?? "scoping")} error={errors.status} options={statusOptions} />
        </div>
      </fieldset>

      {props.mode === "create" ? <QuoteInputsFieldset errors={errors} /> : null}

      {!readOnly ? (
        <div className="flex items-center gap-3 border-t border-ink-100 pt-5">
          <Button type="submit" pending={pending}>{props.mode === "create" ? "Create engagement" : "Save changes"}</Button>
          {props.mode === "create" ? <Button variant="ghost" onClick={() => router.push("/engagements")}>Cancel</Button> : null}
        </div>
      ) : null}
    </form>
  );
}

/**
 * What the estimate cannot guess, asked for at creation (all optional). Left blank, each stays "not
 * entered" on the overview's checklist, which links to where it is entered later.
 */
function QuoteInputsFieldset({ errors }: { errors: FieldErrors }) {
  return (
    <fieldset className="space-y-5" aria-describedby="quote-inputs-help">
      <legend className="text-base font-semibold">What the estimate cannot guess <span className="font-normal text-ink-600">(optional)</span></legend>
      <p id="quote-inputs-help" className="-mt-3 text-sm text-ink-600">
        Leave any of these blank to enter later: the overview&apos;s checklist shows what is still missing and links to where it goes.
        Until then the estimate leaves license overlap out of the cost and uses default waves and team.
      </p>
      <div className="grid gap-5 sm:grid-cols-2">
        <div className="space-y-3 rounded-md p-3 ring-1 ring-inset ring-ink-100">
          <TextField label="Destination license fee (dollars)" name="destinationFee" inputMode="decimal" error={errors.destinationFee} placeholder="Enter later" hint="What the new system costs, e.g. 520" />
          <SelectField label="Destination fee basis" name="destinationFeeBasis" defaultValue="per_provider_month" error={errors.destinationFeeBasis} options={basisOptions} />
        </div>
        <div className="space-y-3 rounded-md p-3 ring-1 ring-inset ring-ink-100">
          <TextField label="Source license fee (dollars)" name="sourceFee" inputMode="decimal" error={errors.sourceFee} placeholder="Enter later" hint="What the current system costs while both run" />
          <SelectField label="Source fee basis" name="sourceFeeBasis" defaultValue="per_provider_month" error={errors.sourceFeeBasis} options={basisOptions} />
        </div>
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <TextAreaField
          label="Cutover waves or sites"
          name="waves"
          error={errors.waves}
          rows={4}
          placeholder={"Enter later, or one per line:\nMain campus\nNorth clinics"}
          hint="One per line, in cutover order. Providers and users are split evenly; refine them on the Assumptions page."
        />
        <div className="space-y-5">
          <SelectField label="Audit-trail policy" name="auditPolicy" defaultValue="undecided" error={errors.auditPolicy} options={AUDIT_POLICY_CHOICES} hint="Who looked at patient X's record in 2022? — details on the Audit trail page" />
          <TextField label="Migration team (FTE)" name="teamFte" inputMode="decimal" error={errors.teamFte} placeholder="Enter later" hint="People working on the migration full time, 0.5 to 500" />
          <TextField label="Clinical lead's email" name="reviewerEmail" type="email" autoComplete="off" error={errors.reviewerEmail} placeholder="Enter later" hint="Added as clinical reviewer: reviews and signs off the workflows" />
        </div>
      </div>
    </fieldset>
  );
}

function focusFirstError(form: HTMLFormElement) {
  requestAnimationFrame(() => form.querySelector<HTMLElement>("[aria-invalid='true']")?.focus());
}
