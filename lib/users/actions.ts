"use server";
// Organization-admin actions (not engagement-scoped): every action re-checks that the caller is an admin.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action";
import { requireUser, type CurrentUser } from "@/lib/auth/session";
import { AppError, invalid, type ActionResult } from "@/lib/errors";
import { PasswordResetSchema, UserCreateSchema, UserIdSchema } from "@/lib/users/schema";
import { createUser, endAllSessions, resetPassword, setUserDisabled } from "@/lib/users/mutations";

async function requireOrgAdmin(): Promise<CurrentUser> {
  const user = await requireUser();
  if (!user.isOrgAdmin) throw new AppError("NOT_FOUND");
  return user;
}

export async function createUserAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async (rid) => {
    const admin = await requireOrgAdmin();
    const parsed = UserCreateSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const user = await createUser(admin.organizationId, parsed.data, admin, rid);
    revalidatePath("/admin/users");
    return { ok: true, data: { id: user.id } };
  });
}

export async function resetPasswordAction(input: unknown): Promise<ActionResult> {
  return runAction(async (rid) => {
    const admin = await requireOrgAdmin();
    const parsed = PasswordResetSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    await resetPassword(admin, parsed.data.userId, parsed.data.password, rid);
    return { ok: true, data: undefined };
  });
}

export async function setUserDisabledAction(input: unknown, disabled: boolean): Promise<ActionResult> {
  return runAction(async (rid) => {
    const admin = await requireOrgAdmin();
    const parsed = UserIdSchema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    await setUserDisabled(admin, parsed.data.userId, disabled === true, rid);
    revalidatePath("/admin/users");
    return { ok: true, data: undefined };
  });
}

/** The signed-in user ends all of their own sessions (including this one). */
export async function signOutEverywhereAction(): Promise<ActionResult> {
  return runAction(async (rid) => {
    const user = await requireUser();
    await endAllSessions(user.id, user.organizationId, { id: user.id, email: user.email }, rid);
    return { ok: true, data: undefined };
  });
}
