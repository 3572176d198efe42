// /engagements/[id]/workflows — the workflow inventory: sign-off status, totals, a sortable/filterable page of 50
// rows, the editor.
import type { Metadata } from "next";
import { requirePageAccess } from "@/lib/auth/session";
import { findWorkflowPage, findWorkflowTotals } from "@/lib/workflows/data";
import { WorkflowQuerySchema } from "@/lib/workflows/schema";
import { inventoryPageProps } from "@/lib/inventories/page-actions";
import { findWorkflowSignOffSummary } from "@/lib/workflow-review/data";
import { WorkflowTotals } from "@/components/workflows/workflow-totals";
import { InventoryView } from "@/components/inventories/inventory-view";
import { WorkflowSubnav } from "@/components/workflow-review/workflow-subnav";
import { SignOffStatus } from "@/components/workflow-review/sign-off-status";

export const metadata: Metadata = { title: "Workflows" };

export default async function WorkflowsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { access } = await requirePageAccess((await params).id, "inventory.view");
  const sp = await searchParams;
  const query = WorkflowQuerySchema.parse(sp);
  const [page, totals, signOff] = await Promise.all([
    findWorkflowPage(access.engagementId, query),
    findWorkflowTotals(access.engagementId),
    findWorkflowSignOffSummary(access.engagementId),
  ]);
  const base = `/engagements/${access.engagementId}/workflows`;
  return (
    <main>
      <InventoryView
        {...inventoryPageProps("workflows", access, query, sp)}
        title="Workflows"
        subnav={<WorkflowSubnav engagementId={access.engagementId} current="inventory" />}
        totals={
          <>
            <SignOffStatus summary={signOff} signOffHref={`${base}/sign-off`} reviewHref={`${base}/review`} className="mb-4" />
            <WorkflowTotals totals={totals} />
          </>
        }
        page={page}
        inventoryTotal={totals.items}
      />
    </main>
  );
}
