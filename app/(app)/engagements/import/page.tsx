// /engagements/import — create a new engagement from a whole-engagement JSON file; the importer becomes lead.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { requireUser } from "@/lib/auth/session";
import { importEngagementAction } from "@/lib/import-export/actions";
import { MAX_UPLOAD_LABEL } from "@/lib/import-export/schema";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody } from "@/components/ui/card";
import { EngagementImportForm } from "@/components/import-export/engagement-import-form";

export const metadata: Metadata = { title: "Import an engagement" };

export default async function ImportEngagementPage() {
  await requireUser();
  return (
    <main id="main-content" tabIndex={-1} className="focus:outline-none mx-auto max-w-3xl px-4 py-8 sm:px-6">
      <PageHeader
        eyebrow={<Link href="/engagements" className="hover:text-brand-700">← All engagements</Link>}
        title="Import an engagement"
        description="Create a new engagement from a Sounding engagement file: profile, all inventories, audit-trail policy, risk matrix, risks and estimate assumptions. You become its lead; other members are not part of the file — add them afterwards."
      />
      <Card>
        <CardBody className="py-6">
          <EngagementImportForm action={importEngagementAction} maxLabel={MAX_UPLOAD_LABEL} />
        </CardBody>
      </Card>
      <p className="mt-4 text-sm text-ink-500">
        The file is checked completely before anything is saved: if any part is wrong, you get every problem with its place in the file and nothing is created.
      </p>
    </main>
  );
}
