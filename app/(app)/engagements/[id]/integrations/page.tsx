// /engagements/[id]/integrations — the integration inventory: totals, a sortable/filterable page of 50 rows, the editor.
import type { Metadata } from "next";
import { requirePageAccess } from "@/lib/auth/session";
import { can } from "@/lib/auth/access-matrix";
import { findIntegrationPage, findIntegrationTotals } from "@/lib/integrations/data";
import { IntegrationQuerySchema } from "@/lib/integrations/schema";
import { inventoryPageProps } from "@/lib/inventories/page-actions";
import { IntegrationTotals } from "@/components/integrations/integration-totals";
import { InventoryView } from "@/components/inventories/inventory-view";
import { ProfileLink } from "@/components/profile-runs/profile-link";

export const metadata: Metadata = { title: "Integrations" };

export default async function IntegrationsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { access } = await requirePageAccess((await params).id, "inventory.view");
  const sp = await searchParams;
  const query = IntegrationQuerySchema.parse(sp);
  const [page, totals] = await Promise.all([findIntegrationPage(access.engagementId, query), findIntegrationTotals(access.engagementId)]);
  return (
    <main>
      <InventoryView
        {...inventoryPageProps("integrations", access, query, sp)}
        title="Integrations"
        totals={
          <>
            <IntegrationTotals totals={totals} />
            {can(access.role, "profile.run") && !access.isArchived ? (
              <ProfileLink href={`/engagements/${access.engagementId}/profile`} label="Profile message samples" text="Measure an interface's HL7 v2 or X12 messages — versions, events, Z-segments — for a suggested complexity." />
            ) : null}
          </>
        }
        page={page}
        inventoryTotal={totals.interfaces}
        context={can(access.role, "profile.run") && !access.isArchived ? { profileHref: `/engagements/${access.engagementId}/profile` } : undefined}
      />
    </main>
  );
}
