"use server";
// Risk-library server actions: requireUser → safeParse → requireEngagementAccess(risks.edit) → mutation.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { requireUser } from "@/lib/auth/session";
import { requireEngagementAccess } from "@/lib/auth/access";
import { invalid, type ActionResult } from "@/lib/errors";
import { AddFromLibrarySchema, AddSuggestedSchema, DeleteFirmEntrySchema, SaveToFirmLibrarySchema } from "@/lib/risk-library/schema";
import { addRiskFromLibrary, addSuggestedRisks, deleteFirmLibraryEntry, saveRiskToFirmLibrary } from "@/lib/risk-library/mutations";

function revalidate(engagementId: string) {
  revalidatePath(`/engagements/${engagementId}/risks`, "layout");
  revalidatePath(`/engagements/${engagementId}`);
}

export async function addRiskFromLibraryAction(input: unknown): Promise<ActionResult<{ riskId: string; title: string }>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = AddFromLibrarySchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "risks.edit");
    const result = await addRiskFromLibrary(access.engagementId, { ...user, role: access.role }, parsed.data, rid);
    revalidate(access.engagementId);
    return { ok: true, data: result };
  });
}

export async function addSuggestedRisksAction(input: unknown): Promise<ActionResult<{ added: string[]; skipped: string[] }>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = AddSuggestedSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "risks.edit");
    const result = await addSuggestedRisks(access.engagementId, { ...user, role: access.role }, parsed.data.migrationType, rid);
    revalidate(access.engagementId);
    return { ok: true, data: result };
  });
}

export async function saveRiskToFirmLibraryAction(input: unknown): Promise<ActionResult<{ key: string; title: string }>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = SaveToFirmLibrarySchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "risks.edit");
    const result = await saveRiskToFirmLibrary(access.engagementId, { ...user, role: access.role }, parsed.data, rid);
    revalidate(access.engagementId);
    return { ok: true, data: result };
  });
}

export async function deleteFirmLibraryEntryAction(input: unknown): Promise<ActionResult> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = DeleteFirmEntrySchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "risks.edit");
    await deleteFirmLibraryEntry(access.engagementId, { ...user, role: access.role }, parsed.data.key, rid);
    revalidate(access.engagementId);
    return { ok: true, data: undefined };
  });
}
