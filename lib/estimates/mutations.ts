// Baseline writes: a named, immutable snapshot of an estimate (inputs document + seed + iterations +
// outputs). Names are unique per engagement (a duplicate is a field error, never an overwrite); there is
// no update or delete. The estimate is computed by the caller before the transaction (long work never
// runs inside one); the transaction only inserts the row and its audit entry.
import "server-only";
import { db } from "@/lib/db";
import { AppError, isUniqueViolation } from "@/lib/errors";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import type { Role } from "@/lib/auth/access-matrix";
import { appendAuditEvent } from "@/lib/audit/mutations";
import type { EngagementDocument } from "@/lib/engagement-format/schema";
import type { Estimate } from "@/lib/estimate";
import { baselineNameTakenMessage } from "@/lib/estimates/schema";

export type Actor = { id: string; email: string; name: string; role: Role; organizationId: string };

function nameTaken(name: string) {
  return new AppError("INVALID", "That name is already used by another baseline.", { name: [baselineNameTakenMessage(name)] });
}

export async function createBaseline(
  engagementId: AuthorizedEngagementId,
  actor: Actor,
  snapshot: { name: string; document: EngagementDocument; estimate: Estimate },
  requestId = "",
): Promise<{ id: string; name: string }> {
  const { name, document, estimate } = snapshot;
  try {
    return await db.$transaction(async (tx) => {
      // case-insensitive: "Board review" and "board review" would be the same baseline to a reader
      const clash = await tx.baseline.findFirst({ where: { engagementId, name: { equals: name, mode: "insensitive" } }, select: { id: true } });
      if (clash) throw nameTaken(name);
      const created = await tx.baseline.create({
        data: {
          engagementId,
          name,
          seed: estimate.run.seed,
          iterations: estimate.run.iterations,
          inputs: document as object,
          outputs: estimate as object,
          createdById: actor.id,
          createdByName: actor.name,
        },
        select: { id: true, name: true },
      });
      await appendAuditEvent(tx, {
        organizationId: actor.organizationId,
        engagementId,
        actor: { id: actor.id, email: actor.email, role: actor.role },
        action: "baseline.create",
        entityType: "baseline",
        entityId: created.id,
        changes: {
          name,
          seed: estimate.run.seed,
          iterations: estimate.run.iterations,
          engineVersion: estimate.engine.version,
          p50Months: estimate.duration.totalMonths.percentiles.P50 ?? null,
          p80Months: estimate.duration.totalMonths.percentiles.P80 ?? null,
          p50CostCents: estimate.cost.totalCents.percentiles.P50 ?? null,
          p80CostCents: estimate.cost.totalCents.percentiles.P80 ?? null,
        },
        requestId,
      });
      return created;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(name); // two saves of the same name at once: one wins
    throw err;
  }
}
