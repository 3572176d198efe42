import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";

const control = "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-ink-900 shadow-sm ring-1 ring-inset ring-ink-200 placeholder:text-ink-400 focus:ring-2 focus:ring-inset focus:ring-brand-500 focus:outline-none disabled:bg-ink-50";
const invalidRing = "ring-red-400 focus:ring-red-500";

type FieldProps = { label: string; name: string; error?: string[]; hint?: ReactNode; className?: string };

export function FieldShell({ label, id, error, hint, className, children, required }: { label: string; id: string; error?: string[]; hint?: ReactNode; className?: string; children: ReactNode; required?: boolean }) {
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-ink-800">
        {label}
        {required ? <span className="text-red-600" aria-hidden> *</span> : null}
      </label>
      {children}
      {error?.length ? (
        <p id={`${id}-error`} className="text-sm text-red-700" role="alert">{error[0]}</p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs text-ink-500">{hint}</p>
      ) : null}
    </div>
  );
}

export function TextField({ label, name, error, hint, className, ...rest }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <FieldShell label={label} id={id} error={error} hint={hint} className={className} required={rest.required}>
      <input
        id={id}
        name={name}
        aria-invalid={error?.length ? true : undefined}
        aria-describedby={error?.length ? `${id}-error` : hint ? `${id}-hint` : undefined}
        className={cn(control, error?.length && invalidRing)}
        {...rest}
      />
    </FieldShell>
  );
}

export function SelectField({ label, name, error, hint, className, options, ...rest }: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { options: readonly { value: string; label: string }[] }) {
  const id = useId();
  return (
    <FieldShell label={label} id={id} error={error} hint={hint} className={className} required={rest.required}>
      <select id={id} name={name} aria-invalid={error?.length ? true : undefined} aria-describedby={error?.length ? `${id}-error` : hint ? `${id}-hint` : undefined} className={cn(control, "pr-8", error?.length && invalidRing)} {...rest}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </FieldShell>
  );
}

export function TextAreaField({ label, name, error, hint, className, ...rest }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <FieldShell label={label} id={id} error={error} hint={hint} className={className} required={rest.required}>
      <textarea id={id} name={name} aria-invalid={error?.length ? true : undefined} aria-describedby={error?.length ? `${id}-error` : hint ? `${id}-hint` : undefined} className={cn(control, "min-h-24", error?.length && invalidRing)} {...rest} />
    </FieldShell>
  );
}

export function CheckboxField({ label, name, hint, ...rest }: { label: string; name: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="flex items-start gap-2">
      <input id={id} type="checkbox" name={name} className="mt-0.5 size-4 rounded border-ink-300 text-brand-600 focus:ring-brand-500" {...rest} />
      <div>
        <label htmlFor={id} className="text-sm font-medium text-ink-800">{label}</label>
        {hint ? <p className="text-xs text-ink-500">{hint}</p> : null}
      </div>
    </div>
  );
}

export const controlClass = control;
