// Import a golden fixture as a real engagement with the engagement CLI (the app's own
// createEngagementFromDocument: Playwright cannot load server-only modules itself).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { e2eDatabaseUrl } from "./db";
import { ROOT } from "./paths";

/** Import tests/fixtures/engagements/<file> led by `asEmail`; returns the new engagement's id. */
export function importFixture(asEmail: string, file = "mid-size-type-a.json"): string {
  const out = execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/engagement.ts", "import", `tests/fixtures/engagements/${file}`, "--as", asEmail],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(), NODE_ENV: "production" }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
  const id = out.trim().split(/\s+/).pop() ?? "";
  if (!/^[a-z0-9]{20,}$/.test(id)) throw new Error(`engagement import printed no id: ${out}`);
  return id;
}
