// Reads of stored estimates (lib/estimate-results): by input hash, at an inputs revision (the fast path
// that needs no document load), the newest ready one (shown, marked "updating", while a recomputation
// runs), and the portfolio summary. Every read carries the engagement id.
import "server-only";
import { db } from "@/lib/db";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import type { Estimate } from "@/lib/estimate";
import { RESULT_ENGINE_VERSION, type EstimateHeadline, type EstimateSummary } from "@/lib/estimate-results/key";

export type ResultStatus = "computing" | "ready" | "failed";
export type ResultKind = "current" | "scenario";

export type StoredResultHead = { id: string; status: ResultStatus; inputsRevision: bigint; claimedAt: Date; attempts: number; error: string };
export type StoredEstimate = { id: string; estimate: Estimate; engineMs: number | null; computedAt: Date; inputsRevision: bigint };

const head = { id: true, status: true, inputsRevision: true, claimedAt: true, attempts: true, error: true } as const;

/** The engagement's inputs revision (0 before the first write the triggers saw). */
export async function findInputsRevision(engagementId: string): Promise<bigint> {
  const row = await db.estimateInputsRevision.findUnique({ where: { engagementId }, select: { revision: true } });
  return row?.revision ?? 0n;
}

export async function findResultHead(engagementId: string, inputHash: string): Promise<StoredResultHead | null> {
  const row = await db.estimateResult.findUnique({ where: { engagementId_inputHash: { engagementId, inputHash } }, select: head });
  return row ? { ...row, status: row.status as ResultStatus } : null;
}

function toStored(row: { id: string; estimate: unknown; engineMs: number | null; computedAt: Date | null; inputsRevision: bigint }): StoredEstimate {
  return { id: row.id, estimate: row.estimate as Estimate, engineMs: row.engineMs, computedAt: row.computedAt ?? new Date(0), inputsRevision: row.inputsRevision };
}

const stored = { id: true, estimate: true, engineMs: true, computedAt: true, inputsRevision: true } as const;

export async function findReadyResult(engagementId: string, inputHash: string): Promise<StoredEstimate | null> {
  const row = await db.estimateResult.findFirst({ where: { engagementId, inputHash, status: "ready" }, select: stored });
  return row ? toStored(row) : null;
}

type RunKey = { seed: number; iterations: number };

/** The ready result of the engagement's own inputs at exactly this revision (no document load needed). */
export async function findResultAtRevision(engagementId: string, run: RunKey, revision: bigint): Promise<StoredEstimate | null> {
  const row = await db.estimateResult.findFirst({
    where: { engagementId, kind: "current", seed: run.seed, iterations: run.iterations, engineVersion: RESULT_ENGINE_VERSION, inputsRevision: revision, status: "ready" },
    orderBy: { computedAt: "desc" },
    select: stored,
  });
  return row ? toStored(row) : null;
}

export type StoredHeadline = { id: string; headline: EstimateHeadline | null; computedAt: Date };

/**
 * The headline (EstimateResult.headline: a few KB) of the ready result of the engagement's own inputs at
 * exactly this revision — the overview's read, which never loads the whole estimate. `headline` is null on
 * a result stored before the column existed (the caller reads the full result once and fills it).
 */
export async function findHeadlineAtRevision(engagementId: string, run: RunKey, revision: bigint): Promise<StoredHeadline | null> {
  const row = await db.estimateResult.findFirst({
    where: { engagementId, kind: "current", seed: run.seed, iterations: run.iterations, engineVersion: RESULT_ENGINE_VERSION, inputsRevision: revision, status: "ready" },
    orderBy: { computedAt: "desc" },
    select: { id: true, headline: true, computedAt: true },
  });
  return row ? { id: row.id, headline: (row.headline as EstimateHeadline | null) ?? null, computedAt: row.computedAt ?? new Date(0) } : null;
}

/**
 * The newest result of the engagement's own inputs at this revision or a later one (a job computed it
 * meanwhile): ready (with the estimate) or failed (with the reason); null while none is finished.
 */
export async function findResultSinceRevision(engagementId: string, run: RunKey, revision: bigint): Promise<{ status: "ready"; result: StoredEstimate } | { status: "failed"; error: string } | null> {
  const row = await db.estimateResult.findFirst({
    where: { engagementId, kind: "current", seed: run.seed, iterations: run.iterations, engineVersion: RESULT_ENGINE_VERSION, inputsRevision: { gte: revision }, status: { in: ["ready", "failed"] } },
    orderBy: [{ inputsRevision: "desc" }, { status: "desc" }],
    select: { id: true, status: true, error: true },
  });
  if (!row) return null;
  if (row.status === "failed") return { status: "failed", error: row.error };
  const ready = await db.estimateResult.findUnique({ where: { id: row.id }, select: stored });
  return ready ? { status: "ready", result: toStored(ready) } : null;
}

/** The newest ready result of the engagement's own inputs for this run (possibly of older inputs). */
export async function findLatestReadyResult(engagementId: string, run: RunKey): Promise<StoredEstimate | null> {
  const row = await db.estimateResult.findFirst({
    where: { engagementId, kind: "current", seed: run.seed, iterations: run.iterations, engineVersion: RESULT_ENGINE_VERSION, status: "ready" },
    orderBy: { computedAt: "desc" },
    select: stored,
  });
  return row ? toStored(row) : null;
}

export type LatestEstimateSummary = EstimateSummary & {
  engagementId: string;
  seed: number;
  iterations: number;
  computedAt: string;
  /** false when the engagement's inputs changed after this result was computed (a recomputation is due) */
  isCurrent: boolean;
};

/**
 * The newest stored estimate summary of each engagement (P50/P80 months and cost, confidence, critical
 * flags) for lists such as the portfolio: one indexed query, never the Monte Carlo. Engagements without
 * a stored result are absent from the map (the list shows "not estimated yet" and may schedule one).
 * INVARIANT: the caller passes only engagement ids the viewer may see (e.g. from findEngagementsForUser).
 */
export async function loadLatestEstimateSummary(engagementIds: readonly string[]): Promise<Map<string, LatestEstimateSummary>> {
  const out = new Map<string, LatestEstimateSummary>();
  if (engagementIds.length === 0) return out;
  const rows = await db.$queryRaw<{ engagementId: string; seed: number; iterations: number; summary: EstimateSummary; computedAt: Date; isCurrent: boolean }[]>`
    SELECT DISTINCT ON (r."engagementId") r."engagementId", r."seed", r."iterations", r."summary", r."computedAt",
           (r."inputsRevision" >= COALESCE(v."revision", 0)) AS "isCurrent"
      FROM "EstimateResult" r
      LEFT JOIN "EstimateInputsRevision" v ON v."engagementId" = r."engagementId"
     WHERE r."engagementId" = ANY(${[...engagementIds]}::text[])
       AND r."kind" = 'current' AND r."status" = 'ready' AND r."engineVersion" = ${RESULT_ENGINE_VERSION}
       AND r."summary" IS NOT NULL
     ORDER BY r."engagementId", (r."seed" = 1) DESC, r."computedAt" DESC`;
  for (const r of rows) {
    out.set(r.engagementId, { ...r.summary, engagementId: r.engagementId, seed: r.seed, iterations: r.iterations, computedAt: r.computedAt.toISOString(), isCurrent: r.isCurrent });
  }
  return out;
}

export type { AuthorizedEngagementId };
