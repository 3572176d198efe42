// Each inventory's definition is the one place its fields are written: the contract row schema, the
// spreadsheet columns, the docs table, the table's sorts/filters and the form are derived from it and must agree.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DEFINITIONS } from "@/lib/inventories/definitions";
import { INVENTORY_KEYS } from "@/lib/inventories/definition";
import { fieldsMarkdown, filtersOf, formFieldsOf, importColumnsOf, keyHeadersOf, sortKeysOf, tableColumnsOf } from "@/lib/inventories/derive";
import { INVENTORIES } from "@/lib/inventories/registry";
import { INVENTORY_SPECS } from "@/lib/import-export/columns";
import { spreadsheetColumnsMarkdown } from "@/lib/import-export/docs";
import { engagementJsonSchema } from "@/lib/engagement-format/json-schema";
import { labelsOfVocabulary } from "@/lib/inventories/labels";

describe.each(INVENTORY_KEYS)("the %s definition", (key) => {
  const d = DEFINITIONS[key];
  const fields = Object.keys(d.fields);
  const schema = INVENTORIES[key].schema as unknown as z.ZodObject;

  it("is the contract row: the same fields in the same order", () => {
    expect(Object.keys(schema.shape)).toEqual(fields);
    expect(schema.parse(d.example)).toBeTruthy();
  });

  it("gives the spreadsheet columns import and export read, one per field (several for a three-point field)", () => {
    const columns = importColumnsOf(d);
    expect(INVENTORY_SPECS[key].columns).toEqual(columns);
    for (const name of fields) expect(columns.some((c) => c.id === name || c.id.startsWith(`${name}.`))).toBe(true);
    expect(columns.filter((c) => c.isKey).map((c) => c.id).sort()).toEqual([...d.keyFields].sort());
    expect(INVENTORY_SPECS[key].keyHeaders).toBe(keyHeadersOf(d));
    const headers = columns.flatMap((c) => [c.header, ...c.aliases].map((h) => h.toLowerCase()));
    expect(new Set(headers).size).toBe(headers.length); // no header or alias read as two columns
    const exampleCells = INVENTORY_SPECS[key].toCells(INVENTORY_SPECS[key].example);
    for (const id of Object.keys(exampleCells)) expect(columns.map((c) => c.id)).toContain(id);
  });

  it("gives the docs tables: every spreadsheet column and every field is documented", () => {
    const md = spreadsheetColumnsMarkdown();
    for (const c of importColumnsOf(d)) expect(md).toContain(`| ${c.header.replace(/\|/g, "\\|")} |`);
    const fieldDocs = fieldsMarkdown(d);
    for (const name of fields) expect(fieldDocs).toContain(`| \`${name}\` |`);
  });

  it("gives the JSON Schema its field descriptions", () => {
    const json = JSON.stringify(engagementJsonSchema());
    for (const f of Object.values(d.fields)) expect(json).toContain(JSON.stringify(f.help).slice(1, -1));
  });

  it("gives table columns, sorts and filters on its own fields, with labels for every vocabulary", () => {
    for (const c of tableColumnsOf(d)) expect(fields).toContain(c.field);
    const sorts = sortKeysOf(d);
    expect(sorts.at(-1)).toBe("updatedAt");
    for (const s of sorts.slice(0, -1)) expect(fields).toContain(s);
    for (const f of filtersOf(d)) if (f.vocabulary) expect(labelsOfVocabulary(f.vocabulary)).toBeTruthy();
    for (const f of filtersOf(d)) expect(fields).toContain(f.field);
    for (const f of Object.values(d.fields)) if (f.vocabulary) expect(labelsOfVocabulary(f.vocabulary)).toBeTruthy();
  });

  it("gives the form's fields: every edited field has a label, and the fields another part owns are not edited", () => {
    for (const [name, f] of formFieldsOf(d)) {
      expect(f.label, name).toBeTruthy();
      expect(f.form).not.toBe(false);
    }
    if (key === "workflows") expect(formFieldsOf(d).map(([n]) => n)).not.toContain("reviewStatus");
    if (key === "risks") expect(formFieldsOf(d).map(([n]) => n)).not.toContain("libraryKey");
  });
});
