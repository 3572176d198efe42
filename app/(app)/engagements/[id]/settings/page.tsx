import type { Metadata } from "next";
import { requirePageAccess } from "@/lib/auth/session";
import { findEngagement } from "@/lib/engagements/data";
import { setArchivedAction, updateEngagementAction } from "@/lib/engagements/actions";
import { can } from "@/lib/auth/access-matrix";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EngagementForm } from "@/components/engagements/engagement-form";
import { ArchiveControl } from "@/components/engagements/archive-control";

export const metadata: Metadata = { title: "Settings" };

export default async function EngagementSettingsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { access } = await requirePageAccess(id, "engagement.edit");
  const e = await findEngagement(access.engagementId);
  const { id: _id, version, archivedAt, createdAt: _c, updatedAt: _u, ...values } = e;
  return (
    <main className="space-y-6">
      <PageHeader title="Settings" description="Engagement details and the organization profile that drive the estimate." />
      <Card>
        <CardBody className="py-6">
          <EngagementForm mode="edit" engagementId={e.id} version={version} initial={values} action={updateEngagementAction} />
        </CardBody>
      </Card>
      {can(access.role, "engagement.archive") ? (
        <Card>
          <CardHeader title={archivedAt ? "Restore engagement" : "Archive engagement"} description={archivedAt ? "Archived engagements are read by members but hidden from the default list." : "Archiving hides the engagement from the default list. Nothing is deleted; you can restore it at any time."} />
          <CardBody>
            <ArchiveControl engagementId={e.id} isArchived={archivedAt !== null} action={setArchivedAction} />
          </CardBody>
        </Card>
      ) : null}
    </main>
  );
}
