// /engagements/[id]/workflows — the workflow inventory: totals, a sortable/filterable page of 50 rows, the editor.
import type { Metadata } from "next";
import { requirePageAccess } from "@/lib/auth/session";
import { can } from "@/lib/auth/access-matrix";
import { findWorkflowPage, findWorkflowTotals } from "@/lib/workflows/data";
import { WorkflowQuerySchema } from "@/lib/workflows/schema";
import { inventoryActions } from "@/lib/inventories/page-actions";
import { searchParamsRecord } from "@/lib/inventories/table-query";
import { sectionBySlug } from "@/lib/engagements/sections";
import { ArchivedNotice } from "@/components/inventory/archived-notice";
import { WorkflowTotals } from "@/components/workflows/workflow-totals";
import { InventoryView } from "@/components/inventories/inventory-view";
import { WorkflowSubnav } from "@/components/workflow-review/workflow-subnav";
import { SignOffStatus } from "@/components/workflow-review/sign-off-status";
import { findWorkflowSignOffSummary } from "@/lib/workflow-review/data";

export const metadata: Metadata = { title: "Workflows" };

export default async function WorkflowsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const { access } = await requirePageAccess(id, "inventory.view");
  const sp = await searchParams;
  const query = WorkflowQuerySchema.parse(sp);
  const [page, totals, signOff] = await Promise.all([
    findWorkflowPage(access.engagementId, query),
    findWorkflowTotals(access.engagementId),
    findWorkflowSignOffSummary(access.engagementId),
  ]);
  const base = `/engagements/${access.engagementId}/workflows`;
  const canEdit = can(access.role, "inventory.edit") && !access.isArchived;
  return (
    <main>
      <InventoryView
        inventory="workflows"
        title="Workflows"
        description={sectionBySlug("workflows")?.description}
        subnav={<WorkflowSubnav engagementId={access.engagementId} current="inventory" />}
        totals={
          <>
            <ArchivedNotice isArchived={access.isArchived} />
            <SignOffStatus summary={signOff} signOffHref={`${base}/sign-off`} reviewHref={`${base}/review`} className="mb-4" />
            <WorkflowTotals totals={totals} />
          </>
        }
        engagementId={access.engagementId}
        page={page}
        sort={{ key: query.sort, dir: query.dir }}
        params={searchParamsRecord(sp)}
        inventoryTotal={totals.items}
        canImport={can(access.role, "data.import") && !access.isArchived}
        canExport={can(access.role, "data.export")}
        actions={inventoryActions("workflows", canEdit)}
      />
    </main>
  );
}
