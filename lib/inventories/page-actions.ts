// What every inventory page passes its view besides its rows, totals and context: who may do what (import,
// export, edit — the last through the inventory's own capability, never on an archived engagement), the URL
// state, and the generic server actions (lib/inventories/actions.ts) bound to its inventory (components never
// import actions). Server-only.
import "server-only";
import { can } from "@/lib/auth/access-matrix";
import type { EngagementAccess } from "@/lib/auth/access";
import { sectionBySlug } from "@/lib/engagements/sections";
import type { InventoryKey } from "@/lib/inventories/definition";
import { DEFINITIONS } from "@/lib/inventories/definitions";
import { EDIT_CAPABILITY } from "@/lib/inventories/server-registry";
import { searchParamsRecord, type TableQueryBase } from "@/lib/inventories/table-query";
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

export function inventoryPageProps(inventory: InventoryKey, access: EngagementAccess, query: TableQueryBase, searchParams: Record<string, string | string[] | undefined>) {
  const canEdit = can(access.role, EDIT_CAPABILITY[inventory]) && !access.isArchived;
  return {
    inventory,
    engagementId: access.engagementId,
    description: sectionBySlug(DEFINITIONS[inventory].section)?.description,
    isArchived: access.isArchived,
    sort: { key: query.sort, dir: query.dir },
    params: searchParamsRecord(searchParams),
    canImport: can(access.role, "data.import") && !access.isArchived,
    canExport: can(access.role, "data.export"),
    actions: inventoryActions(inventory, canEdit),
  };
}
