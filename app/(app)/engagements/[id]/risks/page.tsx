// /engagements/[id]/risks — the risk register: totals, a sortable/filterable page of 50 risks, the editor.
import type { Metadata } from "next";
import { requirePageAccess } from "@/lib/auth/session";
import { can } from "@/lib/auth/access-matrix";
import { findRisk, findRiskPage, findRiskSettings, findRiskTotals } from "@/lib/risks/data";
import { RiskQuerySchema } from "@/lib/risks/schema";
import { inventoryPageProps } from "@/lib/inventories/page-actions";
import { todayIso } from "@/lib/inventories/table-query";
import { RiskTotals } from "@/components/risks/risk-totals";
import { InventoryView } from "@/components/inventories/inventory-view";
import { RiskSubnav } from "@/components/risk-matrix/risk-subnav";

export const metadata: Metadata = { title: "Risk register" };

export default async function RisksPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { access } = await requirePageAccess((await params).id, "inventory.view");
  const sp = await searchParams;
  const query = RiskQuerySchema.parse(sp);
  const today = todayIso();
  const common = inventoryPageProps("risks", access, query, sp);
  // ?risk=<id> (links from the heat map and the library) opens that risk; an id from another engagement finds nothing.
  const { risk: focusId, ...tableParams } = common.params;
  const [settings, page, linked] = await Promise.all([
    findRiskSettings(access.engagementId),
    findRiskPage(access.engagementId, query, today),
    focusId ? findRisk(access.engagementId, focusId) : null,
  ]);
  const totals = await findRiskTotals(access.engagementId, today, settings.matrix.size);
  const libraryHref = can(access.role, "risks.edit") ? `/engagements/${access.engagementId}/risks/library` : undefined;
  return (
    <main>
      <InventoryView
        {...common}
        title="Risk register"
        subnav={<RiskSubnav engagementId={access.engagementId} current="register" />}
        totals={<RiskTotals totals={totals} currency={settings.currency} />}
        page={page}
        params={tableParams}
        focusRow={linked}
        inventoryTotal={totals.risks}
        context={{ matrix: settings.matrix, currency: settings.currency, today, libraryHref }}
      />
    </main>
  );
}
