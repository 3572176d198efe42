// next-auth v4 configuration: credentials sign-in, JWT sessions with absolute and idle limits,
// and a sessionVersion that lets sign-out-everywhere and disabling a user take effect at once.
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { findSessionUser, findUserForSignIn } from "@/lib/auth/data";
import { sameOriginRedirect } from "@/lib/auth/redirects";
import { logError, logInfo } from "@/lib/log";
import { isDatabaseUnavailable } from "@/lib/errors";
import { authSecret, env, trustProxy } from "@/lib/env";
import { clientAddressFromHeaders } from "@/lib/auth/client-address";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { isLoginBlocked, recordLoginFailure, recordLoginSuccess } from "@/lib/auth/throttle";
import { recordAuditEvent, recordRefusedAccess } from "@/lib/audit/mutations";

const CredentialsSchema = z.object({ email: z.string().trim().toLowerCase().email().max(320), password: z.string().min(1).max(128) });

/** The client address for throttling and the audit log: the TCP peer, or what TRUST_PROXY allows (lib/auth/client-address.ts). */
export function clientIp(headers: Record<string, unknown> | undefined): string {
  return clientAddressFromHeaders(headers, { trust: trustProxy(), peerHeader: env().SOUNDING_PEER_HEADER });
}

/** Thrown by the jwt callback for a session that was revoked (user disabled, sessionVersion bumped). */
class SessionRevokedError extends Error {
  constructor() {
    super("session revoked");
    this.name = "SessionRevokedError";
  }
}

export async function authorizeCredentials(raw: unknown, ip: string) {
  try {
    return await checkCredentials(raw, ip);
  } catch (err) {
    // The sign-in form says "cannot reach the database" instead of "wrong password" (next-auth passes the
    // message on as ?error=UNAVAILABLE).
    if (isDatabaseUnavailable(err)) throw new Error("UNAVAILABLE");
    throw err;
  }
}

async function checkCredentials(raw: unknown, ip: string) {
  const parsed = CredentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  if (await isLoginBlocked(email, ip)) {
    // Hammering a blocked account is counted per address + account + hour, not chained per attempt.
    await recordRefusedAccess({ organizationId: null, actorId: `address:${ip}`, targetType: "sign-in", targetId: email, reason: "throttled", action: "auth.sign_in_throttled", changes: { ip } });
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
      // Like every page and route (lib/auth/session.ts): a disabled user or an old sessionVersion (sign-out
      // everywhere, password reset) ends the session here too, so /api/auth/session neither answers with
      // the user nor re-issues the cookie (next-auth clears it when this callback throws).
      // While the database is unreachable the check cannot run: the token is kept unchanged (not cleared, so
      // nobody is signed out by an outage) and every page and action still refuses with "not reachable".
      if (typeof token.uid === "string") {
        const user = await findSessionUser(token.uid).catch((e: unknown) => {
          if (isDatabaseUnavailable(e)) return "unavailable" as const;
          throw e;
        });
        if (user === "unavailable") return token;
        if (!user || user.disabledAt || user.sessionVersion !== token.sv) throw new SessionRevokedError();
      }
      token.lastSeen = now;
      return token;
    },
    redirect: ({ url, baseUrl }) => sameOriginRedirect(url, baseUrl),
    async session({ session, token }) {
      if (!token.uid || token.expired) return { expires: session.expires };
      return { ...session, user: { ...session.user, id: token.uid, sv: token.sv } };
    },
  },
  logger: {
    // A revoked session is expected, not an error worth a stack trace; everything else goes to the log.
    error(code, metadata) {
      const err = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
      if (code === "JWT_SESSION_ERROR" && (err as Error | undefined)?.name === "SessionRevokedError") return;
      logError(`next-auth ${code}`, err ?? metadata);
    },
    warn(code) {
      logInfo(`next-auth warning ${code}`);
    },
    debug() {},
  },
  cookies: undefined, // next-auth's defaults: HttpOnly, SameSite=Lax, Secure (and __Secure- prefix) on https
};
