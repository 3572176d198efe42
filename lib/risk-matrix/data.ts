// Reads for the risk matrix editor and the heat map (tenant-scoped by AuthorizedEngagementId).
import "server-only";
import { db } from "@/lib/db";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { normalizeRiskMatrix, type RatedRisk } from "@/lib/risk-matrix/schema";
import type { RiskMatrix } from "@/lib/engagement-format/schema";

/** The engagement's matrix (defaults filled in) and the engagement version the edit form saves against. */
export async function findRiskMatrix(engagementId: AuthorizedEngagementId): Promise<{ matrix: RiskMatrix; version: number; isDefault: boolean }> {
  const row = await db.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: { riskMatrix: true, version: true } });
  const raw = row.riskMatrix as Record<string, unknown> | null;
  return { matrix: normalizeRiskMatrix(raw), version: row.version, isDefault: !raw || Object.keys(raw).length === 0 };
}

export type HeatMapRiskDto = RatedRisk & { status: string; owner: string; category: string };

/** Every risk's levels (a few columns each: a register of 1,000 risks stays small). */
export async function findRatedRisks(engagementId: AuthorizedEngagementId): Promise<HeatMapRiskDto[]> {
  return db.risk.findMany({
    where: { engagementId },
    orderBy: [{ title: "asc" }],
    select: { id: true, title: true, likelihood: true, impact: true, residualLikelihood: true, residualImpact: true, status: true, owner: true, category: true },
  });
}
