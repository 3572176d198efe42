"use server";
// The server actions of every inventory (create / update / delete a row, set one field on selected rows), one
// set for all five: the first argument names the inventory, the page binds it (lib/inventories/page-actions.ts).
// Each runs through lib/inventories/row-actions.ts: requireUser → schema → access (the inventory's capability)
// → archived refusal → mutation with concurrency and audit → revalidate.
import type { ActionResult } from "@/lib/errors";
import type { SavedRow } from "@/lib/inventories/action-input";
import { INVENTORY_KEYS, type InventoryKey } from "@/lib/inventories/definition";
import { ROW_ACTIONS } from "@/lib/inventories/server-registry";

const noSuchInventory = { ok: false, code: "NOT_FOUND", message: "That inventory does not exist." } as const;

const actionsOf = (inventory: unknown) => ((INVENTORY_KEYS as readonly unknown[]).includes(inventory) ? ROW_ACTIONS[inventory as InventoryKey] : null);

export async function createInventoryRowAction(inventory: InventoryKey, input: unknown): Promise<ActionResult<SavedRow>> {
  return (await actionsOf(inventory)?.create(input)) ?? noSuchInventory;
}

export async function updateInventoryRowAction(inventory: InventoryKey, input: unknown): Promise<ActionResult<SavedRow>> {
  return (await actionsOf(inventory)?.update(input)) ?? noSuchInventory;
}

export async function deleteInventoryRowAction(inventory: InventoryKey, input: unknown): Promise<ActionResult> {
  return (await actionsOf(inventory)?.remove(input)) ?? noSuchInventory;
}

export async function bulkUpdateInventoryRowsAction(inventory: InventoryKey, input: unknown): Promise<ActionResult<{ updated: number }>> {
  return (await actionsOf(inventory)?.bulkUpdate(input)) ?? noSuchInventory;
}
