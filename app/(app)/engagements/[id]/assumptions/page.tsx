// /engagements/[id]/assumptions — rates, team, license terms, cutover waves, build size, targets and
// every model constant. Editable by leads and consultants; others read it (reviewers without rates or fees).
import type { Metadata } from "next";
import { requirePageAccess } from "@/lib/auth/session";
import { can } from "@/lib/auth/access-matrix";
import { findAssumptions } from "@/lib/assumptions/data";
import { saveAssumptionsAction } from "@/lib/assumptions/actions";
import { PageHeader } from "@/components/ui/page-header";
import { ButtonLink } from "@/components/ui/button";
import { AssumptionsForm } from "@/components/assumptions/assumptions-form";

export const metadata: Metadata = { title: "Assumptions" };

export default async function AssumptionsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { access } = await requirePageAccess(id, "estimate.view");
  const dto = await findAssumptions(access.engagementId, access.role);
  const canEdit = can(access.role, "assumptions.edit");
  return (
    <main>
      <PageHeader
        eyebrow="Estimate"
        title="Assumptions"
        description={
          canEdit
            ? "Everything the estimate assumes beyond the inventories. Saved changes apply to the estimate at once; every save is in the activity log."
            : `You can read the assumptions; your role does not change them.${dto.canSeeRates ? "" : " Labor rates, license fees and other amounts of money (such as the type decision’s licence and hosting figures) are hidden for your role."}`
        }
        actions={<ButtonLink href={`/engagements/${access.engagementId}/estimate`} variant="secondary">See the estimate</ButtonLink>}
      />
      <AssumptionsForm dto={dto} readOnly={!canEdit} action={saveAssumptionsAction} />
    </main>
  );
}
