// GET /api/engagements/[id]/template/[inventory]?format=csv|xlsx – an empty import template: headers, one example row, and (XLSX) a sheet explaining each column
import { INVENTORY_KEYS, type InventoryKey } from "@/lib/inventories/registry";
import { ExportFormatSchema } from "@/lib/import-export/schema";
import { jsonError, requireRouteAccess, routeHandler } from "@/lib/route";
import { downloadResponse, inventoryTemplate } from "@/lib/import-export/exports";

export const GET = routeHandler<{ id: string; inventory: string }>(async (request, { params }) => {
  const { id, inventory } = await params;
  await requireRouteAccess(id, "data.import");
  if (!(INVENTORY_KEYS as readonly string[]).includes(inventory)) return jsonError("NOT_FOUND");
  const format = ExportFormatSchema.safeParse(new URL(request.url).searchParams.get("format") ?? "xlsx");
  if (!format.success) return jsonError("INVALID", "format must be csv or xlsx");
  return downloadResponse(inventoryTemplate(inventory as InventoryKey, format.data));
});
