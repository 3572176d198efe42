// next-auth v4 configuration: credentials sign-in, JWT sessions with absolute and idle limits,
// and a sessionVersion that lets sign-out-everywhere and disabling a user take effect at once.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { findUserForSignIn } from "@/lib/auth/data";
import { authSecret, env } from "@/lib/env";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { isLoginBlocked, recordLoginFailure, recordLoginSuccess } from "@/lib/auth/throttle";
import { recordAuditEvent } from "@/lib/audit/mutations";

const CredentialsSchema = z.object({ email: z.string().trim().toLowerCase().email().max(320), password: z.string().min(1).max(128) });

function clientIp(headers: Record<string, unknown> | undefined): string {
  const fwd = headers?.["x-forwarded-for"];
  const first = typeof fwd === "string" ? fwd.split(",")[0]?.trim() : undefined;
  return first || (typeof headers?.["x-real-ip"] === "string" ? (headers["x-real-ip"] as string) : "local");
}

export async function authorizeCredentials(raw: unknown, ip: string) {
  const parsed = CredentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  if (await isLoginBlocked(email, ip)) {
    await recordAuditEvent({ action: "auth.sign_in_throttled", entityType: "user", entityId: email, outcome: "denied", changes: { ip } });
    throw new Error("RATE_LIMITED");
  }
  const user = await findUserForSignIn(email);
  const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyPassword(await dummyPasswordHash(), password).then(() => false);
  if (!user || !ok || user.disabledAt) {
    await recordLoginFailure(email, ip);
    await recordAuditEvent({
      organizationId: user?.organizationId ?? null,
      actor: user ? { id: user.id, email: user.email } : null,
      action: "auth.sign_in_failed",
      entityType: "user",
      entityId: user?.id ?? email,
      outcome: "failure",
      changes: { ip, reason: !user ? "unknown_email" : user.disabledAt ? "disabled" : "bad_password" },
    });
    return null;
  }
  await recordLoginSuccess(email, ip);
  await recordAuditEvent({ organizationId: user.organizationId, actor: { id: user.id, email: user.email }, action: "auth.sign_in", entityType: "user", entityId: user.id, changes: { ip } });
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: env().SESSION_MAX_AGE_SECONDS, updateAge: 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, req) => authorizeCredentials(credentials, clientIp(req?.headers as Record<string, unknown> | undefined)),
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      const now = Math.floor(Date.now() / 1000);
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 1;
        token.authTime = now;
        token.lastSeen = now;
        return token;
      }
      const { SESSION_MAX_AGE_SECONDS, SESSION_IDLE_SECONDS } = env();
      const expired =
        typeof token.authTime !== "number" ||
        typeof token.lastSeen !== "number" ||
        now - token.authTime > SESSION_MAX_AGE_SECONDS ||
        now - token.lastSeen > SESSION_IDLE_SECONDS;
      if (expired) return { expired: true };
      token.lastSeen = now;
      return token;
    },
    async session({ session, token }) {
      if (!token.uid || token.expired) return { expires: session.expires };
      return { ...session, user: { ...session.user, id: token.uid, sv: token.sv } };
    },
  },
  cookies: undefined, // next-auth's defaults: HttpOnly, SameSite=Lax, Secure (and __Secure- prefix) on https
};
