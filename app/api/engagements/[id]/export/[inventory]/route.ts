// GET /api/engagements/[id]/export/[inventory]?format=csv|xlsx – one inventory as CSV or XLSX with the columns the importer reads (audited as export.<inventory>)
import { INVENTORY_KEYS, type InventoryKey } from "@/lib/inventories/registry";
import { ExportFormatSchema } from "@/lib/import-export/schema";
import { jsonError, requireRouteAccess, routeHandler } from "@/lib/route";
import { downloadResponse, exportInventory } from "@/lib/import-export/exports";

export const GET = routeHandler<{ id: string; inventory: string }>(async (request, { params }, requestId) => {
  const { id, inventory } = await params;
  const { user, access } = await requireRouteAccess(id, "data.export");
  if (!(INVENTORY_KEYS as readonly string[]).includes(inventory)) return jsonError("NOT_FOUND");
  const format = ExportFormatSchema.safeParse(new URL(request.url).searchParams.get("format") ?? "xlsx");
  if (!format.success) return jsonError("INVALID", "format must be csv or xlsx");
  return downloadResponse(await exportInventory(access, user, inventory as InventoryKey, format.data, requestId));
});
