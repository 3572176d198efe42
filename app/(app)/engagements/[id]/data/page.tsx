// /engagements/[id]/data — the data inventory: totals, a sortable/filterable page of 50 rows, the editor.
import type { Metadata } from "next";
import { requirePageAccess } from "@/lib/auth/session";
import { can } from "@/lib/auth/access-matrix";
import { ProfileLink } from "@/components/profile-runs/profile-link";
import { findDataEntityPage, findDataEntitySourceSystems, findDataEntityTotals } from "@/lib/data-inventory/data";
import { DataEntityQuerySchema } from "@/lib/data-inventory/schema";
import { searchParamsRecord } from "@/lib/inventories/table-query";
import { inventoryActions } from "@/lib/inventories/page-actions";
import { sectionBySlug } from "@/lib/engagements/sections";
import { ArchivedNotice } from "@/components/inventory/archived-notice";
import { DataTotals } from "@/components/data-inventory/data-totals";
import { InventoryView } from "@/components/inventories/inventory-view";

export const metadata: Metadata = { title: "Data inventory" };

export default async function DataInventoryPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const { access } = await requirePageAccess(id, "inventory.view");
  const sp = await searchParams;
  const query = DataEntityQuerySchema.parse(sp);
  const [page, totals, sourceSystems] = await Promise.all([
    findDataEntityPage(access.engagementId, query),
    findDataEntityTotals(access.engagementId),
    findDataEntitySourceSystems(access.engagementId),
  ]);
  const canEdit = can(access.role, "inventory.edit") && !access.isArchived;
  return (
    <main>
      <InventoryView
        inventory="data"
        title="Data inventory"
        description={sectionBySlug("data")?.description}
        totals={<><ArchivedNotice isArchived={access.isArchived} /><DataTotals totals={totals} />{can(access.role, "profile.run") && !access.isArchived ? <ProfileLink href={`/engagements/${access.engagementId}/profile`} label="Profile an extract" text="Measure quirks, record counts and years of data from a sample extract instead of guessing them." /> : null}</>}
        engagementId={access.engagementId}
        page={page}
        sort={{ key: query.sort, dir: query.dir }}
        params={searchParamsRecord(sp)}
        inventoryTotal={totals.entities}
        context={{ filterValues: { system: sourceSystems } }}
        canImport={can(access.role, "data.import") && !access.isArchived}
        canExport={can(access.role, "data.export")}
        actions={inventoryActions("data", canEdit)}
      />
    </main>
  );
}
