"use server";
// Report-inventory server actions: requireUser → safeParse → requireEngagementAccess(inventory.edit) → mutation.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { requireUser } from "@/lib/auth/session";
import { requireEngagementAccess } from "@/lib/auth/access";
import { invalid, type ActionResult } from "@/lib/errors";
import { invalidValues, refuseIfArchived, RowDeleteSchema, type SavedRow } from "@/lib/inventories/action-input";
import { ReportCreateSchema, ReportUpdateSchema } from "@/lib/reports/schema";
import { createReport, deleteReport, updateReport } from "@/lib/reports/mutations";

function revalidate(engagementId: string) {
  revalidatePath(`/engagements/${engagementId}/reports`);
  revalidatePath(`/engagements/${engagementId}`);
}

export async function createReportAction(input: unknown): Promise<ActionResult<SavedRow>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = ReportCreateSchema.safeParse(input);
    if (!parsed.success) return invalidValues(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "inventory.edit");
    refuseIfArchived(access);
    const saved = await createReport(access.engagementId, { ...user, role: access.role }, parsed.data.values, rid);
    revalidate(access.engagementId);
    return { ok: true, data: saved };
  });
}

export async function updateReportAction(input: unknown): Promise<ActionResult<SavedRow>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = ReportUpdateSchema.safeParse(input);
    if (!parsed.success) return invalidValues(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "inventory.edit");
    refuseIfArchived(access);
    const saved = await updateReport(access.engagementId, { ...user, role: access.role }, parsed.data.id, parsed.data.version, parsed.data.values, rid);
    revalidate(access.engagementId);
    return { ok: true, data: saved };
  });
}

export async function deleteReportAction(input: unknown): Promise<ActionResult> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = RowDeleteSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "inventory.edit");
    refuseIfArchived(access);
    await deleteReport(access.engagementId, { ...user, role: access.role }, parsed.data.id, parsed.data.version, rid);
    revalidate(access.engagementId);
    return { ok: true, data: undefined };
  });
}
