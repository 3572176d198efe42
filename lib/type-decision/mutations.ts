// Type-decision checklist write: one JSON document per engagement (Engagement.typeDecision), optimistic
// concurrency on Engagement.typeDecisionVersion, a field-level audit entry in the same transaction.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import { appendAuditEvent } from "@/lib/audit/mutations";
import type { Actor } from "@/lib/assumptions/mutations";
import { FIT_CRITERION_KEYS, type TypeDecisionAnswers } from "@/lib/type-decision/schema";
import { toChecklistDto, typeDecisionSelect } from "@/lib/type-decision/data";

const CONFLICT_MESSAGE = "Someone else saved the fit checklist while you were editing. Nothing was overwritten; their answers are shown.";

function diffAnswers(before: TypeDecisionAnswers, after: TypeDecisionAnswers): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of FIT_CRITERION_KEYS) {
    if (before[k].answer !== after[k].answer) out[`${k}.answer`] = { from: before[k].answer, to: after[k].answer };
    if (before[k].note !== after[k].note) out[`${k}.note`] = { from: before[k].note, to: after[k].note };
  }
  return out;
}

/** Replace the answers if they are still at `version`; identical answers write nothing. */
export async function saveTypeDecisionChecklist(
  engagementId: AuthorizedEngagementId,
  actor: Actor,
  version: number,
  values: TypeDecisionAnswers,
  requestId = "",
): Promise<{ version: number; changed: number }> {
  return db.$transaction(async (tx) => {
    const row = await tx.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: typeDecisionSelect });
    if (row.typeDecisionVersion !== version) throw new AppError("CONFLICT", CONFLICT_MESSAGE, toChecklistDto(row));
    const changes = diffAnswers(toChecklistDto(row).values, values);
    if (Object.keys(changes).length === 0) return { version, changed: 0 };
    const { count } = await tx.engagement.updateMany({
      where: { id: engagementId, typeDecisionVersion: version },
      data: { typeDecision: values as object, typeDecisionVersion: { increment: 1 } },
    });
    if (count === 0) {
      const current = await tx.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: typeDecisionSelect });
      throw new AppError("CONFLICT", CONFLICT_MESSAGE, toChecklistDto(current));
    }
    await appendAuditEvent(tx, {
      organizationId: actor.organizationId,
      engagementId,
      actor: { id: actor.id, email: actor.email, role: actor.role },
      action: "type_decision.update",
      entityType: "engagement",
      entityId: engagementId,
      changes,
      requestId,
    });
    return { version: version + 1, changed: Object.keys(changes).length };
  });
}
