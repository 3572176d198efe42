// /engagements/[id]/audit-trail — the audit-trail policy: migrate, archive or hybrid, and how an access
// question ("who looked at patient X's record in 2022?") is answered after the source is gone.
import type { Metadata } from "next";
import { requirePageAccess } from "@/lib/auth/session";
import { can } from "@/lib/auth/access-matrix";
import { findAuditTrailPolicy } from "@/lib/audit-trail/data";
import { saveAuditTrailPolicyAction } from "@/lib/audit-trail/actions";
import { auditTrailToForm } from "@/lib/audit-trail/schema";
import { AuditTrailPolicySchema } from "@/lib/engagement-format/schema";
import { sectionBySlug } from "@/lib/engagements/sections";
import { ArchivedNotice } from "@/components/inventory/archived-notice";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody } from "@/components/ui/card";
import { AuditTrailForm } from "@/components/audit-trail/audit-trail-form";

export const metadata: Metadata = { title: "Audit-trail policy" };

export default async function AuditTrailPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { access } = await requirePageAccess(id, "inventory.view");
  const saved = await findAuditTrailPolicy(access.engagementId);
  const canEdit = can(access.role, "inventory.edit") && !access.isArchived;
  return (
    <main>
      <PageHeader title="Audit-trail policy" description={sectionBySlug("audit-trail")?.description} />
      <ArchivedNotice isArchived={access.isArchived} />
      <Card>
        <CardBody className="py-6">
          <AuditTrailForm
            engagementId={access.engagementId}
            saved={saved}
            defaults={auditTrailToForm(AuditTrailPolicySchema.parse({}))}
            canEdit={canEdit}
            action={canEdit ? saveAuditTrailPolicyAction : null}
          />
        </CardBody>
      </Card>
    </main>
  );
}
