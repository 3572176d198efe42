// /engagements/[id]/integrations — the integration inventory: totals, a sortable/filterable page of 50 rows, the editor.
import type { Metadata } from "next";
import { requirePageAccess } from "@/lib/auth/session";
import { can } from "@/lib/auth/access-matrix";
import { ProfileLink } from "@/components/profile-runs/profile-link";
import { findIntegrationPage, findIntegrationTotals } from "@/lib/integrations/data";
import { IntegrationQuerySchema } from "@/lib/integrations/schema";
import { inventoryActions } from "@/lib/inventories/page-actions";
import { searchParamsRecord } from "@/lib/inventories/table-query";
import { sectionBySlug } from "@/lib/engagements/sections";
import { ArchivedNotice } from "@/components/inventory/archived-notice";
import { IntegrationTotals } from "@/components/integrations/integration-totals";
import { InventoryView } from "@/components/inventories/inventory-view";

export const metadata: Metadata = { title: "Integrations" };

export default async function IntegrationsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const { access } = await requirePageAccess(id, "inventory.view");
  const sp = await searchParams;
  const query = IntegrationQuerySchema.parse(sp);
  const [page, totals] = await Promise.all([findIntegrationPage(access.engagementId, query), findIntegrationTotals(access.engagementId)]);
  const canEdit = can(access.role, "inventory.edit") && !access.isArchived;
  return (
    <main>
      <InventoryView
        inventory="integrations"
        title="Integrations"
        description={sectionBySlug("integrations")?.description}
        totals={<><ArchivedNotice isArchived={access.isArchived} /><IntegrationTotals totals={totals} />{can(access.role, "profile.run") && !access.isArchived ? <ProfileLink href={`/engagements/${access.engagementId}/profile`} label="Profile message samples" text="Measure an interface's HL7 v2 or X12 messages — versions, events, Z-segments — for a suggested complexity." /> : null}</>}
        engagementId={access.engagementId}
        page={page}
        sort={{ key: query.sort, dir: query.dir }}
        params={searchParamsRecord(sp)}
        inventoryTotal={totals.interfaces}
        canImport={can(access.role, "data.import") && !access.isArchived}
        canExport={can(access.role, "data.export")}
        actions={inventoryActions("integrations", canEdit)}
      />
    </main>
  );
}
