import Link from "@/components/ui/link";
import { requirePageAccess } from "@/lib/auth/session";
import { findEngagement } from "@/lib/engagements/data";
import { SECTIONS } from "@/lib/engagements/sections";
import { can, ROLE_LABELS } from "@/lib/auth/access-matrix";
import { EngagementMobileNav, EngagementNav } from "@/components/engagements/engagement-nav";
import { MigrationTypeBadge } from "@/components/engagements/badges";
import { Badge } from "@/components/ui/badge";

export default async function EngagementLayout({ children, params }: { children: React.ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { access } = await requirePageAccess(id, "engagement.view");
  const engagement = await findEngagement(access.engagementId);
  const items = SECTIONS.filter((s) => can(access.role, s.capability)).map(({ slug, label, group }) => ({ slug, label, group }));
  return (
    <div className="mx-auto flex max-w-[1400px] gap-8 px-4 py-6 sm:px-6">
      <aside className="no-print hidden w-60 shrink-0 md:block">
        <div className="sticky top-20 space-y-5">
          <div className="px-3">
            <Link href="/engagements" className="text-xs text-ink-500 hover:text-brand-700">← All engagements</Link>
            <div className="mt-2 text-sm font-semibold leading-snug text-ink-900">{engagement.clientName}</div>
            <div className="text-xs text-ink-500">{engagement.name}</div>
            <div className="mt-2 flex flex-wrap gap-1.5">
              <MigrationTypeBadge type={engagement.migrationType} />
              {engagement.archivedAt ? <Badge tone="amber">Archived</Badge> : null}
            </div>
            <div className="mt-2 text-xs text-ink-500">You: {ROLE_LABELS[access.role]}</div>
          </div>
          <EngagementNav engagementId={engagement.id} items={items} />
        </div>
      </aside>
      <div id="main-content" tabIndex={-1} className="min-w-0 flex-1 focus:outline-none">
        <EngagementMobileNav engagementId={engagement.id} clientName={engagement.clientName} items={items} />
        {children}
      </div>
    </div>
  );
}
