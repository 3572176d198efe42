// Profile-run reads, tenant-scoped (every query carries the authorized engagement id).
import "server-only";
import { db } from "@/lib/db";
import { isRecordId } from "@/lib/input-rules";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import type { Quirk } from "@/lib/engagement-format/vocabularies";
import type { ExtractProfile, Profile } from "@/lib/profiler/types";
import { DEFAULT_CONSTANTS } from "@/lib/estimate/defaults";
import { applyPlanEdits, validationPlan, type EntityProfile, type PlanEntity, type ValidationPlan, type ValidationPlanEdits } from "@/lib/profile-runs/validation-plan";
import type { TargetValues } from "@/lib/profile-runs/findings";
import type { AcceptedFinding, ProfileRunProgress, ProfileRunStatus, ProfileRunSummary, ProfileRunView, ProfileTargetOption, ProfileTargetType } from "@/lib/profile-runs/schema";

/** A run still "uploading" that has not reported progress for this long lost its upload (server restart). */
export const STALE_RUN_MS = 2 * 60 * 1000;

const summarySelect = {
  id: true, targetType: true, targetId: true, targetLabel: true, fileName: true, status: true, rowCount: true, format: true,
  createdByName: true, createdAt: true, accepted: true, updatedAt: true, bytes: true, totalBytes: true, error: true, uploadStartedAt: true, uploadFinishedAt: true,
} as const;
const progressSelect = { id: true, status: true, cancelRequested: true, bytes: true, totalBytes: true, progressRows: true, error: true, updatedAt: true, uploadStartedAt: true, uploadFinishedAt: true } as const;

function statusOf(r: { status: string; updatedAt: Date }, now = Date.now()): ProfileRunStatus {
  if (r.status === "uploading" && now - r.updatedAt.getTime() > STALE_RUN_MS) return "interrupted";
  return r.status as ProfileRunStatus;
}

const acceptedOf = (v: unknown): Record<string, AcceptedFinding> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, AcceptedFinding>) : {});

type SummaryRow = { id: string; targetType: string; targetId: string; targetLabel: string; fileName: string; status: string; rowCount: number | null; format: string; createdByName: string; createdAt: Date; accepted: unknown; updatedAt: Date; bytes: bigint; totalBytes: bigint | null; error: string; uploadStartedAt: Date | null; uploadFinishedAt: Date | null };

function toSummary(r: SummaryRow): ProfileRunSummary {
  const p = toProgress({ ...r, cancelRequested: false, progressRows: r.rowCount ?? 0 });
  return {
    id: r.id, targetType: r.targetType as ProfileTargetType, targetId: r.targetId, targetLabel: r.targetLabel, fileName: r.fileName,
    status: p.status, rowCount: r.rowCount, format: r.format, createdByName: r.createdByName, createdAt: r.createdAt.toISOString(),
    acceptedCount: Object.keys(acceptedOf(r.accepted)).length,
    phase: p.phase, bytes: p.bytes, totalBytes: p.totalBytes, error: p.error,
  };
}

function toProgress(r: { id: string; status: string; cancelRequested: boolean; bytes: bigint; totalBytes: bigint | null; progressRows: number; error: string; updatedAt: Date; uploadStartedAt: Date | null; uploadFinishedAt: Date | null }): ProfileRunProgress {
  const status = statusOf(r);
  return {
    id: r.id, status, cancelRequested: r.cancelRequested, bytes: Number(r.bytes), totalBytes: r.totalBytes === null ? null : Number(r.totalBytes),
    rows: r.progressRows,
    // a silent run not yet swept: say why, as the sweep will
    error: r.error || (status === "interrupted" && r.status === "uploading" ? "The upload went silent (the browser tab was closed, the connection was lost or the server restarted). Nothing was kept; start a new run." : ""),
    phase: status !== "uploading" ? null : r.uploadFinishedAt ? "analysing" : r.uploadStartedAt ? "receiving" : "waiting",
  };
}

/** The latest runs of the engagement, optionally of one target (newest first). */
export async function findProfileRuns(engagementId: AuthorizedEngagementId, target?: { type: ProfileTargetType; id: string }, take = 50): Promise<ProfileRunSummary[]> {
  const rows = await db.profileRun.findMany({
    where: { engagementId, ...(target ? { targetType: target.type, targetId: target.id } : {}) },
    orderBy: { createdAt: "desc" },
    take,
    select: summarySelect,
  });
  return rows.map(toSummary);
}

export async function findProfileRun(engagementId: AuthorizedEngagementId, runId: string): Promise<ProfileRunView | null> {
  if (!isRecordId(runId)) return null;
  const r = await db.profileRun.findFirst({ where: { id: runId, engagementId }, select: { ...summarySelect, ...progressSelect, sha256: true, finishedAt: true, result: true } });
  if (!r) return null;
  return {
    ...toSummary(r),
    ...toProgress(r),
    sha256: r.sha256,
    finishedAt: r.finishedAt?.toISOString() ?? null,
    result: (r.result as Profile | null) ?? null,
    accepted: acceptedOf(r.accepted),
  };
}

export async function findProfileRunProgress(engagementId: AuthorizedEngagementId, runId: string): Promise<ProfileRunProgress | null> {
  if (!isRecordId(runId)) return null;
  const r = await db.profileRun.findFirst({ where: { id: runId, engagementId }, select: progressSelect });
  return r ? toProgress(r) : null;
}

/**
 * The engagement a run belongs to, for the upload route (which has only the run id in its URL). The caller
 * MUST then call requireEngagementAccess with it; an unknown run and a foreign one both end in 404.
 */
export async function findProfileRunEngagementId(runId: string): Promise<string | null> {
  if (!isRecordId(runId)) return null;
  const r = await db.profileRun.findUnique({ where: { id: runId }, select: { engagementId: true } });
  return r?.engagementId ?? null;
}

export type ProfileTarget = { type: ProfileTargetType; id: string; label: string; kind: string; version: number; values: TargetValues };

/** The entity or interface a run profiles, with the values its findings are compared with. */
export async function findProfileTarget(engagementId: AuthorizedEngagementId, type: ProfileTargetType, id: string): Promise<ProfileTarget | null> {
  if (type === "data_entity") {
    const e = await db.dataEntity.findFirst({ where: { id, engagementId }, select: { id: true, entity: true, sourceObject: true, recordCount: true, yearsCovered: true, quirks: true, version: true } });
    if (!e) return null;
    return {
      type, id: e.id, label: `${e.sourceObject} (${e.entity.replace(/_/g, " ")})`, kind: e.entity, version: e.version,
      values: { type, recordCount: e.recordCount === null ? null : Number(e.recordCount), yearsCovered: e.yearsCovered, quirks: (e.quirks as Quirk[]) ?? [] },
    };
  }
  const i = await db.integration.findFirst({ where: { id, engagementId }, select: { id: true, name: true, standard: true, complexity: true, messageTypes: true, version: true } });
  if (!i) return null;
  return { type, id: i.id, label: i.name, kind: i.standard, version: i.version, values: { type, complexity: i.complexity, messageTypes: i.messageTypes } };
}

/** What can be profiled: the data entities and the interfaces (capped; the inventory pages link straight to one). */
export async function findProfileTargetOptions(engagementId: AuthorizedEngagementId, take = 500): Promise<{ entities: ProfileTargetOption[]; integrations: ProfileTargetOption[] }> {
  const [entities, integrations] = await Promise.all([
    db.dataEntity.findMany({ where: { engagementId }, orderBy: [{ entity: "asc" }, { sourceObject: "asc" }], take, select: { id: true, entity: true, sourceObject: true, sourceSystem: true } }),
    db.integration.findMany({ where: { engagementId }, orderBy: { name: "asc" }, take, select: { id: true, name: true, standard: true, partner: true } }),
  ]);
  return {
    entities: entities.map((e) => ({ type: "data_entity", id: e.id, label: e.sourceObject, detail: [e.entity.replace(/_/g, " "), e.sourceSystem].filter(Boolean).join(" · ") })),
    integrations: integrations.map((i) => ({ type: "integration", id: i.id, label: i.name, detail: [i.standard, i.partner].filter(Boolean).join(" · ") })),
  };
}

/** What the validation plan is generated from: the data inventory, each entity's latest finished extract profile, the mock rounds. */
export async function loadValidationPlanInputs(engagementId: AuthorizedEngagementId): Promise<{ entities: PlanEntity[]; profiles: EntityProfile[]; mockRounds: number; engagement: { clientName: string; name: string } }> {
  const [entities, runs, engagement] = await Promise.all([
    db.dataEntity.findMany({ where: { engagementId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, entity: true, sourceObject: true, decision: true, recordCount: true, yearsCovered: true, quirks: true } }),
    // newest first: the first run seen per entity is its latest (one row per entity via DISTINCT ON)
    db.$queryRaw<{ id: string; targetId: string; fileName: string; result: unknown }[]>`
      SELECT DISTINCT ON ("targetId") id, "targetId", "fileName", result
      FROM "ProfileRun"
      WHERE "engagementId" = ${engagementId} AND "targetType" = 'data_entity' AND status = 'done' AND result IS NOT NULL
      ORDER BY "targetId", "createdAt" DESC`,
    db.engagement.findUniqueOrThrow({ where: { id: engagementId }, select: { assumptions: true, clientName: true, name: true } }),
  ]);
  const constants = ((engagement.assumptions ?? {}) as { constants?: Record<string, number> }).constants ?? {};
  return {
    entities: entities.map((e) => ({ ...e, recordCount: e.recordCount === null ? null : Number(e.recordCount), quirks: (e.quirks as Quirk[]) ?? [] })),
    profiles: runs.map((r) => ({ entityId: r.targetId, runId: r.id, fileName: r.fileName, result: r.result as ExtractProfile })),
    mockRounds: constants["data.mockConversionRounds"] ?? DEFAULT_CONSTANTS["data.mockConversionRounds"] ?? 3,
    engagement: { clientName: engagement.clientName, name: engagement.name },
  };
}

export type LoadedValidationPlan = {
  plan: ValidationPlan;
  /** the plan before the consultant's edits (the form compares with it) */
  generated: ValidationPlan;
  edits: ValidationPlanEdits;
  version: number;
  updatedByName: string;
  updatedAt: string | null;
  engagement: { clientName: string; name: string };
};

/** The validation plan as generated now, with the consultant's stored edits laid over it. */
export async function loadValidationPlan(engagementId: AuthorizedEngagementId): Promise<LoadedValidationPlan> {
  const [inputs, stored] = await Promise.all([
    loadValidationPlanInputs(engagementId),
    db.validationPlan.findUnique({ where: { engagementId }, select: { edits: true, version: true, updatedByName: true, updatedAt: true } }),
  ]);
  const generated = validationPlan(inputs.entities, inputs.profiles, inputs.mockRounds);
  const edits = (stored?.edits ?? {}) as ValidationPlanEdits;
  return {
    plan: applyPlanEdits(generated, edits), generated, edits, version: stored?.version ?? 0,
    updatedByName: stored?.updatedByName ?? "", updatedAt: stored && stored.version > 0 ? stored.updatedAt.toISOString() : null,
    engagement: inputs.engagement,
  };
}
