// /engagements/[id]/estimate/baselines — named, immutable estimate snapshots; save one, compare with now.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { History } from "lucide-react";
import { requirePageAccess } from "@/lib/auth/session";
import { can } from "@/lib/auth/access-matrix";
import { findBaselines } from "@/lib/estimates/data";
import { findEngagement } from "@/lib/engagements/data";
import { createBaselineAction } from "@/lib/estimates/actions";
import { parseSeedParam } from "@/lib/estimates/schema";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime, formatMoneyCents } from "@/components/ui/format";
import { EstimateSubnav } from "@/components/estimate/estimate-subnav";
import { BaselineForm } from "@/components/estimate/baseline-form";
import { ScrollRegion } from "@/components/ui/scroll-region";

export const metadata: Metadata = { title: "Baselines" };

export default async function BaselinesPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const { access } = await requirePageAccess(id, "estimate.view");
  const { seed } = parseSeedParam((await searchParams).seed);
  const [baselines, engagement] = await Promise.all([findBaselines(access.engagementId), findEngagement(access.engagementId)]);
  const currency = engagement.currency;
  const eid = access.engagementId;
  const canCreate = can(access.role, "baseline.create");
  return (
    <main className="space-y-6">
      <PageHeader eyebrow="Estimate" title="Baselines" description="A baseline freezes the estimate as it is now — its inputs, seed, runs and every number — under a name. Compare the current estimate with it to see what changed and which inputs caused it. Baselines are never edited or deleted." />
      <EstimateSubnav engagementId={eid} baselines={baselines.length} />
      {canCreate ? (
        <Card>
          <CardHeader title="Save the current estimate as a baseline" description="The server computes the estimate again with this seed and 10,000 runs, and stores it with its inputs." />
          <CardBody>
            <BaselineForm engagementId={eid} seed={seed} action={createBaselineAction} />
          </CardBody>
        </Card>
      ) : null}
      {baselines.length === 0 ? (
        <EmptyState icon={<History className="size-8" />} title="No baselines yet">
          {canCreate ? "Save one before a steering committee or a scope change, so later estimates can be compared with it." : "A lead or consultant saves baselines; they will appear here."}
        </EmptyState>
      ) : (
        <Card>
          <CardHeader title={`${baselines.length} baseline${baselines.length === 1 ? "" : "s"}`} description="Newest first." />
          <ScrollRegion label="Saved baselines">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Saved baselines</caption>
              <thead className="text-xs text-ink-500">
                <tr className="border-b border-ink-100">
                  <th scope="col" className="px-5 py-2 font-medium">Name</th>
                  <th scope="col" className="px-3 py-2 font-medium">Saved</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">P50 / P80 duration</th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">P50 / P80 cost</th>
                  <th scope="col" className="px-3 py-2 font-medium">Run</th>
                  <th scope="col" className="px-5 py-2"><span className="sr-only">Compare</span></th>
                </tr>
              </thead>
              <tbody className="tabular">
                {baselines.map((b) => (
                  <tr key={b.id} className="border-b border-ink-50">
                    <th scope="row" className="px-5 py-2.5 font-medium text-ink-900">{b.name}</th>
                    <td className="px-3 py-2.5 text-ink-600">{formatDateTime(b.createdAt)}<div className="text-xs">{b.createdByName || "—"}</div></td>
                    <td className="px-3 py-2.5 text-right">{b.p50Months?.toFixed(1) ?? "—"} / {b.p80Months?.toFixed(1) ?? "—"} mo</td>
                    <td className="px-3 py-2.5 text-right">{formatMoneyCents(b.p50CostCents, currency, true)} / {formatMoneyCents(b.p80CostCents, currency, true)}</td>
                    <td className="px-3 py-2.5 text-xs text-ink-600">Type {b.migrationType ?? "?"} · seed {b.seed} · {b.iterations.toLocaleString("en-US")} runs</td>
                    <td className="px-5 py-2.5 text-right"><Link href={`/engagements/${eid}/estimate/baselines/${b.id}`} className="font-medium text-brand-700 hover:text-brand-900">Compare with now →</Link></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </Card>
      )}
    </main>
  );
}
