// The spreadsheet columns of each inventory: the one table that export, template and import all read, so an
// exported file imports back into the same rows. A column is a contract field (or, for risks, one point of a
// three-point estimate); its header is what exports write, its aliases are the header variants imports
// recognise (compared after canonicalHeader, see headers.ts).
// Every column comes from the inventory definitions (lib/inventories/definitions/*), where each field is
// written once. Client-safe and pure: the mapping UI and the help sheet use the same descriptions.
import type { z } from "zod";
import { INVENTORIES, INVENTORY_KEYS, type InventoryKey } from "@/lib/inventories/registry";
import { DEFINITIONS } from "@/lib/inventories/definitions";
import type { Fields, InventoryDefinition } from "@/lib/inventories/definition";
import { importColumnsOf, keyHeadersOf } from "@/lib/inventories/derive";
import { WORKSTREAMS, type CostImpact, type DataEntity, type Integration, type Report, type Risk, type ThreePoint, type WorkflowItem } from "@/lib/engagement-format/schema";
import { centsToDollars } from "@/lib/import-export/normalize";
import { formatQuirks } from "@/lib/import-export/quirks";
import { labelFor } from "@/lib/import-export/vocabulary";
import type { ColumnDef, ColumnKind, Field } from "@/lib/inventories/fields";

export type { ColumnDef, ColumnKind };

/** A typed cell for the writers (CSV and XLSX format each type their own way). */
export type OutCell =
  | { t: "text"; v: string }
  | { t: "int"; v: number }
  | { t: "number"; v: number }
  | { t: "money"; v: number } // dollars
  | { t: "percent"; v: number } // share 0..1
  | { t: "date"; v: string } // YYYY-MM-DD
  | null;

type AnyRow = DataEntity | WorkflowItem | Integration | Report | Risk;

export type InventorySpec<R extends AnyRow = AnyRow> = {
  key: InventoryKey;
  label: string;
  /** One row, for messages: "data entity", "risk". */
  noun: string;
  nounPlural: string;
  schema: z.ZodType<R>;
  naturalKey: (row: R) => string;
  columns: ColumnDef[];
  /** Human description of the natural key, e.g. "Entity + Source object". */
  keyHeaders: string;
  rowLabel: (row: Partial<R>) => string;
  toCells: (row: R) => Record<string, OutCell>;
  example: R;
};

const text = (v: string): OutCell => ({ t: "text", v });
const threePointCells = (p: ThreePoint | null, prefix: string, cell: (v: number) => OutCell) =>
  p ? { [`${prefix}.min`]: cell(p.min), [`${prefix}.likely`]: cell(p.likely), [`${prefix}.max`]: cell(p.max) } : {};

function costImpactCells(c: CostImpact | null): Record<string, OutCell> {
  if (!c) return {};
  if (c.kind === "amount") return threePointCells(c, "costImpact.amount", (v) => ({ t: "money", v: centsToDollars(v) }));
  return { "costImpact.effort.workstream": text(labelFor(WORKSTREAMS, c.workstream)), ...threePointCells(c, "costImpact.effort", (v) => ({ t: "percent", v })) };
}

/** The cells one field writes, by its kind. */
function fieldCells(id: string, f: Field, v: unknown): Record<string, OutCell> {
  const n = v as number | null;
  switch (f.kind) {
    case "enum": return { [id]: text(labelFor(f.vocabulary ?? [], String(v))) };
    case "bool": return { [id]: text(v ? "Yes" : "No") };
    case "int":
    case "level": return { [id]: n === null ? null : { t: "int", v: n } };
    case "number": return { [id]: n === null ? null : { t: "number", v: n } };
    case "percent": return { [id]: n === null ? null : { t: "percent", v: n } };
    case "money": return { [id]: { t: "money", v: centsToDollars(n ?? 0) } };
    case "date": return { [id]: v ? { t: "date", v: String(v) } : null };
    case "quirks": return { [id]: text(formatQuirks(v as DataEntity["quirks"])) };
    case "threePoint": return threePointCells(v as ThreePoint | null, id, (x) => ({ t: "number", v: x }));
    case "costImpact": return costImpactCells(v as CostImpact | null);
    default: return { [id]: v === null || v === undefined ? null : text(String(v)) };
  }
}

/** The spec of one inventory, derived from its definition. */
function specOf(d: InventoryDefinition<Fields>): InventorySpec {
  const entry = INVENTORIES[d.key];
  const fields = Object.entries(d.fields).filter(([, f]) => !f.noSpreadsheet);
  return {
    key: d.key,
    label: d.label,
    noun: d.noun,
    nounPlural: d.nounPlural,
    schema: entry.schema as unknown as z.ZodType<AnyRow>,
    naturalKey: entry.naturalKey as InventorySpec["naturalKey"],
    columns: importColumnsOf(d),
    keyHeaders: keyHeadersOf(d),
    rowLabel: (row) => {
      const r = row as Record<string, unknown>;
      return d.keyFields
        .map((k) => {
          const v = r[k];
          if (v === undefined || v === null || v === "") return "";
          const f = d.fields[k]!;
          return f.kind === "enum" ? labelFor(f.vocabulary ?? [], String(v)) : String(v);
        })
        .filter(Boolean)
        .join(" · ");
    },
    toCells: (row) => Object.assign({}, ...fields.map(([id, f]) => fieldCells(id, f, (row as Record<string, unknown>)[id]))) as Record<string, OutCell>,
    example: entry.schema.parse(d.example) as AnyRow,
  };
}

export const INVENTORY_SPECS = Object.fromEntries(INVENTORY_KEYS.map((k) => [k, specOf(DEFINITIONS[k])])) as { [K in InventoryKey]: InventorySpec };

export function inventorySpec(key: InventoryKey): InventorySpec {
  return INVENTORY_SPECS[key];
}

export function columnById(spec: InventorySpec, id: string): ColumnDef | undefined {
  return spec.columns.find((c) => c.id === id);
}

/** What a help sheet / the mapping UI says a column accepts. */
export function allowedValuesText(col: ColumnDef): string {
  switch (col.kind) {
    case "enum": return (col.values ?? []).map((v) => labelFor(col.values ?? [], v)).join(", ");
    case "int": return "A whole number (12,000 / 1.2M / 45k)";
    case "number": return "A number";
    case "percent": return "A percentage (35%) or a fraction (0.35)";
    case "money": return "Dollars ($12,500 / 12500)";
    case "bool": return "Yes / No (also True/False, X, blank = No)";
    case "date": return "A date: 2027-03-15 (Excel dates, 3/15/2027, 15 Mar 2027 also work)";
    case "level": return "1–5 on the default matrix, or the level's label (e.g. Likely)";
    case "quirks": return "kind:severity:affected; … (see the description)";
    default: return "Text";
  }
}
