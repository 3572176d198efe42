// Backup and restore (TRUST.md "no lost data"): a backup restored into a fresh database gives
// identical row counts and checksums per table, and identical sequence positions. Covers the
// Sounding logical dump (always), pg_dump/pg_restore (when a client as new as the server exists),
// and the `npm run db:backup` / `db:restore` commands themselves.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db-client";
import { createEngagementWorld } from "@/lib/factories";
import { backupDatabase, findCompatibleTool, restoreDatabase, serverMajor } from "../../scripts/lib/backup.mjs";

const url = process.env.DATABASE_URL!;
const db = createPrismaClient(url);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sounding-backup-test-"));
const created: string[] = [];

async function withClient<T>(target: string, fn: (c: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new empty database on the same server; returns its URL. */
async function freshDatabase() {
  const name = `restore_${crypto.randomBytes(4).toString("hex")}`;
  await withClient(url, (c) => c.query(`CREATE DATABASE "${name}"`));
  created.push(name);
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Per table: row count and an md5 over the rows' text, in a stable order; plus sequence positions. */
async function fingerprint(target: string) {
  return withClient(target, async (c) => {
    const tables = (
      await c.query<{ relname: string }>(
        `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1`,
      )
    ).rows.map((r) => r.relname);
    const result: Record<string, { rows: number; md5: string }> = {};
    for (const t of tables) {
      // the inventory tally is derived (restore recomputes it) and compared as is: its triggers delete a key whose
      // count goes back to 0, so the live tally equals the recomputed one
      const { rows } = await c.query(
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS md5 FROM public."${t}" x`,
      );
      result[t] = rows[0];
    }
    const sequences: Record<string, string> = {};
    for (const s of (await c.query(`SELECT sequencename FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`)).rows) {
      const { rows } = await c.query(`SELECT last_value::text || '/' || is_called AS v FROM public."${s.sequencename}"`);
      sequences[s.sequencename] = rows[0].v;
    }
    return { tables: result, sequences };
  });
}

beforeAll(async () => {
  // A realistic spread of column types: text, enums, dates, JSON, BigInt, Float, arrays, bigserial.
  const world = await createEngagementWorld(db);
  await db.dataEntity.create({
    data: {
      engagementId: world.engagement.id,
      entity: "patients",
      sourceObject: "PAT_MASTER",
      recordCount: 9_007_199_254_740_993n, // beyond 2^53: must survive without float rounding
      yearsCovered: 12.345678901234567,
      quirks: [{ note: "tabs\tand \"quotes\" and unicode: é 漢字 🙂" }, null, 3.5],
      notes: "line one\nline two\\ and a backslash",
    },
  });
  await db.riskLibraryEntry.create({
    data: { organizationId: world.org.id, key: "vendor-delay", risk: { title: "Vendor delay", likelihood: 3 }, appliesTo: ["A", "C"] },
  });
  for (let i = 0; i < 5; i++) {
    await db.auditEvent.create({
      data: { engagementId: world.engagement.id, action: `test.backup.${i}`, chainKey: world.engagement.id, prevHash: "0".repeat(64), hash: `${i}`.repeat(64), changes: { i } },
    });
  }
});

afterAll(async () => {
  await db.$disconnect();
  for (const name of created) await withClient(url, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).catch(() => {});
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function expectRoundTrip(file: string, restore: (target: string) => Promise<unknown>) {
  const before = await fingerprint(url);
  expect(Object.keys(before.tables).length).toBeGreaterThan(5);
  expect(before.tables.AuditEvent.rows).toBeGreaterThanOrEqual(5);
  expect(fs.statSync(file).size).toBeGreaterThan(0);
  const target = await freshDatabase();
  await restore(target);
  expect(await fingerprint(target)).toEqual(before);
  // The restored schema still carries the append-only trigger.
  await expect(withClient(target, (c) => c.query(`DELETE FROM "AuditEvent"`))).rejects.toThrow(/append-only/);
  return target;
}

describe("backup and restore", () => {
  it("Sounding logical dump: identical rows, checksums and sequences", async () => {
    const file = path.join(tmp, "logical.dump");
    const result = await backupDatabase(url, file, { format: "sounding" });
    expect(result.format).toBe("sounding");
    await expectRoundTrip(file, (target) => restoreDatabase(target, file));
  });

  it("pg_dump / pg_restore: identical rows, checksums and sequences (when a new enough client exists)", async (ctx) => {
    const major = await serverMajor(url);
    if (!findCompatibleTool("pg_dump", major) || !findCompatibleTool("pg_restore", major)) {
      ctx.skip(`no pg_dump/pg_restore ${major}+ on this machine`);
    }
    const file = path.join(tmp, "custom.dump");
    const result = await backupDatabase(url, file, { format: "pg_dump" });
    expect(result.format).toBe("pg_dump");
    await expectRoundTrip(file, (target) => restoreDatabase(target, file));
  });

  it("npm run db:backup / db:restore round trip (and restore refuses DATABASE_URL without --force)", async () => {
    const file = path.join(tmp, "cli.dump");
    const run = (args: string[], databaseUrl: string) =>
      spawnSync(process.execPath, [path.resolve(__dirname, "../../scripts/db.mjs"), ...args], {
        env: { ...process.env, DATABASE_URL: databaseUrl },
        encoding: "utf8",
      });
    const backup = run(["backup", file], url);
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/Backed up/);
    await expectRoundTrip(file, async (target) => {
      const refused = run(["restore", file], target);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/refusing to overwrite .* add --force/);
      const restored = run(["restore", file, "--force"], target);
      expect(restored.status, restored.stderr).toBe(0);
    });
  });
});
