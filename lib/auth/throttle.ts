// Login throttling (TRUST.md, docs/security.md): 10 consecutive failures per account+address (15 min),
// 100 failures per address per day, and — whatever the address, so spreading guesses over many addresses
// does not help — 30 failures per account per hour. Addresses come from lib/auth/client-address.ts.
// Counters live in PostgreSQL (rate_limits table) so every app instance shares them.
import "server-only";
import { Pool } from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { logError } from "@/lib/log";

/** The limits, also listed in docs/security.md. */
export const LOGIN_LIMITS = { perAccountAndAddress: 10, perIpPerDay: 100, perAccountPerHour: 30 } as const;

const globalForThrottle = globalThis as unknown as {
  soundingThrottle?: { pool: Pool; perAccount: RateLimiterPostgres; perIp: RateLimiterPostgres; perUser: RateLimiterPostgres };
};

function limiters() {
  if (globalForThrottle.soundingThrottle) return globalForThrottle.soundingThrottle;
  const pool = new Pool({ connectionString: env().DATABASE_URL, max: 2, connectionTimeoutMillis: 3_000, query_timeout: 10_000 });
  // An idle connection dropped by a restarting database must not crash the process (an 'error' event
  // without a listener does); the pool discards it and connects again on the next sign-in.
  pool.on("error", (err) => logError("login throttle: idle database connection lost", err));
  const common = { storeClient: pool, storeType: "pool", tableName: "rate_limits", tableCreated: true, clearExpiredByTimeout: false };
  const created = {
    pool,
    perAccount: new RateLimiterPostgres({ ...common, keyPrefix: "login_acct", points: LOGIN_LIMITS.perAccountAndAddress, duration: 15 * 60, blockDuration: 15 * 60 }),
    perIp: new RateLimiterPostgres({ ...common, keyPrefix: "login_ip", points: LOGIN_LIMITS.perIpPerDay, duration: 24 * 60 * 60 }),
    perUser: new RateLimiterPostgres({ ...common, keyPrefix: "login_user", points: LOGIN_LIMITS.perAccountPerHour, duration: 60 * 60 }),
  };
  globalForThrottle.soundingThrottle = created;
  return created;
}

function accountKey(email: string, ip: string) {
  return `${email.toLowerCase()}|${ip}`;
}

/** True when this account+address, this address, or this account (from any address) is currently blocked. */
export async function isLoginBlocked(email: string, ip: string): Promise<boolean> {
  const { perAccount, perIp, perUser } = limiters();
  const [acct, byIp, byUser] = await Promise.all([perAccount.get(accountKey(email, ip)), perIp.get(ip), perUser.get(email.toLowerCase())]);
  return (
    (acct !== null && acct.consumedPoints >= LOGIN_LIMITS.perAccountAndAddress) ||
    (byIp !== null && byIp.consumedPoints >= LOGIN_LIMITS.perIpPerDay) ||
    (byUser !== null && byUser.consumedPoints >= LOGIN_LIMITS.perAccountPerHour)
  );
}

export async function recordLoginFailure(email: string, ip: string): Promise<void> {
  const { perAccount, perIp, perUser } = limiters();
  const ignoreLimit = (e: unknown) => {
    if (!(e instanceof RateLimiterRes)) throw e;
  };
  await Promise.all([perAccount.consume(accountKey(email, ip)).catch(ignoreLimit), perIp.consume(ip).catch(ignoreLimit), perUser.consume(email.toLowerCase()).catch(ignoreLimit)]);
}

/**
 * A success resets the consecutive-failure counter for that account+address. The account-wide hourly
 * counter is not reset: a guesser who spreads over many addresses must not be helped by the owner signing in.
 */
export async function recordLoginSuccess(email: string, ip: string): Promise<void> {
  await limiters().perAccount.delete(accountKey(email, ip));
}
