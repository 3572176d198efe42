"use client";
// Small field pieces of the assumptions form: a number input with a unit, the default, a reset button
// when the value differs from its default, and an inline error; read-only renders text, no control.
import { memo, type ReactNode } from "react";
import { RotateCcw } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { controlClass } from "@/components/ui/field";

/** The shared control look without its full width (these inputs size to their content). */
export const inputClass = controlClass.replace("w-full", "").replace("block", "inline-block");

export function ResetButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" onClick={onClick} className="inline-flex size-7 shrink-0 items-center justify-center rounded text-ink-500 hover:bg-ink-100 hover:text-ink-800" aria-label={label} title={label}>
      <RotateCcw className="size-3.5" aria-hidden />
    </button>
  );
}

export type NumberInputProps = {
  id: string;
  /** accessible name (the visible label may be elsewhere, e.g. a table row) */
  label: string;
  value: string;
  onChange: (id: string, value: string) => void;
  error?: string[];
  prefix?: string;
  suffix?: string;
  readOnly?: boolean;
  modified?: boolean;
  inputMode?: "decimal" | "numeric";
  width?: string;
  /** default shown as the placeholder */
  placeholder?: string;
};

export const NumberInput = memo(function NumberInput({ id, label, value, onChange, error, prefix, suffix, readOnly, modified, inputMode = "decimal", width = "w-28", placeholder }: NumberInputProps) {
  if (readOnly) {
    return (
      <span id={id} className={cn("tabular inline-block text-sm", modified ? "font-semibold text-amber-900" : "text-ink-800")} aria-label={label}>
        {prefix}
        {value === "" ? "—" : value}
        {suffix ? <span className="text-ink-500"> {suffix}</span> : null}
      </span>
    );
  }
  return (
    <div className="min-w-0">
      <div className="flex items-center gap-1">
        {prefix ? <span className="text-sm text-ink-500" aria-hidden>{prefix}</span> : null}
        <input
          id={id}
          aria-label={label}
          value={value}
          onChange={(e) => onChange(id, e.target.value)}
          inputMode={inputMode}
          autoComplete="off"
          placeholder={placeholder}
          aria-invalid={error?.length ? true : undefined}
          aria-describedby={error?.length ? `${id}-error` : undefined}
          className={cn(inputClass, "tabular px-2 py-1.5 text-right", width, modified && "bg-amber-50 ring-amber-300", error?.length && "ring-red-400 focus:ring-red-500")}
        />
        {suffix ? <span className="text-xs whitespace-nowrap text-ink-500" aria-hidden>{suffix}</span> : null}
      </div>
      {error?.length ? <p id={`${id}-error`} role="alert" className="mt-1 text-xs text-red-700">{error[0]}</p> : null}
    </div>
  );
});

export function LabeledField({ id, label, hint, error, children, className }: { id: string; label: string; hint?: ReactNode; error?: string[]; children: ReactNode; className?: string }) {
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-ink-800">{label}</label>
      {children}
      {error?.length ? null : hint ? <p className="text-xs text-ink-500">{hint}</p> : null}
    </div>
  );
}
