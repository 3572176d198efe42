"use server";
// Profile-run server actions (issue 10): start a run (the browser then streams the file to
// /api/profile-uploads/[runId]), cancel it, accept a finding into the inventory. Each one:
// runAction → requireUser → zod (strict) → requireEngagementAccess("profile.run") → mutation (audited) → revalidate.
// And the validation plan's edits (item 6): one entity's part (checks kept/reworded/added, golden set) or the
// mock rounds, with requireEngagementAccess("inventory.edit"), refused on an archived engagement; the mutation
// locks, checks the version (optimistic concurrency) and audits validation_plan.update.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { requireUser } from "@/lib/auth/session";
import { requireEngagementAccess } from "@/lib/auth/access";
import { invalid, type ActionResult } from "@/lib/errors";
import { refuseIfArchived } from "@/lib/inventories/action-input";
import { AcceptFindingSchema, CreateProfileRunSchema, ProfileRunRefSchema, SaveEntityPlanSchema, SaveRoundsSchema } from "@/lib/profile-runs/schema";
import { acceptProfileFinding, createProfileRun, requestProfileRunCancel, saveEntityPlan, saveMockRounds } from "@/lib/profile-runs/mutations";
import { enqueueJob } from "@/lib/jobs";
import { logError } from "@/lib/log";
import { FIRST_SWEEP_AFTER_S, profileSweepQueue } from "@/lib/profile-runs/queue";
import { loadValidationPlan } from "@/lib/profile-runs/data";

export async function createProfileRunAction(input: unknown): Promise<ActionResult<{ runId: string }>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = CreateProfileRunSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "profile.run");
    refuseIfArchived(access);
    const { engagementId: _e, ...rest } = parsed.data;
    const run = await createProfileRun(access.engagementId, { ...user, role: access.role }, rest, rid);
    // the watchdog that ends the run if its upload goes silent (one waiting per engagement); without it the
    // pages still show a silent run as interrupted, so a queue failure does not stop the run
    await enqueueJob(profileSweepQueue, { engagementId: access.engagementId }, { singletonKey: access.engagementId, startAfterSeconds: FIRST_SWEEP_AFTER_S })
      .catch((err: unknown) => logError("could not schedule the profile-run sweep", err, { requestId: rid }));
    revalidatePath(`/engagements/${access.engagementId}/profile`);
    return { ok: true, data: { runId: run.id } };
  });
}

export async function cancelProfileRunAction(input: unknown): Promise<ActionResult> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = ProfileRunRefSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "profile.run");
    await requestProfileRunCancel(access.engagementId, { ...user, role: access.role }, parsed.data.runId, rid);
    revalidatePath(`/engagements/${access.engagementId}/profile/${parsed.data.runId}`);
    return { ok: true, data: undefined };
  });
}

export async function acceptProfileFindingAction(input: unknown): Promise<ActionResult<{ findingId: string }>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = AcceptFindingSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    // writing into the inventory: both capabilities (today the same roles; kept explicit if the matrix diverges)
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "profile.run");
    await requireEngagementAccess(user.id, parsed.data.engagementId, "inventory.edit");
    refuseIfArchived(access);
    const r = await acceptProfileFinding(access.engagementId, { ...user, role: access.role }, parsed.data.runId, parsed.data.findingId, rid);
    const base = `/engagements/${access.engagementId}`;
    revalidatePath(`${base}/profile/${parsed.data.runId}`);
    revalidatePath(`${base}/${r.targetType === "data_entity" ? "data" : "integrations"}`);
    revalidatePath(`${base}/estimate`);
    revalidatePath(base);
    return { ok: true, data: { findingId: r.finding.id } };
  });
}

function revalidate(engagementId: string) {
  revalidatePath(`/engagements/${engagementId}/profile/validation-plan`);
  revalidatePath(`/engagements/${engagementId}/report`);
}

export async function saveEntityPlanAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = SaveEntityPlanSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "inventory.edit");
    refuseIfArchived(access);
    const { engagementId: _e, ...rest } = parsed.data;
    // the generated acceptance of each check of this entity: an unchanged text is not stored as an edit
    const { generated } = await loadValidationPlan(access.engagementId);
    const acceptance = Object.fromEntries(generated.checks.filter((c) => c.entityId === rest.entityId).map((c) => [c.check, c.acceptance]));
    const r = await saveEntityPlan(access.engagementId, { ...user, role: access.role }, rest, acceptance, rid);
    revalidate(access.engagementId);
    return { ok: true, data: r };
  });
}

export async function saveMockRoundsAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = SaveRoundsSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "inventory.edit");
    refuseIfArchived(access);
    const { engagementId: _e, ...rest } = parsed.data;
    const r = await saveMockRounds(access.engagementId, { ...user, role: access.role }, rest, rid);
    revalidate(access.engagementId);
    return { ok: true, data: r };
  });
}
