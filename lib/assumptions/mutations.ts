// Assumptions writes: one JSON document per engagement (Engagement.assumptions), optimistic concurrency
// on Engagement.assumptionsVersion, and a field-level audit entry (effective values) in the same transaction.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import type { Role } from "@/lib/auth/access-matrix";
import { appendAuditEvent } from "@/lib/audit/mutations";
import type { Assumptions } from "@/lib/engagement-format/schema";
import { assumptionsSelect, readAssumptions, toAssumptionsDto } from "@/lib/assumptions/data";
import { diffAssumptions } from "@/lib/assumptions/diff";
import { normalizeAssumptions } from "@/lib/assumptions/schema";

export type Actor = { id: string; email: string; role: Role; organizationId: string };

const CONFLICT_MESSAGE = "Someone else saved these assumptions while you were editing. Nothing was overwritten; their version is shown below.";

/**
 * Replace the engagement's assumptions if they are still at `version`. Saving values identical to the
 * stored ones writes nothing (same version, no audit entry). A stale version → CONFLICT carrying the
 * current assumptions (as the actor may see them).
 */
export async function saveAssumptions(
  engagementId: AuthorizedEngagementId,
  actor: Actor,
  version: number,
  values: Assumptions,
  requestId = "",
): Promise<{ version: number; changed: number }> {
  const after = normalizeAssumptions(values);
  return db.$transaction(async (tx) => {
    const row = await tx.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: assumptionsSelect });
    if (row.assumptionsVersion !== version) throw new AppError("CONFLICT", CONFLICT_MESSAGE, toAssumptionsDto(row, actor.role));
    const changes = diffAssumptions(readAssumptions(row.assumptions), after);
    if (Object.keys(changes).length === 0) return { version, changed: 0 };
    const { count } = await tx.engagement.updateMany({
      where: { id: engagementId, assumptionsVersion: version },
      data: { assumptions: after as object, assumptionsVersion: { increment: 1 } },
    });
    if (count === 0) {
      const current = await tx.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: assumptionsSelect });
      throw new AppError("CONFLICT", CONFLICT_MESSAGE, toAssumptionsDto(current, actor.role));
    }
    await appendAuditEvent(tx, {
      organizationId: actor.organizationId,
      engagementId,
      actor: { id: actor.id, email: actor.email, role: actor.role },
      action: "assumptions.update",
      entityType: "engagement",
      entityId: engagementId,
      changes,
      requestId,
    });
    return { version: version + 1, changed: Object.keys(changes).length };
  });
}
