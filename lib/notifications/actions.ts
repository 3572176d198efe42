"use server";
// Notification actions: a signed-in user marks their own notifications read. No engagement capability is
// needed — the recipient is the tenant (markNotificationsRead matches only the caller's rows).
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { requireUser } from "@/lib/auth/session";
import { invalid, type ActionResult } from "@/lib/errors";
import { MarkNotificationsReadSchema } from "@/lib/notifications/schema";
import { markNotificationsRead } from "@/lib/notifications/mutations";

export async function markNotificationsReadAction(input: unknown): Promise<ActionResult<{ marked: number }>> {
  return runAction(async () => {
    const user = await requireUser();
    const parsed = MarkNotificationsReadSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const marked = await markNotificationsRead(user.id, parsed.data);
    revalidatePath("/", "layout"); // the bell's count in the shell
    return { ok: true, data: { marked } };
  });
}
