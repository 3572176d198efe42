// /engagements/<id>/risks/library – built-in and firm risk-library entries; one click adds one to the register.
import type { Metadata } from "next";
import { requirePageAccess } from "@/lib/auth/session";
import { can } from "@/lib/auth/access-matrix";
import { MIGRATION_TYPE_LABELS } from "@/lib/engagement-format/schema";
import { findRiskLibrary } from "@/lib/risk-library/data";
import { LibraryFilterSchema } from "@/lib/risk-library/schema";
import { addRiskFromLibraryAction, addSuggestedRisksAction, deleteFirmLibraryEntryAction, saveRiskToFirmLibraryAction } from "@/lib/risk-library/actions";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { RiskSubnav } from "@/components/risk-matrix/risk-subnav";
import { RiskLibraryList } from "@/components/risk-library/risk-library-list";
import { SaveToFirmLibraryForm } from "@/components/risk-library/save-to-firm-library";

export const metadata: Metadata = { title: "Risk library" };

export default async function RiskLibraryPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const { user, access } = await requirePageAccess(id, "inventory.view");
  const { show } = LibraryFilterSchema.parse(await searchParams);
  const lib = await findRiskLibrary(access.engagementId, user, { show });
  const base = `/engagements/${access.engagementId}/risks`;
  const canEdit = can(access.role, "risks.edit");
  return (
    <main className="space-y-6">
      <div>
        <PageHeader
          title="Risk register"
          description={`Start the register from what goes wrong most often. Suggestions follow the migration type (${MIGRATION_TYPE_LABELS[lib.migrationType].name}); each adds with its probability, schedule and cost impact, which you can then tune.`}
        />
        <RiskSubnav engagementId={access.engagementId} current="library" />
      </div>
      <RiskLibraryList
        engagementId={access.engagementId}
        migrationType={lib.migrationType}
        show={show}
        entries={lib.entries}
        suggestedCount={lib.suggestedCount}
        suggestedNotInRegister={lib.suggestedNotInRegister}
        totalCount={lib.totalCount}
        matrix={lib.matrix}
        currency={lib.currency}
        canEdit={canEdit}
        basePath={`${base}/library`}
        registerHref={base}
        addAction={addRiskFromLibraryAction}
        addSuggestedAction={addSuggestedRisksAction}
        deleteAction={deleteFirmLibraryEntryAction}
      />
      {canEdit ? (
        <Card>
          <CardHeader title="Save a risk to your firm's library" description="A risk you wrote for this client can be reused on the firm's next engagement. Only your firm sees it." />
          <CardBody>
            <SaveToFirmLibraryForm engagementId={access.engagementId} migrationType={lib.migrationType} risks={lib.register} action={saveRiskToFirmLibraryAction} />
          </CardBody>
        </Card>
      ) : null}
    </main>
  );
}
