// /engagements/[id]/reports — the report inventory: totals, a sortable/filterable page of 50 rows, the editor.
import type { Metadata } from "next";
import { requirePageAccess } from "@/lib/auth/session";
import { findReportPage, findReportTotals } from "@/lib/reports/data";
import { ReportQuerySchema } from "@/lib/reports/schema";
import { inventoryPageProps } from "@/lib/inventories/page-actions";
import { ReportTotals } from "@/components/reports/report-totals";
import { InventoryView } from "@/components/inventories/inventory-view";

export const metadata: Metadata = { title: "Reports" };

export default async function ReportsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { access } = await requirePageAccess((await params).id, "inventory.view");
  const sp = await searchParams;
  const query = ReportQuerySchema.parse(sp);
  const [page, totals] = await Promise.all([findReportPage(access.engagementId, query), findReportTotals(access.engagementId)]);
  return (
    <main>
      <InventoryView {...inventoryPageProps("reports", access, query, sp)} title="Reports" totals={<ReportTotals totals={totals} />} page={page} inventoryTotal={totals.reports} />
    </main>
  );
}
