// Profile-run writes: the run's lifecycle (created → progress → done | failed | cancelled | interrupted) and
// accepting a finding into the inventory. Every step that matters is in the engagement's audit chain: the
// start and the outcome with file name, SHA-256 and row count; each accepted finding with the row's
// field-level change and the run it came from.
// INVARIANT: only lib/profiler results (aggregates and masked examples) are written; never a file byte.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { appendAuditEvent, recordAuditEvent } from "@/lib/audit/mutations";
import type { AuthorizedEngagementId } from "@/lib/auth/access";
import type { Actor } from "@/lib/engagements/mutations";
import { auditRow, conflict, notFound } from "@/lib/inventories/mutations";
import type { Quirk } from "@/lib/engagement-format/vocabularies";
import type { Profile } from "@/lib/profiler/types";
import { findingsOf, mergeQuirk, type Finding, type TargetValues } from "@/lib/profile-runs/findings";
import type { AcceptedFinding, CreateProfileRunInput, ProfileTargetType, SaveEntityPlanInput, SaveRoundsInput } from "@/lib/profile-runs/schema";
import type { EntityPlanEdit, ValidationPlanEdits } from "@/lib/profile-runs/validation-plan";
import { findProfileTarget, STALE_RUN_MS } from "@/lib/profile-runs/data";

type RunActor = Actor & { name: string };

const auditActor = (a: Actor) => ({ id: a.id, email: a.email, role: a.role ?? "" });

/** A new run waiting for its upload. The target must be this engagement's. */
export async function createProfileRun(engagementId: AuthorizedEngagementId, actor: RunActor, input: Omit<CreateProfileRunInput, "engagementId">, requestId = ""): Promise<{ id: string }> {
  const target = await findProfileTarget(engagementId, input.targetType, input.targetId);
  if (!target) throw notFound(input.targetType === "data_entity" ? "That data entity" : "That interface");
  return db.$transaction(async (tx) => {
    const run = await tx.profileRun.create({
      data: {
        engagementId, targetType: input.targetType, targetId: target.id, targetLabel: target.label, fileName: input.fileName,
        totalBytes: BigInt(input.bytes), createdById: actor.id, createdByName: actor.name,
      },
      select: { id: true },
    });
    await appendAuditEvent(tx, {
      organizationId: actor.organizationId, engagementId, actor: auditActor(actor), action: "profile_run.start",
      entityType: "profile_run", entityId: run.id,
      changes: { fileName: input.fileName, bytes: input.bytes, target: `${input.targetType}:${target.id}`, targetLabel: target.label },
      requestId,
    });
    return run;
  });
}

/** Progress of a running upload; returns whether someone asked to cancel it. */
export async function recordProfileProgress(runId: string, p: { bytes: number; rows: number }): Promise<{ cancelRequested: boolean }> {
  const r = await db.profileRun.update({ where: { id: runId }, data: { bytes: BigInt(p.bytes), progressRows: p.rows }, select: { cancelRequested: true } });
  return r;
}

/**
 * Claims a waiting run for its one upload (status "uploading", nothing read yet, started by this user):
 * a second upload to the same run, or one by someone else, is refused.
 */
export async function claimProfileRunUpload(engagementId: AuthorizedEngagementId, runId: string, userId: string): Promise<{ targetType: ProfileTargetType; targetId: string; fileName: string }> {
  const run = await db.profileRun.findFirst({ where: { id: runId, engagementId }, select: { createdById: true, targetType: true, targetId: true, fileName: true } });
  if (!run) throw new AppError("NOT_FOUND");
  if (run.createdById !== userId) throw new AppError("FORBIDDEN", "Only the person who started this profile run can upload its file.");
  // the conditional update is the claim: two concurrent uploads, one wins
  const claimed = await db.profileRun.updateMany({ where: { id: runId, engagementId, status: "uploading", uploadStartedAt: null, cancelRequested: false }, data: { uploadStartedAt: new Date() } });
  if (claimed.count !== 1) throw new AppError("CONFLICT", "This profile run already received its file (or was cancelled). Start a new run to profile another file.");
  return { targetType: run.targetType as ProfileTargetType, targetId: run.targetId, fileName: run.fileName };
}

/**
 * The run finished: keep the aggregates and masked examples, audit file name, hash and row count. Returns
 * false (and writes nothing) when the run had already been ended meanwhile (the stale-run sweep).
 */
export async function completeProfileRun(engagementId: AuthorizedEngagementId, actor: Actor, runId: string, result: Profile, requestId = ""): Promise<boolean> {
  const rows = "rows" in result ? result.rows : result.messages;
  return db.$transaction(async (tx) => {
    const r = await tx.profileRun.updateMany({
      where: { id: runId, engagementId, status: "uploading" },
      data: {
        status: "done", sha256: result.file.sha256, bytes: BigInt(result.file.bytes), rowCount: rows, progressRows: rows, format: result.format,
        result: JSON.parse(JSON.stringify(result)) as object, finishedAt: new Date(), error: "",
      },
    });
    if (r.count !== 1) return false;
    await appendAuditEvent(tx, {
      organizationId: actor.organizationId, engagementId, actor: auditActor(actor), action: "profile_run.complete",
      entityType: "profile_run", entityId: runId,
      changes: { fileName: result.file.name, sha256: result.file.sha256, bytes: result.file.bytes, rows, format: result.format },
      requestId,
    });
    return true;
  });
}

/** The run ended without a result: failed (unreadable file: the profiler's one-line message), cancelled or interrupted. */
export async function endProfileRun(engagementId: AuthorizedEngagementId, actor: Actor, runId: string, outcome: { status: "failed" | "cancelled" | "interrupted"; error: string; bytes: number; sha256?: string }, requestId = ""): Promise<void> {
  await db.$transaction(async (tx) => {
    const ended = await tx.profileRun.updateMany({
      where: { id: runId, engagementId, status: "uploading" },
      data: { status: outcome.status, error: outcome.error.slice(0, 500), bytes: BigInt(outcome.bytes), finishedAt: new Date() },
    });
    if (ended.count !== 1) return; // already ended (the stale-run sweep): its outcome stands
    const run = await tx.profileRun.findUniqueOrThrow({ where: { id: runId }, select: { fileName: true } });
    await appendAuditEvent(tx, {
      organizationId: actor.organizationId, engagementId, actor: auditActor(actor), action: `profile_run.${outcome.status}`,
      entityType: "profile_run", entityId: runId,
      changes: { fileName: run.fileName, bytes: outcome.bytes, ...(outcome.sha256 ? { sha256: outcome.sha256 } : {}), error: outcome.error.slice(0, 500) },
      requestId, outcome: "failure",
    });
  });
}

/**
 * The whole file has arrived: from here on the run finishes on the server (the last checks, writing the
 * result) whether or not the browser stays. The run page says so.
 */
export async function markProfileUploadReceived(runId: string, bytes: number): Promise<void> {
  await db.profileRun.updateMany({ where: { id: runId, status: "uploading" }, data: { uploadFinishedAt: new Date(), bytes: BigInt(bytes) } });
}

export const STALE_REASONS = {
  never_started: "The upload never started (the page was closed right after the run was created). Nothing was kept; start a new run.",
  cut_off: "The upload was cut off before the end of the file (the browser tab was closed, the connection was lost or the server restarted). Nothing was kept; start a new run.",
  analysis_stopped: "The server stopped while it was analysing the received file (a restart). Nothing was kept; start a new run.",
} as const;

/**
 * Ends the engagement's runs that are still "uploading" but have not reported for STALE_RUN_MS (a running
 * upload reports every second): interrupted, with the reason, audited as profile_run.interrupted by the
 * system. Safe to run anywhere, any time (a run that reports again in between is left alone). Returns the
 * ids it ended and whether a run is still going (the watchdog job then looks again later).
 */
export async function sweepStaleProfileRuns(engagementId: AuthorizedEngagementId, now = new Date()): Promise<{ ended: string[]; running: number }> {
  const cutoff = new Date(now.getTime() - STALE_RUN_MS);
  const stale = await db.profileRun.findMany({
    where: { engagementId, status: "uploading", updatedAt: { lt: cutoff } },
    select: { id: true, fileName: true, bytes: true, uploadStartedAt: true, uploadFinishedAt: true, engagement: { select: { organizationId: true } } },
  });
  const ended: string[] = [];
  for (const run of stale) {
    const reason = !run.uploadStartedAt ? "never_started" : run.uploadFinishedAt ? "analysis_stopped" : "cut_off";
    const error = STALE_REASONS[reason];
    const done = await db.$transaction(async (tx) => {
      const r = await tx.profileRun.updateMany({
        where: { id: run.id, engagementId, status: "uploading", updatedAt: { lt: cutoff } },
        data: { status: "interrupted", error, finishedAt: now },
      });
      if (r.count !== 1) return false;
      await appendAuditEvent(tx, {
        organizationId: run.engagement.organizationId, engagementId, actor: null, action: "profile_run.interrupted",
        entityType: "profile_run", entityId: run.id,
        changes: { fileName: run.fileName, bytes: Number(run.bytes), error, reason, sweep: true },
        outcome: "failure",
      });
      return true;
    });
    if (done) ended.push(run.id);
  }
  const running = await db.profileRun.count({ where: { engagementId, status: "uploading" } });
  return { ended, running };
}

/** Ask a running profile to stop (the uploading request sees it within a second and ends the run). */
export async function requestProfileRunCancel(engagementId: AuthorizedEngagementId, actor: Actor, runId: string, requestId = ""): Promise<void> {
  const r = await db.profileRun.updateMany({ where: { id: runId, engagementId, status: "uploading" }, data: { cancelRequested: true } });
  if (r.count === 0) {
    const exists = await db.profileRun.findFirst({ where: { id: runId, engagementId }, select: { status: true } });
    if (!exists) throw notFound("That profile run");
    throw new AppError("CONFLICT", "This profile run has already ended.");
  }
  await recordAuditEvent({
    organizationId: actor.organizationId, engagementId, actor: auditActor(actor), action: "profile_run.cancel_requested",
    entityType: "profile_run", entityId: runId, requestId,
  });
}

export type AcceptResult = { finding: Finding; targetType: ProfileTargetType; targetId: string };

/**
 * Writes one finding of a finished run into its target (quirk, record count, years covered, interface
 * complexity or message types), audited as the row's update and as profile_run.accept; the run remembers
 * it. Findings are recomputed from the stored result here, never taken from the client.
 */
export async function acceptProfileFinding(engagementId: AuthorizedEngagementId, actor: Actor, runId: string, findingId: string, requestId = ""): Promise<AcceptResult> {
  return db.$transaction(async (tx) => {
    // the run row is locked for the transaction: two accepts of the same finding, one wins
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "ProfileRun" WHERE id = ${runId} AND "engagementId" = ${engagementId} FOR UPDATE`;
    if (locked.length === 0) throw notFound("That profile run");
    const run = await tx.profileRun.findFirstOrThrow({ where: { id: runId, engagementId }, select: { status: true, result: true, accepted: true, targetType: true, targetId: true, createdAt: true } });
    if (run.status !== "done" || !run.result) throw new AppError("CONFLICT", "This profile run has no findings to accept.");
    const accepted = (run.accepted ?? {}) as Record<string, AcceptedFinding>;
    if (accepted[findingId]) throw new AppError("CONFLICT", "This finding was already accepted.");
    const targetType = run.targetType as ProfileTargetType;
    const target = await findProfileTargetIn(tx, engagementId, targetType, run.targetId);
    if (!target) throw notFound(targetType === "data_entity" ? "The profiled data entity" : "The profiled interface");
    const findings = findingsOf(run.result as unknown as Profile, target.values, { id: runId, createdAt: run.createdAt });
    const finding = findings.find((f) => f.id === findingId);
    if (!finding) throw notFound("That finding");

    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    if (target.values.type === "data_entity") {
      if (finding.type === "quirk") {
        before.quirks = target.values.quirks;
        after.quirks = mergeQuirk(target.values.quirks, finding, findings);
      } else if (finding.field === "recordCount") {
        before.recordCount = target.values.recordCount;
        after.recordCount = finding.value;
      } else if (finding.field === "yearsCovered") {
        before.yearsCovered = target.values.yearsCovered;
        after.yearsCovered = finding.value;
      }
      const data = {
        ...("quirks" in after ? { quirks: after.quirks as Quirk[] as object } : {}),
        ...("recordCount" in after ? { recordCount: BigInt(after.recordCount as number) } : {}),
        ...("yearsCovered" in after ? { yearsCovered: after.yearsCovered as number } : {}),
      };
      const w = await tx.dataEntity.updateMany({ where: { id: target.id, engagementId, version: target.version }, data: { ...data, version: { increment: 1 } } });
      if (w.count !== 1) throw conflict(null, "the data entity");
      await auditRow(tx, { engagementId, actor, entityType: "data_entity", entityId: target.id, action: "update", before, after, requestId });
    } else {
      if (finding.type !== "field" || (finding.field !== "complexity" && finding.field !== "messageTypes")) throw notFound("That finding");
      before[finding.field] = target.values[finding.field];
      after[finding.field] = finding.value;
      const w = await tx.integration.updateMany({ where: { id: target.id, engagementId, version: target.version }, data: { [finding.field]: String(finding.value), version: { increment: 1 } } });
      if (w.count !== 1) throw conflict(null, "the interface");
      await auditRow(tx, { engagementId, actor, entityType: "integration", entityId: target.id, action: "update", before, after, requestId });
    }
    const entry: AcceptedFinding = { at: new Date().toISOString(), by: actor.email };
    await tx.profileRun.update({ where: { id: runId }, data: { accepted: { ...accepted, [findingId]: entry } } });
    await appendAuditEvent(tx, {
      organizationId: actor.organizationId, engagementId, actor: auditActor(actor), action: "profile_run.accept",
      entityType: "profile_run", entityId: runId,
      changes: { finding: findingId, target: `${targetType}:${target.id}` },
      requestId,
    });
    return { finding, targetType, targetId: target.id };
  });
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** findProfileTarget inside the accept transaction (same reads, same tenant scoping). */
async function findProfileTargetIn(tx: Tx, engagementId: AuthorizedEngagementId, type: ProfileTargetType, id: string) {
  if (type === "data_entity") {
    const e = await tx.dataEntity.findFirst({ where: { id, engagementId }, select: { id: true, recordCount: true, yearsCovered: true, quirks: true, version: true } });
    if (!e) return null;
    const values: TargetValues = { type, recordCount: e.recordCount === null ? null : Number(e.recordCount), yearsCovered: e.yearsCovered, quirks: (e.quirks as Quirk[]) ?? [] };
    return { id: e.id, version: e.version, values };
  }
  const i = await tx.integration.findFirst({ where: { id, engagementId }, select: { id: true, complexity: true, messageTypes: true, version: true } });
  if (!i) return null;
  const values: TargetValues = { type, complexity: i.complexity, messageTypes: i.messageTypes };
  return { id: i.id, version: i.version, values };
}

/** Exports are audited like every other export (TRUST.md). */
export async function recordValidationPlanExport(engagementId: AuthorizedEngagementId, actor: Actor, counts: { checks: number; golden: number; rounds: number }, requestId = ""): Promise<void> {
  await recordAuditEvent({
    organizationId: actor.organizationId, engagementId, actor: auditActor(actor), action: "export.validation_plan",
    entityType: "engagement", entityId: engagementId, changes: counts, requestId,
  });
}

const planConflict = () => new AppError("CONFLICT", "Someone else changed the validation plan while you were editing. Reload the page to see their version; nothing was overwritten.");

/**
 * One change of the validation plan's edits: the row is locked, the version must be the one the form was
 * loaded with, the new edits are written with version + 1 and audited (validation_plan.update, before/after
 * of the part that changed). Returns the new version.
 */
async function changeValidationPlan(engagementId: AuthorizedEngagementId, actor: RunActor, expectedVersion: number, part: string, change: (edits: ValidationPlanEdits) => { edits: ValidationPlanEdits; before: unknown; after: unknown }, requestId: string): Promise<{ version: number }> {
  return db.$transaction(async (tx) => {
    await tx.validationPlan.upsert({ where: { engagementId }, create: { engagementId }, update: {} });
    await tx.$queryRaw`SELECT "engagementId" FROM "ValidationPlan" WHERE "engagementId" = ${engagementId} FOR UPDATE`;
    const row = await tx.validationPlan.findUniqueOrThrow({ where: { engagementId }, select: { edits: true, version: true } });
    if (row.version !== expectedVersion) throw planConflict();
    const { edits, before, after } = change((row.edits ?? {}) as ValidationPlanEdits);
    const saved = await tx.validationPlan.update({
      where: { engagementId },
      data: { edits: edits as object, version: { increment: 1 }, updatedById: actor.id, updatedByName: actor.name },
      select: { version: true },
    });
    await appendAuditEvent(tx, {
      organizationId: actor.organizationId, engagementId, actor: auditActor(actor), action: "validation_plan.update",
      entityType: "validation_plan", entityId: engagementId, changes: { part, before, after, version: saved.version }, requestId,
    });
    return saved;
  });
}

/** An entity's part of the plan: which generated checks stay (and their acceptance), added checks, the golden set. */
export async function saveEntityPlan(engagementId: AuthorizedEngagementId, actor: RunActor, input: Omit<SaveEntityPlanInput, "engagementId">, generatedAcceptance: Record<string, string>, requestId = ""): Promise<{ version: number }> {
  const entity = await db.dataEntity.findFirst({ where: { id: input.entityId, engagementId }, select: { sourceObject: true } });
  if (!entity) throw notFound("That data entity");
  return changeValidationPlan(engagementId, actor, input.expectedVersion, `entity:${entity.sourceObject}`, (edits) => {
    const checks: NonNullable<EntityPlanEdit["checks"]> = {};
    for (const c of input.checks) {
      if (!(c.check in generatedAcceptance)) continue; // a check the plan no longer generates
      if (!c.include) checks[c.check] = { omit: true };
      else if (c.acceptance && c.acceptance !== generatedAcceptance[c.check]) checks[c.check] = { acceptance: c.acceptance };
    }
    const next: EntityPlanEdit = {
      ...(Object.keys(checks).length ? { checks } : {}),
      ...(input.added.length ? { added: input.added } : {}),
      goldenSize: input.goldenSize,
      ...(input.goldenNotes ? { goldenNotes: input.goldenNotes } : {}),
    };
    const before = edits.entities?.[input.entityId] ?? {};
    return { edits: { ...edits, entities: { ...edits.entities, [input.entityId]: next } }, before, after: next };
  }, requestId);
}

/** The mock rounds: how many, and each round's acceptance thresholds (one per line). */
export async function saveMockRounds(engagementId: AuthorizedEngagementId, actor: RunActor, input: Omit<SaveRoundsInput, "engagementId">, requestId = ""): Promise<{ version: number }> {
  return changeValidationPlan(engagementId, actor, input.expectedVersion, "mock_rounds", (edits) => {
    const roundAcceptance: Record<string, string[]> = {};
    input.acceptance.slice(0, input.roundCount).forEach((text, i) => {
      const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
      if (lines.length) roundAcceptance[String(i + 1)] = lines;
    });
    const before = { roundCount: edits.roundCount, roundAcceptance: edits.roundAcceptance };
    const after = { roundCount: input.roundCount, roundAcceptance };
    return { edits: { ...edits, ...after }, before, after };
  }, requestId);
}
