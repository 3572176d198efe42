// /engagements/[id]/risks — the risk register: totals, a sortable/filterable page of 50 risks, the editor.
import type { Metadata } from "next";
import { requirePageAccess } from "@/lib/auth/session";
import { can } from "@/lib/auth/access-matrix";
import { findRisk, findRiskPage, findRiskSettings, findRiskTotals } from "@/lib/risks/data";
import { RiskQuerySchema } from "@/lib/risks/schema";
import { inventoryActions } from "@/lib/inventories/page-actions";
import { searchParamsRecord, todayIso } from "@/lib/inventories/table-query";
import { sectionBySlug } from "@/lib/engagements/sections";
import { ArchivedNotice } from "@/components/inventory/archived-notice";
import { RiskTotals } from "@/components/risks/risk-totals";
import { InventoryView } from "@/components/inventories/inventory-view";
import { RiskSubnav } from "@/components/risk-matrix/risk-subnav";

export const metadata: Metadata = { title: "Risk register" };

export default async function RisksPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const { access } = await requirePageAccess(id, "inventory.view");
  const sp = await searchParams;
  const query = RiskQuerySchema.parse(sp);
  const today = todayIso();
  // ?risk=<id> (links from the heat map and the library) opens that risk; an id from another engagement finds nothing.
  const { risk: focusId, ...tableParams } = searchParamsRecord(sp);
  const [settings, page, linked] = await Promise.all([
    findRiskSettings(access.engagementId),
    findRiskPage(access.engagementId, query, today),
    focusId ? findRisk(access.engagementId, focusId) : null,
  ]);
  const totals = await findRiskTotals(access.engagementId, today, settings.matrix.size);
  const canEdit = can(access.role, "risks.edit") && !access.isArchived;
  return (
    <main>
      <InventoryView
        inventory="risks"
        title="Risk register"
        description={sectionBySlug("risks")?.description}
        subnav={<RiskSubnav engagementId={access.engagementId} current="register" />}
        totals={<><ArchivedNotice isArchived={access.isArchived} /><RiskTotals totals={totals} currency={settings.currency} /></>}
        engagementId={access.engagementId}
        context={{ matrix: settings.matrix, currency: settings.currency, today, libraryHref: `/engagements/${access.engagementId}/risks/library` }}
        page={page}
        sort={{ key: query.sort, dir: query.dir }}
        params={tableParams}
        focusRow={linked}
        inventoryTotal={totals.risks}
        canImport={can(access.role, "data.import") && !access.isArchived}
        canExport={can(access.role, "data.export")}
        actions={inventoryActions("risks", canEdit)}
      />
    </main>
  );
}
