// /engagements/<id>/risks/matrix – the engagement's likelihood × impact matrix (size, labels, probabilities).
import type { Metadata } from "next";
import { requirePageAccess } from "@/lib/auth/session";
import { can } from "@/lib/auth/access-matrix";
import { findRatedRisks, findRiskMatrix } from "@/lib/risk-matrix/data";
import { updateRiskMatrixAction } from "@/lib/risk-matrix/actions";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody } from "@/components/ui/card";
import { RiskSubnav } from "@/components/risk-matrix/risk-subnav";
import { RiskMatrixForm } from "@/components/risk-matrix/risk-matrix-form";

export const metadata: Metadata = { title: "Risk matrix" };

export default async function RiskMatrixPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { access } = await requirePageAccess(id, "inventory.view");
  const [{ matrix, version, isDefault }, risks] = await Promise.all([findRiskMatrix(access.engagementId), findRatedRisks(access.engagementId)]);
  return (
    <main>
      <PageHeader
        title="Risk register"
        description={`The likelihood × impact matrix every risk of this engagement is rated on${isDefault ? " — currently the standard 5×5; adjust it to the client's own risk policy" : ""}.`}
      />
      <RiskSubnav engagementId={access.engagementId} current="matrix" />
      <Card>
        <CardBody className="py-6">
          <RiskMatrixForm
            engagementId={access.engagementId}
            version={version}
            matrix={matrix}
            risks={risks.map(({ id: riskId, title, likelihood, impact, residualLikelihood, residualImpact }) => ({ id: riskId, title, likelihood, impact, residualLikelihood, residualImpact }))}
            readOnly={!can(access.role, "risks.edit")}
            action={updateRiskMatrixAction}
          />
        </CardBody>
      </Card>
    </main>
  );
}
