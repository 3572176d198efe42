// An inventory definition: the inventory's fields (lib/inventories/fields.ts), in contract order, plus what is
// said of the inventory as a whole (its nouns, natural key, default sort, an example row). The five are in
// lib/inventories/definitions/; lib/inventories/derive.ts derives the rest from them. Client-safe and pure.
import { z } from "zod";
import type { Field } from "@/lib/inventories/fields";

export const INVENTORY_KEYS = ["data", "workflows", "integrations", "reports", "risks"] as const;
export type InventoryKey = (typeof INVENTORY_KEYS)[number];

export type Fields = Record<string, Field>;

export type InventoryDefinition<F extends Fields = Fields> = {
  key: InventoryKey;
  label: string;
  /** One row, for messages: "data entity", "risk". */
  noun: string;
  nounPlural: string;
  /** The audit log's entity type ("data_entity"). */
  entityType: string;
  /** The engagement section (URL segment) the inventory lives in. */
  section: string;
  fields: F;
  /** The natural key, in the order it is written ("Kind + Department + Name"); the last one carries the duplicate error. */
  keyFields: readonly string[];
  /** The field error of a duplicate natural key. */
  keyMessage: string;
  defaultSort: string;
  defaultDir?: "asc" | "desc";
  /** Placeholder of the table's search box. */
  searchPlaceholder: string;
  /** An example row (contract input) for templates and help sheets. */
  example: Record<string, unknown>;
};

export function defineInventory<const F extends Fields>(d: InventoryDefinition<F> & { keyFields: readonly (keyof F & string)[] }): InventoryDefinition<F> {
  return d;
}

export type Shape<F extends Fields> = { -readonly [K in keyof F]: F[K]["schema"] };

/** The contract row schema of an inventory: each field's schema with its help as the JSON Schema description. */
export function rowSchema<F extends Fields>(d: InventoryDefinition<F>) {
  const shape = Object.fromEntries(Object.entries(d.fields).map(([name, f]) => [name, f.schema.describe(f.help)])) as Shape<F>;
  return z.strictObject(shape);
}
