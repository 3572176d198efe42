// An inventory's form, action and table-query schemas, derived from its definition (client + server): the form
// schema (FormData-shaped → contract values; `custom` adds the parts the inventory's form edits its own way),
// the create/update action envelopes, the empty form, a row as the form holds it, and the URL contract of its
// table (with its "needs attention" flags).
import type { z } from "zod";
import { createInput, updateInput } from "@/lib/inventories/action-input";
import type { Fields, InventoryDefinition } from "@/lib/inventories/definition";
import { emptyFormOf, formSchemaOf, querySchemaOf, toFormOf } from "@/lib/inventories/derive";

export function inventorySchemas<F extends Fields, C extends z.ZodRawShape = Record<never, never>>(d: InventoryDefinition<F>, opts: { custom?: C; flags?: readonly [string, ...string[]] } = {}) {
  const form = formSchemaOf(d, opts.custom);
  return {
    form,
    create: createInput(form),
    update: updateInput(form),
    empty: emptyFormOf(d),
    toForm: (row: Record<string, unknown>) => toFormOf(d, row),
    query: querySchemaOf(d, { flags: opts.flags }),
  };
}
