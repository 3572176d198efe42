// The generic view (components/inventories) draws each inventory from its definition: this derives the table's
// columns and filters, the form's fields, the bulk-edit fields, the spreadsheet (import) columns and the docs
// table of every inventory and checks they agree — a field shown in the table is documented with the same header,
// a field the form edits can be imported, an extension only speaks of fields the definition has.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFINITIONS } from "@/lib/inventories/definitions";
import { INVENTORY_KEYS, type Fields, type InventoryDefinition } from "@/lib/inventories/definition";
import { bulkFieldsOf, emptyFormOf, fieldsMarkdown, filtersOf, formFieldsOf, formSchemaOf, importColumnsOf, tableColumnsOf } from "@/lib/inventories/derive";
import { EXTENSIONS } from "@/components/inventories/extensions";
import { columnsOf, filterDefsOf, nameFieldOf } from "@/components/inventories/table-columns";
import type { AnyRow } from "@/components/inventories/extension";
import { withInventoryFields } from "@/lib/inventories/docs";

const docsRows = (md: string) =>
  new Map(
    md
      .split("\n")
      .slice(2)
      .map((line) => line.split(" | ").map((c) => c.replace(/^\| /, "").trim()))
      .map(([field, label, key, table, filter, form, bulk]) => [field!.replace(/`/g, ""), { label, key, table, filter, form, bulk }]),
  );

describe.each(INVENTORY_KEYS)("the %s view", (key) => {
  const d: InventoryDefinition<Fields> = DEFINITIONS[key];
  const ext = EXTENSIONS[key];
  const context = { currency: "USD", today: "2027-01-15", matrix: { size: 5 } as never, filterValues: { system: ["A", "B"] } };
  const noop = (_r: AnyRow) => undefined;

  it("shows the definition's table fields in order, with the headers the docs table gives them", () => {
    const columns = columnsOf(d, ext, context, noop);
    const fieldColumns = columns.filter((c) => c.id in d.fields);
    expect(fieldColumns.map((c) => c.id)).toEqual(tableColumnsOf(d).map((c) => c.field));
    const docs = docsRows(fieldsMarkdown(d));
    for (const c of fieldColumns) {
      expect(c.header, c.id).toBe(docs.get(c.id)!.table);
      expect(Boolean(c.sortKey), c.id).toBe(Boolean(d.fields[c.id]!.sort));
    }
    // the computed columns sort by the computed sorts the query knows (a risk's score), never by a missing field
    for (const c of columns.filter((x) => !(x.id in d.fields))) expect(c.sortKey === undefined || ["score", "residualScore"].includes(c.sortKey)).toBe(true);
  });

  it("filters on the definition's filter fields (with the definition's labels), plus the flags the extension names", () => {
    const filters = filterDefsOf(d, ext, context, {});
    const expected = filtersOf(d).map((f) => f.param);
    expect(filters.map((f) => f.name)).toEqual([...expected, ...(ext.flags ? ["flag"] : [])]);
    const docs = docsRows(fieldsMarkdown(d));
    for (const f of filtersOf(d)) {
      expect(filters.find((x) => x.name === f.param)!.label).toBe(d.fields[f.field]!.label);
      expect(docs.get(f.field)!.filter).toBe(`\`${f.param}\``);
      if (f.vocabulary) expect(filters.find((x) => x.name === f.param)!.options.map((o) => o.value)).toEqual([...f.vocabulary]);
    }
  });

  it("an extension only names fields the definition has", () => {
    for (const field of Object.keys(ext.cells ?? {})) expect(tableColumnsOf(d).map((c) => c.field)).toContain(field);
    for (const { before } of ext.computed?.(context) ?? []) if (before) expect(tableColumnsOf(d).map((c) => c.field)).toContain(before);
    if (ext.nameField) expect(Object.keys(d.fields)).toContain(ext.nameField);
    // the button that opens a row's editor is its name: a required text the table shows
    const name = nameFieldOf(d, ext);
    expect(d.fields[name]!.kind).toBe("text");
    expect(d.fields[name]!.isRequired).toBe(true);
    expect(tableColumnsOf(d).map((c) => c.field)).toContain(name);
  });

  it("edits the definition's form fields; each can be imported and is documented as edited in the form", () => {
    const formFields = formFieldsOf(d).map(([n]) => n);
    const state = (ext.form?.empty ?? emptyFormOf(d)) as Record<string, unknown>;
    if (!ext.form?.Fields) {
      // the generic form: exactly the definition's form fields (plus an extension's own part, e.g. quirks)
      expect(Object.keys(emptyFormOf(d))).toEqual(formFields);
      expect(Object.keys(formSchemaOf(d).shape)).toEqual(formFields);
      for (const n of formFields) expect(Object.keys(state)).toContain(n);
    }
    const imported = importColumnsOf(d).map((c) => c.id);
    const docs = docsRows(fieldsMarkdown(d));
    for (const n of formFields) {
      expect(imported, n).toContain(n);
      expect(docs.get(n)!.form, n).toBe("yes");
    }
  });

  it("sets on many rows only fields the form edits, never a key part, each importable", () => {
    const bulk = bulkFieldsOf(d).map(([n]) => n);
    expect(bulk.length).toBeGreaterThan(0);
    const docs = docsRows(fieldsMarkdown(d));
    for (const name of Object.keys(d.fields)) expect(docs.get(name)!.bulk === "yes", name).toBe(bulk.includes(name));
    for (const n of bulk) {
      expect(formFieldsOf(d).map(([x]) => x)).toContain(n);
      expect(d.keyFields).not.toContain(n);
      expect(importColumnsOf(d).map((c) => c.id)).toContain(n);
    }
    if (key === "workflows") expect(bulk).not.toContain("reviewStatus");
  });
});

describe("the docs of the inventories' fields", () => {
  it("are generated from the definitions and committed current (npx tsx scripts/gen-engagement-schema.ts)", () => {
    const doc = fs.readFileSync("docs/engagement-format.md", "utf8");
    expect(doc).toBe(withInventoryFields(doc));
    for (const key of INVENTORY_KEYS) expect(doc).toContain(fieldsMarkdown(DEFINITIONS[key]));
  });
});
