// Writes of stored estimates. Claiming is how instances agree that exactly one of them computes a key:
// INSERT … ON CONFLICT DO NOTHING (or taking over a stale or failed claim with a conditional UPDATE);
// the loser waits for the winner's row to turn ready. No transaction is held while the engine runs.
import "server-only";
import { db } from "@/lib/db";
import type { Estimate } from "@/lib/estimate";
import { Prisma } from "@/lib/generated/prisma/client";
import { headlineOf, RESULT_ENGINE_VERSION, summarizeEstimate, type EstimateHeadline } from "@/lib/estimate-results/key";
import type { ResultKind } from "@/lib/estimate-results/data";
import type { AuthorizedEngagementId } from "@/lib/auth/access";

export type ClaimInput = { engagementId: string; inputHash: string; kind: ResultKind; seed: number; iterations: number; inputsRevision: bigint };

/** Claim a new key: the id when this caller won (it must compute), null when a row already exists. */
export async function claimNewResult(c: ClaimInput): Promise<string | null> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "EstimateResult" ("id", "engagementId", "kind", "inputHash", "inputsRevision", "seed", "iterations", "engineVersion", "status", "claimedAt", "createdAt")
    VALUES (gen_random_uuid()::text, ${c.engagementId}, ${c.kind}, ${c.inputHash}, ${c.inputsRevision}, ${c.seed}, ${c.iterations}, ${RESULT_ENGINE_VERSION}, 'computing', now(), now())
    ON CONFLICT ("engagementId", "inputHash") DO NOTHING
    RETURNING "id"`;
  return rows[0]?.id ?? null;
}

/** Take over a claim whose owner failed or went quiet (crashed instance): true when this caller won it. */
export async function reclaimResult(id: string, seen: { status: string; claimedAt: Date }): Promise<boolean> {
  const n = await db.estimateResult.updateMany({
    where: { id, status: seen.status, claimedAt: seen.claimedAt },
    data: { status: "computing", claimedAt: new Date(), error: "", attempts: { increment: 1 } },
  });
  return n.count === 1;
}

export async function completeResult(id: string, estimate: Estimate, engineMs: number): Promise<void> {
  await db.estimateResult.update({
    where: { id },
    data: { status: "ready", estimate: estimate as object, summary: summarizeEstimate(estimate) as object, headline: headlineOf(estimate) as object, engineMs, computedAt: new Date(), error: "" },
  });
}

/** A result stored before EstimateResult.headline existed gets it on its first read by the overview. */
export async function fillHeadline(id: string, headline: EstimateHeadline): Promise<void> {
  await db.estimateResult.updateMany({ where: { id, status: "ready", headline: { equals: Prisma.DbNull } }, data: { headline: headline as object } });
}

export async function failResult(id: string, reason: string): Promise<void> {
  await db.estimateResult.updateMany({ where: { id, status: "computing" }, data: { status: "failed", error: reason.slice(0, 2000) } });
}

/**
 * The same inputs were seen as the engagement's own at a newer revision (an edit that was undone, or a
 * scenario that equals the current inputs): the revision fast path finds the result there from now on.
 */
export async function advanceResultRevision(id: string, inputsRevision: bigint): Promise<void> {
  await db.estimateResult.updateMany({ where: { id, OR: [{ inputsRevision: { lt: inputsRevision } }, { kind: { not: "current" } }] }, data: { inputsRevision, kind: "current" } });
}

/**
 * Keep the newest `keep` results per engagement and kind (old inputs are only needed as the
 * "updating" placeholder, and baselines keep their own copy).
 */
export async function pruneResults(engagementId: string, keep = 20): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "EstimateResult" WHERE "id" IN (
      SELECT "id" FROM "EstimateResult"
       WHERE "engagementId" = ${engagementId} AND "status" <> 'computing'
       ORDER BY "createdAt" DESC OFFSET ${keep})`;
}

/**
 * "Try again" after a failed estimate: forgets the recorded failures of the engagement's own inputs for
 * this run, so the next read computes them again instead of repeating the failure (a failure is kept so
 * that a page reload does not burn another time budget on inputs that just failed). Returns how many
 * were forgotten. Stored results are a cache of the engine's output, not engagement data: no audit event.
 */
export async function forgetFailedEstimates(engagementId: AuthorizedEngagementId, run: { seed: number; iterations: number }): Promise<number> {
  const { count } = await db.estimateResult.deleteMany({ where: { engagementId, kind: "current", seed: run.seed, iterations: run.iterations, engineVersion: RESULT_ENGINE_VERSION, status: "failed" } });
  return count;
}
