// Browser tests (tests/e2e). Playwright starts the real app — `node scripts/start.mjs --fresh`: a
// production build on a fresh embedded PostgreSQL in .data/e2e, migrated and seeded — on port 3100,
// and stops it (SIGTERM: Next.js, then PostgreSQL) when the run ends. Tests get a PrismaClient on
// that database from tests/e2e/support/db.ts.
// Browser: Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH); without it, Playwright's own.
import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_BASE_URL, E2E_DATA_DIR, E2E_PORT } from "./tests/e2e/support/paths";

const CI = Boolean(process.env.CI);
const chromiumPath = process.env.CHROMIUM_PATH || (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  // 2 cores: two browser workers beside next start and PostgreSQL; tests inside a file run in order.
  workers: 2,
  fullyParallel: false,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL: E2E_BASE_URL,
    screenshot: "only-on-failure",
    trace: "retain-on-first-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        ...(isRoot ? ["--no-sandbox"] : []),
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "node scripts/start.mjs --fresh",
    env: {
      SOUNDING_DATA_DIR: E2E_DATA_DIR,
      PORT: String(E2E_PORT),
      HOSTNAME: "", // bind as Next does; the app URL (and NEXTAUTH_URL) is then http://localhost:PORT
      NEXT_TELEMETRY_DISABLED: "1",
    },
    port: E2E_PORT,
    wait: { stdout: /Sounding is running at/ },
    reuseExistingServer: !CI,
    // A production build on 2 cores takes a minute or two alone; several minutes when the machine is shared.
    timeout: 10 * 60_000,
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    stdout: "pipe",
    stderr: "pipe",
  },
});
