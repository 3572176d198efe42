// Login throttling (TRUST.md): 10 consecutive failures per account+IP, 100 failures per IP per day.
// Counters live in PostgreSQL (rate_limits table) so every app instance shares them.
import "server-only";
import { Pool } from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";

const globalForThrottle = globalThis as unknown as {
  soundingThrottle?: { pool: Pool; perAccount: RateLimiterPostgres; perIp: RateLimiterPostgres };
};

function limiters() {
  if (globalForThrottle.soundingThrottle) return globalForThrottle.soundingThrottle;
  const pool = new Pool({ connectionString: env().DATABASE_URL, max: 2, connectionTimeoutMillis: 5_000 });
  const common = { storeClient: pool, storeType: "pool", tableName: "rate_limits", tableCreated: true, clearExpiredByTimeout: false };
  const created = {
    pool,
    perAccount: new RateLimiterPostgres({ ...common, keyPrefix: "login_acct", points: 10, duration: 15 * 60, blockDuration: 15 * 60 }),
    perIp: new RateLimiterPostgres({ ...common, keyPrefix: "login_ip", points: 100, duration: 24 * 60 * 60 }),
  };
  globalForThrottle.soundingThrottle = created;
  return created;
}

function accountKey(email: string, ip: string) {
  return `${email.toLowerCase()}|${ip}`;
}

/** True when this account+IP or this IP is currently blocked. */
export async function isLoginBlocked(email: string, ip: string): Promise<boolean> {
  const { perAccount, perIp } = limiters();
  const [acct, byIp] = await Promise.all([perAccount.get(accountKey(email, ip)), perIp.get(ip)]);
  return (acct !== null && acct.consumedPoints >= 10) || (byIp !== null && byIp.consumedPoints >= 100);
}

export async function recordLoginFailure(email: string, ip: string): Promise<void> {
  const { perAccount, perIp } = limiters();
  await Promise.all([
    perAccount.consume(accountKey(email, ip)).catch((e) => { if (!(e instanceof RateLimiterRes)) throw e; }),
    perIp.consume(ip).catch((e) => { if (!(e instanceof RateLimiterRes)) throw e; }),
  ]);
}

/** A success resets the consecutive-failure counter for that account+IP. */
export async function recordLoginSuccess(email: string, ip: string): Promise<void> {
  await limiters().perAccount.delete(accountKey(email, ip));
}
