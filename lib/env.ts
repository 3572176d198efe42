// The only reader of process.env: parsed once, typed, with clear errors.
import { z } from "zod";
import { parseTrustProxy } from "@/lib/auth/client-address";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().min(1, "DATABASE_URL is not set: start the app with `npm start`, which provides one"),
  AUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.string().optional(),
  // Session limits (TRUST.md: absolute ≤ 12 h, idle ≤ 30 min)
  SESSION_MAX_AGE_SECONDS: z.coerce.number().int().min(60).max(43_200).default(43_200),
  SESSION_IDLE_SECONDS: z.coerce.number().int().min(60).max(1_800).default(1_800),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  // Which reverse proxies may name the client in X-Forwarded-For: unset = none (the TCP peer address is
  // the client), a hop count, or a list of addresses/CIDR ranges (lib/auth/client-address.ts, docs/security.md).
  TRUST_PROXY: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      try {
        parseTrustProxy(v);
      } catch (e) {
        ctx.addIssue({ code: "custom", message: (e as Error).message });
      }
    }),
  // Set by scripts/lib/peer-address.cjs (npm start / npm run dev): the per-run header carrying the peer address.
  SOUNDING_PEER_HEADER: z.string().regex(/^x-sounding-peer-[0-9a-f]{8,64}$/).optional(),
  // Scale (docs/deployment.md): the time one estimate may take in the worker pool before it is stopped
  ESTIMATE_BUDGET_MS: z.coerce.number().int().min(50).max(600_000).default(20_000),
  // connections of the app's own pool (lib/db.ts) per process: with N processes on one database, keep
  // N × (DATABASE_POOL_MAX + JOB_POOL_MAX) + headroom under the server's max_connections (docs/deployment.md)
  DATABASE_POOL_MAX: z.coerce.number().int().min(2).max(200).default(10),
  // connections of the job queue's own pool (pg-boss), beside the app's DATABASE_POOL_MAX
  JOB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(4),
  // Background jobs (lib/jobs, docs/jobs.md): "on" runs the job workers inside each app process (the
  // default, one machine); "off" makes this instance web-only (workers then run in `npm run worker`).
  JOB_WORKERS_IN_APP: z.enum(["on", "off"]).default("on"),
  // /metrics (docs/deployment.md): a scraper sends "Authorization: Bearer <METRICS_TOKEN>"; unset = only
  // requests from this machine (loopback peer address, known under `npm start`/`npm run dev`) are served.
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  // How often an idle worker asks PostgreSQL for work (pg-boss polling; ≥ 500 ms). A job sent from the
  // same process wakes its local workers at once, so this bounds only the latency of jobs sent elsewhere.
  JOB_POLL_INTERVAL_MS: z.coerce.number().int().min(500).max(60_000).default(2_000),
  // Notification digest by e-mail (`npm run digest`, docs/notifications.md): unset = no e-mail, a log line only.
  // e.g. smtps://user:password@smtp.example.com:465 (nodemailer's URL form)
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://").optional(),
  DIGEST_FROM: z.string().min(3).default("Sounding <no-reply@sounding.invalid>"),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

// `next build` imports route modules to collect their configuration; nothing connects or signs then.
export const isBuildPhase = () => process.env.NEXT_PHASE === "phase-production-build";

export function env(): Env {
  if (cached) return cached;
  const source = isBuildPhase() ? { DATABASE_URL: "postgresql://build-phase.invalid/none", ...process.env } : process.env;
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment: ${lines.join("; ")}`);
  }
  cached = parsed.data;
  return cached;
}

let cachedTrust: ReturnType<typeof parseTrustProxy> | undefined;

/** TRUST_PROXY, parsed once (env() has already refused a value it does not understand). */
export function trustProxy(): ReturnType<typeof parseTrustProxy> {
  cachedTrust ??= parseTrustProxy(env().TRUST_PROXY);
  return cachedTrust;
}

export function authSecret(): string {
  const e = env();
  const secret = e.AUTH_SECRET ?? e.NEXTAUTH_SECRET;
  if (!secret) {
    if (e.NODE_ENV === "production" && !isBuildPhase()) throw new Error("AUTH_SECRET (or NEXTAUTH_SECRET) must be set in production");
    return "sounding-development-secret-not-for-production";
  }
  return secret;
}
