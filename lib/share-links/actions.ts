"use server";
// Share-link server actions (lead only: report.share). requireUser → safeParse → requireEngagementAccess → mutation.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { requireUser } from "@/lib/auth/session";
import { requireEngagementAccess } from "@/lib/auth/access";
import { invalid, type ActionResult } from "@/lib/errors";
import { ShareLinkCreateSchema, ShareLinkRevokeSchema, type CreatedShareLink } from "@/lib/share-links/schema";
import { createShareLink, revokeShareLink } from "@/lib/share-links/mutations";

export async function createShareLinkAction(input: unknown): Promise<ActionResult<CreatedShareLink>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = ShareLinkCreateSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "report.share");
    const { engagementId: _id, ...values } = parsed.data;
    const created = await createShareLink(access.engagementId, { ...user, role: access.role }, values, rid);
    revalidatePath(`/engagements/${access.engagementId}/report`);
    return { ok: true, data: created };
  });
}

export async function revokeShareLinkAction(input: unknown): Promise<ActionResult<{ revokedAt: string }>> {
  return runAction(async (rid) => {
    const user = await requireUser();
    const parsed = ShareLinkRevokeSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const access = await requireEngagementAccess(user.id, parsed.data.engagementId, "report.share");
    const result = await revokeShareLink(access.engagementId, { ...user, role: access.role }, parsed.data.shareLinkId, rid);
    revalidatePath(`/engagements/${access.engagementId}/report`);
    return { ok: true, data: result };
  });
}
