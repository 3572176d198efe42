import type { Metadata } from "next";
import Link from "next/link";
import { Database, GitBranch, Plug, FileBarChart, ShieldCheck, AlertTriangle } from "lucide-react";
import { requirePageAccess } from "@/lib/auth/session";
import { findEngagement, findInventoryCounts } from "@/lib/engagements/data";
import { MIGRATION_TYPE_LABELS } from "@/lib/engagement-format/schema";
import { can } from "@/lib/auth/access-matrix";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { formatDate, formatNumber } from "@/components/ui/format";
import { StatusBadge } from "@/components/engagements/badges";

export const metadata: Metadata = { title: "Overview" };

export default async function EngagementOverviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { access } = await requirePageAccess(id, "engagement.view");
  const [engagement, counts] = await Promise.all([findEngagement(access.engagementId), findInventoryCounts(access.engagementId)]);
  const base = `/engagements/${engagement.id}`;
  const inventories = [
    { href: `${base}/data`, label: "Data inventory", icon: Database, value: counts.dataEntities, unit: "source entities" },
    { href: `${base}/workflows`, label: "Workflows", icon: GitBranch, value: counts.workflowItems, unit: "workflow items" },
    { href: `${base}/integrations`, label: "Integrations", icon: Plug, value: counts.integrations, unit: "interfaces" },
    { href: `${base}/reports`, label: "Reports", icon: FileBarChart, value: counts.reports, unit: "reports" },
    { href: `${base}/audit-trail`, label: "Audit-trail policy", icon: ShieldCheck, value: null, unit: counts.auditPolicy && counts.auditPolicy !== "undecided" ? `Policy: ${counts.auditPolicy}` : "Not decided" },
    { href: `${base}/risks`, label: "Risk register", icon: AlertTriangle, value: counts.risks, unit: "risks" },
  ];
  const profile = [
    ["Providers", formatNumber(engagement.providers)],
    ["Locations", formatNumber(engagement.locations)],
    ["Specialties", formatNumber(engagement.specialties)],
    ["EMR users", formatNumber(engagement.staffUsers)],
    ["Active patients", formatNumber(engagement.activePatients)],
    ["Years of data", formatNumber(engagement.yearsOfData)],
    ["Source systems", formatNumber(engagement.sourceSystemCount)],
    ["Planned start", formatDate(engagement.plannedStart)],
  ] as const;

  return (
    <main>
      <PageHeader
        eyebrow={engagement.clientName}
        title={engagement.name}
        description={`${MIGRATION_TYPE_LABELS[engagement.migrationType].name}: ${engagement.sourceSystem || "source not set"} → ${engagement.destinationSystem || "destination not set"}. ${MIGRATION_TYPE_LABELS[engagement.migrationType].explanation}`}
        actions={
          <>
            <StatusBadge status={engagement.status} />
            {can(access.role, "engagement.edit") ? <ButtonLink href={`${base}/settings`} variant="secondary" size="sm">Edit details</ButtonLink> : null}
          </>
        }
      />

      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title="Phase 0 inventories" description="What the estimate is computed from. Open one to fill it by hand or by importing a spreadsheet." />
          <CardBody>
            <ul className="grid gap-3 sm:grid-cols-2">
              {inventories.map(({ href, label, icon: Icon, value, unit }) => (
                <li key={href}>
                  <Link href={href} className="flex items-center gap-3 rounded-lg p-3 ring-1 ring-ink-200 hover:bg-ink-50 hover:ring-brand-200">
                    <span className="flex size-9 items-center justify-center rounded-md bg-brand-50 text-brand-700"><Icon className="size-5" aria-hidden /></span>
                    <span className="min-w-0">
                      <span className="block text-sm font-medium text-ink-900">{label}</span>
                      <span className="block text-sm text-ink-500">
                        {value === null ? unit : value === 0 ? "Empty — start here" : <><span className="tabular font-medium text-ink-800">{formatNumber(value)}</span> {unit}</>}
                      </span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </CardBody>
        </Card>

        <Card>
          <CardHeader title="Organization profile" />
          <CardBody>
            <dl className="grid grid-cols-2 gap-x-4 gap-y-3 text-sm">
              {profile.map(([k, val]) => (
                <div key={k}>
                  <dt className="text-ink-500">{k}</dt>
                  <dd className="tabular font-medium text-ink-900">{val}</dd>
                </div>
              ))}
            </dl>
            <p className="mt-4 text-xs text-ink-500">{formatNumber(counts.members)} member{counts.members === 1 ? "" : "s"} · currency {engagement.currency}</p>
          </CardBody>
        </Card>
      </div>
    </main>
  );
}
