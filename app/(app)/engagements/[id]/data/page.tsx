// /engagements/[id]/data — the data inventory: totals, a sortable/filterable page of 50 rows, the editor.
import type { Metadata } from "next";
import { requirePageAccess } from "@/lib/auth/session";
import { can } from "@/lib/auth/access-matrix";
import { findDataEntityPage, findDataEntitySourceSystems, findDataEntityTotals } from "@/lib/data-inventory/data";
import { DataEntityQuerySchema } from "@/lib/data-inventory/schema";
import { inventoryPageProps } from "@/lib/inventories/page-actions";
import { DataTotals } from "@/components/data-inventory/data-totals";
import { InventoryView } from "@/components/inventories/inventory-view";
import { ProfileLink } from "@/components/profile-runs/profile-link";

export const metadata: Metadata = { title: "Data inventory" };

export default async function DataInventoryPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { access } = await requirePageAccess((await params).id, "inventory.view");
  const sp = await searchParams;
  const query = DataEntityQuerySchema.parse(sp);
  const [page, totals, sourceSystems] = await Promise.all([
    findDataEntityPage(access.engagementId, query),
    findDataEntityTotals(access.engagementId),
    findDataEntitySourceSystems(access.engagementId),
  ]);
  return (
    <main>
      <InventoryView
        {...inventoryPageProps("data", access, query, sp)}
        title="Data inventory"
        totals={
          <>
            <DataTotals totals={totals} />
            {can(access.role, "profile.run") && !access.isArchived ? (
              <ProfileLink href={`/engagements/${access.engagementId}/profile`} label="Profile an extract" text="Measure quirks, record counts and years of data from a sample extract instead of guessing them." />
            ) : null}
          </>
        }
        page={page}
        inventoryTotal={totals.entities}
        context={{ filterValues: { system: sourceSystems }, ...(can(access.role, "profile.run") && !access.isArchived ? { profileHref: `/engagements/${access.engagementId}/profile` } : {}) }}
      />
    </main>
  );
}
