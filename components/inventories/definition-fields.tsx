"use client";
// The editor form of an inventory, drawn from its definition: every field the generic form edits
// (lib/inventories/derive.ts formFieldsOf) with its label, placeholder, hint and vocabulary — short fields in two
// columns, long texts full width, yes/no as checkboxes. Controlled by the row editor (use-row-editor).
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import type { FieldsProps, AnyState } from "@/components/inventories/extension";
import type { Fields, InventoryDefinition } from "@/lib/inventories/definition";
import type { Field } from "@/lib/inventories/fields";
import { formFieldsOf } from "@/lib/inventories/derive";
import { labelsOfVocabulary, optionsFrom } from "@/lib/inventories/labels";

/** A vocabulary's options for a select; a value that must be chosen starts with "Choose…". */
export function vocabularyOptions(f: Field): { value: string; label: string }[] {
  const labels = f.vocabulary ? (labelsOfVocabulary(f.vocabulary) ?? Object.fromEntries(f.vocabulary.map((v) => [v, v]))) : {};
  return [...(f.isRequired ? [{ value: "", label: "Choose…" }] : []), ...optionsFrom(labels)];
}

function FieldInput({ name, f, p }: { name: string; f: Field; p: FieldsProps<AnyState> }) {
  const common = {
    label: f.label,
    name,
    error: p.errors[name],
    hint: f.hint,
    required: f.isRequired,
  };
  const onChange = (e: { currentTarget: { value: string } }) => p.setField(name, e.currentTarget.value);
  const value = String(p.state[name] ?? "");
  if (f.kind === "bool") return <CheckboxField label={f.label} name={name} hint={f.hint} checked={Boolean(p.state[name])} onChange={(e) => p.setField(name, e.currentTarget.checked)} />;
  if (f.kind === "enum") return <SelectField {...common} value={value} onChange={onChange} options={vocabularyOptions(f)} />;
  if (f.multiline) return <TextAreaField {...common} value={value} onChange={onChange} rows={3} placeholder={f.placeholder} />;
  const inputMode = f.kind === "int" ? "numeric" : f.kind === "number" ? "decimal" : undefined;
  return <TextField {...common} value={value} onChange={onChange} inputMode={inputMode} placeholder={f.placeholder} />;
}

export function DefinitionFields({ definition, ...p }: FieldsProps<AnyState> & { definition: InventoryDefinition<Fields> }) {
  const fields = formFieldsOf(definition);
  const short = fields.filter(([, f]) => !f.multiline && f.kind !== "bool");
  const rest = fields.filter(([, f]) => f.multiline || f.kind === "bool");
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        {short.map(([name, f]) => <FieldInput key={name} name={name} f={f} p={p} />)}
      </div>
      {rest.map(([name, f]) => <FieldInput key={name} name={name} f={f} p={p} />)}
    </>
  );
}
