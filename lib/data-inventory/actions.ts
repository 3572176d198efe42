"use server";
// Data-inventory server actions (needs inventory.edit): the generic row actions (lib/inventories/row-actions.ts).
import type { ActionResult } from "@/lib/errors";
import type { SavedRow } from "@/lib/inventories/action-input";
import { rowActions } from "@/lib/inventories/row-actions";
import { dataEntityStore } from "@/lib/data-inventory/data";
import { DataEntityCreateSchema, DataEntityUpdateSchema } from "@/lib/data-inventory/schema";

const actions = rowActions({ section: "data", capability: "inventory.edit", createSchema: DataEntityCreateSchema, updateSchema: DataEntityUpdateSchema, store: dataEntityStore });

export async function createDataEntityAction(input: unknown): Promise<ActionResult<SavedRow>> {
  return actions.create(input);
}

export async function updateDataEntityAction(input: unknown): Promise<ActionResult<SavedRow>> {
  return actions.update(input);
}

export async function deleteDataEntityAction(input: unknown): Promise<ActionResult> {
  return actions.remove(input);
}
