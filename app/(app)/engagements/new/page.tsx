import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { createEngagementAction } from "@/lib/engagements/actions";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody } from "@/components/ui/card";
import { EngagementForm } from "@/components/engagements/engagement-form";

export const metadata: Metadata = { title: "New engagement" };

export default async function NewEngagementPage() {
  await requireUser();
  const today = new Date();
  const nextMonday = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + ((8 - today.getUTCDay()) % 7 || 7)));
  return (
    <main id="main-content" tabIndex={-1} className="focus:outline-none mx-auto max-w-4xl px-4 py-8 sm:px-6">
      <PageHeader eyebrow="Engagements" title="New engagement" description="You become its lead. Add consultants and executives on the Members page afterwards." />
      <Card>
        <CardBody className="py-6">
          <EngagementForm
            mode="create"
            action={createEngagementAction}
            initial={{ currency: "USD", status: "scoping", sourceSystemCount: 1, plannedStart: nextMonday.toISOString().slice(0, 10) }}
          />
        </CardBody>
      </Card>
    </main>
  );
}
