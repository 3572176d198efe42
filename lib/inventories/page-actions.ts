// An inventory page's server actions: the generic ones (lib/inventories/actions.ts) bound to its inventory,
// for the view's props (components never import actions). null for people who may not edit.
import "server-only";
import type { InventoryKey } from "@/lib/inventories/definition";
import { bulkUpdateInventoryRowsAction, createInventoryRowAction, deleteInventoryRowAction, updateInventoryRowAction } from "@/lib/inventories/actions";

export function inventoryActions(inventory: InventoryKey, canEdit: boolean) {
  if (!canEdit) return null;
  return {
    create: createInventoryRowAction.bind(null, inventory),
    update: updateInventoryRowAction.bind(null, inventory),
    remove: deleteInventoryRowAction.bind(null, inventory),
    bulkUpdate: bulkUpdateInventoryRowsAction.bind(null, inventory),
  };
}

export type InventoryActions = NonNullable<ReturnType<typeof inventoryActions>>;
