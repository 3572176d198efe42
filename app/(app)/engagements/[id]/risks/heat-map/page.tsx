// /engagements/<id>/risks/heat-map – inherent and residual risk on the engagement's matrix, side by side.
import type { Metadata } from "next";
import Link from "@/components/ui/link";
import { Grid3x3 } from "lucide-react";
import { requirePageAccess } from "@/lib/auth/session";
import { can } from "@/lib/auth/access-matrix";
import { findRatedRisks, findRiskMatrix } from "@/lib/risk-matrix/data";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ButtonLink } from "@/components/ui/button";
import { RiskSubnav } from "@/components/risk-matrix/risk-subnav";
import { HeatMapPair } from "@/components/risks/heat-map-pair";

export const metadata: Metadata = { title: "Risk heat map" };

export default async function RiskHeatMapPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { access } = await requirePageAccess(id, "inventory.view");
  const [{ matrix }, risks] = await Promise.all([findRiskMatrix(access.engagementId), findRatedRisks(access.engagementId)]);
  const base = `/engagements/${access.engagementId}/risks`;
  return (
    <main>
      <PageHeader
        title="Risk register"
        description={`Where the cutover risks sit on this engagement's ${matrix.size}×${matrix.size} likelihood × impact matrix — before mitigation (inherent) and after (residual). Select a cell to list its risks.`}
      />
      <RiskSubnav engagementId={access.engagementId} current="heat-map" />
      {risks.length === 0 ? (
        <EmptyState
          title="No risks to plot yet"
          icon={<Grid3x3 className="size-8" />}
          actions={can(access.role, "risks.edit") ? <ButtonLink href={`${base}/library`}>Start from the risk library</ButtonLink> : null}
        >
          Add cutover risks to the register — by hand or from the library of failure modes seen most often — and they appear here.
        </EmptyState>
      ) : (
        <Card>
          <CardBody className="py-5">
            {/* the two grids' own headings are h3s: this keeps the page's heading order (h1 → h2 → h3) */}
            <h2 className="sr-only">Heat maps</h2>
            <HeatMapPair matrix={matrix} risks={risks} riskHrefTemplate={`${base}?risk={id}`} />
            <p className="mt-5 text-xs text-ink-500">
              Severity bands follow the share of the largest score (likelihood × impact): under 20% low, under 40% medium, under 70% high, else critical.{" "}
              <Link href={`${base}/matrix`} className="text-brand-700 underline hover:text-brand-900">Matrix labels and size</Link>
            </p>
          </CardBody>
        </Card>
      )}
    </main>
  );
}
