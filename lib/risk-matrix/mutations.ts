// Risk matrix writes: optimistic concurrency on Engagement.version, audit entry in the same transaction.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import type { Role } from "@/lib/auth/access-matrix";
import { appendAuditEvent, diffFields } from "@/lib/audit/mutations";
import type { RiskMatrix } from "@/lib/engagement-format/schema";
import { clampRisk, formFromMatrix, normalizeRiskMatrix, risksOutOfRange } from "@/lib/risk-matrix/schema";

export type MatrixActor = { id: string; email: string; role: Role; organizationId: string };

const LEVEL_FIELDS = ["likelihood", "impact", "residualLikelihood", "residualImpact"] as const;

/**
 * Save the matrix. Shrinking it below levels that risks use is refused with the list of those risks,
 * unless `clampOutOfRange`: then each such level becomes the new maximum, in the same transaction,
 * with one audit entry per clamped risk. Existing risks are never left outside the matrix.
 */
export async function updateRiskMatrix(
  engagementId: AuthorizedEngagementId,
  actor: MatrixActor,
  version: number,
  matrix: RiskMatrix,
  opts: { clampOutOfRange: boolean },
  requestId = "",
) {
  return db.$transaction(async (tx) => {
    const before = await tx.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: { riskMatrix: true, version: true } });
    const { count } = await tx.engagement.updateMany({
      where: { id: engagementId, version },
      data: { riskMatrix: matrix, version: { increment: 1 } },
    });
    if (count === 0) {
      const current = await tx.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: { riskMatrix: true, version: true } });
      throw new AppError("CONFLICT", "Someone else changed this engagement while you were editing the matrix. Their version is shown; review it and save again.", {
        version: current.version,
        values: formFromMatrix(normalizeRiskMatrix(current.riskMatrix)),
      });
    }

    const risks = await tx.risk.findMany({
      where: { engagementId },
      select: { id: true, title: true, likelihood: true, impact: true, residualLikelihood: true, residualImpact: true },
    });
    const outside = risksOutOfRange(risks, matrix.size);
    if (outside.length && !opts.clampOutOfRange) {
      const names = outside.slice(0, 5).map((r) => `“${r.title}”`).join(", ");
      const more = outside.length > 5 ? ` and ${outside.length - 5} more` : "";
      throw new AppError("INVALID", `${outside.length} risk${outside.length === 1 ? " is" : "s are"} rated above level ${matrix.size}.`, {
        size: [`${outside.length} risk${outside.length === 1 ? " uses" : "s use"} a level above ${matrix.size}: ${names}${more}. Re-rate ${outside.length === 1 ? "it" : "them"} first, or choose to clamp.`],
      });
    }
    for (const field of LEVEL_FIELDS) {
      // one statement per level field, whatever the number of risks
      await tx.risk.updateMany({ where: { engagementId, [field]: { gt: matrix.size } }, data: { [field]: matrix.size } });
    }
    if (outside.length) await tx.risk.updateMany({ where: { engagementId, id: { in: outside.map((r) => r.id) } }, data: { version: { increment: 1 } } });

    await appendAuditEvent(tx, {
      organizationId: actor.organizationId,
      engagementId,
      actor: { id: actor.id, email: actor.email, role: actor.role },
      action: "risk_matrix.update",
      entityType: "engagement",
      entityId: engagementId,
      changes: { ...diffFields(normalizeRiskMatrix(before.riskMatrix) as unknown as Record<string, unknown>, matrix as unknown as Record<string, unknown>), ...(outside.length ? { clampedRisks: outside.length } : {}) },
      requestId,
    });
    for (const r of outside) {
      const after = clampRisk(r, matrix.size);
      await appendAuditEvent(tx, {
        organizationId: actor.organizationId,
        engagementId,
        actor: { id: actor.id, email: actor.email, role: actor.role },
        action: "risk.update",
        entityType: "risk",
        entityId: r.id,
        changes: { ...diffFields(r as unknown as Record<string, unknown>, { likelihood: after.likelihood, impact: after.impact, residualLikelihood: after.residualLikelihood, residualImpact: after.residualImpact }), reason: `Clamped to the ${matrix.size}×${matrix.size} risk matrix` },
        requestId,
      });
    }
    return { version: version + 1, clamped: outside.length };
  });
}
