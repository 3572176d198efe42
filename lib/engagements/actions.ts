"use server";
// Engagement and membership server actions: requireUser → safeParse → requireEngagementAccess → mutation.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { requireUser } from "@/lib/auth/session";
import { requireEngagementAccess } from "@/lib/auth/access";
import { invalid, type ActionResult } from "@/lib/errors";
import {
  EngagementCreateSchema,
  EngagementIdSchema,
  EngagementUpdateSchema,
  MemberAddSchema,
  MemberRemoveSchema,
  MemberRoleSchema,
} from "@/lib/engagements/schema";
import { addMember, createEngagement, removeMember, setEngagementArchived, setMemberRole, updateEngagement } from "@/lib/engagements/mutations";

export async function createEngagementAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = EngagementCreateSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const created = await createEngagement({ ...user, role: "lead" }, parsed.data, rid);
    revalidatePath("/engagements");
    return { ok: true, data: { id: created.id } };
  });
}

export async function updateEngagementAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = EngagementUpdateSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "engagement.edit");
    const result = await updateEngagement(access.engagementId, { ...user, role: access.role }, parsed.data.version, parsed.data.values, rid);
    revalidatePath(`/engagements/${access.engagementId}`, "layout");
    return { ok: true, data: result };
  });
}

export async function setArchivedAction(input: unknown, archived: boolean): Promise<ActionResult> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = EngagementIdSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "engagement.archive");
    await setEngagementArchived(access.engagementId, { ...user, role: access.role }, archived === true, rid);
    revalidatePath("/engagements");
    revalidatePath(`/engagements/${access.engagementId}`, "layout");
    return { ok: true, data: undefined };
  });
}

export async function addMemberAction(input: unknown): Promise<ActionResult<{ userId: string }>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = MemberAddSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "members.manage");
    const result = await addMember(access.engagementId, { ...user, role: access.role }, parsed.data.email, parsed.data.role, rid);
    revalidatePath(`/engagements/${access.engagementId}/members`);
    return { ok: true, data: result };
  });
}

export async function setMemberRoleAction(input: unknown): Promise<ActionResult> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = MemberRoleSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "members.manage");
    await setMemberRole(access.engagementId, { ...user, role: access.role }, parsed.data.userId, parsed.data.role, rid);
    revalidatePath(`/engagements/${access.engagementId}/members`);
    return { ok: true, data: undefined };
  });
}

export async function removeMemberAction(input: unknown): Promise<ActionResult> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = MemberRemoveSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "members.manage");
    await removeMember(access.engagementId, { ...user, role: access.role }, parsed.data.userId, rid);
    revalidatePath(`/engagements/${access.engagementId}/members`);
    return { ok: true, data: undefined };
  });
}
