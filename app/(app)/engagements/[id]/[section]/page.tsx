// Sections whose pages are not built yet: an honest empty state (known slugs) or 404 (unknown slugs).
import { notFound } from "next/navigation";
import { Construction } from "lucide-react";
import { requirePageAccess } from "@/lib/auth/session";
import { sectionBySlug } from "@/lib/engagements/sections";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export default async function SectionPlaceholderPage({ params }: { params: Promise<{ id: string; section: string }> }) {
  const { id, section: slug } = await params;
  const section = sectionBySlug(slug);
  if (!section || !slug) notFound();
  await requirePageAccess(id, section.capability);
  return (
    <main>
      <PageHeader title={section.label} description={section.description} />
      <EmptyState title="Not available yet" icon={<Construction className="size-8" />}>
        This part of Sounding is still being built, so there is nothing to show or enter here yet. Nothing you enter
        elsewhere is lost: it will appear here once this section ships.
      </EmptyState>
    </main>
  );
}
