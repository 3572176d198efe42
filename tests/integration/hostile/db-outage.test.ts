// Issue 12 item 6: PostgreSQL stopped under a running app. Server actions and route handlers answer within
// 5 s with a clear "not reachable" result (never a hang, never INTERNAL with a stack trace), and the app
// recovers by itself when the database is back — same process, same pool, nothing restarted.
// This file runs its own embedded PostgreSQL (the shared one must stay up for the other files).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mockNextRuntime, signInAs } from "../support/session";
mockNextRuntime();

import { migrateDeploy } from "../../../scripts/lib/database.mjs";
import { findFreePort, startEmbeddedPostgres } from "../../../scripts/lib/embedded-db.mjs";

const DATA = path.resolve(__dirname, "..", "..", "..", ".data");
let dataDir: string;
let port: number;
let pgServer: Awaited<ReturnType<typeof startEmbeddedPostgres>> | null = null;

type Mods = {
  db: typeof import("@/lib/db").db;
  factories: typeof import("@/lib/factories");
  actions: typeof import("@/lib/engagements/actions");
  exportJson: typeof import("@/app/api/engagements/[id]/export.json/route");
};
let m: Mods;

const form = (name: string) => ({
  clientName: "Outage Clinic", name, migrationType: "A", sourceSystem: "", destinationSystem: "",
  providers: "10", locations: "1", specialties: "1", staffUsers: "20", activePatients: "1000", yearsOfData: "5",
  sourceSystemCount: "1", plannedStart: "2027-01-04", currency: "USD", status: "scoping",
});

beforeAll(async () => {
  fs.mkdirSync(DATA, { recursive: true });
  dataDir = fs.mkdtempSync(path.join(DATA, "test-outage-"));
  port = await findFreePort();
  pgServer = await startEmbeddedPostgres({ dataDir, fast: true, port });
  await migrateDeploy(pgServer.url, { quiet: true });
  process.env.DATABASE_URL = pgServer.url;
  m = {
    db: (await import("@/lib/db")).db,
    factories: await import("@/lib/factories"),
    actions: await import("@/lib/engagements/actions"),
    exportJson: await import("@/app/api/engagements/[id]/export.json/route"),
  };
}, 120_000);

afterAll(async () => {
  await m?.db.$disconnect().catch(() => {});
  await pgServer?.stop().catch(() => {});
  fs.rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t = Date.now();
  const value = await fn();
  return { value, ms: Date.now() - t };
}

describe("database outage under a running app", () => {
  it("answers within 5 s with UNAVAILABLE / 503 while PostgreSQL is stopped, and recovers by itself", async () => {
    const world = await m.factories.createEngagementWorld(m.db);
    signInAs(world.lead);
    const get = () => m.exportJson.GET(new Request(`http://localhost/api/engagements/${world.engagement.id}/export.json`), { params: Promise.resolve({ id: world.engagement.id }) });

    expect(await m.actions.createEngagementAction(form("Before"))).toMatchObject({ ok: true });
    expect((await get()).status).toBe(200);

    await pgServer!.stop();
    pgServer = null;

    for (let i = 0; i < 3; i++) {
      const action = await timed(() => m.actions.createEngagementAction(form(`During ${i}`)));
      expect(action.ms).toBeLessThan(5_000);
      expect(action.value).toMatchObject({ ok: false, code: "UNAVAILABLE", message: expect.stringMatching(/database is not reachable/) });
      const route = await timed(get);
      expect(route.ms).toBeLessThan(5_000);
      expect(route.value.status).toBe(503);
      const body = (await route.value.json()) as { error: string; message: string };
      expect(body).toEqual({ error: "UNAVAILABLE", message: expect.stringMatching(/database is not reachable/) });
      expect(JSON.stringify(body)).not.toMatch(/at .*\.js|ECONNREFUSED|stack/);
    }

    pgServer = await startEmbeddedPostgres({ dataDir, fast: true, port });
    // no restart of the app: the pool reconnects on the next request
    let recovered: Awaited<ReturnType<typeof m.actions.createEngagementAction>> | null = null;
    for (let i = 0; i < 20 && !recovered?.ok; i++) {
      recovered = await m.actions.createEngagementAction(form("After"));
      if (!recovered.ok) await new Promise((r) => setTimeout(r, 250));
    }
    expect(recovered).toMatchObject({ ok: true });
    expect((await get()).status).toBe(200);
    // nothing was written while the database was down (and nothing half-written)
    expect(await m.db.engagement.count({ where: { name: { startsWith: "During" } } })).toBe(0);
  }, 120_000);
});
