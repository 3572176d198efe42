"use client";
// The bulk edit bar: with rows selected in the table, set one field (the definition's `bulk` fields: owner,
// status, mapping status…) to one value on all of them. One server action, all or nothing; a row someone else
// changed meanwhile stops the whole edit (nothing is written) and the table reloads.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { vocabularyOptions } from "@/components/inventories/definition-fields";
import type { RowAction } from "@/components/inventory/use-row-editor";
import type { Fields, InventoryDefinition } from "@/lib/inventories/definition";
import { bulkFieldsOf } from "@/lib/inventories/derive";
import type { RowMeta } from "@/lib/inventories/table-query";

export type BulkUpdateAction = RowAction<{ updated: number }>;

export function BulkEditBar({
  definition,
  engagementId,
  rows,
  noun,
  onDone,
  action,
}: {
  definition: InventoryDefinition<Fields>;
  engagementId: string;
  /** The selected rows (on this page), with the versions shown. */
  rows: RowMeta[];
  noun: [singular: string, plural: string];
  onDone: () => void;
  action: BulkUpdateAction;
}) {
  const router = useRouter();
  const fields = bulkFieldsOf(definition);
  const [field, setField] = useState(fields[0]?.[0] ?? "");
  const f = fields.find(([n]) => n === field)?.[1];
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  if (!f || rows.length === 0) return null;
  const options = f.kind === "bool" ? [{ value: "", label: "Choose…" }, { value: "true", label: "Yes" }, { value: "false", label: "No" }] : f.kind === "enum" ? [{ value: "", label: "Choose…" }, ...vocabularyOptions({ ...f, isRequired: false })] : null;
  const count = `${rows.length} ${rows.length === 1 ? noun[0] : noun[1]}`;

  async function apply() {
    if (options && value === "") {
      setError(`Choose the new ${f!.label.toLowerCase()}`);
      return;
    }
    setError(null);
    setPending(true);
    try {
      const res = await action({ engagementId, rows: rows.map((r) => ({ id: r.id, version: r.version })), field, value: f!.kind === "bool" ? value === "true" : value });
      if (res.ok) {
        toast.success(res.data.updated === 0 ? `Nothing to change: the ${count} already had that ${f!.label.toLowerCase()}` : `${f!.label} set on ${res.data.updated} ${res.data.updated === 1 ? noun[0] : noun[1]}`);
        onDone();
        router.refresh();
      } else if (res.code === "INVALID") {
        setError(res.fieldErrors.value?.[0] ?? res.message);
      } else {
        toast.error(res.message);
        if (res.code === "CONFLICT" || res.code === "NOT_FOUND") router.refresh();
      }
    } catch {
      toast.error("Sounding could not be reached. Nothing was changed; try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      className="flex flex-wrap items-end gap-2 rounded-lg bg-brand-50 p-3 ring-1 ring-brand-200"
      aria-label={`Change the ${count} selected`}
      onSubmit={(e) => {
        e.preventDefault();
        void apply();
      }}
    >
      <p className="mr-2 self-center text-sm font-medium text-ink-900" aria-live="polite">{count} selected</p>
      <label className="text-sm text-ink-700">
        <span className="block text-xs text-ink-600">Set</span>
        <select className={cn(controlClass, "max-w-48")} value={field} onChange={(e) => { setField(e.currentTarget.value); setValue(""); setError(null); }}>
          {fields.map(([n, x]) => <option key={n} value={n}>{x.label}</option>)}
        </select>
      </label>
      <label className="text-sm text-ink-700">
        <span className="block text-xs text-ink-600">to</span>
        {options ? (
          <select className={cn(controlClass, "max-w-56")} value={value} aria-invalid={error ? true : undefined} aria-describedby={error ? "bulk-error" : undefined} onChange={(e) => setValue(e.currentTarget.value)}>
            {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        ) : (
          <input className={cn(controlClass, "max-w-56")} value={value} placeholder={f.placeholder ?? "Leave empty to clear"} aria-invalid={error ? true : undefined} aria-describedby={error ? "bulk-error" : undefined} onChange={(e) => setValue(e.currentTarget.value)} />
        )}
      </label>
      <Button type="submit" pending={pending}>Apply to {count}</Button>
      <Button variant="ghost" onClick={onDone}>Clear selection</Button>
      {error ? <p id="bulk-error" className="basis-full text-sm text-red-700" role="alert">{error}</p> : null}
    </form>
  );
}
