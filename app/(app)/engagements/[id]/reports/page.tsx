// /engagements/[id]/reports — the report inventory: totals, a sortable/filterable page of 50 rows, the editor.
import type { Metadata } from "next";
import { requirePageAccess } from "@/lib/auth/session";
import { can } from "@/lib/auth/access-matrix";
import { findReportPage, findReportTotals } from "@/lib/reports/data";
import { ReportQuerySchema } from "@/lib/reports/schema";
import { inventoryActions } from "@/lib/inventories/page-actions";
import { searchParamsRecord } from "@/lib/inventories/table-query";
import { sectionBySlug } from "@/lib/engagements/sections";
import { ArchivedNotice } from "@/components/inventory/archived-notice";
import { ReportTotals } from "@/components/reports/report-totals";
import { InventoryView } from "@/components/inventories/inventory-view";

export const metadata: Metadata = { title: "Reports" };

export default async function ReportsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const { access } = await requirePageAccess(id, "inventory.view");
  const sp = await searchParams;
  const query = ReportQuerySchema.parse(sp);
  const [page, totals] = await Promise.all([findReportPage(access.engagementId, query), findReportTotals(access.engagementId)]);
  const canEdit = can(access.role, "inventory.edit") && !access.isArchived;
  return (
    <main>
      <InventoryView
        inventory="reports"
        title="Reports"
        description={sectionBySlug("reports")?.description}
        totals={<><ArchivedNotice isArchived={access.isArchived} /><ReportTotals totals={totals} /></>}
        engagementId={access.engagementId}
        page={page}
        sort={{ key: query.sort, dir: query.dir }}
        params={searchParamsRecord(sp)}
        inventoryTotal={totals.reports}
        canImport={can(access.role, "data.import") && !access.isArchived}
        canExport={can(access.role, "data.export")}
        actions={inventoryActions("reports", canEdit)}
      />
    </main>
  );
}
