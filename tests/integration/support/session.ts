// Integration tests call server actions directly. This module stands in for the signed-in user (the real
// requireUser reads next-auth's cookie, which only exists inside a Next request) and for next/cache.
// Importing it installs the mocks (vi.mock is hoisted to the top of this module); import it before lib code.
import { vi } from "vitest";
import { redirect } from "next/navigation";
import type { CurrentUser } from "@/lib/auth/session";

export const session: { user: CurrentUser | null } = { user: null };

export function signInAs(user: { id: string; email: string; name: string; organizationId: string; isOrgAdmin?: boolean } | null) {
  session.user = user ? { isOrgAdmin: false, ...user } : null;
}

vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  return {
    ...original,
    requireUser: vi.fn(async () => {
      // like the real one: Next's redirect to /sign-in (runAction rethrows it, so the action rejects)
      if (!session.user) redirect("/sign-in");
      return session.user;
    }),
    loadCurrentUser: vi.fn(async () => session.user),
  };
});

/** Kept for readability at the top of test files: the mocks are installed by importing this module. */
export function mockNextRuntime() {}
